"""For any sequence of checkouts, split payments, redemptions, top-ups, deposits and refunds:
balances equal the sums of their ledgers and never go negative, every document's total equals
its payments and its lines, nothing is refunded twice or above what was paid, and a refused
operation writes nothing."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.cashier import (
    POINTS_PER_YUAN_REDEEMED,
    SPEND_KINDS,
    LineKind,
    PaymentInput,
    PaymentMethod,
    price_line,
)
from lorch_desk.domain.errors import DomainError
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, SaleLine, StoredValueEntry
from lorch_desk.services.sales_lines import LineInput, open_courses
from tests.services.cashier_till import Till, build_till
from tests.services.consultant_clinic import at

ITEMS = ("针灸", "推拿", "艾灸疗程")
METHODS = (
    PaymentMethod.CASH,
    PaymentMethod.WECHAT,
    PaymentMethod.STORED_VALUE,
    PaymentMethod.POINTS,
    PaymentMethod.DEPOSIT,
)

_checkout = st.tuples(
    st.just("checkout"),
    st.lists(st.sampled_from(ITEMS[:2]), min_size=1, max_size=3),
    st.lists(st.tuples(st.sampled_from(METHODS), st.integers(1, 100)), min_size=1, max_size=3),
)
_top_up = st.tuples(st.just("top_up"), st.integers(1, 2000))
_deposit = st.tuples(st.just("deposit"), st.integers(1, 800))
_refund = st.tuples(st.just("refund"), st.integers(0, 20), st.booleans())
_course = st.tuples(st.just("course"), st.sampled_from(METHODS))
_session = st.tuples(st.just("session"), st.integers(0, 5))
OPERATIONS = st.lists(
    st.one_of(_checkout, _top_up, _deposit, _refund, _course, _session), min_size=1, max_size=14
)


def _split(total: Decimal, shares: list[tuple[PaymentMethod, int]]) -> list[PaymentInput]:
    """Split `total` over methods by weight; the last takes the rounding."""
    weight = sum(share for _method, share in shares)
    payments, left = [], total
    for index, (method, share) in enumerate(shares):
        amount = (
            left if index == len(shares) - 1 else (total * share / weight).quantize(Decimal("0.01"))
        )
        amount = min(amount, left)
        if amount > 0:
            payments.append(PaymentInput(method, amount))
            left -= amount
    return payments


def _apply(till: Till, customer_id: uuid.UUID, operation: tuple, step: int, platinum: bool) -> None:  # type: ignore[type-arg]
    when = at(8, 0) + timedelta(minutes=step)
    rate = Decimal("0.05") if platinum else Decimal(0)
    kind = operation[0]
    if kind == "checkout":
        lines = [till.service(name) for name in operation[1]]
        prices = {"针灸": Decimal("280.00"), "推拿": Decimal("198.00")}
        total = sum(
            (price_line(Decimal(1), prices[n], rate).amount for n in operation[1]), Decimal(0)
        )
        till.checkout(*lines, paid=_split(total, operation[2]), when=when, customer_id=customer_id)
    elif kind == "course":  # a course of 10 sessions paid ahead by one method
        total = price_line(Decimal(1), Decimal("1280.00"), rate).amount
        till.checkout(
            till.course(),
            paid=[PaymentInput(operation[1], total)],
            when=when,
            customer_id=customer_id,
        )
    elif kind == "session":
        courses = till.clinic.run(till.cashier, open_courses, customer_id=customer_id)
        if courses:
            course = courses[operation[1] % len(courses)]
            session = LineInput(LineKind.COURSE_SESSION, course_line_id=course.line_id)
            till.checkout(session, when=when, customer_id=customer_id)
    elif kind == "top_up":
        till.customer_id = customer_id
        till.top_up(f"{operation[1]}.00", when=when)
    elif kind == "deposit":
        till.customer_id = customer_id
        till.deposit("艾灸疗程", f"{operation[1]}.00", when=when)
    else:
        documents = till.rows(Sale, customer_id=customer_id)
        refundable = [s for s in documents if s.kind in ("sale", "deposit", "top_up")]
        if not refundable:
            return
        sale = sorted(refundable, key=lambda s: s.number)[operation[1] % len(refundable)]
        lines = till.rows(SaleLine, sale_id=sale.id)
        chosen = None if operation[2] or not lines else [lines[0].id]
        till.refund(sale.id, line_ids=chosen, now=when)


def _sum(till: Till, column, *where) -> Decimal:  # noqa: ANN001
    with till.database.unit_of_work(till.manager, read_only=True) as uow:
        return Decimal(uow.session.scalar(select(func.sum(column)).where(*where)) or 0)


def _check_invariants(till: Till, customer_id: uuid.UUID) -> None:
    held = till.balances(customer_id)
    assert held.points == _sum(till, PointsEntry.points, PointsEntry.customer_id == customer_id)
    assert held.stored_value == _sum(
        till, StoredValueEntry.amount, StoredValueEntry.customer_id == customer_id
    )
    assert held.points >= 0 and held.stored_value >= 0 and held.deposit >= 0
    # Every stored-value charge or refund is a payment by stored value, and vice versa.
    by_stored_value = _sum(
        till,
        Payment.amount,
        Payment.customer_id == customer_id,
        Payment.method == PaymentMethod.STORED_VALUE.value,
    )
    moved = _sum(
        till,
        StoredValueEntry.amount,
        StoredValueEntry.customer_id == customer_id,
        StoredValueEntry.reason != "top_up",
    )
    assert moved == -by_stored_value
    by_points = _sum(
        till,
        Payment.amount,
        Payment.customer_id == customer_id,
        Payment.method == PaymentMethod.POINTS.value,
    )
    # Points paid with are redeemed entries; points paid back are positive reversals.
    redeemed = _sum(
        till,
        PointsEntry.points,
        PointsEntry.customer_id == customer_id,
        (PointsEntry.reason == "redeemed")
        | ((PointsEntry.reason == "refund_reversal") & (PointsEntry.points > 0)),
    )
    assert redeemed == -by_points * POINTS_PER_YUAN_REDEEMED
    documents = till.rows(Sale, customer_id=customer_id)
    for sale in documents:
        paid = _sum(till, Payment.amount, Payment.sale_id == sale.id)
        assert sale.total == paid
        assert sale.list_total - sale.discount_total == sale.total
        if not sale.kind.startswith("top_up"):
            assert sale.total == _sum(till, SaleLine.amount, SaleLine.sale_id == sale.id)
    for sale in documents:
        if sale.kind in ("sale", "deposit", "top_up"):
            history = [sale.id] + [s.id for s in documents if s.reverses_sale_id == sale.id]
            assert sum((s.total for s in documents if s.id in history), Decimal(0)) >= 0
            for method in PaymentMethod:
                assert (
                    _sum(
                        till,
                        Payment.amount,
                        Payment.sale_id.in_(history),
                        Payment.method == method.value,
                    )
                    >= 0
                )
    # No course gives more sessions than it was bought with, nor fewer than none.
    for line in till.rows(SaleLine, kind="course"):
        if line.quantity > 0:
            used = _sum(till, SaleLine.quantity, SaleLine.course_line_id == line.id)
            assert 0 <= used <= line.sessions
    spend = sum((s.total for s in documents if s.kind in SPEND_KINDS), Decimal(0))
    assert spend >= 0


def test_any_sequence_of_till_operations_keeps_the_ledgers_whole(
    database: Database, actor_for: Callable[..., Actor]
) -> None:
    till = build_till(database, actor_for)

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(OPERATIONS, st.booleans())
    def run(operations: list[tuple], platinum: bool) -> None:  # type: ignore[type-arg]
        customer_id = till.clinic.register("王秀兰")
        if platinum:
            till.give_tier("platinum", customer_id)
        for step, operation in enumerate(operations):
            before = till.ledger_counts()
            try:
                _apply(till, customer_id, operation, step, platinum)
                event(f"{operation[0]} done")
                outcomes[operation[0]] += 1
            except DomainError as refused:
                event(f"{operation[0]} refused: {refused.code}")
                outcomes[refused.code] += 1
                assert till.ledger_counts() == before
            _check_invariants(till, customer_id)

    outcomes: Counter[str] = Counter()
    run()
    # The sequences reached every operation, not only its refusals.
    assert {"checkout", "top_up", "deposit", "refund", "course", "session"} <= set(outcomes)
