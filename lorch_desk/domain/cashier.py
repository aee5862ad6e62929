"""The cashier's rules (收银): kinds of sales, lines and payments, pricing, points.

A sale's total is the sum of its lines after the tier discount and must equal the sum of its
payments. Deposits (定金) and stored-value top-ups (储值充值) are documents of their own kinds so
that they are not spend; what a deposit later pays for is spend when it is applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from lorch_desk.domain.errors import PaymentMismatch, ValidationFailed

CENT = Decimal("0.01")

# 100 points pay 1 yuan at the till (积分抵现): the chain's usual rate; points are whole numbers,
# so any amount in fen is a whole number of points.
POINTS_PER_YUAN_REDEEMED = 100


class SaleKind(StrEnum):
    SALE = "sale"
    REFUND = "refund"  # reverses (part of) a sale
    DEPOSIT = "deposit"  # 定金 reserving an item; spend when a later sale applies it
    DEPOSIT_REFUND = "deposit_refund"
    TOP_UP = "top_up"  # 储值充值: money into stored value, not spend
    TOP_UP_REFUND = "top_up_refund"  # 储值退款: unspent stored value paid back


# The kinds a customer's spend sums (the membership contract): net paid for goods and services.
SPEND_KINDS = (SaleKind.SALE, SaleKind.REFUND)
# Which kind refunds which.
REFUND_KIND_OF = {
    SaleKind.SALE: SaleKind.REFUND,
    SaleKind.DEPOSIT: SaleKind.DEPOSIT_REFUND,
    SaleKind.TOP_UP: SaleKind.TOP_UP_REFUND,
}


class LineKind(StrEnum):
    SERVICE = "service"
    COURSE = "course"  # a course (疗程) of N sessions of a service item
    COURSE_SESSION = "course_session"  # one session taken of a course
    PRODUCT = "product"
    DEPOSIT = "deposit"


class PaymentMethod(StrEnum):
    CASH = "cash"
    BANK_CARD = "bank_card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    STORED_VALUE = "stored_value"
    DEPOSIT = "deposit"
    POINTS = "points"


# Money from outside: what a top-up may be paid with.
MONEY_METHODS = frozenset(
    {PaymentMethod.CASH, PaymentMethod.BANK_CARD, PaymentMethod.WECHAT, PaymentMethod.ALIPAY}
)
# Methods that draw on the customer's own balances.
BALANCE_METHODS = frozenset(
    {PaymentMethod.STORED_VALUE, PaymentMethod.DEPOSIT, PaymentMethod.POINTS}
)


@dataclass(frozen=True, slots=True)
class PaymentInput:
    """One payment of a checkout (positive) by one method."""

    method: PaymentMethod
    amount: Decimal
    reference: str = ""


@dataclass(frozen=True, slots=True)
class PricedLine:
    list_amount: Decimal  # quantity × unit price
    discount: Decimal
    amount: Decimal


def money(value: Decimal) -> Decimal:
    """An amount rounded to the fen, half up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def price_line(quantity: Decimal, unit_price: Decimal, discount_rate: Decimal) -> PricedLine:
    """A line's list amount, its tier discount and what it costs after the discount."""
    if quantity <= 0:
        raise ValidationFailed(field="quantity", rule="positive")
    if unit_price < 0:
        raise ValidationFailed(field="unit_price", rule="not_negative")
    list_amount = money(quantity * unit_price)
    discount = money(list_amount * discount_rate)
    return PricedLine(list_amount, discount, list_amount - discount)


def session_price(course_price: Decimal, sessions: int) -> Decimal:
    """The price of one session of a course paid session by session."""
    return money(course_price / sessions)


def check_payments(
    total: Decimal, payments: Iterable[PaymentInput]
) -> dict[PaymentMethod, Decimal]:
    """Per method, what the payments bring; refuse unless they add up to `total` exactly."""
    by_method: dict[PaymentMethod, Decimal] = {}
    for payment in payments:
        method = PaymentMethod(payment.method)
        if not isinstance(payment.amount, Decimal) or payment.amount <= 0:
            raise ValidationFailed(field="amount", rule="positive")
        if payment.amount != money(payment.amount):
            raise ValidationFailed(field="amount", rule="number")
        by_method[method] = by_method.get(method, Decimal(0)) + payment.amount
    paid = sum(by_method.values(), Decimal(0))
    if paid != total:
        raise PaymentMismatch(total=str(total), paid=str(paid))
    return by_method


def points_for(amount: Decimal) -> int:
    """The points that pay `amount` yuan."""
    return int(amount * POINTS_PER_YUAN_REDEEMED)


def points_earned(by_method: dict[PaymentMethod, Decimal], points_per_yuan: Decimal) -> int:
    """Points a sale earns: the tier's rate on what was paid by anything but points."""
    base = sum((a for m, a in by_method.items() if m is not PaymentMethod.POINTS), Decimal(0))
    return int((base * points_per_yuan).to_integral_value(rounding=ROUND_DOWN))


def points_to_reverse(earned: int, earning_base: Decimal, refunded_base: Decimal) -> int:
    """The share of a sale's earned points that a refund of `refunded_base` takes back."""
    if earning_base <= 0 or earned <= 0:
        return 0
    share = Decimal(earned) * refunded_base / earning_base
    return min(earned, int(share.to_integral_value(rounding=ROUND_HALF_UP)))
