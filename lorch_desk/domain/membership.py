"""Membership rules (seed 002): the tier a spend gives, tier validation, evaluation periods."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from lorch_desk.domain.errors import ValidationFailed

# Seed 002: silver below 20,000 yuan of cumulative spend, platinum 20,000–50,000, premier above.
PLATINUM_FROM = Decimal("20000.00")
PREMIER_FROM = Decimal("50000.00")
# Points a referrer earns when the customer they referred makes a first purchase (seed 002).
REFERRAL_REWARD_POINTS = 500
# Tiers are re-evaluated each quarter, or each half-year where HQ chooses so.
EVALUATION_MONTHS = (3, 6)
DEFAULT_EVALUATION_MONTHS = 3
MAX_DISCOUNT_RATE = Decimal("0.90")
MAX_POINTS_PER_YUAN = Decimal("10.00")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,19}$")

QUARTERLY = "quarterly"
MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class TierInput:
    """One tier as HQ configures it; `discount_rate` 0.05 means 5 % off the list price."""

    code: str
    name: str
    rank: int
    min_spend: Decimal
    discount_rate: Decimal
    points_per_yuan: Decimal
    birthday_gift: str = ""
    rights: str = ""


DEFAULT_TIERS: tuple[TierInput, ...] = (
    TierInput(
        "silver", "银卡", 1, Decimal("0.00"), Decimal("0.00"), Decimal("1.00"),
        "生日贺卡及护理体验券一张",
        "积分兑换现金券或礼品;会员活动邀请;异业联盟商户折扣",
    ),
    TierInput(
        "platinum", "白金卡", 2, PLATINUM_FROM, Decimal("0.05"), Decimal("1.50"),
        "生日礼品一份及单项护理一次",
        "院内项目95折;积分1.5倍;优先预约;会员活动优先邀请;异业联盟商户折扣",
    ),
    TierInput(
        "premier", "尊享卡", 3, PREMIER_FROM, Decimal("0.10"), Decimal("2.00"),
        "生日礼品一份、专属健康检测一次",
        "院内项目9折;积分2倍;优先预约及专属顾问;会员专场活动;异业联盟商户折扣",
    ),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TierRule:
    """What deciding a tier needs: its code, rank and the spend from which it applies."""

    code: str
    rank: int
    min_spend: Decimal


def tier_for_spend(rules: Sequence[TierRule], spend: Decimal) -> str | None:
    """The code of the highest-ranked tier whose threshold `spend` reaches (None: no tiers)."""
    reached = [rule for rule in rules if spend >= rule.min_spend]
    if not reached:
        ordered = sorted(rules, key=lambda rule: rule.rank)
        return ordered[0].code if ordered else None
    return max(reached, key=lambda rule: rule.rank).code


def validate_tiers(tiers: Sequence[TierInput]) -> None:
    """Refuse a tier table that is incomplete or out of order (raises ValidationFailed)."""
    if not tiers:
        raise ValidationFailed(field="tiers", rule="required")
    codes: set[str] = set()
    for tier in tiers:
        if not _CODE.match(tier.code):
            raise ValidationFailed(field="tier_code", rule="tier_code", code=tier.code)
        if tier.code in codes:
            raise ValidationFailed(field="tier_code", rule="taken", code=tier.code)
        codes.add(tier.code)
        if not tier.name.strip():
            raise ValidationFailed(field="tier_name", rule="required")
        if len(tier.name.strip()) > 30:
            raise ValidationFailed(field="tier_name", rule="too_long", maximum=30)
        if tier.min_spend < 0:
            raise ValidationFailed(field="min_spend", rule="not_negative")
        if tier.min_spend != tier.min_spend.quantize(Decimal("0.01")):
            raise ValidationFailed(field="min_spend", rule="decimals", places=2)
        _in_range("discount_rate", tier.discount_rate, MAX_DISCOUNT_RATE)
        _in_range("points_per_yuan", tier.points_per_yuan, MAX_POINTS_PER_YUAN)
        if len(tier.birthday_gift) > 100:
            raise ValidationFailed(field="birthday_gift", rule="too_long", maximum=100)
    ordered = sorted(tiers, key=lambda tier: tier.rank)
    if ordered[0].min_spend != 0:
        raise ValidationFailed(field="min_spend", rule="lowest_tier_from_zero")
    for lower, higher in zip(ordered, ordered[1:], strict=False):
        if lower.rank == higher.rank:
            raise ValidationFailed(field="rank", rule="ranks_unique", rank=higher.rank)
        if higher.min_spend <= lower.min_spend:
            raise ValidationFailed(
                field="min_spend", rule="thresholds_ascending", lower=lower.name, higher=higher.name
            )


def _in_range(field: str, value: Decimal, maximum: Decimal) -> None:
    if not Decimal(0) <= value <= maximum:
        raise ValidationFailed(field=field, rule="range", minimum=0, maximum=maximum)
    if value != value.quantize(Decimal("0.01")):
        raise ValidationFailed(field=field, rule="decimals", places=2)


@dataclass(frozen=True, slots=True)
class EvaluationPeriod:
    """A quarter (2026Q3) or half-year (2026H2): spend up to `last_day` decides the tier."""

    label: str
    first_day: date
    last_day: date


def evaluation_period(year: int, number: int, months: int) -> EvaluationPeriod:
    """The `number`-th quarter (months=3) or half-year (months=6) of `year`."""
    if months not in EVALUATION_MONTHS:
        raise ValidationFailed(field="period", rule="choice")
    if not 1 <= number <= 12 // months:
        raise ValidationFailed(field="period", rule="range", minimum=1, maximum=12 // months)
    first_month = (number - 1) * months + 1
    first_day = date(year, first_month, 1)
    next_first = (
        date(year + 1, 1, 1) if first_month + months > 12 else date(year, first_month + months, 1)
    )
    suffix = "Q" if months == 3 else "H"
    return EvaluationPeriod(f"{year}{suffix}{number}", first_day, next_first - timedelta(days=1))


def last_completed_period(today: date, months: int) -> EvaluationPeriod:
    """The newest quarter or half-year that has ended before `today`."""
    number = (today.month - 1) // months  # the running period's number minus one
    if number == 0:
        return evaluation_period(today.year - 1, 12 // months, months)
    return evaluation_period(today.year, number, months)


# The notice of seed 002 ("upgrades and downgrades are notified"); {name} carries 先生/女士.
TIER_CHANGED_TEMPLATE = (
    "尊敬的{name},您好!根据您截至{last_day}的累计消费{spend}元,您的会员等级已由{from_tier}"
    "调整为{to_tier},新等级的权益即日起生效。感谢您一直以来的支持,详情请咨询客服。"
)


def render_tier_notice(
    *, name: str, last_day: date, spend: Decimal, from_tier: str, to_tier: str
) -> str:
    """The text of the message that tells a customer of their new tier."""
    return TIER_CHANGED_TEMPLATE.format(
        name=name,
        last_day=f"{last_day.year}年{last_day.month}月{last_day.day}日",
        spend=f"{spend:,.2f}",
        from_tier=from_tier,
        to_tier=to_tier,
    )


# The invitation of seed 002's member events ("邀约方式 ... 短信").
EVENT_INVITATION_TEMPLATE = (
    "尊敬的{name},您好!诚邀您参加{when}在{place}举办的会员活动“{title}”,"
    "届时请凭会员卡签到。期待您的光临!如需咨询请联系客服。"
)


def render_event_invitation(*, name: str, title: str, when: str, place: str) -> str:
    """The text of the message that invites a member to an event."""
    return EVENT_INVITATION_TEMPLATE.format(name=name, title=title, when=when, place=place)
