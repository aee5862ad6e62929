"""Checkout (收银): a sale of service items, courses, course sessions and products, paid by one
or several methods; deposits (定金) and stored-value top-ups (储值充值) as documents of their own.

Everything of one checkout is written in the caller's one transaction, after every check, so a
refused or failed payment leaves nothing behind.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import (
    MONEY_METHODS,
    LineKind,
    PaymentInput,
    PaymentMethod,
    PricedLine,
    SaleKind,
    check_payments,
    points_earned,
    price_line,
)
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import new_id, utc_now
from lorch_desk.models.cashier import Sale, SaleLine
from lorch_desk.models.customer import Customer
from lorch_desk.models.service_items import ServiceItem
from lorch_desk.services import cashier_stock
from lorch_desk.services.access import require
from lorch_desk.services.membership import NO_TIER, CheckoutTerms, checkout_terms
from lorch_desk.services.membership_referrals import reward_referrer
from lorch_desk.services.numbering import next_number
from lorch_desk.services.payments import add_points, add_stored_value, check_balances, post_payments
from lorch_desk.services.sales_lines import LineInput, PendingLine, resolve_lines


@dataclass(frozen=True, slots=True)
class CheckoutInput:
    """A checkout: the customer, what they take, how they pay."""

    customer_id: uuid.UUID
    lines: Sequence[LineInput]
    payments: Sequence[PaymentInput]
    consultant_id: uuid.UUID | None = None
    arrival_id: uuid.UUID | None = None
    # Products are taken from this warehouse's shelves (FEFO); None: not tracked in stock.
    warehouse_id: uuid.UUID | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class SaleResult:
    """What the till shows after a checkout, deposit, top-up or refund."""

    sale_id: uuid.UUID
    number: str
    kind: SaleKind
    total: Decimal
    points_earned: int = 0
    line_ids: tuple[uuid.UUID, ...] = field(default=())


def checkout(uow: UnitOfWork, *, data: CheckoutInput, now: datetime | None = None) -> SaleResult:
    """Sell the lines at the customer's tier discount and record the payments."""
    require(uow.actor, Action.SALE_CHECKOUT)
    now = now or utc_now()
    lock_customer(uow, data.customer_id)
    terms = checkout_terms(uow, customer_id=data.customer_id)
    pending = resolve_lines(uow, data.customer_id, data.lines)
    priced = [price_line(p.quantity, p.unit_price, terms.discount_rate) for p in pending]
    total = sum((line.amount for line in priced), Decimal(0))
    by_method = check_payments(total, data.payments)
    check_balances(uow, data.customer_id, by_method)
    sale = new_sale(
        uow,
        SaleKind.SALE,
        customer_id=data.customer_id,
        now=now,
        terms=terms,
        list_total=sum((line.list_amount for line in priced), Decimal(0)),
        total=total,
        consultant_id=data.consultant_id,
        arrival_id=data.arrival_id,
        notes=data.notes,
    )
    lines = [
        _sale_line(sale, number, line, price)
        for number, (line, price) in enumerate(zip(pending, priced, strict=True), start=1)
    ]
    _link_new_courses(lines, pending)
    uow.session.add_all(lines)
    post_payments(uow, sale, by_method, sign=1, references=_references(data.payments))
    earned = points_earned(by_method, terms.points_per_yuan)
    add_points(uow, sale, earned, "earned")
    # The referrer's reward when this is the referred customer's first purchase (seed 002).
    reward_referrer(uow, sale_id=sale.id, now=now)
    if data.warehouse_id is not None:
        cashier_stock.take_products(uow, data.warehouse_id, lines, now=now)
    uow.session.flush()
    return SaleResult(
        sale.id, sale.number, SaleKind.SALE, total, earned, tuple(line.id for line in lines)
    )


