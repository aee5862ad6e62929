"""Message templates of personal care (central) and the greetings queued from them (ledger)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class MessageTemplate(Replicated, Base):
    """A birthday, holiday or marketing text with placeholders; headquarters edits it (central)."""

    __tablename__ = "message_template"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    purpose: Mapped[str] = mapped_column(String(20))  # birthday | holiday | marketing
    title: Mapped[str] = mapped_column(String(60))
    body: Mapped[str] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(default=True)


class Greeting(Replicated, Base):
    """One message queued for one customer on one occasion, so nobody is greeted twice (ledger)."""

    __tablename__ = "greeting"
    __table_args__ = (Index("ix_greeting_occasion_customer_id", "occasion", "customer_id"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    purpose: Mapped[str] = mapped_column(String(20))
    # birthday 2026-11-23 / holiday 2027-02-06 春节 / marketing <batch id>
    occasion: Mapped[str] = mapped_column(String(80))
    occasion_on: Mapped[date]
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("message_template.id"))
    message_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("outgoing_message.id"))
