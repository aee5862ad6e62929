"""Book or move an appointment from the keyboard: Tab through the fields, Enter books.

A new booking starts with the customer search: type a name, pinyin initials or a mobile tail,
Enter picks the customer file; a lead who is not a customer yet is booked by name and mobile.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.clock import clinic_time, clinic_time_zone
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import appointments
from lorch_desk.services.appointments import AppointmentInput, AppointmentPurpose, Bookable
from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.common.choice_labels import GENDERS, choice_label
from lorch_desk.ui.common.customer_choice_box import CustomerChoiceBox
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.scheduling_labels import APPOINTMENT_PURPOSES
from lorch_desk.ui.context import UiContext

DEFAULT_MINUTES = 60


def combo_index(combo: QComboBox, value: object) -> int:
    """The index of the item holding `value` (UUIDs compare by value), else 0."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return 0


@dataclass(frozen=True, slots=True, kw_only=True)
class AppointmentDraft:
    """What the dialog opens with: a lead's or customer's details, or the booking to move."""

    customer_name: str = ""
    gender: str = ""
    mobile: str = ""
    item: str = ""
    customer_id: uuid.UUID | None = None
    inquiry_id: uuid.UUID | None = None
    staff_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
    starts_at: datetime | None = None
    minutes: int = DEFAULT_MINUTES
    moving_id: uuid.UUID | None = None


