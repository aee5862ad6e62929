"""到访登记: arrivals with their visit class, corrections as new records, what a consultant sees."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.errors import (
    ArrivalIsFinal,
    LedgerIsAppendOnly,
    PermissionDenied,
    PhysicalDeleteRefused,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.triage_policy import NotCountedReason, Rotation
from lorch_desk.domain.visit_classes import VisitClass, VisitReason
from lorch_desk.models.front_desk import Arrival, RecordedTriageEvent
from lorch_desk.services import triage
from lorch_desk.services.arrivals import (
    ArrivalInput,
    ArrivalSuperseded,
    correct_arrival,
    list_arrivals,
    record_arrival,
)
from lorch_desk.services.node_setup import NodeIdentity
from tests.services.test_triage_service import (  # noqa: F401 - fixtures shared with triage
    DAY,
    FrontDesk,
    at,
    database_path,
    front_desk_at,
    staffed_template,
)


@pytest.fixture()
def desk(database: Database, node: NodeIdentity) -> FrontDesk:
    return front_desk_at(database, node)


def _record(desk: FrontDesk, customer, when=None, **values):  # noqa: ANN001, ANN202
    when = when or at(9, 0)
    data = ArrivalInput(form_completed_at=when, **values)
    return desk.run(desk.receptionist, record_arrival, customer_id=customer, data=data, now=when)


def test_an_arrival_stores_the_suggested_class_and_joins_the_queue(desk: FrontDesk) -> None:
    fang = desk.register("王芳")

    detail = _record(desk, fang, channel="美团", referrer_name="李女士", inquiry_item="祛斑")

    assert detail.visit_class is VisitClass.FIRST_VISIT
    assert detail.suggested_visit_class is VisitClass.FIRST_VISIT
    assert detail.suggestion_reasons == (VisitReason.FIRST_TIME_AT_CLINIC,)
    assert detail.rotation is Rotation.MAIN
    assert detail.day == DAY
    assert (detail.channel, detail.inquiry_item) == ("美团", "祛斑")
    stored = desk.stored()
    assert [row.kind for row in stored] == ["ArrivalQueued"]
    assert stored[0].payload["arrival_id"] == str(detail.arrival_id)
    assert desk.board(at(9, 9)).waiting[0].wait_level is triage.WaitLevel.WARNING


def test_the_receptionist_may_choose_another_class_than_the_suggestion(desk: FrontDesk) -> None:
    detail = _record(desk, desk.register("王芳"), visit_class=VisitClass.REVISIT)

    assert detail.suggested_visit_class is VisitClass.FIRST_VISIT
    assert detail.visit_class is VisitClass.REVISIT
    assert desk.stored()[0].payload["visit_class"] == "revisit"


def test_small_rotation_cases_are_other_and_go_to_the_small_rotation(desk: FrontDesk) -> None:
    stitches = _record(desk, desk.register("王芳"), purpose="stitch_removal")
    elder = _record(desk, desk.register("李娜"), age=75)
    gift = _record(desk, desk.register("张敏"), purpose="event_gift")

    assert (stitches.visit_class, stitches.rotation) == (VisitClass.OTHER, Rotation.SMALL)
    assert VisitReason.OVER_AGE_LIMIT in elder.suggestion_reasons
    assert elder.rotation is Rotation.SMALL
    # Gifts are "other" but not a small-rotation case.
    assert (gift.visit_class, gift.rotation) == (VisitClass.OTHER, Rotation.MAIN)


def test_a_customer_who_came_on_an_earlier_day_is_no_longer_first_time(desk: FrontDesk) -> None:
    fang = desk.register("王芳")
    _record(desk, fang, when=at(9, 0, date(2026, 11, 20)))

    again = _record(desk, fang)

    assert again.visit_class is VisitClass.FIRST_VISIT
    assert again.suggestion_reasons == (VisitReason.CONSULTED_BEFORE_NEVER_BOUGHT,)


def test_a_correction_is_a_new_record_and_the_old_one_stays(
    desk: FrontDesk, database: Database
) -> None:
    first = _record(desk, desk.register("王芳"), channel="walk_in", inquiry_item="祛斑")

    fixed = desk.run(
        desk.receptionist,
        correct_arrival,
        arrival_id=first.arrival_id,
        data=ArrivalInput(form_completed_at=at(9, 0), channel="抖音", inquiry_item="祛斑"),
        now=at(9, 4),
    )

    assert fixed.arrival_id != first.arrival_id
    assert fixed.corrects_arrival_id == first.arrival_id
    assert fixed.first_arrival_id == first.arrival_id
    rows = desk.run(desk.receptionist, list_arrivals, day=DAY)
    assert [(r.arrival_id, r.channel, r.is_correction) for r in rows] == [
        (fixed.arrival_id, "抖音", True)
    ]
    with database.unit_of_work(desk.receptionist, read_only=True) as uow:
        old = uow.session.get_one(Arrival, first.arrival_id)
        assert (old.channel, old.row_version) == ("walk_in", 1)
    # The queue keeps the customer's place under the first record (no second queue entry);
    # the still-waiting customer is routed by the correction.
    assert [row.kind for row in desk.stored()] == ["ArrivalQueued", "ArrivalCorrected"]
    with pytest.raises(ArrivalSuperseded):
        desk.run(
            desk.receptionist,
            correct_arrival,
            arrival_id=first.arrival_id,
            data=ArrivalInput(form_completed_at=at(9, 0)),
            now=at(9, 5),
        )


def test_a_saved_arrival_is_never_edited_nor_deleted(desk: FrontDesk, database: Database) -> None:
    detail = _record(desk, desk.register("王芳"))

    with database.unit_of_work(desk.receptionist) as uow:
        arrival = uow.session.get_one(Arrival, detail.arrival_id)
        arrival.channel = "抖音"
        with pytest.raises(ArrivalIsFinal):
            uow.session.flush()
    with database.unit_of_work(desk.receptionist) as uow:
        uow.session.delete(uow.session.get_one(Arrival, detail.arrival_id))
        with pytest.raises(PhysicalDeleteRefused):
            uow.session.flush()
    with database.unit_of_work(desk.receptionist) as uow:
        event = uow.session.scalars(select(RecordedTriageEvent)).first()
        assert event is not None
        event.acted_by = "someone else"
        with pytest.raises(LedgerIsAppendOnly):
            uow.session.flush()


def test_the_inquiry_item_is_hidden_from_a_consultant_until_they_receive_the_customer(
    desk: FrontDesk,
) -> None:
    desk.open_rotation(at(8, 30))
    fang = _record(desk, desk.register("王芳"), inquiry_item="祛斑")
    desk.offer(at(9, 1))
    wang, li = desk.consultants["王"], desk.consultants["李"]

    assert desk.run(wang, list_arrivals, day=DAY)[0].inquiry_item is None
    desk.run(wang, triage.accept_offer, arrival_id=fang.arrival_id, now=at(9, 2))

    assert desk.run(wang, list_arrivals, day=DAY)[0].inquiry_item == "祛斑"
    assert desk.run(li, list_arrivals, day=DAY)[0].inquiry_item is None
    assert desk.run(desk.receptionist, list_arrivals, day=DAY)[0].inquiry_item == "祛斑"


def test_a_named_consultant_comes_with_the_reason_the_turn_does_not_count(
    desk: FrontDesk,
) -> None:
    fang = desk.register("王芳")
    with pytest.raises(ValidationFailed) as refused:
        _record(desk, fang, named_consultant_id=desk.id_of("张"))
    assert refused.value.field == "not_counted_reason"
    with pytest.raises(ValidationFailed) as refused:
        _record(
            desk,
            fang,
            named_consultant_id=desk.receptionist.user_id,
            not_counted_reason=NotCountedReason.REFERRAL_NAMED,
        )
    assert refused.value.params == {"rule": "not_a_consultant"}

    desk.open_rotation(at(8, 30))
    named = _record(
        desk,
        fang,
        named_consultant_id=desk.id_of("张"),
        not_counted_reason=NotCountedReason.REFERRAL_NAMED,
    )
    assert desk.offer(at(9, 1)) == [(named.arrival_id, "张")]
    assert desk.stored()[-1].payload["counted"] is False


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.DOCTOR, Role.CUSTOMER_SERVICE])
def test_only_the_front_desk_and_managers_record_arrivals(desk: FrontDesk, role: Role) -> None:
    fang = desk.register("王芳")
    with pytest.raises(PermissionDenied):
        desk.run(
            desk.make_actor(role),
            record_arrival,
            customer_id=fang,
            data=ArrivalInput(form_completed_at=at(9, 0)),
            now=at(9, 0),
        )
    assert desk.stored() == []
