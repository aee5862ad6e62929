"""停诊: choose how long a consultant is kept out of the rotation, and why."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.services.triage_suspensions import SuspensionPeriod

_PERIOD_LABELS = {
    SuspensionPeriod.REST_OF_TODAY: QT_TRANSLATE_NOOP("SuspendDialog", "For the rest of today"),
    SuspensionPeriod.ONE_DAY: QT_TRANSLATE_NOOP("SuspendDialog", "For one day"),
    SuspensionPeriod.ONE_WEEK: QT_TRANSLATE_NOOP("SuspendDialog", "For one week"),
}


class SuspendDialog(QDialog):
    """`period()` and `reason()` once accepted; OK needs a reason."""

    def __init__(self, consultant_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suspend %1").replace("%1", consultant_name))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("suspend_period")
        for period, label in _PERIOD_LABELS.items():
            self.period_combo.addItem(QCoreApplication.translate("SuspendDialog", label), period)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("suspend_reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. satisfaction below 90 % in October"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def period(self) -> SuspensionPeriod:
        return SuspensionPeriod(self.period_combo.currentData())

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()))
