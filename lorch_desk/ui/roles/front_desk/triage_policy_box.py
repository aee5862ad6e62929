"""The site's triage policy (seed 003's numbers by default), editable by managers."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.errors import DomainError
from lorch_desk.services import triage_settings
from lorch_desk.services.triage_settings import LIMITS, TriagePolicyRow
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.context import UiContext


class TriagePolicyBox(QGroupBox):
    """One spin box per number of the rotation's policy and the two clock times; `saved`."""

    saved = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Triage policy of this site"))
        self.setObjectName("triage_policy_box")
        self._context = context
        self.errors = FieldErrors()
        labels = {
            "accept_minutes": self.tr("Minutes to accept an offer"),
            "busy_skip_minutes": self.tr("Minutes before a busy consultant's turn skips"),
            "extra_wait_minutes": self.tr("Extra minutes when the next one is busy too"),
            "max_wait_minutes": self.tr("Longest wait in minutes"),
            "unanswered_calls_to_skip": self.tr("Unanswered calls before a skip"),
            "ownership_min_follow_ups": self.tr("Follow-ups that keep a customer"),
            "ownership_window_days": self.tr("… within days"),
        }
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for name, text in labels.items():
            spin = QSpinBox(self)
            spin.setObjectName(f"policy_{name}")
            spin.setRange(*LIMITS[name])
            self.spins[name] = spin
            form.addRow(text, self.errors.cell(spin, name))
        self.times: dict[str, QTimeEdit] = {}
        for name, text in (
            ("counted_until", self.tr("Arrivals count as turns until")),
            ("half_day_start", self.tr("Half-day shift changes at")),
        ):
            edit = QTimeEdit(self)
            edit.setObjectName(f"policy_{name}")
            edit.setDisplayFormat("HH:mm")
            self.times[name] = edit
            form.addRow(text, self.errors.cell(edit, name))
        self.status = QLabel(self)
        self.status.setObjectName("policy_status")
        self.save_button = QPushButton(self.tr("Save policy"), self)
        self.save_button.setObjectName("policy_save")
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(row)
        context.tasks.run(
            lambda uow, _progress: triage_settings.get_triage_policy(uow),
            on_done=self._show,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _show(self, row: TriagePolicyRow) -> None:
        for name, spin in self.spins.items():
            spin.setValue(getattr(row.policy, name))
        for name, edit in self.times.items():
            value: time = getattr(row.policy, name)
            edit.setTime(QTime(value.hour, value.minute))
        self.status.setText(
            self.tr("The seed's numbers.") if row.is_default else self.tr("Changed for this site.")
        )

    def save(self) -> None:
        """Store the numbers shown as the site's policy."""
        self.errors.clear()
        values: dict[str, object] = {name: spin.value() for name, spin in self.spins.items()}
        for name, edit in self.times.items():
            values[name] = edit.time().toString("HH:mm")
        self._context.tasks.run(
            lambda uow, _progress: triage_settings.set_triage_policy(uow, values=values),
            on_done=self._on_saved,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_saved(self, row: TriagePolicyRow) -> None:
        self._show(row)
        self.status.setText(self.tr("Saved."))
        self.saved.emit()

    def _on_refused(self, error: DomainError) -> None:
        self.errors.show_refusal(error)
