"""Sync conflicts and rejected changes: the lists an administrator settles.

A conflict is a field two sites changed differently; headquarters kept one value and this
list keeps the other. Applying either is an ordinary edit of the record, so it is audited and
travels through the outbox like any other change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from lorch_desk.db import row_codec
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import Base, utc_now
from lorch_desk.models.sync import SyncConflict, SyncRejection
from lorch_desk.services.access import require

KEEP = "kept"
TAKE_OTHER = "other"


@dataclass(frozen=True, slots=True)
class ConflictRow:
    id: int
    table_name: str
    row_id: uuid.UUID
    record: str
    field: str
    kept_value: str
    other_value: str
    base_value: str
    recorded_at: datetime
    resolution: str | None


@dataclass(frozen=True, slots=True)
class RejectionRow:
    id: int
    table_name: str
    row_id: uuid.UUID
    reason: str
    recorded_at: datetime
    # The record's number and name as people know it; "" when it is not on this node.
    record: str = ""


# The columns that name a record for people, in the order they are shown.
_LABEL_COLUMNS = ("number", "file_number", "code", "name")


def _find_model(table_name: str) -> type[Any] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table_name:
            return mapper.class_
    return None


def _model_of(table_name: str) -> type[Any]:
    model = _find_model(table_name)
    if model is None:
        raise NotFound(table=table_name)
    return model


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def record_label(uow: UnitOfWork, table_name: str, row_id: uuid.UUID) -> str:
    """The record's document or file number and name; "" when this node does not have it."""
    model = _find_model(table_name)
    row = uow.session.get(model, row_id) if model is not None else None
    if row is None:
        return ""
    parts = [getattr(row, name, "") for name in _LABEL_COLUMNS]
    return " ".join(str(part) for part in parts if part and isinstance(part, str))


def list_conflicts(uow: UnitOfWork, *, include_resolved: bool = False) -> list[ConflictRow]:
    """Conflicts, newest first; open ones only unless asked."""
    require(uow.actor, Action.SYNC_RESOLVE)
    query = select(SyncConflict).order_by(SyncConflict.id.desc())
    if not include_resolved:
        query = query.where(SyncConflict.resolved_at.is_(None))
    return [
        ConflictRow(
            c.id,
            c.table_name,
            c.row_id,
            record_label(uow, c.table_name, c.row_id),
            c.field,
            _shown(c.kept_value),
            _shown(c.other_value),
            _shown(c.base_value),
            c.recorded_at,
            c.resolution,
        )
        for c in uow.session.scalars(query)
    ]


def resolve_conflict(uow: UnitOfWork, *, conflict_id: int, choice: str) -> ConflictRow:
    """Settle a conflict: keep HQ's value, or apply the other one to the record."""
    require(uow.actor, Action.SYNC_RESOLVE)
    if choice not in (KEEP, TAKE_OTHER):
        raise ValidationFailed(field="choice", rule="choice")
    conflict = uow.session.get(SyncConflict, conflict_id, with_for_update=True)
    if conflict is None:
        raise NotFound(conflict=conflict_id)
    if conflict.resolved_at is not None:
        raise ValidationFailed(field="conflict", rule="already_resolved")
    if choice == TAKE_OTHER:
        model = _model_of(conflict.table_name)
        row = uow.session.get(model, conflict.row_id, with_for_update=True)
        if row is None:
            raise NotFound(table=conflict.table_name)
        column = model.__table__.c[conflict.field]
        setattr(row, conflict.field, row_codec.decode(column, conflict.other_value))
        uow.changes.touch(conflict.table_name)
    conflict.resolved_at = utc_now()
    conflict.resolved_by = uow.actor.user_id
    conflict.resolution = choice
    uow.session.flush()
    uow.changes.touch(SyncConflict.__tablename__)
    return next(r for r in list_conflicts(uow, include_resolved=True) if r.id == conflict_id)


def list_rejections(uow: UnitOfWork) -> list[RejectionRow]:
    """Changes headquarters refused, newest first."""
    require(uow.actor, Action.SYNC_RESOLVE)
    return [
        RejectionRow(
            r.id,
            r.table_name,
            r.row_id,
            r.reason,
            r.recorded_at,
            record_label(uow, r.table_name, r.row_id),
        )
        for r in uow.session.scalars(select(SyncRejection).order_by(SyncRejection.id.desc()))
    ]
