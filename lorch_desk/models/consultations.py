"""Consultation records and treatment plans: site documents, corrected by new versions."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, event, inspect
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.domain.consultations import DocumentIsFinal
from lorch_desk.models.base import Base, Money, Quantity, Replicated


class ConsultationRecord(Replicated, Base):
    """咨询记录: what the consultant noted and whether the deal closed (one version)."""

    __tablename__ = "consultation_record"
    __table_args__ = (Index("ix_consultation_record_site_id_day", "site_id", "day"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    arrival_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("arrival.id"), index=True)
    consultant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    # The clinic's date of the consultation, for the day's and month's statistics.
    day: Mapped[date]
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20))
    not_closed_reason: Mapped[str | None] = mapped_column(String(30))
    not_closed_note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)
    # The version this one corrects; each version is corrected at most once.
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("consultation_record.id"), unique=True
    )


class TreatmentPlan(Replicated, Base):
    """治疗方案: the service items proposed to a customer, with quantities and prices."""

    __tablename__ = "treatment_plan"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    arrival_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("arrival.id"), index=True)
    consultant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    day: Mapped[date]
    notes: Mapped[str] = mapped_column(Text, default="")
    total: Mapped[Decimal] = mapped_column(Money)
    version: Mapped[int] = mapped_column(default=1)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("treatment_plan.id"), unique=True
    )


class TreatmentPlanItem(Replicated, Base):
    """One line of a treatment plan; name and price are kept as they were proposed."""

    __tablename__ = "treatment_plan_item"

    treatment_plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("treatment_plan.id"), index=True
    )
    line_no: Mapped[int]
    service_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_item.id"))
    name: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    line_total: Mapped[Decimal] = mapped_column(Money)


# Columns the sync machinery and a tombstone may still write on a final document.
BOOKKEEPING_COLUMNS = frozenset({"updated_at", "updated_by", "row_version", "server_seq"})


def refuse_edits(document: type[Base], *, editable: frozenset[str] = frozenset()) -> None:
    """Make every saved row of `document` final except for the `editable` columns."""
    allowed = BOOKKEEPING_COLUMNS | editable

    @event.listens_for(document, "before_update")
    def _refuse(_mapper: Any, _connection: Any, target: Any) -> None:
        state = inspect(target)
        for attr in state.attrs:
            if attr.key in allowed or attr.key not in state.mapper.columns:
                continue
            history = attr.history
            if history.has_changes() and list(history.deleted) != list(history.added):
                raise DocumentIsFinal(table=target.__tablename__, field=attr.key)


for _document in (ConsultationRecord, TreatmentPlan, TreatmentPlanItem):
    refuse_edits(_document)
