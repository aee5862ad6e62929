"""The cashier's pure rules: pricing at a discount, payments that must add up, points."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.domain.cashier import (
    PaymentInput,
    PaymentMethod,
    check_payments,
    points_earned,
    points_for,
    points_to_reverse,
    price_line,
    session_price,
)
from lorch_desk.domain.errors import PaymentMismatch, ValidationFailed


def test_a_line_is_discounted_and_rounded_to_the_fen_half_up() -> None:
    priced = price_line(Decimal(3), Decimal("33.33"), Decimal("0.05"))
    assert (priced.list_amount, priced.discount, priced.amount) == (
        Decimal("99.99"),
        Decimal("5.00"),
        Decimal("94.99"),
    )
    with pytest.raises(ValidationFailed):
        price_line(Decimal(0), Decimal("1.00"), Decimal(0))
    assert session_price(Decimal("1280.00"), 3) == Decimal("426.67")


def test_payments_must_add_up_exactly_and_be_positive_fen() -> None:
    paid = [PaymentInput(PaymentMethod.CASH, Decimal("10.00")), PaymentInput("cash", Decimal("5"))]
    assert check_payments(Decimal("15.00"), paid) == {PaymentMethod.CASH: Decimal("15.00")}
    with pytest.raises(PaymentMismatch):
        check_payments(Decimal("15.01"), paid)
    with pytest.raises(ValidationFailed):
        check_payments(Decimal("0.005"), [PaymentInput(PaymentMethod.CASH, Decimal("0.005"))])
    with pytest.raises(ValueError):
        check_payments(Decimal(1), [PaymentInput("cheque", Decimal(1))])  # type: ignore[arg-type]


def test_points_are_earned_on_money_not_on_points_and_taken_back_in_share() -> None:
    by_method = {PaymentMethod.CASH: Decimal("99.99"), PaymentMethod.POINTS: Decimal("10.00")}
    assert points_earned(by_method, Decimal("1.50")) == 149  # 149.985 down
    assert points_for(Decimal("2.37")) == 237
    assert points_to_reverse(149, Decimal("99.99"), Decimal("99.99")) == 149
    halves = points_to_reverse(149, Decimal("100"), Decimal("50"))
    assert halves == 75  # 74.5, half up
    assert points_to_reverse(0, Decimal("100"), Decimal("100")) == 0
