"""The arrival form's helpers: the customer and consultants, the live suggestion, corrections."""

from __future__ import annotations

import pytest

from lorch_desk.domain.errors import ArrivalSuperseded, PermissionDenied
from lorch_desk.domain.triage_policy import ConsultantState, Rotation
from lorch_desk.domain.visit_classes import VisitClass, VisitPurpose, VisitReason
from lorch_desk.services import arrival_form, arrivals, triage
from lorch_desk.services.arrivals import ArrivalInput
from tests.services import test_triage_service as story
from tests.services.test_triage_service import FrontDesk, at

# The staffed clinic of the triage story: three consultants on the payroll.
staffed_template = story.staffed_template
database_path = story.database_path
desk = story.desk


def test_the_form_names_the_customer_and_the_consultants(desk: FrontDesk) -> None:
    customer = desk.register("王芳")

    form = desk.run(desk.receptionist, arrival_form.open_arrival_form, customer_id=customer)

    assert (form.customer_name, form.channel, form.original) == ("王芳", "walk_in", None)
    assert sorted(c.name for c in form.consultants) == ["张", "李", "王"]


def test_the_suggestion_says_why_other_goes_to_the_small_rotation(desk: FrontDesk) -> None:
    customer = desk.register("刘阿姨")
    data = ArrivalInput(form_completed_at=at(9, 0), age=72)

    row = desk.run(
        desk.receptionist, arrival_form.suggest_for, customer_id=customer, data=data, now=at(9, 1)
    )

    assert row.visit_class is VisitClass.OTHER
    assert row.reasons == (VisitReason.OVER_AGE_LIMIT,)
    assert row.rotation is Rotation.SMALL


def test_a_gift_is_other_but_stays_in_the_main_rotation(desk: FrontDesk) -> None:
    customer = desk.register("赵敏")
    data = ArrivalInput(form_completed_at=at(9, 0), purpose=VisitPurpose.EVENT_GIFT)

    row = desk.run(
        desk.receptionist, arrival_form.suggest_for, customer_id=customer, data=data, now=at(9, 1)
    )

    assert (row.visit_class, row.rotation) == (VisitClass.OTHER, Rotation.MAIN)


def test_correcting_a_waiting_arrival_routes_it_anew_and_keeps_the_original(
    desk: FrontDesk,
) -> None:
    desk.open_rotation(at(8, 30))
    for name in ("王", "李", "张"):
        desk.run(
            desk.receptionist,
            triage.set_busy,
            consultant_id=desk.id_of(name),
            busy=True,
            now=at(8, 31),
        )
    first = desk.arrive(desk.register("王芳"), at(9, 0))
    correction = ArrivalInput(
        form_completed_at=at(8, 58),
        visit_class=VisitClass.REVISIT,
        not_counted_reason="referral_named",
        named_consultant_id=desk.id_of("张"),
    )

    detail = desk.run(
        desk.receptionist,
        arrival_form.correct_and_requeue,
        arrival_id=first,
        data=correction,
        now=at(9, 2),
    )

    assert detail.corrects_arrival_id == first
    kinds = [row.kind for row in desk.stored()]
    assert kinds[-1] == "ArrivalCorrected"
    offers = desk.offer(at(9, 3))
    assert offers == [(first, "张")]
    board = desk.board(at(9, 3))
    assert board.waiting[0].visit_class is VisitClass.REVISIT
    assert board.waiting[0].minutes_waited == 5  # the corrected form time
    assert {c.name: c.state for c in board.consultants}["张"] is ConsultantState.OFFERED
    # A second correction through the first record's id corrects the newest one.
    again = desk.run(
        desk.receptionist,
        arrival_form.correct_and_requeue,
        arrival_id=first,
        data=ArrivalInput(form_completed_at=at(8, 58), visit_class=VisitClass.FIRST_VISIT),
        now=at(9, 4),
    )
    assert again.corrects_arrival_id == detail.arrival_id
    with pytest.raises(ArrivalSuperseded):
        desk.run(
            desk.receptionist,
            arrivals.correct_arrival,
            arrival_id=first,
            data=correction,
            now=at(9, 5),
        )


def test_correcting_a_received_arrival_changes_no_consultant(desk: FrontDesk) -> None:
    desk.open_rotation(at(8, 30))
    first = desk.arrive(desk.register("王芳"), at(9, 0))
    desk.offer(at(9, 0))
    desk.run(desk.consultants["王"], triage.accept_offer, arrival_id=first, now=at(9, 1))
    before = len(desk.stored())

    desk.run(
        desk.receptionist,
        arrival_form.correct_and_requeue,
        arrival_id=first,
        data=ArrivalInput(form_completed_at=at(9, 0), visit_class=VisitClass.REVISIT),
        now=at(9, 5),
    )

    assert len(desk.stored()) == before
    assert desk.board(at(9, 6)).received[0].consultant_id == desk.id_of("王")


def test_a_consultant_may_not_open_the_arrival_form(desk: FrontDesk) -> None:
    customer = desk.register("王芳")
    with pytest.raises(PermissionDenied):
        desk.run(desk.consultants["王"], arrival_form.open_arrival_form, customer_id=customer)
