"""回访: follow-up tasks (site documents) and the log of follow-up calls (a ledger)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class FollowUpTask(Replicated, Base):
    """A call to make to a customer on a day; planned by a rule, a previous call or a person."""

    __tablename__ = "follow_up_task"
    __table_args__ = (
        # One task per event and offset: planning the same event twice adds nothing.
        UniqueConstraint("source", "source_id", "offset_days"),
        Index("ix_follow_up_task_site_id_status_due_on", "site_id", "status", "due_on"),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    due_on: Mapped[date]
    # The consultant (or agent) who calls; None: the customer-service desk's shared pool.
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    source: Mapped[str] = mapped_column(String(30))
    source_id: Mapped[uuid.UUID]
    offset_days: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    done_at: Mapped[datetime | None]


class FollowUpCall(Replicated, Base):
    """One follow-up call as it went (ledger): outcome, notes, next step, whether effective."""

    __tablename__ = "follow_up_call"
    __table_args__ = (
        Index("ix_follow_up_call_caller_id_customer_id", "caller_id", "customer_id", "called_at"),
        Index("ix_follow_up_call_site_id_called_at", "site_id", "called_at"),
    )

    task_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("follow_up_task.id"), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    caller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    called_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(20))
    # Counts for the ownership rule of triage (seed 003 4.1.1).
    is_effective: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
