"""What the cashier rings up, checked and priced from the catalogues: services, courses, sessions
of a course (疗程内分次), products."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import LineKind, session_price
from lorch_desk.domain.errors import AlreadyRefunded, CourseExhausted, ValidationFailed
from lorch_desk.models.cashier import Sale, SaleLine
from lorch_desk.models.catalogue import Product
from lorch_desk.models.service_items import ServiceItem


@dataclass(frozen=True, slots=True)
class LineInput:
    """One line to ring up. A course session names the course line it is taken of, or, for a
    course sold in the same checkout, only the course's service item."""

    kind: LineKind
    service_item_id: uuid.UUID | None = None
    product_id: uuid.UUID | None = None
    course_line_id: uuid.UUID | None = None
    quantity: Decimal = Decimal(1)
    unit_price: Decimal | None = None  # None: the catalogue's price
    pay_per_session: bool = False  # a course paid session by session instead of ahead


@dataclass(frozen=True, slots=True)
class PendingLine:
    kind: LineKind
    name: str
    quantity: Decimal
    unit_price: Decimal
    service_item_id: uuid.UUID | None = None
    product_id: uuid.UUID | None = None
    sessions: int = 0
    course_line_id: uuid.UUID | None = None
    course_line_no: int | None = None  # a course sold in this checkout (1-based line number)


@dataclass(frozen=True, slots=True)
class CourseState:
    """A course the customer bought: how many sessions it gives and how many are taken."""

    line_id: uuid.UUID
    service_item_id: uuid.UUID
    name: str
    sessions: int
    used: int
    paid_ahead: bool
    refunded: bool

    @property
    def remaining(self) -> int:
        return 0 if self.refunded else self.sessions - self.used


def resolve_lines(
    uow: UnitOfWork, customer_id: uuid.UUID, lines: Sequence[LineInput]
) -> list[PendingLine]:
    """The lines checked against the catalogues and the customer's courses, with their prices."""
    if not lines:
        raise ValidationFailed(field="lines", rule="required")
    items = _by_id(uow, ServiceItem, {line.service_item_id for line in lines})
    products = _by_id(uow, Product, {line.product_id for line in lines})
    pending: list[PendingLine] = []
    for line in lines:
        kind = LineKind(line.kind)
        if kind is LineKind.PRODUCT:
            pending.append(_product_line(line, products.get(line.product_id)))
        elif kind is LineKind.COURSE_SESSION:
            pending.append(_session_line(uow, customer_id, line, items, pending))
        elif kind in (LineKind.SERVICE, LineKind.COURSE):
            pending.append(_service_line(kind, line, items.get(line.service_item_id)))
        else:
            raise ValidationFailed(field="kind", rule="choice")
    return pending


def course_state(uow: UnitOfWork, course_line_id: uuid.UUID) -> tuple[CourseState, uuid.UUID]:
    """A course line's sessions, how many are taken, and the customer who bought it."""
    row = uow.session.execute(
        select(SaleLine, Sale.customer_id)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(SaleLine.id == course_line_id, SaleLine.kind == LineKind.COURSE.value)
        .where(SaleLine.quantity > 0)  # a course bought, not the line of its refund
    ).first()
    if row is None:
        raise ValidationFailed(field="course_line_id", rule="not_found")
    line, customer_id = row
    return _state(uow, line), customer_id


def open_courses(uow: UnitOfWork, customer_id: uuid.UUID) -> list[CourseState]:
    """The customer's courses with sessions left, oldest first."""
    lines = uow.session.scalars(
        select(SaleLine)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(Sale.customer_id == customer_id, SaleLine.kind == LineKind.COURSE.value)
        .where(SaleLine.quantity > 0)
        .order_by(Sale.paid_at, SaleLine.line_no)
    )
    states = [_state(uow, line) for line in lines]
    return [state for state in states if state.remaining > 0]


def _state(uow: UnitOfWork, line: SaleLine) -> CourseState:
    used = uow.session.scalar(
        select(func.sum(SaleLine.quantity)).where(
            SaleLine.course_line_id == line.id, SaleLine.kind == LineKind.COURSE_SESSION.value
        )
    )
    refunded = uow.session.scalar(
        select(SaleLine.id).where(SaleLine.reverses_line_id == line.id).limit(1)
    )
    return CourseState(
        line.id,
        line.service_item_id,  # type: ignore[arg-type]
        line.name,
        line.sessions,
        int(used or 0),
        paid_ahead=line.unit_price > 0,
        refunded=refunded is not None,
    )


