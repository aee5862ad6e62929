"""Translated names of the front desk's triage values (visit classes, reasons, states...)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lorch_desk.domain.triage_policy import ConsultantState, NotCountedReason, Rotation
from lorch_desk.domain.visit_classes import VisitClass, VisitPurpose, VisitReason

VISIT_CLASSES = {
    VisitClass.FIRST_VISIT: QT_TRANSLATE_NOOP("choices", "First visit"),
    VisitClass.REVISIT: QT_TRANSLATE_NOOP("choices", "Revisit / recheck"),
    VisitClass.REPEAT_PURCHASE: QT_TRANSLATE_NOOP("choices", "Repeat purchase"),
    VisitClass.OTHER: QT_TRANSLATE_NOOP("choices", "Other"),
}
VISIT_PURPOSES = {
    VisitPurpose.CONSULTATION: QT_TRANSLATE_NOOP("choices", "Consultation"),
    VisitPurpose.TREATMENT_SESSION: QT_TRANSLATE_NOOP("choices", "Treatment"),
    VisitPurpose.RECHECK: QT_TRANSLATE_NOOP("choices", "Post-op recheck"),
    VisitPurpose.STITCH_REMOVAL: QT_TRANSLATE_NOOP("choices", "Stitch removal"),
    VisitPurpose.PURCHASE: QT_TRANSLATE_NOOP("choices", "Purchase"),
    VisitPurpose.CLINIC_GIFT: QT_TRANSLATE_NOOP("choices", "Clinic's special gift"),
    VisitPurpose.EVENT_GIFT: QT_TRANSLATE_NOOP("choices", "Event gift"),
}
VISIT_REASONS = {
    VisitReason.FIRST_TIME_AT_CLINIC: QT_TRANSLATE_NOOP("choices", "first time at the clinic"),
    VisitReason.CONSULTED_BEFORE_NEVER_BOUGHT: QT_TRANSLATE_NOOP(
        "choices", "consulted before but never bought"
    ),
    VisitReason.BOUGHT_BEFORE: QT_TRANSLATE_NOOP("choices", "bought before"),
    VisitReason.COURSE_SESSION: QT_TRANSLATE_NOOP("choices", "a session of an open course"),
    VisitReason.POST_OP_RECHECK: QT_TRANSLATE_NOOP("choices", "post-op recheck"),
    VisitReason.CLINIC_GIFT: QT_TRANSLATE_NOOP("choices", "clinic's special gift"),
    VisitReason.EVENT_GIFT: QT_TRANSLATE_NOOP("choices", "event gift"),
    VisitReason.MINOR_WITHOUT_PARENT: QT_TRANSLATE_NOOP(
        "choices", "aged 10 to 18 without a parent"
    ),
    VisitReason.REFUSED_DETAILS: QT_TRANSLATE_NOOP("choices", "refused to leave details"),
    VisitReason.TRANSFERRED_FROM_DEPARTMENT: QT_TRANSLATE_NOOP(
        "choices", "transferred from dental or hair"
    ),
    VisitReason.STITCH_REMOVAL: QT_TRANSLATE_NOOP("choices", "stitch removal"),
    VisitReason.OVER_AGE_LIMIT: QT_TRANSLATE_NOOP("choices", "over 70"),
    VisitReason.KNOWN_MENTAL_ILLNESS: QT_TRANSLATE_NOOP("choices", "known mental illness"),
}
NOT_COUNTED_REASONS = {
    NotCountedReason.REFERRAL_NAMED: QT_TRANSLATE_NOOP("choices", "Referral naming a consultant"),
    NotCountedReason.PRE_BOOKED: QT_TRANSLATE_NOOP("choices", "Pre-booked by the consultant"),
    NotCountedReason.OWNING_CONSULTANT: QT_TRANSLATE_NOOP(
        "choices", "Returning customer of the owning consultant"
    ),
}
ROTATIONS = {
    Rotation.MAIN: QT_TRANSLATE_NOOP("choices", "Main rotation"),
    Rotation.SMALL: QT_TRANSLATE_NOOP("choices", "Small rotation"),
}
CONSULTANT_STATES = {
    ConsultantState.FREE: QT_TRANSLATE_NOOP("choices", "Free"),
    ConsultantState.BUSY: QT_TRANSLATE_NOOP("choices", "Busy"),
    ConsultantState.OFFERED: QT_TRANSLATE_NOOP("choices", "Offered"),
    ConsultantState.SUSPENDED: QT_TRANSLATE_NOOP("choices", "Suspended"),
    ConsultantState.OFF_DUTY: QT_TRANSLATE_NOOP("choices", "Off duty"),
}
TRANSFER_DEPARTMENTS = {
    "dental": QT_TRANSLATE_NOOP("choices", "Dental"),
    "hair": QT_TRANSLATE_NOOP("choices", "Hair"),
}
