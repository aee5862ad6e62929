"""The front desk's day on screen: register an arrival, see it on the queue board, offer it,
and see another PC's step appear by itself."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.triage_policy import ConsultantState
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.models.front_desk import ConsultantSuspension
from lorch_desk.services import triage, triage_settings
from lorch_desk.services.arrivals import ArrivalInput, record_arrival
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.roles.front_desk.customer_tab import CustomerTabWidget
from lorch_desk.ui.roles.front_desk.suspend_dialog import SuspendDialog
from lorch_desk.ui.roles.front_desk.triage_tab import TriageTabWidget
from lorch_desk.ui.tasks import TaskRunner
from tests.clinic_clock import clinic_clock_at
from tests.services import test_triage_service as story
from tests.ui.conftest import open_tab, type_text, wait_idle

# The staffed clinic of the triage story: consultants 王, 李 and 张 on the payroll.
staffed_template = story.staffed_template
database_path = story.database_path
desk = story.desk


@pytest.fixture(autouse=True)
def _mid_morning() -> Iterator[None]:
    """The boards' stories reach half an hour back and time offers out on the wall clock: they
    run at 10:30, inside one clinic day and before the 13:00 and 18:00 rules."""
    with clinic_clock_at(time(10, 30)):
        yield


def _now() -> datetime:
    return datetime.now(clinic_time_zone())


def _join_all(desk: story.FrontDesk) -> None:
    for order, name in enumerate(story.CONSULTANTS, start=1):
        desk.run(
            desk.receptionist,
            triage.join_rotation,
            consultant_id=desk.id_of(name),
            rotation_order=order,
            now=_now(),
        )


def _activate(qtbot, widget) -> None:  # noqa: ANN001
    """Bring `widget`'s window to the front, as a click on it would, so its shortcuts work."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _states(tab: TriageTabWidget) -> dict[str, ConsultantState]:
    return {row.name: row.state for row in tab.consultant_model.rows}


def _waiting_names(tab: TriageTabWidget) -> list[str]:
    return [row.customer_name for row in tab.waiting_model.rows]


def test_search_register_arrival_and_see_it_waiting_with_its_timer(qtbot, ui_context, desk) -> None:  # noqa: ANN001
    desk.register("王芳")
    context = ui_context(Role.RECEPTIONIST)
    customers = open_tab(qtbot, CustomerTabWidget, context)
    board = open_tab(qtbot, TriageTabWidget, context)
    type_text(customers.search, "王芳")
    customers.run_search()
    wait_idle(qtbot, context.tasks)

    _activate(qtbot, customers)
    QTest.keyClick(customers.search, Qt.Key.Key_F4)
    dialog = customers.arrival_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert "王芳" in dialog.customer.text()
    qtbot.waitUntil(lambda: dialog.suggestion.text() != "")
    type_text(dialog.inquiry_item, "抗衰老")
    dialog.form_completed_at.setDateTime(dialog.form_completed_at.dateTime().addSecs(-9 * 60))
    with qtbot.waitSignal(dialog.arrival_saved, timeout=10_000) as saved:
        QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].visit_class is VisitClass.FIRST_VISIT

    qtbot.waitUntil(lambda: _waiting_names(board) == ["王芳"], timeout=3000)
    timer = board.waiting_model.index(0, 4).data()
    assert timer.startswith("9:")
    colour = board.waiting_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert colour is not None  # past 8 minutes: the warning colour


def test_offer_next_shows_the_consultant_offered_and_a_second_pc_refreshes_by_itself(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    board = open_tab(qtbot, TriageTabWidget, context)
    # The other PC: its own TaskRunner and change broadcast on the same SQLite file.
    other = ui_context(Role.RECEPTIONIST)
    customer = desk.register("李娜")
    _join_all(desk)
    other.tasks.run(
        lambda uow, _p: record_arrival(
            uow, customer_id=customer, data=ArrivalInput(form_completed_at=_now())
        )
    )
    qtbot.waitUntil(lambda: _waiting_names(board) == ["李娜"], timeout=2000)
    assert _states(board)["王"] is ConsultantState.FREE

    _activate(qtbot, board)
    QTest.keyClick(board, Qt.Key.Key_F5)

    qtbot.waitUntil(lambda: _states(board).get("王") is ConsultantState.OFFERED, timeout=3000)
    assert board.waiting_model.rows[0].offered_to_id == desk.id_of("王")
    assert "李" in board.turns.text()  # the main rotation's next turn moved on


def test_joining_busy_and_refusals_are_shown_in_place(qtbot, ui_context, desk) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    board = open_tab(qtbot, TriageTabWidget, context)
    assert sorted(board.join_choice.itemText(i) for i in range(board.join_choice.count())) == [
        "张",
        "李",
        "王",
    ]
    board.join_choice.setCurrentIndex(board.join_choice.findText("李"))
    qtbot.mouseClick(board.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _states(board) == {"李": ConsultantState.FREE}, timeout=3000)
    board.consultants.selectRow(0)
    qtbot.mouseClick(board.busy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _states(board) == {"李": ConsultantState.BUSY}, timeout=3000)

    customer = desk.register("赵敏")
    desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=customer,
        data=ArrivalInput(form_completed_at=_now()),
    )
    qtbot.waitUntil(lambda: _waiting_names(board) == ["赵敏"], timeout=3000)
    board.waiting.selectRow(0)
    _activate(qtbot, board)
    QTest.keyClick(board, Qt.Key.Key_F6)  # nobody was offered this customer yet

    qtbot.waitUntil(lambda: board.message.text() != "", timeout=3000)
    assert "(triage" not in board.message.text()
    assert "refused" not in board.message.text().lower()


