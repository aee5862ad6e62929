"""Enrolling a branch node at headquarters: the form, the token shown once, the enrolled nodes.

Shown in the Sync tab and in the settings dialog of a headquarters administrator.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import sync_enrolment
from lorch_desk.services.sync_enrolment import EnrolledNode, NodeSummary
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.errors import message_for


class NodeEnrolmentBox(QGroupBox):
    """Site code, site name (for a new site) and node name; Enrol shows the node's token."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setTitle(self.tr("Enrol a branch node"))
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
        outer = QHBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form, 1)
        outer.addWidget(self.node_view, 1)
        form.addRow(self.tr("Site code:"), self.site_code_edit)
        form.addRow(self.tr("Site name (new site):"), self.site_name_edit)
        form.addRow(self.tr("Node name:"), self.node_name_edit)
        form.addRow("", self.enrol_button)
        form.addRow(self.tr("Token:"), self.token_edit)
        form.addRow("", self.enrol_status)
        for edit in (self.site_code_edit, self.site_name_edit, self.node_name_edit):
            edit.installEventFilter(self)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter in the form enrols (and does not reach a dialog's OK button)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_enrol_button_clicked()
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        """Read the enrolled nodes again."""
        self._context.tasks.run(
            lambda uow, _progress: sync_enrolment.list_nodes(uow),
            on_done=self._on_nodes_loaded,
            on_error=self._show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_nodes_loaded(self, nodes: list[NodeSummary]) -> None:
        if shiboken6.isValid(self.node_view):
            self.node_model.set_rows(nodes)

    def _show_refusal(self, error: DomainError) -> None:
        if shiboken6.isValid(self.enrol_status):
            self.enrol_status.setText(message_for(error))

    def _on_enrol_button_clicked(self) -> None:
        code = self.site_code_edit.text()
        name = self.site_name_edit.text()
        node = self.node_name_edit.text()
        self._context.tasks.run(
            lambda uow, _progress: sync_enrolment.enrol_node(
                uow, site_code=code, site_name=name, name=node
            ),
            on_done=self._on_enrolled,
            on_error=self._show_refusal,
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
        if changes.touches("sync_node") and shiboken6.isValid(self):
            self.reload()
