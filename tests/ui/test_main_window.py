"""The main window shows the tabs a role may see, the status bar and the global shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lorch_desk.domain.permissions import Action, Role
from lorch_desk.ui.main_window import MainWindow
from tests.ui.conftest import wait_idle


def _window(qtbot, context) -> MainWindow:  # noqa: ANN001
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, context.tasks)
    return window


def test_a_receptionist_sees_the_customer_tab_and_her_name_in_the_status_bar(
    qtbot, ui_context
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    window = _window(qtbot, context)
    assert window.tab_keys[0] == "customers"
    assert "reports" not in window.tab_keys
    assert "Receptionist" in window.findChild(type(window.busy), "status_user").text()
    assert window.findChild(type(window.busy), "status_site").text() == "北京总部"


def test_every_role_gets_at_least_one_tab_and_only_permitted_ones(qtbot, ui_context) -> None:  # noqa: ANN001
    for role in Role:
        context = ui_context(role)
        window = _window(qtbot, context)
        assert window.tabs.count() >= 1, role
        if not context.actor.may(Action.REPORT_RUN):
            assert "reports" not in window.tab_keys


def test_f2_focuses_search_and_ctrl_n_opens_a_new_customer_form(qtbot, ui_context) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    window = _window(qtbot, context)
    customers = window.show_tab("customers")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert customers.stack.currentWidget() is customers.page
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert customers.stack.currentIndex() == 0
    window.new_customer()
    window.focus_search()
    assert customers.stack.currentIndex() == 0
    assert customers.search.hasFocus()
