"""The message outbox (SMS to customers) and the ledger of sending attempts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class OutgoingMessage(Replicated, Base):
    """A message to a customer, written with the booking it tells of; sent in a later step."""

    __tablename__ = "outgoing_message"
    __table_args__ = (Index("ix_outgoing_message_site_id_status", "site_id", "status"),)

    kind: Mapped[str] = mapped_column(String(40))
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("appointment.id"), index=True
    )
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"))
    recipient_name: Mapped[str] = mapped_column(String(50))
    mobile: Mapped[str | None] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    # pending until sent (by a gateway or marked by hand); failures stay pending and retry.
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    sent_via: Mapped[str] = mapped_column(String(20), default="")
    sent_by_name: Mapped[str] = mapped_column(String(50), default="")


class MessageAttempt(Replicated, Base):
    """One try to send a message through a sender, and how it ended (ledger)."""

    __tablename__ = "message_attempt"

    message_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("outgoing_message.id"), index=True)
    attempted_at: Mapped[datetime]
    sender: Mapped[str] = mapped_column(String(20))
    succeeded: Mapped[bool]
    error: Mapped[str] = mapped_column(Text, default="")
