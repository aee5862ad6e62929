"""Applying a node's pushed ops at headquarters: idempotent, owner-checked, merged by field.

One call is one server transaction over whole outbox transactions of one node. Ops at or
below the node's `last_applied`, or whose op id was already answered, are duplicates. A
rejected op is an answer, not an error, so it never blocks the node's queue.

The batch is applied with a few statements per table (rows fetched and locked together by
one array parameter; new rows, feed entries and answered ops streamed with COPY, updates by
executemany). Should the database refuse the batch (a unique number already
taken, say), it is rolled back and applied again op by op, each in its own savepoint, so
only the offending op is rejected.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.exc import DBAPIError

from lorch_desk.models.base import utc_now
from lorch_desk.models.registry import metadata
from lorch_desk.models.sync import SyncAppliedOp, SyncConflict, SyncNode, SyncRejection
from lorch_desk.sync import protocol as p
from lorch_desk.sync.hq_feed import (
    FeedWriter,
    copy_many,
    insert_many,
    one_of,
    publish_local_changes,
)
from lorch_desk.sync.hq_rules import Decision, PushingNode, decide
from lorch_desk.sync.stock_cache import add_to_balances

__all__ = ["PushingNode", "apply_push"]
_nodes = SyncNode.__table__
_applied = SyncAppliedOp.__table__
_Key = tuple[str, uuid.UUID]
_OP_ID, _ROW_ID = "_op_uuid", "_row_uuid"  # an op's ids, parsed by apply_push
_MOVES = "stock_move"  # its new rows are added to HQ's balance cache (sync/stock_cache.py)


def apply_push(connection: Connection, node: PushingNode, ops: list[dict]) -> dict[str, Any]:
    """Apply `ops` (outbox rows, oldest first) in the caller's transaction; the answer."""
    last_applied = connection.scalar(
        select(_nodes.c.last_applied).where(_nodes.c.id == node.node_id).with_for_update()
    )
    feed = FeedWriter(connection)
    publish_local_changes(connection, feed)
    for op in ops:  # parsed once: every step below needs them
        op[_OP_ID], op[_ROW_ID] = uuid.UUID(op["op_id"]), uuid.UUID(op["row_id"])
    op_ids = [op[_OP_ID] for op in ops]
    answered = set()
    if op_ids:
        answered = set(
            connection.scalars(
                select(_applied.c.op_id).where(one_of(connection, _applied.c.op_id, op_ids))
            )
        )
    fresh, duplicates = [], []
    for op in sorted(ops, key=lambda op: op["id"]):
        seen = op["id"] <= last_applied or op[_OP_ID] in answered
        (duplicates if seen else fresh).append(op)
        answered.add(op[_OP_ID])
    first_seq = feed.next_seq
    savepoint = connection.begin_nested()
    try:
        decisions = _apply_batch(connection, node, fresh, feed)
        savepoint.commit()
    except DBAPIError:
        savepoint.rollback()
        feed.rewind(first_seq)
        decisions = [_apply_alone(connection, node, op, feed) for op in fresh]
    _record(connection, node, fresh, decisions)
    if fresh:
        last_applied = max(last_applied, fresh[-1]["id"])
    connection.execute(
        update(_nodes)
        .where(_nodes.c.id == node.node_id)
        .values(last_applied=last_applied, last_seen_at=utc_now())
    )
    results = [{"op_id": op["op_id"], "result": p.DUPLICATE} for op in duplicates]
    results += [_result(op, decision) for op, decision in zip(fresh, decisions, strict=True)]
    return {"acked_through": last_applied, "results": results}


def _result(op: dict, decision: Decision) -> dict[str, Any]:
    """The answer to one op; reason and conflicts only when there are some (a short answer)."""
    result: dict[str, Any] = {"op_id": op["op_id"], "result": decision.result}
    if decision.reason is not None:
        result["reason"] = decision.reason
    if decision.conflicts:
        result["conflicts"] = decision.conflicts
    return result


def _table(name: str) -> Table | None:
    return metadata.tables.get(name)


