"""The node's outbox as a queue: the next batch of whole transactions, acknowledging it.

Acknowledged rows stay ACKED_RETENTION, so after headquarters is restored from a backup of
that age the node can push them again (epoch change).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import timedelta
from typing import Any

from sqlalchemy import Text, cast, delete, select, update

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.base import utc_now
from lorch_desk.models.sync import OutboxEntry, SyncConflict, SyncRejection
from lorch_desk.sync import protocol as p

ACKED_RETENTION = timedelta(days=14)
# A str as a JSON string (quoted and escaped): the json module's own encoder.
_json_text = json.encoder.encode_basestring
_outbox = OutboxEntry.__table__


def forget_old_acknowledged(uow: UnitOfWork) -> int:
    """Drop outbox rows HQ acknowledged more than ACKED_RETENTION ago (kept for an epoch change)."""
    cutoff = utc_now() - ACKED_RETENTION
    result = uow.session.connection().execute(
        delete(_outbox).where(_outbox.c.acked_at.is_not(None), _outbox.c.acked_at < cutoff)
    )
    return result.rowcount or 0


def next_batch(uow: UnitOfWork) -> list[dict[str, Any]]:
    """The oldest unacknowledged outbox rows, whole transactions only.

    `changes` and `base` stay the JSON text they were stored as: a push sends them as they
    are (`push_body`) instead of decoding and encoding them again.
    """
    # Keys and JSON as stored (text): HQ reads them as they are, so nothing is parsed here.
    columns = (
        _outbox.c.id,
        cast(_outbox.c.op_id, Text).label("op_id"),
        cast(_outbox.c.tx_id, Text).label("tx_id"),
        _outbox.c.table_name,
        cast(_outbox.c.row_id, Text).label("row_id"),
        _outbox.c.op,
        cast(_outbox.c.changes, Text).label("changes"),
        cast(_outbox.c.base, Text).label("base"),
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
            .where(pending, _outbox.c.tx_id == uuid.UUID(last.tx_id), _outbox.c.id > last.id)
            .order_by(_outbox.c.id)
        )
    return [
        {
            "id": entry.id,
            "op_id": entry.op_id,
            "tx_id": entry.tx_id,
            "table": entry.table_name,
            "row_id": entry.row_id,
            "op": entry.op,
            "changes": entry.changes,
            "base": entry.base or "{}",
            "base_seq": entry.base_seq,
        }
        for entry in entries
    ]


def push_body(ops: list[dict[str, Any]]) -> bytes:
    """The JSON body of a push of `ops` (from `next_batch`), their JSON fields spliced in."""
    text = _json_text
    parts = [
        f'{{"id": {op["id"]}, "op_id": {text(op["op_id"])}, "tx_id": {text(op["tx_id"])}, '
        f'"table": {text(op["table"])}, "row_id": {text(op["row_id"])}, "op": {text(op["op"])}, '
        f'"base_seq": {json.dumps(op["base_seq"])}, "changes": {op["changes"]}, '
        f'"base": {op["base"]}}}'
        for op in ops
    ]
    return ('{"ops": [' + ", ".join(parts) + "]}").encode()


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
                    changes=json.loads(op["changes"]),
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
