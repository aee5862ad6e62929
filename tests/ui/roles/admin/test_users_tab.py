"""The administrator's user list: create a login, refuse mismatched passwords, disable, reset."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from lorch_desk.domain.permissions import Role
from lorch_desk.services import auth
from lorch_desk.services.auth import CreateUserInput
from lorch_desk.ui.common.role_names import role_label
from lorch_desk.ui.roles.admin.users_tab import UsersTabWidget
from tests.ui.conftest import open_tab, type_text, wait_idle

# The offscreen platform says this whenever a dialog opens; it is not a fault of ours.


def _shown_users(tab: UsersTabWidget) -> dict[str, list[str]]:
    model = tab.model
    return {
        model.index(row, 0).data(): [model.index(row, column).data() for column in range(4)]
        for row in range(model.rowCount())
    }


def _select(tab: UsersTabWidget, username: str) -> None:
    for row in range(tab.model.rowCount()):
        if tab.model.row_at(row).username == username:
            tab.view.selectRow(row)
            return
    raise AssertionError(f"{username} is not listed")


def _closed(dialog: QDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _fill_new_user(qtbot, tab, *, username, display_name, role, password, repeat):  # noqa: ANN001, ANN202
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(QDialog, "new_user_dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), username)
    type_text(dialog.findChild(QLineEdit, "display_name"), display_name)
    combo = dialog.findChild(QComboBox, "role")
    combo.setCurrentIndex(combo.findData(role.value))
    qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), password)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "password_repeat"), repeat)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return dialog


def test_admin_creates_a_doctor_who_can_then_log_in(
    qtbot, ui_context, database, system_actor, qtmodeltester
) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    tab = open_tab(qtbot, UsersTabWidget, context)
    assert "admin" in _shown_users(tab)

    dialog = _fill_new_user(
        qtbot,
        tab,
        username="wangfang",
        display_name="王芳",
        role=Role.DOCTOR,
        password="Clinic2026",
        repeat="Clinic2026",
    )
    wait_idle(qtbot, context.tasks)

    assert _closed(dialog)
    assert _shown_users(tab)["wangfang"] == ["wangfang", "王芳", role_label(Role.DOCTOR), "Active"]
    assert tab.status_label.text() == "The new user can log in now."
    attempt, _ = database.run(
        system_actor,
        lambda uow, _p: auth.attempt_log_in(uow, username="wangfang", password="Clinic2026"),
    )
    assert attempt.refusal is None
    assert attempt.actor.role is Role.DOCTOR
    qtmodeltester.check(tab.model)


def test_mismatched_passwords_are_refused_in_place_and_nothing_is_written(
    qtbot, ui_context, database, system_actor
) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    tab = open_tab(qtbot, UsersTabWidget, context)

    dialog = _fill_new_user(
        qtbot,
        tab,
        username="lina",
        display_name="李娜",
        role=Role.RECEPTIONIST,
        password="Clinic2026",
        repeat="Clinic2062",
    )

    assert not context.tasks.is_busy
    assert dialog.isVisible()
    error = dialog.findChild(QLabel, "password_repeat_error")
    assert error.isVisible()
    assert "differ" in error.text()
    # What the user typed stays, so only the repeat needs retyping.
    assert dialog.findChild(QLineEdit, "username").text() == "lina"
    users, _ = database.run(system_actor, lambda uow, _p: auth.list_users(uow))
    assert "lina" not in {user.username for user in users}
    dialog.reject()


def test_a_refused_user_name_is_shown_next_to_the_field(qtbot, ui_context) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    tab = open_tab(qtbot, UsersTabWidget, context)

    dialog = _fill_new_user(
        qtbot,
        tab,
        username="9 lives",
        display_name="九命",
        role=Role.CONSULTANT,
        password="Clinic2026",
        repeat="Clinic2026",
    )
    wait_idle(qtbot, context.tasks)

    assert dialog.isVisible()
    error = dialog.findChild(QLabel, "username_error")
    assert error.isVisible()
    assert "lowercase letters" in error.text()
    assert dialog.findChild(QLineEdit, "display_name").text() == "九命"
    dialog.reject()


def test_admin_disables_and_enables_a_login_after_confirming(
    qtbot, ui_context, database, system_actor, actor_for, monkeypatch
) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    database.run(
        admin,
        lambda uow, _p: auth.create_user(
            uow, CreateUserInput("zhaolei", "赵磊", Role.PHARMACIST, "Pharma2026")
        ),
    )
    context = ui_context(actor=admin)
    tab = open_tab(qtbot, UsersTabWidget, context)
    questions: list[str] = []

    def answer_yes(_parent, _title, text, *args):  # noqa: ANN001, ANN202
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)

    _select(tab, "zhaolei")
    assert tab.active_button.text() == "Disable"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    assert "赵磊" in questions[0]
    assert _shown_users(tab)["zhaolei"][3] == "Disabled"
    assert tab.active_button.text() == "Enable"
    attempt, _ = database.run(
        system_actor,
        lambda uow, _p: auth.attempt_log_in(uow, username="zhaolei", password="Pharma2026"),
    )
    assert attempt.actor is None

    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert _shown_users(tab)["zhaolei"][3] == "Active"


def test_admin_resets_a_password(qtbot, ui_context, database, system_actor, actor_for) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    database.run(
        admin,
        lambda uow, _p: auth.create_user(
            uow, CreateUserInput("sunli", "孙丽", Role.CUSTOMER_SERVICE, "Service2026")
        ),
    )
    context = ui_context(actor=admin)
    tab = open_tab(qtbot, UsersTabWidget, context)

    _select(tab, "sunli")
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(QDialog, "reset_password_dialog")
    assert dialog is not None
    qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), "Renewed2027")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "password_repeat"), "Renewed2027")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    assert _closed(dialog)
    attempt, _ = database.run(
        system_actor,
        lambda uow, _p: auth.attempt_log_in(uow, username="sunli", password="Renewed2027"),
    )
    assert attempt.actor is not None


def test_a_branch_manager_sees_the_users_but_cannot_change_them(qtbot, ui_context) -> None:  # noqa: ANN001
    context = ui_context(Role.BRANCH_MANAGER)
    tab = open_tab(qtbot, UsersTabWidget, context)
    tab.view.selectRow(0)

    assert tab.model.rowCount() >= 1
    for button in (tab.new_button, tab.reset_button, tab.active_button):
        assert not button.isEnabled()
        assert "not change" in button.toolTip()
