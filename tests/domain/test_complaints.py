"""投诉: the order of a complaint's steps, one transition at a time, and its refusals."""

from __future__ import annotations

from datetime import date

import pytest

from lorch_desk.domain.complaints import (
    ComplaintCause,
    ComplaintStatus,
    ComplaintStepKind,
    SignOff,
    check_cause,
    check_plan_deadline,
    check_sign_off,
    days_to_close,
    is_overdue,
    next_steps,
    required_text,
    status_after,
    suspends_consultant,
)
from lorch_desk.domain.errors import ComplaintStepOutOfOrder, ValidationFailed

S, K = ComplaintStatus, ComplaintStepKind


def test_the_steps_lead_from_intake_to_closed_in_the_order_of_the_standard() -> None:
    status = S.RECEIVED
    path = [
        (K.ROUTE, S.ROUTED),
        (K.INVESTIGATE, S.INVESTIGATING),
        (K.INVESTIGATE, S.INVESTIGATING),
        (K.PLAN, S.PLANNED),
        (K.REPORT_PROGRESS, S.PLANNED),
        (K.REPORT_PROGRESS, S.PLANNED),
        (K.RECORD_RESULT, S.RESOLVED),
        (K.RECORD_CAUSE, S.CAUSE_FOUND),
        (K.SUMMARISE, S.SUMMARISED),
        (K.CLOSE, S.CLOSED),
    ]
    for step, expected in path:
        status = status_after(status, step)
        assert status is expected


def test_a_customer_who_does_not_accept_the_plan_gets_a_new_plan() -> None:
    assert status_after(S.PLANNED, K.PLAN) is S.PLANNED


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (S.RECEIVED, K.INVESTIGATE),  # routed first
        (S.RECEIVED, K.PLAN),
        (S.ROUTED, K.PLAN),  # investigated first
        (S.ROUTED, K.ROUTE),  # routed once
        (S.INVESTIGATING, K.RECORD_RESULT),  # a plan first
        (S.INVESTIGATING, K.REPORT_PROGRESS),
        (S.PLANNED, K.RECORD_CAUSE),  # the result first
        (S.PLANNED, K.CLOSE),
        (S.RESOLVED, K.SUMMARISE),  # the cause first
        (S.RESOLVED, K.REPORT_PROGRESS),
        (S.CAUSE_FOUND, K.CLOSE),  # the summary first
        (S.CLOSED, K.INVESTIGATE),  # nothing after closing
        (S.CLOSED, K.CLOSE),
        (S.PLANNED, K.RECEIVE),
    ],
)
def test_a_step_out_of_order_is_refused(status: ComplaintStatus, step: ComplaintStepKind) -> None:
    with pytest.raises(ComplaintStepOutOfOrder) as refused:
        status_after(status, step)
    assert refused.value.params == {"step": step.value, "status": status.value}


def test_next_steps_say_what_a_complaint_may_do_now() -> None:
    assert next_steps(S.RECEIVED) == (K.ROUTE,)
    assert next_steps(S.INVESTIGATING) == (K.INVESTIGATE, K.PLAN)
    assert next_steps(S.PLANNED) == (K.PLAN, K.REPORT_PROGRESS, K.RECORD_RESULT)
    assert next_steps(S.CLOSED) == ()


def test_overdue_means_deadline_passed_and_not_closed() -> None:
    today = date(2026, 11, 23)
    assert is_overdue(S.PLANNED, date(2026, 11, 22), today)
    assert not is_overdue(S.PLANNED, today, today)  # due today is not late yet
    assert not is_overdue(S.CLOSED, date(2026, 11, 1), today)
    assert not is_overdue(S.INVESTIGATING, None, today)


def test_days_to_close() -> None:
    assert days_to_close(date(2026, 11, 1), date(2026, 11, 1)) == 0
    assert days_to_close(date(2026, 10, 30), date(2026, 11, 2)) == 3


def test_texts_are_required_and_bounded() -> None:
    assert required_text("  调查记录 ", "notes") == "调查记录"
    with pytest.raises(ValidationFailed) as empty:
        required_text("   ", "notes")
    assert (empty.value.field, empty.value.params["rule"]) == ("notes", "required")
    with pytest.raises(ValidationFailed) as long:
        required_text("x" * 51, "department", 50)
    assert long.value.params == {"rule": "too_long", "maximum": 50}


def test_a_plan_needs_a_deadline_not_before_the_complaint() -> None:
    received = date(2026, 11, 20)
    assert check_plan_deadline(date(2026, 11, 20), received) == date(2026, 11, 20)
    for deadline, rule in ((None, "required"), (date(2026, 11, 19), "date_range")):
        with pytest.raises(ValidationFailed) as refused:
            check_plan_deadline(deadline, received)
        assert (refused.value.field, refused.value.params["rule"]) == ("deadline", rule)


def test_the_result_is_signed_on_paper_or_drawn() -> None:
    assert check_sign_off("paper", False) is SignOff.PAPER
    assert check_sign_off(SignOff.DRAWN, True) is SignOff.DRAWN
    with pytest.raises(ValidationFailed) as no_drawing:
        check_sign_off(SignOff.DRAWN, False)
    assert no_drawing.value.field == "signature"
    with pytest.raises(ValidationFailed):
        check_sign_off("fax", True)


def test_a_service_attitude_cause_names_the_staff_member_and_suspends_a_day() -> None:
    assert check_cause("product", False, False) is ComplaintCause.PRODUCT
    assert check_cause("service", True, True) is ComplaintCause.SERVICE
    with pytest.raises(ValidationFailed) as nobody:
        check_cause("service", True, False)
    assert nobody.value.field == "about_staff_id"
    with pytest.raises(ValidationFailed) as not_service:
        check_cause("product", True, True)
    assert not_service.value.params["rule"] == "attitude_needs_service"
    with pytest.raises(ValidationFailed):
        check_cause("weather", False, False)
    assert suspends_consultant("service", True)
    assert not suspends_consultant("service", False)
    assert not suspends_consultant("communication", True)
