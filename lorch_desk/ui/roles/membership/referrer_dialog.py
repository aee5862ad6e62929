"""Pick the customer who referred a member (会员介绍人): they earn points at the first purchase."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.common.customer_picker import CustomerPicker
from lorch_desk.ui.context import UiContext


class ReferrerDialog(QDialog):
    """A customer picker; `referrer` holds the chosen row once accepted."""

    def __init__(self, context: UiContext, member_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Referrer of %1").replace("%1", member_name))
        self.referrer: CustomerRow | None = None
        self.picker = CustomerPicker(context, self)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Find the customer who referred this member, then press Enter:"))
        )
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def _on_picker_customer_selected(self, row: CustomerRow) -> None:
        self.referrer = row
        self.accept()
