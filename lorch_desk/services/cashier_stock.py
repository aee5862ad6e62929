"""Products sold at the till leave the warehouse's shelves (FEFO) for its customer location,
as the pharmacy's dispensing does, with the sale line as the moves' document; a refund puts
them back where they came from."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, MoveDocument
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NegativeStock
from lorch_desk.domain.fefo import Lot, pick_fefo
from lorch_desk.models.cashier import SaleLine
from lorch_desk.models.catalogue import Location, Product
from lorch_desk.models.stock import StockMove
from lorch_desk.services.catalogue import virtual_location
from lorch_desk.services.stock_ledger import MoveSpec, balances, post_moves


def take_products(
    uow: UnitOfWork, warehouse_id: uuid.UUID, lines: Sequence[SaleLine], *, now: datetime
) -> None:
    """Move each product line's quantity from the shelves, earliest expiry first; refuse what
    the shelves do not hold (nothing is sold short)."""
    products = [line for line in lines if line.product_id is not None]
    if not products:
        return
    shelves = list(
        uow.session.scalars(
            select(Location.id).where(
                Location.warehouse_id == warehouse_id, Location.kind == LocationKind.STORAGE.value
            )
        )
    )
    customer = virtual_location(uow, warehouse_id, LocationKind.CUSTOMER)
    today = clinic_time(now).date()
    for line in products:
        lots = [
            Lot(row.location_id, row.batch, row.expiry, row.quantity)
            for row in balances(uow, product_id=line.product_id, location_ids=shelves)
        ]
        picking = pick_fefo(lots, line.quantity, today=today)
        if picking.shortfall > 0:
            available = line.quantity - picking.shortfall
            raise NegativeStock(
                product=line.name,
                batch="-",
                location=str(warehouse_id),
                available=str(available),
                requested=str(line.quantity),
            )
        product = uow.session.get(Product, line.product_id)
        cost = product.cost if product else Decimal("0.00")
        specs = [
            MoveSpec(
                product_id=line.product_id,  # type: ignore[arg-type]
                from_location_id=pick.lot.place,  # type: ignore[arg-type]
                to_location_id=customer,
                quantity=pick.quantity,
                batch=pick.lot.batch,
                expiry=pick.lot.expiry,
                unit_cost=cost,
            )
            for pick in picking.picks
        ]
        post_moves(
            uow, specs, document_type=MoveDocument.DISPENSE, document_id=line.id, moved_at=now
        )


def return_products(
    uow: UnitOfWork, refunded: Sequence[tuple[SaleLine, SaleLine]], *, now: datetime
) -> None:
    """Put back the goods of refunded product lines (original, refund line) by reversing moves."""
    for original, refund in refunded:
        moves = uow.session.scalars(
            select(StockMove).where(
                StockMove.document_id == original.id,
                StockMove.document_type == MoveDocument.DISPENSE.value,
            )
        ).all()
        specs = [
            MoveSpec(
                product_id=move.product_id,
                from_location_id=move.to_location_id,
                to_location_id=move.from_location_id,
                quantity=move.quantity,
                batch=move.batch,
                expiry=move.expiry,
                unit_cost=move.unit_cost,
                reverses_move_id=move.id,
            )
            for move in moves
        ]
        post_moves(
            uow, specs, document_type=MoveDocument.DISPENSE, document_id=refund.id, moved_at=now
        )
