"""Shipments, requisitions and the purchase suggestion in the warehouse tab, driven like a clerk."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.requisitions import RequisitionState
from lorch_desk.models.shipments import Shipment
from lorch_desk.services import report_catalogue, requisitions
from lorch_desk.services.node_setup import NodeIdentity
from lorch_desk.ui.roles.warehouse.warehouse_tab import WarehouseTabWidget
from tests.documents.samples import pdf_text
from tests.services.shipment_world import ShipWorld, build_ship_world
from tests.ui.conftest import open_tab, wait_idle


@pytest.fixture()
def ship_world(database: Database, node: NodeIdentity, actor_for) -> ShipWorld:  # noqa: ANN001
    return build_ship_world(database, node, actor_for)


def _scan(widget, code: str) -> None:  # noqa: ANN001
    widget.setFocus()
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def _tab(qtbot, ui_context, actor, warehouse: str = "北京总库房") -> WarehouseTabWidget:  # noqa: ANN001
    tab = open_tab(qtbot, WarehouseTabWidget, ui_context(actor=actor))
    tab.warehouse_combo.setCurrentIndex(tab.warehouse_combo.findText(warehouse))
    wait_idle(qtbot, tab._context.tasks)
    assert tab.warehouse_combo.currentText() == warehouse
    return tab


def test_a_customer_shipment_is_typed_shipped_fefo_and_its_delivery_note_printed(
    qtbot, ui_context, database: Database, ship_world: ShipWorld, tmp_path: Path
) -> None:  # noqa: ANN001
    ship_world.hq.receive(database, "VC", "10", batch="VC01")
    tab = _tab(qtbot, ui_context, ship_world.hq.clerk)
    page = tab.shipment_page
    tab.pages.setCurrentWidget(page)
    # Shipping without a customer is stopped with a message.
    _scan(page.form.code_edit, "69VC0001")
    wait_idle(qtbot, tab._context.tasks)
    assert page.form.quantity_edit.hasFocus()
    QTest.keyClicks(page.form.quantity_edit, "3")
    QTest.keyClick(page.form.quantity_edit, Qt.Key.Key_Return)
    assert page.form.lines_model.rowCount() == 1 and page.form.code_edit.hasFocus()
    QTest.mouseClick(page.form.ship_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert page.status.text() == "Choose the customer first."
    QTest.keyClicks(page.form.picker.query, "5678")
    page.form.picker.search_now()
    wait_idle(qtbot, tab._context.tasks)
    QTest.keyClick(page.form.picker.query, Qt.Key.Key_Return)
    assert "王丽" in page.form.customer_label.text()
    QTest.mouseClick(page.form.ship_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert "VC01 ×3" in page.status.text()
    assert page.form.lines_model.rowCount() == 0
    assert page.shipments_model.rowCount() == 1
    assert ship_world.quantity(database, "VC", ship_world.hq.shelf_a) == Decimal(7)
    with database.unit_of_work(ship_world.hq.clerk, read_only=True) as uow:
        stored = uow.session.scalars(select(Shipment)).one()
        assert (
            stored.address == "北京市朝阳区建国路88号"
            and stored.customer_id == ship_world.customer_id
        )
    page.print_note(page.shipments_model.row_at(0), tmp_path / "note.pdf")
    wait_idle(qtbot, tab._context.tasks)
    assert "建国路88号" in pdf_text(tmp_path / "note.pdf")


def test_a_branch_shipment_beyond_the_stock_is_refused_then_shipped_and_received(
    qtbot, ui_context, database: Database, ship_world: ShipWorld, tmp_path: Path
) -> None:  # noqa: ANN001
    ship_world.hq.receive(database, "VC", "2")
    tab = _tab(qtbot, ui_context, ship_world.hq.clerk)
    page = tab.shipment_page
    tab.pages.setCurrentWidget(page)
    page.form.kind_combo.setCurrentIndex(1)  # to a branch
    assert page.form.branch_combo.currentText() == "上海分中心库房"
    _scan(page.form.code_edit, "69VC0001")
    wait_idle(qtbot, tab._context.tasks)
    QTest.keyClicks(page.form.quantity_edit, "5")
    QTest.keyClick(page.form.quantity_edit, Qt.Key.Key_Return)
    QTest.mouseClick(page.form.ship_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert "维生素C片" in page.status.text() and "2" in page.status.text()
    assert page.form.lines_model.rowCount() == 1  # kept, so the clerk can correct it
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(0)
    # The clerk ships what there is; the branch receives it with one bottle broken.
    page.form.lines_view.selectRow(0)
    QTest.mouseClick(page.form.remove_button, Qt.MouseButton.LeftButton)
    _scan(page.form.code_edit, "69VC0001")
    wait_idle(qtbot, tab._context.tasks)
    QTest.keyClicks(page.form.quantity_edit, "2")
    QTest.keyClick(page.form.quantity_edit, Qt.Key.Key_Return)
    QTest.mouseClick(page.form.ship_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(2)
    assert page.shipments_model.row_at(0).received is False
    page.shipments_view.selectRow(0)
    assert not page.receive_box.isVisible()  # not this warehouse's to receive
    tab.warehouse_combo.setCurrentIndex(tab.warehouse_combo.findText("上海分中心库房"))
    wait_idle(qtbot, tab._context.tasks)
    page.shipments_view.selectRow(0)
    wait_idle(qtbot, tab._context.tasks)
    assert page.receive_box.isVisible()
    page.receive_box.set_cell(0, 4, "1")
    page.receive_box.receive()  # the clerk confirmed the discrepancy
    wait_idle(qtbot, tab._context.tasks)
    assert ship_world.quantity(database, "VC", ship_world.branch_shelf) == Decimal(1)
    assert ship_world.quantity(database, "VC", ship_world.branch_scrap) == Decimal(1)
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(0)
    assert not page.receive_box.isVisible()
    page.shipments_view.selectRow(0)
    page.print_receipt_note(page.shipments_model.row_at(0), tmp_path / "in.pdf")
    wait_idle(qtbot, tab._context.tasks)
    assert "调拨签收单" in pdf_text(tmp_path / "in.pdf")


def test_a_requisition_is_requested_approved_shipped_and_received_with_a_shortage(
    qtbot, ui_context, database: Database, ship_world: ShipWorld
) -> None:  # noqa: ANN001
    hq = ship_world.hq
    hq.receive(database, "VC", "20")
    branch_tab = _tab(qtbot, ui_context, hq.clerk, "上海分中心库房")
    page = branch_tab.requisition_page
    branch_tab.pages.setCurrentWidget(page)
    assert page.request_box.isVisible()
    assert not page.approve_button.isVisible()
    _scan(page.code_edit, "69VC0001")
    wait_idle(qtbot, branch_tab._context.tasks)
    QTest.keyClicks(page.quantity_edit, "5")
    QTest.keyClick(page.quantity_edit, Qt.Key.Key_Return)
    assert "维生素C片 5瓶" in page.pending_label.text()
    QTest.mouseClick(page.request_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, branch_tab._context.tasks)
    assert page.list_model.rowCount() == 1
    number = page.list_model.row_at(0).number
    # Shipping before approval is refused with the order of the steps.
    page.list_view.selectRow(0)
    QTest.mouseClick(page.ship_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, branch_tab._context.tasks)
    assert number in page.status.text()

    manager_tab = _tab(qtbot, ui_context, hq.manager)
    manager_page = manager_tab.requisition_page
    assert not manager_page.request_box.isVisible()  # the central warehouse does not requisition
    manager_page.list_view.selectRow(0)
    QTest.mouseClick(manager_page.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, manager_tab._context.tasks)
    central_tab = _tab(qtbot, ui_context, hq.clerk)
    central_page = central_tab.requisition_page
    central_page.list_view.selectRow(0)
    QTest.mouseClick(central_page.ship_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, central_tab._context.tasks)
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(5)

    page.reload()
    wait_idle(qtbot, branch_tab._context.tasks)
    page.list_view.selectRow(0)
    wait_idle(qtbot, branch_tab._context.tasks)
    box = page.receive_box
    assert box.isVisible() and box.table.rowCount() == 1
    box.set_cell(0, 3, "4")
    box.set_cell(0, 5, "少一瓶")
    box.receive()  # the clerk confirmed the discrepancy
    wait_idle(qtbot, branch_tab._context.tasks)
    assert "1" in page.status.text()
    assert ship_world.quantity(database, "VC", ship_world.branch_shelf) == Decimal(4)
    assert ship_world.quantity(database, "VC", ship_world.branch_transit) == Decimal(0)
    with database.unit_of_work(hq.clerk, read_only=True) as uow:
        (row,) = requisitions.list_requisitions(uow, ship_world.branch_id)
    assert row.state is RequisitionState.RECEIVED


def test_the_purchase_suggestion_is_shown_and_exported(
    qtbot, ui_context, database: Database, ship_world: ShipWorld, tmp_path: Path
) -> None:  # noqa: ANN001
    report_catalogue.load_all()
    ship_world.hq.receive(database, "VC", "5")
    tab = _tab(qtbot, ui_context, ship_world.hq.manager)
    page = tab.suggestion_page
    tab.pages.setCurrentWidget(page)
    shown = {page.model.row_at(i).code: page.model.row_at(i) for i in range(page.model.rowCount())}
    assert shown["VC"].suggested == Decimal(15)  # reorder point 20 - 5 in stock
    page.export_to(tmp_path / "采购建议.xlsx", "xlsx")
    wait_idle(qtbot, tab._context.tasks)
    sheet = load_workbook(tmp_path / "采购建议.xlsx").active
    assert "维生素C片" in [cell for row in sheet.iter_rows(values_only=True) for cell in row]
