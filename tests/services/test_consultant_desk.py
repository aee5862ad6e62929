"""The consultant's desk: offers without the inquiry item, accept, decline, time-outs."""

from __future__ import annotations

import pytest

from lorch_desk.domain.errors import DomainError, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.front_desk import RecordedTriageEvent
from lorch_desk.services.consultant_desk import (
    accept_offered_customer,
    decline_offered_customer,
    get_consultant_desk,
)
from tests.services.consultant_clinic import ConsultantClinic, at


@pytest.fixture()
def clinic(database, actor_for) -> ConsultantClinic:  # noqa: ANN001
    clinic = ConsultantClinic(database, actor_for)
    clinic.hire("王芳")
    clinic.hire("赵敏")
    clinic.hire("李医生", Role.DOCTOR)
    clinic.open_rotation(at(9, 0))
    return clinic


def test_the_offered_customer_shows_without_the_item_until_accepted(clinic) -> None:  # noqa: ANN001
    wang = clinic.staff["王芳"]
    customer = clinic.register("陈静")
    arrival = clinic.arrive(customer, at(9, 5), item="光子嫩肤")
    clinic.offer(at(9, 6))

    desk = clinic.run(wang, get_consultant_desk, now=at(9, 7))
    assert [o.customer_name for o in desk.offers] == ["陈静"]
    assert not hasattr(desk.offers[0], "inquiry_item")
    assert desk.customers == ()

    desk = clinic.run(wang, accept_offered_customer, arrival_id=arrival, now=at(9, 8))
    assert desk.offers == ()
    assert [(c.customer_name, c.inquiry_item, c.received_how) for c in desk.customers] == [
        ("陈静", "光子嫩肤", "accepted")
    ]
    # The other consultant sees neither the offer nor the customer.
    other = clinic.run(clinic.staff["赵敏"], get_consultant_desk, now=at(9, 8))
    assert other.offers == () and other.customers == ()
    # A doctor sees every customer received today.
    doctor = clinic.run(clinic.staff["李医生"], get_consultant_desk, now=at(9, 9))
    assert [c.customer_name for c in doctor.customers] == ["陈静"]


def test_a_timed_out_offer_is_refused_and_nothing_changes(clinic, count_rows) -> None:  # noqa: ANN001
    wang = clinic.staff["王芳"]
    arrival = clinic.arrive(clinic.register("陈静"), at(9, 5))
    clinic.offer(at(9, 6))
    before = count_rows(RecordedTriageEvent)
    with pytest.raises(DomainError) as refused:
        clinic.run(wang, accept_offered_customer, arrival_id=arrival, now=at(9, 30))
    assert refused.value.code == "triage_offer_no_longer_open"
    assert count_rows(RecordedTriageEvent) == before


def test_an_offer_taken_by_someone_else_is_refused(clinic) -> None:  # noqa: ANN001
    arrival = clinic.arrive(clinic.register("陈静"), at(9, 5))
    clinic.offer(at(9, 6))
    with pytest.raises(DomainError) as refused:
        clinic.run(clinic.staff["赵敏"], accept_offered_customer, arrival_id=arrival, now=at(9, 7))
    assert refused.value.code == "triage_offer_no_longer_open"


def test_declining_needs_a_reason_and_passes_the_customer_on(clinic, count_rows) -> None:  # noqa: ANN001
    wang, zhao = clinic.staff["王芳"], clinic.staff["赵敏"]
    arrival = clinic.arrive(clinic.register("陈静"), at(9, 5))
    clinic.offer(at(9, 6))
    before = count_rows(RecordedTriageEvent)
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(wang, decline_offered_customer, arrival_id=arrival, reason="  ", now=at(9, 7))
    assert refused.value.field == "reason"
    assert count_rows(RecordedTriageEvent) == before

    desk = clinic.run(
        wang, decline_offered_customer, arrival_id=arrival, reason="正在接待复诊客户", now=at(9, 7)
    )
    assert desk.offers == ()
    clinic.offer(at(9, 8))
    assert [o.arrival_id for o in clinic.run(zhao, get_consultant_desk, now=at(9, 8)).offers] == [
        arrival
    ]
