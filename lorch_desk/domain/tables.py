"""The plain model of tabular output (reports, exports) and how its cells read as text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.labels import Label

YES = Label("是", "Yes")
NO = Label("否", "No")


class ColumnKind(StrEnum):
    """What a column holds, which decides alignment, number format and text form."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    BOOLEAN = "boolean"

    @property
    def is_numeric(self) -> bool:
        """Numbers are right-aligned in print and typed as numbers in Excel."""
        return self in {ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.MONEY}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: the row key it shows, its header, kind and width in characters."""

    key: str
    header: Label
    kind: ColumnKind = ColumnKind.TEXT
    width: int = 12


@dataclass(frozen=True, slots=True)
class TableDocument:
    """A titled table to print or export; `rows` may be a generator, read once.

    Cell values are plain Python values of the column's kind (str, int, Decimal, date, aware
    datetime, bool), None for empty, or a Label for text the document shows in its language.
    """

    title: Label
    columns: tuple[Column, ...]
    rows: Iterable[Mapping[str, object]]
    parameters: tuple[tuple[Label, str | Label], ...] = ()
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    site_name: str = ""
    row_count_hint: int | None = None


def to_display_time(value: datetime) -> datetime:
    """An aware UTC time as the clinic's wall-clock time (naive values are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return clinic_time(value)


def format_date(value: date) -> str:
    return value.strftime("%Y-%m-%d")


def format_datetime(value: datetime) -> str:
    """YYYY-MM-DD HH:MM in the clinic's time zone."""
    return to_display_time(value).strftime("%Y-%m-%d %H:%M")


def format_text(value: object, language: str) -> str:
    """A parameter value or a text cell as text: Labels in `language`, the rest as str."""
    if value is None:
        return ""
    if isinstance(value, Label):
        return value.text(language)
    return str(value)


def format_cell(value: object, kind: ColumnKind, language: str) -> str:
    """How a cell reads on paper or screen: dates, money with two decimals, 是/否, Labels."""
    if value is None or value == "":
        return ""
    if isinstance(value, Label):
        return value.text(language)
    if kind is ColumnKind.DATETIME and isinstance(value, datetime):
        return format_datetime(value)
    if kind is ColumnKind.DATE and isinstance(value, date):
        if isinstance(value, datetime):
            value = to_display_time(value).date()
        return format_date(value)
    if kind is ColumnKind.BOOLEAN and isinstance(value, bool):
        return (YES if value else NO).text(language)
    if kind is ColumnKind.MONEY and isinstance(value, Decimal | int | float):
        return f"{Decimal(str(value)).quantize(Decimal('0.01')):,}"
    if kind is ColumnKind.INTEGER and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if kind is ColumnKind.DECIMAL and isinstance(value, Decimal | int | float):
        return f"{value:,}"
    return str(value)
