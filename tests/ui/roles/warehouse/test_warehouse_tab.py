"""The warehouse tab driven like a clerk: scanner input, receipts, counts, destruction."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.stock_count import CountStatus
from lorch_desk.services import stock_counts, stock_ledger
from lorch_desk.services.node_setup import NodeIdentity
from lorch_desk.ui.roles.warehouse.warehouse_tab import WarehouseTabWidget
from tests.documents.samples import pdf_text
from tests.services.stock_world import World, build_world
from tests.ui.conftest import open_tab, wait_idle


@pytest.fixture()
def world(database: Database, node: NodeIdentity, actor_for) -> World:  # noqa: ANN001
    return build_world(database, node, actor_for)


def _scan(qtbot, widget, code: str) -> None:  # noqa: ANN001
    """A barcode scanner: the code's keys, then Enter."""
    widget.setFocus()
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def _tab(qtbot, ui_context, world: World, role_actor) -> WarehouseTabWidget:  # noqa: ANN001
    context = ui_context(actor=role_actor)
    tab = open_tab(qtbot, WarehouseTabWidget, context)
    assert tab.warehouse_combo.currentText() == "北京总库房"
    return tab


def _on_hand(database: Database, world: World, code: str) -> Decimal:
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return stock_ledger.product_quantity(
            uow, world.products[code], [world.shelf_a, world.shelf_b]
        )


def test_a_receipt_is_typed_from_the_keyboard_saved_and_printed(
    qtbot, ui_context, database: Database, world: World, tmp_path: Path
) -> None:  # noqa: ANN001
    tab = _tab(qtbot, ui_context, world, world.clerk)
    page = tab.receipt_page
    tab.pages.setCurrentWidget(page)
    _scan(qtbot, page.code_edit, "69HQ0001")
    wait_idle(qtbot, tab._context.tasks)
    assert "黄芪" in page.product_label.text()
    assert page.batch_edit.hasFocus()
    QTest.keyClicks(page.batch_edit, "HQ2311")
    QTest.keyClick(page.batch_edit, Qt.Key.Key_Return)
    page.quantity_edit.setFocus()
    QTest.keyClicks(page.quantity_edit, "2500")
    QTest.keyClick(page.quantity_edit, Qt.Key.Key_Return)
    assert page.cost_edit.hasFocus()
    page.cost_edit.selectAll()
    QTest.keyClicks(page.cost_edit, "0.12")
    QTest.keyClick(page.cost_edit, Qt.Key.Key_Return)
    assert page.lines_model.rowCount() == 1
    assert page.code_edit.hasFocus()
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert "¥300.00" in page.status.text()
    assert _on_hand(database, world, "HQ") == Decimal("2500")
    assert page.receipts_model.rowCount() == 1
    page.print_note(page.receipts_model.row_at(0), tmp_path / "note.pdf")
    wait_idle(qtbot, tab._context.tasks)
    assert "HQ2311" in pdf_text(tmp_path / "note.pdf")


def test_an_unknown_barcode_is_said_and_the_cursor_stays_in_the_code_field(
    qtbot, ui_context, world: World
) -> None:  # noqa: ANN001
    tab = _tab(qtbot, ui_context, world, world.clerk)
    page = tab.receipt_page
    _scan(qtbot, page.code_edit, "0000000")
    wait_idle(qtbot, tab._context.tasks)
    assert "0000000" in page.status.text() or page.status.text()
    assert page.code_edit.hasFocus()


def test_a_count_is_scanned_submitted_approved_and_posted(
    qtbot, ui_context, database: Database, world: World
) -> None:  # noqa: ANN001
    world.receive(database, "VC", "12")
    world.receive(database, "HQ", "500", location=world.shelf_b)
    clerk_tab = _tab(qtbot, ui_context, world, world.clerk)
    page = clerk_tab.count_page
    clerk_tab.pages.setCurrentWidget(page)
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_tab._context.tasks)
    assert page.counts_model.rowCount() == 1
    assert page.lines_model.rowCount() == 2
    # The scanner reads the vitamin C: its line is selected and the cursor is in the quantity.
    _scan(qtbot, page.scan_edit, "69VC0001")
    wait_idle(qtbot, clerk_tab._context.tasks)
    assert page.quantity_edit.hasFocus()
    assert "维生素C片" in page.line_label.text()
    QTest.keyClicks(page.quantity_edit, "11")
    QTest.keyClick(page.quantity_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_tab._context.tasks)
    assert page.scan_edit.hasFocus()
    # A product not in this count: a clear message, the cursor stays for the next scan.
    _scan(qtbot, page.scan_edit, "69GZ0001")
    wait_idle(qtbot, clerk_tab._context.tasks)
    assert "医用纱布" in page.status.text()
    assert page.scan_edit.hasFocus()
    # A quantity that is not a number is refused and the cursor stays in the quantity.
    page.scan_edit.clear()
    _scan(qtbot, page.scan_edit, "HQ")
    wait_idle(qtbot, clerk_tab._context.tasks)
    QTest.keyClicks(page.quantity_edit, "abc")
    QTest.keyClick(page.quantity_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_tab._context.tasks)
    assert page.quantity_edit.hasFocus()
    page.quantity_edit.clear()
    QTest.keyClicks(page.quantity_edit, "500")
    QTest.keyClick(page.quantity_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_tab._context.tasks)
    QTest.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_tab._context.tasks)
    assert not page.approve_button.isVisible()
    count_id = page.counts_model.row_at(0).count_id

    manager_tab = _tab(qtbot, ui_context, world, world.manager)
    manager_page = manager_tab.count_page
    manager_tab.pages.setCurrentWidget(manager_page)
    wait_idle(qtbot, manager_tab._context.tasks)
    assert manager_page.approve_button.isEnabled()
    assert "-35.00" in manager_page.summary_label.text()
    QTest.mouseClick(manager_page.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, manager_tab._context.tasks)
    manager_page.post()
    wait_idle(qtbot, manager_tab._context.tasks)
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert stock_counts.count_summary(uow, count_id).status is CountStatus.POSTED
    assert _on_hand(database, world, "VC") == Decimal("11")


