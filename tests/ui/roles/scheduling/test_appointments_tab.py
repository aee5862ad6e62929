"""The appointments tab: book from the keyboard, refuse a double booking, cancel, check in."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from lorch_desk.domain.clock import clinic_today
from lorch_desk.services import appointments, messages
from lorch_desk.services.appointments import AppointmentStatus
from lorch_desk.ui.roles.scheduling.appointments_tab import AppointmentsTabWidget
from tests.services.scheduling_desk import (  # noqa: F401 - fixtures
    SchedulingDesk,
    database_path,
    desk_at,
    scheduling_template,
)
from tests.ui.conftest import open_tab, type_text, wait_idle

TEN_O_CLOCK_SLOT = 4  # 08:00, 08:30, 09:00, 09:30, 10:00


@pytest.fixture()
def desk(database, node) -> SchedulingDesk:  # noqa: ANN001
    return desk_at(database, node)


def _open_tomorrow(qtbot, ui_context, desk: SchedulingDesk, language: str = "en"):  # noqa: ANN001, ANN202
    context = ui_context(actor=desk.receptionist, language=language)
    tab = open_tab(qtbot, AppointmentsTabWidget, context)
    tomorrow = clinic_today() + timedelta(days=1)
    tab.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    wait_idle(qtbot, context.tasks)
    return tab, context, tomorrow


def _book_at_ten(qtbot, tab, context, name: str, mobile: str):  # noqa: ANN001, ANN202
    tab.grid.setFocus()
    tab.grid.setCurrentCell(TEN_O_CLOCK_SLOT, 0)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog.isVisible() and dialog.time_edit.time().toString("HH:mm") == "10:00"
    type_text(dialog.name_edit, name)
    dialog.gender_combo.setCurrentIndex(dialog.gender_combo.findText("Female"))
    type_text(dialog.mobile_edit, mobile)
    type_text(dialog.item_edit, "体检解读")
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findText("张伟"))
    qtbot.keyClick(dialog.item_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    return dialog


def test_booking_from_the_grid_with_the_keyboard_and_the_double_booking_refused(
    qtbot, ui_context, desk: SchedulingDesk
) -> None:
    tab, context, tomorrow = _open_tomorrow(qtbot, ui_context, desk)

    first = _book_at_ten(qtbot, tab, context, "王芳", "13911110001")
    wait_idle(qtbot, context.tasks)

    assert not first.isVisible()
    assert tab.status_label.text().startswith("王芳 booked for")
    cell = tab.grid.item(TEN_O_CLOCK_SLOT, 0).text()
    assert cell == "10:00–11:00 王芳 · 体检解读 · 张伟"
    [booked] = desk.run(desk.receptionist, appointments.list_appointments, first_day=tomorrow)
    assert booked.staff_name == "张伟"
    assert tab.messages_box.model.rowCount() == 1
    assert tab.messages_box.title() == "Messages to customers (1 not sent)"

    # 张伟 is taken at ten: the dialog stays open and says so beside the doctor.
    tab.grid.setCurrentCell(TEN_O_CLOCK_SLOT + 1, 0)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Return)
    second = tab.dialog
    second.time_edit.setTime(second.time_edit.time().addSecs(-1800))
    type_text(second.name_edit, "李强")
    type_text(second.item_edit, "复诊")
    second.staff_combo.setCurrentIndex(second.staff_combo.findText("张伟"))
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    refusal = second.findChild(type(tab.status_label), "staff_id_error")
    assert second.isVisible() and refusal.isVisible()
    assert refusal.text() == "Consultant or doctor is already booked from 10:00 to 11:00 (王芳)."
    second.reject()
    assert len(desk.run(desk.receptionist, appointments.list_appointments, first_day=tomorrow)) == 1


def test_mark_sent_cancel_and_check_in_from_the_tab(
    qtbot, ui_context, desk: SchedulingDesk, monkeypatch
) -> None:
    desk.register("王芳")
    tab, context, tomorrow = _open_tomorrow(qtbot, ui_context, desk)
    _book_at_ten(qtbot, tab, context, "王芳", desk.mobile_of(1))
    wait_idle(qtbot, context.tasks)

    tab.messages_box.view.selectRow(0)
    qtbot.mouseClick(tab.messages_box.mark_sent_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert all(m.is_sent for m in desk.run(desk.receptionist, messages.list_messages))

    tab.grid.setCurrentCell(TEN_O_CLOCK_SLOT, 0)
    assert tab.check_in_button.isEnabled()
    qtbot.mouseClick(tab.check_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert tab.status_label.text() == "王芳 checked in; the arrival is in the front desk's queue."
    [row] = desk.run(desk.receptionist, appointments.list_appointments, first_day=tomorrow)
    assert row.status is AppointmentStatus.CHECKED_IN and row.arrival_id is not None

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    tab.grid.setCurrentCell(TEN_O_CLOCK_SLOT, 0)
    assert not tab.cancel_button.isEnabled()  # a checked-in booking is no longer open


def test_cancelling_a_booking_writes_the_cancellation_message(
    qtbot, ui_context, desk: SchedulingDesk, monkeypatch
) -> None:
    tab, context, tomorrow = _open_tomorrow(qtbot, ui_context, desk)
    _book_at_ten(qtbot, tab, context, "王芳", "13911110001")
    wait_idle(qtbot, context.tasks)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    tab.grid.setCurrentCell(TEN_O_CLOCK_SLOT, 0)
    tab.grid.setFocus()
    qtbot.keyClick(tab.grid, Qt.Key.Key_Delete)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    assert tab.status_label.text() == "Booking of 王芳 cancelled."
    assert tab.grid.item(TEN_O_CLOCK_SLOT, 0) is None
    bodies = [m.body for m in desk.run(desk.receptionist, messages.list_messages)]
    assert any(body.endswith("已经取消,感谢您的支持!") for body in bodies)


def test_the_evening_list_prints_tomorrows_bookings_per_doctor(
    qtbot, ui_context, desk: SchedulingDesk, tmp_path: Path
) -> None:
    import subprocess

    tab, context, tomorrow = _open_tomorrow(qtbot, ui_context, desk, language="zh_CN")
    _book_at_ten(qtbot, tab, context, "王芳", "13911110001")
    wait_idle(qtbot, context.tasks)

    tab.print_evening_list(tmp_path / "evening.pdf", tomorrow)
    wait_idle(qtbot, context.tasks)

    assert tab.last_pdf == tmp_path / "evening.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(tab.last_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "明日预约提醒单" in text
    assert "医生 张伟" in text
    assert "王芳" in text and "体检解读" in text and "10:00–11:00" in text
    assert "已提醒医生签字" in text


def test_the_week_view_and_the_view_of_one_person(qtbot, ui_context, desk: SchedulingDesk) -> None:
    tab, context, tomorrow = _open_tomorrow(qtbot, ui_context, desk)
    _book_at_ten(qtbot, tab, context, "王芳", "13911110001")
    wait_idle(qtbot, context.tasks)

    tab.span_combo.setCurrentIndex(tab.span_combo.findText("Week"))
    wait_idle(qtbot, context.tasks)

    assert tab.grid.columnCount() == 7
    column = tomorrow.weekday()
    assert tab.grid.horizontalHeaderItem(column).text().endswith(tomorrow.strftime("%m-%d"))
    assert tab.grid.item(TEN_O_CLOCK_SLOT, column).text().startswith("10:00–11:00 王芳")

    tab.resource_combo.setCurrentIndex(tab.resource_combo.findText("Consultant 李娜"))
    wait_idle(qtbot, context.tasks)
    assert tab.grid.item(TEN_O_CLOCK_SLOT, column) is None
    tab.resource_combo.setCurrentIndex(tab.resource_combo.findText("Doctor 张伟"))
    wait_idle(qtbot, context.tasks)
    assert tab.grid.item(TEN_O_CLOCK_SLOT, column) is not None
