"""What headquarters does with one pushed op, decided from the row as HQ holds it.

Pure decisions over plain dicts (no database): who may write the table, insert or duplicate,
and the three-way merge of a shared-mutable row. Both the batched and the op-by-op paths of
hq_push use them, so the rules exist once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from lorch_desk.db import row_codec
from lorch_desk.domain.table_classes import TableClass
from lorch_desk.models.registry import TABLE_CLASSES
from lorch_desk.sync import protocol as p

IDENTITY = frozenset({"id", "site_id", "origin_node_id", "created_at", "created_by", "server_seq"})


@dataclass(frozen=True, slots=True)
class PushingNode:
    node_id: uuid.UUID
    site_id: uuid.UUID
    is_headquarters: bool


@dataclass
class Decision:
    """The answer to one op and, when it changes the row, the values to write."""

    result: str
    reason: str | None = None
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    insert: dict[str, Any] | None = None
    update: dict[str, Any] | None = None

    @property
    def changed(self) -> bool:
        return self.insert is not None or self.update is not None


def decide(
    node: PushingNode, table: Table, op: dict[str, Any], current: dict[str, Any] | None
) -> Decision:
    """Check ownership and policy for `op`, given HQ's `current` row (None if absent)."""
    kind = TABLE_CLASSES.get(table.name)
    if kind is None or not kind.is_replicated:
        return Decision(p.REJECTED, p.REJECT_UNKNOWN_TABLE)
    if kind is TableClass.CENTRAL and not node.is_headquarters:
        return Decision(p.REJECTED, p.REJECT_CENTRAL_TABLE)
    if current is not None:
        owner = current["site_id"]
    else:
        site = op["changes"].get("site_id")
        owner = row_codec.decode(table.c.site_id, site) if site else None
    owned = kind in {TableClass.SITE_DOCUMENT, TableClass.LEDGER}
    if owned and owner != node.site_id and not node.is_headquarters:
        return Decision(p.REJECTED, p.REJECT_OTHER_SITE)
    if op["op"] == "insert":
        if current is not None:
            return Decision(p.DUPLICATE)
        values = row_codec.decode_row(table, op["changes"])
        values.pop("server_seq", None)
        return Decision(p.APPLIED, insert=values)
    if kind is TableClass.LEDGER:
        return Decision(p.REJECTED, p.REJECT_LEDGER_UPDATE)
    if current is None:
        return Decision(p.REJECTED, p.REJECT_MISSING_ROW)
    if kind is TableClass.SHARED_MUTABLE:
        return _merge(table, current, op)
    values = {
        key: row_codec.decode(table.c[key], value)
        for key, value in op["changes"].items()
        if key in table.c and key not in IDENTITY
    }
    values["row_version"] = current["row_version"] + 1
    return Decision(p.APPLIED, update=values)


def _merge(table: Table, current: dict[str, Any], op: dict[str, Any]) -> Decision:
    """Three-way merge by field: HQ value == base → take the node's; both changed → conflict."""
    base: dict[str, Any] = op.get("base") or {}
    values: dict[str, Any] = {}
    conflicts = []
    for key, new in op["changes"].items():
        if key not in table.c or key in IDENTITY or key in p.BOOKKEEPING:
            continue
        column = table.c[key]
        held = row_codec.encode(column, current[key])
        if held == new:
            continue
        if key in base and base[key] == held:
            values[key] = row_codec.decode(column, new)
        else:
            conflicts.append({"field": key, "base": base.get(key), "kept": held, "other": new})
    if values:
        for key in p.BOOKKEEPING - {"row_version"}:
            if key in op["changes"]:
                values[key] = row_codec.decode(table.c[key], op["changes"][key])
    values["row_version"] = current["row_version"] + 1
    result = p.CONFLICT if conflicts else p.APPLIED
    return Decision(result, conflicts=conflicts, update=values)
