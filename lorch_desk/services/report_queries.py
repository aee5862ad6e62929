"""Pieces every report's query shares: a date range on the clinic's days, streamed rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_midnight
from lorch_desk.domain.errors import ValidationFailed

# Rows fetched per round trip while a report streams into a file.
FETCH_BATCH_ROWS = 1_000


def within_clinic_days(
    statement: Select[Any],
    column: InstrumentedAttribute[datetime],
    parameters: Mapping[str, object],
    *,
    start_key: str,
    end_key: str,
) -> Select[Any]:
    """Keep rows whose UTC `column` falls on the clinic days from start to end (both optional).

    A start after the end is refused on the end's parameter.
    """
    start, end = parameters.get(start_key), parameters.get(end_key)
    if isinstance(start, date) and isinstance(end, date) and start > end:
        raise ValidationFailed(field=end_key, rule="date_range")
    if isinstance(start, date):
        statement = statement.where(column >= clinic_midnight(start))
    if isinstance(end, date):
        statement = statement.where(column < clinic_midnight(end + timedelta(days=1)))
    return statement


def stream_rows(
    uow: UnitOfWork, statement: Select[Any], make_row: Callable[[Any], dict[str, object]]
) -> Iterator[dict[str, object]]:
    """The report's rows, read in batches (a server-side cursor on PostgreSQL), not all at once."""
    result = uow.session.execute(statement.execution_options(yield_per=FETCH_BATCH_ROWS))
    try:
        for row in result:
            yield make_row(row)
    finally:
        result.close()
