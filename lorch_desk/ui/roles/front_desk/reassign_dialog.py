"""改派: choose the new consultant and record the customer's consent or the director's check."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class ReassignDialog(QDialog):
    """`to_id`, `consent` and `director_checked` once accepted; OK needs consent or a check."""

    def __init__(
        self,
        customer_name: str,
        consultants: list[tuple[uuid.UUID, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reassign %1").replace("%1", customer_name))
        self.to_id: uuid.UUID | None = None
        self.consent = False
        self.director_checked = False
        self.consultant = QComboBox(self)
        self.consultant.setObjectName("reassign_to")
        for consultant_id, name in consultants:
            self.consultant.addItem(name, consultant_id)
        self.consent_box = QCheckBox(
            self.tr("The customer signed the change-of-consultant consent"), self
        )
        self.consent_box.setObjectName("reassign_consent")
        self.director_box = QCheckBox(self.tr("Supervisor and director have checked"), self)
        self.director_box.setObjectName("reassign_director_checked")
        hint = QLabel(
            self.tr(
                "Without the customer's signed consent, the supervisor and the director check "
                "first. You confirm the reassignment as the supervisor."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for box in (self.consent_box, self.director_box):
            box.toggled.connect(self._update_ok)
        form = QFormLayout()
        form.addRow(self.tr("New consultant"), self.consultant)
        form.addRow("", self.consent_box)
        form.addRow("", self.director_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        ready = self.consultant.count() > 0 and (
            self.consent_box.isChecked() or self.director_box.isChecked()
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _on_buttons_accepted(self) -> None:
        self.to_id = self.consultant.currentData()
        self.consent = self.consent_box.isChecked()
        self.director_checked = self.director_box.isChecked()
        self.accept()
