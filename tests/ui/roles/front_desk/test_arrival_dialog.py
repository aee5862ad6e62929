"""到访登记 on screen: the suggestion and why, refusals next to the field, corrections."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.triage_policy import NotCountedReason, Rotation
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.services import triage
from lorch_desk.services.arrivals import ArrivalInput, record_arrival
from lorch_desk.ui.roles.front_desk.arrival_dialog import ArrivalDialog
from lorch_desk.ui.roles.front_desk.customer_page import CustomerPageWidget
from tests.services import test_triage_service as story
from tests.ui.conftest import type_text, wait_idle

staffed_template = story.staffed_template
database_path = story.database_path
desk = story.desk


def _dialog(qtbot, context, **kw) -> ArrivalDialog:  # noqa: ANN001
    dialog = ArrivalDialog(context, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.waitUntil(lambda: dialog.suggestion.text() != "")
    return dialog


def _now() -> datetime:
    return datetime.now(clinic_time_zone())


def test_an_elderly_customer_is_suggested_other_for_the_small_rotation(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST, language="en")
    dialog = _dialog(qtbot, context, customer_id=desk.register("刘阿姨"))

    first = dialog.suggestion.text()
    dialog.age.setValue(72)
    qtbot.waitUntil(lambda: dialog.suggestion.text() != first)

    assert dialog.visit_class.currentData() == VisitClass.OTHER.value
    assert "over 70" in dialog.suggestion.text()
    assert "small rotation" in dialog.suggestion.text()
    with qtbot.waitSignal(dialog.arrival_saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (saved.args[0].visit_class, saved.args[0].rotation) == (VisitClass.OTHER, Rotation.SMALL)


def test_the_receptionist_may_choose_another_class_and_name_a_consultant(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    dialog = _dialog(qtbot, context, customer_id=desk.register("王芳"))
    dialog.visit_class.setCurrentIndex(dialog.visit_class.findData(VisitClass.REVISIT.value))
    dialog.visit_class.activated.emit(dialog.visit_class.currentIndex())
    dialog.not_counted.setCurrentIndex(
        dialog.not_counted.findData(NotCountedReason.REFERRAL_NAMED.value)
    )
    assert dialog.named_consultant.isEnabled()
    dialog.named_consultant.setCurrentIndex(dialog.named_consultant.findText("张"))
    type_text(dialog.referrer, "李娜")

    with qtbot.waitSignal(dialog.arrival_saved, timeout=10_000) as saved:
        dialog.save()

    detail = saved.args[0]
    assert detail.visit_class is VisitClass.REVISIT
    assert detail.named_consultant_id == desk.id_of("张")
    assert detail.not_counted_reason is NotCountedReason.REFERRAL_NAMED
    assert detail.referrer_name == "李娜"


def test_a_form_time_in_the_future_is_refused_next_to_the_field_and_nothing_is_stored(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST, language="en")
    dialog = _dialog(qtbot, context, customer_id=desk.register("王芳"))
    dialog.form_completed_at.setDateTime(dialog.form_completed_at.dateTime().addSecs(3600))

    dialog.save()
    wait_idle(qtbot, context.tasks)

    error = dialog.findChild(type(dialog.customer), "form_completed_at_error")
    assert error is not None and error.isVisible()
    assert "future" in error.text()
    assert desk.stored() == [] or all(r.kind != "ArrivalQueued" for r in desk.stored())
    assert dialog.isVisible()


def test_correcting_from_the_customer_page_keeps_the_place_in_the_queue(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    customer = desk.register("赵敏")
    first = desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=customer,
        data=ArrivalInput(form_completed_at=_now() - timedelta(minutes=3), inquiry_item="祛斑"),
    )
    context = ui_context(Role.RECEPTIONIST)
    dialog = _dialog(qtbot, context, arrival_id=first.arrival_id)
    assert dialog.windowTitle() != ""
    assert dialog.inquiry_item.text() == "祛斑"
    dialog.visit_class.setCurrentIndex(
        dialog.visit_class.findData(VisitClass.REPEAT_PURCHASE.value)
    )

    with qtbot.waitSignal(dialog.arrival_saved, timeout=10_000) as saved:
        dialog.save()

    assert saved.args[0].corrects_arrival_id == first.arrival_id
    board = desk.run(desk.receptionist, triage.queue_board, day=first.day, now=_now())
    assert [(w.arrival_id, w.visit_class) for w in board.waiting] == [
        (first.arrival_id, VisitClass.REPEAT_PURCHASE)
    ]


def test_the_customer_page_has_the_arrival_button(qtbot, ui_context, desk) -> None:  # noqa: ANN001
    customer = desk.register("孙丽")
    context = ui_context(Role.RECEPTIONIST)
    page = CustomerPageWidget(context)
    qtbot.addWidget(page)
    page.show()
    assert not page.arrival_button.isEnabled()
    page.open_customer(customer)
    qtbot.waitUntil(page.arrival_button.isEnabled)

    dialog = page.register_arrival()

    assert dialog is not None
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert "孙丽" in dialog.customer.text()
    dialog.reject()


def test_an_open_inquiry_is_picked_and_the_arrival_inherits_its_pre_booking(
    qtbot, ui_context, desk, database
) -> None:  # noqa: ANN001
    from lorch_desk.models.front_desk import Arrival
    from lorch_desk.services.inquiries import InquiryInput, register_inquiry

    customer = desk.register("王芳")
    zhang = desk.consultants["张"]
    lead = desk.run(
        zhang,
        register_inquiry,
        data=InquiryInput(
            customer_name="王女士",
            gender="female",
            mobile="13900000001",
            region="朝阳区",
            referrer_name="无",
            channel="online",
            intake_type="phone",
            developer_id=zhang.user_id,
            consultant_id=zhang.user_id,
            item_type="祛斑",
            appointment_at=_now() + timedelta(minutes=5),
            source="美团",
            notes="想了解光子嫩肤",
        ),
    )
    context = ui_context(Role.RECEPTIONIST)
    dialog = _dialog(qtbot, context, customer_id=customer)

    assert dialog.inquiry.currentData().id == lead.id
    assert lead.number in dialog.inquiry.currentText()
    assert dialog.channel.currentData() == "online"
    assert dialog.inquiry_item.text() == "祛斑"
    assert dialog.not_counted.currentData() == NotCountedReason.PRE_BOOKED.value
    assert dialog.named_consultant.currentData() == zhang.user_id
    with qtbot.waitSignal(dialog.arrival_saved, timeout=10_000) as saved:
        dialog.save()

    detail = saved.args[0]
    assert (detail.inquiry_id, detail.not_counted_reason) == (lead.id, NotCountedReason.PRE_BOOKED)
    with database.unit_of_work(desk.receptionist, read_only=True) as uow:
        stored = uow.session.get_one(Arrival, detail.arrival_id)
        assert (stored.inquiry_id, stored.developer_name) == (lead.id, "张")


def test_an_owning_consultant_without_follow_ups_needs_the_customer_to_remember_them(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST, language="en")
    dialog = _dialog(qtbot, context, customer_id=desk.register("周婷"))
    assert not dialog.remembers_consultant.isEnabled()
    dialog.not_counted.setCurrentIndex(
        dialog.not_counted.findData(NotCountedReason.OWNING_CONSULTANT.value)
    )
    dialog.named_consultant.setCurrentIndex(dialog.named_consultant.findText("张"))

    dialog.save()
    wait_idle(qtbot, context.tasks)
    error = dialog.findChild(type(dialog.customer), "not_counted_reason_error")
    assert error is not None and error.isVisible() and error.text()
    assert all(r.kind != "ArrivalQueued" for r in desk.stored())

    assert dialog.remembers_consultant.isEnabled()
    dialog.remembers_consultant.setChecked(True)
    with qtbot.waitSignal(dialog.arrival_saved, timeout=10_000) as saved:
        dialog.save()
    assert saved.args[0].not_counted_reason is NotCountedReason.OWNING_CONSULTANT
