"""Translated names of follow-up and survey values: events, outcomes, dimensions, verdicts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lorch_desk.domain.follow_ups import Assignee, CallOutcome, FollowUpSource
from lorch_desk.domain.satisfaction import Verdict

SOURCES = {
    FollowUpSource.SALE: QT_TRANSLATE_NOOP("choices", "After a purchase"),
    FollowUpSource.TREATMENT_PLAN: QT_TRANSLATE_NOOP("choices", "After a treatment plan"),
    FollowUpSource.CONSULTATION_NOT_CLOSED: QT_TRANSLATE_NOOP(
        "choices", "Consulted without buying"
    ),
    FollowUpSource.ARRIVAL: QT_TRANSLATE_NOOP("choices", "After a visit"),
    FollowUpSource.CALL: QT_TRANSLATE_NOOP("choices", "Planned by an earlier call"),
    FollowUpSource.TOP_SPENDER: QT_TRANSLATE_NOOP("choices", "Top customer of the month"),
}
OUTCOMES = {
    CallOutcome.REACHED: QT_TRANSLATE_NOOP("choices", "Reached the customer"),
    CallOutcome.NO_ANSWER: QT_TRANSLATE_NOOP("choices", "No answer"),
    CallOutcome.BUSY: QT_TRANSLATE_NOOP("choices", "Line busy"),
    CallOutcome.WRONG_NUMBER: QT_TRANSLATE_NOOP("choices", "Wrong number"),
    CallOutcome.DECLINED: QT_TRANSLATE_NOOP("choices", "Customer declined to talk"),
}
ASSIGNEES = {
    Assignee.CONSULTANT: QT_TRANSLATE_NOOP("choices", "The customer's consultant"),
    Assignee.CUSTOMER_SERVICE: QT_TRANSLATE_NOOP("choices", "Customer-service desk"),
}
DIMENSIONS = {
    "service_quality": QT_TRANSLATE_NOOP("choices", "Service quality"),
    "service_effect": QT_TRANSLATE_NOOP("choices", "Effect of the service"),
    "products": QT_TRANSLATE_NOOP("choices", "Products"),
    "service_attitude": QT_TRANSLATE_NOOP("choices", "Service attitude"),
    "follow_up_service": QT_TRANSLATE_NOOP("choices", "Follow-up service"),
    "problem_solving": QT_TRANSLATE_NOOP("choices", "Problem solving"),
}
VERDICTS = {
    Verdict.KEEP: QT_TRANSLATE_NOOP("choices", "Keep on the rotation"),
    Verdict.SUSPEND_A_WEEK: QT_TRANSLATE_NOOP("choices", "Suspend for a week"),
    Verdict.OFF_THE_POST: QT_TRANSLATE_NOOP("choices", "Move off the post"),
    Verdict.TOO_FEW_SURVEYS: QT_TRANSLATE_NOOP("choices", "Too few surveys"),
}


def choice_text(labels: dict, value: object) -> str:  # type: ignore[type-arg]
    """The translated name of `value` in `labels`, or the value itself."""
    text = labels.get(value)
    return QCoreApplication.translate("choices", text) if text else str(value or "")
