"""Shipments (发货): goods out to a customer (with address) or to a branch (goods in transit).

To a customer the goods move store -> the warehouse's customer location (the customer's
consumption); to a branch they move store -> the branch's transit location, and the branch
moves them on into its store when it receives them (services/shipment_receipts.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import or_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, MoveDocument
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Location, Product, Warehouse
from lorch_desk.models.customer import Customer
from lorch_desk.models.shipments import Requisition, Shipment, ShipmentLine, ShipmentReceipt
from lorch_desk.services.access import require
from lorch_desk.services.catalogue import get_warehouse, virtual_location
from lorch_desk.services.numbering import next_number
from lorch_desk.services.shipment_picking import ShipLineInput, pick_lines
from lorch_desk.services.stock_ledger import MoveSpec, post_moves
from lorch_desk.services.stock_names import user_name


class ShipmentKind(StrEnum):
    CUSTOMER = "customer"
    BRANCH = "branch"


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerShipmentInput:
    warehouse_id: uuid.UUID
    customer_id: uuid.UUID
    lines: tuple[ShipLineInput, ...]
    address: str = ""
    recipient: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ShipmentLineRow:
    line_id: uuid.UUID
    product_id: uuid.UUID
    product_code: str
    product_name: str
    specification: str
    unit: str
    location_name: str
    batch: str
    expiry: date | None
    quantity: Decimal
    unit_cost: Decimal

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_cost).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class ShipmentDetail:
    shipment_id: uuid.UUID
    number: str
    kind: ShipmentKind
    from_warehouse_id: uuid.UUID
    to_warehouse_id: uuid.UUID | None
    from_warehouse_name: str
    destination: str  # the customer's or the branch warehouse's name
    recipient: str
    phone: str
    address: str
    shipped_at: datetime
    shipped_by: str
    notes: str
    requisition_number: str | None
    received: bool
    lines: tuple[ShipmentLineRow, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))


def ship_to_customer(
    uow: UnitOfWork, data: CustomerShipmentInput, *, now: datetime | None = None
) -> ShipmentDetail:
    """Ship goods to a customer's address; the lines are picked FEFO unless a batch is named."""
    require(uow.actor, Action.STOCK_SHIP)
    customer = uow.session.get(Customer, data.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationFailed(field="customer", rule="required")
    address = data.address.strip() or customer.address.strip()
    if not address:
        raise ValidationFailed(field="address", rule="required")
    warehouse = get_warehouse(uow, data.warehouse_id)
    return _ship(
        uow,
        kind=ShipmentKind.CUSTOMER,
        warehouse=warehouse,
        to_location_id=virtual_location(uow, warehouse.id, LocationKind.CUSTOMER),
        lines=data.lines,
        now=now or utc_now(),
        customer_id=customer.id,
        recipient=data.recipient.strip() or customer.name,
        phone=data.phone.strip(),
        address=address,
        notes=data.notes.strip(),
    )


def ship_to_branch(
    uow: UnitOfWork,
    *,
    warehouse_id: uuid.UUID,
    to_warehouse_id: uuid.UUID,
    lines: Sequence[ShipLineInput],
    requisition_id: uuid.UUID | None = None,
    notes: str = "",
    now: datetime | None = None,
) -> ShipmentDetail:
    """Ship goods to another warehouse: store -> the receiving warehouse's transit location."""
    require(uow.actor, Action.STOCK_SHIP)
    warehouse = get_warehouse(uow, warehouse_id)
    branch = get_warehouse(uow, to_warehouse_id)
    if branch.id == warehouse.id or not branch.active:
        raise ValidationFailed(field="warehouse", rule="choice")
    return _ship(
        uow,
        kind=ShipmentKind.BRANCH,
        warehouse=warehouse,
        to_location_id=virtual_location(uow, branch.id, LocationKind.TRANSIT),
        lines=tuple(lines),
        now=now or utc_now(),
        to_warehouse_id=branch.id,
        requisition_id=requisition_id,
        recipient=branch.name,
        notes=notes.strip(),
    )


def _ship(
    uow: UnitOfWork,
    *,
    kind: ShipmentKind,
    warehouse: Warehouse,
    to_location_id: uuid.UUID,
    lines: tuple[ShipLineInput, ...],
    now: datetime,
    **header: object,
) -> ShipmentDetail:
    picked = pick_lines(uow, warehouse.id, lines, today=clinic_time(now).date())
    shipment = Shipment(
        number=next_number(uow, kind="shipment", when=now),
        kind=kind.value,
        from_warehouse_id=warehouse.id,
        to_location_id=to_location_id,
        shipped_at=now,
        **header,
    )
    uow.session.add(shipment)
    uow.session.flush()
    specs = []
    for pick in picked:
        uow.session.add(
            ShipmentLine(
                shipment_id=shipment.id,
                product_id=pick.product.id,
                from_location_id=pick.location_id,
                batch=pick.batch,
                expiry=pick.expiry,
                quantity=pick.quantity,
                unit_cost=pick.product.cost,
            )
        )
        specs.append(
            MoveSpec(
                product_id=pick.product.id,
                from_location_id=pick.location_id,
                to_location_id=to_location_id,
                quantity=pick.quantity,
                batch=pick.batch,
                expiry=pick.expiry,
                unit_cost=pick.product.cost,
            )
        )
    post_moves(
        uow, specs, document_type=MoveDocument.SHIPMENT, document_id=shipment.id, moved_at=now
    )
    return shipment_detail(uow, shipment.id)


def shipment_detail(uow: UnitOfWork, shipment_id: uuid.UUID) -> ShipmentDetail:
    """A shipment with its lines, as the delivery note prints it."""
    require(uow.actor, Action.STOCK_VIEW)
    shipment = uow.session.get(Shipment, shipment_id)
    if shipment is None:
        raise NotFound(table="shipment", id=str(shipment_id))
    source = uow.session.get(Warehouse, shipment.from_warehouse_id)
    if shipment.customer_id is not None:
        customer = uow.session.get(Customer, shipment.customer_id)
        destination = customer.name if customer else ""
    else:
        branch = uow.session.get(Warehouse, shipment.to_warehouse_id)
        destination = branch.name if branch else ""
    requisition = (
        uow.session.get(Requisition, shipment.requisition_id) if shipment.requisition_id else None
    )
    received = uow.session.scalar(
        select(ShipmentReceipt.id).where(ShipmentReceipt.shipment_id == shipment.id)
    )
    rows = uow.session.execute(
        select(ShipmentLine, Product, Location.name)
        .join(Product, Product.id == ShipmentLine.product_id)
        .join(Location, Location.id == ShipmentLine.from_location_id)
        .where(ShipmentLine.shipment_id == shipment.id)
        .order_by(Product.code, ShipmentLine.expiry, ShipmentLine.batch)
    ).all()
    lines = tuple(
        ShipmentLineRow(
            ln.id,
            p.id,
            p.code,
            p.name,
            p.specification,
            p.unit,
            shelf,
            ln.batch,
            ln.expiry,
            ln.quantity,
            ln.unit_cost,
        )
        for ln, p, shelf in rows
    )
    return ShipmentDetail(
        shipment.id,
        shipment.number,
        ShipmentKind(shipment.kind),
        shipment.from_warehouse_id,
        shipment.to_warehouse_id,
        source.name if source else "",
        destination,
        shipment.recipient,
        shipment.phone,
        shipment.address,
        shipment.shipped_at,
        user_name(uow, shipment.created_by),
        shipment.notes,
        requisition.number if requisition else None,
        received is not None,
        lines,
    )


def list_shipments(
    uow: UnitOfWork, warehouse_id: uuid.UUID, *, limit: int = 200
) -> list[ShipmentDetail]:
    """The newest shipments out of or into a warehouse."""
    require(uow.actor, Action.STOCK_VIEW)
    ids = uow.session.scalars(
        select(Shipment.id)
        .where(
            or_(
                Shipment.from_warehouse_id == warehouse_id, Shipment.to_warehouse_id == warehouse_id
            )
        )
        .order_by(Shipment.shipped_at.desc(), Shipment.number.desc())
        .limit(limit)
    )
    return [shipment_detail(uow, shipment_id) for shipment_id in list(ids)]


def other_warehouses(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the warehouses a warehouse may ship to."""
    require(uow.actor, Action.STOCK_VIEW)
    rows = uow.session.execute(
        select(Warehouse.id, Warehouse.name)
        .where(Warehouse.active.is_(True), Warehouse.id != warehouse_id)
        .order_by(Warehouse.is_central.desc(), Warehouse.code)
    ).all()
    return [(row[0], row[1]) for row in rows]
