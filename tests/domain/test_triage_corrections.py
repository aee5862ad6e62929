"""A corrected arrival that still waits is routed anew; a received one keeps its consultant."""

from __future__ import annotations

import pytest

from lorch_desk.domain.triage import (
    InconsistentTriageEvent,
    correct_queued_arrival,
    replay,
)
from lorch_desk.domain.triage_policy import (
    ArrivalCorrected,
    NotCountedReason,
    Rotation,
    SkipCause,
    Skipped,
    VisitClass,
)
from tests.domain.test_triage import FrontDesk, clinic


def correct(desk: FrontDesk, arrival_id: str, visit_class: VisitClass, **kw: object) -> list:
    events = correct_queued_arrival(
        desk.day,
        arrival_id=arrival_id,
        correction_id=f"{arrival_id}-c",
        visit_class=visit_class,
        form_completed_at=kw.pop(
            "form_completed_at", desk.day.arrival(arrival_id).form_completed_at
        ),
        at=desk.now,
        by="desk",
        **kw,  # type: ignore[arg-type]
    )
    desk.record(events)
    desk.tick()
    return events


def test_a_waiting_first_visit_corrected_to_other_moves_to_the_small_rotation() -> None:
    desk = FrontDesk("wang", "li", "zhang")
    desk.busy("wang")
    desk.busy("li")
    desk.busy("zhang")
    desk.arrive("a1", offer=False)
    assert desk.day.arrival("a1").rotation is Rotation.MAIN

    events = correct(desk, "a1", VisitClass.OTHER)

    assert [type(e) for e in events] == [ArrivalCorrected]
    record = desk.day.arrival("a1")
    assert (record.visit_class, record.rotation, record.sequence) == (
        VisitClass.OTHER,
        Rotation.SMALL,
        0,
    )


def test_an_offered_arrival_is_withdrawn_and_offered_to_the_named_consultant() -> None:
    desk = FrontDesk("wang", "li", "zhang")
    desk.arrive("a1")
    assert desk.offered_to("a1") == "wang"

    events = correct(
        desk,
        "a1",
        VisitClass.FIRST_VISIT,
        not_counted_reason=NotCountedReason.REFERRAL_NAMED,
        named_consultant_id="zhang",
    )

    assert [type(e) for e in events] == [Skipped, ArrivalCorrected]
    assert events[0].cause is SkipCause.WITHDRAWN
    assert desk.offered_to("a1") == "zhang"
    assert desk.stats("wang").skips == 0  # a withdrawn offer is not the consultant's skip


def test_a_received_arrival_keeps_its_consultant() -> None:
    desk = FrontDesk("wang", "li")
    desk.arrive("a1")
    desk.accept("a1", "wang")

    assert correct(desk, "a1", VisitClass.REVISIT) == []
    assert desk.received_by("a1") == "wang"


def test_the_corrected_day_replays_to_the_same_state() -> None:
    desk = FrontDesk("wang", "li")
    desk.arrive("a1")
    desk.arrive("a2", offer=False)
    correct(desk, "a1", VisitClass.REPEAT_PURCHASE)
    correct(desk, "a2", VisitClass.REVISIT, form_completed_at=clinic("08:55"))

    assert replay(desk.day.events) == desk.day


def test_a_correction_of_an_offered_arrival_without_withdrawal_is_refused_on_replay() -> None:
    desk = FrontDesk("wang")
    desk.arrive("a1")
    stray = ArrivalCorrected(
        at=desk.now,
        by="desk",
        arrival_id="a1",
        correction_id="c1",
        visit_class=VisitClass.REVISIT,
        form_completed_at=desk.now,
    )
    with pytest.raises(InconsistentTriageEvent):
        desk.day.apply(stray)
