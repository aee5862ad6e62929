"""The sync indicator in the main window's status bar and its "sync now" button."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QLabel, QToolButton

from lorch_desk.domain.permissions import Role
from lorch_desk.models.customer import Customer
from lorch_desk.models.sync import SyncConflict, SyncRejection
from lorch_desk.services import sync_status as state
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.main_window import MainWindow
from lorch_desk.ui.sync_status_widget import SyncStatusWidget
from tests.ui.conftest import wait_idle


class _FakeWorker:
    """Stands in for the network: records the request, then reports back from a thread."""

    def __init__(self) -> None:
        self.on_done: Any = None
        self.requests = 0

    def sync_now(self) -> None:
        self.requests += 1
        threading.Thread(target=lambda: self.on_done(None, None)).start()


def _label(window: Any, name: str) -> QLabel:
    return window.findChild(QLabel, name)


def test_an_unjoined_node_says_so_and_offers_no_sync_button(qtbot, ui_context) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, context.tasks)
    assert _label(window, "sync_state").text() == "Not connected to headquarters"
    assert window.findChild(QToolButton, "sync_now").isVisible() is False


def test_a_joined_node_shows_online_pending_last_sync_conflicts_and_rejections(
    qtbot,
    ui_context,
    database,
    system_actor,  # noqa: ANN001
) -> None:
    customer = Customer(file_number="BJ-2026-000077", name="林晓燕", gender="female")

    def prepare(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.add(customer)
        uow.session.flush()
        state.write_value(uow, state.SERVER_URL, "https://hq.example.cn")
        state.write_value(uow, state.LAST_ATTEMPT, "2026-11-23T06:05:00+00:00")
        state.write_value(uow, state.LAST_SUCCESS, "2026-11-23T06:05:00+00:00")
        for field in ("address", "email"):
            uow.session.add(
                SyncConflict(
                    op_id=customer.id,
                    node_id=system_actor.node_id,
                    table_name="customer",
                    row_id=customer.id,
                    field=field,
                    kept_value="a",
                    other_value="b",
                )
            )
        uow.session.add(
            SyncRejection(
                op_id=customer.id,
                node_id=system_actor.node_id,
                table_name="room",
                row_id=customer.id,
                reason="central_table",
            )
        )

    database.run(system_actor, prepare)
    base: UiContext = ui_context(Role.BRANCH_MANAGER)
    worker = _FakeWorker()
    context = UiContext(
        tasks=base.tasks,
        events=base.events,
        actor=base.actor,
        site_name=base.site_name,
        database_label=base.database_label,
        language=base.language,
        sync=worker,
    )
    widget = SyncStatusWidget(context)
    qtbot.addWidget(widget)
    widget.show()
    wait_idle(qtbot, context.tasks)
    assert widget.state_label.text() == "● Online"
    pending = widget.status.pending_changes
    assert pending > 0 and widget.pending_label.text() == f"{pending} pending"
    assert widget.last_label.text() == "Last sync: 2026-11-23 14:05"  # Beijing time
    assert widget.conflicts_label.text() == "2 conflicts"
    assert widget.rejected_label.text() == "1 rejected"
    assert widget.sync_now_button.isVisible()
    widget.sync_now_button.click()
    assert worker.requests == 1
    qtbot.waitUntil(lambda: widget.state_label.text() == "● Online", timeout=5000)
    wait_idle(qtbot, context.tasks)
