"""Online-only actions follow the connection to headquarters (SYNC.md's table).

The real sync service runs on loopback over PostgreSQL; a branch node on SQLite syncs through
the real background worker. Stopping the service makes the branch offline: the online-only
action is disabled with the reason and the reports tab says its figures are a snapshot.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from PySide6.QtWidgets import QPushButton

from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.services.node_setup import find_node_identity
from lorch_desk.services.sync_enrolment import enrol_node
from lorch_desk.sync.client import join
from lorch_desk.sync.server import SyncService
from lorch_desk.sync.worker import SyncWorker
from lorch_desk.ui.connection import ConnectionState, bind_online_only
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.roles.front_desk.customer_tab import CustomerTabWidget
from lorch_desk.ui.roles.manager.reports_tab import ReportsTabWidget
from lorch_desk.ui.sync_status_widget import SyncStatusWidget
from lorch_desk.ui.tasks import TaskRunner
from tests.sync.conftest import _free_port, _nobody
from tests.ui.conftest import wait_idle


class _LoopbackService:
    """The sync service on a fixed loopback port that can be stopped and started again."""

    def __init__(self, database: Database) -> None:
        self.app = SyncService(database.engine).app()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert time.monotonic() < deadline, "the sync service did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
            self._server = None


@pytest.fixture()
def branch_context(
    qapp,  # noqa: ANN001
    pg_database: Database,
    pg_actor_for: Callable[..., Actor],
    migrated_template: Path,
    tmp_path: Path,
) -> Iterator[tuple[UiContext, _LoopbackService]]:
    """A branch manager's context on a node joined to a running HQ, with the real worker."""
    service = _LoopbackService(pg_database)
    service.start()
    enrolled, _ = pg_database.run(
        pg_actor_for(Role.HQ_ADMIN),
        lambda uow, _p: enrol_node(uow, site_code="SH", site_name="上海分店", name="SH-PC1"),
    )
    path = tmp_path / "SH.sqlite3"
    shutil.copy(migrated_template, path)
    database = Database(make_engine(f"sqlite:///{path}"))
    join(database, service.url, enrolled.token)
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        identity = find_node_identity(uow)
    assert identity is not None
    actor = Actor(
        new_id(), "manager", "王经理", Role.BRANCH_MANAGER, identity.site_id, "SH", identity.node_id
    )
    events = DataEvents()
    tasks = TaskRunner(database, events)
    tasks.actor = actor
    worker = SyncWorker(database, interval=3600, first_delay=3600)
    worker.start()
    context = UiContext(
        tasks=tasks,
        events=events,
        actor=actor,
        site_name="上海分店",
        database_label="SH.sqlite3",
        language="en",
        sync=worker,
    )
    yield context, service
    tasks.wait_for_idle()
    worker.stop()
    service.stop()
    database.dispose()


def test_an_online_only_action_is_disabled_with_the_reason_while_hq_is_unreachable(
    qtbot,
    branch_context,  # noqa: ANN001
) -> None:
    context, service = branch_context
    status = SyncStatusWidget(context)
    qtbot.addWidget(status)
    reports = ReportsTabWidget(context)
    qtbot.addWidget(reports)
    customers = CustomerTabWidget(context)
    qtbot.addWidget(customers)
    redeem = QPushButton("Redeem points")
    redeem.setToolTip("Pay with the customer's points")
    qtbot.addWidget(redeem)
    bind_online_only(redeem, context.connection, "Points are kept by headquarters.")
    status.show()
    reports.show()
    wait_idle(qtbot, context.tasks)
    assert status.state_label.text() == "● Online"
    assert context.connection.online and redeem.isEnabled()
    assert reports.offline_note.isHidden() and customers.offline_note.isHidden()

    service.stop()
    status.sync_now_button.click()
    qtbot.waitUntil(lambda: status.state_label.text() == "○ Offline", timeout=15_000)
    assert not context.connection.online
    assert not redeem.isEnabled()
    last = context.connection.last_sync_text()
    assert redeem.toolTip() == (
        f"Needs a connection to headquarters, which cannot be reached (last sync: {last}). "
        "Points are kept by headquarters."
    )
    assert not reports.offline_note.isHidden()
    assert reports.offline_note.text() == (
        f"Offline: figures of other sites are the snapshot of the last sync, {last}."
    )
    assert not customers.offline_note.isHidden()
    assert customers.offline_note.text().startswith(
        f"Offline: customers registered at other branches since the last sync ({last}) are not"
    )

    service.start()
    status.sync_now_button.click()
    qtbot.waitUntil(lambda: status.state_label.text() == "● Online", timeout=15_000)
    assert redeem.isEnabled() and redeem.toolTip() == "Pay with the customer's points"
    assert reports.offline_note.isHidden() and customers.offline_note.isHidden()
    status.stop()
    wait_idle(qtbot, context.tasks)


def test_a_database_never_joined_to_headquarters_is_always_online(qtbot, ui_context) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    status = SyncStatusWidget(context)
    qtbot.addWidget(status)
    redeem = QPushButton("Redeem points")
    qtbot.addWidget(redeem)
    bind_online_only(redeem, context.connection)
    wait_idle(qtbot, context.tasks)
    assert status.state_label.text() == "Not connected to headquarters"
    assert context.connection.online and redeem.isEnabled()
    status.stop()


def test_a_connection_state_emits_only_when_it_changes(qapp) -> None:  # noqa: ANN001
    from lorch_desk.services.sync_status import SyncStatus

    connection = ConnectionState()
    seen: list[bool] = []
    connection.changed.connect(seen.append)

    def status(*, configured: bool, online: bool) -> SyncStatus:
        return SyncStatus(configured, online, 0, None, "", 0, 0)

    connection.update(status(configured=False, online=False))
    connection.update(status(configured=True, online=False))
    connection.update(status(configured=True, online=False))
    connection.update(status(configured=True, online=True))
    assert seen == [False, True]


def test_a_sync_under_way_keeps_the_last_state_and_a_failure_means_offline(
    database, system_actor
) -> None:  # noqa: ANN001
    from lorch_desk.services import sync_status as state

    def read_after(*values: tuple[str, str]) -> bool:
        def work(uow, _progress):  # noqa: ANN001, ANN202
            for key, value in values:
                state.write_value(uow, key, value)
            return state.sync_status(uow).online

        online, _ = database.run(system_actor, work)
        return online

    success = (state.LAST_SUCCESS, "2026-11-23T06:05:00+00:00")
    assert read_after((state.SERVER_URL, "https://hq.example.cn"), success)
    assert read_after((state.LAST_ATTEMPT, "2026-11-23T06:06:00+00:00"))  # under way
    assert not read_after((state.LAST_ERROR, "ConnectError: refused"))
    assert read_after((state.LAST_ERROR, ""), (state.LAST_SUCCESS, "2026-11-23T06:06:00+00:00"))
