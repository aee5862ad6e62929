"""呼叫中心: the day's calls, logging a call, and the supervisor's quality review."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.permissions import Action
from lorch_desk.services.calls import CallRow, list_calls
from lorch_desk.services.complaint_queries import ComplaintDetail
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.call_log_form import CallLogForm
from lorch_desk.ui.roles.customer_service.call_review_box import CallReviewBox
from lorch_desk.ui.roles.customer_service.complaint_from_call_dialog import (
    ComplaintFromCallDialog,
)
from lorch_desk.ui.roles.customer_service.complaint_labels import (
    DIRECTIONS,
    OUTCOMES,
    TOPICS,
    name_of,
)

CALL_TABLES = ("call_log", "call_review")


class CallsPage(QWidget):
    """The call log of one day; agents log calls, supervisors review them."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.errors = FieldErrors()
        self.day_edit = QDateEdit(QDate(clinic_today()))
        self.day_edit.setObjectName("calls_day")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.dateChanged.connect(lambda _d: self.reload())
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Time"), lambda r: r.called_at),
                TableColumn(self.tr("Direction"), lambda r: name_of(DIRECTIONS, r.direction)),
                TableColumn(self.tr("Agent"), lambda r: r.agent_name),
                TableColumn(self.tr("Number"), lambda r: r.number_display),
                TableColumn(self.tr("Caller"), lambda r: r.caller_name),
                TableColumn(self.tr("Topic"), lambda r: name_of(TOPICS, r.topic)),
                TableColumn(self.tr("Outcome"), lambda r: name_of(OUTCOMES, r.outcome)),
                TableColumn(self.tr("Minutes"), lambda r: r.duration_seconds // 60, True),
                TableColumn(self.tr("Quality %"), lambda r: r.review_percent, True),
                TableColumn(self.tr("Notes"), lambda r: r.summary),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.view.setObjectName("call_list")
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.complaint_button = QPushButton(self.tr("Receive as complaint…"))
        self.complaint_button.setObjectName("complaint_from_call")
        self.complaint_button.setVisible(context.actor.may(Action.COMPLAINT_HANDLE))
        self.complaint_button.setEnabled(False)
        self.complaint_button.clicked.connect(self.receive_complaint_from_call)
        self.complaint_dialog: ComplaintFromCallDialog | None = None
        self.side = QTabWidget()
        self.log_form = CallLogForm(context)
        self.review_box = CallReviewBox(context) if context.actor.may(Action.CALL_REVIEW) else None
        if context.actor.may(Action.CALL_LOG):
            self.side.addTab(self.log_form, self.tr("Log a call"))
        else:
            self.log_form.hide()
        if self.review_box is not None:
            self.side.addTab(self.review_box, self.tr("Quality review"))

        day_row = QHBoxLayout()
        day_row.addWidget(QLabel(self.tr("Day:")))
        day_row.addWidget(self.day_edit)
        day_row.addStretch(1)
        day_row.addWidget(self.complaint_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(day_row)
        left_layout.addWidget(self.view)
        left_layout.addWidget(self.errors.general)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        """Read the chosen day's calls again."""
        chosen = self.day_edit.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        self._context.tasks.run(
            lambda uow, _p: list_calls(uow, start=day, end=day),
            on_done=self._on_loaded,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def receive_complaint_from_call(self) -> None:
        """Open the complaint intake started from the chosen call (a complaint by phone)."""
        row: CallRow | None = self.view.selected_row()
        if row is None:
            return
        self.complaint_dialog = ComplaintFromCallDialog(self._context, row, self)
        self.complaint_dialog.complaint_received.connect(self._on_complaint_received)
        self.complaint_dialog.open()

    def _on_complaint_received(self, detail: ComplaintDetail) -> None:
        self.errors.show(None, self.tr("Complaint %1 received.").replace("%1", detail.row.number))

    def _on_loaded(self, rows: list[CallRow]) -> None:
        self.model.set_rows(rows)
        self.complaint_button.setEnabled(False)
        if self.review_box is not None:
            self.review_box.set_call(None, "")

    def _on_view_selection_changed(self, *_args: Any) -> None:
        row: CallRow | None = self.view.selected_row()
        self.complaint_button.setEnabled(row is not None)
        if self.review_box is not None and row is not None:
            description = " · ".join(
                part
                for part in (row.agent_name, row.caller_name, name_of(TOPICS, row.topic))
                if part
            )
            self.review_box.set_call(row.id, description)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches(*CALL_TABLES):
            self.reload()
