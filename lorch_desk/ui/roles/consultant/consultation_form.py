"""The consultation record of one customer: earlier records, and a form for a new one."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.consultations import ConsultationOutcome, NotClosedReason
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import consultations
from lorch_desk.services.consultations import ConsultationDetail, ConsultationInput
from lorch_desk.ui.common.choice_labels import choice_label
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import display_text
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.consultant.labels import NOT_CLOSED_REASONS, OUTCOMES


class ConsultationFormWidget(QWidget):
    """Writes 咨询记录; a saved record is corrected by a new version, never edited."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._arrival_id: uuid.UUID | None = None
        self._records: list[ConsultationDetail] = []
        self.history = QListWidget(self)
        self.history.setObjectName("consultation_history")
        self.history.setWordWrap(True)
        self.history.currentRowChanged.connect(self._on_history_current_row_changed)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("consultation_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What the customer wants, findings, advice given"))
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("consultation_outcome")
        self.outcome.addItem(self.tr("— choose —"), "")
        for outcome in ConsultationOutcome:
            self.outcome.addItem(choice_label(OUTCOMES, outcome), outcome.value)
        self.outcome.currentIndexChanged.connect(self._on_outcome_current_index_changed)
        self.reason = QComboBox(self)
        self.reason.setObjectName("consultation_reason")
        self.reason.addItem(self.tr("— choose —"), "")
        for reason in NotClosedReason:
            self.reason.addItem(choice_label(NOT_CLOSED_REASONS, reason), reason.value)
        self.reason_note = QLineEdit(self)
        self.reason_note.setObjectName("consultation_reason_note")
        self.reason_note.setPlaceholderText(self.tr("More about why (required for “Other”)"))
        self.errors = FieldErrors()
        form = QFormLayout()
        form.addRow(self.tr("Notes"), self.errors.cell(self.notes, "notes"))
        form.addRow(self.tr("Outcome"), self.errors.cell(self.outcome, "outcome"))
        form.addRow(self.tr("Why not closed"), self.errors.cell(self.reason, "not_closed_reason"))
        form.addRow(self.tr("Note"), self.errors.cell(self.reason_note, "not_closed_note"))
        self.save_button = QPushButton(self.tr("Save record"), self)
        self.save_button.setObjectName("consultation_save")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.correct_button = QPushButton(self.tr("Save as correction of the selected"), self)
        self.correct_button.setObjectName("consultation_correct")
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self._on_correct_button_clicked)
        self.message = QLabel(self)
        self.message.setObjectName("consultation_message")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Earlier records (newest version of each)"), self))
        layout.addWidget(self.history, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        may_write = context.actor.may(Action.CONSULTATION_RECORD)
        for widget in (self.save_button, self.notes, self.outcome, self.reason, self.reason_note):
            widget.setEnabled(may_write)
        self._on_outcome_current_index_changed()

    def load(self, customer_id: uuid.UUID, arrival_id: uuid.UUID | None) -> None:
        """Show the customer's records; a new record belongs to `arrival_id`."""
        self._customer_id, self._arrival_id = customer_id, arrival_id
        self._context.tasks.run(
            lambda uow, _p: consultations.list_consultations(uow, customer_id=customer_id),
            on_done=self._show,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def records_shown(self) -> list[str]:
        return [self.history.item(row).text() for row in range(self.history.count())]

    def _show(self, records: list[ConsultationDetail]) -> None:
        self._records = records
        self.history.clear()
        for record in records:
            outcome = choice_label(OUTCOMES, record.outcome)
            if record.not_closed_reason:
                why = choice_label(NOT_CLOSED_REASONS, record.not_closed_reason)
                outcome += (
                    f" ({why}{'：' + record.not_closed_note if record.not_closed_note else ''})"
                )
            version = self.tr("version %1").replace("%1", str(record.version))
            self.history.addItem(
                f"{display_text(record.day)} · {record.consultant_name} · {outcome} · {version}"
                f"\n{record.notes}"
            )
        self.correct_button.setEnabled(False)

    def _input(self) -> ConsultationInput:
        return ConsultationInput(
            notes=self.notes.toPlainText(),
            outcome=self.outcome.currentData() or "",
            not_closed_reason=self.reason.currentData() or None,
            not_closed_note=self.reason_note.text(),
        )

    def _on_save_button_clicked(self) -> None:
        if self._customer_id is None:
            return
        customer_id, arrival_id, data = self._customer_id, self._arrival_id, self._input()
        self._submit(
            lambda uow, _p: consultations.record_consultation(
                uow, customer_id=customer_id, arrival_id=arrival_id, data=data
            )
        )

    def _on_correct_button_clicked(self) -> None:
        row = self.history.currentRow()
        if row < 0 or row >= len(self._records):
            return
        record_id, data = self._records[row].id, self._input()
        self._submit(
            lambda uow, _p: consultations.correct_consultation(uow, record_id=record_id, data=data)
        )

    def _submit(self, operation) -> None:  # noqa: ANN001
        self.errors.clear()
        self.message.clear()
        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _on_saved(self, _record: ConsultationDetail) -> None:
        self.notes.clear()
        self.outcome.setCurrentIndex(0)
        self.reason.setCurrentIndex(0)
        self.reason_note.clear()
        self.message.setText(self.tr("Consultation record saved."))
        if self._customer_id is not None:
            self.load(self._customer_id, self._arrival_id)

    def _on_refused(self, error: DomainError) -> None:
        self.errors.show_refusal(error)

    def _on_outcome_current_index_changed(self, _index: int = 0) -> None:
        not_closed = self.outcome.currentData() == ConsultationOutcome.NOT_CLOSED.value
        may_write = self._context.actor.may(Action.CONSULTATION_RECORD)
        self.reason.setEnabled(may_write and not_closed)
        self.reason_note.setEnabled(may_write and not_closed)

    def _on_history_current_row_changed(self, row: int) -> None:
        may_write = self._context.actor.may(Action.CONSULTATION_RECORD)
        self.correct_button.setEnabled(may_write and 0 <= row < len(self._records))
        if 0 <= row < len(self._records):
            record = self._records[row]
            self.notes.setPlainText(record.notes)
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(record.outcome.value)))
            reason = record.not_closed_reason.value if record.not_closed_reason else ""
            self.reason.setCurrentIndex(max(0, self.reason.findData(reason)))
            self.reason_note.setText(record.not_closed_note)
