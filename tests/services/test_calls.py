"""呼叫中心: calls logged with the caller found by number; reviews and the agents' month."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from lorch_desk.domain.calls import CallDirection, CallOutcome, CallTopic
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.calls import CallLog, CallReview
from lorch_desk.services.call_reviews import CallReviewInput, agent_month_summary, review_call
from lorch_desk.services.calls import CallInput, list_calls, log_call, match_caller
from lorch_desk.services.customers import CustomerInput, register_customer
from tests.conftest import actors_at
from tests.services.service_clinic import CUSTOMER_MOBILE, DAY, ServiceClinic, at


@pytest.fixture()
def clinic(database, node) -> ServiceClinic:  # noqa: ANN001
    return ServiceClinic(database, actors_at(node))


def _inbound(clinic: ServiceClinic, actor=None, now=None, **values):  # noqa: ANN001, ANN202
    fields = {"direction": "inbound", "topic": "appointment", "outcome": "appointment_booked"}
    fields.update(values)
    return clinic.run(actor or clinic.agent, log_call, data=CallInput(**fields), now=now or at(10))


def test_a_full_number_finds_the_customer_a_tail_or_landline_does_not(
    clinic: ServiceClinic,
) -> None:
    # Another customer whose number shares the last four digits must not match.
    clinic.run(
        clinic.agent,
        register_customer,
        data=CustomerInput(
            name="孙丽", gender=Gender.FEMALE, mobile="13800005678", channel="walk_in"
        ),
    )
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        full = match_caller(uow, number="139 1234 5678")
        with_prefix = match_caller(uow, number="+86 13912345678")
        tail = match_caller(uow, number="5678")
        landline = match_caller(uow, number="010-88886666")
    assert [row.name for row in full] == ["赵敏"] and full[0].id == clinic.customer_id
    assert [row.name for row in with_prefix] == ["赵敏"]
    assert tail == [] and landline == []


def test_an_inbound_call_is_logged_and_linked_to_the_caller(clinic: ServiceClinic) -> None:
    row = _inbound(clinic, number=CUSTOMER_MOBILE, summary="预约周五面部护理", duration_seconds=95)
    assert row.customer_id == clinic.customer_id and row.caller_name == "赵敏"
    assert row.agent_name == "陈静" and row.direction is CallDirection.INBOUND
    unknown = _inbound(
        clinic,
        number="010-88886666",
        caller_name="王先生",
        topic="consultation",
        outcome="resolved",
    )
    assert unknown.customer_id is None and unknown.caller_name == "王先生"
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        stored = uow.session.get(CallLog, row.id)
        assert stored.number == CUSTOMER_MOBILE and stored.duration_seconds == 95
        assert stored.topic == "appointment" and stored.summary == "预约周五面部护理"
        listed = list_calls(uow, start=DAY, end=DAY)
        nothing_tomorrow = list_calls(
            uow, start=DAY + timedelta(days=1), end=DAY + timedelta(days=1)
        )
    assert {call.id for call in listed} == {unknown.id, row.id}
    assert nothing_tomorrow == []


def test_an_outbound_call_is_to_a_customer(clinic: ServiceClinic) -> None:
    with pytest.raises(ValidationFailed) as nobody:
        _inbound(clinic, direction="outbound", topic="satisfaction_survey", outcome="resolved")
    assert nobody.value.field == "customer_id"
    row = _inbound(
        clinic,
        direction="outbound",
        topic="satisfaction_survey",
        outcome="no_answer",
        customer_id=clinic.customer_id,
    )
    assert row.number_display == CUSTOMER_MOBILE and row.topic is CallTopic.SATISFACTION_SURVEY
    assert row.outcome is CallOutcome.NO_ANSWER


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"number": ""}, "number"),
        ({"number": "1", "topic": "gossip"}, "topic"),
        ({"number": "1", "outcome": "maybe"}, "outcome"),
        ({"number": "1", "duration_seconds": -5}, "duration_seconds"),
        ({"number": "1", "called_at": at(11)}, "called_at"),
    ],
)
def test_bad_calls_are_refused_and_write_nothing(clinic: ServiceClinic, values, field) -> None:  # noqa: ANN001
    with pytest.raises(ValidationFailed) as refused:
        _inbound(clinic, **values)
    assert refused.value.field == field
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CallLog)) == 0


def test_the_supervisor_reviews_calls_and_sees_each_agents_month(clinic: ServiceClinic) -> None:
    first = _inbound(clinic, number=CUSTOMER_MOBILE)
    second = _inbound(clinic, number=CUSTOMER_MOBILE, now=at(11))
    _inbound(
        clinic,
        direction="outbound",
        topic="customer_care",
        outcome="resolved",
        customer_id=clinic.customer_id,
        now=at(12),
    )
    # Last month's call does not count in this month.
    _inbound(
        clinic,
        number=CUSTOMER_MOBILE,
        called_at=at(10, day=DAY - timedelta(days=30)),
        now=at(12, 5),
    )
    scores = CallReviewInput(courtesy=4, knowledge=3, resolution=5, process=4, comment="开场白规范")
    with pytest.raises(PermissionDenied):
        clinic.run(clinic.agent, review_call, call_id=first.id, data=scores)
    with pytest.raises(ValidationFailed) as bad:
        clinic.run(
            clinic.supervisor,
            review_call,
            call_id=first.id,
            data=CallReviewInput(courtesy=6, knowledge=3, resolution=5, process=4),
        )
    assert bad.value.field == "courtesy"
    clinic.run(clinic.supervisor, review_call, call_id=first.id, data=scores, now=at(13))
    # A second look at the same call replaces the first review.
    clinic.run(
        clinic.supervisor,
        review_call,
        call_id=first.id,
        data=CallReviewInput(courtesy=5, knowledge=5, resolution=5, process=5),
        now=at(14),
    )
    clinic.run(clinic.supervisor, review_call, call_id=second.id, data=scores, now=at(14))

    with clinic.database.unit_of_work(clinic.supervisor, read_only=True) as uow:
        month = agent_month_summary(uow, year=DAY.year, month=DAY.month)
        listed = {row.id: row for row in list_calls(uow, start=DAY, end=DAY)}
        assert uow.session.scalar(select(func.count()).select_from(CallReview)) == 3
    assert listed[first.id].review_percent == Decimal("100.0")
    assert listed[second.id].review_percent == Decimal("80.0")
    assert listed[second.id].review_comment == "开场白规范"
    assert len(month) == 1
    assert (month[0].agent_name, month[0].inbound, month[0].outbound, month[0].reviewed) == (
        "陈静",
        2,
        1,
        2,
    )
    assert month[0].average_percent == Decimal("90.0")


def test_staff_without_the_call_centre_duty_may_not_log(clinic: ServiceClinic) -> None:
    with pytest.raises(PermissionDenied):
        _inbound(clinic, actor=clinic.make_actor(Role.PHARMACIST), number="1")


def test_the_caller_is_matched_and_reviewed_on_postgresql(pg_database, pg_node) -> None:  # noqa: ANN001
    clinic = ServiceClinic(pg_database, actors_at(pg_node))
    with pg_database.unit_of_work(clinic.agent, read_only=True) as uow:
        assert [row.name for row in match_caller(uow, number=CUSTOMER_MOBILE)] == ["赵敏"]
    call = _inbound(clinic, number=CUSTOMER_MOBILE)
    assert call.customer_id == clinic.customer_id
    scores = CallReviewInput(courtesy=5, knowledge=5, resolution=4, process=4)
    clinic.run(clinic.supervisor, review_call, call_id=call.id, data=scores, now=at(11))
    with pg_database.unit_of_work(clinic.supervisor, read_only=True) as uow:
        [month] = agent_month_summary(uow, year=DAY.year, month=DAY.month)
    assert (month.inbound, month.reviewed, month.average_percent) == (1, 1, Decimal("90.0"))
