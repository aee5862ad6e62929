"""呼叫中心: what a call is about, how it ended, and the supervisor's quality scores (seed 000)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from lorch_desk.domain.errors import ValidationFailed

SCORE_MIN = 1
SCORE_MAX = 5
# A call lasting longer than this was mistyped (seconds).
LONGEST_CALL_SECONDS = 4 * 3600


class CallDirection(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class CallTopic(StrEnum):
    """Why the caller rang, or why the agent called (呼出: survey, sales, keeping in touch)."""

    CONSULTATION = "consultation"
    APPOINTMENT = "appointment"
    REPORT = "report"
    PRODUCT = "product"
    COMPLAINT = "complaint"
    SATISFACTION_SURVEY = "satisfaction_survey"
    SALES = "sales"
    CUSTOMER_CARE = "customer_care"
    OTHER = "other"


class CallOutcome(StrEnum):
    RESOLVED = "resolved"
    APPOINTMENT_BOOKED = "appointment_booked"
    CALLBACK_NEEDED = "callback_needed"
    TRANSFERRED = "transferred"
    NO_ANSWER = "no_answer"
    DECLINED = "declined"


class QualityDimension(StrEnum):
    """What the supervisor scores on each reviewed call, 1 to 5."""

    COURTESY = "courtesy"
    KNOWLEDGE = "knowledge"
    RESOLUTION = "resolution"
    PROCESS = "process"


def check_score(value: int, field: str) -> int:
    """A quality score is a whole number from 1 to 5."""
    if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
        raise ValidationFailed(field=field, rule="range", minimum=SCORE_MIN, maximum=SCORE_MAX)
    return value


def quality_percent(scores: list[int]) -> Decimal:
    """A review's scores as a percentage of the best possible, one decimal."""
    best = len(scores) * SCORE_MAX
    percent = Decimal(sum(scores) * 100) / Decimal(best)
    return percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def check_duration(seconds: int) -> int:
    """A call's length in seconds: not negative, not longer than a few hours."""
    if seconds < 0 or seconds > LONGEST_CALL_SECONDS:
        raise ValidationFailed(
            field="duration_seconds", rule="range", minimum=0, maximum=LONGEST_CALL_SECONDS
        )
    return seconds
