"""Bring a database to the newest schema at start, after a backup of an older one."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from lorch_desk.db.backup import backup_into


def _resource_root() -> Path:
    """The folder holding migrations/: the repository, or the PyInstaller bundle."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parents[2]


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_resource_root() / "migrations"))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(
    engine: Engine, *, backup_dir: Path | None = None, sqlite_path: Path | None = None
) -> Path | None:
    """Upgrade to head; an SQLite file with an older schema is backed up first. Returns the backup."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    made = None
    if current is not None and sqlite_path is not None and backup_dir is not None:
        made = backup_into(sqlite_path, backup_dir, f"before-migration-{current}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return made


def downgrade(engine: Engine, revision: str) -> None:
    """Step the schema back to `revision` (tests and emergency only)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
