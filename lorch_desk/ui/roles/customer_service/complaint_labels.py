"""Translated names of the complaint and call-centre values people see and pick."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lorch_desk.domain.calls import CallDirection, CallOutcome, CallTopic
from lorch_desk.domain.complaints import (
    ComplaintCause,
    ComplaintChannel,
    ComplaintStatus,
    ComplaintStepKind,
    Handling,
    SignOff,
)

_CONTEXT = "customer_service"

CHANNELS = {
    ComplaintChannel.VISIT: QT_TRANSLATE_NOOP("customer_service", "Visit"),
    ComplaintChannel.PHONE: QT_TRANSLATE_NOOP("customer_service", "Phone"),
    ComplaintChannel.WECHAT: QT_TRANSLATE_NOOP("customer_service", "WeChat"),
    ComplaintChannel.ONLINE: QT_TRANSLATE_NOOP("customer_service", "Online"),
    ComplaintChannel.LETTER: QT_TRANSLATE_NOOP("customer_service", "Letter"),
}
STATUSES = {
    ComplaintStatus.RECEIVED: QT_TRANSLATE_NOOP("customer_service", "Received"),
    ComplaintStatus.ROUTED: QT_TRANSLATE_NOOP("customer_service", "Routed"),
    ComplaintStatus.INVESTIGATING: QT_TRANSLATE_NOOP("customer_service", "Investigating"),
    ComplaintStatus.PLANNED: QT_TRANSLATE_NOOP("customer_service", "Plan in progress"),
    ComplaintStatus.RESOLVED: QT_TRANSLATE_NOOP("customer_service", "Resolved"),
    ComplaintStatus.CAUSE_FOUND: QT_TRANSLATE_NOOP("customer_service", "Cause analysed"),
    ComplaintStatus.SUMMARISED: QT_TRANSLATE_NOOP("customer_service", "Summarised"),
    ComplaintStatus.CLOSED: QT_TRANSLATE_NOOP("customer_service", "Closed"),
}
STEPS = {
    ComplaintStepKind.RECEIVE: QT_TRANSLATE_NOOP("customer_service", "Complaint received"),
    ComplaintStepKind.ROUTE: QT_TRANSLATE_NOOP("customer_service", "Route"),
    ComplaintStepKind.INVESTIGATE: QT_TRANSLATE_NOOP("customer_service", "Investigation note"),
    ComplaintStepKind.PLAN: QT_TRANSLATE_NOOP("customer_service", "Plan"),
    ComplaintStepKind.REPORT_PROGRESS: QT_TRANSLATE_NOOP(
        "customer_service", "Progress told to the customer"
    ),
    ComplaintStepKind.RECORD_RESULT: QT_TRANSLATE_NOOP(
        "customer_service", "Result signed by the customer"
    ),
    ComplaintStepKind.RECORD_CAUSE: QT_TRANSLATE_NOOP("customer_service", "Cause"),
    ComplaintStepKind.SUMMARISE: QT_TRANSLATE_NOOP("customer_service", "Summary"),
    ComplaintStepKind.CLOSE: QT_TRANSLATE_NOOP("customer_service", "Close"),
    ComplaintStepKind.SUSPEND_CONSULTANT: QT_TRANSLATE_NOOP(
        "customer_service", "Consultant suspended for a day"
    ),
}
HANDLINGS = {
    Handling.OWN_AUTHORITY: QT_TRANSLATE_NOOP("customer_service", "Within my own authority"),
    Handling.ESCALATED: QT_TRANSLATE_NOOP("customer_service", "Escalated to the supervisor"),
}
SIGN_OFFS = {
    SignOff.PAPER: QT_TRANSLATE_NOOP("customer_service", "Signed on the printed form"),
    SignOff.DRAWN: QT_TRANSLATE_NOOP("customer_service", "Signature drawn on screen"),
}
CAUSES = {
    ComplaintCause.SERVICE: QT_TRANSLATE_NOOP("customer_service", "Service"),
    ComplaintCause.COMMUNICATION: QT_TRANSLATE_NOOP("customer_service", "Communication"),
    ComplaintCause.PRODUCT: QT_TRANSLATE_NOOP("customer_service", "Product"),
}
DIRECTIONS = {
    CallDirection.INBOUND: QT_TRANSLATE_NOOP("customer_service", "Inbound"),
    CallDirection.OUTBOUND: QT_TRANSLATE_NOOP("customer_service", "Outbound"),
}
TOPICS = {
    CallTopic.CONSULTATION: QT_TRANSLATE_NOOP("customer_service", "Consultation"),
    CallTopic.APPOINTMENT: QT_TRANSLATE_NOOP("customer_service", "Appointment"),
    CallTopic.REPORT: QT_TRANSLATE_NOOP("customer_service", "Test report"),
    CallTopic.PRODUCT: QT_TRANSLATE_NOOP("customer_service", "Product"),
    CallTopic.COMPLAINT: QT_TRANSLATE_NOOP("customer_service", "Complaint"),
    CallTopic.SATISFACTION_SURVEY: QT_TRANSLATE_NOOP("customer_service", "Satisfaction survey"),
    CallTopic.SALES: QT_TRANSLATE_NOOP("customer_service", "Product sales"),
    CallTopic.CUSTOMER_CARE: QT_TRANSLATE_NOOP("customer_service", "Keeping in touch"),
    CallTopic.OTHER: QT_TRANSLATE_NOOP("customer_service", "Other"),
}
OUTCOMES = {
    CallOutcome.RESOLVED: QT_TRANSLATE_NOOP("customer_service", "Resolved"),
    CallOutcome.APPOINTMENT_BOOKED: QT_TRANSLATE_NOOP("customer_service", "Appointment booked"),
    CallOutcome.CALLBACK_NEEDED: QT_TRANSLATE_NOOP("customer_service", "Call back"),
    CallOutcome.TRANSFERRED: QT_TRANSLATE_NOOP("customer_service", "Transferred"),
    CallOutcome.NO_ANSWER: QT_TRANSLATE_NOOP("customer_service", "No answer"),
    CallOutcome.DECLINED: QT_TRANSLATE_NOOP("customer_service", "Declined"),
}


def name_of(table: dict, value: object) -> str:  # type: ignore[type-arg]
    """The translated name of `value` in one of the tables above; the value itself if unknown."""
    text = table.get(value)
    return QCoreApplication.translate(_CONTEXT, text) if text else str(value or "")


def fill_combo(combo, table: dict) -> None:  # type: ignore[no-untyped-def, type-arg]  # noqa: ANN001
    """Offer every value of `table` in `combo`, shown by its translated name."""
    for value in table:
        combo.addItem(name_of(table, value), value)
