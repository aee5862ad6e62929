"""Checkout: lines at the tier discount, split payments, points, stored value, deposits, courses;
refusals that write nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.domain.cashier import LineKind, PaymentMethod
from lorch_desk.domain.errors import (
    CourseExhausted,
    InsufficientBalance,
    PaymentMismatch,
    PermissionDenied,
    ValidationFailed,
)
from lorch_desk.domain.membership import REFERRAL_REWARD_POINTS
from lorch_desk.domain.permissions import Role
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, SaleLine, StoredValueEntry
from lorch_desk.services import membership_referrals, sales
from lorch_desk.services import payments as payments_service
from lorch_desk.services.sales_lines import LineInput, open_courses
from tests.services.cashier_till import Till, cash, pay, till_fixture  # noqa: F401
from tests.services.consultant_clinic import DAY, at


def test_a_platinum_member_pays_a_split_checkout_at_the_tier_discount(till: Till) -> None:
    till.give_tier("platinum")
    result = till.checkout(
        till.service("针灸"),
        till.service("推拿", quantity=Decimal(2)),
        paid=[cash("300.00"), pay(PaymentMethod.WECHAT, "342.20")],
    )
    # (280 + 2 × 198) = 676, less 5 %: 33.80 → 642.20
    assert result.total == Decimal("642.20")
    assert result.number.startswith(f"BJ-{DAY.year}-")
    (sale,) = till.rows(Sale)
    assert (sale.tier_code, sale.discount_rate) == ("platinum", Decimal("0.05"))
    assert (sale.list_total, sale.discount_total, sale.total) == (
        Decimal("676.00"),
        Decimal("33.80"),
        Decimal("642.20"),
    )
    assert sale.day == DAY and sale.cashier_id == till.cashier.user_id
    lines = sorted(till.rows(SaleLine), key=lambda line: line.line_no)
    assert [(line.name, line.discount, line.amount) for line in lines] == [
        ("针灸", Decimal("14.00"), Decimal("266.00")),
        ("推拿", Decimal("19.80"), Decimal("376.20")),
    ]
    methods = {p.method: p.amount for p in till.rows(Payment)}
    assert methods == {"cash": Decimal("300.00"), "wechat": Decimal("342.20")}
    # 1.5 points per yuan paid: 963.3 → 963
    assert result.points_earned == 963
    assert till.balances().points == 963


def test_payments_that_do_not_add_up_are_refused_and_nothing_is_written(till: Till) -> None:
    before = till.ledger_counts()
    for paid in ([cash("300.00")], [cash("280.00"), cash("0.50")], []):
        with pytest.raises(PaymentMismatch) as refused:
            till.checkout(till.service("针灸"), paid=paid)
    assert refused.value.params == {"total": "280.00", "paid": "0"}
    with pytest.raises(ValidationFailed):
        till.checkout(till.service("针灸"), paid=[cash("-20.00"), cash("300.00")])
    assert till.ledger_counts() == before


def test_points_pay_at_one_yuan_per_hundred_and_never_beyond_what_is_held(till: Till) -> None:
    till.checkout(till.service("针灸"), paid=[cash("280.00")])  # silver: 1 point per yuan
    assert till.balances().points == 280
    before = till.ledger_counts()
    with pytest.raises(InsufficientBalance) as refused:
        till.checkout(
            till.service("推拿"), paid=[pay(PaymentMethod.POINTS, "2.81"), cash("195.19")]
        )
    assert refused.value.params["method"] == "points"
    assert till.ledger_counts() == before
    result = till.checkout(
        till.service("推拿"), paid=[pay(PaymentMethod.POINTS, "2.80"), cash("195.20")]
    )
    # Points pay no points: 195.20 paid in cash earns 195.
    assert result.points_earned == 195
    entries = sorted((e.reason, e.points) for e in till.rows(PointsEntry))
    assert entries == [("earned", 195), ("earned", 280), ("redeemed", -280)]
    assert till.balances().points == 195


def test_a_top_up_fills_stored_value_without_spend_or_points(till: Till) -> None:
    result = till.top_up("1000.00")
    assert result.kind == "top_up"
    assert till.balances().stored_value == Decimal("1000.00")
    assert till.balances().points == 0
    assert [(e.reason, e.amount) for e in till.rows(StoredValueEntry)] == [
        ("top_up", Decimal("1000.00"))
    ]
    with pytest.raises(ValidationFailed):
        till.clinic.run(
            till.cashier,
            sales.top_up,
            customer_id=till.customer_id,
            amount=Decimal("50.00"),
            payments=[pay(PaymentMethod.STORED_VALUE, "50.00")],
            now=at(9, 5),
        )
    till.checkout(till.service("针灸"), paid=[pay(PaymentMethod.STORED_VALUE, "280.00")])
    assert till.balances().stored_value == Decimal("720.00")
    before = till.ledger_counts()
    with pytest.raises(InsufficientBalance):
        till.checkout(
            till.service("推拿", quantity=Decimal(4)),
            paid=[pay(PaymentMethod.STORED_VALUE, "792.00")],
        )
    assert till.ledger_counts() == before


def test_a_deposit_pays_part_of_the_later_checkout_once(till: Till) -> None:
    till.deposit("艾灸疗程", "500.00")
    assert till.balances().deposit == Decimal("500.00")
    assert till.balances().points == 0  # a deposit is not spend yet
    till.checkout(
        till.course(), paid=[pay(PaymentMethod.DEPOSIT, "500.00"), cash("780.00")], when=at(11, 0)
    )
    assert till.balances().deposit == Decimal("0.00")
    assert till.balances().points == 1280  # the whole course earns when it is bought
    with pytest.raises(InsufficientBalance):
        till.checkout(till.service("针灸"), paid=[pay(PaymentMethod.DEPOSIT, "280.00")])


def test_a_course_is_taken_session_by_session_and_no_further(till: Till) -> None:
    bought = till.checkout(till.course(), paid=[cash("1280.00")])
    (course,) = till.clinic.run(till.cashier, open_courses, customer_id=till.customer_id)
    assert (course.sessions, course.used, course.paid_ahead) == (10, 0, True)
    session = LineInput(LineKind.COURSE_SESSION, course_line_id=bought.line_ids[0])
    for day in range(9):
        taken = till.checkout(session, when=at(10, 0, DAY.replace(day=day + 1)))
        assert taken.total == Decimal("0.00")
    (course,) = till.clinic.run(till.cashier, open_courses, customer_id=till.customer_id)
    assert course.remaining == 1
    with pytest.raises(CourseExhausted):
        till.checkout(session, session)
    till.checkout(session)
    assert till.clinic.run(till.cashier, open_courses, customer_id=till.customer_id) == []
    with pytest.raises(CourseExhausted):
        till.checkout(session)


def test_a_course_paid_per_session_prices_each_session(till: Till) -> None:
    opened = till.checkout(
        till.course(pay_per_session=True),
        LineInput(LineKind.COURSE_SESSION, service_item_id=till.item("艾灸疗程")),
        paid=[cash("128.00")],
    )
    lines = sorted(till.rows(SaleLine), key=lambda line: line.line_no)
    assert [(line.kind, line.amount) for line in lines] == [
        ("course", Decimal("0.00")),
        ("course_session", Decimal("128.00")),
    ]
    assert lines[1].course_line_id == lines[0].id == opened.line_ids[0]
    second = LineInput(LineKind.COURSE_SESSION, course_line_id=opened.line_ids[0])
    assert till.checkout(second, paid=[cash("128.00")], when=at(10, 0, DAY.replace(day=30))).total


def test_a_payment_that_fails_half_way_writes_nothing(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    till.top_up("500.00")
    before = till.ledger_counts()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the card terminal hung up")

    monkeypatch.setattr(sales, "add_points", broken)
    with pytest.raises(RuntimeError):
        till.checkout(
            till.service("针灸"), paid=[pay(PaymentMethod.STORED_VALUE, "200.00"), cash("80.00")]
        )
    assert till.ledger_counts() == before
    assert till.balances().stored_value == Decimal("500.00")


def test_only_the_till_roles_check_out(till: Till) -> None:
    pharmacist = till.clinic.make_actor(Role.PHARMACIST)
    with pytest.raises(PermissionDenied):
        till.clinic.run(
            pharmacist,
            sales.checkout,
            data=sales.CheckoutInput(till.customer_id, [till.service("针灸")], [cash("280.00")]),
        )


def test_balances_come_from_the_ledgers(till: Till) -> None:
    till.top_up("300.00")
    till.checkout(till.service("针灸"), paid=[pay(PaymentMethod.STORED_VALUE, "280.00")])
    assert till.clinic.run(
        till.cashier, payments_service.stored_value_balance, customer_id=till.customer_id
    ) == Decimal("20.00")


def test_the_referrer_is_rewarded_at_the_referred_customers_first_checkout(till: Till) -> None:
    referrer = till.clinic.register("周婷")
    till.clinic.run(
        till.cashier,
        membership_referrals.record_referral,
        customer_id=till.customer_id,
        referrer_id=referrer,
        now=at(8, 0),
    )
    till.checkout(till.service("针灸"), paid=[cash("280.00")])
    till.checkout(till.service("推拿"), paid=[cash("198.00")], when=at(11, 0))
    rewards = till.rows(PointsEntry, customer_id=referrer)
    assert [(e.reason, e.points) for e in rewards] == [("referral_reward", REFERRAL_REWARD_POINTS)]
