"""Member events with partner merchants (seed 002): invitations, sign-in, and tier discounts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class PartnerMerchant(Replicated, Base):
    """异业联盟商户: a shop or restaurant that gives members a discount (central data)."""

    __tablename__ = "partner_merchant"

    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(30), default="")  # dining, fitness, ...
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")


class PartnerDiscount(Replicated, Base):
    """What a partner merchant gives the members of one tier, as shown to staff (central)."""

    __tablename__ = "partner_discount"

    merchant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_merchant.id"), index=True)
    tier_code: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(200))  # e.g. 全单8.8折


class MemberEvent(Replicated, Base):
    """会员活动: an event for members of some tiers, held with a partner merchant."""

    __tablename__ = "member_event"

    title: Mapped[str] = mapped_column(String(100))
    starts_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(200))
    merchant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partner_merchant.id"))
    target_tiers: Mapped[str] = mapped_column(String(200))  # tier codes, comma-separated
    summary: Mapped[str] = mapped_column(Text, default="")


class MemberEventInvitation(Replicated, Base):
    """One customer invited to an event (through the message outbox), and their sign-in."""

    __tablename__ = "member_event_invitation"
    __table_args__ = (
        Index("ix_member_event_invitation_event_id_customer_id", "event_id", "customer_id"),
    )

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("member_event.id"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    message_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("outgoing_message.id"))
    invited_at: Mapped[datetime]
    signed_in_at: Mapped[datetime | None]
