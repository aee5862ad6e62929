"""The screen locks after a pause without input; any key press starts the pause again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from lorch_desk.ui.idle_watcher import IdleWatcher


def test_idle_is_announced_after_the_pause(qtbot, qapp) -> None:  # noqa: ANN001
    watcher = IdleWatcher(0.002)  # 120 ms
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass
    watcher.stop()


def test_typing_postpones_the_lock(qtbot, qapp) -> None:  # noqa: ANN001
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher = IdleWatcher(0.005)  # 300 ms
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    for _ in range(6):
        qtbot.wait(100)
        qtbot.keyClick(field, Qt.Key.Key_A)
    assert not fired  # 600 ms of typing, never 300 ms without a key
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass
    watcher.stop()


def test_zero_minutes_never_locks(qtbot, qapp) -> None:  # noqa: ANN001
    watcher = IdleWatcher(0)
    with qtbot.assertNotEmitted(watcher.idle, wait=300):
        pass
    watcher.stop()
