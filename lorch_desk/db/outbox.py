"""The outbox listener: every flushed change of a replicated row becomes an outbox row.

It runs after the flush, in the same transaction as the business change, so a rolled-back
transaction leaves no outbox row and a committed change always has one. Rows of a session
flagged with SKIP_OUTBOX_KEY (pulled changes being integrated) are not written back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Table, event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from lorch_desk.db import bulk, row_codec
from lorch_desk.models.base import Replicated, new_id, utc_now
from lorch_desk.models.registry import table_class
from lorch_desk.models.sync import OutboxEntry

SKIP_OUTBOX_KEY = "lorch_skip_outbox"
_TX_KEY = "lorch_outbox_tx"
# Position in HQ's feed: HQ assigns it, a node never sends it.
_NOT_SENT = frozenset({"server_seq"})


def install(factory: sessionmaker[Session]) -> None:
    """Write outbox rows for every session of `factory`."""
    event.listen(factory, "after_flush", _after_flush)


def _after_flush(session: Session, _context: Any) -> None:
    if session.info.get(SKIP_OUTBOX_KEY):
        return
    now = utc_now()
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if _replicated(obj):
            rows.append(_insert_op(obj))
    for obj in session.dirty:
        if _replicated(obj) and session.is_modified(obj, include_collections=False):
            op = _update_op(obj)
            if op is not None:
                rows.append(op)
    _write(session, rows, now)


def record_inserts(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """Outbox rows for `rows` inserted into `table` with Core in `session`'s transaction.

    A bulk path (executemany) bypasses the flush, so it calls this with the very values it
    inserted (by column name; a column left out is NULL): the rows are the ones the flush
    listener would write for the same rows.
    """
    if session.info.get(SKIP_OUTBOX_KEY) or not table_class(table.name).is_replicated:
        return
    encoders = row_codec.repeating_encoders(table)
    _write(session, [_insert_op_of(table, row, encoders) for row in rows], utc_now())


def _write(session: Session, rows: list[dict[str, Any]], now: datetime) -> None:
    if not rows:
        return
    tx_id = _transaction_id(session)
    for row in rows:
        row.update(op_id=new_id(), tx_id=tx_id, created_at=now)
    bulk.insert_many(session.connection(), insert(OutboxEntry), rows)


def _replicated(obj: object) -> bool:
    return isinstance(obj, Replicated) and table_class(obj.__tablename__).is_replicated


def _insert_op(obj: Replicated) -> dict[str, Any]:
    table = obj.__table__  # type: ignore[attr-defined]
    return _insert_op_of(table, inspect(obj).dict, row_codec.encoders(table))


def _insert_op_of(
    table: Table, values: Mapping[str, Any], encoders: Iterable[tuple[str, row_codec.Convert]]
) -> dict[str, Any]:
    """The insert op of a new row of `table` whose column values are `values`."""
    changes = {
        key: None if (value := values.get(key)) is None else encode(value)
        for key, encode in encoders
        if key not in _NOT_SENT
    }
    return {
        "table_name": table.name,
        "row_id": values["id"],
        "op": "insert",
        "changes": changes,
        "base": {},
        "base_seq": None,
    }


def _update_op(obj: Replicated) -> dict[str, Any] | None:
    table = obj.__table__  # type: ignore[attr-defined]
    state = inspect(obj)
    changes: dict[str, Any] = {}
    base: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _NOT_SENT:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        column = table.c[attr.key]
        after = history.added[0] if history.added else None
        changes[attr.key] = row_codec.encode(column, after)
        if history.deleted:
            base[attr.key] = row_codec.encode(column, history.deleted[0])
    if set(changes) <= {"updated_at", "updated_by", "row_version"}:
        return None
    seq_history = state.attrs["server_seq"].history
    base_seq = seq_history.deleted[0] if seq_history.deleted else obj.server_seq
    return {
        "table_name": obj.__tablename__,
        "row_id": obj.id,
        "op": "update",
        "changes": changes,
        "base": base,
        "base_seq": base_seq,
    }


def _transaction_id(session: Session) -> uuid.UUID:
    """One id per database transaction: the outbox rows of one commit travel together."""
    transaction = session.get_transaction()
    current = session.info.get(_TX_KEY)
    if current is not None and current[0] is transaction:
        return current[1]
    tx_id = new_id()
    session.info[_TX_KEY] = (transaction, tx_id)
    return tx_id
