"""The inquiry desk's tab: register a lead by typing, log contacts, book it an appointment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lorch_desk.domain.inquiries import InquiryStatus
from lorch_desk.services import appointments, inquiries, messages
from lorch_desk.ui.roles.inquiries.inquiries_tab import InquiriesTabWidget
from tests.services.scheduling_desk import (  # noqa: F401 - fixtures
    SchedulingDesk,
    database_path,
    desk_at,
    scheduling_template,
)
from tests.ui.conftest import open_tab, type_text, wait_idle


@pytest.fixture()
def desk(database, node) -> SchedulingDesk:  # noqa: ANN001
    return desk_at(database, node)


def _pick(combo, text: str) -> None:  # noqa: ANN001
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def _fill_lead(qtbot, form) -> None:  # noqa: ANN001
    type_text(form.name_edit, "王女士")
    _pick(form.gender_combo, "Female")
    type_text(form.mobile_edit, "13800138000")
    type_text(form.region_edit, "朝阳区")
    type_text(form.referrer_edit, "无")
    _pick(form.channel_combo, "Online")
    _pick(form.intake_combo, "Web")
    _pick(form.consultant_combo, "李娜")
    type_text(form.item_edit, "祛斑")
    qtbot.mouseClick(form.appointment_check, Qt.MouseButton.LeftButton)
    type_text(form.source_edit, "美团")
    type_text(form.notes_edit, "想了解光子嫩肤")


def test_the_inquiry_desk_registers_a_lead_and_logs_a_contact(
    qtbot, ui_context, desk: SchedulingDesk, qtmodeltester
) -> None:
    clerk = desk.staff["钱敏"]
    context = ui_context(actor=clerk, language="en")
    tab = open_tab(qtbot, InquiriesTabWidget, context)
    assert tab.form.developer_combo.currentText() == "钱敏"

    # A missing required field is refused beside the field and nothing is stored.
    type_text(tab.form.name_edit, "王女士")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert tab.findChild(type(tab.status_label), "mobile_error").isVisible()
    assert desk.run(clerk, inquiries.list_inquiries) == []

    tab.form.name_edit.clear()
    _fill_lead(qtbot, tab.form)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    [stored] = desk.run(clerk, inquiries.list_inquiries)
    assert (stored.customer_name, stored.item_type, stored.consultant_name) == (
        "王女士",
        "祛斑",
        "李娜",
    )
    assert tab.status_label.text() == f"Saved as {stored.number}."
    wait_idle(qtbot, context.tasks)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 1).data() == "王女士"
    qtmodeltester.check(tab.model)

    type_text(tab.contact_edit, "回电, 约周三来")
    qtbot.keyClick(tab.contact_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    [contact] = desk.run(clerk, inquiries.list_contacts, inquiry_id=stored.id)
    assert (contact.content, contact.contacted_by_name) == ("回电, 约周三来", "钱敏")
    assert tab.contacts_model.index(0, 3).data() == "回电, 约周三来"
    assert tab.model.index(0, 8).data() == "1"


def test_booking_from_a_lead_fills_the_dialog_and_writes_the_message(
    qtbot, ui_context, desk: SchedulingDesk
) -> None:
    clerk = desk.staff["钱敏"]
    context = ui_context(actor=clerk, language="en")
    tab = open_tab(qtbot, InquiriesTabWidget, context)
    _fill_lead(qtbot, tab.form)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    qtbot.mouseClick(tab.book_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    dialog = tab.booking_dialog
    assert (dialog.name_edit.text(), dialog.item_edit.text()) == ("王女士", "祛斑")
    assert dialog.staff_combo.currentText() == "李娜"
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))
    qtbot.keyClick(dialog.item_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)

    assert tab.status_label.text() == "Appointment booked."
    day = dialog.starts_at().date()
    [booked] = desk.run(clerk, appointments.list_appointments, first_day=day, days=1)
    assert (booked.customer_name, booked.staff_name, booked.item) == ("王女士", "李娜", "祛斑")
    [message] = desk.run(clerk, messages.list_messages)
    assert message.body.startswith("尊敬的王女士,您在")
    wait_idle(qtbot, context.tasks)
    [lead] = desk.run(clerk, inquiries.list_inquiries)
    assert lead.status is InquiryStatus.BOOKED


def test_a_lead_is_linked_to_the_customer_file_found_by_typing(
    qtbot, ui_context, desk: SchedulingDesk
) -> None:
    clerk = desk.staff["钱敏"]
    fang = desk.register("王芳")
    context = ui_context(actor=clerk, language="en")
    tab = open_tab(qtbot, InquiriesTabWidget, context)
    _fill_lead(qtbot, tab.form)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    qtbot.mouseClick(tab.link_button, Qt.MouseButton.LeftButton)
    picker = tab.link_dialog.picker
    type_text(picker.query, "王芳")
    picker.search_now()
    wait_idle(qtbot, context.tasks)
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)

    [lead] = desk.run(clerk, inquiries.list_inquiries)
    assert lead.customer_id == fang
    assert tab.status_label.text().startswith("Linked to the customer file BJ-")
