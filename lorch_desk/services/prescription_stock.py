"""Stock beside a prescribed product: what this site's warehouses hold and the nearest expiry."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.services import catalogue, stock_ledger


@dataclass(frozen=True, slots=True)
class StockOnHand:
    quantity: Decimal
    nearest_expiry: date | None


NONE_ON_HAND = StockOnHand(Decimal(0), None)


def stock_on_hand(
    uow: UnitOfWork, *, product_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, StockOnHand]:
    """Each product's quantity in this site's storage locations and its earliest batch expiry."""
    wanted = set(product_ids)
    locations = [
        location.location_id
        for warehouse in catalogue.list_warehouses(uow, site_id=uow.actor.site_id)
        for location in catalogue.list_locations(uow, warehouse.warehouse_id)
    ]
    found: dict[uuid.UUID, StockOnHand] = dict.fromkeys(wanted, NONE_ON_HAND)
    if not wanted or not locations:
        return found
    for row in stock_ledger.balances(uow, location_ids=locations):
        if row.product_id not in wanted or row.quantity <= 0:
            continue
        known = found[row.product_id]
        expiries = [e for e in (known.nearest_expiry, row.expiry) if e is not None]
        found[row.product_id] = StockOnHand(
            known.quantity + row.quantity, min(expiries) if expiries else None
        )
    return found
