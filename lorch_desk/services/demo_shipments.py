"""The demo's shipments and requisitions: a delivery to a customer and one requisition of
nutrients in every state (received with a shortage, in transit, approved, rejected, requested).

Everything happens in the last ten days, after the demo's latest purchase receipts and before
today's open stock count is snapshotted (seed it before the counts)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import ProductCategory
from lorch_desk.models.catalogue import Product
from lorch_desk.models.customer import Customer
from lorch_desk.services import catalogue, requisitions, shipment_receipts, shipments
from lorch_desk.services.catalogue import WarehouseRow
from lorch_desk.services.requisitions import RequisitionLineInput
from lorch_desk.services.shipment_picking import ShipLineInput, storage_locations
from lorch_desk.services.stock_ledger import product_quantity

_DAY = timedelta(days=1)
# Days before now of: request, decision, shipment, receipt (None: that step has not happened).
_STORIES: tuple[tuple[int, int | None, int | None, int | None, bool], ...] = (
    (10, 9, 8, 7, True),  # received, one bottle short
    (5, 4, 3, None, True),  # in transit
    (3, 2, None, None, True),  # approved, waiting to be shipped
    (6, 5, None, None, False),  # rejected
    (1, None, None, None, True),  # waiting for approval
)


def seed_demo_shipments(
    uow: UnitOfWork, central: WarehouseRow, branches: list[WarehouseRow], *, now: datetime
) -> None:
    """Shipments and requisitions between the central warehouse and the branches."""
    nutrients = _stocked_nutrients(uow, central.warehouse_id)
    if not branches or len(nutrients) < 2:
        return
    for index, (asked, decided, shipped, received, approve) in enumerate(_STORIES):
        branch = branches[index % len(branches)]
        lines = [
            RequisitionLineInput(product_id=product_id, quantity=Decimal(2 + (index + n) % 4))
            for n, product_id in enumerate(nutrients[index % 2 :: 2][:3])
        ]
        row = requisitions.request_requisition(
            uow,
            warehouse_id=branch.warehouse_id,
            lines=lines,
            notes="门店营养素补货",
            now=now - asked * _DAY,
        )
        if decided is None:
            continue
        requisitions.decide_requisition(
            uow,
            row.requisition_id,
            approve=approve,
            note="" if approve else "本月申请额度已用完，下月再报",
            now=now - decided * _DAY,
        )
        if shipped is None:
            continue
        shipment = requisitions.ship_requisition(uow, row.requisition_id, now=now - shipped * _DAY)
        if received is None:
            continue
        first = shipment.lines[0]
        requisitions.receive_requisition(
            uow,
            row.requisition_id,
            location_id=catalogue.list_locations(uow, branch.warehouse_id)[0].location_id,
            lines=[
                shipment_receipts.ReceivedLineInput(
                    shipment_line_id=first.line_id,
                    received=first.quantity - 1,
                    note="到货少一瓶，已拍照留存",
                )
            ],
            now=now - received * _DAY,
        )
    _customer_delivery(uow, central, nutrients[0], now=now - 2 * _DAY)


def _stocked_nutrients(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[uuid.UUID]:
    """Nutrients the central warehouse holds at least 20 of, by code."""
    shelves = storage_locations(uow, warehouse_id)
    products = uow.session.scalars(
        select(Product.id)
        .where(Product.category == ProductCategory.NUTRIENT.value)
        .order_by(Product.code)
    )
    return [p for p in products if product_quantity(uow, p, shelves) >= 20]


def _customer_delivery(
    uow: UnitOfWork, central: WarehouseRow, product_id: uuid.UUID, *, now: datetime
) -> None:
    customer = uow.session.scalar(
        select(Customer).where(Customer.deleted_at.is_(None)).order_by(Customer.file_number)
    )
    if customer is None:
        return
    shipments.ship_to_customer(
        uow,
        shipments.CustomerShipmentInput(
            warehouse_id=central.warehouse_id,
            customer_id=customer.id,
            lines=(ShipLineInput(product_id=product_id, quantity=Decimal(2)),),
            address=customer.address or "北京市朝阳区建国路88号华贸中心1号楼",
            notes="顺丰快递，客户要求工作日送达",
        ),
        now=now,
    )
