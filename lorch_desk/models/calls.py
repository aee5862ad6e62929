"""呼叫中心: the log of inbound and outbound calls and the supervisor's reviews of them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class CallLog(Replicated, Base):
    """One call an agent took or made (ledger): number, customer matched, topic, outcome."""

    __tablename__ = "call_log"
    __table_args__ = (
        Index("ix_call_log_site_id_called_at", "site_id", "called_at"),
        Index("ix_call_log_agent_id_called_at", "agent_id", "called_at"),
    )

    direction: Mapped[str] = mapped_column(String(10))
    called_at: Mapped[datetime]
    agent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    agent_name: Mapped[str] = mapped_column(String(50))
    number: Mapped[str] = mapped_column(String(30), default="")
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"), index=True)
    caller_name: Mapped[str] = mapped_column(String(50), default="")
    # Inbound: what the caller wanted; outbound: the purpose of the call.
    topic: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text, default="")
    duration_seconds: Mapped[int] = mapped_column(default=0)


class CallReview(Replicated, Base):
    """A supervisor's quality review of one call (ledger): a newer review of a call replaces it."""

    __tablename__ = "call_review"

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call_log.id"), index=True)
    reviewed_at: Mapped[datetime]
    reviewer_name: Mapped[str] = mapped_column(String(50))
    # 1 to 5 each: polite wording, knowledge, solving the caller's problem, following the process.
    courtesy: Mapped[int]
    knowledge: Mapped[int]
    resolution: Mapped[int]
    process: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