class AppointmentDialog(QDialog):
    """Books (or moves) one appointment; stays open with the refusal beside the field."""

    def __init__(
        self,
        context: UiContext,
        bookables: list[Bookable],
        draft: AppointmentDraft,
        *,
        day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._draft = draft
        self._customer_id = draft.customer_id
        self.result_row: Any = None
        moving = draft.moving_id is not None
        self.setWindowTitle(self.tr("Move appointment") if moving else self.tr("Book appointment"))
        self._errors = FieldErrors()

        self.name_edit = QLineEdit(draft.customer_name)
        self.gender_combo = QComboBox()
        for gender in (Gender.FEMALE, Gender.MALE, Gender.UNKNOWN):
            self.gender_combo.addItem(choice_label(GENDERS, gender), gender.value)
        if draft.gender:
            self.gender_combo.setCurrentIndex(combo_index(self.gender_combo, draft.gender))
        self.mobile_edit = QLineEdit(draft.mobile)
        self.item_edit = QLineEdit(draft.item)
        self.purpose_combo = QComboBox()
        for purpose in AppointmentPurpose:
            self.purpose_combo.addItem(choice_label(APPOINTMENT_PURPOSES, purpose), purpose.value)
        self.staff_combo = QComboBox()
        self.staff_combo.addItem(self.tr("(nobody)"), None)
        self.room_combo = QComboBox()
        self.room_combo.addItem(self.tr("(no room)"), None)
        for bookable in bookables:
            combo = self.room_combo if bookable.kind == "room" else self.staff_combo
            combo.addItem(bookable.name, bookable.id)
        self.staff_combo.setCurrentIndex(combo_index(self.staff_combo, draft.staff_id))
        self.room_combo.setCurrentIndex(combo_index(self.room_combo, draft.room_id))
        start = clinic_time(draft.starts_at) if draft.starts_at else None
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        shown_day = start.date() if start else day
        self.date_edit.setDate(QDate(shown_day.year, shown_day.month, shown_day.day))
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setTime(QTime(start.hour, start.minute) if start else QTime(10, 0))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(5, 480)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(draft.minutes)
        self.notes_edit = QLineEdit()

        form = QFormLayout()
        rows = [
            (self.tr("Customer:"), self.name_edit, "customer_name"),
            (self.tr("Gender:"), self.gender_combo, "gender"),
            (self.tr("Mobile:"), self.mobile_edit, "mobile"),
            (self.tr("Item:"), self.item_edit, "item"),
            (self.tr("Purpose:"), self.purpose_combo, "purpose"),
            (self.tr("Consultant or doctor:"), self.staff_combo, "staff_id"),
            (self.tr("Room:"), self.room_combo, "room_id"),
            (self.tr("Date:"), self.date_edit, "day"),
            (self.tr("Time:"), self.time_edit, "starts_at"),
            (self.tr("Duration:"), self.minutes_spin, "ends_at"),
            (self.tr("Notes:"), self.notes_edit, "notes"),
        ]
        for label, field, name in rows:
            field.setObjectName(name)
            form.addRow(label, self._errors.cell(field, name))
        for field in (self.name_edit, self.gender_combo, self.mobile_edit, self.item_edit):
            field.setEnabled(not moving)
        self.purpose_combo.setEnabled(not moving)
        self.notes_edit.setEnabled(not moving)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move") if moving else self.tr("Book"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.customer_box: CustomerChoiceBox | None = None
        if not moving and draft.inquiry_id is None and draft.customer_id is None:
            self.customer_box = CustomerChoiceBox(context)
            self.customer_box.customer_chosen.connect(self._on_customer_box_customer_chosen)
            layout.addWidget(self.customer_box)
        layout.addLayout(form)
        layout.addWidget(self._errors.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if moving:
            self.staff_combo.setFocus()
        else:
            box = self.customer_box
            (box.picker.query if box is not None else self.name_edit).setFocus()

    def _show_customer(self, row: CustomerRow | None) -> None:
        """Book for the customer file `row`, or (None) for a lead typed in by hand."""
        self._customer_id = row.id if row is not None else None
        for field in (self.name_edit, self.gender_combo, self.mobile_edit):
            field.setEnabled(row is None)
        self.name_edit.setText(row.name if row is not None else "")
        if row is not None:
            self.gender_combo.setCurrentIndex(combo_index(self.gender_combo, row.gender.value))
        self.mobile_edit.clear()
        self.mobile_edit.setPlaceholderText(row.mobile_display if row is not None else "")

    def _on_customer_box_customer_chosen(self, row: CustomerRow | None) -> None:
        self._show_customer(row)
        (self.item_edit if row is not None else self.name_edit).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # The Enter that picked a customer reaches the dialog next: it must not book too.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.customer_box is not None and self.customer_box.took_enter():
            event.accept()
            return
        super().keyPressEvent(event)

    def starts_at(self) -> datetime:
        chosen, at = self.date_edit.date(), self.time_edit.time()
        return datetime.combine(
            date(chosen.year(), chosen.month(), chosen.day()),
            time(at.hour(), at.minute()),
            tzinfo=clinic_time_zone(),
        )

    def _on_buttons_accepted(self) -> None:
        self._errors.clear()
        starts = self.starts_at()
        ends = starts + timedelta(minutes=self.minutes_spin.value())
        staff_id, room_id = self.staff_combo.currentData(), self.room_combo.currentData()
        draft = self._draft
        if draft.moving_id is not None:
            moving_id = draft.moving_id

            def operation(uow: Any, _progress: Any) -> Any:
                return appointments.move_appointment(
                    uow,
                    appointment_id=moving_id,
                    starts_at=starts,
                    ends_at=ends,
                    staff_id=staff_id,
                    room_id=room_id,
                )

        else:
            data = AppointmentInput(
                starts_at=starts,
                ends_at=ends,
                item=self.item_edit.text(),
                staff_id=staff_id,
                room_id=room_id,
                customer_id=self._customer_id,
                inquiry_id=draft.inquiry_id,
                customer_name=self.name_edit.text(),
                gender=self.gender_combo.currentData(),
                mobile=self.mobile_edit.text(),
                purpose=self.purpose_combo.currentData(),
                notes=self.notes_edit.text(),
            )

            def operation(uow: Any, _progress: Any) -> Any:
                return appointments.book_appointment(uow, data=data)

        self.ok_button.setEnabled(False)
        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _on_saved(self, row: Any) -> None:
        self.result_row = row
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        self.ok_button.setEnabled(True)
        self._errors.show_refusal(error)
