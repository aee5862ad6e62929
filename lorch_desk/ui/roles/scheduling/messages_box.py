"""The message outbox at the desk: what waits to be sent, "mark sent", and "send now"."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import messages
from lorch_desk.services.messages import MessageRow
from lorch_desk.ui import errors
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class MessagesBoxWidget(QGroupBox):
    """Confirmation and cancellation messages; staff send by hand and mark them sent."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Messages to customers"))
        self._context = context
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Written"), lambda m: m.created_at),
                TableColumn(self.tr("To"), lambda m: m.recipient_name),
                TableColumn(self.tr("Mobile"), lambda m: m.mobile_display),
                TableColumn(
                    self.tr("State"),
                    lambda m: self.tr("Sent") if m.is_sent else self.tr("Not sent"),
                ),
                TableColumn(self.tr("Text"), lambda m: m.body),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.mark_sent_button = QPushButton(self.tr("Mark sent"))
        self.mark_sent_button.clicked.connect(self._on_mark_sent_button_clicked)
        self.mark_sent_button.setEnabled(context.actor.may(Action.MESSAGE_SEND))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_sent_button)
        buttons.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        """Read the outbox again (unsent first)."""
        self._context.tasks.run(
            lambda uow, _p: messages.list_messages(uow),
            on_done=self._on_messages_loaded,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _on_messages_loaded(self, rows: list[MessageRow]) -> None:
        self.model.set_rows(rows)
        unsent = sum(not row.is_sent for row in rows)
        self.setTitle(self.tr("Messages to customers (%n not sent)", "", unsent))

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("outgoing_message"):
            self.reload()

    def _on_mark_sent_button_clicked(self) -> None:
        row = self.view.selected_row()
        if row is None or row.is_sent:
            return
        message_id = row.id
        self._context.tasks.run(
            lambda uow, _p: messages.mark_sent(uow, message_id=message_id),
            on_done=self._on_marked,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_marked(self, row: Any) -> None:
        self.status_label.setText(self.tr("Marked sent: %1").replace("%1", row.recipient_name))

    def _on_refused(self, error: DomainError) -> None:
        self.status_label.setText(errors.message_for(error))
