"""Log a call: type the caller's number and the customer is found; topic, outcome and notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.calls import LONGEST_CALL_SECONDS, CallDirection
from lorch_desk.services.calls import CallInput, CallRow, log_call, match_caller
from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.common.customer_picker import CustomerPicker, picker_text
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.complaint_labels import (
    DIRECTIONS,
    OUTCOMES,
    TOPICS,
    fill_combo,
)


class CallLogForm(QGroupBox):
    """One inbound or outbound call; `call_logged(CallRow)` once it is saved."""

    call_logged = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Log a call"))
        self._context = context
        self._customer: CustomerRow | None = None
        self.errors = FieldErrors()
        self.direction_combo = QComboBox()
        self.direction_combo.setObjectName("call_direction")
        fill_combo(self.direction_combo, DIRECTIONS)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("call_number")
        self.number_edit.setPlaceholderText(self.tr("Caller's number, then Enter"))
        self.number_edit.returnPressed.connect(self.find_caller)
        self.matches = QListWidget()
        self.matches.setObjectName("call_matches")
        self.matches.setFixedHeight(60)
        self.matches.itemActivated.connect(self._on_matches_item_activated)
        self.picker = CustomerPicker(context)
        self.picker.customer_selected.connect(self._set_customer)
        self.picker.results.setFixedHeight(90)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("call_customer")
        self.forget_button = QPushButton(self.tr("Not a customer"))
        self.forget_button.clicked.connect(lambda: self._set_customer(None))
        self.caller_edit = QLineEdit()
        self.caller_edit.setObjectName("call_caller")
        self.topic_combo = QComboBox()
        self.topic_combo.setObjectName("call_topic")
        fill_combo(self.topic_combo, TOPICS)
        self.outcome_combo = QComboBox()
        self.outcome_combo.setObjectName("call_outcome")
        fill_combo(self.outcome_combo, OUTCOMES)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("call_minutes")
        self.minutes_spin.setRange(0, LONGEST_CALL_SECONDS // 60)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("call_summary")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(70)
        self.save_button = QPushButton(self.tr("Save call"))
        self.save_button.setObjectName("save_call")
        self.save_button.clicked.connect(self.save)

        customer_box = QWidget()
        customer_row = QHBoxLayout(customer_box)
        customer_row.setContentsMargins(0, 0, 0, 0)
        customer_row.addWidget(self.customer_label, 1)
        customer_row.addWidget(self.forget_button)
        form = QFormLayout()
        form.addRow(self.tr("Direction:"), self.errors.cell(self.direction_combo, "direction"))
        form.addRow(self.tr("Number:"), self.errors.cell(self.number_edit, "number"))
        form.addRow(self.tr("Customers with this number:"), self.matches)
        form.addRow(self.tr("Or find a customer:"), self.picker)
        form.addRow(self.tr("Customer:"), self.errors.cell(customer_box, "customer_id"))
        form.addRow(self.tr("Caller's name:"), self.errors.cell(self.caller_edit, "caller_name"))
        form.addRow(self.tr("Topic:"), self.errors.cell(self.topic_combo, "topic"))
        form.addRow(self.tr("Outcome:"), self.errors.cell(self.outcome_combo, "outcome"))
        form.addRow(self.tr("Duration:"), self.errors.cell(self.minutes_spin, "duration_seconds"))
        form.addRow(self.tr("Notes:"), self.errors.cell(self.summary_edit, "summary"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        self._set_customer(None)

    def find_caller(self) -> None:
        """Look the typed number up: exactly one customer with it is taken at once."""
        number = self.number_edit.text()
        self._context.tasks.run(
            lambda uow, _p: match_caller(uow, number=number),
            on_done=self._on_matched,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def save(self) -> None:
        """Write the call to the log."""
        self.errors.clear()
        data = CallInput(
            direction=self.direction_combo.currentData(),
            topic=self.topic_combo.currentData(),
            outcome=self.outcome_combo.currentData(),
            number=self.number_edit.text(),
            customer_id=self._customer.id if self._customer else None,
            caller_name=self.caller_edit.text(),
            summary=self.summary_edit.toPlainText(),
            duration_seconds=self.minutes_spin.value() * 60,
        )
        self._context.tasks.run(
            lambda uow, _p: log_call(uow, data=data),
            on_done=self._on_saved,
            on_error=self.errors.show_refusal,
            parent=self,
        )

    def _on_matched(self, rows: list[CustomerRow]) -> None:
        self.matches.clear()
        for row in rows:
            item = QListWidgetItem(picker_text(row))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.matches.addItem(item)
        if len(rows) == 1:
            self._set_customer(rows[0])
        elif not rows:
            self._set_customer(None)
            self.customer_label.setText(self.tr("No customer has this number."))

    def _on_matches_item_activated(self, item: QListWidgetItem) -> None:
        self._set_customer(item.data(Qt.ItemDataRole.UserRole))

    def _set_customer(self, row: CustomerRow | None) -> None:
        self._customer = row
        self.customer_label.setText(picker_text(row) if row else self.tr("Not a customer"))
        if row is not None:
            self.caller_edit.setText(row.name)

    def _on_saved(self, row: CallRow) -> None:
        for edit in (self.number_edit, self.caller_edit, self.picker.query):
            edit.clear()
        self.summary_edit.clear()
        self.matches.clear()
        self.minutes_spin.setValue(0)
        self.direction_combo.setCurrentIndex(self.direction_combo.findData(CallDirection.INBOUND))
        self._set_customer(None)
        self.call_logged.emit(row)
