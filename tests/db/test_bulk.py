"""bulk.insert_many stores exactly what SQLAlchemy's own executemany stores, on both databases."""

from __future__ import annotations

import gc
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    Column,
    Date,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Uuid,
    insert,
    select,
)
from sqlalchemy.orm import Session

from lorch_desk.db import bulk
from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.models.base import Money, Quantity, UtcDateTime, new_id
from lorch_desk.models.sync import OutboxEntry

_metadata = MetaData()
_sample = Table(
    "bulk_sample",
    _metadata,
    Column("id", Uuid, primary_key=True),
    Column("path", String(10), nullable=False),
    Column("ref", Uuid),
    Column("at", UtcDateTime()),
    Column("day", Date),
    Column("quantity", Quantity),
    Column("amount", Money),
    Column("doc", JSON),
    Column("n", Integer),
)


def _rows(path: str, shared: uuid.UUID) -> list[dict[str, Any]]:
    beijing = timezone(timedelta(hours=8))
    when = datetime(2026, 11, 23, 9, 30, 15, 123456, tzinfo=beijing)
    return [
        {
            "id": new_id(),
            "path": path,
            "ref": shared if i % 2 else None,
            "at": when + timedelta(seconds=i // 2) if i != 3 else None,
            "day": date(2026, 1, 1) + timedelta(days=i),
            "quantity": Decimal("12.345") * i,
            "amount": Decimal("-0.10") if i % 2 else Decimal("1999.99"),
            "doc": {"name": "盘点", "n": i, "list": [str(shared)], "none": None},
            "n": i,
        }
        for i in range(150)  # enough rows for the driver path
    ]


def _stored(engine: Engine, path: str) -> list[tuple[Any, ...]]:
    columns = ", ".join(c.name for c in _sample.columns if c.name != "id")
    with engine.connect() as connection:
        raw = connection.exec_driver_sql(
            f"SELECT {columns} FROM bulk_sample WHERE path = '{path}' ORDER BY n"
        ).all()
    return [tuple(row[1:]) for row in raw]


def _same_as_sqlalchemy(engine: Engine) -> None:
    _metadata.create_all(engine)
    shared = new_id()
    ours, theirs = _rows("ours", shared), _rows("theirs", shared)
    with engine.begin() as connection:
        bulk.insert_many(connection, insert(_sample), ours)
        connection.execute(insert(_sample), theirs)
    # The raw stored values (what the driver wrote) are the same, path and id aside.
    assert _stored(engine, "ours") == _stored(engine, "theirs")
    # And they read back as the values written.
    with engine.connect() as connection:
        back = [
            dict(row._mapping)
            for row in connection.execute(
                select(_sample).where(_sample.c.path == "ours").order_by(_sample.c.n)
            )
        ]
    for row in ours:
        if row["at"] is not None:
            row["at"] = row["at"].astimezone(UTC)
    assert back == ours
    _metadata.drop_all(engine)


def test_sqlite_stores_the_same_values(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    _same_as_sqlalchemy(engine)
    engine.dispose()


def test_postgresql_stores_the_same_values(pg_url: str) -> None:
    engine = make_engine(pg_url)
    _same_as_sqlalchemy(engine)
    engine.dispose()


def test_a_missing_key_is_refused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    _metadata.create_all(engine)
    rows = _rows("ours", new_id())
    del rows[1]["n"]
    with pytest.raises(KeyError), engine.begin() as connection:
        bulk.insert_many(connection, insert(_sample), rows)
    assert _stored(engine, "ours") == []
    engine.dispose()


def _outbox_rows(count: int) -> list[dict[str, Any]]:
    tx_id, now = new_id(), datetime.now(UTC)
    return [
        {
            "op_id": new_id(),
            "tx_id": tx_id,
            "table_name": "stock_move",
            "row_id": new_id(),
            "op": "insert",
            "changes": {"quantity": "1.000", "batch": "批号", "expiry": None},
            "base": {},
            "base_seq": None,
            "created_at": now,
        }
        for _ in range(count)
    ]


def _outbox_read_back_through_the_orm(database: Database) -> None:
    rows = _outbox_rows(150)
    with database.engine.begin() as connection:
        bulk.insert_many(connection, insert(OutboxEntry), rows)
    with Session(database.engine) as session:
        back = {
            entry.op_id: entry
            for entry in session.scalars(
                select(OutboxEntry).where(OutboxEntry.tx_id == rows[0]["tx_id"])
            )
        }
        assert len(back) == len(rows)
        for row in rows:
            entry = back[row["op_id"]]
            assert {key: getattr(entry, key) for key in row} == row


def test_outbox_rows_read_back_through_the_orm_on_sqlite(database: Database) -> None:
    _outbox_read_back_through_the_orm(database)


def test_outbox_rows_read_back_through_the_orm_on_postgresql(pg_database: Database) -> None:
    _outbox_read_back_through_the_orm(pg_database)


def test_the_collector_runs_again_afterwards() -> None:
    assert gc.isenabled()
    with bulk.collector_paused():
        assert not gc.isenabled()
        with bulk.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), bulk.collector_paused():
        raise ValueError
    assert gc.isenabled()
