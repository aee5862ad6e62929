"""Tiers HQ configures, a member's summary, manual tier changes and referral rewards."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.membership import DEFAULT_TIERS, REFERRAL_REWARD_POINTS, tier_for_spend
from lorch_desk.domain.permissions import Role
from lorch_desk.models.cashier import PointsEntry, StoredValueEntry
from lorch_desk.models.membership import MemberTier
from lorch_desk.services import membership
from lorch_desk.services.membership_evaluation import run_evaluation
from lorch_desk.services.membership_referrals import (
    find_referral,
    record_referral,
    reward_referrer,
)
from lorch_desk.services.membership_tiers import (
    evaluation_months,
    save_tiers,
    set_evaluation_months,
)
from tests.services.membership_world import AFTER_Q3, MembershipWorld


@pytest.fixture()
def world(database: Database, actor_for: Callable[..., Actor]) -> MembershipWorld:
    return MembershipWorld(database, actor_for)


def test_headquarters_starts_with_the_tiers_of_seed_002(world) -> None:
    tiers = world.run(world.service, membership.list_tiers)
    assert [(t.code, t.name, t.min_spend) for t in tiers] == [
        ("silver", "银卡", Decimal("0.00")),
        ("platinum", "白金卡", Decimal("20000.00")),
        ("premier", "尊享卡", Decimal("50000.00")),
    ]
    assert tiers[2].discount_rate == Decimal("0.10") and tiers[2].birthday_gift


def test_a_new_customer_checks_out_at_the_lowest_tier(world) -> None:
    customer = world.register("刘洋")
    terms = world.run(world.receptionist, membership.checkout_terms, customer_id=customer)
    assert (terms.tier_code, terms.tier_name, terms.discount_rate) == (
        "silver",
        "银卡",
        Decimal("0.00"),
    )


def test_hq_edits_tiers_and_others_may_not(world) -> None:
    silver, platinum, premier = DEFAULT_TIERS
    gold = replace(platinum, code="gold", name="金卡", rank=3, min_spend=Decimal("30000"))
    premier = replace(premier, rank=4, discount_rate=Decimal("0.12"))
    with pytest.raises(PermissionDenied):
        world.run(world.manager, save_tiers, tiers=[silver, platinum, gold, premier])

    saved = world.run(world.admin, save_tiers, tiers=[silver, platinum, gold, premier])

    assert [t.code for t in saved] == ["silver", "platinum", "gold", "premier"]
    assert saved[3].discount_rate == Decimal("0.12")
    saved = world.run(world.admin, save_tiers, tiers=[silver, platinum, premier])
    assert [t.code for t in saved] == ["silver", "platinum", "premier"]


def test_a_bad_tier_table_writes_nothing(world) -> None:
    silver, platinum, premier = DEFAULT_TIERS
    with pytest.raises(ValidationFailed) as refused:
        world.run(
            world.admin,
            save_tiers,
            tiers=[
                silver,
                replace(platinum, discount_rate=Decimal("0.05")),
                replace(premier, min_spend=Decimal(10)),
            ],
        )
    assert refused.value.params["rule"] == "thresholds_ascending"
    assert world.run(world.service, membership.list_tiers)[2].min_spend == Decimal("50000.00")


def test_a_tier_customers_hold_cannot_be_retired(world) -> None:
    customer = world.register("钱芳")
    world.run(
        world.manager,
        membership.change_tier,
        customer_id=customer,
        tier_code="premier",
        note="补录",
    )
    silver, platinum, _premier = DEFAULT_TIERS
    with pytest.raises(ValidationFailed) as refused:
        world.run(world.admin, save_tiers, tiers=[silver, platinum])
    assert (refused.value.params["rule"], refused.value.params["code"]) == (
        "tier_in_use",
        "premier",
    )


def test_review_period_is_quarterly_unless_hq_chooses_half_years(world) -> None:
    assert world.run(world.admin, evaluation_months) == 3
    world.run(world.admin, set_evaluation_months, months=6)
    assert world.run(world.manager, evaluation_months) == 6
    with pytest.raises(ValidationFailed):
        world.run(world.admin, set_evaluation_months, months=4)


def test_manual_change_needs_a_reason_and_a_manager(world) -> None:
    customer = world.register("郑爽")
    with pytest.raises(ValidationFailed) as no_reason:
        world.run(
            world.manager,
            membership.change_tier,
            customer_id=customer,
            tier_code="premier",
            note=" ",
        )
    assert no_reason.value.field == "note"
    with pytest.raises(ValidationFailed) as same:
        world.run(
            world.manager,
            membership.change_tier,
            customer_id=customer,
            tier_code="silver",
            note="x",
        )
    assert same.value.params["rule"] == "same_tier"
    with pytest.raises(PermissionDenied):
        world.run(
            world.service,
            membership.change_tier,
            customer_id=customer,
            tier_code="premier",
            note="x",
        )


def test_member_summary_sums_the_ledgers(world) -> None:
    customer = world.register("冯雪")
    world.sell(customer, "3000.00", on=date(2026, 9, 1))
    world.sell(customer, "-500.00", on=date(2026, 9, 2), kind="refund")
    when = datetime(2026, 9, 2, 12, tzinfo=clinic_time_zone())

    def ledgers(uow, _progress):  # noqa: ANN001
        uow.session.add_all(
            [
                StoredValueEntry(
                    customer_id=customer, amount=Decimal("1000"), reason="top_up", recorded_at=when
                ),
                StoredValueEntry(
                    customer_id=customer,
                    amount=Decimal("-250.50"),
                    reason="charge",
                    recorded_at=when,
                ),
                PointsEntry(customer_id=customer, points=3000, reason="earned", recorded_at=when),
                PointsEntry(customer_id=customer, points=-800, reason="redeemed", recorded_at=when),
            ]
        )

    world.database.run(world.admin, ledgers)

    detail = world.run(world.receptionist, membership.get_member, customer_id=customer)

    assert detail.cumulative_spend == Decimal("2500.00")
    assert detail.stored_value == Decimal("749.50")
    assert detail.points == 2200
    assert (detail.tier_name, detail.history) == ("银卡", ())
    with pytest.raises(PermissionDenied):
        world.run(world.make_actor(Role.PHARMACIST), membership.get_member, customer_id=customer)


def test_referrer_earns_points_once_at_the_first_purchase(world) -> None:
    referrer = world.register("黄蓉")
    friend = world.register("郭芙")
    with pytest.raises(ValidationFailed):
        world.run(world.receptionist, record_referral, customer_id=friend, referrer_id=friend)
    world.run(world.receptionist, record_referral, customer_id=friend, referrer_id=referrer)
    assert world.run(world.service, find_referral, customer_id=friend).referrer_name == "黄蓉"

    first = world.sell(friend, "2000.00", on=date(2026, 9, 1))
    second = world.sell(friend, "800.00", on=date(2026, 9, 5))
    reward = world.run(world.admin, reward_referrer, sale_id=first)
    assert reward is not None
    assert world.run(world.admin, reward_referrer, sale_id=first) is None  # once only
    assert world.run(world.admin, reward_referrer, sale_id=second) is None  # not the first
    lonely = world.register("杨过")
    assert (
        world.run(
            world.admin, reward_referrer, sale_id=world.sell(lonely, "10", on=date(2026, 9, 1))
        )
        is None
    )

    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        rows = uow.session.execute(
            select(PointsEntry.customer_id, PointsEntry.points, PointsEntry.reason)
        ).all()
    assert rows == [(referrer, REFERRAL_REWARD_POINTS, "referral_reward")]


def test_property_tier_equals_the_tier_the_rules_give(world) -> None:
    """Seeded fuzzer: random sales and refunds over two quarters, then the rules decide."""
    seed = random.randrange(10**6)
    print(f"membership fuzz seed {seed}")
    draw = random.Random(seed)
    customers = [world.register(f"会员{number}") for number in range(12)]
    for customer in customers:
        for _ in range(draw.randrange(0, 6)):
            day = date(2026, 7, 1) + timedelta(days=draw.randrange(0, 180))
            amount = Decimal(draw.randrange(100, 3_000_000)) / 100
            world.sell(customer, str(amount), on=day)
            if draw.random() < 0.3:
                world.sell(customer, str(-amount / 2), on=day, kind="refund")
    rules = membership_rules(world)
    for year, number, now in ((2026, 3, AFTER_Q3), (2026, 4, AFTER_Q3 + timedelta(days=92))):
        world.run(world.manager, run_evaluation, year=year, number=number, now=now)
        last_day = date(2026, 9, 30) if number == 3 else date(2026, 12, 31)
        for customer in customers:
            spend = world.run(
                world.manager, membership.cumulative_spend, customer_id=customer, up_to=last_day
            )
            terms = world.run(world.manager, membership.checkout_terms, customer_id=customer)
            assert terms.tier_code == tier_for_spend(rules, spend), f"seed {seed}"


def membership_rules(world):  # noqa: ANN001, ANN201
    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        assert uow.session.scalar(select(MemberTier.id)) is not None
        return membership.tier_rules(uow)