def take_deposit(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    service_item_id: uuid.UUID,
    amount: Decimal,
    payments: Sequence[PaymentInput],
    consultant_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> SaleResult:
    """A deposit (定金) reserving a service item; a later checkout applies it as a payment."""
    require(uow.actor, Action.SALE_CHECKOUT)
    now = now or utc_now()
    lock_customer(uow, customer_id)
    item = uow.session.get(ServiceItem, service_item_id)
    if item is None or item.deleted_at is not None:
        raise ValidationFailed(field="service_item_id", rule="not_found")
    if not isinstance(amount, Decimal) or amount <= 0:
        raise ValidationFailed(field="amount", rule="positive")
    by_method = check_payments(amount, payments)
    if PaymentMethod.DEPOSIT in by_method or PaymentMethod.POINTS in by_method:
        raise ValidationFailed(field="payment_method", rule="choice")
    check_balances(uow, customer_id, by_method)
    sale = new_sale(
        uow,
        SaleKind.DEPOSIT,
        customer_id=customer_id,
        now=now,
        terms=NO_TIER,
        list_total=amount,
        total=amount,
        consultant_id=consultant_id,
    )
    line = SaleLine(
        sale_id=sale.id,
        line_no=1,
        kind=LineKind.DEPOSIT.value,
        service_item_id=item.id,
        name=item.name,
        quantity=Decimal(1),
        unit_price=amount,
        discount=Decimal("0.00"),
        amount=amount,
    )
    uow.session.add(line)
    post_payments(uow, sale, by_method, sign=1, references=_references(payments))
    uow.session.flush()
    return SaleResult(sale.id, sale.number, SaleKind.DEPOSIT, amount, 0, (line.id,))


def top_up(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    amount: Decimal,
    payments: Sequence[PaymentInput],
    now: datetime | None = None,
) -> SaleResult:
    """Money into stored value (储值): a top-up document paid by money; not spend, no points."""
    require(uow.actor, Action.SALE_CHECKOUT)
    now = now or utc_now()
    lock_customer(uow, customer_id)
    if not isinstance(amount, Decimal) or amount <= 0:
        raise ValidationFailed(field="amount", rule="positive")
    by_method = check_payments(amount, payments)
    if any(method not in MONEY_METHODS for method in by_method):
        raise ValidationFailed(field="payment_method", rule="choice")
    sale = new_sale(
        uow,
        SaleKind.TOP_UP,
        customer_id=customer_id,
        now=now,
        terms=NO_TIER,
        list_total=amount,
        total=amount,
    )
    post_payments(uow, sale, by_method, sign=1, references=_references(payments))
    add_stored_value(uow, sale, amount, "top_up")
    uow.session.flush()
    return SaleResult(sale.id, sale.number, SaleKind.TOP_UP, amount)


def lock_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> Customer:
    """The live customer, locked so that two tills cannot spend one balance twice (PostgreSQL)."""
    statement = select(Customer).where(Customer.id == customer_id)
    if uow.dialect == "postgresql":
        statement = statement.with_for_update()
    customer = uow.session.scalars(statement).first()
    if customer is None or customer.deleted_at is not None or customer.merged_into_id:
        raise NotFound(what="customer")
    return customer


def new_sale(
    uow: UnitOfWork,
    kind: SaleKind,
    *,
    customer_id: uuid.UUID,
    now: datetime,
    terms: CheckoutTerms,
    list_total: Decimal,
    total: Decimal,
    consultant_id: uuid.UUID | None = None,
    arrival_id: uuid.UUID | None = None,
    reverses_sale_id: uuid.UUID | None = None,
    notes: str = "",
) -> Sale:
    """A numbered sale document of `kind`, added to the session and flushed."""
    if uow.actor.user_id is None:
        raise PermissionDenied(action=Action.SALE_CHECKOUT.value, role="system")
    sale = Sale(
        id=new_id(),
        number=next_number(uow, kind="sale", when=now),
        kind=kind.value,
        reverses_sale_id=reverses_sale_id,
        customer_id=customer_id,
        arrival_id=arrival_id,
        cashier_id=uow.actor.user_id,
        consultant_id=consultant_id,
        paid_at=now,
        day=clinic_time(now).date(),
        tier_code=terms.tier_code,
        discount_rate=terms.discount_rate,
        list_total=list_total,
        discount_total=list_total - total,
        total=total,
        notes=notes.strip(),
    )
    uow.session.add(sale)
    uow.session.flush()  # the ORM orders no inserts across tables: the sale goes first
    return sale


def _sale_line(sale: Sale, line_no: int, pending: PendingLine, price: PricedLine) -> SaleLine:
    return SaleLine(
        id=new_id(),
        sale_id=sale.id,
        line_no=line_no,
        kind=pending.kind.value,
        service_item_id=pending.service_item_id,
        product_id=pending.product_id,
        name=pending.name[:100],
        quantity=pending.quantity,
        unit_price=pending.unit_price,
        discount=price.discount,
        amount=price.amount,
        sessions=pending.sessions,
        course_line_id=pending.course_line_id,
    )


def _link_new_courses(lines: list[SaleLine], pending: list[PendingLine]) -> None:
    """A session taken of a course sold in this same checkout names that course's new line."""
    for line, wanted in zip(lines, pending, strict=True):
        if wanted.course_line_no is not None:
            line.course_line_id = lines[wanted.course_line_no - 1].id


def _references(payments: Sequence[PaymentInput]) -> dict[PaymentMethod, str]:
    return {PaymentMethod(p.method): p.reference for p in payments if p.reference}
