"""What the till shows and prints: a sale with its lines and payments, the day's sales, and a
customer's standing at the till (tier, balances, open courses)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import LineKind, PaymentMethod, SaleKind
from lorch_desk.domain.errors import NotFound
from lorch_desk.domain.permissions import Action
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, SaleLine
from lorch_desk.models.catalogue import Product, Warehouse
from lorch_desk.models.customer import Customer
from lorch_desk.models.membership import MemberTier
from lorch_desk.models.organisation import Site
from lorch_desk.models.service_items import ServiceItem
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.membership import checkout_terms
from lorch_desk.services.payments import Balances, balances
from lorch_desk.services.sales_lines import CourseState, open_courses


@dataclass(frozen=True, slots=True)
class SaleLineRow:
    line_id: uuid.UUID
    line_no: int
    kind: LineKind
    name: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal
    amount: Decimal
    refunded: bool


@dataclass(frozen=True, slots=True)
class PaymentRow:
    method: PaymentMethod
    amount: Decimal
    reference: str


@dataclass(frozen=True, slots=True)
class SaleDetail:
    """A sale as its receipt prints it."""

    sale_id: uuid.UUID
    number: str
    kind: SaleKind
    site_name: str
    paid_at: datetime
    customer_name: str
    file_number: str
    cashier_name: str
    consultant_name: str
    tier_name: str
    discount_rate: Decimal
    list_total: Decimal
    discount_total: Decimal
    total: Decimal
    lines: tuple[SaleLineRow, ...]
    payments: tuple[PaymentRow, ...]
    points_change: int  # earned, redeemed and reversed by this document
    reverses_number: str
    notes: str
    balances: Balances  # the customer's balances now


@dataclass(frozen=True, slots=True)
class SaleRow:
    """A line of the day's sales list."""

    sale_id: uuid.UUID
    number: str
    kind: SaleKind
    paid_at: datetime
    customer_name: str
    cashier_name: str
    total: Decimal
    methods: str  # "cash, wechat"
    refunded: bool


@dataclass(frozen=True, slots=True)
class TillCustomer:
    """A customer as the till needs them: tier terms, balances, courses with sessions left."""

    customer_id: uuid.UUID
    name: str
    file_number: str
    tier_name: str
    discount_rate: Decimal
    points_per_yuan: Decimal
    balances: Balances
    courses: tuple[CourseState, ...]


def sale_detail(uow: UnitOfWork, *, sale_id: uuid.UUID) -> SaleDetail:
    """One sale (or refund, deposit, top-up) with its lines and payments."""
    require(uow.actor, Action.SALE_VIEW)
    sale = uow.session.get(Sale, sale_id)
    if sale is None:
        raise NotFound(what="sale")
    customer = uow.session.get(Customer, sale.customer_id)
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
    payments = uow.session.scalars(
        select(Payment).where(Payment.sale_id == sale.id).order_by(Payment.created_at)
    ).all()
    points = uow.session.scalar(
        select(func.sum(PointsEntry.points)).where(PointsEntry.sale_id == sale.id)
    )
    site = uow.session.get(Site, sale.site_id)
    reversed_sale = uow.session.get(Sale, sale.reverses_sale_id) if sale.reverses_sale_id else None
    return SaleDetail(
        sale.id,
        sale.number,
        SaleKind(sale.kind),
        site.name if site else "",
        sale.paid_at,
        customer.name if customer else "",
        customer.file_number if customer else "",
        _staff_name(uow, sale.cashier_id),
        _staff_name(uow, sale.consultant_id),
        _tier_name(uow, sale.tier_code),
        sale.discount_rate,
        sale.list_total,
        sale.discount_total,
        sale.total,
        tuple(
            SaleLineRow(
                line.id,
                line.line_no,
                LineKind(line.kind),
                line.name,
                line.quantity,
                line.unit_price,
                line.discount,
                line.amount,
                line.id in refunded,
            )
            for line in lines
        ),
        tuple(PaymentRow(PaymentMethod(p.method), p.amount, p.reference) for p in payments),
        int(points or 0),
        reversed_sale.number if reversed_sale else "",
        sale.notes,
        balances(uow, sale.customer_id),
    )


