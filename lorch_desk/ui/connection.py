"""Whether headquarters is reachable, as the ui sees it, and what changes while it is not.

SYNC.md's table "What needs a connection, and the fallback": an action that needs headquarters
is disabled with the reason (`bind_online_only`); a screen whose figures come partly from other
sites says they are the last synced snapshot, with its time (`OfflineNote`). Only a node joined
to headquarters is ever offline: a standalone or headquarters database always counts as online.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from lorch_desk.ui.common.table_model import display_text

if TYPE_CHECKING:  # the login window shows before any database code loads (tests/test_app.py)
    from lorch_desk.services.sync_status import SyncStatus


class ConnectionState(QObject):
    """The connection to headquarters; `changed(online)` when it comes or goes."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._online = True
        self._last_sync_at: datetime | None = None

    @property
    def online(self) -> bool:
        return self._online

    @property
    def last_sync_at(self) -> datetime | None:
        return self._last_sync_at

    def update(self, status: SyncStatus) -> None:
        """Take the sync status just read (the status bar reads it after every sync)."""
        self._last_sync_at = status.last_success_at
        online = not status.configured or status.online
        if online != self._online:
            self._online = online
            self.changed.emit(online)

    def last_sync_text(self) -> str:
        """The time of the last successful sync as people read it, or "never"."""
        if self._last_sync_at is None:
            return self.tr("never")
        return display_text(self._last_sync_at)

    def offline_reason(self) -> str:
        """Why an online-only action is disabled now."""
        return self.tr(
            "Needs a connection to headquarters, which cannot be reached (last sync: %1)."
        ).replace("%1", self.last_sync_text())


def bind_online_only(widget: QWidget, connection: ConnectionState, why: str = "") -> None:
    """Disable `widget` while headquarters cannot be reached; its tooltip then gives the reason.

    For actions whose only condition is the connection: going online enables the widget again
    and restores its own tooltip. `why` says what the action needs headquarters for.
    """
    own_tooltip = widget.toolTip()

    def follow(online: bool) -> None:
        widget.setEnabled(online)
        if online:
            widget.setToolTip(own_tooltip)
        else:
            widget.setToolTip(" ".join(filter(None, (connection.offline_reason(), why))))

    connection.changed.connect(follow)
    widget.destroyed.connect(lambda *_args: connection.changed.disconnect(follow))
    follow(connection.online)


class OfflineNote(QLabel):
    """Shown only while offline: `text` with %1 replaced by the time of the last sync."""

    def __init__(
        self, connection: ConnectionState, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._text = text
        self.setObjectName("offline_note")
        self.setWordWrap(True)
        self.setStyleSheet("color: #a15c00;")
        connection.changed.connect(self._on_connection_changed)
        self._on_connection_changed(connection.online)

    def _on_connection_changed(self, online: bool) -> None:
        self.setText(self._text.replace("%1", self._connection.last_sync_text()))
        self.setVisible(not online)
