"""Sync: the conflicts an administrator settles, the rejected changes, enrolling a node.

Records are named as people know them (kind, number, name); the raw key is in the tooltip.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.table_names import table_name_label
from lorch_desk.services import sync_conflicts
from lorch_desk.services.sync_conflicts import ConflictRow, RejectionRow
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.errors import field_label, message_for
from lorch_desk.ui.roles.admin.node_enrolment_box import NodeEnrolmentBox

_REASONS = {
    "unknown_table": QT_TRANSLATE_NOOP("SyncTabWidget", "The table is unknown at headquarters."),
    "central_table": QT_TRANSLATE_NOOP("SyncTabWidget", "Only headquarters may change this data."),
    "other_site": QT_TRANSLATE_NOOP("SyncTabWidget", "The record belongs to another site."),
    "ledger_update": QT_TRANSLATE_NOOP("SyncTabWidget", "Entries of a ledger cannot be changed."),
    "missing_row": QT_TRANSLATE_NOOP("SyncTabWidget", "Headquarters does not have the record."),
    "invalid_row": QT_TRANSLATE_NOOP("SyncTabWidget", "Headquarters could not store the record."),
    "pulled_clash": QT_TRANSLATE_NOOP(
        "SyncTabWidget", "A record from headquarters clashes with a record of this node."
    ),
}


def reason_text(reason: str) -> str:
    """The translated explanation of a rejection code."""
    text = _REASONS.get(reason)
    return QCoreApplication.translate("SyncTabWidget", text) if text else reason


class SyncTabWidget(QWidget):
    """Conflicts with both values and a button for each; rejections; node enrolment at HQ."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.conflict_model = DtoTableModel(
            [
                *self._record_columns(),
                TableColumn(self.tr("Field"), lambda row: field_label(row.field)),
                TableColumn(self.tr("Value kept"), lambda row: row.kept_value),
                TableColumn(self.tr("Other value"), lambda row: row.other_value),
                TableColumn(self.tr("Recorded"), lambda row: row.recorded_at),
            ],
            self,
        )
        self.conflict_view = DtoTableView(self.conflict_model)
        self.conflict_view.setObjectName("conflicts")
        self.conflict_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.keep_button = QPushButton(self.tr("Keep the kept value"))
        self.keep_button.setObjectName("keep_value")
        self.keep_button.clicked.connect(self._on_keep_button_clicked)
        self.apply_other_button = QPushButton(self.tr("Apply the other value"))
        self.apply_other_button.setObjectName("apply_other_value")
        self.apply_other_button.clicked.connect(self._on_apply_other_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.apply_other_button)
        buttons.addStretch(1)
        conflicts_box = QGroupBox(self.tr("Open conflicts"))
        conflicts_layout = QVBoxLayout(conflicts_box)
        conflicts_layout.addWidget(self.conflict_view)
        conflicts_layout.addLayout(buttons)
        conflicts_layout.addWidget(self.status_label)

        self.rejection_model = DtoTableModel(
            [
                *self._record_columns(),
                TableColumn(self.tr("Reason"), lambda row: reason_text(row.reason)),
                TableColumn(self.tr("Recorded"), lambda row: row.recorded_at),
            ],
            self,
        )
        self.rejection_view = DtoTableView(self.rejection_model)
        self.rejection_view.setObjectName("rejections")
        rejections_box = QGroupBox(self.tr("Rejected changes"))
        QVBoxLayout(rejections_box).addWidget(self.rejection_view)

        layout = QVBoxLayout(self)
        layout.addWidget(conflicts_box, 3)
        layout.addWidget(rejections_box, 2)
        self.enrol_box: NodeEnrolmentBox | None = None
        if context.actor.may(Action.SYNC_ENROL):
            self.enrol_box = NodeEnrolmentBox(context)
            layout.addWidget(self.enrol_box)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._update_buttons()
        self.reload()

    def _record_columns(self) -> tuple[TableColumn, TableColumn]:
        """What the row is, as people call it; the raw table and key in the tooltip."""

        def raw(row: ConflictRow | RejectionRow) -> str:
            return f"{row.table_name} {row.row_id}"

        return (
            TableColumn(
                self.tr("Kind"),
                lambda row: table_name_label(row.table_name).text(self._context.language),
                tooltip=raw,
            ),
            TableColumn(
                self.tr("Record"),
                lambda row: row.record or self.tr("(not on this computer)"),
                tooltip=raw,
            ),
        )

    def reload(self) -> None:
        """Read conflicts and rejections again."""
        self._context.tasks.run(
            lambda uow, _progress: (
                sync_conflicts.list_conflicts(uow),
                sync_conflicts.list_rejections(uow),
            ),
            on_done=self._on_lists_loaded,
            on_error=self._show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_lists_loaded(self, lists: tuple[list[ConflictRow], list[RejectionRow]]) -> None:
        if not shiboken6.isValid(self.conflict_view):
            return
        conflicts, rejections = lists
        self.conflict_model.set_rows(conflicts)
        self.rejection_model.set_rows(rejections)
        self._update_buttons()

    def _show_refusal(self, error: DomainError) -> None:
        self.status_label.setText(message_for(error))

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.conflict_view.selected_row() is not None
        self.keep_button.setEnabled(chosen)
        self.apply_other_button.setEnabled(chosen)

    def _resolve(self, choice: str) -> None:
        row = self.conflict_view.selected_row()
        if row is None:
            return
        self._context.tasks.run(
            lambda uow, _progress: sync_conflicts.resolve_conflict(
                uow, conflict_id=row.id, choice=choice
            ),
            on_done=self._on_resolved,
            on_error=self._show_refusal,
            parent=self,
        )

    def _on_resolved(self, row: ConflictRow) -> None:
        self.status_label.setText(
            self.tr("Settled: %1 of %2.")
            .replace("%1", field_label(row.field))
            .replace("%2", row.record or str(row.row_id))
        )

    def _on_keep_button_clicked(self) -> None:
        self._resolve(sync_conflicts.KEEP)

    def _on_apply_other_button_clicked(self) -> None:
        self._resolve(sync_conflicts.TAKE_OTHER)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("sync_conflict", "sync_rejection"):
            self.reload()
