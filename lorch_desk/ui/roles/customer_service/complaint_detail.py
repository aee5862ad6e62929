"""One complaint: the intake, every step so far, the next step's form, printing and suspension."""

from __future__ import annotations

import uuid
from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.pdf.complaint_form import render_complaint_pdf
from lorch_desk.domain.permissions import Action
from lorch_desk.services.complaint_queries import ComplaintDetail, ComplaintStepRow, get_complaint
from lorch_desk.services.complaint_suspension import suspend_consultant_for_complaint
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.complaint_labels import (
    CAUSES,
    CHANNELS,
    HANDLINGS,
    SIGN_OFFS,
    STATUSES,
    STEPS,
    name_of,
)
from lorch_desk.ui.roles.customer_service.complaint_step_form import ComplaintStepForm


class ComplaintDetailWidget(QWidget):
    """Shows a complaint and takes its next step; `complaint_changed(detail)` after each."""

    complaint_changed = Signal(object)  # ComplaintDetail

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.detail: ComplaintDetail | None = None
        self._may_suspend = context.actor.may(Action.TRIAGE_DIRECT)
        self.errors = FieldErrors()
        self.header = QLabel()
        self.header.setObjectName("complaint_header")
        self.header.setWordWrap(True)
        self.steps_model = DtoTableModel(
            [
                TableColumn(self.tr("Time"), lambda s: s.recorded_at),
                TableColumn(self.tr("Step"), lambda s: name_of(STEPS, s.kind)),
                TableColumn(self.tr("Recorded"), self._step_text),
                TableColumn(self.tr("By"), lambda s: s.recorded_by_name),
            ],
            self,
        )
        self.steps_view = DtoTableView(self.steps_model)
        self.step_form = ComplaintStepForm(context)
        self.step_form.step_recorded.connect(self._on_step_form_step_recorded)
        self.print_button = QPushButton(self.tr("Print complaint form…"))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.suspend_button = QPushButton(self.tr("Suspend the consultant for a day"))
        self.suspend_button.setObjectName("suspend_consultant")
        self.suspend_button.clicked.connect(self._on_suspend_clicked)
        self.suspend_button.setVisible(self._may_suspend)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.suspend_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.steps_view, 1)
        layout.addWidget(self.step_form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self.show_detail(None)

    def load(self, complaint_id: uuid.UUID) -> None:
        """Read the complaint again and show it."""
        self._context.tasks.run(
            lambda uow, _p: get_complaint(uow, complaint_id=complaint_id),
            on_done=self.show_detail,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def show_detail(self, detail: ComplaintDetail | None) -> None:
        self.detail = detail
        self.errors.clear()
        self.header.setText(
            self._header_text(detail) if detail else self.tr("No complaint chosen.")
        )
        self.steps_model.set_rows(detail.steps if detail else [])
        self.step_form.set_detail(detail)
        self.print_button.setEnabled(detail is not None)
        self.suspend_button.setEnabled(
            self._may_suspend and detail is not None and detail.may_suspend_consultant
        )

    def print_form(self, path: Path) -> None:
        """Print the shown complaint's form (all steps and the signature) to `path`."""
        detail = self.detail
        if detail is None:
            return
        self._context.tasks.run(
            lambda _uow, _p: render_complaint_pdf(detail, path),
            on_done=lambda done: self.errors.show(
                None, self.tr("Printed to %1.").replace("%1", str(done))
            ),
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def suspend_consultant(self) -> None:
        """停诊一天 for the consultant of a service-attitude complaint (supervisors)."""
        detail = self.detail
        if detail is None:
            return
        complaint_id = detail.row.id
        self._context.tasks.run(
            lambda uow, _p: suspend_consultant_for_complaint(uow, complaint_id=complaint_id),
            on_done=self._on_step_form_step_recorded,
            on_error=self.errors.show_refusal,
            parent=self,
        )

    def _on_step_form_step_recorded(self, detail: ComplaintDetail) -> None:
        self.show_detail(detail)
        self.complaint_changed.emit(detail)

    def _on_print_clicked(self) -> None:
        if self.detail is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Print complaint form"),
            str(Path.home() / f"{self.detail.row.number}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            self.print_form(Path(name))

    def _on_suspend_clicked(self) -> None:
        if self.detail is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Suspend consultant"),
            self.tr("Take %1 off the rotation for a day because of this complaint?").replace(
                "%1", self.detail.about_staff_name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.suspend_consultant()

    def _header_text(self, detail: ComplaintDetail) -> str:
        row = detail.row
        lines = [
            f"<b>{escape(row.number)}</b>  {name_of(STATUSES, row.status)}",
            escape(f"{row.customer_name} · {row.contact} · {name_of(CHANNELS, row.channel)}"),
            escape(detail.matter),
        ]
        if detail.about_staff_name:
            lines.append(escape(self.tr("About: %1").replace("%1", detail.about_staff_name)))
        if row.plan_deadline:
            deadline = self.tr("Deadline: %1").replace("%1", row.plan_deadline.isoformat())
            if row.is_overdue:
                deadline = f"<span style='color:#b3261e'>{deadline} {self.tr('(overdue)')}</span>"
            lines.append(deadline)
        return "<br>".join(line.replace("\n", "<br>") for line in lines)

    def _step_text(self, step: ComplaintStepRow) -> str:
        parts = [step.text] if step.text else []
        if step.choice in HANDLINGS:
            parts.insert(0, name_of(HANDLINGS, step.choice))
        if step.choice in SIGN_OFFS:
            parts.append(name_of(SIGN_OFFS, step.choice))
        if step.choice in CAUSES:
            parts.insert(0, name_of(CAUSES, step.choice))
        if step.is_service_attitude:
            parts.append(self.tr("service attitude"))
        if step.staff_name:
            parts.append(step.staff_name)
        if step.department or step.responsible_person:
            parts.append(f"{step.department} / {step.responsible_person}")
        if step.deadline:
            parts.append(step.deadline.isoformat())
        return " · ".join(parts)
