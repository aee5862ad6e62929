"""到访登记: record a customer's arrival (or correct one) and put them in the day's queue."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.clock import clinic_time, clinic_time_zone
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.triage_policy import NotCountedReason, Rotation
from lorch_desk.domain.visit_classes import VisitClass, VisitPurpose
from lorch_desk.services import arrival_form, arrivals
from lorch_desk.services.arrival_form import ArrivalFormData, SuggestionRow
from lorch_desk.services.arrivals import ArrivalDetail, ArrivalInput
from lorch_desk.services.inquiries import InquiryRow
from lorch_desk.ui.common.choice_labels import CHANNELS, choice_label
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.triage_labels import (
    NOT_COUNTED_REASONS,
    TRANSFER_DEPARTMENTS,
    VISIT_CLASSES,
    VISIT_PURPOSES,
    VISIT_REASONS,
)
from lorch_desk.ui.context import UiContext

SUGGEST_DELAY_MS = 200
NO_AGE = -1


class ArrivalDialog(QDialog):
    """The arrival form; `arrival_saved(ArrivalDetail)` once the arrival is stored and queued.

    With `arrival_id` it corrects that arrival: a new record referencing it, never an edit.
    """

    arrival_saved = Signal(object)

    def __init__(
        self,
        context: UiContext,
        *,
        customer_id: uuid.UUID | None = None,
        arrival_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("arrival_dialog")
        self._context = context
        self._data: ArrivalFormData | None = None
        self._arrival_id = arrival_id
        self._class_chosen = False
        self._closed = False  # results arriving after closing are dropped
        self.setWindowTitle(
            self.tr("Correct arrival") if arrival_id else self.tr("Register arrival")
        )
        self.errors = FieldErrors()
        self.customer = QLabel(self.tr("Loading…"), self)
        self.customer.setObjectName("arrival_customer")
        self.customer.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.form_completed_at = QDateTimeEdit(self)
        self.form_completed_at.setObjectName("arrival_form_completed_at")
        self.form_completed_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form_completed_at.setCalendarPopup(True)
        self.form_completed_at.setDateTime(_to_qt(datetime.now(clinic_time_zone())))
        self.purpose = self._combo("arrival_purpose", VISIT_PURPOSES)
        self.age = QSpinBox(self)
        self.age.setObjectName("arrival_age")
        self.age.setRange(NO_AGE, 120)
        self.age.setSpecialValueText(self.tr("unknown"))
        self.age.setValue(NO_AGE)
        self.with_parent = QCheckBox(self.tr("Accompanied by a parent"), self)
        self.refused_details = QCheckBox(self.tr("Refuses to leave details"), self)
        self.open_course = QCheckBox(self.tr("Has an open course"), self)
        self.mental_illness = QCheckBox(self.tr("Known mental illness"), self)
        self.transferred_from = self._combo(
            "arrival_transferred_from", TRANSFER_DEPARTMENTS, none=self.tr("Not a transfer")
        )
        self.inquiry = QComboBox(self)
        self.inquiry.setObjectName("arrival_inquiry")
        self.inquiry.addItem(self.tr("No inquiry"), None)
        self.inquiry.currentIndexChanged.connect(self._on_inquiry_changed)
        self.channel = self._combo("arrival_channel", CHANNELS, none=self.tr("(none)"))
        self.referrer = QLineEdit(self)
        self.referrer.setObjectName("arrival_referrer")
        self.inquiry_item = QLineEdit(self)
        self.inquiry_item.setObjectName("arrival_inquiry_item")
        self.inquiry_item.setPlaceholderText(
            self.tr("Never shown to a consultant before they accept")
        )
        self.visit_class = self._combo("arrival_visit_class", VISIT_CLASSES)
        self.visit_class.activated.connect(self._on_visit_class_activated)
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("arrival_suggestion")
        self.suggestion.setWordWrap(True)
        self.not_counted = self._combo(
            "arrival_not_counted", NOT_COUNTED_REASONS, none=self.tr("Counts as a turn")
        )
        self.not_counted.currentIndexChanged.connect(self._on_not_counted_changed)
        self.named_consultant = QComboBox(self)
        self.named_consultant.setObjectName("arrival_named_consultant")
        self.named_consultant.setEnabled(False)
        # Seed 003 4.1.1: the customer stays the owning consultant's, follow-ups or not.
        self.remembers_consultant = QCheckBox(
            self.tr("The customer remembers the consultant"), self
        )
        self.remembers_consultant.setObjectName("arrival_remembers_consultant")
        self.remembers_consultant.setEnabled(False)
        facts = QHBoxLayout()
        for box in (self.with_parent, self.refused_details, self.open_course, self.mental_illness):
            facts.addWidget(box)
            box.toggled.connect(self._schedule_suggestion)
        facts.addStretch(1)
        form = QFormLayout()
        e = self.errors
        form.addRow(
            self.tr("Form completed at"), e.cell(self.form_completed_at, "form_completed_at")
        )
        form.addRow(self.tr("Came for"), e.cell(self.purpose, "purpose"))
        form.addRow(self.tr("Age"), e.cell(self.age, "age"))
        form.addRow("", facts)
        form.addRow(self.tr("Transferred from"), self.transferred_from)
        form.addRow(self.tr("Inquiry"), e.cell(self.inquiry, "inquiry_id"))
        form.addRow(self.tr("Channel"), e.cell(self.channel, "channel"))
        form.addRow(self.tr("Referrer"), e.cell(self.referrer, "referrer_name"))
        form.addRow(self.tr("Inquiry item"), e.cell(self.inquiry_item, "inquiry_item"))
        form.addRow(self.tr("Visit class"), e.cell(self.visit_class, "visit_class"))
        form.addRow("", self.suggestion)
        form.addRow(self.tr("Turn"), e.cell(self.not_counted, "not_counted_reason"))
        form.addRow(
            self.tr("Named consultant"), e.cell(self.named_consultant, "named_consultant_id")
        )
        form.addRow("", self.remembers_consultant)
        for widget in (self.purpose, self.transferred_from):
            widget.currentIndexChanged.connect(self._schedule_suggestion)
        self.age.valueChanged.connect(self._schedule_suggestion)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("arrival_save")
        self.save_button.setText(self.tr("Save and queue (Ctrl+S)"))
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self._load_suggestion)
        layout = QVBoxLayout(self)
        layout.addWidget(self.customer)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        context.tasks.run(
            lambda uow, _progress: arrival_form.open_arrival_form(
                uow, customer_id=customer_id, arrival_id=arrival_id
            ),
            on_done=self._show_form,
            on_error=self._show_refusal,
            parent=self,
            read_only=True,
        )

    def _combo(self, name: str, labels: dict, *, none: str | None = None) -> QComboBox:  # type: ignore[type-arg]
        combo = QComboBox(self)
        combo.setObjectName(name)
        if none is not None:
            combo.addItem(none, "")
        for value in labels:
            combo.addItem(choice_label(labels, value), str(value))
        return combo

    # Loading ---------------------------------------------------------------------------------

    def done(self, result: int) -> None:  # Qt override: accept and reject end here
        self._closed = True
        self._timer.stop()
        super().done(result)

    def _show_form(self, data: ArrivalFormData) -> None:
        if self._closed:
            return
        self._data = data
        age = self.tr("%1 years").replace("%1", str(data.age)) if data.age is not None else ""
        self.customer.setText(
            "  ·  ".join(p for p in (data.customer_name, data.file_number, age) if p)
        )
        self.age.setValue(data.age if data.age is not None else NO_AGE)
        for consultant in data.consultants:
            self.named_consultant.addItem(consultant.name, consultant.user_id)
        self._select(self.channel, data.channel)
        self.referrer.setText(data.referrer_name)
        for lead in data.inquiries:
            self.inquiry.addItem(_inquiry_text(lead), lead)
        self.inquiry.setEnabled(bool(data.inquiries))
        if data.inquiries:
            self.inquiry.setCurrentIndex(1)  # the newest open lead: the usual case
        original = data.original
        if original is not None:
            self.form_completed_at.setDateTime(_to_qt(original.form_completed_at))
            self._select(self.channel, original.channel)
            self.referrer.setText(original.referrer_name)
            self.inquiry_item.setText(original.inquiry_item or "")
            self._select(self.visit_class, original.visit_class)
            self._class_chosen = True
            if original.not_counted_reason is not None:
                self._select(self.not_counted, original.not_counted_reason)
                index = self.named_consultant.findData(original.named_consultant_id)
                self.named_consultant.setCurrentIndex(max(index, 0))
        self.save_button.setEnabled(True)
        self._load_suggestion()
        self.purpose.setFocus()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(str(value))
        if index >= 0:
            combo.setCurrentIndex(index)

    # The visit-class suggestion -------------------------------------------------------------

    def _schedule_suggestion(self, *_args: object) -> None:
        if self._data is not None:
            self._timer.start()

    def _load_suggestion(self) -> None:
        if self._data is None:
            return
        customer_id, data = self._data.customer_id, self._input(with_class=self._class_chosen)
        self._context.tasks.run(
            lambda uow, _progress: arrival_form.suggest_for(
                uow, customer_id=customer_id, data=data
            ),
            on_done=self._show_suggestion,
            on_error=self._show_refusal,
            parent=self,
            read_only=True,
        )

    def _show_suggestion(self, row: SuggestionRow) -> None:
        if self._closed:
            return
        if not self._class_chosen:
            self._select(self.visit_class, row.visit_class)
        reasons = "; ".join(choice_label(VISIT_REASONS, r) for r in row.reasons)
        if row.rotation is Rotation.SMALL:
            text = self.tr("Suggested: %1, because %2. Goes to the small rotation.")
        elif row.visit_class is VisitClass.OTHER:
            text = self.tr("Suggested: %1, because %2. A gift: stays in the main rotation.")
        else:
            text = self.tr("Suggested: %1, because %2.")
        text = text.replace("%1", choice_label(VISIT_CLASSES, row.visit_class))
        text = text.replace("%2", reasons)
        self.suggestion.setText(text)

    def _on_visit_class_activated(self, _index: int) -> None:
        self._class_chosen = True
        self._schedule_suggestion()

    def _on_inquiry_changed(self, _index: int) -> None:
        """Fill in what the lead already says; the receptionist may still change it."""
        lead = self.inquiry.currentData()
        if lead is None:
            return
        self._select(self.channel, lead.channel)
        if lead.referrer_name:
            self.referrer.setText(lead.referrer_name)
        if lead.item_type:
            self.inquiry_item.setText(lead.item_type)
        if lead.is_consultant_pre_booking and lead.consultant_id is not None:
            self._select(self.not_counted, NotCountedReason.PRE_BOOKED)
            index = self.named_consultant.findData(lead.consultant_id)
            if index >= 0:
                self.named_consultant.setCurrentIndex(index)

    def _on_not_counted_changed(self, _index: int) -> None:
        reason = self.not_counted.currentData()
        self.named_consultant.setEnabled(bool(reason))
        owning = reason == NotCountedReason.OWNING_CONSULTANT.value
        self.remembers_consultant.setEnabled(owning)
        if not owning:
            self.remembers_consultant.setChecked(False)

    # Saving ---------------------------------------------------------------------------------

    def _input(self, *, with_class: bool = True) -> ArrivalInput:
        reason = self.not_counted.currentData() or None
        return ArrivalInput(
            form_completed_at=_from_qt(self.form_completed_at.dateTime()),
            purpose=VisitPurpose(self.purpose.currentData()),
            age=None if self.age.value() == NO_AGE else self.age.value(),
            accompanied_by_parent=self.with_parent.isChecked(),
            refused_details=self.refused_details.isChecked(),
            transferred_from=self.transferred_from.currentData() or None,
            has_open_course=self.open_course.isChecked(),
            known_mental_illness=self.mental_illness.isChecked(),
            visit_class=VisitClass(self.visit_class.currentData()) if with_class else None,
            channel=self.channel.currentData() or "",
            referrer_name=self.referrer.text(),
            inquiry_item=self.inquiry_item.text(),
            not_counted_reason=NotCountedReason(reason) if reason else None,
            named_consultant_id=self.named_consultant.currentData() if reason else None,
            customer_remembers_consultant=self.remembers_consultant.isChecked(),
        )

    def save(self) -> None:
        """Store the arrival (or its correction) and queue the customer."""
        if self._data is None or not self.save_button.isEnabled():
            return
        self.errors.clear()
        data = self._input()
        customer_id, arrival_id = self._data.customer_id, self._arrival_id
        lead = self.inquiry.currentData()
        inquiry_id = lead.id if lead is not None else None
        if arrival_id is None:
            operation = lambda uow, _progress: arrivals.record_arrival(  # noqa: E731
                uow, customer_id=customer_id, data=data, inquiry_id=inquiry_id
            )
        else:
            operation = lambda uow, _progress: arrival_form.correct_and_requeue(  # noqa: E731
                uow, arrival_id=arrival_id, data=data
            )
        self.save_button.setEnabled(False)
        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._show_refusal, parent=self
        )

    def _on_saved(self, detail: ArrivalDetail) -> None:
        self.arrival_saved.emit(detail)
        self.accept()

    def _show_refusal(self, error: DomainError) -> None:
        if self._closed:
            return
        self.save_button.setEnabled(self._data is not None)
        self.errors.show_refusal(error)


def _inquiry_text(lead: InquiryRow) -> str:
    """ "XX-2026-000012 · 抖音 · 钱敏 · 11-24 10:00" — enough to tell a customer's leads apart."""
    when = clinic_time(lead.appointment_at).strftime("%m-%d %H:%M") if lead.appointment_at else ""
    channel = choice_label(CHANNELS, lead.channel) if lead.channel else ""
    parts = (lead.number, channel, lead.developer_name or lead.consultant_name, when)
    return " · ".join(part for part in parts if part)


def _to_qt(moment: datetime) -> QDateTime:
    local = clinic_time(moment)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)


def _from_qt(value: QDateTime) -> datetime:
    day, time = value.date(), value.time()
    return datetime(
        day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=clinic_time_zone()
    )


def open_arrival_dialog(
    context: UiContext,
    parent: QWidget,
    *,
    customer_id: uuid.UUID | None = None,
    arrival_id: uuid.UUID | None = None,
) -> ArrivalDialog:
    """Show the arrival form (window-modal, not blocking) and return it."""
    dialog = ArrivalDialog(context, customer_id=customer_id, arrival_id=arrival_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
