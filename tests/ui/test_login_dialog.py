"""Logging in at the front-desk PC: wrong passwords counted, lockout, demo accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from lorch_desk.domain.permissions import Role
from lorch_desk.services import auth
from lorch_desk.services.auth import CreateUserInput
from lorch_desk.services.node_setup import node_actor
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.login_dialog import LoginDialog
from lorch_desk.ui.tasks import TaskRunner
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import type_text, wait_idle


def _dialog(qtbot, database, node, **kwargs) -> LoginDialog:  # noqa: ANN001
    tasks = TaskRunner(database, DataEvents())
    dialog = LoginDialog(tasks)
    dialog.set_node(node_actor(node), site_name="北京总部", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tasks_for_test = tasks
    return dialog


def _submit(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # noqa: ANN001
    dialog.username.clear()
    dialog.password.clear()
    type_text(dialog.username, username)
    type_text(dialog.password, password)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    wait_idle(qtbot, dialog.tasks_for_test)


def test_the_administrator_logs_in(qtbot, database, node) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, database, node)
    _submit(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert dialog.actor is not None
    assert dialog.actor.role is Role.HQ_ADMIN
    assert dialog.actor.site_code == "BJ"


def test_wrong_passwords_are_counted_and_the_fifth_locks_the_account(qtbot, database, node) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, database, node)
    _submit(qtbot, dialog, "admin", "wrong-1")
    assert "4" in dialog.message.text()
    assert dialog.actor is None
    for attempt in range(2, 6):
        _submit(qtbot, dialog, "admin", f"wrong-{attempt}")
    assert "locked" in dialog.message.text()
    _submit(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert dialog.actor is None
    assert "locked" in dialog.message.text()


def test_logging_in_waits_until_the_database_is_open(qtbot, database) -> None:  # noqa: ANN001
    dialog = LoginDialog(TaskRunner(None, DataEvents()))
    qtbot.addWidget(dialog)
    assert not dialog.is_ready
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.site.text()  # says the database is being opened


def test_empty_fields_are_refused_without_asking_the_database(qtbot, database, node) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, database, node)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not dialog.tasks_for_test.is_busy
    assert dialog.message.text()


def test_demo_mode_lists_the_accounts_and_a_double_click_logs_in(
    qtbot, database, node, system_actor
) -> None:  # noqa: ANN001
    database.run(
        system_actor,
        lambda uow, _p: auth.create_user(
            uow, CreateUserInput("wangli", "王丽", Role.RECEPTIONIST, "demo2026x")
        ),
    )
    with database.unit_of_work(system_actor, read_only=True) as uow:
        accounts = auth.list_demo_logins(uow)
    dialog = _dialog(qtbot, database, node, demo_accounts=accounts, demo_password="demo2026x")
    rows = [dialog.demo_list.item(i).text() for i in range(dialog.demo_list.count())]
    assert any("王丽" in row and "Receptionist" in row for row in rows)
    index = next(i for i, row in enumerate(rows) if "王丽" in row)
    item = dialog.demo_list.item(index)
    dialog.demo_list.itemActivated.emit(item)
    wait_idle(qtbot, dialog.tasks_for_test)
    assert dialog.actor is not None and dialog.actor.username == "wangli"