def day_sales(uow: UnitOfWork, *, day: date) -> list[SaleRow]:
    """This site's sales, refunds, deposits and top-ups of one clinic day, newest first."""
    require(uow.actor, Action.SALE_VIEW)
    cashier = aliased(UserAccount)
    refund = aliased(Sale)
    refunded = select(refund.id).where(refund.reverses_sale_id == Sale.id).exists()
    rows = uow.session.execute(
        select(Sale, Customer.name, cashier.display_name, refunded)
        .join(Customer, Customer.id == Sale.customer_id)
        .join(cashier, cashier.id == Sale.cashier_id)
        .where(Sale.site_id == uow.actor.site_id, Sale.day == day)
        .order_by(Sale.paid_at.desc(), Sale.number.desc())
    ).all()
    methods = _methods_of(uow, [sale.id for sale, *_rest in rows])
    return [
        SaleRow(
            sale.id,
            sale.number,
            SaleKind(sale.kind),
            sale.paid_at,
            customer_name,
            cashier_name,
            sale.total,
            ", ".join(methods.get(sale.id, [])),
            bool(was_refunded),
        )
        for sale, customer_name, cashier_name, was_refunded in rows
    ]


def till_customer(uow: UnitOfWork, *, customer_id: uuid.UUID) -> TillCustomer:
    """The customer's tier terms, balances and open courses, for the till's header."""
    require(uow.actor, Action.SALE_VIEW)
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer")
    terms = checkout_terms(uow, customer_id=customer_id)
    return TillCustomer(
        customer.id,
        customer.name,
        customer.file_number,
        terms.tier_name,
        terms.discount_rate,
        terms.points_per_yuan,
        balances(uow, customer_id),
        tuple(open_courses(uow, customer_id)),
    )


def _methods_of(uow: UnitOfWork, sale_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = {}
    if not sale_ids:
        return found
    rows = uow.session.execute(
        select(Payment.sale_id, Payment.method)
        .where(Payment.sale_id.in_(sale_ids))
        .order_by(Payment.created_at)
    )
    for sale_id, method in rows:
        found.setdefault(sale_id, []).append(method)
    return found


def _staff_name(uow: UnitOfWork, user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return ""
    user = uow.session.get(UserAccount, user_id)
    return user.display_name if user else ""


def _tier_name(uow: UnitOfWork, code: str) -> str:
    if not code:
        return ""
    return uow.session.scalar(select(MemberTier.name).where(MemberTier.code == code)) or code


@dataclass(frozen=True, slots=True)
class SellableItem:
    """A service item or product the till can ring up, with its catalogue price."""

    kind: LineKind  # service, course or product
    item_id: uuid.UUID
    code: str
    name: str
    unit_price: Decimal
    sessions: int | None = None


def sellable_items(uow: UnitOfWork) -> list[SellableItem]:
    """Active service items (courses among them) and products, by code."""
    require(uow.actor, Action.SALE_CHECKOUT)
    items = uow.session.scalars(
        select(ServiceItem)
        .where(ServiceItem.is_active.is_(True), ServiceItem.deleted_at.is_(None))
        .order_by(ServiceItem.code)
    )
    products = uow.session.scalars(
        select(Product)
        .where(Product.active.is_(True), Product.deleted_at.is_(None))
        .order_by(Product.code)
    )
    return [
        SellableItem(
            LineKind.COURSE if item.sessions_per_course else LineKind.SERVICE,
            item.id,
            item.code,
            item.name,
            item.unit_price,
            item.sessions_per_course,
        )
        for item in items
    ] + [SellableItem(LineKind.PRODUCT, p.id, p.code, p.name, p.sale_price) for p in products]


def till_warehouse(uow: UnitOfWork) -> uuid.UUID | None:
    """The warehouse whose shelves this site's till sells products from (its own, else none)."""
    return uow.session.scalar(
        select(Warehouse.id)
        .where(Warehouse.branch_site_id == uow.actor.site_id, Warehouse.active.is_(True))
        .order_by(Warehouse.is_central, Warehouse.code)
        .limit(1)
    )


def day_takings(uow: UnitOfWork, *, day: date) -> dict[PaymentMethod, Decimal]:
    """Net money per payment method over this site's documents of one clinic day."""
    require(uow.actor, Action.SALE_VIEW)
    rows = uow.session.execute(
        select(Payment.method, func.sum(Payment.amount))
        .join(Sale, Sale.id == Payment.sale_id)
        .where(Sale.site_id == uow.actor.site_id, Sale.day == day)
        .group_by(Payment.method)
    )
    return {PaymentMethod(method): Decimal(total or 0) for method, total in rows}
