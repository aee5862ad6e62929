"""Whom a form is for: a customer file found by typing, or nobody yet (a lead typed by hand).

The customer search of the other dialogs (CustomerPicker), the chosen file, a button back to
"a lead", and, offline, why a customer new at another branch cannot be found yet (SYNC.md).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.common.customer_picker import CustomerPicker, picker_text
from lorch_desk.ui.connection import OfflineNote
from lorch_desk.ui.context import UiContext


class CustomerChoiceBox(QWidget):
    """`customer_chosen(CustomerRow | None)` when a file is picked or given up for a lead."""

    customer_chosen = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._took_enter = False
        self.picker = CustomerPicker(context)
        self.picker.results.setMaximumHeight(110)
        self.picker.customer_selected.connect(self.customer_chosen)
        self.picker.customer_selected.connect(self._show_chosen)
        self.picker.query.returnPressed.connect(self._on_enter_used)
        self.picker.results.itemActivated.connect(self._on_enter_used)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("chosen_customer")
        self.clear_button = QPushButton(self.tr("Book a lead instead"))
        self.clear_button.setObjectName("clear_customer")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setToolTip(
            self.tr("Book a lead by name and mobile; register the file when they arrive")
        )
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        chosen = QHBoxLayout()
        chosen.addWidget(self.customer_label, 1)
        chosen.addWidget(self.clear_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Find the customer file (then Enter):")))
        column.addWidget(self.picker)
        column.addLayout(chosen)
        column.addWidget(
            OfflineNote(
                context.connection,
                self.tr(
                    "Offline: customers registered at other branches since the last sync (%1) "
                    "are not here yet; book them by name and mobile and register them as new."
                ),
            )
        )
        self._show_chosen(None)

    def took_enter(self) -> bool:
        """Whether the Enter key being handled picked a customer (so it must not also submit)."""
        took, self._took_enter = self._took_enter, False
        return took

    def _on_enter_used(self, *_args: object) -> None:
        self._took_enter = True
        QTimer.singleShot(0, self._forget_enter)

    def _forget_enter(self) -> None:
        self._took_enter = False

    def _show_chosen(self, row: CustomerRow | None) -> None:
        self.customer_label.setText(
            self.tr("Customer file: %1").replace("%1", picker_text(row))
            if row is not None
            else self.tr("No customer file chosen: booking a lead.")
        )
        self.clear_button.setVisible(row is not None)

    def _on_clear_button_clicked(self) -> None:
        self._show_chosen(None)
        self.customer_chosen.emit(None)
