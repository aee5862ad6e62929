"""Settings without Qt: data directory, database URL, demo mode."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "LorchDesk"
APP_AUTHOR = "Lorch"
DATABASE_URL_ENV = "LORCH_DATABASE_URL"
DATA_DIR_ENV = "LORCH_DATA_DIR"
# The one password of every account on the demo database (never used on a real one).
DEMO_PASSWORD = "demo2026"


def data_dir() -> Path:
    """The per-user data directory (LORCH_DATA_DIR overrides it), created on demand."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True, slots=True)
class DatabaseChoice:
    """Which database the app opens and where its backups go."""

    url: str
    is_demo: bool

    @property
    def sqlite_path(self) -> Path | None:
        """The file of an SQLite database, None for a server database."""
        prefix = "sqlite:///"
        return Path(self.url[len(prefix) :]) if self.url.startswith(prefix) else None

    @property
    def backup_dir(self) -> Path:
        path = data_dir() / ("demo-backups" if self.is_demo else "backups")
        path.mkdir(parents=True, exist_ok=True)
        return path


def choose_database(*, demo: bool = False, saved_url: str | None = None) -> DatabaseChoice:
    """Demo file if asked, else LORCH_DATABASE_URL, else the saved URL, else the default file."""
    if demo:
        return DatabaseChoice(sqlite_url(data_dir() / "lorch-demo.sqlite3"), is_demo=True)
    url = os.environ.get(DATABASE_URL_ENV) or saved_url
    if url:
        return DatabaseChoice(url, is_demo=False)
    return DatabaseChoice(sqlite_url(data_dir() / "lorch.sqlite3"), is_demo=False)


def log_file() -> Path:
    """Where unexpected errors are written."""
    return data_dir() / "lorch-desk.log"
