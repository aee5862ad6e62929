"""投诉: the steps of a complaint in the order of seed 000's handling standard, as pure rules.

Intake → own authority or escalated to the supervisor → investigation → plan (measures,
department, person, deadline) → progress reported to the customer → result signed by the
customer → cause (service, communication, product) → summary → closed. A customer who does not
accept a plan gets a new plan ("重新商谈解决方案"), so a plan may follow a plan.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from lorch_desk.domain.errors import ComplaintStepOutOfOrder, ValidationFailed
from lorch_desk.domain.permissions import Role

# DOMAIN.md (seed 003): a service-attitude complaint suspends the consultant for a day.
ATTITUDE_SUSPENSION = timedelta(days=1)
# Seed 000: what is beyond a health manager's authority goes to the supervisor (客服主管/主任).
SUPERVISOR_ROLES = frozenset({Role.BRANCH_MANAGER, Role.HQ_ADMIN})
TEXT_MAX_LENGTH = 2000
NAME_MAX_LENGTH = 50


class ComplaintChannel(StrEnum):
    """How the complaint reached the clinic."""

    VISIT = "visit"
    PHONE = "phone"
    WECHAT = "wechat"
    ONLINE = "online"
    LETTER = "letter"


class Handling(StrEnum):
    """Seed 000: within the health manager's own authority, or reported to the supervisor."""

    OWN_AUTHORITY = "own_authority"
    ESCALATED = "escalated"


class SignOff(StrEnum):
    """How the customer signed the result: on the printed form, or drawn on the screen."""

    PAPER = "paper"
    DRAWN = "drawn"


class ComplaintCause(StrEnum):
    SERVICE = "service"
    COMMUNICATION = "communication"
    PRODUCT = "product"


class ComplaintStatus(StrEnum):
    RECEIVED = "received"
    ROUTED = "routed"
    INVESTIGATING = "investigating"
    PLANNED = "planned"
    RESOLVED = "resolved"
    CAUSE_FOUND = "cause_found"
    SUMMARISED = "summarised"
    CLOSED = "closed"


class ComplaintStepKind(StrEnum):
    RECEIVE = "receive"
    ROUTE = "route"
    INVESTIGATE = "investigate"
    PLAN = "plan"
    REPORT_PROGRESS = "report_progress"
    RECORD_RESULT = "record_result"
    RECORD_CAUSE = "record_cause"
    SUMMARISE = "summarise"
    CLOSE = "close"
    # Not a step of the order: the supervisor's suspension of the consultant complained about.
    SUSPEND_CONSULTANT = "suspend_consultant"


_S = ComplaintStatus
_K = ComplaintStepKind
# step -> (the statuses it may follow, the status it leads to)
_TRANSITIONS: dict[ComplaintStepKind, tuple[frozenset[ComplaintStatus], ComplaintStatus]] = {
    _K.ROUTE: (frozenset({_S.RECEIVED}), _S.ROUTED),
    _K.INVESTIGATE: (frozenset({_S.ROUTED, _S.INVESTIGATING}), _S.INVESTIGATING),
    _K.PLAN: (frozenset({_S.INVESTIGATING, _S.PLANNED}), _S.PLANNED),
    _K.REPORT_PROGRESS: (frozenset({_S.PLANNED}), _S.PLANNED),
    _K.RECORD_RESULT: (frozenset({_S.PLANNED}), _S.RESOLVED),
    _K.RECORD_CAUSE: (frozenset({_S.RESOLVED}), _S.CAUSE_FOUND),
    _K.SUMMARISE: (frozenset({_S.CAUSE_FOUND}), _S.SUMMARISED),
    _K.CLOSE: (frozenset({_S.SUMMARISED}), _S.CLOSED),
}


def status_after(status: ComplaintStatus, step: ComplaintStepKind) -> ComplaintStatus:
    """The status a complaint reaches by `step`; refused when the step is out of order."""
    allowed_from, reached = _TRANSITIONS.get(step, (frozenset(), status))
    if status not in allowed_from:
        raise ComplaintStepOutOfOrder(step=step.value, status=status.value)
    return reached


def next_steps(status: ComplaintStatus) -> tuple[ComplaintStepKind, ...]:
    """The steps a complaint in `status` may take now, in the order of the standard."""
    return tuple(step for step, (allowed, _) in _TRANSITIONS.items() if status in allowed)


def is_overdue(status: ComplaintStatus, deadline: date | None, today: date) -> bool:
    """Overdue: the plan's deadline has passed and the complaint is not closed."""
    return status is not ComplaintStatus.CLOSED and deadline is not None and deadline < today


def days_to_close(received_on: date, closed_on: date) -> int:
    """Whole days from intake to closing (0 when closed the day it came in)."""
    return (closed_on - received_on).days


def required_text(value: str, field: str, maximum: int = TEXT_MAX_LENGTH) -> str:
    """`value` stripped; refused when empty or too long."""
    value = value.strip()
    if not value:
        raise ValidationFailed(field=field, rule="required")
    if len(value) > maximum:
        raise ValidationFailed(field=field, rule="too_long", maximum=maximum)
    return value


def check_plan_deadline(deadline: date | None, received_on: date) -> date:
    """A plan needs a deadline, no earlier than the day the complaint came in."""
    if deadline is None:
        raise ValidationFailed(field="deadline", rule="required")
    if deadline < received_on:
        raise ValidationFailed(field="deadline", rule="date_range")
    return deadline


def check_sign_off(sign_off: SignOff | str, has_drawn_signature: bool) -> SignOff:
    """The customer signs the result on paper, or draws a signature that is stored with it."""
    try:
        chosen = SignOff(sign_off)
    except ValueError:
        raise ValidationFailed(field="sign_off", rule="choice") from None
    if chosen is SignOff.DRAWN and not has_drawn_signature:
        raise ValidationFailed(field="signature", rule="required")
    return chosen


def check_cause(
    cause: ComplaintCause | str, is_service_attitude: bool, has_staff_complained_about: bool
) -> ComplaintCause:
    """Service, communication or product; a service-attitude cause must name the staff member."""
    try:
        chosen = ComplaintCause(cause)
    except ValueError:
        raise ValidationFailed(field="cause", rule="choice") from None
    if is_service_attitude and chosen is not ComplaintCause.SERVICE:
        raise ValidationFailed(field="is_service_attitude", rule="attitude_needs_service")
    if is_service_attitude and not has_staff_complained_about:
        raise ValidationFailed(field="about_staff_id", rule="required")
    return chosen


def suspends_consultant(cause: ComplaintCause | str, is_service_attitude: bool) -> bool:
    """A service-attitude complaint suspends the consultant complained about for a day."""
    return is_service_attitude and cause == ComplaintCause.SERVICE
