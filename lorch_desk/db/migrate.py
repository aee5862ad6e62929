"""Bring a database to the newest schema at start, after a backup of an older one.

Alembic is imported only when a database is not at SCHEMA_HEAD, so an ordinary start reads one
row and loads no migration scripts (tests check SCHEMA_HEAD against the scripts' head).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from lorch_desk.db.backup import backup_into

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions; bump it with every new migration.
SCHEMA_HEAD = "0015"


def _resource_root() -> Path:
    """The folder holding migrations/: the repository, or the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parents[2]


def alembic_config(script_location: Path | None = None) -> Config:
    """Alembic's configuration over our migrations/ (or another folder, for tests)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(script_location or _resource_root() / "migrations")
    )
    return config


def head_revision(script_location: Path | None = None) -> str:
    """The head revision of the migration scripts (SCHEMA_HEAD for our own)."""
    if script_location is None:
        return SCHEMA_HEAD
    return scripts_head(script_location)


def scripts_head(script_location: Path | None = None) -> str:
    """The head revision read from the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(
    engine: Engine,
    *,
    backup_dir: Path | None = None,
    sqlite_path: Path | None = None,
    script_location: Path | None = None,
) -> Path | None:
    """Upgrade to head; an SQLite file with an older schema is backed up first. Returns the backup."""
    current = current_revision(engine)
    if current == head_revision(script_location):
        return None
    from alembic import command

    made = None
    if current is not None and sqlite_path is not None and backup_dir is not None:
        made = backup_into(sqlite_path, backup_dir, f"before-migration-{current}")
    config = alembic_config(script_location)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return made


def downgrade(engine: Engine, revision: str) -> None:
    """Step the schema back to `revision` (tests and emergency only)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
