"""电话网络咨询: the inquiry desk's leads, their form, the ledger of contacts, and booking."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.inquiries import ContactMethod, InquiryStatus
from lorch_desk.domain.permissions import Action
from lorch_desk.services import appointments, inquiries
from lorch_desk.services.inquiries import ContactRow, InquiryRow
from lorch_desk.ui.common.appointment_dialog import AppointmentDialog, AppointmentDraft
from lorch_desk.ui.common.choice_labels import CHANNELS, choice_label
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.scheduling_labels import CONTACT_METHODS, INQUIRY_STATUSES
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.inquiries.inquiry_form import InquiryFormWidget
from lorch_desk.ui.roles.inquiries.link_customer_dialog import LinkCustomerDialog

WATCHED_TABLES = ("inquiry", "inquiry_contact", "appointment")


class InquiriesTabWidget(QWidget):
    """Leads before a visit: register, follow up (every contact logged), book an appointment."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._may_edit = context.actor.may(Action.INQUIRY_REGISTER)
        self._may_book = context.actor.may(Action.APPOINTMENT_BOOK)
        self._current: InquiryRow | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, mobile, number or item"))
        self.search_edit.returnPressed.connect(self.reload)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in InquiryStatus:
            self.status_filter.addItem(choice_label(INQUIRY_STATUSES, status), status.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton(self.tr("New inquiry"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self._on_new_button_clicked)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.new_button)

        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Inquired"), lambda r: r.inquired_at),
                TableColumn(self.tr("Customer"), lambda r: r.customer_name),
                TableColumn(self.tr("Mobile"), lambda r: r.mobile_display),
                TableColumn(self.tr("Channel"), lambda r: choice_label(CHANNELS, r.channel)),
                TableColumn(self.tr("Item"), lambda r: r.item_type),
                TableColumn(self.tr("Consultant"), lambda r: r.consultant_name),
                TableColumn(self.tr("Appointment"), lambda r: r.appointment_at),
                TableColumn(self.tr("Status"), lambda r: choice_label(INQUIRY_STATUSES, r.status)),
                TableColumn(self.tr("Contacts"), lambda r: r.contact_count, align_right=True),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.empty_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.empty_label)

        self.form = InquiryFormWidget()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.book_button = QPushButton(self.tr("Book appointment…"))
        self.book_button.clicked.connect(self._on_book_button_clicked)
        self.link_button = QPushButton(self.tr("Link customer…"))
        self.link_button.clicked.connect(self._on_link_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.save_button)
        form_buttons.addWidget(self.book_button)
        form_buttons.addWidget(self.link_button)
        form_buttons.addStretch(1)
        self.form_box = QGroupBox(self.tr("New inquiry"))
        form_layout = QVBoxLayout(self.form_box)
        form_layout.addWidget(self.form)
        form_layout.addWidget(self.form.errors.general)
        form_layout.addLayout(form_buttons)
        form_layout.addWidget(self.status_label)

        self.contacts_model = DtoTableModel(
            [
                TableColumn(self.tr("When"), lambda c: c.contacted_at),
                TableColumn(self.tr("By"), lambda c: c.contacted_by_name),
                TableColumn(self.tr("How"), lambda c: choice_label(CONTACT_METHODS, c.method)),
                TableColumn(self.tr("What was said"), lambda c: c.content),
            ],
            self,
        )
        self.contacts_view = DtoTableView(self.contacts_model)
        self.contact_method_combo = QComboBox()
        for method in ContactMethod:
            self.contact_method_combo.addItem(choice_label(CONTACT_METHODS, method), method.value)
        self.contact_edit = QLineEdit()
        self.contact_edit.setObjectName("content")
        self.contact_edit.setPlaceholderText(self.tr("What was said; Enter logs the contact"))
        self.contact_edit.returnPressed.connect(self._on_log_button_clicked)
        self.log_button = QPushButton(self.tr("Log contact"))
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self._contact_errors = FieldErrors()
        contact_line = QHBoxLayout()
        contact_line.addWidget(self.contact_method_combo)
        contact_line.addWidget(self._contact_errors.cell(self.contact_edit, "content"), 1)
        contact_line.addWidget(self.log_button)
        self.contacts_box = QGroupBox(self.tr("Contacts with this lead"))
        contacts_layout = QVBoxLayout(self.contacts_box)
        contacts_layout.addWidget(self.contacts_view)
        contacts_layout.addLayout(contact_line)
        contacts_layout.addWidget(self._contact_errors.general)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_box)
        right_layout.addWidget(self.contacts_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        context.events.data_changed.connect(self._on_events_data_changed)
        self._show(None)
        self._load_staff()
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list of leads again with the search and status chosen."""
        text, status = self.search_edit.text(), self.status_filter.currentData()
        self._context.tasks.run(
            lambda uow, _p: inquiries.list_inquiries(uow, text=text, status=status),
            on_done=self._on_inquiries_loaded,
            on_error=self.form.show_refusal,
            parent=self,
            read_only=True,
        )

    def _load_staff(self) -> None:
        self._context.tasks.run(
            lambda uow, _p: inquiries.list_inquiry_staff(uow),
            on_done=lambda staff: self.form.set_staff(staff, me=self._context.actor.user_id),
            parent=self,
            read_only=True,
        )

    def _on_inquiries_loaded(self, rows: list[InquiryRow]) -> None:
        keep = self._current.id if self._current else None
        self.model.set_rows(rows)
        self.empty_label.setText(
            "" if rows else self.tr('No inquiries yet. Click "New inquiry" (Ctrl+N) to add one.')
        )
        self.empty_label.setVisible(not rows)
        for index, row in enumerate(rows):
            if row.id == keep:
                self.view.selectRow(index)
                self._show(row, keep_status=True)

    def _load_contacts(self, inquiry_id: uuid.UUID) -> None:
        self._context.tasks.run(
            lambda uow, _p: inquiries.list_contacts(uow, inquiry_id=inquiry_id),
            on_done=self._on_contacts_loaded,
            parent=self,
            read_only=True,
        )

    def _on_contacts_loaded(self, rows: list[ContactRow]) -> None:
        self.contacts_model.set_rows(rows)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches(*WATCHED_TABLES):
            self.reload()

    # --- one lead ----------------------------------------------------------------------------

    def _show(self, row: InquiryRow | None, *, keep_status: bool = False) -> None:
        self._current = row
        if not keep_status:
            self.status_label.clear()
        self._contact_errors.clear()
        if row is None:
            self.form.clear_for_new(me=self._context.actor.user_id)
            self.form_box.setTitle(self.tr("New inquiry"))
            self.contacts_model.set_rows([])
        else:
            self.form.show_inquiry(row)
            self.form_box.setTitle(f"{row.customer_name}  ·  {row.number}")
            self._load_contacts(row.id)
        self.save_button.setEnabled(self._may_edit)
        self.book_button.setEnabled(self._may_book and row is not None)
        self.link_button.setEnabled(self._may_edit and row is not None)
        self.contacts_box.setEnabled(self._may_edit and row is not None)

    def _on_view_selection_changed(self, *_args: object) -> None:
        row = self.view.selected_row()
        if row is not None and (self._current is None or row.id != self._current.id):
            self._show(row)

    def _on_new_button_clicked(self) -> None:
        self.view.clearSelection()
        self._show(None)
        self.form.name_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        self.form.errors.clear()
        data = self.form.gathered_input()
        current = self._current.id if self._current else None

        def operation(uow: Any, _p: Any) -> InquiryRow:
            if current is None:
                return inquiries.register_inquiry(uow, data=data)
            return inquiries.update_inquiry(uow, inquiry_id=current, data=data)

        self.save_button.setEnabled(False)
        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _on_saved(self, row: InquiryRow) -> None:
        self._show(row)
        self.status_label.setText(self.tr("Saved as %1.").replace("%1", row.number))

    def _on_refused(self, error: DomainError) -> None:
        self.save_button.setEnabled(self._may_edit)
        self.form.show_refusal(error)

    def _on_log_button_clicked(self) -> None:
        if self._current is None:
            return
        self._contact_errors.clear()
        inquiry_id, method = self._current.id, self.contact_method_combo.currentData()
        content = self.contact_edit.text()
        self._context.tasks.run(
            lambda uow, _p: inquiries.log_contact(
                uow, inquiry_id=inquiry_id, method=method, content=content
            ),
            on_done=lambda _row: self.contact_edit.clear(),
            on_error=self._contact_errors.show_refusal,
            parent=self,
        )

    def _on_link_button_clicked(self) -> None:
        row = self._current
        if row is None:
            return
        self.link_dialog = LinkCustomerDialog(self._context, row.customer_name, parent=self)
        self.link_dialog.accepted.connect(lambda: self._link(row.id))
        self.link_dialog.open()

    def _link(self, inquiry_id: uuid.UUID) -> None:
        customer = self.link_dialog.chosen
        if customer is None:
            return
        customer_id = customer.id
        self._context.tasks.run(
            lambda uow, _p: inquiries.link_customer(
                uow, inquiry_id=inquiry_id, customer_id=customer_id
            ),
            on_done=lambda _row: self.status_label.setText(
                self.tr("Linked to the customer file %1.").replace("%1", customer.file_number)
            ),
            on_error=self.form.show_refusal,
            parent=self,
        )

    def _on_book_button_clicked(self) -> None:
        row = self._current
        if row is None:
            return
        self._context.tasks.run(
            lambda uow, _p: appointments.list_bookables(uow),
            on_done=lambda bookables: self._open_booking(row, bookables),
            on_error=self.form.show_refusal,
            parent=self,
            read_only=True,
        )

    def _open_booking(self, row: InquiryRow, bookables: list[Any]) -> None:
        draft = AppointmentDraft(
            customer_name=row.customer_name,
            gender=row.gender.value,
            item=row.item_type,
            customer_id=row.customer_id,
            inquiry_id=row.id,
            staff_id=row.consultant_id,
            starts_at=row.appointment_at,
        )
        day = clinic_time(row.appointment_at or row.inquired_at).date()
        self.booking_dialog = AppointmentDialog(
            self._context, bookables, draft, day=day, parent=self
        )
        self.booking_dialog.accepted.connect(
            lambda: self.status_label.setText(self.tr("Appointment booked."))
        )
        self.booking_dialog.open()
