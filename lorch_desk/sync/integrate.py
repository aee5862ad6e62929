"""Integrating pulled rows: one transaction, foreign-key order, pending local rows skipped."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from lorch_desk.db import row_codec
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.base import new_id
from lorch_desk.models.registry import metadata
from lorch_desk.models.sync import OutboxEntry, SyncRejection
from lorch_desk.services import sync_status as state
from lorch_desk.sync import protocol as p
from lorch_desk.sync.stock_cache import add_to_balances, stored_move_ids

_outbox = OutboxEntry.__table__
_MOVES = "stock_move"
_TABLE_ORDER = {table.name: index for index, table in enumerate(metadata.sorted_tables)}


def integrate(uow: UnitOfWork, changes: list[dict[str, Any]], cursor: int) -> tuple[int, int]:
    """Write pulled rows in foreign-key order, skipping rows with unpushed local changes."""
    connection = uow.session.connection()
    if connection.dialect.name == "sqlite":
        # Rows of one table may refer to each other (merged customers, corrections).
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    pending = {
        (row.table_name, row.row_id)
        for row in connection.execute(
            select(_outbox.c.table_name, _outbox.c.row_id).where(_outbox.c.acked_at.is_(None))
        )
    }
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    skipped = 0
    for change in sorted(changes, key=lambda change: change["seq"]):
        table = metadata.tables.get(change["table"])
        if table is None:
            continue
        values = row_codec.decode_row(table, change["row"])
        if (change["table"], values["id"]) in pending:
            skipped += 1
            continue
        by_table[table.name].append(values)
    moves = by_table.get(_MOVES, [])
    known = stored_move_ids(connection, (move["id"] for move in moves))
    integrated = 0
    for name in sorted(by_table, key=lambda name: _TABLE_ORDER.get(name, 0)):
        integrated += _upsert_or_set_aside(uow, metadata.tables[name], by_table[name])
    new_moves = {move["id"]: move for move in moves if move["id"] not in known}
    stored = stored_move_ids(connection, new_moves)
    add_to_balances(connection, (new_moves[move_id] for move_id in stored))
    if new_moves:
        uow.changes.touch(_MOVES, "stock_balance")
    state.write_value(uow, state.CURSOR, str(cursor))
    return integrated, skipped


def _upsert_or_set_aside(uow: UnitOfWork, table: Any, rows: list[dict[str, Any]]) -> int:
    """Upsert the rows together; if the database refuses, one by one, listing the refused.

    A refused row clashes with a local row headquarters rejected (a card number issued
    twice, say): it is listed with the rejected changes and the post-sync check reports the
    difference, but it never blocks the feed.
    """
    connection = uow.session.connection()
    savepoint = connection.begin_nested()
    try:
        _upsert(connection, table, rows)
        savepoint.commit()
        return len(rows)
    except DBAPIError:
        savepoint.rollback()
    stored = 0
    for row in rows:
        savepoint = connection.begin_nested()
        try:
            _upsert(connection, table, [row])
            savepoint.commit()
            stored += 1
        except DBAPIError:
            savepoint.rollback()
            uow.session.add(
                SyncRejection(
                    op_id=new_id(),
                    node_id=uow.actor.node_id,
                    table_name=table.name,
                    row_id=row["id"],
                    reason=p.REJECT_PULLED_CLASH,
                    changes=row_codec.encode_row(table, row),
                )
            )
    uow.session.flush()
    return stored


def _upsert(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert or overwrite whole rows, a few statements for many rows."""
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    for columns, group in groups.items():
        statement = insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=["id"],
            set_={key: statement.excluded[key] for key in columns if key != "id"},
        )
        connection.execute(statement, group)
