"""The delivery note (发货单) and the branch receipt note print Chinese text read back by pdftotext."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from lorch_desk.db.unit_of_work import Database
from lorch_desk.documents.delivery_notes import print_branch_receipt_note, print_delivery_note
from lorch_desk.domain.clock import clinic_today
from lorch_desk.services.shipment_picking import ShipLineInput
from lorch_desk.services.shipment_receipts import ReceivedLineInput, receive_shipment
from lorch_desk.services.shipments import CustomerShipmentInput, ship_to_branch, ship_to_customer
from tests.documents.samples import pdf_text
from tests.services.shipment_world import ShipWorld, ship_world_fixture  # noqa: F401


def test_a_customer_delivery_note_names_the_address_and_every_batch(
    database: Database, ship_world: ShipWorld, tmp_path: Path
) -> None:
    hq = ship_world.hq
    hq.receive(database, "VC", "3", batch="VC2401", expiry=clinic_today() + timedelta(days=90))
    hq.receive(database, "VC", "5", batch="VC2406", expiry=clinic_today() + timedelta(days=300))
    data = CustomerShipmentInput(
        warehouse_id=hq.warehouse_id,
        customer_id=ship_world.customer_id,
        lines=(ShipLineInput(product_id=hq.products["VC"], quantity="4"),),
        phone="13812345678",
    )
    detail, _ = database.run(hq.clerk, lambda uow, _p: ship_to_customer(uow, data))
    text = pdf_text(print_delivery_note(detail, tmp_path / "note.pdf"))
    for expected in (
        "发货单",
        detail.number,
        "北京市朝阳区建国路88号",
        "王丽",
        "维生素C片",
        "VC2401",
        "VC2406",
        "收货人签收",
    ):
        assert expected in text, expected


def test_a_branch_receipt_note_shows_the_discrepancy(
    database: Database, ship_world: ShipWorld, tmp_path: Path
) -> None:
    hq = ship_world.hq
    hq.receive(database, "VC", "6", batch="VC2406")
    line = ShipLineInput(product_id=hq.products["VC"], quantity="6")
    shipment, _ = database.run(
        hq.clerk,
        lambda uow, _p: ship_to_branch(
            uow, warehouse_id=hq.warehouse_id, to_warehouse_id=ship_world.branch_id, lines=[line]
        ),
    )
    assert "上海分中心库房" in pdf_text(print_delivery_note(shipment, tmp_path / "out.pdf"))
    got = ReceivedLineInput(
        shipment_line_id=shipment.lines[0].line_id, received="5", damaged="1", note="外箱破损"
    )
    receipt, _ = database.run(
        hq.clerk,
        lambda uow, _p: receive_shipment(
            uow, shipment.shipment_id, location_id=ship_world.branch_shelf, lines=[got]
        ),
    )
    text = pdf_text(print_branch_receipt_note(receipt, tmp_path / "in.pdf"))
    for expected in ("调拨签收单", shipment.number, "外箱破损", "-1", "差异行数"):
        assert expected in text, expected
