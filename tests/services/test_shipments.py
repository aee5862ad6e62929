"""Shipments to customers (address, batches, FEFO) and to branches (transit), and their receipt."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import (
    PermissionDenied,
    ShipmentAlreadyReceived,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Role
from lorch_desk.models.shipments import Shipment, ShipmentLine, ShipmentReceipt
from lorch_desk.models.stock import StockMove
from lorch_desk.services import stock_ledger
from lorch_desk.services.shipment_picking import ShipLineInput
from lorch_desk.services.shipment_receipts import ReceivedLineInput, receive_shipment
from lorch_desk.services.shipments import (
    CustomerShipmentInput,
    ShipmentKind,
    ship_to_branch,
    ship_to_customer,
)
from tests.services.shipment_world import ShipWorld, ship_world_fixture  # noqa: F401


def _two_batches(database: Database, world: ShipWorld) -> None:
    hq = world.hq
    hq.receive(database, "VC", "5", batch="LATE", expiry=clinic_today() + timedelta(days=400))
    hq.receive(database, "VC", "4", batch="SOON", expiry=clinic_today() + timedelta(days=40))


def _to_customer(database: Database, world: ShipWorld, *lines: ShipLineInput, address: str = ""):  # noqa: ANN202
    data = CustomerShipmentInput(
        warehouse_id=world.hq.warehouse_id,
        customer_id=world.customer_id,
        lines=lines,
        address=address,
        phone="13812345678",
    )
    detail, _ = database.run(world.hq.clerk, lambda uow, _p: ship_to_customer(uow, data))
    return detail


def test_a_customer_shipment_takes_the_earliest_expiry_first_and_records_every_batch(
    database: Database, ship_world: ShipWorld
) -> None:
    _two_batches(database, ship_world)
    detail = _to_customer(
        database, ship_world, ShipLineInput(product_id=ship_world.hq.products["VC"], quantity="6")
    )
    assert detail.kind is ShipmentKind.CUSTOMER
    assert detail.destination == "王丽"
    assert detail.address == "北京市朝阳区建国路88号"  # the customer's own address by default
    assert [(ln.batch, ln.quantity) for ln in detail.lines] == [("SOON", 4), ("LATE", 2)]
    assert ship_world.quantity(database, "VC", ship_world.hq.shelf_a) == Decimal(3)
    with database.unit_of_work(ship_world.hq.clerk, read_only=True) as uow:
        moves = uow.session.query(StockMove).filter_by(document_id=detail.shipment_id).all()
        assert sorted(m.batch for m in moves) == ["LATE", "SOON"]
        assert stock_ledger.balance_mismatches(uow) == []


def test_the_clerk_may_name_the_batch(database: Database, ship_world: ShipWorld) -> None:
    _two_batches(database, ship_world)
    line = ShipLineInput(product_id=ship_world.hq.products["VC"], quantity="2", batch="LATE")
    detail = _to_customer(database, ship_world, line, address="上海市徐汇区漕溪北路1号")
    assert [(ln.batch, ln.quantity) for ln in detail.lines] == [("LATE", 2)]
    assert detail.address == "上海市徐汇区漕溪北路1号"


def test_short_stock_an_expired_batch_and_a_bad_quantity_are_refused_and_nothing_is_written(
    database: Database, ship_world: ShipWorld, count_rows
) -> None:  # noqa: ANN001
    _two_batches(database, ship_world)
    vc = ship_world.hq.products["VC"]
    for line, rule in (
        (ShipLineInput(product_id=vc, quantity="10"), "short_stock"),
        (ShipLineInput(product_id=vc, quantity="abc"), "number"),
        (ShipLineInput(product_id=vc, quantity="-1"), "minimum"),
        (ShipLineInput(product_id=vc, quantity="1", batch="NOPE"), "short_stock"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            _to_customer(database, ship_world, line)
        assert refused.value.params["rule"] == rule
    with pytest.raises(ValidationFailed) as refused:
        _to_customer(
            database,
            ship_world,
            ShipLineInput(product_id=vc, quantity="3"),
            ShipLineInput(product_id=vc, quantity="7"),
        )
    assert refused.value.params["available"] == "6"
    assert count_rows(Shipment) == 0 and count_rows(ShipmentLine) == 0
    assert ship_world.quantity(database, "VC", ship_world.hq.shelf_a) == Decimal(9)


def test_an_expired_batch_named_by_the_clerk_is_refused(
    database: Database, ship_world: ShipWorld
) -> None:
    ship_world.hq.receive(
        database, "GZ", "5", batch="OLD", expiry=clinic_today() + timedelta(days=1)
    )
    line = ShipLineInput(product_id=ship_world.hq.products["GZ"], quantity="1", batch="OLD")

    def ship_later(uow, _p):  # noqa: ANN001, ANN202
        data = CustomerShipmentInput(
            warehouse_id=ship_world.hq.warehouse_id,
            customer_id=ship_world.customer_id,
            lines=(line,),
        )
        from lorch_desk.models.base import utc_now

        return ship_to_customer(uow, data, now=utc_now() + timedelta(days=3))

    with pytest.raises(ValidationFailed) as refused:
        database.run(ship_world.hq.clerk, ship_later)
    assert refused.value.params["rule"] == "expired"


def test_a_receptionist_may_not_ship(database: Database, ship_world: ShipWorld, actor_for) -> None:  # noqa: ANN001
    _two_batches(database, ship_world)
    data = CustomerShipmentInput(
        warehouse_id=ship_world.hq.warehouse_id,
        customer_id=ship_world.customer_id,
        lines=(ShipLineInput(product_id=ship_world.hq.products["VC"], quantity="1"),),
    )
    with pytest.raises(PermissionDenied):
        database.run(actor_for(Role.RECEPTIONIST), lambda uow, _p: ship_to_customer(uow, data))


def _to_branch(database: Database, world: ShipWorld, quantity: str = "6"):  # noqa: ANN202
    line = ShipLineInput(product_id=world.hq.products["VC"], quantity=quantity)
    detail, _ = database.run(
        world.hq.clerk,
        lambda uow, _p: ship_to_branch(
            uow, warehouse_id=world.hq.warehouse_id, to_warehouse_id=world.branch_id, lines=[line]
        ),
    )
    return detail


def test_a_branch_shipment_puts_the_goods_in_transit_until_the_branch_receives_them(
    database: Database, ship_world: ShipWorld
) -> None:
    _two_batches(database, ship_world)
    detail = _to_branch(database, ship_world)
    assert detail.destination == "上海分中心库房"
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(6)
    assert ship_world.quantity(database, "VC", ship_world.branch_shelf) == Decimal(0)
    receipt, _ = database.run(
        ship_world.hq.clerk,
        lambda uow, _p: receive_shipment(
            uow, detail.shipment_id, location_id=ship_world.branch_shelf
        ),
    )
    assert receipt.discrepancies == ()
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(0)
    assert ship_world.quantity(database, "VC", ship_world.branch_shelf) == Decimal(6)
    with pytest.raises(ShipmentAlreadyReceived):
        database.run(
            ship_world.hq.clerk,
            lambda uow, _p: receive_shipment(
                uow, detail.shipment_id, location_id=ship_world.branch_shelf
            ),
        )


def test_a_receipt_with_shortage_damage_and_surplus_settles_transit_and_keeps_the_lines(
    database: Database, ship_world: ShipWorld
) -> None:
    _two_batches(database, ship_world)
    detail = _to_branch(database, ship_world, "9")  # SOON 4 + LATE 5
    soon, late = (next(ln for ln in detail.lines if ln.batch == b) for b in ("SOON", "LATE"))
    lines = [
        ReceivedLineInput(
            shipment_line_id=soon.line_id, received="3", damaged="1", note="少1瓶，破1瓶"
        ),
        ReceivedLineInput(shipment_line_id=late.line_id, received="6"),
    ]
    receipt, _ = database.run(
        ship_world.hq.clerk,
        lambda uow, _p: receive_shipment(
            uow, detail.shipment_id, location_id=ship_world.branch_shelf, lines=lines
        ),
    )
    by_batch = {ln.batch: ln for ln in receipt.discrepancies}
    assert by_batch["SOON"].difference == -1 and by_batch["SOON"].damaged == 1
    assert by_batch["LATE"].difference == 1
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(0)
    assert ship_world.quantity(database, "VC", ship_world.branch_shelf) == Decimal(2 + 6)
    assert ship_world.quantity(database, "VC", ship_world.branch_scrap) == Decimal(1)
    # One bottle lost, one extra found: the loss location nets to zero for this product.
    assert ship_world.quantity(database, "VC", ship_world.branch_loss) == Decimal(0)
    with database.unit_of_work(ship_world.hq.clerk, read_only=True) as uow:
        assert stock_ledger.balance_mismatches(uow) == []


def test_more_damaged_than_received_is_refused_and_nothing_is_written(
    database: Database, ship_world: ShipWorld, count_rows
) -> None:  # noqa: ANN001
    _two_batches(database, ship_world)
    detail = _to_branch(database, ship_world, "2")
    line = ReceivedLineInput(shipment_line_id=detail.lines[0].line_id, received="1", damaged="2")
    with pytest.raises(ValidationFailed) as refused:
        database.run(
            ship_world.hq.clerk,
            lambda uow, _p: receive_shipment(
                uow, detail.shipment_id, location_id=ship_world.branch_shelf, lines=[line]
            ),
        )
    assert refused.value.params["rule"] == "damaged_over_received"
    assert count_rows(ShipmentReceipt) == 0
    # The central warehouse's own shelf is not a place this branch receives into.
    with pytest.raises(ValidationFailed):
        database.run(
            ship_world.hq.clerk,
            lambda uow, _p: receive_shipment(
                uow, detail.shipment_id, location_id=ship_world.hq.shelf_a
            ),
        )
