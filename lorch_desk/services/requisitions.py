"""Branch requisitions of nutrients (营养素申请): request -> approve -> ship -> receive.

The branch requests from the central warehouse; a manager approves or rejects; the central
warehouse ships (a branch shipment, picked FEFO: goods in the branch's transit location); the
branch receives it with any discrepancy (services/shipment_receipts.py). Each step is refused
with RequisitionOutOfOrder when the requisition is not ready for it; nothing is written then.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import ProductCategory
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.requisitions import (
    RequisitionState,
    RequisitionStep,
    check_step,
    requisition_state,
)
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Product, Warehouse
from lorch_desk.models.shipments import (
    Requisition,
    RequisitionDecision,
    RequisitionLine,
    Shipment,
    ShipmentReceipt,
)
from lorch_desk.services.access import require
from lorch_desk.services.catalogue import get_warehouse
from lorch_desk.services.numbering import next_number
from lorch_desk.services.shipment_picking import ShipLineInput, positive_quantity
from lorch_desk.services.shipment_receipts import (
    ReceivedLineInput,
    ShipmentReceiptDetail,
    receive_shipment,
)
from lorch_desk.services.shipments import ShipmentDetail, ship_to_branch


@dataclass(frozen=True, slots=True, kw_only=True)
class RequisitionLineInput:
    product_id: uuid.UUID
    quantity: Decimal | str


@dataclass(frozen=True, slots=True)
class RequisitionLineRow:
    product_id: uuid.UUID
    product_code: str
    product_name: str
    unit: str
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class RequisitionRow:
    requisition_id: uuid.UUID
    number: str
    warehouse_id: uuid.UUID
    warehouse_name: str
    supply_warehouse_name: str
    requested_at: datetime
    state: RequisitionState
    shipment_id: uuid.UUID | None
    shipment_number: str | None
    notes: str
    lines: tuple[RequisitionLineRow, ...]


def request_requisition(
    uow: UnitOfWork,
    *,
    warehouse_id: uuid.UUID,
    lines: Sequence[RequisitionLineInput],
    notes: str = "",
    now: datetime | None = None,
) -> RequisitionRow:
    """A branch warehouse asks the central warehouse for nutrients."""
    require(uow.actor, Action.REQUISITION_REQUEST)
    now = now or utc_now()
    branch = get_warehouse(uow, warehouse_id)
    supply = uow.session.scalar(
        select(Warehouse)
        .where(Warehouse.is_central.is_(True), Warehouse.active.is_(True))
        .order_by(Warehouse.code)
    )
    if branch.is_central or supply is None:
        raise ValidationFailed(field="warehouse", rule="choice")
    if not lines:
        raise ValidationFailed(field="lines", rule="required")
    checked = []
    for line in lines:
        product = uow.session.get(Product, line.product_id)
        if product is None:
            raise ValidationFailed(field="product", rule="required")
        if product.category != ProductCategory.NUTRIENT.value:
            raise ValidationFailed(field="product", rule="nutrients_only", product=product.name)
        checked.append((product.id, positive_quantity(line.quantity)))
    requisition = Requisition(
        number=next_number(uow, kind="requisition", when=now),
        warehouse_id=branch.id,
        supply_warehouse_id=supply.id,
        requested_at=now,
        notes=notes.strip(),
    )
    uow.session.add(requisition)
    uow.session.flush()
    for product_id, quantity in checked:
        uow.session.add(
            RequisitionLine(requisition_id=requisition.id, product_id=product_id, quantity=quantity)
        )
    uow.session.flush()
    return requisition_row(uow, requisition.id)


def decide_requisition(
    uow: UnitOfWork,
    requisition_id: uuid.UUID,
    *,
    approve: bool,
    note: str = "",
    now: datetime | None = None,
) -> RequisitionRow:
    """A manager approves or rejects a requested requisition, once."""
    require(uow.actor, Action.REQUISITION_APPROVE)
    row = requisition_row(uow, requisition_id)
    check_step(row.number, row.state, RequisitionStep.DECIDE)
    uow.session.add(
        RequisitionDecision(
            requisition_id=requisition_id,
            approved=approve,
            decided_by=uow.actor.user_id,
            decided_at=now or utc_now(),
            note=note.strip(),
        )
    )
    uow.session.flush()
    return requisition_row(uow, requisition_id)


def ship_requisition(
    uow: UnitOfWork, requisition_id: uuid.UUID, *, now: datetime | None = None
) -> ShipmentDetail:
    """The central warehouse ships an approved requisition (FEFO); goods go into transit."""
    require(uow.actor, Action.STOCK_SHIP)
    row = requisition_row(uow, requisition_id)
    check_step(row.number, row.state, RequisitionStep.SHIP)
    requisition = uow.session.get(Requisition, requisition_id)
    assert requisition is not None
    return ship_to_branch(
        uow,
        warehouse_id=requisition.supply_warehouse_id,
        to_warehouse_id=requisition.warehouse_id,
        lines=[ShipLineInput(product_id=ln.product_id, quantity=ln.quantity) for ln in row.lines],
        requisition_id=requisition.id,
        notes=row.number,
        now=now,
    )


def receive_requisition(
    uow: UnitOfWork,
    requisition_id: uuid.UUID,
    *,
    location_id: uuid.UUID,
    lines: Sequence[ReceivedLineInput] = (),
    now: datetime | None = None,
) -> ShipmentReceiptDetail:
    """The branch receives the shipment of its requisition, with discrepancies."""
    require(uow.actor, Action.STOCK_RECEIVE)
    row = requisition_row(uow, requisition_id)
    check_step(row.number, row.state, RequisitionStep.RECEIVE)
    assert row.shipment_id is not None
    return receive_shipment(uow, row.shipment_id, location_id=location_id, lines=lines, now=now)


def requisition_row(uow: UnitOfWork, requisition_id: uuid.UUID) -> RequisitionRow:
    """One requisition with its lines and its state."""
    require(uow.actor, Action.STOCK_VIEW)
    rows = _rows(uow, Requisition.id == requisition_id)
    if not rows:
        raise NotFound(table="requisition", id=str(requisition_id))
    return rows[0]


def list_requisitions(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[RequisitionRow]:
    """Requisitions a warehouse made or is asked to supply, newest first."""
    require(uow.actor, Action.STOCK_VIEW)
    return _rows(
        uow,
        or_(
            Requisition.warehouse_id == warehouse_id,
            Requisition.supply_warehouse_id == warehouse_id,
        ),
    )


def _rows(uow: UnitOfWork, condition: object) -> list[RequisitionRow]:
    branch = select(Warehouse.name).where(Warehouse.id == Requisition.warehouse_id)
    supply = select(Warehouse.name).where(Warehouse.id == Requisition.supply_warehouse_id)
    found = uow.session.execute(
        select(
            Requisition,
            branch.scalar_subquery(),
            supply.scalar_subquery(),
            RequisitionDecision.approved,
            Shipment.id,
            Shipment.number,
            ShipmentReceipt.id,
        )
        .outerjoin(RequisitionDecision, RequisitionDecision.requisition_id == Requisition.id)
        .outerjoin(Shipment, Shipment.requisition_id == Requisition.id)
        .outerjoin(ShipmentReceipt, ShipmentReceipt.shipment_id == Shipment.id)
        .where(condition)
        .order_by(Requisition.requested_at.desc(), Requisition.number.desc())
    ).all()
    lines: dict[uuid.UUID, list[RequisitionLineRow]] = {}
    ids = [row[0].id for row in found]
    if ids:
        for line, product in uow.session.execute(
            select(RequisitionLine, Product)
            .join(Product, Product.id == RequisitionLine.product_id)
            .where(RequisitionLine.requisition_id.in_(ids))
            .order_by(Product.code)
        ):
            lines.setdefault(line.requisition_id, []).append(
                RequisitionLineRow(
                    product.id, product.code, product.name, product.unit, line.quantity
                )
            )
    return [
        RequisitionRow(
            req.id,
            req.number,
            req.warehouse_id,
            branch_name or "",
            supply_name or "",
            req.requested_at,
            requisition_state(
                approved=approved, shipped=shipment_id is not None, received=receipt_id is not None
            ),
            shipment_id,
            shipment_number,
            req.notes,
            tuple(lines.get(req.id, ())),
        )
        for req, branch_name, supply_name, approved, shipment_id, shipment_number, receipt_id in found
    ]
