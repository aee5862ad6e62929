"""A valid-looking row of any model, built from its columns alone (for registry-wide tests)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    Uuid,
)
from sqlalchemy.types import TypeDecorator

from lorch_desk.models.base import Base, Replicated, new_id
from lorch_desk.models.registry import TABLE_CLASSES, metadata

_SYNC_COLUMNS = {
    "id",
    "site_id",
    "origin_node_id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "deleted_at",
    "row_version",
    "server_seq",
}


def replicated_models() -> list[type[Replicated]]:
    """Every mapped class of a replicated table, in foreign-key order."""
    by_table = {
        mapper.class_.__tablename__: mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Replicated)
    }
    return [
        by_table[table.name]
        for table in metadata.sorted_tables
        if table.name in by_table and TABLE_CLASSES[table.name].is_replicated
    ]


def value_for(column: Any) -> Any:
    """A fresh value that fits `column`'s type (unique where strings are unique)."""
    column_type = column.type
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    if isinstance(column_type, Boolean):
        return False
    if isinstance(column_type, Uuid):
        return new_id()
    if isinstance(column_type, DateTime):
        return datetime.now(UTC)
    if isinstance(column_type, Date):
        return date(2026, 11, 23)
    if isinstance(column_type, Numeric):
        return Decimal("1")
    if isinstance(column_type, Integer):
        return 1
    if isinstance(column_type, LargeBinary):
        return b"x"
    if isinstance(column_type, JSON):
        return {}
    if isinstance(column_type, String | Text):
        length = getattr(column_type, "length", None) or 32
        return uuid.uuid4().hex[: min(length, 12)]
    raise TypeError(f"no generic value for {column.table.name}.{column.name}: {column_type!r}")


def generic_row(model: type[Replicated], made: dict[str, Any], **overrides: Any) -> Replicated:
    """An instance of `model` with every required column filled.

    A required foreign key points at the row of the referred table in `made` (table → id),
    so build the models in foreign-key order (`replicated_models`).
    """
    values: dict[str, Any] = {}
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        if column.name in _SYNC_COLUMNS or column.name in overrides:
            continue
        if column.nullable or column.default is not None:
            continue
        if column.foreign_keys:
            referred = next(iter(column.foreign_keys)).column.table.name
            values[column.key] = made[referred]
            continue
        values[column.key] = value_for(column)
    values.update(overrides)
    return model(**values)
