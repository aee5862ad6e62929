"""呼叫中心 in the customer service tab: a typed number finds the caller, calls are stored, and
the supervisor scores a call and sees the agents' month."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from lorch_desk.domain.permissions import Role
from lorch_desk.models.calls import CallLog, CallReview
from lorch_desk.models.complaints import Complaint
from lorch_desk.services.calls import CallInput, log_call
from lorch_desk.ui.roles.customer_service.calls_page import CallsPage
from lorch_desk.ui.roles.customer_service.complaints_page import ComplaintsPage
from lorch_desk.ui.roles.customer_service.customer_service_tab import CustomerServiceTabWidget
from lorch_desk.ui.roles.registry import tabs_for
from tests.conftest import actors_at
from tests.services.service_clinic import CUSTOMER_MOBILE, ServiceClinic
from tests.ui.conftest import type_text, wait_idle


@pytest.fixture()
def clinic(database, node) -> ServiceClinic:  # noqa: ANN001
    return ServiceClinic(database, actors_at(node))


def _open(qtbot, ui_context, actor) -> CallsPage:  # noqa: ANN001
    context = ui_context(actor=actor)
    page = CallsPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot, context.tasks)
    return page


def _stored_calls(database, actor) -> list[CallLog]:  # noqa: ANN001
    with database.unit_of_work(actor, read_only=True) as uow:
        calls = uow.session.scalars(select(CallLog).order_by(CallLog.called_at)).all()
        uow.session.expunge_all()
        return list(calls)


def test_an_inbound_caller_is_found_by_the_number_typed(
    qtbot, ui_context, clinic: ServiceClinic, database
) -> None:  # noqa: ANN001
    page = _open(qtbot, ui_context, clinic.agent)
    form = page.log_form
    type_text(form.number_edit, "139 1234 5678")
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, page._context.tasks)
    assert form.matches.count() == 1
    assert "赵敏" in form.customer_label.text() and form.caller_edit.text() == "赵敏"
    form.topic_combo.setCurrentIndex(form.topic_combo.findData("appointment"))
    form.outcome_combo.setCurrentIndex(form.outcome_combo.findData("appointment_booked"))
    form.minutes_spin.setValue(3)
    type_text(form.summary_edit, "预约周五护理")
    form.save_button.click()
    wait_idle(qtbot, page._context.tasks)

    model = page.model
    assert model.rowCount() == 1
    shown = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert "赵敏" in shown and "陈静" in shown and "预约周五护理" in shown and "3" in shown
    [call] = _stored_calls(database, clinic.agent)
    assert (call.direction, call.customer_id, call.topic, call.outcome) == (
        "inbound",
        clinic.customer_id,
        "appointment",
        "appointment_booked",
    )
    assert (call.number, call.duration_seconds, call.agent_name) == ("139 1234 5678", 180, "陈静")
    assert form.number_edit.text() == "" and form.summary_edit.toPlainText() == ""


def test_an_unknown_caller_is_logged_by_name(
    qtbot, ui_context, clinic: ServiceClinic, database
) -> None:  # noqa: ANN001
    page = _open(qtbot, ui_context, clinic.agent)
    form = page.log_form
    type_text(form.number_edit, "010-88886666")
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, page._context.tasks)
    assert form.matches.count() == 0 and form.customer_label.text() != ""
    type_text(form.caller_edit, "王先生")
    form.topic_combo.setCurrentIndex(form.topic_combo.findData("consultation"))
    form.save_button.click()
    wait_idle(qtbot, page._context.tasks)
    [call] = _stored_calls(database, clinic.agent)
    assert (call.customer_id, call.caller_name, call.topic) == (None, "王先生", "consultation")


def test_an_outbound_call_needs_a_customer(
    qtbot, ui_context, clinic: ServiceClinic, database
) -> None:  # noqa: ANN001
    page = _open(qtbot, ui_context, clinic.agent)
    form = page.log_form
    form.direction_combo.setCurrentIndex(form.direction_combo.findData("outbound"))
    form.save_button.click()
    wait_idle(qtbot, page._context.tasks)
    error = form.findChild(type(form.errors.general), "customer_id_error")
    assert error.isVisible() and error.text()
    assert _stored_calls(database, clinic.agent) == []

    type_text(form.picker.query, CUSTOMER_MOBILE)
    form.picker.search_now()
    wait_idle(qtbot, page._context.tasks)
    QTest.keyClick(form.picker.query, Qt.Key.Key_Return)
    form.topic_combo.setCurrentIndex(form.topic_combo.findData("satisfaction_survey"))
    form.outcome_combo.setCurrentIndex(form.outcome_combo.findData("no_answer"))
    form.save_button.click()
    wait_idle(qtbot, page._context.tasks)
    [call] = _stored_calls(database, clinic.agent)
    assert (call.direction, call.customer_id, call.number) == (
        "outbound",
        clinic.customer_id,
        CUSTOMER_MOBILE,
    )


def test_the_supervisor_reviews_a_call_and_sees_the_agents_month(
    qtbot, ui_context, clinic: ServiceClinic, database
) -> None:  # noqa: ANN001
    data = CallInput(
        direction="inbound", topic="product", outcome="resolved", number=CUSTOMER_MOBILE
    )
    clinic.run(clinic.agent, log_call, data=data)
    page = _open(qtbot, ui_context, clinic.supervisor)
    box = page.review_box
    assert box is not None and not box.save_button.isEnabled()
    page.view.selectRow(0)
    assert box.save_button.isEnabled() and "陈静" in box.call_label.text()
    box.courtesy_spin.setValue(4)
    box.knowledge_spin.setValue(3)
    type_text(box.comment_edit, "产品介绍不够清楚")
    box.save_button.click()
    wait_idle(qtbot, page._context.tasks)

    assert page.model.data(page.model.index(0, 8)) == "85.00"
    month = box.month_model
    assert month.rowCount() == 1
    assert [month.data(month.index(0, c)) for c in range(5)] == ["陈静", "1", "0", "1", "85.00"]
    with database.unit_of_work(clinic.supervisor, read_only=True) as uow:
        review = uow.session.scalars(select(CallReview)).one()
        assert (review.courtesy, review.knowledge, review.resolution, review.process) == (
            4,
            3,
            5,
            5,
        )
        assert review.comment == "产品介绍不够清楚" and review.reviewer_name == "刘主管"
    assert Decimal("85.0") == Decimal(page.model.data(page.model.index(0, 8)))


def test_the_tab_shows_complaints_and_calls_to_those_who_handle_them(
    qtbot, ui_context, clinic: ServiceClinic
) -> None:  # noqa: ANN001
    def pages(actor) -> set[type]:  # noqa: ANN001
        context = ui_context(actor=actor)
        tab = CustomerServiceTabWidget(context)
        qtbot.addWidget(tab)
        wait_idle(qtbot, context.tasks)
        return {type(tab.pages.widget(i)) for i in range(tab.pages.count())}

    assert {ComplaintsPage, CallsPage} <= pages(clinic.agent)
    assert {ComplaintsPage, CallsPage} <= pages(clinic.supervisor)
    receptionist = pages(clinic.make_actor(Role.RECEPTIONIST))
    assert ComplaintsPage in receptionist and CallsPage not in receptionist
    assert "customer_service" in [t.key for t in tabs_for(clinic.make_actor(Role.MARKETING))]
    assert "customer_service" not in [t.key for t in tabs_for(clinic.make_actor(Role.PHARMACIST))]


def test_a_complaint_by_phone_is_received_from_the_call(
    qtbot, ui_context, clinic: ServiceClinic, database
) -> None:  # noqa: ANN001
    data = CallInput(
        direction="inbound",
        topic="complaint",
        outcome="transferred",
        number=CUSTOMER_MOBILE,
        summary="护理后过敏，要求说法",
    )
    clinic.run(clinic.agent, log_call, data=data)
    page = _open(qtbot, ui_context, clinic.agent)
    assert not page.complaint_button.isEnabled()
    page.view.selectRow(0)
    page.complaint_button.click()
    dialog = page.complaint_dialog
    qtbot.waitUntil(dialog.isVisible)
    wait_idle(qtbot, page._context.tasks)
    intake = dialog.intake
    assert intake.name_edit.text() == "赵敏" and intake.contact_edit.text() == CUSTOMER_MOBILE
    assert intake.matter_edit.toPlainText() == "护理后过敏，要求说法"
    assert intake.channel_combo.currentData() == "phone"
    intake.receive_button.click()
    wait_idle(qtbot, page._context.tasks)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert "BJ-" in page.errors.general.text()
    with database.unit_of_work(clinic.agent, read_only=True) as uow:
        complaint = uow.session.scalars(select(Complaint)).one()
        assert (complaint.customer_id, complaint.channel, complaint.contact) == (
            clinic.customer_id,
            "phone",
            CUSTOMER_MOBILE,
        )
        assert complaint.matter == "护理后过敏，要求说法"
