"""回访: rules plan the calls, each staff member sees their list, calls are logged as a ledger."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from lorch_desk.domain.consultations import ConsultationOutcome, NotClosedReason
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.follow_ups import (
    DEFAULT_RULES,
    Assignee,
    CallOutcome,
    FollowUpRule,
    FollowUpSource,
)
from lorch_desk.domain.triage_policy import NotCountedReason
from lorch_desk.models.follow_ups import FollowUpCall, FollowUpTask
from lorch_desk.services.arrivals import ArrivalInput, record_arrival
from lorch_desk.services.consultations import ConsultationInput, record_consultation
from lorch_desk.services.follow_up_planning import plan_follow_ups_for_sale
from lorch_desk.services.follow_up_rules import get_follow_up_rules, set_follow_up_rules
from lorch_desk.services.follow_ups import (
    LogCallInput,
    customer_still_owned,
    effective_follow_ups,
    list_call_list,
    log_follow_up_call,
)
from lorch_desk.services.treatment_plans import (
    PlanLineInput,
    TreatmentPlanInput,
    save_treatment_plan,
)
from tests.services.consultant_clinic import DAY, at
from tests.services.follow_up_clinic import FollowUpClinic


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    return FollowUpClinic(database, actor_for)


def _calls(clinic: FollowUpClinic, actor, day) -> list:  # noqa: ANN001
    return clinic.run(actor, list_call_list, now=at(9, 0, day))


def test_a_treatment_plan_puts_the_customer_on_the_consultants_list_the_next_day(
    clinic: FollowUpClinic,
) -> None:
    mei = clinic.register("李梅")
    clinic.run(
        clinic.consultant,
        save_treatment_plan,
        customer_id=mei,
        arrival_id=None,
        data=TreatmentPlanInput(lines=(PlanLineInput(clinic.services["针灸"], Decimal(1)),)),
        now=at(10, 0),
    )

    assert _calls(clinic, clinic.consultant, DAY) == []
    [row] = _calls(clinic, clinic.consultant, DAY + timedelta(days=1))
    assert (row.customer_name, row.due_on, row.reason, row.source) == (
        "李梅",
        DAY + timedelta(days=1),
        "针灸",
        FollowUpSource.TREATMENT_PLAN,
    )
    assert row.mobile == "139****0001"  # a consultant sees a masked number
    # The health manager's list holds neither the consultant's calls nor anything else.
    assert _calls(clinic, clinic.agent, DAY + timedelta(days=1)) == []


def test_a_medical_aesthetics_sale_plans_checks_after_one_seven_and_thirty_days_once(
    clinic: FollowUpClinic, count_rows
) -> None:  # noqa: ANN001
    mei = clinic.register("李梅")
    sale = clinic.sell(mei, "光子嫩肤", DAY, at(11, 0))

    added = clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=sale, now=at(11, 0))
    again = clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=sale, now=at(11, 0))

    assert (added, again, count_rows(FollowUpTask)) == (3, 0, 3)
    # Calls not yet made stay on the list, overdue first.
    rows = _calls(clinic, clinic.consultant, DAY + timedelta(days=30))
    assert [(r.due_on - DAY).days for r in rows] == [1, 7, 30]
    assert {r.reason for r in rows} == {"光子嫩肤"}
    assert [r.days_overdue for r in rows] == [29, 23, 0]
    refund = clinic.sell(mei, "光子嫩肤", DAY, at(12, 0), total="-2980.00", kind="refund")
    assert clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=refund) == 0


def test_an_ordinary_treatment_sale_is_called_after_one_and_seven_days(
    clinic: FollowUpClinic,
) -> None:
    mei = clinic.register("李梅")
    clinic.sell(mei, "推拿", DAY, at(11, 0), total="198.00")

    # The call list plans what the cashier did not: a sale the sweep finds.
    rows = _calls(clinic, clinic.consultant, DAY + timedelta(days=7))
    assert [row.due_on for row in rows] == [DAY + timedelta(days=1), DAY + timedelta(days=7)]


def test_a_consultation_without_a_deal_is_called_after_three_days(clinic: FollowUpClinic) -> None:
    mei = clinic.register("李梅")
    clinic.run(
        clinic.consultant,
        record_consultation,
        customer_id=mei,
        arrival_id=None,
        data=ConsultationInput(
            notes="嫌贵",
            outcome=ConsultationOutcome.NOT_CLOSED,
            not_closed_reason=NotClosedReason.PRICE,
        ),
        now=at(15, 0),
    )

    [row] = _calls(clinic, clinic.consultant, DAY + timedelta(days=3))
    assert (row.source, row.days_overdue) == (FollowUpSource.CONSULTATION_NOT_CLOSED, 0)
    # Still on the list, overdue, the day after.
    [late] = _calls(clinic, clinic.consultant, DAY + timedelta(days=4))
    assert late.days_overdue == 1


def test_an_effective_call_closes_the_task_counts_for_ownership_and_plans_the_next(
    clinic: FollowUpClinic, count_rows
) -> None:  # noqa: ANN001
    mei = clinic.register("李梅")
    sale = clinic.sell(mei, "针灸", DAY, at(11, 0), total="280.00")
    clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=sale)
    next_day = DAY + timedelta(days=1)
    [row] = _calls(clinic, clinic.consultant, next_day)

    result = clinic.run(
        clinic.consultant,
        log_follow_up_call,
        data=LogCallInput(
            task_id=row.task_id,
            outcome=CallOutcome.REACHED,
            is_effective=True,
            notes="针灸后无不适",
            next_step="一周后再问睡眠",
            next_call_in_days=3,
        ),
        now=at(10, 0, next_day),
    )

    assert result.task_closed and result.next_call_on == next_day + timedelta(days=3)
    assert _calls(clinic, clinic.consultant, next_day) == []
    [follow] = _calls(clinic, clinic.consultant, next_day + timedelta(days=3))
    assert (follow.source, follow.reason) == (FollowUpSource.CALL, "一周后再问睡眠")
    since = at(0, 0)
    assert (
        clinic.run(
            clinic.consultant,
            effective_follow_ups,
            consultant_id=clinic.consultant.user_id,
            customer_id=mei,
            since=since,
        )
        == 1
    )
    assert count_rows(FollowUpCall) == 1


def test_no_answer_keeps_the_call_on_the_list_and_cannot_be_effective(
    clinic: FollowUpClinic, count_rows
) -> None:  # noqa: ANN001
    mei = clinic.register("李梅")
    clinic.sell(mei, "针灸", DAY, at(11, 0), total="280.00")
    next_day = DAY + timedelta(days=1)
    [row] = _calls(clinic, clinic.consultant, next_day)

    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            clinic.consultant,
            log_follow_up_call,
            data=LogCallInput(task_id=row.task_id, outcome="no_answer", is_effective=True),
            now=at(10, 0, next_day),
        )
    assert refused.value.params["rule"] == "effective_needs_reached"
    assert count_rows(FollowUpCall) == 0

    clinic.run(
        clinic.consultant,
        log_follow_up_call,
        data=LogCallInput(task_id=row.task_id, outcome=CallOutcome.NO_ANSWER),
        now=at(10, 0, next_day),
    )
    [again] = _calls(clinic, clinic.consultant, next_day)
    assert again.attempts == 1


def test_five_effective_calls_in_three_months_keep_the_customer(clinic: FollowUpClinic) -> None:
    mei = clinic.register("李梅")
    for week in range(5):
        day = DAY + timedelta(days=7 * week)
        sale = clinic.sell(mei, "针灸", day, at(11, 0, day), total="280.00")
        clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=sale, now=at(11, 0, day))
        call_day = day + timedelta(days=1)
        row = next(r for r in _calls(clinic, clinic.consultant, call_day) if r.due_on == call_day)
        owned_before = clinic.run(
            clinic.consultant,
            customer_still_owned,
            consultant_id=clinic.consultant.user_id,
            customer_id=mei,
            now=at(12, 0, call_day),
        )
        assert not owned_before  # 0..4 effective calls are not enough
        clinic.run(
            clinic.consultant,
            log_follow_up_call,
            data=LogCallInput(task_id=row.task_id, outcome="reached", is_effective=True),
            now=at(10, 0, call_day),
        )
    last = DAY + timedelta(days=29)
    owned = {
        "now": at(12, 0, last),
        "in four months": at(12, 0, last + timedelta(days=120)),
    }
    assert [
        clinic.run(
            clinic.consultant,
            customer_still_owned,
            consultant_id=clinic.consultant.user_id,
            customer_id=mei,
            now=when,
        )
        for when in owned.values()
    ] == [True, False]
    assert clinic.run(
        clinic.consultant,
        customer_still_owned,
        consultant_id=clinic.consultant.user_id,
        customer_id=mei,
        customer_remembers_consultant=True,
        now=owned["in four months"],
    )


def test_managers_change_the_rules_and_visits_then_go_to_the_customer_service_pool(
    clinic: FollowUpClinic,
) -> None:
    assert clinic.run(clinic.agent, get_follow_up_rules).is_default
    rules = [
        *DEFAULT_RULES[:-1],
        FollowUpRule(FollowUpSource.ARRIVAL, "", (2,), Assignee.CUSTOMER_SERVICE),
    ]
    with pytest.raises(PermissionDenied):
        clinic.run(clinic.consultant, set_follow_up_rules, rules=rules)
    saved = clinic.run(clinic.manager, set_follow_up_rules, rules=rules)
    assert not saved.is_default
    mei = clinic.register("李梅")
    clinic.arrive(mei, at(9, 30))

    [row] = _calls(clinic, clinic.agent, DAY + timedelta(days=2))
    assert (row.source, row.assignee_name, row.mobile) == (
        FollowUpSource.ARRIVAL,
        "",
        "13911110001",
    )
    assert _calls(clinic, clinic.consultant, DAY + timedelta(days=2)) == []
    assert [r.task_id for r in _calls(clinic, clinic.manager, DAY + timedelta(days=2))] == [
        row.task_id
    ]


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (FollowUpRule(FollowUpSource.SALE, "中医理疗", (0,)), "offsets"),
        (FollowUpRule(FollowUpSource.SALE, "中医理疗", (400,)), "offsets"),
        (FollowUpRule(FollowUpSource.CALL, "", (1,)), "choice"),
        (DEFAULT_RULES[0], "duplicate_rule"),
    ],
)
def test_a_wrong_rule_is_refused_and_the_rules_stay_as_they_were(
    clinic: FollowUpClinic, rule: FollowUpRule, problem: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(clinic.manager, set_follow_up_rules, rules=[*DEFAULT_RULES, rule])
    assert refused.value.params["rule"] == problem
    assert clinic.run(clinic.manager, get_follow_up_rules).is_default


def test_the_front_desk_cannot_send_a_customer_to_an_owner_who_stopped_calling(
    clinic: FollowUpClinic,
) -> None:
    mei = clinic.register("李梅")
    owner = clinic.consultant.user_id
    as_owner = {
        "form_completed_at": at(9, 0),
        "named_consultant_id": owner,
        "not_counted_reason": NotCountedReason.OWNING_CONSULTANT,
    }

    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            clinic.receptionist,
            record_arrival,
            customer_id=mei,
            data=ArrivalInput(**as_owner),
            now=at(9, 1),
        )
    assert (refused.value.field, refused.value.params["rule"]) == (
        "not_counted_reason",
        "ownership_lapsed",
    )
    remembered = clinic.run(
        clinic.receptionist,
        record_arrival,
        customer_id=mei,
        data=ArrivalInput(**as_owner, customer_remembers_consultant=True),
        now=at(9, 2),
    )
    assert remembered.not_counted_reason is NotCountedReason.OWNING_CONSULTANT
