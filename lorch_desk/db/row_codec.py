"""Column values to JSON and back, by the column's type: how rows travel in sync messages."""

from __future__ import annotations

import base64
import functools
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Date, DateTime, LargeBinary, Numeric, Table, Uuid
from sqlalchemy.types import TypeDecorator

Convert = Callable[[Any], Any]


def _encode_datetime(value: datetime) -> str:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


def _encode_bytes(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _same(value: Any) -> Any:
    return value


# Rows of one batch repeat most keys (site, node, user, referenced rows) and times: parsing
# them is the codec's main cost, so recent ones are remembered (the values are immutable).
_decode_uuid = functools.lru_cache(maxsize=4096)(uuid.UUID)
_decode_datetime = functools.lru_cache(maxsize=4096)(datetime.fromisoformat)

# (type, to JSON, from JSON); a column of none of these types travels as it is.
_KINDS: tuple[tuple[type, Convert, Convert], ...] = (
    (Uuid, str, _decode_uuid),
    (DateTime, _encode_datetime, _decode_datetime),
    (Date, date.isoformat, date.fromisoformat),
    (Numeric, str, Decimal),
    (LargeBinary, _encode_bytes, base64.b64decode),
)


@functools.cache
def _converters(column: Column[Any]) -> tuple[Convert, Convert]:
    """(encode, decode) of `column`, looked up once: the codec runs for every synced value."""
    column_type = column.type
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    for kind, to_json, from_json in _KINDS:
        if isinstance(column_type, kind):
            return to_json, from_json
    return _same, _same


def encode(column: Column[Any], value: Any) -> Any:
    """A JSON-safe form of `value` read from `column`."""
    return None if value is None else _converters(column)[0](value)


def decode(column: Column[Any], value: Any) -> Any:
    """The Python value of `column` from its encoded form."""
    return None if value is None else _converters(column)[1](value)


@functools.cache
def encoders(table: Table) -> tuple[tuple[str, Convert], ...]:
    """(column name, encode) for every column of `table`, for encoding many rows."""
    return tuple((column.key, _converters(column)[0]) for column in table.columns)


@functools.cache
def _by_name(table: Table, direction: int) -> dict[str, Convert | None]:
    """Column name -> encode (0) or decode (1) of `table`; None where a value stays as it is."""
    found = {column.key: _converters(column)[direction] for column in table.columns}
    return {name: None if convert is _same else convert for name, convert in found.items()}


def repeating_encoders(table: Table) -> tuple[tuple[str, Convert], ...]:
    """`encoders` for a batch of rows that share most keys and times: each such value is
    encoded once per batch (other values are encoded as they come)."""
    result = []
    for column in table.columns:
        encode, decode = _converters(column)
        if decode is _decode_uuid or encode is _encode_datetime:
            encode = remembering(encode)
        result.append((column.key, encode))
    return tuple(result)


def remembering(encode: Convert) -> Convert:
    known: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        found = known.get(value)
        if found is None:
            found = known[value] = encode(value)
        return found

    return remembered


def encode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Every column of `row` (a mapping by column name) in encoded form."""
    convert = _by_name(table, 0)
    return {
        name: v if v is None or (encode := convert[name]) is None else encode(v)
        for name, v in row.items()
    }


def decode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """The columns of `table` found in an encoded `row`; unknown keys are dropped."""
    convert = _by_name(table, 1)
    return {
        name: v if v is None or (decode := convert[name]) is None else decode(v)
        for name, v in row.items()
        if name in convert
    }