def test_a_customer_past_the_longest_wait_is_flagged_by_the_timer_once(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    customer = desk.register("周杰")
    desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=customer,
        data=ArrivalInput(form_completed_at=_now() - timedelta(minutes=16)),
    )
    context = ui_context(Role.RECEPTIONIST)
    board = open_tab(qtbot, TriageTabWidget, context)
    second = open_tab(qtbot, TriageTabWidget, ui_context(Role.RECEPTIONIST))

    qtbot.waitUntil(
        lambda: bool(board.waiting_model.rows) and board.waiting_model.rows[0].needs_direction,
        timeout=4000,
    )
    qtbot.waitUntil(
        lambda: bool(second.waiting_model.rows) and second.waiting_model.rows[0].needs_direction,
        timeout=4000,
    )
    kinds = [row.kind for row in desk.stored(day=board.board.day)]
    assert kinds.count("WaitLimitReached") == 1
    assert board.waiting_model.index(0, 7).data()  # the note: a supervisor directs


def test_on_postgresql_the_board_hears_another_pc_by_notify(
    qtbot, qapp, pg_database, pg_actor_for
) -> None:  # noqa: ANN001
    receptionist = pg_actor_for(Role.RECEPTIONIST)
    events = DataEvents()
    tasks = TaskRunner(pg_database, events)
    tasks.actor = receptionist
    context = UiContext(tasks, events, receptionist, "北京总部", "pg", "zh_CN")
    board = open_tab(qtbot, TriageTabWidget, context)
    assert board.watcher.listening.wait(5)
    assert not board.watcher.is_polling

    pg_database.run(
        receptionist,
        lambda uow, _p: triage.join_rotation(
            uow, consultant_id=uuid.uuid4(), rotation_order=1, now=_now()
        ),
    )

    qtbot.waitUntil(lambda: len(board.consultant_model.rows) == 1, timeout=2000)
    board.watcher.stop()
    tasks.wait_for_idle()


def test_a_manager_changes_the_sites_policy_and_a_receptionist_has_no_policy_button(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    receptionist_board = open_tab(qtbot, TriageTabWidget, ui_context(Role.RECEPTIONIST))
    assert receptionist_board.policy_button.isHidden()
    context = ui_context(Role.BRANCH_MANAGER)
    board = open_tab(qtbot, TriageTabWidget, context)

    board.open_policy()
    box = board.policy_box
    qtbot.waitUntil(lambda: box.spins["accept_minutes"].value() == 10)
    box.spins["accept_minutes"].setValue(12)
    with qtbot.waitSignal(box.saved, timeout=10_000):
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)

    policy = desk.run(desk.receptionist, triage_settings.get_triage_policy).policy
    assert policy.accept_minutes == 12


def test_a_supervisor_directs_reassigns_and_suspends(qtbot, ui_context, desk) -> None:  # noqa: ANN001
    _join_all(desk)
    first = desk.register("王芳")
    desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=first,
        data=ArrivalInput(form_completed_at=_now()),
    )
    context = ui_context(Role.BRANCH_MANAGER)
    board = open_tab(qtbot, TriageTabWidget, context)
    assert board.direct_button.isVisible() and board.reassign_button.isVisible()
    board.waiting.selectRow(0)

    board.direct_to(desk.id_of("张"))
    qtbot.waitUntil(lambda: len(board.received_model.rows) == 1, timeout=3000)
    assert board.received_model.rows[0].consultant_id == desk.id_of("张")

    board.received.selectRow(0)
    board.reassign(desk.id_of("李"), consent=True, director_checked=False)
    qtbot.waitUntil(
        lambda: board.received_model.rows[0].consultant_id == desk.id_of("李"), timeout=3000
    )

    board.consultants.selectRow(0)

    def fill_in_the_suspension() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SuspendDialog))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # a suspension needs a reason
        dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("one_week"))
        type_text(dialog.reason_edit, "服务态度投诉")
        ok.click()

    QTimer.singleShot(50, fill_in_the_suspension)
    board.suspend_button.click()
    qtbot.waitUntil(lambda: _states(board)["王"] is ConsultantState.SUSPENDED, timeout=3000)
    with desk.database.unit_of_work(desk.manager, read_only=True) as uow:
        reason, starts_at, ends_at = uow.session.execute(
            select(
                ConsultantSuspension.reason,
                ConsultantSuspension.starts_at,
                ConsultantSuspension.ends_at,
            )
        ).one()
    assert reason == "服务态度投诉"
    assert timedelta(days=6, hours=23) < ends_at - starts_at <= timedelta(days=7)


def test_an_offer_not_answered_in_time_passes_to_the_next_consultant_once(
    qtbot, ui_context, desk
) -> None:  # noqa: ANN001
    start = _now() - timedelta(minutes=30)
    for order, name in enumerate(story.CONSULTANTS, start=1):
        desk.run(
            desk.receptionist,
            triage.join_rotation,
            consultant_id=desk.id_of(name),
            rotation_order=order,
            now=start,
        )
    customer = desk.register("吴倩")
    desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=customer,
        data=ArrivalInput(form_completed_at=_now() - timedelta(minutes=12)),
        now=_now() - timedelta(minutes=12),
    )
    desk.run(desk.receptionist, triage.offer_next, now=_now() - timedelta(minutes=11))
    boards = [open_tab(qtbot, TriageTabWidget, ui_context(Role.RECEPTIONIST)) for _pc in range(2)]

    for board in boards:
        qtbot.waitUntil(
            lambda b=board: (
                bool(b.waiting_model.rows)
                and b.waiting_model.rows[0].offered_to_id == desk.id_of("李")
            ),
            timeout=4000,
        )
    kinds = [row.kind for row in desk.stored(day=boards[0].board.day)]
    assert kinds.count("Skipped") == 1
    assert kinds[-2:] == ["Skipped", "Offered"]
