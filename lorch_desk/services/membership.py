"""Membership: the tier a customer is in, what it gives at the till, and a member's summary."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, ScalarSelect, Select, func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import SPEND_KINDS
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.membership import MANUAL, TierRule, tier_for_spend
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.cashier import Sale
from lorch_desk.models.customer import Customer
from lorch_desk.models.membership import MemberTier, TierChange
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import payments
from lorch_desk.services.access import require
from lorch_desk.services.membership_referrals import find_referral

MAX_NOTE_LENGTH = 500


@dataclass(frozen=True, slots=True)
class CheckoutTerms:
    """What a customer's tier gives at checkout; empty codes when no tiers are configured."""

    tier_code: str
    tier_name: str
    discount_rate: Decimal
    points_per_yuan: Decimal


NO_TIER = CheckoutTerms("", "", Decimal("0.00"), Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class TierRow:
    """A configured tier with its rights."""

    id: uuid.UUID
    code: str
    name: str
    rank: int
    min_spend: Decimal
    discount_rate: Decimal
    points_per_yuan: Decimal
    birthday_gift: str
    rights: str


@dataclass(frozen=True, slots=True)
class TierChangeRow:
    """One line of a customer's tier history."""

    id: uuid.UUID
    changed_at: datetime
    from_tier_name: str
    to_tier_name: str
    cumulative_spend: Decimal
    reason: str  # quarterly | manual
    note: str
    changed_by_name: str


@dataclass(frozen=True, slots=True)
class MemberDetail:
    """A member at a glance: tier, spend, points, stored value and the tier history."""

    customer_id: uuid.UUID
    name: str
    file_number: str
    tier_code: str
    tier_name: str
    cumulative_spend: Decimal
    points: int
    stored_value: Decimal
    history: tuple[TierChangeRow, ...]
    referrer_name: str  # who referred them (seed 002's 会员介绍人), empty if nobody


def checkout_terms(uow: UnitOfWork, *, customer_id: uuid.UUID) -> CheckoutTerms:
    """The terms of the customer's current tier: the newest tier change's, else the lowest."""
    tier = _current_tier(uow, customer_id)
    if tier is None:
        return NO_TIER
    return CheckoutTerms(tier.code, tier.name, tier.discount_rate, tier.points_per_yuan)


def list_tiers(uow: UnitOfWork) -> list[TierRow]:
    """The configured tiers, lowest rank first (everyone who serves members may read them)."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    return [_tier_row(tier) for tier in uow.session.scalars(_live_tiers())]


def tier_rules(uow: UnitOfWork) -> list[TierRule]:
    """The tiers as the re-evaluation applies them."""
    return [
        TierRule(tier.code, tier.rank, tier.min_spend)
        for tier in uow.session.scalars(_live_tiers())
    ]


def spend_statement(*, up_to: date | None = None) -> Select:
    """Cumulative spend per customer (sales plus refunds, rounded to the fen) up to a day."""
    statement = select(
        Sale.customer_id.label("customer_id"),
        func.round(func.sum(Sale.total), 2).label("spend"),
    ).where(Sale.deleted_at.is_(None), Sale.kind.in_([kind.value for kind in SPEND_KINDS]))
    if up_to is not None:
        statement = statement.where(Sale.day <= up_to)
    return statement.group_by(Sale.customer_id)


def cumulative_spend(
    uow: UnitOfWork, *, customer_id: uuid.UUID, up_to: date | None = None
) -> Decimal:
    """What the customer has paid for goods and services, net of refunds (top-ups excluded)."""
    spend = spend_statement(up_to=up_to).where(Sale.customer_id == customer_id).subquery()
    value = uow.session.scalar(select(spend.c.spend))
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def held_tier(customer_id: ColumnElement[uuid.UUID]) -> ScalarSelect[str]:
    """The tier code of the newest tier change of `customer_id` (a correlated subquery; NULL
    when none): one index probe per customer, cheaper than ranking every change."""
    return (
        select(TierChange.to_tier_code)
        .where(TierChange.customer_id == customer_id, TierChange.deleted_at.is_(None))
        .order_by(TierChange.changed_at.desc(), TierChange.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def current_tier_statement() -> Select:
    """Each customer's newest tier change: (customer_id, tier_code); none means the lowest."""
    ranked = (
        select(
            TierChange.customer_id.label("customer_id"),
            TierChange.to_tier_code.label("tier_code"),
            func.row_number()
            .over(
                partition_by=TierChange.customer_id,
                order_by=(TierChange.changed_at.desc(), TierChange.id.desc()),
            )
            .label("position"),
        )
        .where(TierChange.deleted_at.is_(None))
        .subquery()
    )
    return select(ranked.c.customer_id, ranked.c.tier_code).where(ranked.c.position == 1)


def get_member(uow: UnitOfWork, *, customer_id: uuid.UUID) -> MemberDetail:
    """A member's tier, cumulative spend, points and stored-value balances and tier history."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    customer = _customer(uow, customer_id)
    tier = _current_tier(uow, customer_id)
    referral = find_referral(uow, customer_id=customer_id)
    return MemberDetail(
        customer_id=customer.id,
        name=customer.name,
        file_number=customer.file_number,
        tier_code=tier.code if tier else "",
        tier_name=tier.name if tier else "",
        cumulative_spend=cumulative_spend(uow, customer_id=customer_id),
        points=payments.points_balance(uow, customer_id),
        stored_value=payments.stored_value_balance(uow, customer_id),
        history=tuple(_history(uow, customer_id)),
        referrer_name=referral.referrer_name if referral else "",
    )


def change_tier(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    tier_code: str,
    note: str,
    now: datetime | None = None,
) -> TierChangeRow:
    """A manager moves a customer to another tier by hand, saying why (kept in the history)."""
    require(uow.actor, Action.TIER_CHANGE)
    customer = _customer(uow, customer_id)
    note = note.strip()
    if not note:
        raise ValidationFailed(field="note", rule="required")
    if len(note) > MAX_NOTE_LENGTH:
        raise ValidationFailed(field="note", rule="too_long", maximum=MAX_NOTE_LENGTH)
    target = uow.session.scalar(_live_tiers().where(MemberTier.code == tier_code))
    if target is None:
        raise ValidationFailed(field="tier_code", rule="not_found")
    current = _current_tier(uow, customer_id)
    if current is not None and current.code == target.code:
        raise ValidationFailed(field="tier_code", rule="same_tier")
    change = TierChange(
        customer_id=customer.id,
        from_tier_code=current.code if current else "",
        to_tier_code=target.code,
        cumulative_spend=cumulative_spend(uow, customer_id=customer_id),
        changed_at=now or utc_now(),
        reason=MANUAL,
        note=note,
    )
    uow.session.add(change)
    uow.session.flush()
    return _history(uow, customer_id)[0]


def tier_names(uow: UnitOfWork) -> dict[str, str]:
    """Tier code → name, tombstoned tiers included (history keeps naming them)."""
    return dict(uow.session.execute(select(MemberTier.code, MemberTier.name)).all())


def lowest_tier_code(rules: list[TierRule]) -> str | None:
    """The tier of a customer with no tier change yet."""
    return tier_for_spend(rules, Decimal(0)) if rules else None


def _history(uow: UnitOfWork, customer_id: uuid.UUID) -> list[TierChangeRow]:
    names = tier_names(uow)
    rows = uow.session.execute(
        select(TierChange, UserAccount.display_name)
        .outerjoin(UserAccount, UserAccount.id == TierChange.created_by)
        .where(TierChange.customer_id == customer_id, TierChange.deleted_at.is_(None))
        .order_by(TierChange.changed_at.desc(), TierChange.id.desc())
    ).all()
    return [
        TierChangeRow(
            id=change.id,
            changed_at=change.changed_at,
            from_tier_name=names.get(change.from_tier_code, change.from_tier_code),
            to_tier_name=names.get(change.to_tier_code, change.to_tier_code),
            cumulative_spend=change.cumulative_spend,
            reason=change.reason,
            note=change.note,
            changed_by_name=by or "",
        )
        for change, by in rows
    ]


def _current_tier(uow: UnitOfWork, customer_id: uuid.UUID) -> MemberTier | None:
    current = uow.session.scalar(
        select(TierChange.to_tier_code)
        .where(TierChange.customer_id == customer_id, TierChange.deleted_at.is_(None))
        .order_by(TierChange.changed_at.desc(), TierChange.id.desc())
        .limit(1)
    )
    query = _live_tiers().where(MemberTier.code == current) if current else _live_tiers()
    return uow.session.scalar(query.limit(1))


def _live_tiers() -> Select:
    return select(MemberTier).where(MemberTier.deleted_at.is_(None)).order_by(MemberTier.rank)


def _customer(uow: UnitOfWork, customer_id: uuid.UUID) -> Customer:
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(customer_id=str(customer_id))
    return customer


def _tier_row(tier: MemberTier) -> TierRow:
    return TierRow(
        id=tier.id,
        code=tier.code,
        name=tier.name,
        rank=tier.rank,
        min_spend=tier.min_spend,
        discount_rate=tier.discount_rate,
        points_per_yuan=tier.points_per_yuan,
        birthday_gift=tier.birthday_gift,
        rights=tier.rights,
    )
