"""Destruction (销毁): a request with its reason, a manager's approval, a witness, posting.

Posting moves the goods from their shelf to the warehouse's scrap location; the signed record
(PDF) names the requester, the approver and the witness.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import (
    DestructionReason,
    DestructionStatus,
    LocationKind,
    MoveDocument,
)
from lorch_desk.domain.errors import NegativeStock, NotFound, StockDocumentState, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Location, Product, Warehouse
from lorch_desk.models.destruction import Destruction, DestructionLine
from lorch_desk.models.stock import StockBalance
from lorch_desk.services.access import require
from lorch_desk.services.catalogue import get_warehouse, parse_decimal, virtual_location
from lorch_desk.services.numbering import next_number
from lorch_desk.services.stock_ledger import MoveSpec, post_moves
from lorch_desk.services.stock_names import user_name


@dataclass(frozen=True, slots=True, kw_only=True)
class DestructionLineInput:
    product_id: uuid.UUID
    location_id: uuid.UUID
    batch: str
    quantity: Decimal | str


@dataclass(frozen=True, slots=True)
class DestructionLineRow:
    product_code: str
    product_name: str
    unit: str
    location_name: str
    batch: str
    expiry: date | None
    quantity: Decimal
    unit_cost: Decimal

    @property
    def value(self) -> Decimal:
        return (self.quantity * self.unit_cost).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class DestructionDetail:
    destruction_id: uuid.UUID
    number: str
    warehouse_name: str
    reason: DestructionReason
    reason_note: str
    status: DestructionStatus
    requested_by: str
    requested_at: datetime
    approved_by: str
    approved_at: datetime | None
    witness_name: str
    posted_by: str
    posted_at: datetime | None
    lines: tuple[DestructionLineRow, ...]

    @property
    def total_value(self) -> Decimal:
        return sum((line.value for line in self.lines), Decimal("0.00"))


def request_destruction(
    uow: UnitOfWork,
    *,
    warehouse_id: uuid.UUID,
    reason: DestructionReason | str,
    lines: Sequence[DestructionLineInput],
    reason_note: str = "",
) -> DestructionDetail:
    """Ask to destroy batches lying in the warehouse; nothing moves until it is approved."""
    require(uow.actor, Action.DESTRUCTION_REQUEST)
    warehouse = get_warehouse(uow, warehouse_id)
    if reason not in set(DestructionReason):
        raise ValidationFailed(field="reason", rule="choice")
    if not lines:
        raise ValidationFailed(field="lines", rule="required")
    destruction = Destruction(
        number=next_number(uow, kind="destruction"),
        warehouse_id=warehouse.id,
        reason=DestructionReason(reason).value,
        reason_note=reason_note.strip(),
        status=DestructionStatus.REQUESTED.value,
    )
    uow.session.add(destruction)
    uow.session.flush()
    for line in lines:
        quantity = parse_decimal(line.quantity, field="quantity")
        if quantity <= 0:
            raise ValidationFailed(field="quantity", rule="positive")
        balance = uow.session.get(StockBalance, (line.product_id, line.location_id, line.batch))
        location = uow.session.get(Location, line.location_id)
        product = uow.session.get(Product, line.product_id)
        if product is None or location is None or location.warehouse_id != warehouse.id:
            raise ValidationFailed(field="product", rule="required")
        available = balance.quantity if balance else Decimal(0)
        if quantity > available:
            raise NegativeStock(
                product=product.name,
                batch=line.batch or "-",
                location=location.name,
                available=f"{available.normalize():f}",
                requested=f"{quantity.normalize():f}",
            )
        uow.session.add(
            DestructionLine(
                destruction_id=destruction.id,
                product_id=product.id,
                location_id=location.id,
                batch=line.batch,
                expiry=balance.expiry if balance else None,
                quantity=quantity,
                unit_cost=product.cost,
            )
        )
    uow.session.flush()
    return destruction_detail(uow, destruction.id)


def decide_destruction(
    uow: UnitOfWork, destruction_id: uuid.UUID, *, approve: bool, now: datetime | None = None
) -> DestructionDetail:
    """A manager approves or rejects a requested destruction."""
    require(uow.actor, Action.DESTRUCTION_APPROVE)
    destruction = _destruction(uow, destruction_id)
    _require_status(destruction, DestructionStatus.REQUESTED)
    destruction.status = (
        DestructionStatus.APPROVED if approve else DestructionStatus.REJECTED
    ).value
    destruction.approved_by = uow.actor.user_id
    destruction.approved_at = now or utc_now()
    uow.session.flush()
    return destruction_detail(uow, destruction.id)


def post_destruction(
    uow: UnitOfWork, destruction_id: uuid.UUID, *, witness_name: str, now: datetime | None = None
) -> DestructionDetail:
    """Destroy the approved goods in front of a witness: moves from the shelves to scrap."""
    require(uow.actor, Action.DESTRUCTION_REQUEST)
    destruction = _destruction(uow, destruction_id)
    _require_status(destruction, DestructionStatus.APPROVED)
    witness = witness_name.strip()
    if not witness:
        raise ValidationFailed(field="witness_name", rule="required")
    if witness == uow.actor.display_name:
        raise ValidationFailed(field="witness_name", rule="witness_self")
    scrap = virtual_location(uow, destruction.warehouse_id, LocationKind.SCRAP)
    lines = uow.session.scalars(
        select(DestructionLine).where(DestructionLine.destruction_id == destruction.id)
    ).all()
    now = now or utc_now()
    post_moves(
        uow,
        [
            MoveSpec(
                product_id=line.product_id,
                from_location_id=line.location_id,
                to_location_id=scrap,
                quantity=line.quantity,
                batch=line.batch,
                expiry=line.expiry,
                unit_cost=line.unit_cost,
            )
            for line in lines
        ],
        document_type=MoveDocument.DESTRUCTION,
        document_id=destruction.id,
        moved_at=now,
    )
    destruction.status = DestructionStatus.POSTED.value
    destruction.witness_name = witness
    destruction.posted_by = uow.actor.user_id
    destruction.posted_at = now
    uow.session.flush()
    return destruction_detail(uow, destruction.id)


def destruction_detail(uow: UnitOfWork, destruction_id: uuid.UUID) -> DestructionDetail:
    """A destruction with its lines and the people who signed it."""
    require(uow.actor, Action.STOCK_VIEW)
    destruction = _destruction(uow, destruction_id)
    warehouse = uow.session.get(Warehouse, destruction.warehouse_id)
    rows = uow.session.execute(
        select(DestructionLine, Product, Location)
        .join(Product, Product.id == DestructionLine.product_id)
        .join(Location, Location.id == DestructionLine.location_id)
        .where(DestructionLine.destruction_id == destruction.id)
        .order_by(Product.code, DestructionLine.batch)
    ).all()
    return DestructionDetail(
        destruction.id,
        destruction.number,
        warehouse.name if warehouse else "",
        DestructionReason(destruction.reason),
        destruction.reason_note,
        DestructionStatus(destruction.status),
        user_name(uow, destruction.created_by),
        destruction.created_at,
        user_name(uow, destruction.approved_by),
        destruction.approved_at,
        destruction.witness_name,
        user_name(uow, destruction.posted_by),
        destruction.posted_at,
        tuple(
            DestructionLineRow(
                p.code, p.name, p.unit, loc.name, ln.batch, ln.expiry, ln.quantity, ln.unit_cost
            )
            for ln, p, loc in rows
        ),
    )


def list_destructions(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[DestructionDetail]:
    """The destructions of a warehouse, newest first."""
    require(uow.actor, Action.STOCK_VIEW)
    ids = uow.session.scalars(
        select(Destruction.id)
        .where(Destruction.warehouse_id == warehouse_id)
        .order_by(Destruction.created_at.desc())
    ).all()
    return [destruction_detail(uow, destruction_id) for destruction_id in ids]


def _destruction(uow: UnitOfWork, destruction_id: uuid.UUID) -> Destruction:
    destruction = uow.session.get(Destruction, destruction_id)
    if destruction is None:
        raise NotFound(table="destruction", id=str(destruction_id))
    return destruction


def _require_status(destruction: Destruction, status: DestructionStatus) -> None:
    if destruction.status != status.value:
        raise StockDocumentState(number=destruction.number, state=destruction.status)
