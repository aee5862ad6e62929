"""Backups while the app writes, the daily copy and its retention, and restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lorch_desk.db.backup import (
    DAILY_RETENTION,
    BackupNotPossible,
    backup_sqlite,
    restore_sqlite,
    take_daily_backup,
)
from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.models.customer import Customer


def _file_numbers(path: Path) -> set[str]:
    """Read the copy with plain sqlite3, as a person restoring it by hand would."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {row[0] for row in connection.execute("SELECT file_number FROM customer")}
    finally:
        connection.close()


def _register(database: Database, actor: Actor, number: str) -> None:
    database.run(
        actor,
        lambda uow, _p: uow.session.add(Customer(file_number=number, name="陈静", gender="female")),
    )


def test_a_backup_during_an_open_write_has_exactly_the_committed_rows(
    database: Database, database_path: Path, system_actor: Actor, tmp_path: Path
) -> None:
    _register(database, system_actor, "BJ-2026-000001")

    with database.unit_of_work(system_actor) as uow:
        uow.session.add(Customer(file_number="BJ-2026-000002", name="未提交", gender="female"))
        uow.session.flush()  # holds the write lock (BEGIN IMMEDIATE), not committed
        copy = backup_sqlite(database_path, tmp_path / "copy" / "backup.sqlite3")

    assert copy.exists()
    assert not copy.with_suffix(".sqlite3.partial").exists()
    assert _file_numbers(copy) == {"BJ-2026-000001"}
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT code FROM site").fetchall() == [("BJ",)]
        assert connection.execute("SELECT username FROM user_account").fetchall() == [("admin",)]
    finally:
        connection.close()


def test_a_backup_of_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupNotPossible):
        backup_sqlite(tmp_path / "nothing.sqlite3", tmp_path / "copy.sqlite3")


def test_the_daily_backup_keeps_the_newest_fourteen(database_path: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    first = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for day in range(20):
        assert take_daily_backup(database_path, backups, first + timedelta(days=day)) is not None

    kept = sorted(path.name for path in backups.glob("lorch-daily-*.sqlite3"))
    assert len(kept) == DAILY_RETENTION == 14
    assert kept[0].startswith("lorch-daily-20260307")
    assert kept[-1].startswith("lorch-daily-20260320")


def test_the_daily_backup_is_taken_once_a_day(database_path: Path, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    morning = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
    made = take_daily_backup(database_path, backups, morning)
    assert made is not None and made.exists()

    assert take_daily_backup(database_path, backups, morning + timedelta(hours=8)) is None
    assert list(backups.iterdir()) == [made]


def test_other_backups_do_not_count_against_the_daily_ones(
    database_path: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    backup_sqlite(database_path, backups / "lorch-before-migration-0001-20260301-000000.sqlite3")
    first = datetime(2026, 3, 1, tzinfo=UTC)
    for day in range(DAILY_RETENTION + 2):
        take_daily_backup(database_path, backups, first + timedelta(days=day))
    assert (backups / "lorch-before-migration-0001-20260301-000000.sqlite3").exists()


def test_restore_brings_back_the_old_content(
    database: Database, database_path: Path, system_actor: Actor, tmp_path: Path
) -> None:
    _register(database, system_actor, "BJ-2026-000001")
    backup = backup_sqlite(database_path, tmp_path / "before.sqlite3")
    _register(database, system_actor, "BJ-2026-000002")
    database.dispose()  # restore needs every connection closed
    assert _file_numbers(database_path) == {"BJ-2026-000001", "BJ-2026-000002"}

    restore_sqlite(backup, database_path)

    assert _file_numbers(database_path) == {"BJ-2026-000001"}
    reopened = Database(make_engine(f"sqlite:///{database_path}"))
    _register(reopened, system_actor, "BJ-2026-000003")
    reopened.dispose()
    assert _file_numbers(database_path) == {"BJ-2026-000001", "BJ-2026-000003"}


def test_restore_from_a_missing_backup_leaves_the_database_alone(
    database_path: Path, tmp_path: Path
) -> None:
    before = database_path.read_bytes()
    with pytest.raises(BackupNotPossible):
        restore_sqlite(tmp_path / "gone.sqlite3", database_path)
    assert database_path.read_bytes() == before
