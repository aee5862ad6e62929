"""受理投诉: the intake form of a complaint, from a registered customer or anyone else."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.complaints import ComplaintChannel
from lorch_desk.services.complaint_queries import ComplaintDetail
from lorch_desk.services.complaints import ComplaintInput, receive_complaint
from lorch_desk.services.customers import CustomerRow
from lorch_desk.services.inquiries import StaffChoice
from lorch_desk.ui.common.customer_picker import CustomerPicker, picker_text
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.complaint_labels import CHANNELS, fill_combo


class ComplaintIntakeBox(QGroupBox):
    """Who complains (picked from the registry, or a name and contact), how, and about what."""

    complaint_received = Signal(object)  # ComplaintDetail

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("New complaint"))
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self.errors = FieldErrors()
        self.picker = CustomerPicker(context)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)
        self.picker.results.setFixedHeight(90)
        self.customer_label = QLabel(self.tr("Not a registered customer"))
        self.customer_label.setObjectName("complaint_customer")
        self.forget_button = QPushButton(self.tr("Not a customer"))
        self.forget_button.clicked.connect(lambda: self._set_customer(None))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("complaint_name")
        self.contact_edit = QLineEdit()
        self.contact_edit.setObjectName("complaint_contact")
        self.contact_edit.setPlaceholderText(self.tr("Leave empty to use the customer's mobile"))
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("complaint_channel")
        fill_combo(self.channel_combo, CHANNELS)
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("complaint_about_staff")
        self.staff_combo.addItem(self.tr("— nobody in particular —"), None)
        self.matter_edit = QPlainTextEdit()
        self.matter_edit.setObjectName("complaint_matter")
        self.matter_edit.setTabChangesFocus(True)
        self.matter_edit.setFixedHeight(120)
        # Unticked, the complaint is received now; ticked, at the time typed (a letter, a call
        # taken earlier).
        self.earlier_check = QCheckBox(self.tr("Received earlier, at:"))
        self.earlier_check.setObjectName("complaint_earlier")
        self.received_edit = QDateTimeEdit()
        self.received_edit.setObjectName("complaint_received_at")
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setEnabled(False)
        self.earlier_check.toggled.connect(self._on_earlier_check_toggled)
        self.receive_button = QPushButton(self.tr("Receive complaint"))
        self.receive_button.setObjectName("receive_complaint")
        self.receive_button.clicked.connect(self.receive)

        customer_row = QHBoxLayout()
        customer_row.addWidget(self.customer_label, 1)
        customer_row.addWidget(self.forget_button)
        form = QFormLayout()
        form.addRow(self.tr("Find customer:"), self.picker)
        form.addRow(self.tr("Customer:"), customer_row)
        form.addRow(self.tr("Name:"), self.errors.cell(self.name_edit, "customer_name"))
        form.addRow(self.tr("Contact:"), self.errors.cell(self.contact_edit, "contact"))
        form.addRow(self.tr("Channel:"), self.errors.cell(self.channel_combo, "channel"))
        form.addRow(self.tr("About staff:"), self.errors.cell(self.staff_combo, "about_staff_id"))
        form.addRow(self.tr("Complaint:"), self.errors.cell(self.matter_edit, "matter"))
        form.addRow(self.earlier_check, self.errors.cell(self.received_edit, "received_at"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.receive_button)
        layout.addStretch(1)

    def receive(self) -> None:
        """Record the intake as typed; the form empties when the complaint is saved."""
        self.errors.clear()
        data = ComplaintInput(
            matter=self.matter_edit.toPlainText(),
            channel=self.channel_combo.currentData(),
            customer_id=self._customer_id,
            customer_name=self.name_edit.text(),
            contact=self.contact_edit.text(),
            about_staff_id=self.staff_combo.currentData(),
            received_at=self._received_at(),
        )
        self._context.tasks.run(
            lambda uow, _p: receive_complaint(uow, data=data),
            on_done=self._on_received,
            on_error=self.errors.show_refusal,
            parent=self,
        )

    def _received_at(self) -> datetime | None:
        if not self.earlier_check.isChecked():
            return None
        moment = self.received_edit.dateTime()
        day, clock = moment.date(), moment.time()
        return datetime(
            day.year(),
            day.month(),
            day.day(),
            clock.hour(),
            clock.minute(),
            tzinfo=clinic_time_zone(),
        )

    def _on_earlier_check_toggled(self, checked: bool) -> None:
        self.received_edit.setEnabled(checked)
        if checked:
            now = datetime.now(clinic_time_zone())
            self.received_edit.setDateTime(
                QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
            )

    def _on_received(self, detail: ComplaintDetail) -> None:
        self._set_customer(None)
        self.picker.query.clear()
        self.picker.results.clear()
        self.matter_edit.clear()
        self.staff_combo.setCurrentIndex(0)
        self.earlier_check.setChecked(False)
        self.complaint_received.emit(detail)

    def _on_picker_customer_selected(self, row: CustomerRow) -> None:
        self._set_customer(row)

    def prefill(
        self,
        *,
        customer_id: uuid.UUID | None,
        name: str,
        contact: str,
        channel: ComplaintChannel,
        matter: str,
    ) -> None:
        """Start the form from what is already known (a call about a complaint)."""
        self._customer_id = customer_id
        self.customer_label.setText(name if customer_id else self.tr("Not a registered customer"))
        self.name_edit.setText(name)
        self.contact_edit.setText(contact)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(channel))
        self.matter_edit.setPlainText(matter)

    def _set_customer(self, row: CustomerRow | None) -> None:
        self._customer_id = row.id if row else None
        self.name_edit.setText(row.name if row else "")
        self.contact_edit.clear()
        self.customer_label.setText(
            picker_text(row) if row else self.tr("Not a registered customer")
        )

    def set_staff(self, staff: list[StaffChoice]) -> None:
        """The staff a complaint can be about."""
        while self.staff_combo.count() > 1:  # the first entry is "nobody in particular"
            self.staff_combo.removeItem(1)
        for person in staff:
            self.staff_combo.addItem(person.name, person.id)