def _apply_batch(
    connection: Connection, node: PushingNode, ops: list[dict], feed: FeedWriter
) -> list[Decision]:
    """Decide every op against rows fetched together, then write them in bulk."""
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for op in ops:
        if _table(op["table"]) is not None:
            wanted[op["table"]].add(op[_ROW_ID])
    current: dict[_Key, dict[str, Any]] = {}
    for name, ids in wanted.items():
        table = metadata.tables[name]
        query = select(table).where(one_of(connection, table.c.id, ids)).with_for_update()
        for row in connection.execute(query).mappings():
            current[(name, row["id"])] = dict(row)
    inserts: dict[str, dict[uuid.UUID, dict[str, Any]]] = defaultdict(dict)
    updates: dict[str, dict[uuid.UUID, dict[str, Any]]] = defaultdict(dict)
    entries, decisions = [], []
    for op in ops:
        table = _table(op["table"])
        if table is None:
            decisions.append(Decision(p.REJECTED, p.REJECT_UNKNOWN_TABLE))
            continue
        key = (table.name, op[_ROW_ID])
        decision = decide(node, table, op, current.get(key))
        decisions.append(decision)
        if not decision.changed:
            continue
        seq = feed.allocate()
        if decision.insert is not None:
            row = {**decision.insert, "server_seq": seq}
            current[key] = row
            inserts[table.name][key[1]] = row
        else:
            values = {**(decision.update or {}), "server_seq": seq}
            current[key].update(values)
            if key[1] in inserts[table.name]:
                inserts[table.name][key[1]].update(values)
            else:
                updates[table.name].setdefault(key[1], {}).update(values)
        entries.append(
            feed.entry(
                seq,
                table.name,
                key[1],
                current[key]["site_id"],
                origin_node_id=node.node_id,
                op_id=op[_OP_ID],
            )
        )
    for name in _in_key_order(inserts):
        for group in _by_columns(list(inserts[name].values())).values():
            copy_many(connection, metadata.tables[name], group)
    add_to_balances(connection, inserts.get(_MOVES, {}).values())
    for name, rows in updates.items():
        table = metadata.tables[name]
        for columns, group in _by_columns(
            [{**values, "_row_id": row_id} for row_id, values in rows.items()]
        ).items():
            statement = (
                update(table)
                .where(table.c.id == bindparam("_row_id"))
                .values({column: bindparam(column) for column in columns if column != "_row_id"})
            )
            connection.execute(statement, group)
    feed.write_entries(entries)
    return decisions


def _in_key_order(tables: dict[str, Any]) -> list[str]:
    """Tables in foreign-key order, so referenced rows are inserted first."""
    order = {table.name: index for index, table in enumerate(metadata.sorted_tables)}
    return sorted(tables, key=lambda name: order.get(name, 0))


def _by_columns(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    return groups


def _apply_alone(connection: Connection, node: PushingNode, op: dict, feed: FeedWriter) -> Decision:
    """One op in its own savepoint: a row the database refuses is a rejection."""
    table = _table(op["table"])
    if table is None:
        return Decision(p.REJECTED, p.REJECT_UNKNOWN_TABLE)
    row_id = op[_ROW_ID]
    savepoint = connection.begin_nested()
    try:
        found = (
            connection.execute(select(table).where(table.c.id == row_id).with_for_update())
            .mappings()
            .first()
        )
        decision = decide(node, table, op, dict(found) if found else None)
        if decision.insert is not None:
            connection.execute(table.insert().values(**decision.insert))
            if table.name == _MOVES:
                add_to_balances(connection, [decision.insert])
        elif decision.update is not None:
            connection.execute(update(table).where(table.c.id == row_id).values(decision.update))
        if decision.changed:
            site_id = connection.scalar(select(table.c.site_id).where(table.c.id == row_id))
            feed.record(
                table.name,
                row_id,
                site_id,
                origin_node_id=node.node_id,
                op_id=op[_OP_ID],
            )
    except (DBAPIError, ValueError, KeyError, TypeError):
        savepoint.rollback()
        return Decision(p.REJECTED, p.REJECT_INVALID)
    savepoint.commit()
    return decision


def _record(
    connection: Connection, node: PushingNode, ops: list[dict], decisions: list[Decision]
) -> None:
    """Remember every answered op, and keep rejections and conflicts for the administrator."""
    now = utc_now()
    applied, rejections, conflicts = [], [], []
    for op, decision in zip(ops, decisions, strict=True):
        op_id, row_id = op[_OP_ID], op[_ROW_ID]
        applied.append(
            {"op_id": op_id, "node_id": node.node_id, "result": decision.result, "recorded_at": now}
        )
        if decision.result == p.REJECTED:
            rejections.append(
                {
                    "op_id": op_id,
                    "node_id": node.node_id,
                    "table_name": op["table"],
                    "row_id": row_id,
                    "reason": decision.reason,
                    "changes": op["changes"],
                    "recorded_at": now,
                }
            )
        for clash in decision.conflicts:
            conflicts.append(
                {
                    "op_id": op_id,
                    "node_id": node.node_id,
                    "table_name": op["table"],
                    "row_id": row_id,
                    "field": clash["field"],
                    "base_value": clash["base"],
                    "kept_value": clash["kept"],
                    "other_value": clash["other"],
                    "recorded_at": now,
                    "resolved_at": None,
                    "resolved_by": None,
                    "resolution": None,
                }
            )
    copy_many(connection, _applied, applied)
    insert_many(connection, SyncRejection.__table__, rejections)
    insert_many(connection, SyncConflict.__table__, conflicts)
