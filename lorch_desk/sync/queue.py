"""The node's outbox as a queue: the next batch of whole transactions, acknowledging it.

Acknowledged rows stay ACKED_RETENTION, so after headquarters is restored from a backup of
that age the node can push them again (epoch change).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select, update

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.base import utc_now
from lorch_desk.models.sync import OutboxEntry, SyncConflict, SyncRejection
from lorch_desk.sync import protocol as p

ACKED_RETENTION = timedelta(days=14)
_outbox = OutboxEntry.__table__


def forget_old_acknowledged(uow: UnitOfWork) -> int:
    """Drop outbox rows HQ acknowledged more than ACKED_RETENTION ago (kept for an epoch change)."""
    cutoff = utc_now() - ACKED_RETENTION
    result = uow.session.connection().execute(
        delete(_outbox).where(_outbox.c.acked_at.is_not(None), _outbox.c.acked_at < cutoff)
    )
    return result.rowcount or 0


def next_batch(uow: UnitOfWork) -> list[dict[str, Any]]:
    """The oldest unacknowledged outbox rows, whole transactions only."""
    columns = (
        _outbox.c.id,
        _outbox.c.op_id,
        _outbox.c.tx_id,
        _outbox.c.table_name,
        _outbox.c.row_id,
        _outbox.c.op,
        _outbox.c.changes,
        _outbox.c.base,
        _outbox.c.base_seq,
    )
    connection = uow.session.connection()
    pending = _outbox.c.acked_at.is_(None)
    entries = list(
        connection.execute(
            select(*columns).where(pending).order_by(_outbox.c.id).limit(p.PUSH_BATCH)
        )
    )
    if len(entries) == p.PUSH_BATCH:
        last = entries[-1]
        entries += connection.execute(
            select(*columns)
            .where(pending, _outbox.c.tx_id == last.tx_id, _outbox.c.id > last.id)
            .order_by(_outbox.c.id)
        )
    return [
        {
            "id": entry.id,
            "op_id": str(entry.op_id),
            "tx_id": str(entry.tx_id),
            "table": entry.table_name,
            "row_id": str(entry.row_id),
            "op": entry.op,
            "changes": entry.changes,
            "base": entry.base,
            "base_seq": entry.base_seq,
        }
        for entry in entries
    ]


def acknowledge(uow: UnitOfWork, ops: list[dict[str, Any]], answer: dict[str, Any]) -> None:
    """Mark what HQ acknowledged; keep its rejections and conflicts for the administrator."""
    now = utc_now()
    by_op = {result["op_id"]: result for result in answer["results"]}
    node_id = uow.actor.node_id
    by_result: dict[str, list[int]] = defaultdict(list)
    for op in ops:
        if op["id"] > answer["acked_through"]:
            continue
        result = by_op.get(op["op_id"], {"result": p.DUPLICATE})
        by_result[result["result"]].append(op["id"])
        if result["result"] == p.REJECTED:
            uow.session.add(
                SyncRejection(
                    op_id=uuid.UUID(op["op_id"]),
                    node_id=node_id,
                    table_name=op["table"],
                    row_id=uuid.UUID(op["row_id"]),
                    reason=result.get("reason") or "",
                    changes=op["changes"],
                )
            )
        for clash in result.get("conflicts") or []:
            uow.session.add(
                SyncConflict(
                    op_id=uuid.UUID(op["op_id"]),
                    node_id=node_id,
                    table_name=op["table"],
                    row_id=uuid.UUID(op["row_id"]),
                    field=clash["field"],
                    base_value=clash["base"],
                    kept_value=clash["kept"],
                    other_value=clash["other"],
                )
            )
    connection = uow.session.connection()
    for result, ids in by_result.items():
        connection.execute(
            update(_outbox).where(_outbox.c.id.in_(ids)).values(acked_at=now, result=result)
        )
    uow.session.flush()
