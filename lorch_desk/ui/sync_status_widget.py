"""The sync indicator of the status bar: online/offline, pending, last sync, conflicts, "sync now".

It also keeps the context's ConnectionState current for the actions that need headquarters.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.services.sync_status import SyncStatus, sync_status
from lorch_desk.ui.common.table_model import display_text
from lorch_desk.ui.context import UiContext

REFRESH_MS = 30_000


class SyncStatusWidget(QWidget):
    """Always visible in the main window; reads the status off the GUI thread."""

    # Emitted from the sync worker's thread; delivered on the GUI thread.
    sync_finished = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._sync = context.sync
        self._loading = False
        self._read_again = False
        self.state_label = QLabel()
        self.state_label.setObjectName("sync_state")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("sync_pending")
        self.last_label = QLabel()
        self.last_label.setObjectName("sync_last")
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("sync_conflicts")
        self.rejected_label = QLabel()
        self.rejected_label.setObjectName("sync_rejected")
        self.sync_now_button = QToolButton()
        self.sync_now_button.setObjectName("sync_now")
        self.sync_now_button.setText(self.tr("Sync now"))
        self.sync_now_button.clicked.connect(self._on_sync_now_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.state_label,
            self.pending_label,
            self.last_label,
            self.conflicts_label,
            self.rejected_label,
            self.sync_now_button,
        ):
            layout.addWidget(widget)
        self.status: SyncStatus | None = None
        self.sync_finished.connect(self.refresh)
        if self._sync is not None:
            self._sync.on_done = lambda _report, _error: self.sync_finished.emit()
        context.events.data_changed.connect(self._on_events_data_changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._show(None)
        self.refresh()

    def refresh(self) -> None:
        """Read the sync status again (one read at a time; asked meanwhile, once more after)."""
        if self._loading:
            self._read_again = True
            return
        self._loading = True
        self._context.tasks.run(
            lambda uow, _progress: sync_status(uow),
            on_done=self._on_status_loaded,
            on_error=self._on_status_failed,
            parent=self,
            read_only=True,
        )

    def _on_status_loaded(self, status: SyncStatus) -> None:
        # The window may have closed while the status was read (log out, screenshots).
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.sync_now_button):
            return
        self._loading = False
        self._show(status)
        if self._read_again:
            self._read_again = False
            self.refresh()

    def _on_status_failed(self, _error: DomainError) -> None:
        if shiboken6.isValid(self):
            self._loading = False

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes:
            self.refresh()

    def _on_sync_now_button_clicked(self) -> None:
        if self._sync is None:
            return
        self.state_label.setText(self.tr("Syncing…"))
        self._sync.sync_now()

    def _show(self, status: SyncStatus | None) -> None:
        self.status = status
        configured = status is not None and status.configured
        self.sync_now_button.setVisible(configured and self._sync is not None)
        for label in (self.pending_label, self.last_label, self.conflicts_label):
            label.setVisible(configured)
        self.rejected_label.setVisible(configured)
        if status is None:
            self.state_label.setText("")
            return
        self._context.connection.update(status)
        if not configured:
            self.state_label.setText(self.tr("Not connected to headquarters"))
            return
        state = self.tr("● Online") if status.online else self.tr("○ Offline")
        if status.needs_resync:
            state += " · " + self.tr("needs resync")
        self.state_label.setText(state)
        self.state_label.setToolTip(
            "\n".join(filter(None, (status.last_error, *status.needs_resync)))
        )
        self.pending_label.setText(self.tr("%n pending", "", status.pending_changes))
        last = display_text(status.last_success_at) if status.last_success_at else self.tr("never")
        self.last_label.setText(self.tr("Last sync: %1").replace("%1", last))
        self.conflicts_label.setText(self.tr("%n conflicts", "", status.open_conflicts))
        self.rejected_label.setText(self.tr("%n rejected", "", status.rejected_changes))

    def stop(self) -> None:
        self._timer.stop()
        if self._sync is not None:
            self._sync.on_done = None
