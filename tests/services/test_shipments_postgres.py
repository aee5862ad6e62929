"""A requisition from request to receipt, and the purchase suggestion, on real PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.requisitions import RequisitionState
from lorch_desk.services import requisitions, stock_ledger
from lorch_desk.services.node_setup import NodeIdentity
from lorch_desk.services.purchase_suggestion import purchase_suggestion
from lorch_desk.services.shipment_receipts import ReceivedLineInput
from tests.services.shipment_world import build_ship_world


@pytest.mark.postgres
def test_a_requisition_runs_its_course_on_postgresql(
    pg_database: Database, pg_node: NodeIdentity, pg_actor_for
) -> None:  # noqa: ANN001
    world = build_ship_world(pg_database, pg_node, pg_actor_for)
    hq = world.hq
    hq.receive(pg_database, "VC", "12")

    def run(actor, operation, /, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        return pg_database.run(actor, lambda uow, _p: operation(uow, *args, **kwargs))[0]

    line = requisitions.RequisitionLineInput(product_id=hq.products["VC"], quantity="5")
    row = run(
        hq.clerk, requisitions.request_requisition, warehouse_id=world.branch_id, lines=[line]
    )
    run(hq.manager, requisitions.decide_requisition, row.requisition_id, approve=True)
    shipment = run(hq.clerk, requisitions.ship_requisition, row.requisition_id)
    got = ReceivedLineInput(shipment_line_id=shipment.lines[0].line_id, received="6")
    run(
        hq.clerk,
        requisitions.receive_requisition,
        row.requisition_id,
        location_id=world.branch_shelf,
        lines=[got],
    )
    final = run(hq.clerk, requisitions.requisition_row, row.requisition_id)
    assert final.state is RequisitionState.RECEIVED
    assert world.quantity(pg_database, "VC", world.branch_shelf) == Decimal(6)
    assert world.quantity(pg_database, "VC", world.branch_transit) == Decimal(0)
    suggestion = {r.code: r for r in run(hq.clerk, purchase_suggestion)}
    assert suggestion["VC"].on_hand == Decimal(7) and suggestion["VC"].suggested == Decimal(13)
    assert run(hq.manager, stock_ledger.balance_mismatches) == []
