"""The report registry: each area registers its reports; managers run, preview and export them.

A report is a description (title, parameters, columns, the permission it needs) and a row
source over a unit of work. `run_report` gives the on-screen preview; `build_document` gives
the full table for printing or export by `lorch_desk.documents`, streamed from the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from itertools import islice

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import NO, YES, Column, TableDocument, format_date
from lorch_desk.services.access import require

# The preview shows this many rows at most; the export has them all.
PREVIEW_ROW_LIMIT = 5_000
PREVIEW_PROGRESS_EVERY_ROWS = 500


class ParameterKind(StrEnum):
    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    BOOLEAN = "boolean"
    INTEGER = "integer"


@dataclass(frozen=True, slots=True)
class ReportParameter:
    """One input of a report: a filter the user fills in before running it."""

    key: str
    label: Label
    kind: ParameterKind
    required: bool = False
    choices: tuple[tuple[str, Label], ...] = ()
    default: object = None

    def choice_label(self, value: str) -> Label | None:
        return next((label for key, label in self.choices if key == value), None)


RowSource = Callable[[UnitOfWork, Mapping[str, object], Progress], Iterator[Mapping[str, object]]]
RowCount = Callable[[UnitOfWork, Mapping[str, object]], int]


@dataclass(frozen=True, slots=True)
class ReportDefinition:
    """A report of one area: what it asks, what it shows, who may run it and where rows come from.

    `run` receives validated parameters and yields one mapping per row (keys of `columns`);
    `count`, when given, says how many rows `run` will yield, for progress.
    """

    key: str
    area: str
    title: Label
    parameters: tuple[ReportParameter, ...]
    columns: tuple[Column, ...]
    action: Action
    run: RowSource
    count: RowCount | None = None


@dataclass(frozen=True, slots=True)
class ReportResult:
    """The preview of a report: its first rows, and whether there were more."""

    definition: ReportDefinition
    parameters: dict[str, object]
    rows: list[dict[str, object]]
    truncated: bool
    # All rows the report has, when its definition can count them.
    total: int | None = None


_REGISTRY: dict[str, ReportDefinition] = {}


def register_report(definition: ReportDefinition) -> ReportDefinition:
    """Add a report to the registry; a second report under the same key is a programming error."""
    if definition.key in _REGISTRY:
        raise ValueError(f"a report with key {definition.key!r} is already registered")
    _REGISTRY[definition.key] = definition
    return definition


def find_report(key: str) -> ReportDefinition | None:
    """The registered report `key`, or None."""
    return _REGISTRY.get(key)


def get_report(key: str) -> ReportDefinition:
    """The registered report `key`; raises NotFound."""
    definition = _REGISTRY.get(key)
    if definition is None:
        raise NotFound(report=key)
    return definition


def list_reports(actor: Actor) -> list[ReportDefinition]:
    """The reports `actor` may run, by area and key."""
    return sorted(
        (definition for definition in _REGISTRY.values() if actor.may(definition.action)),
        key=lambda definition: (definition.area, definition.key),
    )


def validate_parameters(
    definition: ReportDefinition, values: Mapping[str, object]
) -> dict[str, object]:
    """The parameters typed and checked: a date is a date, a choice one of its choices.

    Empty values become the parameter's default (None when it has none); raises
    ValidationFailed(field=key, rule="required" | "date" | "choice" | "integer" | "boolean"
    | "unknown").
    """
    known = {parameter.key for parameter in definition.parameters}
    for key in values:
        if key not in known:
            raise ValidationFailed(field=key, rule="unknown")
    checked: dict[str, object] = {}
    for parameter in definition.parameters:
        value = values.get(parameter.key)
        if _is_empty(value):
            value = parameter.default
        if _is_empty(value):
            if parameter.required:
                raise ValidationFailed(field=parameter.key, rule="required")
            checked[parameter.key] = None
            continue
        checked[parameter.key] = _typed(parameter, value)
    return checked


def run_report(
    uow: UnitOfWork,
    *,
    key: str,
    values: Mapping[str, object],
    progress: Progress,
    limit: int = PREVIEW_ROW_LIMIT,
) -> ReportResult:
    """Run a report for the screen: its first `limit` rows and whether it has more."""
    definition = get_report(key)
    require(uow.actor, definition.action)
    parameters = validate_parameters(definition, values)
    total = definition.count(uow, parameters) if definition.count else None
    shown = min(total, limit) if total else 0
    progress.report(0, shown)
    source = definition.run(uow, parameters, progress)
    rows: list[dict[str, object]] = []
    try:
        for row in islice(source, limit + 1):
            rows.append(dict(row))
            if len(rows) % PREVIEW_PROGRESS_EVERY_ROWS == 0:
                progress.report(min(len(rows), limit), max(shown, len(rows)))
    finally:
        # Release the database cursor of a report with more rows than the preview shows.
        close = getattr(source, "close", None)
        if close is not None:
            close()
    truncated = len(rows) > limit
    del rows[limit:]
    progress.report(len(rows), len(rows))
    return ReportResult(definition, parameters, rows, truncated, total)


def build_document(
    uow: UnitOfWork,
    *,
    key: str,
    values: Mapping[str, object],
    site_name: str,
    progress: Progress,
) -> TableDocument:
    """The full report as a document to print or export; its rows stream from the database.

    The rows are read while the document is rendered, so render it inside the same unit of
    work (one background operation): build, then `render_table_pdf` or `export_table_xlsx`.
    """
    definition = get_report(key)
    require(uow.actor, definition.action)
    parameters = validate_parameters(definition, values)
    count = definition.count(uow, parameters) if definition.count else None
    return TableDocument(
        title=definition.title,
        columns=definition.columns,
        rows=definition.run(uow, parameters, progress),
        parameters=_shown_parameters(definition, parameters),
        generated_at=datetime.now(UTC),
        site_name=site_name,
        row_count_hint=count,
    )


def _shown_parameters(
    definition: ReportDefinition, parameters: Mapping[str, object]
) -> tuple[tuple[Label, str | Label], ...]:
    """The parameters that were set, as printed under the title."""
    shown: list[tuple[Label, str | Label]] = []
    for parameter in definition.parameters:
        value = parameters.get(parameter.key)
        if value is None:
            continue
        if parameter.kind is ParameterKind.CHOICE:
            shown.append((parameter.label, parameter.choice_label(str(value)) or str(value)))
        elif parameter.kind is ParameterKind.BOOLEAN:
            shown.append((parameter.label, YES if value else NO))
        elif parameter.kind is ParameterKind.DATE and isinstance(value, date):
            shown.append((parameter.label, format_date(value)))
        else:
            shown.append((parameter.label, str(value)))
    return tuple(shown)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_TRUE_TEXTS = frozenset({"1", "true", "yes", "y", "on", "是"})
_FALSE_TEXTS = frozenset({"0", "false", "no", "n", "off", "否"})


def _typed(parameter: ReportParameter, value: object) -> object:
    """`value` as the parameter's kind; raises ValidationFailed with the kind as rule."""
    typed = _PARSERS[parameter.kind](parameter, value)
    if typed is None:
        raise ValidationFailed(field=parameter.key, rule=parameter.kind.value)
    return typed


def _parse_date(_parameter: ReportParameter, value: object) -> date | None:
    # A datetime is not a day: which day it falls on depends on a time zone the caller forgot.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        with suppress(ValueError):
            return date.fromisoformat(value.strip())
    return None


def _parse_choice(parameter: ReportParameter, value: object) -> str | None:
    if isinstance(value, str) and parameter.choice_label(value.strip()) is not None:
        return str.strip(value)
    return None


def _parse_integer(_parameter: ReportParameter, value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        with suppress(ValueError):
            return int(value.strip())
    return None


def _parse_boolean(_parameter: ReportParameter, value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE_TEXTS | _FALSE_TEXTS:
        return value.strip().lower() in _TRUE_TEXTS
    return None


def _parse_text(_parameter: ReportParameter, value: object) -> str:
    return str(value).strip()


_PARSERS: dict[ParameterKind, Callable[[ReportParameter, object], object]] = {
    ParameterKind.DATE: _parse_date,
    ParameterKind.CHOICE: _parse_choice,
    ParameterKind.INTEGER: _parse_integer,
    ParameterKind.BOOLEAN: _parse_boolean,
    ParameterKind.TEXT: _parse_text,
}
