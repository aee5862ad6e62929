"""Link a lead to the customer file found for them: type, arrow keys, Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.common.customer_picker import CustomerPicker
from lorch_desk.ui.context import UiContext


class LinkCustomerDialog(QDialog):
    """Picks one customer; `chosen` holds the CustomerRow once accepted."""

    def __init__(self, context: UiContext, lead_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to a customer file"))
        self.chosen: CustomerRow | None = None
        self.picker = CustomerPicker(context, self)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Find the customer file of %1, then press Enter.").replace("%1", lead_name)
            )
        )
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        self.picker.query.setFocus()

    def _on_picker_customer_selected(self, row: Any) -> None:
        self.chosen = row
        self.accept()
