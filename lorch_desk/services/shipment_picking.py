"""Which batches a shipment takes: FEFO over a warehouse's shelves unless the clerk names one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.fefo import Lot, is_expired, pick_fefo
from lorch_desk.models.catalogue import Location, Product
from lorch_desk.services.catalogue import parse_decimal
from lorch_desk.services.stock_ledger import balances


@dataclass(frozen=True, slots=True, kw_only=True)
class ShipLineInput:
    """A product and quantity to ship; `batch`/`location_id` when the clerk picks the batch."""

    product_id: uuid.UUID
    quantity: Decimal | str
    batch: str | None = None
    location_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class PickedLine:
    product: Product
    location_id: uuid.UUID
    batch: str
    expiry: date | None
    quantity: Decimal


def positive_quantity(value: Decimal | str, *, field: str = "quantity") -> Decimal:
    quantity = parse_decimal(value, field=field)
    if quantity <= 0:
        raise ValidationFailed(field=field, rule="positive")
    return quantity


def plain(quantity: Decimal) -> str:
    """3.000 -> 3, 2.500 -> 2.5."""
    text = f"{quantity:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def storage_locations(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        uow.session.scalars(
            select(Location.id).where(
                Location.warehouse_id == warehouse_id,
                Location.kind == LocationKind.STORAGE.value,
            )
        )
    )


def pick_lines(
    uow: UnitOfWork, warehouse_id: uuid.UUID, lines: Sequence[ShipLineInput], *, today: date
) -> list[PickedLine]:
    """The batches to take for every line; refuses expired batches and short stock."""
    if not lines:
        raise ValidationFailed(field="lines", rule="required")
    shelves = storage_locations(uow, warehouse_id)
    taken: dict[tuple[uuid.UUID, uuid.UUID, str], Decimal] = {}
    picked: list[PickedLine] = []
    for line in lines:
        product = uow.session.get(Product, line.product_id)
        if product is None:
            raise ValidationFailed(field="product", rule="required")
        quantity = positive_quantity(line.quantity)
        places = shelves
        if line.location_id is not None:
            if line.location_id not in shelves:
                raise ValidationFailed(field="location", rule="choice")
            places = [line.location_id]
        lots = [
            Lot(
                row.location_id,
                row.batch,
                row.expiry,
                row.quantity - taken.get((product.id, row.location_id, row.batch), Decimal(0)),
            )
            for row in balances(uow, product_id=product.id, location_ids=places)
            if line.batch is None or row.batch == line.batch.strip()
        ]
        if line.batch is not None and any(is_expired(lot.expiry, today) for lot in lots):
            raise ValidationFailed(field="batch", rule="expired")
        picking = pick_fefo(lots, quantity, today=today)
        if picking.shortfall > 0:
            raise ValidationFailed(
                field="quantity",
                rule="short_stock",
                product=product.name,
                available=plain(quantity - picking.shortfall),
                requested=plain(quantity),
            )
        for pick in picking.picks:
            key = (product.id, pick.lot.place, pick.lot.batch)
            taken[key] = taken.get(key, Decimal(0)) + pick.quantity
            picked.append(
                PickedLine(
                    product,
                    pick.lot.place,  # type: ignore[arg-type]
                    pick.lot.batch,
                    pick.lot.expiry,
                    pick.quantity,
                )
            )
    return picked
