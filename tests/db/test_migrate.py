"""Migrations give exactly the models' schema on SQLite and PostgreSQL, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from lorch_desk.db.engine import make_engine
from lorch_desk.db.migrate import current_revision, downgrade, head_revision, upgrade
from lorch_desk.db.search_index import NAME_INDEX_TABLE
from lorch_desk.models.registry import metadata


def _schema_difference(engine) -> list:  # noqa: ANN001
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, type_, *_: (
                    not (type_ == "table" and name.startswith(NAME_INDEX_TABLE))
                ),
            },
        )
        return compare_metadata(context, metadata)


def _round_trip(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert _schema_difference(engine) == []
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert _schema_difference(engine) == []
    engine.dispose()


def test_upgrade_on_empty_sqlite_gives_the_models_schema(tmp_path: Path) -> None:
    _round_trip(f"sqlite:///{tmp_path / 'empty.sqlite3'}")


@pytest.mark.postgres
def test_upgrade_on_postgresql_gives_the_models_schema(pg_url: str) -> None:
    _round_trip(pg_url)


def test_sqlite_connections_use_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()


_NEXT_REVISION = '''
"""a later release adds a column"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("site") as batch_op:
        batch_op.add_column(sa.Column("motto", sa.String(50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("site") as batch_op:
        batch_op.drop_column("motto")
'''


def test_an_older_database_is_backed_up_before_a_newer_release_upgrades_it(
    database_path: Path, tmp_path: Path
) -> None:
    """A database of this release, opened by a release with one more migration."""
    import shutil
    import sqlite3

    newer = tmp_path / "newer-migrations"
    shutil.copytree(Path(__file__).resolve().parents[2] / "migrations", newer)
    (newer / "versions" / "9999_motto.py").write_text(
        _NEXT_REVISION.replace("{head}", head_revision())
    )
    engine = make_engine(f"sqlite:///{database_path}")
    backups = tmp_path / "backups"

    made = upgrade(engine, backup_dir=backups, sqlite_path=database_path, script_location=newer)

    assert made is not None and made.parent == backups
    assert current_revision(engine) == "9999"
    with sqlite3.connect(made) as old:
        assert (
            old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        )
        assert "motto" not in {row[1] for row in old.execute("PRAGMA table_info(site)")}
        assert old.execute("SELECT count(*) FROM user_account").fetchone()[0] == 1
    assert (
        upgrade(engine, backup_dir=backups, sqlite_path=database_path, script_location=newer)
        is None
    )
    assert len(list(backups.iterdir())) == 1
    engine.dispose()


def test_the_start_up_shortcut_knows_the_newest_migration() -> None:
    from lorch_desk.db.migrate import SCHEMA_HEAD, scripts_head

    assert scripts_head() == SCHEMA_HEAD
