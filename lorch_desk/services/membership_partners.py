"""Partner merchants (异业联盟商户) and the discount each gives the members of each tier."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.member_events import PartnerDiscount, PartnerMerchant
from lorch_desk.models.membership import MemberTier
from lorch_desk.services.access import require
from lorch_desk.services.membership import tier_rules


@dataclass(frozen=True, slots=True)
class PartnerMerchantInput:
    """A merchant and, per tier code, what its members get there (empty: nothing)."""

    name: str
    category: str = ""
    address: str = ""
    phone: str = ""
    discounts: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class PartnerMerchantRow:
    id: uuid.UUID
    name: str
    category: str
    address: str
    phone: str
    discounts: tuple[tuple[str, str], ...]  # (tier code, what members of it get)


@dataclass(frozen=True, slots=True)
class PartnerDiscountRow:
    """One line of the per-tier list: a tier, a merchant and its discount."""

    tier_name: str
    tier_rank: int
    merchant_name: str
    category: str
    description: str
    address: str
    phone: str


def save_partner_merchant(
    uow: UnitOfWork, *, merchant_id: uuid.UUID | None, data: PartnerMerchantInput
) -> PartnerMerchantRow:
    """Add or change a partner merchant and its tier discounts (headquarters only)."""
    require(uow.actor, Action.PARTNER_MERCHANT_EDIT)
    name = data.name.strip()
    if not name:
        raise ValidationFailed(field="name", rule="required")
    for field, value, maximum in (
        ("name", name, 100),
        ("category", data.category.strip(), 30),
        ("address", data.address.strip(), 200),
        ("phone", data.phone.strip(), 30),
    ):
        if len(value) > maximum:
            raise ValidationFailed(field=field, rule="too_long", maximum=maximum)
    discounts = {
        code: text.strip() for code, text in (data.discounts or {}).items() if text.strip()
    }
    if not set(discounts) <= {rule.code for rule in tier_rules(uow)}:
        raise ValidationFailed(field="discounts", rule="not_found")
    if any(len(text) > 200 for text in discounts.values()):
        raise ValidationFailed(field="discounts", rule="too_long", maximum=200)
    if merchant_id is None:
        merchant = PartnerMerchant(name=name)
        uow.session.add(merchant)
        uow.session.flush()
    else:
        merchant = uow.session.get(PartnerMerchant, merchant_id)
        if merchant is None or merchant.deleted_at is not None:
            raise NotFound(merchant_id=str(merchant_id))
    merchant.name = name
    merchant.category = data.category.strip()
    merchant.address = data.address.strip()
    merchant.phone = data.phone.strip()
    existing = {row.tier_code: row for row in _discounts(uow, merchant.id)}
    for code, row in existing.items():
        if code not in discounts:
            row.deleted_at = utc_now()
    for code, text in discounts.items():
        row = existing.get(code)
        if row is None:
            uow.session.add(
                PartnerDiscount(merchant_id=merchant.id, tier_code=code, description=text)
            )
        elif row.description != text:
            row.description = text
    uow.session.flush()
    return _row(uow, merchant)


def list_partner_merchants(uow: UnitOfWork) -> list[PartnerMerchantRow]:
    """The partner merchants by name, with their tier discounts."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    merchants = uow.session.scalars(
        select(PartnerMerchant)
        .where(PartnerMerchant.deleted_at.is_(None))
        .order_by(PartnerMerchant.name)
    )
    return [_row(uow, merchant) for merchant in merchants]


def list_partner_discounts(uow: UnitOfWork) -> list[PartnerDiscountRow]:
    """What each tier's members get at the partner merchants, lowest tier first."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    rows = uow.session.execute(
        select(MemberTier, PartnerMerchant, PartnerDiscount.description)
        .join(PartnerDiscount, PartnerDiscount.tier_code == MemberTier.code)
        .join(PartnerMerchant, PartnerMerchant.id == PartnerDiscount.merchant_id)
        .where(
            MemberTier.deleted_at.is_(None),
            PartnerDiscount.deleted_at.is_(None),
            PartnerMerchant.deleted_at.is_(None),
        )
        .order_by(MemberTier.rank, PartnerMerchant.name)
    ).all()
    return [
        PartnerDiscountRow(
            tier.name,
            tier.rank,
            merchant.name,
            merchant.category,
            description,
            merchant.address,
            merchant.phone,
        )
        for tier, merchant, description in rows
    ]


def _discounts(uow: UnitOfWork, merchant_id: uuid.UUID) -> list[PartnerDiscount]:
    return list(
        uow.session.scalars(
            select(PartnerDiscount).where(
                PartnerDiscount.merchant_id == merchant_id, PartnerDiscount.deleted_at.is_(None)
            )
        )
    )


def _row(uow: UnitOfWork, merchant: PartnerMerchant) -> PartnerMerchantRow:
    return PartnerMerchantRow(
        id=merchant.id,
        name=merchant.name,
        category=merchant.category,
        address=merchant.address,
        phone=merchant.phone,
        discounts=tuple(
            sorted((row.tier_code, row.description) for row in _discounts(uow, merchant.id))
        ),
    )
