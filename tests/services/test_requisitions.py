"""Branch requisitions of nutrients: request -> approve -> ship -> receive, each in order, once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import (
    PermissionDenied,
    RequisitionOutOfOrder,
    ValidationFailed,
)
from lorch_desk.domain.requisitions import RequisitionState
from lorch_desk.models.shipments import Requisition, RequisitionDecision, Shipment
from lorch_desk.services import requisitions
from lorch_desk.services.requisitions import RequisitionLineInput
from lorch_desk.services.shipment_receipts import ReceivedLineInput
from tests.services.shipment_world import ShipWorld, ship_world_fixture  # noqa: F401


def _request(database: Database, world: ShipWorld, quantity: str = "5"):  # noqa: ANN202
    line = RequisitionLineInput(product_id=world.hq.products["VC"], quantity=quantity)
    row, _ = database.run(
        world.hq.clerk,
        lambda uow, _p: requisitions.request_requisition(
            uow, warehouse_id=world.branch_id, lines=[line], notes="下月营养素"
        ),
    )
    return row


def _step(database: Database, actor, operation, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    result, _ = database.run(actor, lambda uow, _p: operation(uow, *args, **kwargs))
    return result


def test_a_requisition_goes_from_request_to_receipt_with_a_discrepancy(
    database: Database, ship_world: ShipWorld
) -> None:
    hq = ship_world.hq
    hq.receive(database, "VC", "20", expiry=clinic_today() + timedelta(days=300))
    row = _request(database, ship_world)
    assert row.state is RequisitionState.REQUESTED
    assert row.warehouse_name == "上海分中心库房" and row.supply_warehouse_name == "北京总库房"
    with pytest.raises(PermissionDenied):
        _step(database, hq.clerk, requisitions.decide_requisition, row.requisition_id, approve=True)
    with pytest.raises(RequisitionOutOfOrder):
        _step(database, hq.clerk, requisitions.ship_requisition, row.requisition_id)
    approved = _step(
        database, hq.manager, requisitions.decide_requisition, row.requisition_id, approve=True
    )
    assert approved.state is RequisitionState.APPROVED
    with pytest.raises(RequisitionOutOfOrder):
        _step(
            database, hq.manager, requisitions.decide_requisition, row.requisition_id, approve=False
        )
    with pytest.raises(RequisitionOutOfOrder):
        _step(
            database,
            hq.clerk,
            requisitions.receive_requisition,
            row.requisition_id,
            location_id=ship_world.branch_shelf,
        )
    shipment = _step(database, hq.clerk, requisitions.ship_requisition, row.requisition_id)
    assert shipment.requisition_number == row.number
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(5)
    assert ship_world.quantity(database, "VC", hq.shelf_a) == Decimal(15)
    with pytest.raises(RequisitionOutOfOrder):
        _step(database, hq.clerk, requisitions.ship_requisition, row.requisition_id)
    short = ReceivedLineInput(
        shipment_line_id=shipment.lines[0].line_id, received="4", note="少一瓶"
    )
    receipt = _step(
        database,
        hq.clerk,
        requisitions.receive_requisition,
        row.requisition_id,
        location_id=ship_world.branch_shelf,
        lines=[short],
    )
    assert [ln.difference for ln in receipt.discrepancies] == [Decimal(-1)]
    assert ship_world.quantity(database, "VC", ship_world.branch_shelf) == Decimal(4)
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(0)
    final = _step(database, hq.clerk, requisitions.requisition_row, row.requisition_id)
    assert final.state is RequisitionState.RECEIVED
    with pytest.raises(RequisitionOutOfOrder):
        _step(
            database,
            hq.clerk,
            requisitions.receive_requisition,
            row.requisition_id,
            location_id=ship_world.branch_shelf,
        )


def test_a_rejected_requisition_goes_no_further(database: Database, ship_world: ShipWorld) -> None:
    row = _request(database, ship_world)
    rejected = _step(
        database,
        ship_world.hq.manager,
        requisitions.decide_requisition,
        row.requisition_id,
        approve=False,
        note="库存不足",
    )
    assert rejected.state is RequisitionState.REJECTED
    with pytest.raises(RequisitionOutOfOrder) as refused:
        _step(database, ship_world.hq.clerk, requisitions.ship_requisition, row.requisition_id)
    assert refused.value.params["number"] == row.number


def test_shipping_more_than_the_central_stock_is_refused_and_nothing_is_written(
    database: Database, ship_world: ShipWorld, count_rows
) -> None:  # noqa: ANN001
    ship_world.hq.receive(database, "VC", "3")
    row = _request(database, ship_world, "5")
    _step(
        database,
        ship_world.hq.manager,
        requisitions.decide_requisition,
        row.requisition_id,
        approve=True,
    )
    with pytest.raises(ValidationFailed) as refused:
        _step(database, ship_world.hq.clerk, requisitions.ship_requisition, row.requisition_id)
    assert refused.value.params["rule"] == "short_stock"
    assert count_rows(Shipment) == 0
    still = _step(database, ship_world.hq.clerk, requisitions.requisition_row, row.requisition_id)
    assert still.state is RequisitionState.APPROVED


def test_only_nutrients_positive_quantities_and_branch_warehouses_may_requisition(
    database: Database, ship_world: ShipWorld, count_rows
) -> None:  # noqa: ANN001
    hq = ship_world.hq
    for warehouse, code, quantity, rule in (
        (ship_world.branch_id, "HQ", "5", "nutrients_only"),
        (ship_world.branch_id, "VC", "0", "positive"),
        (ship_world.branch_id, "VC", "x", "number"),
        (hq.warehouse_id, "VC", "5", "choice"),
    ):
        line = RequisitionLineInput(product_id=hq.products[code], quantity=quantity)
        with pytest.raises(ValidationFailed) as refused:
            _step(
                database,
                hq.clerk,
                requisitions.request_requisition,
                warehouse_id=warehouse,
                lines=[line],
            )
        assert refused.value.params["rule"] == rule
    assert count_rows(Requisition) == 0 and count_rows(RequisitionDecision) == 0


def test_both_warehouses_list_the_requisition(database: Database, ship_world: ShipWorld) -> None:
    row = _request(database, ship_world)
    for warehouse in (ship_world.branch_id, ship_world.hq.warehouse_id):
        rows = _step(database, ship_world.hq.clerk, requisitions.list_requisitions, warehouse)
        assert [r.number for r in rows] == [row.number]
        assert rows[0].lines[0].quantity == Decimal(5)
