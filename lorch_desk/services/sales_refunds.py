"""Refunds and voids (退款/作废): a new sale of kind refund with negative amounts that names the
sale and lines it reverses; the paid sale is never edited. Money goes back by the methods it
came in, never more than each brought; the points the refunded part earned are taken back."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import (
    REFUND_KIND_OF,
    LineKind,
    PaymentInput,
    PaymentMethod,
    SaleKind,
    check_payments,
    points_for,
    points_to_reverse,
)
from lorch_desk.domain.errors import (
    AlreadyRefunded,
    CourseExhausted,
    InsufficientDeposit,
    InsufficientStoredValue,
    NotFound,
    RefundTooLarge,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import new_id, utc_now
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, SaleLine
from lorch_desk.services import cashier_stock
from lorch_desk.services.access import require
from lorch_desk.services.membership import NO_TIER, CheckoutTerms
from lorch_desk.services.payments import (
    add_points,
    add_stored_value,
    deposit_balance,
    paid_by_method,
    points_balance,
    post_payments,
    stored_value_balance,
)
from lorch_desk.services.sales import SaleResult, lock_customer, new_sale
from lorch_desk.services.sales_lines import course_state

# The order money goes back in when the cashier does not say: outside money first, points last.
PAYBACK_ORDER = tuple(PaymentMethod)


def refund_sale(
    uow: UnitOfWork,
    *,
    sale_id: uuid.UUID,
    line_ids: Collection[uuid.UUID] | None = None,
    payouts: Sequence[PaymentInput] | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> SaleResult:
    """Refund some lines of a sale (all not yet refunded when `line_ids` is None): a void is the
    refund of every line. `payouts` say how the money goes back; by default, as it came."""
    require(uow.actor, Action.SALE_REFUND)
    now = now or utc_now()
    sale = uow.session.get(Sale, sale_id)
    if sale is None:
        raise NotFound(what="sale")
    kind = SaleKind(sale.kind)
    if kind not in REFUND_KIND_OF:
        raise ValidationFailed(field="sale", rule="choice")
    lock_customer(uow, sale.customer_id)
    if kind is SaleKind.TOP_UP:
        return _refund_top_up(uow, sale, payouts, reason, now)
    lines = _lines_to_refund(uow, sale, line_ids)
    amount = sum((line.amount for line in lines), Decimal(0))
    history = [sale.id, *_refund_ids(uow, sale.id)]
    left = paid_by_method(uow, history)
    by_method = _payouts(amount, payouts, left)
    if kind is SaleKind.DEPOSIT and deposit_balance(uow, sale.customer_id) < amount:
        raise InsufficientDeposit(
            method="deposit", balance=str(deposit_balance(uow, sale.customer_id)), asked=str(amount)
        )
    reversal = _points_to_take_back(uow, sale, history, by_method)
    list_total = sum((line.quantity * line.unit_price for line in lines), Decimal(0))
    terms = CheckoutTerms(sale.tier_code, "", sale.discount_rate, Decimal(0))
    refund = new_sale(
        uow,
        REFUND_KIND_OF[kind],
        customer_id=sale.customer_id,
        now=now,
        terms=terms,
        list_total=-list_total.quantize(Decimal("0.01")),
        total=-amount,
        consultant_id=sale.consultant_id,
        reverses_sale_id=sale.id,
        notes=reason,
    )
    refund_lines = [_reversing_line(refund, number, line) for number, line in enumerate(lines, 1)]
    uow.session.add_all(refund_lines)
    post_payments(uow, refund, by_method, sign=-1)
    add_points(uow, refund, -reversal, "refund_reversal")
    products = [(o, r) for o, r in zip(lines, refund_lines, strict=True) if o.product_id]
    cashier_stock.return_products(uow, products, now=now)
    uow.session.flush()
    return SaleResult(refund.id, refund.number, SaleKind(refund.kind), -amount, -reversal)


def _refund_top_up(
    uow: UnitOfWork,
    sale: Sale,
    payouts: Sequence[PaymentInput] | None,
    reason: str,
    now: datetime,
) -> SaleResult:
    """Pay back what is left of a top-up, never more than the stored value still held."""
    history = [sale.id, *_refund_ids(uow, sale.id)]
    left = paid_by_method(uow, history)
    remaining = sum(left.values(), Decimal(0))
    if remaining <= 0:
        raise AlreadyRefunded(number=sale.number)
    held = stored_value_balance(uow, sale.customer_id)
    if held <= 0:
        raise InsufficientStoredValue(
            method="stored_value", balance=str(held), asked=str(remaining)
        )
    amount = min(remaining, held)
    by_method = _payouts(amount, payouts, left)
    refund = new_sale(
        uow,
        SaleKind.TOP_UP_REFUND,
        customer_id=sale.customer_id,
        now=now,
        terms=NO_TIER,
        list_total=-amount,
        total=-amount,
        reverses_sale_id=sale.id,
        notes=reason,
    )
    post_payments(uow, refund, by_method, sign=-1)
    add_stored_value(uow, refund, -amount, "top_up")  # the top-up, taken back
    uow.session.flush()
    return SaleResult(refund.id, refund.number, SaleKind.TOP_UP_REFUND, -amount)


def _lines_to_refund(
    uow: UnitOfWork, sale: Sale, line_ids: Collection[uuid.UUID] | None
) -> list[SaleLine]:
    lines = uow.session.scalars(
        select(SaleLine).where(SaleLine.sale_id == sale.id).order_by(SaleLine.line_no)
    ).all()
    refunded = set(
        uow.session.scalars(
            select(SaleLine.reverses_line_id).where(
                SaleLine.reverses_line_id.in_([line.id for line in lines])
            )
        )
    )
    if line_ids is None:
        chosen = [line for line in lines if line.id not in refunded]
        if not chosen:
            raise AlreadyRefunded(number=sale.number)
    else:
        wanted = set(line_ids)
        chosen = [line for line in lines if line.id in wanted]
        if len(chosen) != len(wanted) or not chosen:
            raise ValidationFailed(field="lines", rule="not_found")
        if any(line.id in refunded for line in chosen):
            raise AlreadyRefunded(number=sale.number)
    for line in chosen:
        if line.kind == LineKind.COURSE.value:
            state, _owner = course_state(uow, line.id)
            if state.used > 0:
                raise CourseExhausted(name=line.name, sessions=state.sessions, used=state.used)
    return chosen


def _refund_ids(uow: UnitOfWork, sale_id: uuid.UUID) -> list[uuid.UUID]:
    return list(uow.session.scalars(select(Sale.id).where(Sale.reverses_sale_id == sale_id)))


def _payouts(
    amount: Decimal,
    payouts: Sequence[PaymentInput] | None,
    left: dict[PaymentMethod, Decimal],
) -> dict[PaymentMethod, Decimal]:
    """How the money goes back: checked against what each method brought and still holds."""
    if payouts is None:
        payouts = []
        owed = amount
        for method in PAYBACK_ORDER:
            back = min(owed, left.get(method, Decimal(0)))
            if back > 0:
                payouts.append(PaymentInput(method, back))
                owed -= back
        if owed > 0:
            raise RefundTooLarge(method="", left=str(amount - owed))
    if amount == 0 and not payouts:
        return {}
    by_method = check_payments(amount, payouts)
    for method, back in by_method.items():
        if back > left.get(method, Decimal(0)):
            raise RefundTooLarge(method=method.value, left=str(left.get(method, Decimal(0))))
    return by_method


def _points_to_take_back(
    uow: UnitOfWork, sale: Sale, history: list[uuid.UUID], by_method: dict[PaymentMethod, Decimal]
) -> int:
    """The earned points this refund takes back, never more than the customer will hold."""
    earned = uow.session.scalar(
        select(func.sum(PointsEntry.points)).where(
            PointsEntry.sale_id == sale.id, PointsEntry.reason == "earned"
        )
    )
    if not earned:
        return 0
    not_points = Payment.method != PaymentMethod.POINTS.value
    base = uow.session.scalar(
        select(func.sum(Payment.amount)).where(Payment.sale_id == sale.id, not_points)
    ) or Decimal(0)
    before = -(
        uow.session.scalar(
            select(func.sum(Payment.amount)).where(Payment.sale_id.in_(history[1:]), not_points)
        )
        or Decimal(0)
    )
    now_back = sum((a for m, a in by_method.items() if m is not PaymentMethod.POINTS), Decimal(0))
    share = points_to_reverse(int(earned), base, before + now_back) - points_to_reverse(
        int(earned), base, before
    )
    returned = points_balance(uow, sale.customer_id)
    if PaymentMethod.POINTS in by_method:
        returned += points_for(by_method[PaymentMethod.POINTS])
    return max(0, min(share, returned))


def _reversing_line(refund: Sale, line_no: int, line: SaleLine) -> SaleLine:
    return SaleLine(
        id=new_id(),
        sale_id=refund.id,
        line_no=line_no,
        kind=line.kind,
        service_item_id=line.service_item_id,
        product_id=line.product_id,
        name=line.name,
        quantity=-line.quantity,
        unit_price=line.unit_price,
        discount=-line.discount,
        amount=-line.amount,
        reverses_line_id=line.id,
        sessions=-line.sessions,
        course_line_id=line.course_line_id,
    )
