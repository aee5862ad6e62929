"""Flush rules of every session: sync stamps, append-only ledgers, no deletes, the audit log."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Delete, Update, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from lorch_desk.db import outbox
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import BulkWriteRefused, LedgerIsAppendOnly, PhysicalDeleteRefused
from lorch_desk.domain.table_classes import TableClass
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.base import Replicated, new_id, utc_now
from lorch_desk.models.registry import table_class

ACTOR_KEY = "actor"
CHANGES_KEY = "changes"
# Sync integration sets this execution option to write pulled rows in bulk.
ALLOW_BULK_OPTION = "lorch_allow_bulk"
_HIDDEN_FIELDS = frozenset({"password_hash"})
_BOOKKEEPING_FIELDS = frozenset({"updated_at", "updated_by", "row_version", "server_seq"})
# Sync columns of a new row: the audit entry itself already says who, when, where and which row.
_NEW_ROW_BOOKKEEPING = _BOOKKEEPING_FIELDS | {
    "id",
    "site_id",
    "origin_node_id",
    "created_at",
    "created_by",
}


def install(factory: sessionmaker[Session]) -> None:
    """Attach the flush and bulk-statement rules to every session of `factory`."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _refuse_bulk_writes)
    # After the rules above stamped the rows: the outbox records what was really written.
    outbox.install(factory)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    actor: Actor = session.info[ACTOR_KEY]
    changes: ChangeSet = session.info[CHANGES_KEY]
    now = utc_now()
    for obj in list(session.deleted):
        if isinstance(obj, Replicated):
            raise PhysicalDeleteRefused(table=obj.__tablename__)
        changes.touch(obj.__tablename__)
    for obj in list(session.new):
        table = obj.__tablename__
        changes.touch(table)
        if isinstance(obj, Replicated):
            _stamp_new(obj, actor, now)
            if not isinstance(obj, AuditEntry):
                session.add(_audit(actor, "create", obj, _all_fields(obj), now))
                changes.touch(AuditEntry.__tablename__)
    for obj in list(session.dirty):
        if not session.is_modified(obj, include_collections=False):
            continue
        table = obj.__tablename__
        changes.touch(table)
        if not isinstance(obj, Replicated):
            continue
        if table_class(table) is TableClass.LEDGER:
            raise LedgerIsAppendOnly(table=table)
        diff = _changed_fields(obj)
        action = "delete" if "deleted_at" in diff and diff["deleted_at"][0] is None else "update"
        obj.row_version = (obj.row_version or 0) + 1
        obj.updated_at = now
        obj.updated_by = actor.user_id
        session.add(_audit(actor, action, obj, diff, now))
        changes.touch(AuditEntry.__tablename__)


def _stamp_new(obj: Replicated, actor: Actor, now: datetime) -> None:
    if obj.id is None:
        obj.id = new_id()
    if obj.site_id is None:
        obj.site_id = actor.site_id
    if obj.origin_node_id is None:
        obj.origin_node_id = actor.node_id
    obj.created_at = obj.created_at or now
    obj.updated_at = obj.created_at
    obj.created_by = obj.created_by or actor.user_id
    obj.updated_by = obj.created_by
    obj.row_version = 1


def _audit(
    actor: Actor, action: str, obj: Replicated, changes: dict[str, Any], now: datetime
) -> AuditEntry:
    entry = audit_entry(actor, action, obj.__tablename__, obj.id, changes)
    # Added during the flush, after session.new was read: stamp it here or it has no site.
    _stamp_new(entry, actor, now)
    return entry


def audit_entry(
    actor: Actor, action: str, table: str, row_id: uuid.UUID, changes: dict[str, Any]
) -> AuditEntry:
    """An audit row for `action` on `table`/`row_id` by `actor`."""
    return AuditEntry(
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action=action,
        table_name=table,
        row_id=str(row_id),
        changes={key: [_plain(before), _plain(after)] for key, (before, after) in changes.items()},
    )


def _all_fields(obj: Replicated) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    return {
        attr.key: (None, "***" if attr.key in _HIDDEN_FIELDS else attr.value)
        for attr in state.attrs
        if attr.key in state.mapper.columns
        and attr.key not in _NEW_ROW_BOOKKEEPING
        and attr.value not in (None, "")
    }


def _changed_fields(obj: Replicated) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    diff: dict[str, tuple[Any, Any]] = {}
    for attr in state.attrs:
        if attr.key not in state.mapper.columns or attr.key in _BOOKKEEPING_FIELDS:
            continue
        history = attr.history
        if not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if before == after:
            continue
        if attr.key in _HIDDEN_FIELDS:
            before, after = "***", "***"
        diff[attr.key] = (before, after)
    return diff


def _plain(value: Any) -> Any:
    """A JSON-safe copy of a column value."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def _refuse_bulk_writes(state: ORMExecuteState) -> None:
    statement = state.statement
    if not isinstance(statement, Update | Delete):
        return
    if state.execution_options.get(ALLOW_BULK_OPTION):
        return
    table = statement.table.name  # type: ignore[attr-defined]
    if table_class(table).is_replicated:
        # Bulk statements skip the flush: no stamps, no audit, no outbox.
        raise BulkWriteRefused(table=table)
