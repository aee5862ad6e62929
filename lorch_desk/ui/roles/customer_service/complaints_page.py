"""投诉: the complaint list (overdue ones in red), the intake form and one complaint's steps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.complaints import SUPERVISOR_ROLES
from lorch_desk.domain.permissions import Action
from lorch_desk.services.complaint_queries import ComplaintDetail, ComplaintRow, list_complaints
from lorch_desk.services.inquiries import StaffChoice, list_inquiry_staff
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.complaint_detail import ComplaintDetailWidget
from lorch_desk.ui.roles.customer_service.complaint_intake_box import ComplaintIntakeBox
from lorch_desk.ui.roles.customer_service.complaint_labels import (
    CAUSES,
    CHANNELS,
    STATUSES,
    name_of,
)

OVERDUE_COLOUR = QColor("#b3261e")
COMPLAINT_TABLES = ("complaint", "complaint_step")


class ComplaintTableModel(DtoTableModel):
    """The complaint list; an overdue complaint's line is red."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row: ComplaintRow = self.row_at(index.row())
            return OVERDUE_COLOUR if row.is_overdue else None
        return super().data(index, role)


class ComplaintsPage(QWidget):
    """Every complaint of the site, newest first; pick one to take its next step."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.errors = FieldErrors()
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("complaint_filter")
        self.filter_combo.addItem(self.tr("All complaints"), "all")
        self.filter_combo.addItem(self.tr("Open"), "open")
        self.filter_combo.addItem(self.tr("Overdue"), "overdue")
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdue_count")
        self.overdue_label.setStyleSheet(f"color: {OVERDUE_COLOUR.name()}; font-weight: bold;")
        self.list_model = ComplaintTableModel(
            [
                TableColumn(self.tr("Number"), lambda r: r.number),
                TableColumn(self.tr("Received"), lambda r: r.received_at),
                TableColumn(self.tr("Customer"), lambda r: r.customer_name),
                TableColumn(self.tr("Channel"), lambda r: name_of(CHANNELS, r.channel)),
                TableColumn(self.tr("Status"), lambda r: name_of(STATUSES, r.status)),
                TableColumn(self.tr("Deadline"), lambda r: r.plan_deadline),
                TableColumn(
                    self.tr("Overdue"), lambda r: self.tr("Overdue") if r.is_overdue else ""
                ),
                TableColumn(self.tr("Cause"), lambda r: name_of(CAUSES, r.cause)),
            ],
            self,
        )
        self.list_view = DtoTableView(self.list_model)
        self.list_view.setObjectName("complaint_list")
        self.list_view.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        self.intake = ComplaintIntakeBox(context)
        self.intake.complaint_received.connect(self._on_complaint_received)
        self.detail = ComplaintDetailWidget(context)
        self.side = QTabWidget()
        self.side.addTab(self.detail, self.tr("Complaint"))
        if context.actor.may(Action.COMPLAINT_HANDLE):
            self.side.addTab(self.intake, self.tr("New complaint"))
            self.side.setCurrentWidget(self.intake)
        else:
            self.intake.hide()
            self.detail.step_form.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.filter_combo)
        filters.addStretch(1)
        filters.addWidget(self.overdue_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list_view)
        left_layout.addWidget(self.errors.general)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._load_staff()
        self.reload()

    def reload(self) -> None:
        """Read the list again with the chosen filter."""
        shown = self.filter_combo.currentData()
        self._context.tasks.run(
            lambda uow, _p: list_complaints(
                uow, open_only=shown == "open", overdue_only=shown == "overdue"
            ),
            on_done=self._on_loaded,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, rows: list[ComplaintRow]) -> None:
        shown = self.detail.detail
        self.list_model.set_rows(rows)
        overdue = sum(row.is_overdue for row in rows)
        self.overdue_label.setText(
            self.tr("%1 overdue").replace("%1", str(overdue)) if overdue else ""
        )
        for index, row in enumerate(rows):
            if shown is not None and row.id == shown.row.id:
                self.list_view.selectRow(index)

    def _on_list_selection_changed(self, *_args: Any) -> None:
        row: ComplaintRow | None = self.list_view.selected_row()
        if row is not None and (self.detail.detail is None or self.detail.detail.row.id != row.id):
            self.detail.load(row.id)
            self.side.setCurrentWidget(self.detail)

    def _on_complaint_received(self, detail: ComplaintDetail) -> None:
        self.detail.show_detail(detail)
        self.side.setCurrentWidget(self.detail)

    def _load_staff(self) -> None:
        self._context.tasks.run(
            lambda uow, _p: list_inquiry_staff(uow),
            on_done=self._on_staff_loaded,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_staff_loaded(self, staff: list[StaffChoice]) -> None:
        self.intake.set_staff(staff)
        self.detail.step_form.set_supervisors([s for s in staff if s.role in SUPERVISOR_ROLES])

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches(*COMPLAINT_TABLES):
            self.reload()
