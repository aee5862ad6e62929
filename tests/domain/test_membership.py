"""Tier rules of seed 002: the tier a spend gives, tier-table validation, review periods."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.membership import (
    DEFAULT_TIERS,
    TierRule,
    evaluation_period,
    last_completed_period,
    render_tier_notice,
    tier_for_spend,
    validate_tiers,
)

RULES = [TierRule(tier.code, tier.rank, tier.min_spend) for tier in DEFAULT_TIERS]


@pytest.mark.parametrize(
    ("spend", "tier"),
    [
        ("0", "silver"),
        ("-300", "silver"),
        ("19999.99", "silver"),
        ("20000", "platinum"),
        ("49999.99", "platinum"),
        ("50000", "premier"),
        ("50000.01", "premier"),
    ],
)
def test_seed_002_thresholds(spend: str, tier: str) -> None:
    assert tier_for_spend(RULES, Decimal(spend)) == tier


def test_no_tiers_gives_no_tier() -> None:
    assert tier_for_spend([], Decimal(100)) is None


@given(
    thresholds=st.lists(
        st.decimals(min_value=1, max_value=10**6, places=2), min_size=0, max_size=5, unique=True
    ),
    spend=st.decimals(min_value=-(10**5), max_value=2 * 10**6, places=2),
)
def test_tier_is_the_highest_threshold_reached(thresholds: list[Decimal], spend: Decimal) -> None:
    mins = [Decimal(0), *sorted(thresholds)]
    rules = [TierRule(f"t{rank}", rank, low) for rank, low in enumerate(mins, start=1)]
    reached = [rule for rule in rules if spend >= rule.min_spend]
    expected = reached[-1].code if reached else "t1"
    assert tier_for_spend(rules, spend) == expected


def test_default_tiers_are_valid() -> None:
    validate_tiers(DEFAULT_TIERS)


@pytest.mark.parametrize(
    ("change", "field", "rule"),
    [
        ({"code": "Gold Card"}, "tier_code", "tier_code"),
        ({"name": " "}, "tier_name", "required"),
        ({"min_spend": Decimal("-1")}, "min_spend", "not_negative"),
        ({"discount_rate": Decimal("0.95")}, "discount_rate", "range"),
        ({"discount_rate": Decimal("0.055")}, "discount_rate", "decimals"),
        ({"points_per_yuan": Decimal("-1")}, "points_per_yuan", "range"),
    ],
)
def test_a_bad_tier_is_refused(change: dict, field: str, rule: str) -> None:
    tiers = [replace(DEFAULT_TIERS[0], **change), *DEFAULT_TIERS[1:]]
    with pytest.raises(ValidationFailed) as refused:
        validate_tiers(tiers)
    assert (refused.value.field, refused.value.params["rule"]) == (field, rule)


def test_thresholds_must_rise_with_rank() -> None:
    silver, platinum, premier = DEFAULT_TIERS
    with pytest.raises(ValidationFailed) as refused:
        validate_tiers([silver, platinum, replace(premier, min_spend=Decimal("20000"))])
    assert refused.value.params["rule"] == "thresholds_ascending"
    with pytest.raises(ValidationFailed) as same_rank:
        validate_tiers([silver, platinum, replace(premier, rank=2)])
    assert same_rank.value.params["rule"] == "ranks_unique"
    with pytest.raises(ValidationFailed) as not_zero:
        validate_tiers([replace(silver, min_spend=Decimal(100)), platinum, premier])
    assert not_zero.value.params["rule"] == "lowest_tier_from_zero"
    with pytest.raises(ValidationFailed) as twice:
        validate_tiers([silver, replace(platinum, code="silver"), premier])
    assert twice.value.params["rule"] == "taken"


def test_quarters_and_half_years() -> None:
    q3 = evaluation_period(2026, 3, 3)
    assert (q3.label, q3.first_day, q3.last_day) == ("2026Q3", date(2026, 7, 1), date(2026, 9, 30))
    h2 = evaluation_period(2026, 2, 6)
    assert (h2.label, h2.last_day) == ("2026H2", date(2026, 12, 31))
    assert last_completed_period(date(2026, 11, 23), 3).label == "2026Q3"
    assert last_completed_period(date(2026, 2, 1), 3).label == "2025Q4"
    assert last_completed_period(date(2026, 3, 31), 6).label == "2025H2"
    with pytest.raises(ValidationFailed):
        evaluation_period(2026, 5, 3)


def test_tier_notice_wording() -> None:
    text = render_tier_notice(
        name="王芳女士",
        last_day=date(2026, 9, 30),
        spend=Decimal("21000"),
        from_tier="银卡",
        to_tier="白金卡",
    )
    assert text.startswith("尊敬的王芳女士,您好!根据您截至2026年9月30日的累计消费21,000.00元")
    assert "由银卡调整为白金卡" in text
