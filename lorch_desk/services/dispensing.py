"""Dispensing (发药): the pharmacy's queue of signed prescriptions, picked FEFO.

Each prescription item is dispensed from the warehouse's storage, earliest expiry first and
never from an expired batch; what cannot be found now stays outstanding (partial dispensing)
and the prescription leaves the queue once every item is complete. The moves go from the shelf
to the warehouse's customer location with the prescription item as their document, so what was
sold is the customer's consumption.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, MoveDocument
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, StockDocumentState
from lorch_desk.domain.fefo import Lot, pick_fefo
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.prescriptions import PrescriptionKind, PrescriptionStatus
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Location, Product
from lorch_desk.models.prescriptions import Prescription, PrescriptionItem
from lorch_desk.models.stock import StockMove
from lorch_desk.services.access import require
from lorch_desk.services.catalogue import virtual_location
from lorch_desk.services.stock_ledger import MoveSpec, balances, post_moves


@dataclass(frozen=True, slots=True)
class DispensedItem:
    product_name: str
    unit: str
    required: Decimal
    dispensed: Decimal
    batches: tuple[tuple[str, Decimal], ...]  # batches taken by this dispensing

    @property
    def outstanding(self) -> Decimal:
        return max(self.required - self.dispensed, Decimal(0))


@dataclass(frozen=True, slots=True)
class DispenseResult:
    prescription_id: uuid.UUID
    number: str
    complete: bool
    items: tuple[DispensedItem, ...]


def dispense(
    uow: UnitOfWork,
    prescription_id: uuid.UUID,
    *,
    warehouse_id: uuid.UUID,
    now: datetime | None = None,
) -> DispenseResult:
    """Dispense what is outstanding of a signed prescription from the warehouse, FEFO."""
    require(uow.actor, Action.STOCK_DISPENSE)
    now = now or utc_now()
    prescription = uow.session.get(Prescription, prescription_id)
    if prescription is None:
        raise NotFound(table="prescription", id=str(prescription_id))
    if prescription.status != PrescriptionStatus.AWAITING_DISPENSING.value:
        raise StockDocumentState(number=prescription.number, state=prescription.status)
    items = uow.session.scalars(
        select(PrescriptionItem)
        .where(PrescriptionItem.prescription_id == prescription.id)
        .order_by(PrescriptionItem.line_no)
    ).all()
    shelves = list(
        uow.session.scalars(
            select(Location.id).where(
                Location.warehouse_id == warehouse_id, Location.kind == LocationKind.STORAGE.value
            )
        )
    )
    customer = virtual_location(uow, warehouse_id, LocationKind.CUSTOMER)
    already = _dispensed(uow, [item.id for item in items])
    today = clinic_time(now).date()
    results: list[DispensedItem] = []
    for item in items:
        required = _required(prescription, item)
        outstanding = required - already.get(item.id, Decimal(0))
        taken: list[tuple[str, Decimal]] = []
        product = uow.session.get(Product, item.product_id)
        cost = product.cost if product else Decimal("0.00")
        if outstanding > 0:
            lots = [
                Lot(row.location_id, row.batch, row.expiry, row.quantity)
                for row in balances(uow, product_id=item.product_id, location_ids=shelves)
            ]
            picking = pick_fefo(lots, outstanding, today=today)
            specs = [
                MoveSpec(
                    product_id=item.product_id,
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
                uow, specs, document_type=MoveDocument.DISPENSE, document_id=item.id, moved_at=now
            )
            taken = [(pick.lot.batch, pick.quantity) for pick in picking.picks]
        dispensed = required - outstanding + sum((q for _b, q in taken), Decimal(0))
        results.append(
            DispensedItem(item.product_name, item.unit, required, dispensed, tuple(taken))
        )
    complete = all(result.outstanding == 0 for result in results)
    if complete:
        prescription.status = PrescriptionStatus.DISPENSED.value
    uow.session.flush()
    return DispenseResult(prescription.id, prescription.number, complete, tuple(results))


def _required(prescription: Prescription, item: PrescriptionItem) -> Decimal:
    if prescription.kind == PrescriptionKind.TCM.value:
        return (item.grams_per_dose or Decimal(0)) * (prescription.doses or 1)
    return item.quantity or Decimal(0)


def _dispensed(uow: UnitOfWork, item_ids: list[uuid.UUID]) -> dict[uuid.UUID, Decimal]:
    """Net quantity dispensed so far per prescription item (returns to the shelf count back)."""
    customer_kind = LocationKind.CUSTOMER.value
    net: dict[uuid.UUID, Decimal] = {}
    for column, sign in ((StockMove.to_location_id, 1), (StockMove.from_location_id, -1)):
        rows = uow.session.execute(
            select(StockMove.document_id, func.sum(StockMove.quantity))
            .join(Location, Location.id == column)
            .where(
                StockMove.document_type.in_([MoveDocument.DISPENSE.value]),
                StockMove.document_id.in_(item_ids),
                Location.kind == customer_kind,
            )
            .group_by(StockMove.document_id)
        ).all()
        for item_id, quantity in rows:
            net[item_id] = net.get(item_id, Decimal(0)) + sign * Decimal(quantity)
    return net
