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
