"""Work in the background: its answer reaches the widget that asked, unless that is gone."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from lorch_desk.domain.permissions import Role
from tests.ui.conftest import wait_idle


def test_an_answer_for_a_widget_closed_meanwhile_is_dropped_without_an_error(
    qtbot, ui_context
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    asked, kept = QLabel(), QLabel()
    qtbot.addWidget(kept)
    release = threading.Event()
    answers: list[str] = []

    def slow(_uow, _progress) -> str:  # noqa: ANN001
        release.wait(5)
        return "answer"

    context.tasks.run(slow, on_done=answers.append, parent=asked)
    context.tasks.run(slow, on_done=lambda a: kept.setText(a), parent=kept)
    shiboken6.delete(asked)  # the window closed while the database was still working
    release.set()
    wait_idle(qtbot, context.tasks)

    assert answers == []
    assert kept.text() == "answer"
