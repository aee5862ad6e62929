"""Purchase receipts (采购入库): direct and against an order, partial receipts, bad input."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.documents.warehouse_forms import print_receipt_note
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import PermissionDenied, StockDocumentState, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.purchasing import PurchaseReceipt
from lorch_desk.models.stock import StockMove
from lorch_desk.services import receipts, stock_ledger
from lorch_desk.services.receipts import OrderLineInput, ReceiptInput, ReceiptLineInput
from tests.documents.samples import embedded_fonts, pdf_text
from tests.services.stock_world import World, world_fixture  # noqa: F401

NEXT_YEAR = clinic_today() + timedelta(days=365)


def _order(database: Database, world: World) -> receipts.OrderSummary:
    lines = (
        OrderLineInput(product_id=world.products["VC"], quantity="100", unit_cost="35.00"),
        OrderLineInput(product_id=world.products["HQ"], quantity="5000", unit_cost="0.12"),
    )
    order, _ = database.run(
        world.clerk,
        lambda uow, _p: receipts.create_purchase_order(
            uow, supplier_id=world.supplier_id, warehouse_id=world.warehouse_id, lines=lines
        ),
    )
    return order


def _receive(database: Database, world: World, data: ReceiptInput) -> receipts.ReceiptDetail:
    detail, _ = database.run(world.clerk, lambda uow, _p: receipts.receive(uow, data))
    return detail


def _lines_of(database: Database, world: World, order_id) -> dict:  # noqa: ANN001
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return {line.product_code: line for line in receipts.order_lines(uow, order_id)}


def test_an_order_is_received_in_two_parts_and_then_closed(
    database: Database, world: World
) -> None:
    order = _order(database, world)
    lines = _lines_of(database, world, order.order_id)
    first = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_a,
        purchase_order_id=order.order_id,
        lines=(
            ReceiptLineInput(
                product_id=world.products["VC"],
                batch="VC2601",
                expiry=NEXT_YEAR,
                quantity="60",
                unit_cost="35.00",
                order_line_id=lines["VC"].order_line_id,
            ),
        ),
    )
    detail = _receive(database, world, first)
    assert detail.order_number == order.number
    assert detail.total == Decimal("2100.00")
    after_first = _lines_of(database, world, order.order_id)
    assert after_first["VC"].outstanding == Decimal("40")
    assert after_first["HQ"].outstanding == Decimal("5000")
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert [o.status for o in receipts.list_open_orders(uow, world.warehouse_id)] == [
            "partially_received"
        ]
    rest = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_a,
        purchase_order_id=order.order_id,
        lines=(
            ReceiptLineInput(
                product_id=world.products["VC"],
                batch="VC2602",
                expiry=NEXT_YEAR,
                quantity="40",
                unit_cost="35.00",
                order_line_id=lines["VC"].order_line_id,
            ),
            ReceiptLineInput(
                product_id=world.products["HQ"],
                batch="HQ-23",
                expiry=NEXT_YEAR,
                quantity="5000",
                unit_cost="0.12",
                order_line_id=lines["HQ"].order_line_id,
            ),
        ),
    )
    _receive(database, world, rest)
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert receipts.list_open_orders(uow, world.warehouse_id) == []
        assert stock_ledger.product_quantity(uow, world.products["VC"], [world.shelf_a]) == 100
        assert [b.batch for b in stock_ledger.balances(uow, product_id=world.products["VC"])] == [
            "VC2601",
            "VC2602",
        ]
    with pytest.raises(StockDocumentState):
        _receive(database, world, rest)


def test_receiving_more_than_ordered_is_refused_and_writes_nothing(
    database: Database, world: World, count_rows
) -> None:  # noqa: ANN001
    order = _order(database, world)
    line = _lines_of(database, world, order.order_id)["VC"]
    data = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_a,
        purchase_order_id=order.order_id,
        lines=(
            ReceiptLineInput(
                product_id=world.products["VC"],
                batch="X",
                expiry=NEXT_YEAR,
                quantity="101",
                unit_cost="35",
                order_line_id=line.order_line_id,
            ),
        ),
    )
    with pytest.raises(ValidationFailed) as refused:
        _receive(database, world, data)
    assert refused.value.params["rule"] == "over_receipt"
    assert count_rows(PurchaseReceipt) == 0
    assert count_rows(StockMove) == 0


@pytest.mark.parametrize(
    ("change", "field", "rule"),
    [
        ({"quantity": "-3"}, "quantity", "minimum"),
        ({"quantity": "0"}, "quantity", "positive"),
        ({"quantity": "三"}, "quantity", "number"),
        ({"batch": " "}, "batch", "required"),
        ({"expiry": None}, "expiry", "required"),
        ({"expiry": clinic_today() - timedelta(days=1)}, "expiry", "expired"),
        ({"unit_cost": "abc"}, "unit_cost", "number"),
    ],
)
def test_bad_lines_are_refused_with_the_field_and_nothing_is_written(
    database: Database, world: World, count_rows, change: dict, field: str, rule: str
) -> None:  # noqa: ANN001
    values = {
        "product_id": world.products["VC"],
        "batch": "B1",
        "expiry": NEXT_YEAR,
        "quantity": "5",
        "unit_cost": "35",
    } | change
    data = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_a,
        lines=(ReceiptLineInput(**values),),
    )
    with pytest.raises(ValidationFailed) as refused:
        _receive(database, world, data)
    assert (refused.value.field, refused.value.params["rule"]) == (field, rule)
    assert count_rows(StockMove) == 0


def test_a_consumable_needs_no_expiry_and_receptionists_may_not_receive(
    database: Database, world: World, actor_for
) -> None:  # noqa: ANN001
    data = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_b,
        lines=(
            ReceiptLineInput(
                product_id=world.products["GZ"],
                batch="G1",
                expiry=None,
                quantity="20",
                unit_cost="4.5",
            ),
        ),
    )
    with pytest.raises(PermissionDenied):
        database.run(actor_for(Role.RECEPTIONIST), lambda uow, _p: receipts.receive(uow, data))
    assert _receive(database, world, data).lines[0].expiry is None


def test_the_receipt_note_prints_in_chinese_with_lines_and_total(
    database: Database, world: World, tmp_path: Path
) -> None:
    data = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_a,
        notes="冷链到货",
        lines=(
            ReceiptLineInput(
                product_id=world.products["HQ"],
                batch="HQ-2311",
                expiry=NEXT_YEAR,
                quantity="2500",
                unit_cost="0.12",
            ),
            ReceiptLineInput(
                product_id=world.products["VC"],
                batch="VC2601",
                expiry=NEXT_YEAR,
                quantity="12",
                unit_cost="35.00",
            ),
        ),
    )
    detail = _receive(database, world, data)
    pdf = print_receipt_note(detail, tmp_path / "入库单.pdf")
    text = pdf_text(pdf)
    for expected in (
        "采购入库单",
        detail.number,
        "国药控股北京有限公司",
        "黄芪",
        "HQ-2311",
        "2500",
        "维生素C片",
        "720.00",
        "合计金额",
        "¥720.00",
        "冷链到货",
        "验收人",
        "直接入库",
    ):
        assert expected in text, expected
    assert all(emb == "yes" for _name, emb in embedded_fonts(pdf))
