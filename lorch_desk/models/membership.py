"""Membership tiers (HQ's configuration) and each customer's tier history."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Money, Replicated


class MemberTier(Replicated, Base):
    """A tier reached by cumulative spend, with its rights (seed 002 gives the defaults)."""

    __tablename__ = "member_tier"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(30))
    rank: Mapped[int]  # 1 = lowest
    min_spend: Mapped[Decimal] = mapped_column(Money)  # cumulative spend from which it applies
    discount_rate: Mapped[Decimal] = mapped_column(Money)  # 0.05 = 5 % off the list price
    points_per_yuan: Mapped[Decimal] = mapped_column(Money)  # points earned per yuan paid
    birthday_gift: Mapped[str] = mapped_column(String(100), default="")
    rights: Mapped[str] = mapped_column(Text, default="")  # further rights, as shown to staff


class TierChange(Replicated, Base):
    """A customer's move from one tier to another: at a re-evaluation or by hand (ledger).
    The customer's tier is the newest change's; none yet means the lowest tier."""

    __tablename__ = "tier_change"
    __table_args__ = (Index("ix_tier_change_customer_id_changed_at", "customer_id", "changed_at"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    from_tier_code: Mapped[str] = mapped_column(String(20), default="")
    to_tier_code: Mapped[str] = mapped_column(String(20))
    cumulative_spend: Mapped[Decimal] = mapped_column(Money)
    changed_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(30))  # quarterly | manual
    evaluation_id: Mapped[uuid.UUID | None]  # one re-evaluation run
    note: Mapped[str] = mapped_column(Text, default="")  # why a manager changed it by hand


class TierEvaluation(Replicated, Base):
    """One re-evaluation run of a site's customers for a quarter or half-year (its summary)."""

    __tablename__ = "tier_evaluation"

    period_label: Mapped[str] = mapped_column(String(10))  # 2026Q3 | 2026H2
    period_last_day: Mapped[date]
    evaluated_at: Mapped[datetime]
    evaluated_by_name: Mapped[str] = mapped_column(String(50), default="")
    customers: Mapped[int]
    upgrades: Mapped[int]
    downgrades: Mapped[int]


class MemberReferral(Replicated, Base):
    """Who referred a customer (ledger; the newest entry counts). The referrer is rewarded
    with points at the referred customer's first purchase."""

    __tablename__ = "member_referral"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    referrer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    recorded_at: Mapped[datetime]
