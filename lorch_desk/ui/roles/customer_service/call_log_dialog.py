"""The log of one follow-up call: outcome, notes, next step, whether it was effective."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.follow_ups import MAX_OFFSET_DAYS, CallOutcome
from lorch_desk.services.follow_ups import (
    CallListRow,
    LogCallInput,
    LogCallResult,
    log_follow_up_call,
)
from lorch_desk.ui import errors
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.follow_up_labels import OUTCOMES, choice_text


class CallLogDialog(QDialog):
    """Typed top to bottom: outcome, effective, notes, next step, days to the next call, Enter."""

    def __init__(
        self,
        context: UiContext,
        row: CallListRow,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._row = row
        self._clock = clock
        self.result_value: LogCallResult | None = None
        self.setWindowTitle(self.tr("Follow-up call: %1").replace("%1", row.customer_name))
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("call_outcome")
        for outcome in CallOutcome:
            self.outcome.addItem(choice_text(OUTCOMES, outcome), outcome.value)
        self.effective = QCheckBox(self.tr("Effective follow-up (counts for the consultant)"), self)
        self.effective.setObjectName("call_effective")
        self.effective.setChecked(True)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("call_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.next_step = QLineEdit(self)
        self.next_step.setObjectName("call_next_step")
        self.next_days = QSpinBox(self)
        self.next_days.setObjectName("call_next_days")
        self.next_days.setRange(0, MAX_OFFSET_DAYS)
        self.next_days.setSpecialValueText(self.tr("No further call"))
        self.next_days.setSuffix(self.tr(" days"))
        self.message = QLabel(self)
        self.message.setObjectName("call_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.outcome.currentIndexChanged.connect(self._on_outcome_current_index_changed)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(f"{row.customer_name}  {row.mobile}", self))
        form.addRow(self.tr("Reason"), QLabel(row.reason, self))
        form.addRow(self.tr("&Outcome"), self.outcome)
        form.addRow("", self.effective)
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("Next &step"), self.next_step)
        form.addRow(self.tr("Call again in"), self.next_days)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.outcome.setFocus()

    def save(self) -> None:
        """Log the call; the dialog closes once it is stored, or says why it was refused."""
        data = LogCallInput(
            task_id=self._row.task_id,
            outcome=self.outcome.currentData(),
            is_effective=self.effective.isChecked(),
            notes=self.notes.toPlainText(),
            next_step=self.next_step.text(),
            next_call_in_days=self.next_days.value() or None,
        )
        self.buttons.setEnabled(False)
        now = self._clock()
        self._context.tasks.run(
            lambda uow, _p: log_follow_up_call(uow, data=data, now=now),
            on_done=self._on_saved,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_saved(self, result: LogCallResult) -> None:
        self.result_value = result
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(errors.message_for(error))

    def _on_outcome_current_index_changed(self, _index: int) -> None:
        reached = self.outcome.currentData() == CallOutcome.REACHED.value
        self.effective.setEnabled(reached)
        if not reached:
            self.effective.setChecked(False)
