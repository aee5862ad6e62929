"""Pick the duplicate record that is merged into the customer on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.common.customer_picker import CustomerPicker, picker_text
from lorch_desk.ui.context import UiContext


class MergeDialog(QDialog):
    """`duplicate` is the record to fold into `keep` once the user confirms."""

    def __init__(self, context: UiContext, keep_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge a duplicate record"))
        self.duplicate: CustomerRow | None = None
        intro = QLabel(
            self.tr(
                "Find the duplicate record of %1. Its history stays and is shown with this "
                "customer; the duplicate disappears from searches."
            ).replace("%1", keep_name),
            self,
        )
        intro.setWordWrap(True)
        self.picker = CustomerPicker(context, self)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)
        self.chosen = QLabel(self.tr("No record chosen yet."), self)
        self.chosen.setObjectName("merge_chosen")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.chosen)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def _on_picker_customer_selected(self, row: CustomerRow) -> None:
        self.duplicate = row
        self.chosen.setText(self.tr("Merge into this customer: %1").replace("%1", picker_text(row)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
