"""Purchase orders and purchase receipts (采购入库): goods in, from an order or direct."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, MoveDocument, ProductCategory
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, StockDocumentState, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Location, Product, Supplier, Warehouse
from lorch_desk.models.purchasing import (
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseReceipt,
    PurchaseReceiptLine,
)
from lorch_desk.services.access import require
from lorch_desk.services.catalogue import get_warehouse, parse_decimal, virtual_location
from lorch_desk.services.numbering import next_number
from lorch_desk.services.stock_ledger import MoveSpec, post_moves
from lorch_desk.services.stock_names import user_name

ORDER_OPEN = "open"
ORDER_PARTIAL = "partially_received"
ORDER_RECEIVED = "received"
# Goods kept by expiry date: a receipt line of these must say when the batch expires.
_EXPIRING = frozenset({ProductCategory.NUTRIENT, ProductCategory.DRUG, ProductCategory.HERB})


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderLineInput:
    product_id: uuid.UUID
    quantity: Decimal | str
    unit_cost: Decimal | str


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptLineInput:
    product_id: uuid.UUID
    batch: str
    expiry: date | None
    quantity: Decimal | str
    unit_cost: Decimal | str
    order_line_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptInput:
    supplier_id: uuid.UUID
    warehouse_id: uuid.UUID
    location_id: uuid.UUID
    lines: tuple[ReceiptLineInput, ...]
    purchase_order_id: uuid.UUID | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class OrderLineState:
    """One order line: how much was ordered, received so far, and is still outstanding."""

    order_line_id: uuid.UUID
    product_id: uuid.UUID
    product_code: str
    product_name: str
    unit: str
    ordered: Decimal
    received: Decimal
    unit_cost: Decimal

    @property
    def outstanding(self) -> Decimal:
        return max(self.ordered - self.received, Decimal(0))


@dataclass(frozen=True, slots=True)
class OrderSummary:
    order_id: uuid.UUID
    number: str
    supplier_name: str
    status: str
    ordered_on: date


@dataclass(frozen=True, slots=True)
class ReceiptLineRow:
    product_code: str
    product_name: str
    specification: str
    unit: str
    batch: str
    expiry: date | None
    quantity: Decimal
    unit_cost: Decimal

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_cost).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class ReceiptDetail:
    receipt_id: uuid.UUID
    number: str
    supplier_name: str
    warehouse_name: str
    location_name: str
    order_number: str | None
    received_at: datetime
    received_by: str
    notes: str
    lines: tuple[ReceiptLineRow, ...] = field(default=())

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))


def create_purchase_order(
    uow: UnitOfWork,
    *,
    supplier_id: uuid.UUID,
    warehouse_id: uuid.UUID,
    lines: tuple[OrderLineInput, ...],
    ordered_on: date | None = None,
    notes: str = "",
) -> OrderSummary:
    """An order to a supplier; goods arrive later in one or more receipts."""
    require(uow.actor, Action.STOCK_RECEIVE)
    supplier = _supplier(uow, supplier_id)
    get_warehouse(uow, warehouse_id)
    if not lines:
        raise ValidationFailed(field="lines", rule="required")
    order = PurchaseOrder(
        number=next_number(uow, kind="purchase_order"),
        supplier_id=supplier.id,
        warehouse_id=warehouse_id,
        ordered_on=ordered_on or clinic_time(utc_now()).date(),
        status=ORDER_OPEN,
        notes=notes,
    )
    uow.session.add(order)
    uow.session.flush()
    for line in lines:
        _product(uow, line.product_id)
        uow.session.add(
            PurchaseOrderLine(
                order_id=order.id,
                product_id=line.product_id,
                quantity=_positive(line.quantity),
                unit_cost=parse_decimal(line.unit_cost, field="unit_cost"),
            )
        )
    uow.session.flush()
    return OrderSummary(order.id, order.number, supplier.name, order.status, order.ordered_on)


def list_open_orders(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[OrderSummary]:
    """Orders of a warehouse still waiting for goods."""
    require(uow.actor, Action.STOCK_VIEW)
    rows = uow.session.execute(
        select(PurchaseOrder, Supplier.name)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .where(
            PurchaseOrder.warehouse_id == warehouse_id,
            PurchaseOrder.status.in_([ORDER_OPEN, ORDER_PARTIAL]),
        )
        .order_by(PurchaseOrder.number)
    ).all()
    return [OrderSummary(o.id, o.number, name, o.status, o.ordered_on) for o, name in rows]


def order_lines(uow: UnitOfWork, order_id: uuid.UUID) -> list[OrderLineState]:
    """Each line of an order with what has been received against it."""
    require(uow.actor, Action.STOCK_VIEW)
    received = (
        select(
            PurchaseReceiptLine.order_line_id,
            func.sum(PurchaseReceiptLine.quantity).label("received"),
        )
        .where(PurchaseReceiptLine.order_line_id.is_not(None))
        .group_by(PurchaseReceiptLine.order_line_id)
        .subquery()
    )
    rows = uow.session.execute(
        select(PurchaseOrderLine, Product, received.c.received)
        .join(Product, Product.id == PurchaseOrderLine.product_id)
        .outerjoin(received, received.c.order_line_id == PurchaseOrderLine.id)
        .where(PurchaseOrderLine.order_id == order_id)
        .order_by(Product.code)
    ).all()
    return [
        OrderLineState(
            line.id,
            product.id,
            product.code,
            product.name,
            product.unit,
            line.quantity,
            Decimal(got or 0),
            line.unit_cost,
        )
        for line, product, got in rows
    ]


def receive(uow: UnitOfWork, data: ReceiptInput, *, now: datetime | None = None) -> ReceiptDetail:
    """Record goods received: the receipt, its lines and the moves supplier -> location."""
    require(uow.actor, Action.STOCK_RECEIVE)
    now = now or utc_now()
    supplier = _supplier(uow, data.supplier_id)
    warehouse = get_warehouse(uow, data.warehouse_id)
    location = uow.session.get(Location, data.location_id)
    if (
        location is None
        or location.warehouse_id != warehouse.id
        or location.kind != LocationKind.STORAGE
    ):
        raise ValidationFailed(field="location", rule="choice")
    if not data.lines:
        raise ValidationFailed(field="lines", rule="required")
    outstanding = _outstanding(uow, data)
    today = clinic_time(now).date()
    receipt = PurchaseReceipt(
        number=next_number(uow, kind="stock_receipt", when=now),
        supplier_id=supplier.id,
        warehouse_id=warehouse.id,
        location_id=location.id,
        purchase_order_id=data.purchase_order_id,
        received_at=now,
        notes=data.notes.strip(),
    )
    uow.session.add(receipt)
    uow.session.flush()
    specs: list[MoveSpec] = []
    source = virtual_location(uow, warehouse.id, LocationKind.SUPPLIER)
    for line in data.lines:
        product = _product(uow, line.product_id)
        quantity = _positive(line.quantity)
        cost = parse_decimal(line.unit_cost, field="unit_cost")
        batch = line.batch.strip()
        if not batch:
            raise ValidationFailed(field="batch", rule="required")
        if line.expiry is None and product.category in _EXPIRING:
            raise ValidationFailed(field="expiry", rule="required")
        if line.expiry is not None and line.expiry < today:
            raise ValidationFailed(field="expiry", rule="expired")
        if line.order_line_id is not None:
            if line.order_line_id not in outstanding:
                raise ValidationFailed(field="order_line", rule="choice")
            outstanding[line.order_line_id] -= quantity
            if outstanding[line.order_line_id] < 0:
                raise ValidationFailed(field="quantity", rule="over_receipt", product=product.name)
        uow.session.add(
            PurchaseReceiptLine(
                receipt_id=receipt.id,
                order_line_id=line.order_line_id,
                product_id=product.id,
                batch=batch,
                expiry=line.expiry,
                quantity=quantity,
                unit_cost=cost,
            )
        )
        specs.append(
            MoveSpec(
                product_id=product.id,
                from_location_id=source,
                to_location_id=location.id,
                quantity=quantity,
                batch=batch,
                expiry=line.expiry,
                unit_cost=cost,
            )
        )
    post_moves(uow, specs, document_type=MoveDocument.RECEIPT, document_id=receipt.id, moved_at=now)
    if data.purchase_order_id is not None:
        order = uow.session.get(PurchaseOrder, data.purchase_order_id)
        assert order is not None
        order.status = (
            ORDER_RECEIVED if all(v <= 0 for v in outstanding.values()) else ORDER_PARTIAL
        )
    uow.session.flush()
    return receipt_detail(uow, receipt.id)


def _outstanding(uow: UnitOfWork, data: ReceiptInput) -> dict[uuid.UUID, Decimal]:
    if data.purchase_order_id is None:
        if any(line.order_line_id for line in data.lines):
            raise ValidationFailed(field="order_line", rule="choice")
        return {}
    order = uow.session.get(PurchaseOrder, data.purchase_order_id)
    if order is None:
        raise NotFound(table="purchase_order", id=str(data.purchase_order_id))
    if order.status not in (ORDER_OPEN, ORDER_PARTIAL):
        raise StockDocumentState(number=order.number, state=order.status)
    if order.supplier_id != data.supplier_id or order.warehouse_id != data.warehouse_id:
        raise ValidationFailed(field="supplier", rule="order_mismatch")
    return {line.order_line_id: line.outstanding for line in order_lines(uow, order.id)}


def receipt_detail(uow: UnitOfWork, receipt_id: uuid.UUID) -> ReceiptDetail:
    """A receipt with its lines, as the receipt note prints it."""
    require(uow.actor, Action.STOCK_VIEW)
    receipt = uow.session.get(PurchaseReceipt, receipt_id)
    if receipt is None:
        raise NotFound(table="purchase_receipt", id=str(receipt_id))
    supplier = uow.session.get(Supplier, receipt.supplier_id)
    warehouse = uow.session.get(Warehouse, receipt.warehouse_id)
    location = uow.session.get(Location, receipt.location_id)
    order = (
        uow.session.get(PurchaseOrder, receipt.purchase_order_id)
        if receipt.purchase_order_id
        else None
    )
    rows = uow.session.execute(
        select(PurchaseReceiptLine, Product)
        .join(Product, Product.id == PurchaseReceiptLine.product_id)
        .where(PurchaseReceiptLine.receipt_id == receipt.id)
        .order_by(Product.code, PurchaseReceiptLine.batch)
    ).all()
    lines = tuple(
        ReceiptLineRow(
            p.code, p.name, p.specification, p.unit, ln.batch, ln.expiry, ln.quantity, ln.unit_cost
        )
        for ln, p in rows
    )
    return ReceiptDetail(
        receipt.id,
        receipt.number,
        supplier.name if supplier else "",
        warehouse.name if warehouse else "",
        location.name if location else "",
        order.number if order else None,
        receipt.received_at,
        user_name(uow, receipt.created_by),
        receipt.notes,
        lines,
    )


def list_receipts(
    uow: UnitOfWork, warehouse_id: uuid.UUID, *, limit: int = 200
) -> list[ReceiptDetail]:
    """The newest receipts of a warehouse with their lines."""
    require(uow.actor, Action.STOCK_VIEW)
    ids = uow.session.scalars(
        select(PurchaseReceipt.id)
        .where(PurchaseReceipt.warehouse_id == warehouse_id)
        .order_by(PurchaseReceipt.received_at.desc())
        .limit(limit)
    )
    return [receipt_detail(uow, receipt_id) for receipt_id in list(ids)]


def _supplier(uow: UnitOfWork, supplier_id: uuid.UUID) -> Supplier:
    supplier = uow.session.get(Supplier, supplier_id)
    if supplier is None:
        raise ValidationFailed(field="supplier", rule="required")
    return supplier


def _product(uow: UnitOfWork, product_id: uuid.UUID) -> Product:
    product = uow.session.get(Product, product_id)
    if product is None:
        raise ValidationFailed(field="product", rule="required")
    return product


def _positive(value: Decimal | str) -> Decimal:
    quantity = parse_decimal(value, field="quantity")
    if quantity <= 0:
        raise ValidationFailed(field="quantity", rule="positive")
    return quantity


def list_suppliers(uow: UnitOfWork) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the active suppliers, by name."""
    rows = uow.session.execute(
        select(Supplier.id, Supplier.name).where(Supplier.active.is_(True)).order_by(Supplier.code)
    ).all()
    return list(rows)
