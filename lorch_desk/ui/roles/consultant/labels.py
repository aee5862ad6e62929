"""Translated names of the consultant's values: outcomes, reasons, kinds, states."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lorch_desk.domain.consultations import ConsultationOutcome, NotClosedReason
from lorch_desk.domain.prescriptions import PrescriptionKind, PrescriptionStatus

OUTCOMES = {
    ConsultationOutcome.DEAL_CLOSED: QT_TRANSLATE_NOOP("choices", "Deal closed"),
    ConsultationOutcome.NOT_CLOSED: QT_TRANSLATE_NOOP("choices", "Not closed"),
}
NOT_CLOSED_REASONS = {
    NotClosedReason.PRICE: QT_TRANSLATE_NOOP("choices", "Price"),
    NotClosedReason.THINKING_IT_OVER: QT_TRANSLATE_NOOP("choices", "Wants to think it over"),
    NotClosedReason.COMPARING_CLINICS: QT_TRANSLATE_NOOP("choices", "Comparing other clinics"),
    NotClosedReason.NEEDS_FAMILY_CONSENT: QT_TRANSLATE_NOOP("choices", "Must discuss with family"),
    NotClosedReason.DOUBTS_RESULT: QT_TRANSLATE_NOOP("choices", "Doubts about the result"),
    NotClosedReason.NOT_SUITABLE: QT_TRANSLATE_NOOP("choices", "Not suitable medically"),
    NotClosedReason.ONLY_ASKING: QT_TRANSLATE_NOOP("choices", "Only gathering information"),
    NotClosedReason.OTHER: QT_TRANSLATE_NOOP("choices", "Other (see note)"),
}
RECEIVED_HOW = {
    "accepted": QT_TRANSLATE_NOOP("choices", "Accepted"),
    "directed": QT_TRANSLATE_NOOP("choices", "Directed"),
    "reassigned": QT_TRANSLATE_NOOP("choices", "Reassigned"),
}
PRESCRIPTION_KINDS = {
    PrescriptionKind.WESTERN: QT_TRANSLATE_NOOP("choices", "Western / nutrients"),
    PrescriptionKind.TCM: QT_TRANSLATE_NOOP("choices", "TCM herbal"),
}
PRESCRIPTION_STATUSES = {
    PrescriptionStatus.DRAFT: QT_TRANSLATE_NOOP("choices", "Draft"),
    PrescriptionStatus.AWAITING_DISPENSING: QT_TRANSLATE_NOOP("choices", "Awaiting dispensing"),
    PrescriptionStatus.DISPENSED: QT_TRANSLATE_NOOP("choices", "Dispensed"),
}