def test_a_destruction_is_requested_approved_and_destroyed_before_a_witness(
    qtbot, ui_context, database: Database, world: World, tmp_path: Path
) -> None:  # noqa: ANN001
    world.receive(database, "VC", "10")
    tab = _tab(qtbot, ui_context, world, world.clerk)
    page = tab.destruction_page
    tab.pages.setCurrentWidget(page)
    _scan(qtbot, page.code_edit, "VC")
    wait_idle(qtbot, tab._context.tasks)
    assert page.batch_combo.count() == 1
    assert page.quantity_edit.hasFocus()
    QTest.keyClicks(page.quantity_edit, "3")
    QTest.keyClick(page.quantity_edit, Qt.Key.Key_Return)
    page.reason_combo.setCurrentIndex(1)
    QTest.mouseClick(page.request_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert page.list_model.rowCount() == 1
    assert not page.approve_button.isVisible()

    manager_tab = _tab(qtbot, ui_context, world, world.manager)
    manager_page = manager_tab.destruction_page
    manager_page.list_view.selectRow(0)
    QTest.mouseClick(manager_page.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, manager_tab._context.tasks)

    # The clerk's screen learns of the approval when it reads the list again.
    page.reload()
    wait_idle(qtbot, tab._context.tasks)
    page.list_view.selectRow(0)
    assert page.destroy_button.isEnabled()
    QTest.keyClicks(page.witness_edit, "wangli")
    page.destroy()
    wait_idle(qtbot, tab._context.tasks)
    assert _on_hand(database, world, "VC") == Decimal("7")
    page.list_view.selectRow(0)
    page.print_record(page.list_model.row_at(0), tmp_path / "record.pdf")
    wait_idle(qtbot, tab._context.tasks)
    assert "wangli" in pdf_text(tmp_path / "record.pdf")


def test_the_stock_page_lists_batches_and_a_receptionist_has_no_warehouse_tab(
    qtbot, ui_context, database: Database, world: World, actor_for
) -> None:  # noqa: ANN001
    from lorch_desk.ui.roles.registry import tabs_for

    world.receive(database, "VC", "12")
    tab = _tab(qtbot, ui_context, world, world.clerk)
    assert tab.stock_page.model.rowCount() == 1
    assert "¥" in tab.stock_page.total_label.text()
    assert "warehouse" in [t.key for t in tabs_for(world.clerk)]
    assert "warehouse" not in [t.key for t in tabs_for(actor_for(Role.RECEPTIONIST))]


def test_the_pharmacist_dispenses_a_prescription_from_the_queue(
    qtbot, ui_context, database: Database, world: World, actor_for
) -> None:  # noqa: ANN001
    from lorch_desk.domain.prescriptions import PrescriptionKind
    from lorch_desk.services import prescriptions
    from lorch_desk.services.prescriptions import PrescriptionInput, PrescriptionLineInput
    from tests.services.consultant_clinic import ConsultantClinic

    world.receive(database, "HQ", "500", batch="H1")
    clinic = ConsultantClinic(database, actor_for)
    doctor = clinic.hire("张伟", Role.DOCTOR)
    data = PrescriptionInput(
        kind=PrescriptionKind.TCM,
        doses=5,
        lines=[PrescriptionLineInput(product_id=world.products["HQ"], grams_per_dose=Decimal(20))],
    )
    draft = clinic.run(
        doctor,
        prescriptions.save_prescription,
        customer_id=clinic.register("王芳"),
        arrival_id=None,
        data=data,
    )
    clinic.run(doctor, prescriptions.sign_prescription, prescription_id=draft.id)
    tab = _tab(qtbot, ui_context, world, actor_for(Role.PHARMACIST, "刘洋"))
    page = tab.dispensing_page
    assert page is not None
    tab.pages.setCurrentWidget(page)
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    QTest.mouseClick(page.dispense_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert "H1" in page.result_label.text() and "100/100" in page.result_label.text()
    assert _on_hand(database, world, "HQ") == Decimal("400")
    assert page.model.rowCount() == 0
    # Warehouse clerks keep stock but do not dispense.
    assert _tab(qtbot, ui_context, world, world.clerk).dispensing_page is None
