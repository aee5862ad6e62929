"""The front desk's day: arrivals (site documents) and the triage event log (a ledger)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, event, inspect
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.domain.errors import ArrivalIsFinal
from lorch_desk.models.base import Base, Replicated


class Arrival(Replicated, Base):
    """到访登记: one customer's arrival at the front desk; corrections reference the original."""

    __tablename__ = "arrival"
    __table_args__ = (Index("ix_arrival_site_id_day", "site_id", "day"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    # The clinic's date of the arrival, so a day's arrivals load by one index.
    day: Mapped[date]
    arrived_at: Mapped[datetime]
    # The waiting clock starts when the consultation form is complete.
    form_completed_at: Mapped[datetime]
    visit_class: Mapped[str] = mapped_column(String(20))
    suggested_visit_class: Mapped[str] = mapped_column(String(20))
    suggestion_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    rotation: Mapped[str] = mapped_column(String(10))
    channel: Mapped[str] = mapped_column(String(20), default="")
    referrer_name: Mapped[str] = mapped_column(String(50), default="")
    # Never shown to a consultant before they accept the customer.
    inquiry_item: Mapped[str] = mapped_column(String(100), default="")
    not_counted_reason: Mapped[str | None] = mapped_column(String(30))
    named_consultant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    corrects_arrival_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("arrival.id"), index=True
    )
    # The inquiry the arrival came from (channel, developer and pre-booking carry over).
    inquiry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inquiry.id"), index=True)
    developer_name: Mapped[str] = mapped_column(String(50), default="")


class RecordedTriageEvent(Replicated, Base):
    """One step of a site's triage day, in order; insert-only (ledger)."""

    __tablename__ = "triage_event"
    # Two PCs appending the same step of one day collide here instead of both being stored.
    __table_args__ = (UniqueConstraint("site_id", "day", "sequence"),)

    day: Mapped[date]
    sequence: Mapped[int]
    # The domain event's class name (Offered, Accepted, ...) and its fields as JSON.
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    occurred_at: Mapped[datetime]
    acted_by: Mapped[str] = mapped_column(String(40))


class ConsultantSuspension(Replicated, Base):
    """停诊: a consultant kept out of the site's rotation for a period that may outlast the day
    (a week for satisfaction below 90 %, a day for a service-attitude complaint, or by hand).
    Each triage day the consultant joins carries it as an event until it ends."""

    __tablename__ = "consultant_suspension"
    __table_args__ = (
        Index("ix_consultant_suspension_consultant_id_ends_at", "consultant_id", "ends_at"),
    )

    consultant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(30))  # manual | satisfaction | complaint
    reason: Mapped[str] = mapped_column(Text)
    # The complaint or monthly rate that caused it, when one did.
    source_id: Mapped[uuid.UUID | None]


# Columns the sync machinery may still write on an arrival (acknowledgement, stamps).
_ARRIVAL_BOOKKEEPING = frozenset({"updated_at", "updated_by", "row_version", "server_seq"})


@event.listens_for(Arrival, "before_update")
def _refuse_arrival_edits(_mapper: Any, _connection: Any, target: Arrival) -> None:
    state = inspect(target)
    for attr in state.attrs:
        if attr.key in _ARRIVAL_BOOKKEEPING or attr.key not in state.mapper.columns:
            continue
        history = attr.history
        if history.has_changes() and list(history.deleted) != list(history.added):
            raise ArrivalIsFinal(arrival_id=str(target.id), field=attr.key)