def _by_id(uow: UnitOfWork, model: type, ids: set[uuid.UUID | None]) -> dict:  # type: ignore[type-arg]
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = uow.session.scalars(select(model).where(model.id.in_(wanted)))  # type: ignore[attr-defined]
    return {row.id: row for row in rows if row.deleted_at is None}


def _price(line: LineInput, catalogue_price: Decimal) -> Decimal:
    price = catalogue_price if line.unit_price is None else line.unit_price
    if not isinstance(price, Decimal) or price < 0:
        raise ValidationFailed(field="unit_price", rule="not_negative")
    return price


def _whole(quantity: Decimal) -> int:
    if quantity <= 0 or quantity != quantity.to_integral_value():
        raise ValidationFailed(field="quantity", rule="integer")
    return int(quantity)


def _product_line(line: LineInput, product: Product | None) -> PendingLine:
    if product is None or not product.active:
        raise ValidationFailed(field="product_id", rule="not_found")
    return PendingLine(
        LineKind.PRODUCT,
        product.name,
        line.quantity,
        _price(line, product.sale_price),
        product_id=product.id,
    )


def _service_line(kind: LineKind, line: LineInput, item: ServiceItem | None) -> PendingLine:
    if item is None or not item.is_active:
        raise ValidationFailed(field="service_item_id", rule="not_found")
    if kind is LineKind.SERVICE:
        return PendingLine(kind, item.name, line.quantity, _price(line, item.unit_price), item.id)
    if not item.sessions_per_course:
        raise ValidationFailed(field="kind", rule="choice")
    count = _whole(line.quantity)
    price = Decimal("0.00") if line.pay_per_session else _price(line, item.unit_price)
    return PendingLine(
        kind, item.name, line.quantity, price, item.id, sessions=item.sessions_per_course * count
    )


def _session_line(
    uow: UnitOfWork,
    customer_id: uuid.UUID,
    line: LineInput,
    items: dict[uuid.UUID, ServiceItem],
    pending: list[PendingLine],
) -> PendingLine:
    count = _whole(line.quantity)
    if line.course_line_id is None:
        return _session_of_new_course(line, count, items, pending)
    state, owner = course_state(uow, line.course_line_id)
    if owner != customer_id:
        raise ValidationFailed(field="course_line_id", rule="not_found")
    if state.refunded:
        raise AlreadyRefunded(name=state.name)
    taken_now = sum(int(p.quantity) for p in pending if p.course_line_id == line.course_line_id)
    if state.remaining - taken_now < count:
        raise CourseExhausted(name=state.name, sessions=state.sessions, used=state.used)
    item = uow.session.get(ServiceItem, state.service_item_id)
    price = Decimal("0.00")
    if not state.paid_ahead and item is not None:
        price = _price(line, session_price(item.unit_price, item.sessions_per_course or 1))
    return PendingLine(
        LineKind.COURSE_SESSION,
        state.name,
        line.quantity,
        price,
        state.service_item_id,
        course_line_id=state.line_id,
    )


def _session_of_new_course(
    line: LineInput, count: int, items: dict[uuid.UUID, ServiceItem], pending: list[PendingLine]
) -> PendingLine:
    """A session taken of a course rung up earlier in this same checkout."""
    number = next(
        (
            index
            for index, p in enumerate(pending, start=1)
            if p.kind is LineKind.COURSE and p.service_item_id == line.service_item_id
        ),
        None,
    )
    if number is None:
        raise ValidationFailed(field="course_line_id", rule="required")
    course = pending[number - 1]
    taken = sum(int(p.quantity) for p in pending if p.course_line_no == number)
    if course.sessions - taken < count:
        raise CourseExhausted(name=course.name, sessions=course.sessions, used=taken)
    item = items[course.service_item_id]  # type: ignore[index]
    price = Decimal("0.00")
    if course.unit_price == 0:
        price = _price(line, session_price(item.unit_price, item.sessions_per_course or 1))
    return PendingLine(
        LineKind.COURSE_SESSION,
        course.name,
        line.quantity,
        price,
        course.service_item_id,
        course_line_no=number,
    )
