"""The one broadcast of what changed, so each tab refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    """`data_changed(ChangeSet)` after every committed operation."""

    data_changed = Signal(object)
