"""The next step of a complaint: only the steps its status allows are offered, with their fields."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.complaints import ComplaintStepKind, Handling, SignOff
from lorch_desk.services import complaints
from lorch_desk.services.complaint_queries import ComplaintDetail
from lorch_desk.services.inquiries import StaffChoice
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.complaint_labels import (
    CAUSES,
    HANDLINGS,
    SIGN_OFFS,
    STEPS,
    fill_combo,
    name_of,
)
from lorch_desk.ui.roles.customer_service.signature_pad import SignaturePadWidget

K = ComplaintStepKind


def _text_edit(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    return edit


class ComplaintStepForm(QWidget):
    """Pick the next step, fill in what it records, and record it; `step_recorded(detail)`."""

    step_recorded = Signal(object)  # ComplaintDetail

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._complaint_id: uuid.UUID | None = None
        self.errors = FieldErrors()
        self.step_combo = QComboBox()
        self.step_combo.setObjectName("complaint_step")
        self.step_combo.currentIndexChanged.connect(self._on_step_combo_changed)
        self.pages = QStackedWidget()
        self._page_of: dict[ComplaintStepKind, QWidget] = {}

        self.handling_combo = QComboBox()
        self.handling_combo.setObjectName("complaint_handling")
        fill_combo(self.handling_combo, HANDLINGS)
        self.supervisor_combo = QComboBox()
        self.supervisor_combo.setObjectName("complaint_supervisor")
        self.route_note_edit = _text_edit("complaint_route_note")
        self._add_page(
            K.ROUTE,
            (self.tr("Handling:"), self.handling_combo, "handling"),
            (self.tr("Supervisor:"), self.supervisor_combo, "escalated_to_id"),
            (self.tr("Note:"), self.route_note_edit, "note"),
        )
        self.notes_edit = _text_edit("complaint_notes")
        self._add_page(K.INVESTIGATE, (self.tr("What was found:"), self.notes_edit, "notes"))
        self.measures_edit = _text_edit("complaint_measures")
        self.department_edit = QLineEdit()
        self.department_edit.setObjectName("complaint_department")
        self.person_edit = QLineEdit()
        self.person_edit.setObjectName("complaint_person")
        self.deadline_edit = QDateEdit()
        self.deadline_edit.setObjectName("complaint_deadline")
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self._add_page(
            K.PLAN,
            (self.tr("Measures:"), self.measures_edit, "measures"),
            (self.tr("Department:"), self.department_edit, "department"),
            (self.tr("Person responsible:"), self.person_edit, "responsible_person"),
            (self.tr("Deadline:"), self.deadline_edit, "deadline"),
        )
        self.progress_edit = _text_edit("complaint_progress")
        self._add_page(
            K.REPORT_PROGRESS, (self.tr("Told the customer:"), self.progress_edit, "progress")
        )
        self.result_edit = _text_edit("complaint_result")
        self.sign_off_combo = QComboBox()
        self.sign_off_combo.setObjectName("complaint_sign_off")
        fill_combo(self.sign_off_combo, SIGN_OFFS)
        self.sign_off_combo.currentIndexChanged.connect(self._on_sign_off_combo_changed)
        self.signature_pad = SignaturePadWidget()
        self.clear_signature_button = QPushButton(self.tr("Clear signature"))
        self.clear_signature_button.clicked.connect(self.signature_pad.clear)
        pad = QWidget()
        pad_layout = QVBoxLayout(pad)
        pad_layout.setContentsMargins(0, 0, 0, 0)
        pad_layout.addWidget(self.signature_pad)
        pad_layout.addWidget(self.clear_signature_button)
        self._add_page(
            K.RECORD_RESULT,
            (self.tr("Result:"), self.result_edit, "result"),
            (self.tr("Sign-off:"), self.sign_off_combo, "sign_off"),
            (self.tr("Customer's signature:"), pad, "signature"),
        )
        self.cause_combo = QComboBox()
        self.cause_combo.setObjectName("complaint_cause")
        fill_combo(self.cause_combo, CAUSES)
        self.attitude_check = QCheckBox(self.tr("Service attitude of the staff complained about"))
        self.attitude_check.setObjectName("complaint_attitude")
        self.analysis_edit = _text_edit("complaint_analysis")
        self._add_page(
            K.RECORD_CAUSE,
            (self.tr("Cause:"), self.cause_combo, "cause"),
            ("", self.attitude_check, "is_service_attitude"),
            (self.tr("Analysis:"), self.analysis_edit, "analysis"),
        )
        self.summary_edit = _text_edit("complaint_summary")
        self._add_page(K.SUMMARISE, (self.tr("Summary:"), self.summary_edit, "summary"))
        self._add_page(K.CLOSE, ("", QLabel(self.tr("Close the complaint.")), "close"))

        self.record_button = QPushButton(self.tr("Record step"))
        self.record_button.setObjectName("record_complaint_step")
        self.record_button.clicked.connect(self.record)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Next step:")))
        top.addWidget(self.step_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.record_button)
        self._on_sign_off_combo_changed(0)
        self.set_detail(None)

    def set_supervisors(self, staff: list[StaffChoice]) -> None:
        self.supervisor_combo.clear()
        for person in staff:
            self.supervisor_combo.addItem(person.name, person.id)

    def set_detail(self, detail: ComplaintDetail | None) -> None:
        """Offer the steps `detail` may take next (none for a closed or absent complaint)."""
        self.errors.clear()
        self._complaint_id = detail.row.id if detail else None
        self.step_combo.clear()
        for step in detail.next_steps if detail else ():
            self.step_combo.addItem(name_of(STEPS, step), step)
        self.record_button.setEnabled(self.step_combo.count() > 0)
        self.pages.setVisible(self.step_combo.count() > 0)
        self.deadline_edit.setDate(QDate(clinic_today()))
        for edit in self.findChildren(QPlainTextEdit):
            edit.clear()
        for line in (self.department_edit, self.person_edit):
            line.clear()
        self.signature_pad.clear()
        self.attitude_check.setChecked(False)

    def choose_step(self, step: ComplaintStepKind) -> None:
        """Show the fields of `step` (one of those offered)."""
        self.step_combo.setCurrentIndex(self.step_combo.findData(step))

    def record(self) -> None:
        """Record the chosen step with what was typed for it."""
        step, complaint_id = self.step_combo.currentData(), self._complaint_id
        if step is None or complaint_id is None:
            return
        self.errors.clear()
        operation = self._operation(step)
        self._context.tasks.run(
            lambda uow, _p: operation(uow, complaint_id),
            on_done=self.step_recorded.emit,
            on_error=self.errors.show_refusal,
            parent=self,
        )

    def _operation(self, step: ComplaintStepKind) -> Callable[[Any, uuid.UUID], Any]:
        """The service call of `step`, with the values read from the form now."""
        if step == K.ROUTE:
            handling = self.handling_combo.currentData()
            supervisor = self.supervisor_combo.currentData()
            note = self.route_note_edit.toPlainText()
            return lambda uow, cid: complaints.route_complaint(
                uow,
                complaint_id=cid,
                handling=handling,
                escalated_to_id=supervisor if handling == Handling.ESCALATED else None,
                note=note,
            )
        if step == K.INVESTIGATE:
            notes = self.notes_edit.toPlainText()
            return lambda uow, cid: complaints.add_investigation_note(
                uow, complaint_id=cid, notes=notes
            )
        if step == K.PLAN:
            values = {
                "measures": self.measures_edit.toPlainText(),
                "department": self.department_edit.text(),
                "responsible_person": self.person_edit.text(),
                "deadline": _day(self.deadline_edit.date()),
            }
            return lambda uow, cid: complaints.plan_complaint(uow, complaint_id=cid, **values)
        if step == K.REPORT_PROGRESS:
            text = self.progress_edit.toPlainText()
            return lambda uow, cid: complaints.report_progress(uow, complaint_id=cid, text=text)
        if step == K.RECORD_RESULT:
            sign_off = self.sign_off_combo.currentData()
            png = self.signature_pad.to_png() if sign_off == SignOff.DRAWN else None
            result = self.result_edit.toPlainText()
            return lambda uow, cid: complaints.record_result(
                uow, complaint_id=cid, result=result, sign_off=sign_off, signature_png=png
            )
        if step == K.RECORD_CAUSE:
            cause = self.cause_combo.currentData()
            attitude = self.attitude_check.isChecked()
            analysis = self.analysis_edit.toPlainText()
            return lambda uow, cid: complaints.record_cause(
                uow, complaint_id=cid, cause=cause, is_service_attitude=attitude, analysis=analysis
            )
        if step == K.SUMMARISE:
            summary = self.summary_edit.toPlainText()
            return lambda uow, cid: complaints.summarise_complaint(
                uow, complaint_id=cid, summary=summary
            )
        return lambda uow, cid: complaints.close_complaint(uow, complaint_id=cid)

    def _add_page(self, step: ComplaintStepKind, *rows: tuple[str, QWidget, str]) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field, name in rows:
            form.addRow(label, self.errors.cell(field, name))
        self.pages.addWidget(page)
        self._page_of[step] = page

    def _on_sign_off_combo_changed(self, _index: int) -> None:
        drawn = self.sign_off_combo.currentData() == SignOff.DRAWN
        self.signature_pad.setEnabled(drawn)
        self.clear_signature_button.setEnabled(drawn)

    def _on_step_combo_changed(self, _index: int) -> None:
        step = self.step_combo.currentData()
        if step in self._page_of:
            self.pages.setCurrentWidget(self._page_of[step])


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
