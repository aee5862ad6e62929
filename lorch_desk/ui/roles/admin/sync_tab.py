"""Sync: the conflicts an administrator settles, the rejected changes, enrolling a node."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import sync_conflicts, sync_enrolment
from lorch_desk.services.sync_conflicts import ConflictRow
from lorch_desk.services.sync_enrolment import EnrolledNode
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.errors import field_label, message_for

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
                TableColumn(self.tr("Record"), lambda row: row.record),
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
                TableColumn(self.tr("Table"), lambda row: row.table_name),
                TableColumn(self.tr("Record"), lambda row: str(row.row_id)),
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
        self.enrol_box: QGroupBox | None = None
        if context.actor.may(Action.SYNC_ENROL):
            layout.addWidget(self._build_enrol_box())
        context.events.data_changed.connect(self._on_events_data_changed)
        self._update_buttons()
        self.reload()

    def _build_enrol_box(self) -> QGroupBox:
        self.site_code_edit = QLineEdit()
        self.site_code_edit.setObjectName("site_code")
        self.site_code_edit.setMaxLength(6)
        self.site_name_edit = QLineEdit()
        self.site_name_edit.setObjectName("site_name")
        self.node_name_edit = QLineEdit()
        self.node_name_edit.setObjectName("node_name")
        self.enrol_button = QPushButton(self.tr("Enrol node"))
        self.enrol_button.setObjectName("enrol")
        self.enrol_button.clicked.connect(self._on_enrol_button_clicked)
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("token")
        self.token_edit.setReadOnly(True)
        self.enrol_status = QLabel()
        self.enrol_status.setObjectName("enrol_status")
        self.enrol_status.setWordWrap(True)
        self.node_model = DtoTableModel(
            [
                TableColumn(self.tr("Site"), lambda row: row.site_code),
                TableColumn(self.tr("Node"), lambda row: row.name),
                TableColumn(self.tr("Enrolled"), lambda row: row.enrolled_at),
                TableColumn(self.tr("Last seen"), lambda row: row.last_seen_at),
            ],
            self,
        )
        self.node_view = DtoTableView(self.node_model)
        self.node_view.setObjectName("nodes")
        box = QGroupBox(self.tr("Enrol a branch node"))
        outer = QHBoxLayout(box)
        form = QFormLayout()
        outer.addLayout(form, 1)
        outer.addWidget(self.node_view, 1)
        form.addRow(self.tr("Site code:"), self.site_code_edit)
        form.addRow(self.tr("Site name (new site):"), self.site_name_edit)
        form.addRow(self.tr("Node name:"), self.node_name_edit)
        form.addRow("", self.enrol_button)
        form.addRow(self.tr("Token:"), self.token_edit)
        form.addRow("", self.enrol_status)
        self.enrol_box = box
        return box

    def reload(self) -> None:
        """Read conflicts, rejections and (at headquarters) the enrolled nodes again."""
        with_nodes = self.enrol_box is not None
        self._context.tasks.run(
            lambda uow, _progress: (
                sync_conflicts.list_conflicts(uow),
                sync_conflicts.list_rejections(uow),
                sync_enrolment.list_nodes(uow) if with_nodes else [],
            ),
            on_done=self._on_lists_loaded,
            on_error=self._show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_lists_loaded(self, lists: tuple[list[ConflictRow], list[Any], list[Any]]) -> None:
        if not shiboken6.isValid(self.conflict_view):
            return
        conflicts, rejections, nodes = lists
        self.conflict_model.set_rows(conflicts)
        self.rejection_model.set_rows(rejections)
        if self.enrol_box is not None:
            self.node_model.set_rows(nodes)
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
            .replace("%2", row.record)
        )

    def _on_keep_button_clicked(self) -> None:
        self._resolve(sync_conflicts.KEEP)

    def _on_apply_other_button_clicked(self) -> None:
        self._resolve(sync_conflicts.TAKE_OTHER)

    def _on_enrol_button_clicked(self) -> None:
        code = self.site_code_edit.text()
        name = self.site_name_edit.text()
        node = self.node_name_edit.text()
        self._context.tasks.run(
            lambda uow, _progress: sync_enrolment.enrol_node(
                uow, site_code=code, site_name=name, name=node
            ),
            on_done=self._on_enrolled,
            on_error=lambda error: self.enrol_status.setText(message_for(error)),
            parent=self,
        )

    def _on_enrolled(self, enrolled: EnrolledNode) -> None:
        self.token_edit.setText(enrolled.token)
        self.enrol_status.setText(
            self.tr(
                "Node %1 of %2 enrolled. Give this token to the branch (it is shown only once): "
                "lorch-desk sync --join URL --token TOKEN"
            )
            .replace("%1", enrolled.name)
            .replace("%2", enrolled.site_code)
        )

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("sync_conflict", "sync_rejection", "sync_node"):
            self.reload()
