"""GUI fixtures: a real TaskRunner over the test database and a UiContext for an actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Role
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.tasks import TaskRunner

T = TypeVar("T")


@pytest.fixture()
def ui_context(
    qapp, database: Database, actor_for: Callable[[Role], Actor]
) -> Callable[..., UiContext]:  # noqa: ANN001
    """A UiContext for `role` (or a given actor) whose operations run on the test database."""
    made: list[TaskRunner] = []

    def make(
        role: Role = Role.RECEPTIONIST, *, actor: Actor | None = None, language: str = "zh_CN"
    ) -> UiContext:
        events = DataEvents()
        tasks = TaskRunner(database, events)
        tasks.actor = actor or actor_for(role)
        made.append(tasks)
        return UiContext(
            tasks=tasks,
            events=events,
            actor=tasks.actor,
            site_name="北京总部",
            database_label="test",
            language=language,
        )

    yield make
    for tasks in made:
        tasks.wait_for_idle()


def wait_idle(qtbot, tasks: TaskRunner, timeout: int = 10_000) -> None:  # noqa: ANN001
    """Wait until every operation of `tasks` has finished and its results were delivered."""
    qtbot.waitUntil(lambda: not tasks.is_busy, timeout=timeout)


def open_tab(qtbot, tab_class: type[T], context: UiContext) -> T:  # noqa: ANN001
    """Show a role tab at a desktop's size, as the main window does, once its first load is in."""
    tab = tab_class(context)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    wait_idle(qtbot, context.tasks)
    return tab


def type_text(widget, text: str) -> None:  # noqa: ANN001
    """Type like a user: keys for ASCII, an input-method commit for Chinese (as Pinyin IMEs do).

    QTest.keyClicks cannot send Chinese (Qt asserts in qasciikey.cpp).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    if not widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
        return  # an input method never reaches a read-only field
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
