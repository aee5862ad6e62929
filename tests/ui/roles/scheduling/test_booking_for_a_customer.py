"""Booking for an existing customer: the receptionist finds the file by typing in the dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.customers import Gender
from lorch_desk.services import appointments
from lorch_desk.ui.roles.scheduling.appointments_tab import AppointmentsTabWidget
from tests.services.scheduling_desk import (  # noqa: F401 - fixtures
    SchedulingDesk,
    database_path,
    desk_at,
    scheduling_template,
)
from tests.ui.conftest import open_tab, type_text, wait_idle

TEN_O_CLOCK_SLOT = 4


@pytest.fixture()
def desk(database, node) -> SchedulingDesk:  # noqa: ANN001
    return desk_at(database, node)


def _open_booking(qtbot, ui_context, desk: SchedulingDesk):  # noqa: ANN001, ANN202
    context = ui_context(actor=desk.receptionist, language="en")
    tab = open_tab(qtbot, AppointmentsTabWidget, context)
    tomorrow = clinic_today() + timedelta(days=1)
    tab.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    wait_idle(qtbot, context.tasks)
    tab.grid.setFocus()
    tab.grid.setCurrentCell(TEN_O_CLOCK_SLOT, 0)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Return)
    return tab, context, tomorrow, tab.dialog


def test_a_receptionist_books_for_a_customer_found_by_mobile_tail(
    qtbot, ui_context, desk: SchedulingDesk
) -> None:
    desk.register("赵敏", Gender.FEMALE)
    customer_id = desk.register("钱红", Gender.FEMALE)
    tab, context, tomorrow, dialog = _open_booking(qtbot, ui_context, desk)
    assert dialog.customer_box is not None
    assert dialog.customer_box.customer_label.text() == "No customer file chosen: booking a lead."
    type_text(dialog.customer_box.picker.query, "0002")
    dialog.customer_box.picker.search_now()
    wait_idle(qtbot, context.tasks)
    assert dialog.customer_box.picker.results.count() == 1
    assert dialog.customer_box.picker.results.item(0).text().startswith("钱红  ·  ****0002")

    # Enter picks the file; the same Enter does not book yet.
    qtbot.keyClick(dialog.customer_box.picker.query, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    assert dialog.isVisible()
    assert dialog.customer_box.customer_label.text().startswith("Customer file: 钱红  ·  ****0002")
    assert dialog.name_edit.text() == "钱红" and not dialog.name_edit.isEnabled()
    assert not dialog.mobile_edit.isEnabled()
    type_text(dialog.item_edit, "复诊")
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findText("张伟"))
    qtbot.keyClick(dialog.item_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)

    assert not dialog.isVisible()
    [booked] = desk.run(desk.receptionist, appointments.list_appointments, first_day=tomorrow)
    assert booked.customer_id == customer_id
    assert booked.customer_name == "钱红" and booked.item == "复诊"
    assert tab.status_label.text().startswith("钱红 booked for")


def test_a_picked_customer_can_be_put_back_to_a_lead_typed_by_hand(
    qtbot, ui_context, desk: SchedulingDesk
) -> None:
    desk.register("孙丽", Gender.FEMALE)
    _tab, context, tomorrow, dialog = _open_booking(qtbot, ui_context, desk)
    type_text(dialog.customer_box.picker.query, "sl")
    dialog.customer_box.picker.search_now()
    wait_idle(qtbot, context.tasks)
    assert dialog.customer_box.picker.results.count() == 1
    dialog.customer_box.picker.results.itemActivated.emit(
        dialog.customer_box.picker.results.item(0)
    )
    assert dialog.customer_box.clear_button.isVisible()
    dialog.customer_box.clear_button.click()
    assert dialog.name_edit.isEnabled() and dialog.name_edit.text() == ""
    type_text(dialog.name_edit, "孙小姐")
    type_text(dialog.mobile_edit, "13922220000")
    type_text(dialog.item_edit, "咨询")
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findText("张伟"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    [booked] = desk.run(desk.receptionist, appointments.list_appointments, first_day=tomorrow)
    assert booked.customer_id is None and booked.customer_name == "孙小姐"


def test_offline_the_dialog_says_new_customers_of_other_branches_are_not_here_yet(
    qtbot, ui_context, desk: SchedulingDesk
) -> None:
    from lorch_desk.services.sync_status import SyncStatus

    context = ui_context(actor=desk.receptionist, language="en")
    tab = open_tab(qtbot, AppointmentsTabWidget, context)
    context.connection.update(SyncStatus(True, False, 3, None, "ConnectError", 0, 0))
    tab.grid.setFocus()
    tab.grid.setCurrentCell(TEN_O_CLOCK_SLOT, 0)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Return)
    note = tab.dialog.findChild(type(tab.status_label), "offline_note")
    assert note.isVisible()
    assert note.text().startswith(
        "Offline: customers registered at other branches since the last sync (never)"
    )
    tab.dialog.reject()
