"""Column values to JSON and back, by the column's type: how rows travel in sync messages."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Date, DateTime, LargeBinary, Numeric, Table, Uuid
from sqlalchemy.types import TypeDecorator


def _kind(column: Column[Any]) -> type:
    column_type = column.type
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    for kind in (Uuid, DateTime, Date, Numeric, LargeBinary):
        if isinstance(column_type, kind):
            return kind
    return object


def encode(column: Column[Any], value: Any) -> Any:
    """A JSON-safe form of `value` read from `column`."""
    if value is None:
        return None
    kind = _kind(column)
    if kind is Uuid:
        return str(value)
    if kind is DateTime:
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if kind is Date:
        return value.isoformat()
    if kind is Numeric:
        return str(value)
    if kind is LargeBinary:
        return base64.b64encode(value).decode("ascii")
    return value


def decode(column: Column[Any], value: Any) -> Any:
    """The Python value of `column` from its encoded form."""
    if value is None:
        return None
    kind = _kind(column)
    if kind is Uuid:
        return uuid.UUID(value)
    if kind is DateTime:
        return datetime.fromisoformat(value)
    if kind is Date:
        return date.fromisoformat(value)
    if kind is Numeric:
        return Decimal(value)
    if kind is LargeBinary:
        return base64.b64decode(value)
    return value


def encode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Every column of `row` (a mapping by column name) in encoded form."""
    return {name: encode(table.c[name], value) for name, value in row.items()}


def decode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """The columns of `table` found in an encoded `row`; unknown keys are dropped."""
    return {name: decode(table.c[name], value) for name, value in row.items() if name in table.c}
