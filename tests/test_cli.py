"""The headless commands a clinic's IT person runs: backup and restore from the shell."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lorch_desk import cli, config


@pytest.fixture()
def default_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template_database: Path
) -> Path:
    """The default database file of a fresh data directory, copied from the test template."""
    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.delenv(config.DATABASE_URL_ENV, raising=False)
    target = config.choose_database().sqlite_path
    assert target is not None
    target.write_bytes(template_database.read_bytes())
    return target


def _users(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM user_account").fetchone()[0]


def test_backup_into_the_backups_folder_and_to_a_named_file(
    default_database, tmp_path, capsys
) -> None:  # noqa: ANN001
    assert cli.main(["backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.parent == config.choose_database().backup_dir and _users(made) == 1
    named = tmp_path / "usb" / "copy.sqlite3"
    assert cli.main(["backup", str(named)]) == 0
    assert _users(named) == 1


def test_restore_asks_first_and_keeps_the_current_database(
    default_database, tmp_path, monkeypatch, capsys
) -> None:  # noqa: ANN001
    backup = tmp_path / "old.sqlite3"
    assert cli.main(["backup", str(backup)]) == 0
    with sqlite3.connect(default_database) as connection:
        connection.execute("DELETE FROM login_guard")
        connection.execute("INSERT INTO login_guard (username, failed_count) VALUES ('x', 1)")
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    assert cli.main(["restore", str(backup)]) == 1
    with sqlite3.connect(default_database) as connection:
        assert connection.execute("SELECT count(*) FROM login_guard").fetchone()[0] == 1
    assert cli.main(["restore", str(backup), "--yes"]) == 0
    with sqlite3.connect(default_database) as connection:
        assert connection.execute("SELECT count(*) FROM login_guard").fetchone()[0] == 0
    assert any(config.choose_database().backup_dir.glob("lorch-before-restore-*.sqlite3"))


def test_a_server_database_is_not_copied_by_backup(monkeypatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setenv(config.DATABASE_URL_ENV, "postgresql://postgres@127.0.0.1/lorch")
    assert cli.main(["backup"]) == 2
    assert "pg_dump" in capsys.readouterr().err
