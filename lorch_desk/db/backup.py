"""Consistent copies of the SQLite database while the app runs, restore, retention."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from lorch_desk.domain.errors import DomainError

DAILY_RETENTION = 14
_STAMP = "%Y%m%d-%H%M%S"


class BackupNotPossible(DomainError):
    code = "backup_not_possible"


def backup_sqlite(database: Path, target: Path) -> Path:
    """Copy `database` to `target` with SQLite's online backup API (safe while others write)."""
    if not database.exists():
        raise BackupNotPossible(path=str(database))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".partial")
    source = sqlite3.connect(database)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            # A backup is one self-contained file, not a WAL database with side files.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source.close()
    partial.replace(target)
    return target


def backup_file_name(reason: str, when: datetime | None = None) -> str:
    """lorch-<reason>-20261123-101500.sqlite3"""
    return f"lorch-{reason}-{(when or datetime.now(UTC)).strftime(_STAMP)}.sqlite3"


def backup_into(database: Path, directory: Path, reason: str) -> Path:
    """A timestamped backup of `database` in `directory`."""
    return backup_sqlite(database, directory / backup_file_name(reason))


def take_daily_backup(
    database: Path, directory: Path, today: datetime | None = None
) -> Path | None:
    """Back up once a day and keep the newest DAILY_RETENTION daily copies; None if done today."""
    now = today or datetime.now(UTC)
    prefix = f"lorch-daily-{now.strftime('%Y%m%d')}"
    if any(directory.glob(prefix + "*.sqlite3")):
        return None
    made = backup_sqlite(database, directory / backup_file_name("daily", now))
    dailies = sorted(directory.glob("lorch-daily-*.sqlite3"))
    for old in dailies[:-DAILY_RETENTION]:
        old.unlink()
    return made


def restore_sqlite(backup: Path, database: Path) -> None:
    """Replace `database` by `backup` (the caller has confirmed and closed every connection)."""
    if not backup.exists():
        raise BackupNotPossible(path=str(backup))
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    backup_sqlite(backup, database)
