"""The call list: Enter opens the call log, typed notes and next step are stored, the list empties."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from lorch_desk.models.follow_ups import FollowUpCall, FollowUpTask
from lorch_desk.services.follow_up_planning import plan_follow_ups_for_sale
from lorch_desk.ui.roles.customer_service.follow_up_calls_page import FollowUpCallsPage
from tests.services.consultant_clinic import DAY, at
from tests.services.follow_up_clinic import FollowUpClinic
from tests.ui.conftest import type_text, wait_idle

NEXT_DAY = DAY + timedelta(days=1)


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    clinic = FollowUpClinic(database, actor_for)
    customer = clinic.register("李梅")
    sale = clinic.sell(customer, "光子嫩肤", DAY, at(11, 0))
    clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=sale, now=at(11, 0))
    return clinic


def test_the_consultant_logs_a_call_from_the_keyboard(
    qtbot, ui_context, clinic: FollowUpClinic, database
) -> None:  # noqa: ANN001
    context = ui_context(actor=clinic.consultant)
    page = FollowUpCallsPage(context, clock=lambda: at(9, 0, NEXT_DAY))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    wait_idle(qtbot, context.tasks)
    model = page.model
    assert model.rowCount() == 1
    shown = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert "李梅" in shown and "2026-11-24" in shown and "光子嫩肤" in shown

    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.effective.isChecked()
    type_text(dialog.notes, "术后恢复良好, 无红肿")
    type_text(dialog.next_step, "一周后复查")
    dialog.next_days.selectAll()
    QTest.keyClicks(dialog.next_days, "7")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_idle(qtbot, context.tasks)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, context.tasks)

    assert model.rowCount() == 0
    assert "2026-12-01" in page.status.text()
    with database.unit_of_work(clinic.admin, read_only=True) as uow:
        [call] = uow.session.scalars(select(FollowUpCall)).all()
        assert (call.outcome, call.is_effective, call.notes) == (
            "reached",
            True,
            "术后恢复良好, 无红肿",
        )
        next_task = uow.session.scalars(
            select(FollowUpTask).where(FollowUpTask.source == "call")
        ).one()
        assert (next_task.due_on, next_task.reason) == (NEXT_DAY + timedelta(days=7), "一周后复查")


def test_no_answer_cannot_be_ticked_effective(qtbot, ui_context, clinic) -> None:  # noqa: ANN001
    context = ui_context(actor=clinic.consultant)
    page = FollowUpCallsPage(context, clock=lambda: at(9, 0, NEXT_DAY))
    qtbot.addWidget(page)
    wait_idle(qtbot, context.tasks)
    page.log_selected()
    dialog = page.dialog
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("no_answer"))
    assert not dialog.effective.isChecked() and not dialog.effective.isEnabled()
    dialog.save()
    wait_idle(qtbot, context.tasks)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, context.tasks)
    tries_column = page.model.columnCount() - 2  # before the items / next step
    assert page.model.data(page.model.index(0, tries_column)) == "1"


def test_customer_service_puts_last_months_top_customers_on_its_list(
    qtbot, ui_context, clinic: FollowUpClinic, database
) -> None:  # noqa: ANN001
    october = DAY.replace(month=10, day=15)
    wang = clinic.register("王强")
    clinic.sell(wang, "针灸", october, at(10, 0, october), total="8800.00")
    context = ui_context(actor=clinic.agent)
    page = FollowUpCallsPage(context, clock=lambda: at(9, 0, DAY))
    qtbot.addWidget(page)
    wait_idle(qtbot, context.tasks)
    assert page.model.rowCount() == 0 and page.top_button.isVisibleTo(page)

    page.top_button.click()
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    page.top_button.click()  # twice plans nothing more
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    assert page.status.text().endswith("0.")
    [row] = page.model.rows
    assert (row.customer_name, row.source.value, row.assignee_name) == ("王强", "top_spender", "")
    assert "2026-10 No.1" in row.reason
