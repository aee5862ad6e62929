"""Property: receipts, shipments to customers and branches, branch receipts with discrepancies
and stock counts, in any order, keep every balance equal to its moves, never below zero where
goods lie, and settle each received shipment's transit; a refused step writes nothing."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.models.shipments import ShipmentReceipt
from lorch_desk.models.stock import StockMove
from lorch_desk.services import catalogue, stock_counts, stock_ledger
from lorch_desk.services.shipment_picking import ShipLineInput
from lorch_desk.services.shipment_receipts import ReceivedLineInput, receive_shipment
from lorch_desk.services.shipments import CustomerShipmentInput, ship_to_branch, ship_to_customer
from tests.services.shipment_world import ShipWorld, ship_world_fixture  # noqa: F401

_STEP = st.tuples(
    st.sampled_from(["receive", "customer", "branch", "arrive", "branch_sale", "count"]),
    st.sampled_from(["VC", "GZ"]),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=-2, max_value=2),
    st.integers(min_value=0, max_value=2),
)


def _moves(database: Database, world: ShipWorld) -> int:
    with database.unit_of_work(world.hq.clerk, read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(StockMove)) or 0


def _ship_customer(world: ShipWorld, warehouse, code: str, quantity: int):  # noqa: ANN001, ANN202
    data = CustomerShipmentInput(
        warehouse_id=warehouse,
        customer_id=world.customer_id,
        lines=(ShipLineInput(product_id=world.hq.products[code], quantity=Decimal(quantity)),),
    )
    return lambda uow, _p: ship_to_customer(uow, data)


def _ship_branch(world: ShipWorld, code: str, quantity: int):  # noqa: ANN202
    line = ShipLineInput(product_id=world.hq.products[code], quantity=Decimal(quantity))
    return lambda uow, _p: ship_to_branch(
        uow, warehouse_id=world.hq.warehouse_id, to_warehouse_id=world.branch_id, lines=[line]
    )


def _arrive(world: ShipWorld, shipment, delta: int, damaged: int):  # noqa: ANN001, ANN202
    lines = []
    for line in shipment.lines:
        received = max(line.quantity + delta, Decimal(0))
        broken = min(Decimal(damaged), received, line.quantity)
        lines.append(
            ReceivedLineInput(shipment_line_id=line.line_id, received=received, damaged=broken)
        )
    return lambda uow, _p: receive_shipment(
        uow, shipment.shipment_id, location_id=world.branch_shelf, lines=lines
    )


def _count(world: ShipWorld, delta: int):  # noqa: ANN202
    def operation(uow, _p):  # noqa: ANN001, ANN202
        count = stock_counts.create_count(uow, warehouse_id=world.hq.warehouse_id)
        lines = stock_counts.count_lines(uow, count.count_id)
        entries = [(ln.line_id, max((ln.snapshot_quantity or 0) + delta, 0)) for ln in lines]
        stock_counts.enter_counts(uow, count.count_id, entries)
        stock_counts.submit_count(uow, count.count_id)
        return count.count_id

    return operation


def _approve_and_post(count_id):  # noqa: ANN001, ANN202
    def operation(uow, _p):  # noqa: ANN001, ANN202
        stock_counts.approve_count(uow, count_id)
        return stock_counts.post_count(uow, count_id)

    return operation


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(_STEP, min_size=1, max_size=10))
def test_any_sequence_keeps_balances_equal_to_moves_and_settles_transit(
    database: Database, ship_world: ShipWorld, steps: list
) -> None:
    hq = ship_world.hq
    in_transit = []
    for kind, code, quantity, delta, damaged in steps:
        before = _moves(database, ship_world)
        try:
            if kind == "receive":
                hq.receive(database, code, str(quantity), batch=f"B{quantity % 2}")
            elif kind == "customer":
                database.run(hq.clerk, _ship_customer(ship_world, hq.warehouse_id, code, quantity))
            elif kind == "branch_sale":
                database.run(
                    hq.clerk, _ship_customer(ship_world, ship_world.branch_id, code, quantity)
                )
            elif kind == "branch":
                shipment, _ = database.run(hq.clerk, _ship_branch(ship_world, code, quantity))
                in_transit.append(shipment)
            elif kind == "arrive" and in_transit:
                database.run(hq.clerk, _arrive(ship_world, in_transit.pop(0), delta, damaged))
            elif kind == "count":
                count_id, _ = database.run(hq.clerk, _count(ship_world, delta))
                database.run(hq.manager, _approve_and_post(count_id))
        except ValidationFailed as refused:
            assert refused.params["rule"] == "short_stock"
            assert _moves(database, ship_world) == before
    with database.unit_of_work(hq.manager, read_only=True) as uow:
        assert stock_ledger.balance_mismatches(uow) == []
        holding = catalogue.list_locations(uow, hq.warehouse_id)
        places = [loc.location_id for loc in holding]
        places += [ship_world.branch_shelf, ship_world.branch_transit]
        for row in stock_ledger.balances(uow, location_ids=places, include_zero=True):
            assert row.quantity >= 0
        for receipt in uow.session.scalars(select(ShipmentReceipt)):
            into = uow.session.scalar(
                select(func.sum(StockMove.quantity)).where(
                    StockMove.document_id == receipt.shipment_id,
                    StockMove.to_location_id == ship_world.branch_transit,
                )
            )
            out = uow.session.scalar(
                select(func.sum(StockMove.quantity)).where(
                    StockMove.document_id == receipt.id,
                    StockMove.from_location_id == ship_world.branch_transit,
                )
            )
            assert into == out
