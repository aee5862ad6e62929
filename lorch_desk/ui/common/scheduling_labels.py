"""Translated names of inquiry and appointment values (statuses, intake types, purposes)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lorch_desk.domain.inquiries import ContactMethod, InquiryStatus, IntakeType
from lorch_desk.services.appointments import AppointmentPurpose, AppointmentStatus

INQUIRY_STATUSES = {
    InquiryStatus.FOLLOWING: QT_TRANSLATE_NOOP("choices", "Following up"),
    InquiryStatus.BOOKED: QT_TRANSLATE_NOOP("choices", "Booked"),
    InquiryStatus.ARRIVED: QT_TRANSLATE_NOOP("choices", "Arrived"),
    InquiryStatus.LOST: QT_TRANSLATE_NOOP("choices", "Lost"),
}
INTAKE_TYPES = {
    IntakeType.PHONE: QT_TRANSLATE_NOOP("choices", "Phone"),
    IntakeType.WEB: QT_TRANSLATE_NOOP("choices", "Web"),
    IntakeType.WECHAT: QT_TRANSLATE_NOOP("choices", "WeChat"),
    IntakeType.EVENT: QT_TRANSLATE_NOOP("choices", "Event"),
}
CONTACT_METHODS = {
    ContactMethod.PHONE: QT_TRANSLATE_NOOP("choices", "Phone"),
    ContactMethod.WECHAT: QT_TRANSLATE_NOOP("choices", "WeChat"),
    ContactMethod.SMS: QT_TRANSLATE_NOOP("choices", "SMS"),
    ContactMethod.VISIT: QT_TRANSLATE_NOOP("choices", "Visit"),
}
APPOINTMENT_PURPOSES = {
    AppointmentPurpose.CONSULTATION: QT_TRANSLATE_NOOP("choices", "Consultation"),
    AppointmentPurpose.TREATMENT: QT_TRANSLATE_NOOP("choices", "Treatment"),
    AppointmentPurpose.REVISIT: QT_TRANSLATE_NOOP("choices", "Revisit"),
    AppointmentPurpose.REPORT_READING: QT_TRANSLATE_NOOP("choices", "Report reading"),
}
APPOINTMENT_STATUSES = {
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("choices", "Booked"),
    AppointmentStatus.CHECKED_IN: QT_TRANSLATE_NOOP("choices", "Checked in"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("choices", "Cancelled"),
}
NO_SHOW = QT_TRANSLATE_NOOP("choices", "No-show")
