"""HQ's tier configuration (central data): the tier table, its defaults and the review period."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.membership import (
    DEFAULT_EVALUATION_MONTHS,
    DEFAULT_TIERS,
    EVALUATION_MONTHS,
    TierInput,
    validate_tiers,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.membership import MemberTier
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services.access import require
from lorch_desk.services.membership import TierRow, current_tier_statement, list_tiers

EVALUATION_MONTHS_KEY = "membership.evaluation_months"


def save_tiers(uow: UnitOfWork, *, tiers: Sequence[TierInput]) -> list[TierRow]:
    """Replace the tier table (HQ only): check it whole, update by code, retire missing tiers.

    A tier that customers are in cannot be retired: move them first (re-evaluate or by hand).
    """
    require(uow.actor, Action.TIER_EDIT)
    tiers = [_cleaned(tier) for tier in tiers]
    validate_tiers(tiers)
    existing = {tier.code: tier for tier in uow.session.scalars(select(MemberTier))}
    wanted = {tier.code for tier in tiers}
    held = _codes_held_by_customers(uow)
    for code, tier in existing.items():
        if code not in wanted and tier.deleted_at is None:
            if code in held:
                raise ValidationFailed(field="tier_code", rule="tier_in_use", code=code)
            tier.deleted_at = utc_now()
    for data in tiers:
        tier = existing.get(data.code)
        if tier is None:
            tier = MemberTier(code=data.code)
            uow.session.add(tier)
        tier.deleted_at = None
        tier.name = data.name
        tier.rank = data.rank
        tier.min_spend = data.min_spend
        tier.discount_rate = data.discount_rate
        tier.points_per_yuan = data.points_per_yuan
        tier.birthday_gift = data.birthday_gift
        tier.rights = data.rights
    uow.session.flush()
    return list_tiers(uow)


def seed_default_tiers(uow: UnitOfWork) -> bool:
    """Write seed 002's silver, platinum and premier tiers unless tiers exist (HQ's first start)."""
    if uow.session.scalars(select(MemberTier.id)).first() is not None:
        return False
    for data in DEFAULT_TIERS:
        uow.session.add(
            MemberTier(
                code=data.code,
                name=data.name,
                rank=data.rank,
                min_spend=data.min_spend,
                discount_rate=data.discount_rate,
                points_per_yuan=data.points_per_yuan,
                birthday_gift=data.birthday_gift,
                rights=data.rights,
            )
        )
    uow.session.flush()
    return True


def evaluation_months(uow: UnitOfWork) -> int:
    """How often tiers are re-evaluated: every 3 months (quarterly) or 6 (half-yearly)."""
    value = _setting(uow)
    if value is None or value.deleted_at is not None or value.value not in EVALUATION_MONTHS:
        return DEFAULT_EVALUATION_MONTHS
    return int(value.value)


def set_evaluation_months(uow: UnitOfWork, *, months: int) -> int:
    """HQ chooses quarterly (3) or half-yearly (6) re-evaluation."""
    require(uow.actor, Action.TIER_EDIT)
    if months not in EVALUATION_MONTHS:
        raise ValidationFailed(field="period", rule="choice")
    setting = _setting(uow)
    if setting is None:
        uow.session.add(ClinicSetting(key=EVALUATION_MONTHS_KEY, value=months))
    elif setting.value != months or setting.deleted_at is not None:
        setting.value = months
        setting.deleted_at = None
    uow.session.flush()
    return months


def _setting(uow: UnitOfWork) -> ClinicSetting | None:
    return uow.session.scalars(
        select(ClinicSetting).where(ClinicSetting.key == EVALUATION_MONTHS_KEY)
    ).first()


def _codes_held_by_customers(uow: UnitOfWork) -> set[str]:
    current = current_tier_statement().subquery()
    return set(uow.session.scalars(select(current.c.tier_code).distinct()))


def _cleaned(tier: TierInput) -> TierInput:
    return TierInput(
        code=tier.code.strip().lower(),
        name=tier.name.strip(),
        rank=tier.rank,
        min_spend=tier.min_spend,
        discount_rate=tier.discount_rate,
        points_per_yuan=tier.points_per_yuan,
        birthday_gift=tier.birthday_gift.strip(),
        rights=tier.rights.strip(),
    )
