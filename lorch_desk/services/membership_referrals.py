"""Referrals (seed 002, 会员介绍人的奖励): who referred a customer, and the referrer's points.

The cashier calls `reward_referrer(uow, sale_id=...)` after each paid sale, in the same unit of
work; it rewards only a referred customer's first purchase, and only once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import SaleKind
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.membership import REFERRAL_REWARD_POINTS
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.cashier import PointsEntry, Sale
from lorch_desk.models.customer import Customer
from lorch_desk.models.membership import MemberReferral
from lorch_desk.services.access import require

REFERRAL_REWARD = "referral_reward"


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """Who referred a customer."""

    customer_id: uuid.UUID
    referrer_id: uuid.UUID
    referrer_name: str
    recorded_at: datetime


def record_referral(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    referrer_id: uuid.UUID,
    now: datetime | None = None,
) -> ReferralRow:
    """Record that `referrer_id` referred the customer (a newer record replaces an older one)."""
    require(uow.actor, Action.CUSTOMER_EDIT)
    if customer_id == referrer_id:
        raise ValidationFailed(field="referrer_id", rule="self_referral")
    _live_customer(uow, customer_id)
    referrer = _live_customer(uow, referrer_id)
    referral = MemberReferral(
        customer_id=customer_id, referrer_id=referrer_id, recorded_at=now or utc_now()
    )
    uow.session.add(referral)
    uow.session.flush()
    return ReferralRow(customer_id, referrer_id, referrer.name, referral.recorded_at)


def find_referral(uow: UnitOfWork, *, customer_id: uuid.UUID) -> ReferralRow | None:
    """Who referred the customer, or None."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    row = uow.session.execute(
        select(MemberReferral, Customer.name)
        .join(Customer, Customer.id == MemberReferral.referrer_id)
        .where(MemberReferral.customer_id == customer_id, MemberReferral.deleted_at.is_(None))
        .order_by(MemberReferral.recorded_at.desc(), MemberReferral.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    referral, name = row
    return ReferralRow(referral.customer_id, referral.referrer_id, name, referral.recorded_at)


def reward_referrer(
    uow: UnitOfWork, *, sale_id: uuid.UUID, now: datetime | None = None
) -> PointsEntry | None:
    """Give the referrer their points if `sale_id` is the referred customer's first purchase.

    Returns the points entry written, or None (no referrer, not the first purchase, a refund,
    or rewarded already). Runs in the cashier's unit of work; needs no permission of its own.
    """
    sale = uow.session.get(Sale, sale_id)
    if sale is None:
        raise NotFound(sale_id=str(sale_id))
    if sale.kind != SaleKind.SALE or sale.deleted_at is not None:
        return None
    first_sale_id = uow.session.scalar(
        select(Sale.id)
        .where(
            Sale.customer_id == sale.customer_id,
            Sale.kind == SaleKind.SALE.value,
            Sale.deleted_at.is_(None),
        )
        .order_by(Sale.paid_at, Sale.id)
        .limit(1)
    )
    if first_sale_id != sale.id:
        return None
    rewarded = uow.session.scalar(
        select(func.count())
        .select_from(PointsEntry)
        .where(PointsEntry.sale_id == sale.id, PointsEntry.reason == REFERRAL_REWARD)
    )
    referral = uow.session.scalar(
        select(MemberReferral)
        .where(MemberReferral.customer_id == sale.customer_id, MemberReferral.deleted_at.is_(None))
        .order_by(MemberReferral.recorded_at.desc(), MemberReferral.id.desc())
        .limit(1)
    )
    if rewarded or referral is None:
        return None
    entry = PointsEntry(
        customer_id=referral.referrer_id,
        points=REFERRAL_REWARD_POINTS,
        reason=REFERRAL_REWARD,
        sale_id=sale.id,
        recorded_at=now or utc_now(),
        note=sale.number,
    )
    uow.session.add(entry)
    uow.session.flush()
    return entry


def _live_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> Customer:
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(customer_id=str(customer_id))
    return customer
