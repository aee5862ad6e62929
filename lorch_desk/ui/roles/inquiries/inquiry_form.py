"""The inquiry form of seed 004 §3.1: one lead's details, Tab from field to field."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from lorch_desk.domain.clock import clinic_time, clinic_time_zone
from lorch_desk.domain.customers import Channel, Gender
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.inquiries import InquiryStatus, IntakeType
from lorch_desk.domain.permissions import Role
from lorch_desk.services.inquiries import InquiryInput, InquiryRow, StaffChoice
from lorch_desk.ui.common.appointment_dialog import combo_index
from lorch_desk.ui.common.choice_labels import CHANNELS, GENDERS, choice_label
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.scheduling_labels import INQUIRY_STATUSES, INTAKE_TYPES


class InquiryFormWidget(QWidget):
    """Fields of one lead; `gathered_input()` reads them, `show_inquiry()` fills them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self._mobile_shown = ""
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Full name or surname, e.g. 王女士"))
        self.gender_combo = QComboBox()
        for gender in (Gender.FEMALE, Gender.MALE, Gender.UNKNOWN):
            self.gender_combo.addItem(choice_label(GENDERS, gender), gender.value)
        self.mobile_edit = QLineEdit()
        self.region_edit = QLineEdit()
        self.referrer_edit = QLineEdit()
        self.channel_combo = self._combo(CHANNELS, Channel)
        self.intake_combo = self._combo(INTAKE_TYPES, IntakeType)
        self.developer_combo = QComboBox()
        self.consultant_combo = QComboBox()
        self.item_edit = QLineEdit()
        self.item_edit.setPlaceholderText(self.tr("e.g. 祛斑, 体检, 减重"))
        self.appointment_check = QCheckBox(self.tr("Appointment"))
        self.appointment_edit = QDateTimeEdit()
        self.appointment_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setEnabled(False)
        self.appointment_check.toggled.connect(self.appointment_edit.setEnabled)
        appointment_cell = QWidget()
        appointment_layout = QHBoxLayout(appointment_cell)
        appointment_layout.setContentsMargins(0, 0, 0, 0)
        appointment_layout.addWidget(self.appointment_check)
        appointment_layout.addWidget(self.appointment_edit, 1)
        self.status_combo = QComboBox()
        for status in InquiryStatus:
            self.status_combo.addItem(choice_label(INQUIRY_STATUSES, status), status.value)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. 美团, 百度, 小红书, 地推活动"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(60)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field, name in (
            (self.tr("Customer:"), self.name_edit, "customer_name"),
            (self.tr("Gender:"), self.gender_combo, "gender"),
            (self.tr("Mobile:"), self.mobile_edit, "mobile"),
            (self.tr("Region:"), self.region_edit, "region"),
            (self.tr("Referrer:"), self.referrer_edit, "referrer_name"),
            (self.tr("Channel:"), self.channel_combo, "channel"),
            (self.tr("Intake type:"), self.intake_combo, "intake_type"),
            (self.tr("Developer:"), self.developer_combo, "developer_id"),
            (self.tr("Consultant:"), self.consultant_combo, "consultant_id"),
            (self.tr("Inquiry item:"), self.item_edit, "item_type"),
            (self.tr("Appointment time:"), appointment_cell, "appointment_at"),
            (self.tr("Status:"), self.status_combo, "status"),
            (self.tr("Source:"), self.source_edit, "source"),
            (self.tr("Notes:"), self.notes_edit, "notes"),
        ):
            field.setObjectName(name)
            form.addRow(label, self.errors.cell(field, name))

    def _combo(self, labels: dict, kind: type) -> QComboBox:  # type: ignore[type-arg]
        combo = QComboBox()
        combo.addItem("", "")
        for value in kind:
            combo.addItem(choice_label(labels, value), value.value)
        return combo

    def set_staff(self, staff: list[StaffChoice], *, me: uuid.UUID | None) -> None:
        """Fill the developer list (everyone) and the consultant list (consultants)."""
        for combo in (self.developer_combo, self.consultant_combo):
            combo.clear()
            combo.addItem("", None)
        for person in staff:
            self.developer_combo.addItem(person.name, person.id)
            if person.role is Role.CONSULTANT:
                self.consultant_combo.addItem(person.name, person.id)
        self._select(self.developer_combo, me)

    def clear_for_new(self, *, me: uuid.UUID | None) -> None:
        """An empty form for a new lead, developed by the one typing it."""
        self.errors.clear()
        for edit in (self.name_edit, self.mobile_edit, self.region_edit, self.referrer_edit):
            edit.clear()
        self.item_edit.clear()
        self.source_edit.clear()
        self.notes_edit.clear()
        self.gender_combo.setCurrentIndex(0)
        self.channel_combo.setCurrentIndex(0)
        self.intake_combo.setCurrentIndex(0)
        self.consultant_combo.setCurrentIndex(0)
        self.status_combo.setCurrentIndex(0)
        self._select(self.developer_combo, me)
        self.appointment_check.setChecked(False)
        self.appointment_edit.setDateTime(QDateTime.currentDateTime())
        self._mobile_shown = ""

    def show_inquiry(self, row: InquiryRow) -> None:
        """Fill the form with a stored lead."""
        self.errors.clear()
        self.name_edit.setText(row.customer_name)
        self._select(self.gender_combo, row.gender.value)
        self.mobile_edit.setText(row.mobile_display)
        self._mobile_shown = row.mobile_display
        self.region_edit.setText(row.region)
        self.referrer_edit.setText(row.referrer_name)
        self._select(self.channel_combo, row.channel)
        self._select(self.intake_combo, row.intake_type)
        self._select(self.developer_combo, row.developer_id)
        self._select(self.consultant_combo, row.consultant_id)
        self.item_edit.setText(row.item_type)
        self.appointment_check.setChecked(row.appointment_at is not None)
        if row.appointment_at is not None:
            local = clinic_time(row.appointment_at)
            self.appointment_edit.setDateTime(
                QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
            )
        self._select(self.status_combo, row.status.value)
        self.source_edit.setText(row.source)
        self.notes_edit.setPlainText(row.notes)

    def gathered_input(self) -> InquiryInput:
        """What the form holds, as the service takes it."""
        appointment_at = None
        if self.appointment_check.isChecked():
            chosen = self.appointment_edit.dateTime()
            d, t = chosen.date(), chosen.time()
            appointment_at = datetime(
                d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=clinic_time_zone()
            )
        return InquiryInput(
            customer_name=self.name_edit.text(),
            gender=self.gender_combo.currentData(),
            mobile=self.mobile_edit.text(),
            region=self.region_edit.text(),
            referrer_name=self.referrer_edit.text(),
            channel=self.channel_combo.currentData() or "",
            intake_type=self.intake_combo.currentData() or "",
            developer_id=self.developer_combo.currentData(),
            consultant_id=self.consultant_combo.currentData(),
            item_type=self.item_edit.text(),
            appointment_at=appointment_at,
            status=self.status_combo.currentData(),
            source=self.source_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def show_refusal(self, error: DomainError) -> None:
        self.errors.show_refusal(error)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(combo_index(combo, value))
