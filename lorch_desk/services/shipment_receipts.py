"""A branch receives a shipment: transit -> its store, with every discrepancy kept.

Per shipped line the clerk says how much arrived (damaged goods included) and how much of it
is damaged; domain/requisitions.split_receipt turns that into moves so the shipment's transit
settles: sound goods to the store, damaged to scrap, missing to the adjustment (loss) location,
surplus from it. Lines the clerk does not mention arrived exactly as shipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, MoveDocument
from lorch_desk.domain.errors import NotFound, ShipmentAlreadyReceived, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.requisitions import split_receipt
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Location, Product
from lorch_desk.models.shipments import (
    Shipment,
    ShipmentLine,
    ShipmentReceipt,
    ShipmentReceiptLine,
)
from lorch_desk.services.access import require
from lorch_desk.services.catalogue import parse_decimal, virtual_location
from lorch_desk.services.numbering import next_number
from lorch_desk.services.stock_ledger import MoveSpec, post_moves
from lorch_desk.services.stock_names import user_name


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceivedLineInput:
    shipment_line_id: uuid.UUID
    received: Decimal | str
    damaged: Decimal | str = Decimal(0)
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReceivedLineRow:
    product_code: str
    product_name: str
    unit: str
    batch: str
    shipped: Decimal
    received: Decimal
    damaged: Decimal
    note: str

    @property
    def difference(self) -> Decimal:
        """Received minus shipped: below 0 short, above 0 surplus."""
        return self.received - self.shipped

    @property
    def has_discrepancy(self) -> bool:
        return self.difference != 0 or self.damaged != 0


@dataclass(frozen=True, slots=True)
class ShipmentReceiptDetail:
    receipt_id: uuid.UUID
    number: str
    shipment_number: str
    location_name: str
    received_at: datetime
    received_by: str
    lines: tuple[ReceivedLineRow, ...]

    @property
    def discrepancies(self) -> tuple[ReceivedLineRow, ...]:
        return tuple(line for line in self.lines if line.has_discrepancy)


def receive_shipment(
    uow: UnitOfWork,
    shipment_id: uuid.UUID,
    *,
    location_id: uuid.UUID,
    lines: Sequence[ReceivedLineInput] = (),
    notes: str = "",
    now: datetime | None = None,
) -> ShipmentReceiptDetail:
    """Receive a branch shipment into `location_id` (a storage area of the receiving branch)."""
    require(uow.actor, Action.STOCK_RECEIVE)
    now = now or utc_now()
    shipment = uow.session.get(Shipment, shipment_id)
    if shipment is None or shipment.to_warehouse_id is None:
        raise NotFound(table="shipment", id=str(shipment_id))
    if uow.session.scalar(
        select(ShipmentReceipt.id).where(ShipmentReceipt.shipment_id == shipment.id)
    ):
        raise ShipmentAlreadyReceived(number=shipment.number)
    store = uow.session.get(Location, location_id)
    if (
        store is None
        or store.warehouse_id != shipment.to_warehouse_id
        or store.kind != LocationKind.STORAGE.value
    ):
        raise ValidationFailed(field="location", rule="choice")
    shipped = list(
        uow.session.scalars(select(ShipmentLine).where(ShipmentLine.shipment_id == shipment.id))
    )
    by_id = {line.id: line for line in shipped}
    given: dict[uuid.UUID, tuple[Decimal, Decimal, str]] = {}
    for entry in lines:
        if entry.shipment_line_id not in by_id:
            raise ValidationFailed(field="shipment_line", rule="not_shipped")
        received = parse_decimal(entry.received, field="received_quantity")
        damaged = parse_decimal(entry.damaged, field="damaged_quantity")
        if damaged > min(received, by_id[entry.shipment_line_id].quantity):
            product = uow.session.get(Product, by_id[entry.shipment_line_id].product_id)
            raise ValidationFailed(
                field="damaged_quantity",
                rule="damaged_over_received",
                product=product.name if product else "",
            )
        given[entry.shipment_line_id] = (received, damaged, entry.note.strip())
    branch = shipment.to_warehouse_id
    transit = virtual_location(uow, branch, LocationKind.TRANSIT)
    scrap = virtual_location(uow, branch, LocationKind.SCRAP)
    loss = virtual_location(uow, branch, LocationKind.ADJUSTMENT)
    receipt = ShipmentReceipt(
        number=next_number(uow, kind="shipment_receipt", when=now),
        shipment_id=shipment.id,
        location_id=store.id,
        received_at=now,
        notes=notes.strip(),
    )
    uow.session.add(receipt)
    uow.session.flush()
    specs: list[MoveSpec] = []
    for line in shipped:
        received, damaged, note = given.get(line.id, (line.quantity, Decimal(0), ""))
        uow.session.add(
            ShipmentReceiptLine(
                receipt_id=receipt.id,
                shipment_line_id=line.id,
                received_quantity=received,
                damaged_quantity=damaged,
                note=note,
            )
        )
        split = split_receipt(line.quantity, received, damaged)
        for source, target, quantity in (
            (transit, store.id, split.to_store),
            (transit, scrap, split.to_scrap),
            (transit, loss, split.to_loss),
            (loss, store.id, split.extra),
        ):
            if quantity > 0:
                specs.append(
                    MoveSpec(
                        product_id=line.product_id,
                        from_location_id=source,
                        to_location_id=target,
                        quantity=quantity,
                        batch=line.batch,
                        expiry=line.expiry,
                        unit_cost=line.unit_cost,
                    )
                )
    post_moves(
        uow,
        specs,
        document_type=MoveDocument.SHIPMENT_RECEIPT,
        document_id=receipt.id,
        moved_at=now,
    )
    return receipt_detail(uow, receipt.id)


def receipt_detail(uow: UnitOfWork, receipt_id: uuid.UUID) -> ShipmentReceiptDetail:
    """A branch receipt with shipped, received and damaged quantities per line."""
    require(uow.actor, Action.STOCK_VIEW)
    receipt = uow.session.get(ShipmentReceipt, receipt_id)
    if receipt is None:
        raise NotFound(table="shipment_receipt", id=str(receipt_id))
    shipment = uow.session.get(Shipment, receipt.shipment_id)
    location = uow.session.get(Location, receipt.location_id)
    rows = uow.session.execute(
        select(ShipmentReceiptLine, ShipmentLine, Product)
        .join(ShipmentLine, ShipmentLine.id == ShipmentReceiptLine.shipment_line_id)
        .join(Product, Product.id == ShipmentLine.product_id)
        .where(ShipmentReceiptLine.receipt_id == receipt.id)
        .order_by(Product.code, ShipmentLine.batch)
    ).all()
    return ShipmentReceiptDetail(
        receipt.id,
        receipt.number,
        shipment.number if shipment else "",
        location.name if location else "",
        receipt.received_at,
        user_name(uow, receipt.created_by),
        tuple(
            ReceivedLineRow(
                p.code,
                p.name,
                p.unit,
                shipped.batch,
                shipped.quantity,
                got.received_quantity,
                got.damaged_quantity,
                got.note,
            )
            for got, shipped, p in rows
        ),
    )


def receipt_of_shipment(uow: UnitOfWork, shipment_id: uuid.UUID) -> ShipmentReceiptDetail | None:
    """The branch's receipt of a shipment, if it has been received."""
    require(uow.actor, Action.STOCK_VIEW)
    receipt_id = uow.session.scalar(
        select(ShipmentReceipt.id).where(ShipmentReceipt.shipment_id == shipment_id)
    )
    return receipt_detail(uow, receipt_id) if receipt_id else None
