"""投诉 in the customer service tab: typed intake, each step recorded, a drawn signature, red
overdue lines, the printed form, and the supervisor's suspension."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.complaints import ComplaintStepKind
from lorch_desk.models.base import utc_now
from lorch_desk.models.complaints import Complaint, ComplaintStep
from lorch_desk.models.front_desk import ConsultantSuspension
from lorch_desk.models.staff import Attachment
from lorch_desk.services import complaints
from lorch_desk.services.complaints import ComplaintInput
from lorch_desk.ui.roles.customer_service.complaints_page import OVERDUE_COLOUR, ComplaintsPage
from tests.conftest import actors_at
from tests.documents.samples import flat, pdf_text
from tests.services.service_clinic import CUSTOMER_MOBILE, ServiceClinic
from tests.ui.conftest import type_text, wait_idle

K = ComplaintStepKind


@pytest.fixture()
def clinic(database, node) -> ServiceClinic:  # noqa: ANN001
    return ServiceClinic(database, actors_at(node))


def _open(qtbot, ui_context, actor) -> ComplaintsPage:  # noqa: ANN001
    context = ui_context(actor=actor)
    page = ComplaintsPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot, context.tasks)
    return page


def _record(qtbot, page: ComplaintsPage, step: ComplaintStepKind) -> None:  # noqa: ANN001
    page.detail.step_form.record_button.click()
    wait_idle(qtbot, page._context.tasks)
    assert page.detail.detail.steps[-1].kind is step, page.detail.step_form.errors.general.text()


def _draw_signature(pad) -> None:  # noqa: ANN001
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 100))
    for x, y in ((80, 40), (140, 110), (200, 50), (260, 100)):
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 60))


def test_an_agent_receives_a_complaint_and_takes_it_to_closed(
    qtbot, ui_context, clinic: ServiceClinic, database, tmp_path: Path
) -> None:  # noqa: ANN001
    page = _open(qtbot, ui_context, clinic.agent)
    intake = page.intake
    page.side.setCurrentWidget(intake)
    type_text(intake.picker.query, CUSTOMER_MOBILE)
    intake.picker.search_now()
    wait_idle(qtbot, page._context.tasks)
    QTest.keyClick(intake.picker.query, Qt.Key.Key_Return)
    assert "赵敏" in intake.customer_label.text() and intake.name_edit.text() == "赵敏"
    intake.channel_combo.setCurrentIndex(intake.channel_combo.findData("phone"))
    intake.staff_combo.setCurrentIndex(intake.staff_combo.findText("李娜"))
    type_text(intake.matter_edit, "美容师服务态度差")
    intake.receive_button.click()
    wait_idle(qtbot, page._context.tasks)

    detail = page.detail
    assert detail.detail is not None and "美容师服务态度差" in detail.header.text()
    assert page.list_model.rowCount() == 1
    assert page.list_model.data(page.list_model.index(0, 2)) == "赵敏"
    form = detail.step_form
    assert [form.step_combo.itemData(i) for i in range(form.step_combo.count())] == [K.ROUTE]

    _record(qtbot, page, K.ROUTE)  # within my own authority
    type_text(form.notes_edit, "核对服务记录")
    _record(qtbot, page, K.INVESTIGATE)
    form.choose_step(K.PLAN)
    type_text(form.measures_edit, "致歉并赠送护理一次")
    type_text(form.department_edit, "客服部")
    type_text(form.person_edit, "陈静")
    _record(qtbot, page, K.PLAN)
    form.choose_step(K.REPORT_PROGRESS)
    type_text(form.progress_edit, "已电话告知")
    _record(qtbot, page, K.REPORT_PROGRESS)
    form.choose_step(K.RECORD_RESULT)
    type_text(form.result_edit, "客户接受")
    form.sign_off_combo.setCurrentIndex(form.sign_off_combo.findData("drawn"))
    _draw_signature(form.signature_pad)
    assert not form.signature_pad.is_empty
    _record(qtbot, page, K.RECORD_RESULT)
    form.cause_combo.setCurrentIndex(form.cause_combo.findData("service"))
    form.attitude_check.setChecked(True)
    _record(qtbot, page, K.RECORD_CAUSE)
    assert not detail.suspend_button.isVisible()  # the supervisor decides on suspension
    type_text(form.summary_edit, "加强礼仪培训")
    _record(qtbot, page, K.SUMMARISE)
    _record(qtbot, page, K.CLOSE)
    assert form.step_combo.count() == 0 and not form.record_button.isEnabled()

    detail.print_form(tmp_path / "complaint.pdf")
    wait_idle(qtbot, page._context.tasks)
    text = flat(pdf_text(tmp_path / "complaint.pdf"))
    assert (
        "客户投诉处理单" in text and "致歉并赠送护理一次" in text and "客户签字（屏幕签名）" in text
    )

    with database.unit_of_work(clinic.agent, read_only=True) as uow:
        stored = uow.session.scalars(select(Complaint)).one()
        assert (stored.customer_id, stored.channel, stored.status) == (
            clinic.customer_id,
            "phone",
            "closed",
        )
        assert stored.about_staff_id == clinic.id_of(clinic.consultant)
        kinds = uow.session.scalars(
            select(ComplaintStep.kind).order_by(ComplaintStep.recorded_at)
        ).all()
        assert len(kinds) == 9
        signature = uow.session.scalars(select(Attachment)).one()
        assert signature.content.startswith(b"\x89PNG")


def test_a_refused_step_is_shown_next_to_its_field(
    qtbot, ui_context, clinic: ServiceClinic
) -> None:  # noqa: ANN001
    complaint = clinic.run(
        clinic.agent,
        complaints.receive_complaint,
        data=ComplaintInput(matter="等候太久", channel="visit", customer_id=clinic.customer_id),
    )
    page = _open(qtbot, ui_context, clinic.agent)
    page.list_view.selectRow(0)
    wait_idle(qtbot, page._context.tasks)
    assert page.detail.detail.row.id == complaint.row.id
    form = page.detail.step_form
    form.handling_combo.setCurrentIndex(form.handling_combo.findData("escalated"))
    form.record_button.click()  # to the first supervisor listed
    wait_idle(qtbot, page._context.tasks)
    assert page.detail.detail.steps[-1].kind is K.ROUTE
    assert page.detail.detail.escalated_to_name == "刘主管"
    form.record_button.click()  # investigation without notes
    wait_idle(qtbot, page._context.tasks)
    error = form.findChild(type(form.errors.general), "notes_error")
    assert error.isVisible() and error.text()
    assert page.detail.detail.steps[-1].kind is K.ROUTE


def test_overdue_complaints_are_red_and_the_supervisor_suspends_for_attitude(
    qtbot, ui_context, clinic: ServiceClinic, database, monkeypatch, qtmodeltester
) -> None:  # noqa: ANN001
    three_days_ago = utc_now() - timedelta(days=3)
    run = clinic.run
    late = run(
        clinic.agent,
        complaints.receive_complaint,
        data=ComplaintInput(
            matter="态度冷淡",
            channel="visit",
            customer_id=clinic.customer_id,
            about_staff_id=clinic.id_of(clinic.consultant),
        ),
        now=three_days_ago,
    ).row.id
    run(
        clinic.agent,
        complaints.route_complaint,
        complaint_id=late,
        handling="own_authority",
        now=three_days_ago,
    )
    run(
        clinic.agent,
        complaints.add_investigation_note,
        complaint_id=late,
        notes="属实",
        now=three_days_ago,
    )
    run(
        clinic.agent,
        complaints.plan_complaint,
        complaint_id=late,
        measures="致歉",
        department="客服部",
        responsible_person="陈静",
        deadline=clinic_time(three_days_ago).date(),
        now=three_days_ago,
    )
    run(
        clinic.agent,
        complaints.receive_complaint,
        data=ComplaintInput(
            matter="停车难", channel="phone", customer_name="路人", contact="010-1"
        ),
    )

    page = _open(qtbot, ui_context, clinic.supervisor)
    model = page.list_model
    colours = {
        model.data(model.index(r, 0)): model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole)
        for r in range(model.rowCount())
    }
    assert list(colours.values()).count(OVERDUE_COLOUR) == 1
    assert "1" in page.overdue_label.text()
    qtmodeltester.check(model)
    page.filter_combo.setCurrentIndex(page.filter_combo.findData("overdue"))
    wait_idle(qtbot, page._context.tasks)
    assert model.rowCount() == 1 and model.data(model.index(0, 6))

    run(clinic.agent, complaints.record_result, complaint_id=late, result="接受", sign_off="paper")
    run(
        clinic.agent,
        complaints.record_cause,
        complaint_id=late,
        cause="service",
        is_service_attitude=True,
    )
    page.list_view.selectRow(0)
    wait_idle(qtbot, page._context.tasks)
    button = page.detail.suspend_button
    assert button.isVisible() and button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    button.click()
    wait_idle(qtbot, page._context.tasks)
    assert page.detail.detail.steps[-1].kind is K.SUSPEND_CONSULTANT
    assert not button.isEnabled()
    with database.unit_of_work(clinic.agent, read_only=True) as uow:
        suspension = uow.session.scalars(select(ConsultantSuspension)).one()
        assert (suspension.consultant_id, suspension.kind) == (
            clinic.id_of(clinic.consultant),
            "complaint",
        )


def test_a_complaint_received_earlier_keeps_the_time_typed(
    qtbot, ui_context, clinic: ServiceClinic, database
) -> None:  # noqa: ANN001
    page = _open(qtbot, ui_context, clinic.agent)
    intake = page.intake
    page.side.setCurrentWidget(intake)
    type_text(intake.name_edit, "路人乙")
    type_text(intake.contact_edit, "010-66668888")
    type_text(intake.matter_edit, "来信投诉停车收费")
    intake.channel_combo.setCurrentIndex(intake.channel_combo.findData("letter"))
    intake.earlier_check.setChecked(True)
    tomorrow = intake.received_edit.dateTime().addDays(1)
    intake.received_edit.setDateTime(tomorrow)
    intake.receive_button.click()
    wait_idle(qtbot, page._context.tasks)
    error = intake.findChild(type(intake.errors.general), "received_at_error")
    assert error.isVisible() and error.text()

    yesterday = tomorrow.addDays(-2)
    intake.received_edit.setDateTime(yesterday)
    intake.receive_button.click()
    wait_idle(qtbot, page._context.tasks)
    with database.unit_of_work(clinic.agent, read_only=True) as uow:
        stored = uow.session.scalars(select(Complaint)).one()
        shown = clinic_time(stored.received_at)
        assert (stored.customer_id, stored.customer_name, stored.channel) == (
            None,
            "路人乙",
            "letter",
        )
    typed = yesterday.toPython()
    assert (shown.date(), shown.hour, shown.minute) == (typed.date(), typed.hour, typed.minute)
    assert not intake.earlier_check.isChecked() and intake.matter_edit.toPlainText() == ""
