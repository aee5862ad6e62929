"""Numbers people read: SITECODE-YYYY-NNNNNN from a per-node counter, never max+1."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.node import NumberCounter


def next_number(uow: UnitOfWork, *, kind: str, when: datetime | None = None) -> str:
    """The next number of `kind` (file, card, receipt...) for this site and year."""
    year = (when or datetime.now(UTC)).year
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    statement = (
        insert(NumberCounter)
        .values(kind=kind, year=year, last_value=1)
        .on_conflict_do_update(
            index_elements=[NumberCounter.kind, NumberCounter.year],
            set_={"last_value": NumberCounter.last_value + 1},
        )
        .returning(NumberCounter.last_value)
    )
    value = uow.session.execute(statement).scalar_one()
    uow.changes.touch(NumberCounter.__tablename__)
    return f"{uow.actor.site_code}-{year}-{value:06d}"
