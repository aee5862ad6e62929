"""The triage rotation through the front desk's day (seed 003, DOMAIN.md "Front-desk triage")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import pytest

from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.triage import (
    ArrivalAlreadyQueued,
    ArrivalAlreadyReceived,
    ConsultantUnavailable,
    EventOutOfOrder,
    InconsistentTriageEvent,
    OfferNoLongerOpen,
    ReassignmentNeedsConsent,
    ReassignmentNeedsSupervisor,
    TriageDay,
    UnknownArrival,
    UnknownConsultant,
    accept,
    consultant_state,
    decline,
    direct,
    due_timeouts,
    join,
    leave,
    next_offer,
    queue_arrival,
    reassign,
    replay,
    statistics,
    suspend,
    unanswered_call,
    whose_turn,
)
from lorch_desk.domain.triage_policy import (
    DEFAULT_POLICY,
    ConsultantBusy,
    ConsultantDayStats,
    ConsultantFree,
    ConsultantState,
    HalfDay,
    NotCountedReason,
    Offered,
    Rotation,
    SkipCause,
    Skipped,
    TriageEvent,
    TriagePolicy,
    VisitClass,
    WaitLimitReached,
    ownership_holds,
    pre_booking_is_complete,
)

DAY = date(2026, 3, 2)
FIRST = VisitClass.FIRST_VISIT


def clinic(hhmm: str) -> datetime:
    """A wall-clock time of the clinic's day, as the aware UTC time events carry."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    local = datetime(DAY.year, DAY.month, DAY.day, hours, minutes, tzinfo=clinic_time_zone())
    return local.astimezone(UTC)


class FrontDesk:
    """The receptionist's desk: records every decision of the engine in one day's log."""

    def __init__(
        self, *consultants: str, start: str = "09:00", policy: TriagePolicy = DEFAULT_POLICY
    ):
        self.day = TriageDay()
        self.now = clinic(start)
        self.policy = policy
        for order, consultant_id in enumerate(consultants, start=1):
            self.record(
                join(
                    self.day,
                    consultant_id=consultant_id,
                    rotation_order=order,
                    at=self.now,
                    by="desk",
                )
            )

    def record(self, *events: TriageEvent | Iterable[TriageEvent]) -> None:
        for item in events:
            for event in [item] if isinstance(item, TriageEvent) else item:
                self.day.apply(event)

    def tick(self) -> None:
        """Apply the time-outs due now, then make every offer the rules allow."""
        self.record(due_timeouts(self.day, now=self.now, by="desk", policy=self.policy))
        while (
            offer := next_offer(self.day, now=self.now, by="desk", policy=self.policy)
        ) is not None:
            self.record(offer)

    def at(self, hhmm: str) -> None:
        self.now = clinic(hhmm)
        self.tick()

    def wait(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)
        self.tick()

    def arrive(
        self, arrival_id: str, visit_class: VisitClass = FIRST, *, offer: bool = True, **kw: object
    ) -> None:
        self.record(
            queue_arrival(
                self.day,
                arrival_id=arrival_id,
                visit_class=visit_class,
                form_completed_at=self.now,
                at=self.now,
                by="desk",
                **kw,  # type: ignore[arg-type]
            )
        )
        if offer:
            self.tick()

    def accept(self, arrival_id: str, consultant_id: str) -> None:
        self.record(
            accept(
                self.day,
                arrival_id=arrival_id,
                consultant_id=consultant_id,
                at=self.now,
                by=consultant_id,
            )
        )
        self.tick()

    def decline(self, arrival_id: str, consultant_id: str) -> None:
        self.record(
            decline(
                self.day,
                arrival_id=arrival_id,
                consultant_id=consultant_id,
                at=self.now,
                by=consultant_id,
            )
        )
        self.tick()

    def busy(self, consultant_id: str) -> None:
        self.record(ConsultantBusy(at=self.now, by="desk", consultant_id=consultant_id))

    def free(self, consultant_id: str) -> None:
        self.record(ConsultantFree(at=self.now, by="desk", consultant_id=consultant_id))
        self.tick()

    def offered_to(self, arrival_id: str) -> str | None:
        offer = self.day.arrival(arrival_id).offer
        return offer.consultant_id if offer else None

    def received_by(self, arrival_id: str) -> str | None:
        return self.day.arrival(arrival_id).consultant_id

    def last(self, kind: type[TriageEvent]) -> TriageEvent:
        return [e for e in self.day.events if isinstance(e, kind)][-1]

    def stats(self, consultant_id: str) -> ConsultantDayStats:
        return statistics(self.day)[consultant_id]


# --- the order of the rotation ---------------------------------------------------------------


def test_customers_go_round_the_rotation_in_order() -> None:
    desk = FrontDesk("A", "B", "C")
    for arrival_id, consultant_id in [("x1", "A"), ("x2", "B"), ("x3", "C")]:
        desk.arrive(arrival_id)
        assert desk.offered_to(arrival_id) == consultant_id
        desk.accept(arrival_id, consultant_id)
    desk.arrive("x4")
    assert desk.offered_to("x4") == "A"
    assert [desk.stats(c).counted_turns for c in "ABC"] == [1, 1, 1]


def test_offer_accepted_within_ten_minutes_is_a_counted_turn() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1")
    offer = desk.last(Offered)
    assert offer.counted and offer.rotation is Rotation.MAIN
    assert offer.respond_by == desk.now + timedelta(minutes=10)
    desk.wait(9)
    desk.accept("x1", "A")
    assert desk.received_by("x1") == "A"
    assert desk.stats("A").counted_turns == 1
    assert desk.stats("A").waits == (timedelta(minutes=9),)


def test_not_accepted_within_ten_minutes_skips_to_the_next_and_is_not_made_up() -> None:
    desk = FrontDesk("A", "B", "C")
    desk.arrive("x1")
    desk.wait(10)
    assert desk.last(Skipped).cause is SkipCause.TIMEOUT
    assert desk.offered_to("x1") == "B"
    desk.accept("x1", "B")
    desk.arrive("x2")
    assert desk.offered_to("x2") == "C"  # A's lost turn is not made up
    assert desk.stats("A").skips == 1 and desk.stats("A").counted_turns == 0


def test_a_is_busy_customer_waits_8_minutes_turn_passes_to_b_and_is_not_made_up() -> None:
    desk = FrontDesk("A", "B", "C")
    desk.busy("A")
    desk.arrive("x1")
    assert desk.offered_to("x1") == "A"  # the busy consultant is asked first (2.2)
    desk.wait(7.9)
    assert desk.offered_to("x1") == "A"
    desk.wait(0.1)
    assert desk.last(Skipped).cause is SkipCause.BUSY
    assert desk.offered_to("x1") == "B"
    desk.accept("x1", "B")
    desk.free("A")
    desk.arrive("x2")
    assert desk.offered_to("x2") == "C"


def test_if_the_next_is_busy_too_the_customer_waits_at_most_3_more_minutes_and_15_in_all() -> None:
    desk = FrontDesk("A", "B", "C", "D")
    desk.busy("B")
    desk.arrive("x1")
    started = desk.now
    desk.wait(10)
    assert desk.offered_to("x1") == "B"
    assert desk.last(Offered).respond_by == started + timedelta(minutes=13)
    desk.wait(3)
    assert desk.offered_to("x1") == "C"
    assert desk.last(Offered).respond_by == started + timedelta(minutes=15)  # never past 15
    desk.wait(2)
    assert desk.offered_to("x1") is None
    assert desk.day.arrival("x1").needs_direction
    assert desk.last(WaitLimitReached).arrival_id == "x1"
    desk.wait(5)
    assert desk.offered_to("x1") is None  # left to the director now
    desk.record(direct(desk.day, arrival_id="x1", consultant_id="D", at=desk.now, by="director"))
    assert desk.received_by("x1") == "D" and desk.stats("D").directed == 1


def test_a_customer_nobody_can_be_offered_is_flagged_after_15_minutes() -> None:
    desk = FrontDesk("A")
    desk.record(
        suspend(
            desk.day,
            consultant_id="A",
            until=clinic("12:00"),
            at=desk.now,
            by="manager",
            reason="complaint",
        )
    )
    desk.arrive("x1")
    assert desk.offered_to("x1") is None
    desk.wait(14)
    assert not desk.day.arrival("x1").needs_direction
    desk.wait(1)
    assert desk.day.arrival("x1").needs_direction


def test_two_unanswered_calls_skip_the_turn() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1")
    first = unanswered_call(desk.day, arrival_id="x1", consultant_id="A", at=desk.now, by="desk")
    desk.record(first)
    assert len(first) == 1 and desk.offered_to("x1") == "A"
    second = unanswered_call(desk.day, arrival_id="x1", consultant_id="A", at=desk.now, by="desk")
    desk.record(second)
    desk.tick()
    assert second[-1].cause is SkipCause.UNANSWERED  # type: ignore[union-attr]
    assert desk.offered_to("x1") == "B"


def test_a_declined_offer_passes_on_and_the_turn_is_spent() -> None:
    desk = FrontDesk("A", "B", "C")
    desk.arrive("x1")
    desk.decline("x1", "A")
    assert desk.last(Skipped).cause is SkipCause.DECLINED
    assert desk.offered_to("x1") == "B"
    assert desk.stats("A").skips == 1


def test_several_customers_for_one_consultant_repeat_purchase_then_revisit_then_first_visit() -> (
    None
):
    desk = FrontDesk("A")
    desk.arrive("x0")
    desk.arrive("first", FIRST)
    desk.arrive("revisit", VisitClass.REVISIT)
    desk.arrive("repeat", VisitClass.REPEAT_PURCHASE)
    assert desk.offered_to("first") is None  # they wait for A, who still answers x0
    received = []
    for arrival_id in ("x0", "repeat", "revisit", "first"):
        assert desk.offered_to(arrival_id) == "A"
        desk.accept(arrival_id, "A")
        received.append(arrival_id)
    assert received == ["x0", "repeat", "revisit", "first"]


# --- customers who do not count as a turn (3.2-3.4, 4.1.1) ------------------------------------


@pytest.mark.parametrize("reason", list(NotCountedReason))
def test_a_not_counted_customer_goes_to_their_consultant_without_taking_a_turn(
    reason: NotCountedReason,
) -> None:
    desk = FrontDesk("A", "B", "C")
    desk.arrive("x1", not_counted_reason=reason, named_consultant_id="B")
    offer = desk.last(Offered)
    assert (offer.consultant_id, offer.counted, offer.rotation) == ("B", False, None)
    desk.accept("x1", "B")
    desk.arrive("x2")
    assert desk.offered_to("x2") == "A"  # A's turn still
    stats = desk.stats("B")
    assert (stats.counted_turns, stats.not_counted_received, stats.first_visits_received) == (
        0,
        1,
        1,
    )


def test_named_consultant_not_in_the_clinic_means_normal_triage() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1", not_counted_reason=NotCountedReason.PRE_BOOKED, named_consultant_id="Z")
    assert desk.offered_to("x1") == "A" and desk.last(Offered).counted


def test_named_consultant_suspended_means_normal_triage() -> None:
    desk = FrontDesk("A", "B")
    desk.record(
        suspend(
            desk.day,
            consultant_id="B",
            until=clinic("18:00"),
            at=desk.now,
            by="manager",
            reason="attitude",
        )
    )
    desk.arrive(
        "x1", not_counted_reason=NotCountedReason.OWNING_CONSULTANT, named_consultant_id="B"
    )
    assert desk.offered_to("x1") == "A"


def test_named_consultant_who_lets_the_offer_lapse_passes_the_customer_to_the_rotation() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1", not_counted_reason=NotCountedReason.REFERRAL_NAMED, named_consultant_id="B")
    desk.wait(10)
    assert desk.offered_to("x1") == "A" and desk.last(Offered).counted


def test_ownership_lapses_below_5_follow_ups_unless_the_customer_remembers() -> None:
    assert ownership_holds(effective_follow_ups=5, customer_remembers_consultant=False)
    assert not ownership_holds(effective_follow_ups=4, customer_remembers_consultant=False)
    assert ownership_holds(effective_follow_ups=0, customer_remembers_consultant=True)


def test_pre_booking_needs_surname_phone_channel_and_item() -> None:
    assert pre_booking_is_complete(
        surname="王", phone="13800000000", channel="online", inquiry_item="skin"
    )
    assert not pre_booking_is_complete(
        surname="王", phone="", channel="online", inquiry_item="skin"
    )
    assert not pre_booking_is_complete(surname="王", phone="138", channel=None, inquiry_item="skin")


# --- shifts -----------------------------------------------------------------------------------


def test_after_18_00_the_arrival_does_not_count() -> None:
    desk = FrontDesk("A", "B", start="17:50")
    desk.arrive("x1")
    desk.accept("x1", "A")
    desk.at("18:05")
    desk.arrive("x2")
    offer = desk.last(Offered)
    assert (offer.consultant_id, offer.counted) == ("B", False)  # still shared round, not counted
    desk.accept("x2", "B")
    assert desk.stats("B").counted_turns == 0
    assert desk.stats("B").first_visits_received == 1  # but counted in statistics


def test_half_day_consultant_joins_the_rotation_at_13_00() -> None:
    desk = FrontDesk("A", "C")
    desk.record(
        join(
            desk.day,
            consultant_id="B",
            rotation_order=2,
            at=desk.now,
            by="desk",
            half_day=HalfDay.AFTERNOON,
        )
    )
    desk.at("12:50")
    assert consultant_state(desk.day, "B", desk.now) is ConsultantState.OFF_DUTY
    desk.arrive("x1")
    desk.accept("x1", "A")
    desk.arrive("x2")
    assert desk.offered_to("x2") == "C"
    desk.accept("x2", "C")
    desk.at("13:00")
    assert consultant_state(desk.day, "B", desk.now) is ConsultantState.FREE
    desk.arrive("x3")
    desk.accept("x3", "A")
    desk.arrive("x4")
    assert desk.offered_to("x4") == "B"


def test_morning_half_day_consultant_stops_at_13_00() -> None:
    desk = FrontDesk("A")
    desk.record(
        join(
            desk.day,
            consultant_id="B",
            rotation_order=2,
            at=desk.now,
            by="desk",
            half_day=HalfDay.MORNING,
        )
    )
    assert whose_turn(desk.day, Rotation.MAIN, clinic("12:59")) == "A"
    desk.at("13:00")
    assert consultant_state(desk.day, "B", desk.now) is ConsultantState.OFF_DUTY


# --- the small rotation (3.7-3.9) -----------------------------------------------------------


def test_other_visits_go_round_the_small_rotation_which_skips_the_main_rotations_consultant() -> (
    None
):
    desk = FrontDesk("A", "B", "C")
    assert whose_turn(desk.day, Rotation.MAIN, desk.now) == "A"
    assert whose_turn(desk.day, Rotation.SMALL, desk.now) == "B"  # both pointed at A
    desk.arrive("o1", VisitClass.OTHER)
    assert desk.offered_to("o1") == "B" and desk.last(Offered).rotation is Rotation.SMALL
    desk.accept("o1", "B")
    desk.arrive("x1")
    assert desk.offered_to("x1") == "A"  # the main rotation did not move
    desk.accept("x1", "A")
    desk.arrive("o2", VisitClass.OTHER)
    assert desk.offered_to("o2") == "C"
    desk.accept("o2", "C")
    assert desk.stats("B").small_rotation_turns == 1 and desk.stats("B").counted_turns == 0


# --- suspension, leaving, the queue board --------------------------------------------------------


def test_a_suspended_consultant_is_passed_over_until_the_suspension_ends() -> None:
    desk = FrontDesk("A", "B")
    desk.record(
        suspend(
            desk.day,
            consultant_id="A",
            until=clinic("10:00"),
            at=desk.now,
            by="manager",
            reason="complaint",
        )
    )
    assert consultant_state(desk.day, "A", desk.now) is ConsultantState.SUSPENDED
    desk.arrive("x1")
    assert desk.offered_to("x1") == "B"
    desk.accept("x1", "B")
    desk.at("10:00")
    desk.arrive("x2")
    assert desk.offered_to("x2") == "A"


def test_suspending_or_leaving_withdraws_the_open_offer_without_a_skip() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1")
    desk.record(leave(desk.day, consultant_id="A", at=desk.now, by="desk"))
    desk.tick()
    assert desk.offered_to("x1") == "B"
    assert desk.stats("A").skips == 0
    assert consultant_state(desk.day, "A", desk.now) is ConsultantState.OFF_DUTY


def test_the_board_shows_each_consultants_state() -> None:
    desk = FrontDesk("A", "B", "C")
    desk.busy("B")
    desk.arrive("x1")
    states = [consultant_state(desk.day, c, desk.now) for c in "ABC"]
    assert states == [ConsultantState.OFFERED, ConsultantState.BUSY, ConsultantState.FREE]


# --- directed assignment and reassignment --------------------------------------------------------


def test_customer_refuses_to_wait_the_director_directs_a_free_consultant() -> None:
    desk = FrontDesk("A", "B", "C")
    desk.busy("A")
    desk.arrive("x1")
    desk.record(
        direct(
            desk.day,
            arrival_id="x1",
            consultant_id="C",
            at=desk.now,
            by="director",
            reason="refuses to wait",
        )
    )
    assert desk.received_by("x1") == "C"
    assert desk.last(Skipped).cause is SkipCause.WITHDRAWN
    assert desk.stats("A").skips == 0 and desk.stats("C").directed == 1
    desk.arrive("x2")
    assert desk.offered_to("x2") == "B"  # directed customers take no turn


def test_direct_refuses_a_suspended_consultant_and_a_received_customer() -> None:
    desk = FrontDesk("A", "B")
    desk.record(
        suspend(
            desk.day,
            consultant_id="B",
            until=clinic("18:00"),
            at=desk.now,
            by="manager",
            reason="x",
        )
    )
    desk.arrive("x1")
    with pytest.raises(ConsultantUnavailable) as refused:
        direct(desk.day, arrival_id="x1", consultant_id="B", at=desk.now, by="director")
    assert refused.value.params["state"] == "suspended"
    desk.accept("x1", "A")
    with pytest.raises(ArrivalAlreadyReceived):
        direct(desk.day, arrival_id="x1", consultant_id="A", at=desk.now, by="director")


def _received_by_a() -> FrontDesk:
    desk = FrontDesk("A", "B")
    desk.arrive("x1")
    desk.accept("x1", "A")
    return desk


def test_reassignment_without_consent_or_director_check_is_refused() -> None:
    desk = _received_by_a()
    with pytest.raises(ReassignmentNeedsConsent) as refused:
        reassign(
            desk.day,
            arrival_id="x1",
            from_id="A",
            to_id="B",
            supervisor_id="sup",
            customer_consent=False,
            director_checked=False,
            at=desk.now,
            by="sup",
        )
    assert refused.value.code == "triage_reassignment_needs_consent"


def test_reassignment_always_needs_a_supervisor() -> None:
    desk = _received_by_a()
    with pytest.raises(ReassignmentNeedsSupervisor):
        reassign(
            desk.day,
            arrival_id="x1",
            from_id="A",
            to_id="B",
            supervisor_id="",
            customer_consent=True,
            director_checked=True,
            at=desk.now,
            by="desk",
        )


@pytest.mark.parametrize(("consent", "checked"), [(True, False), (False, True)])
def test_reassignment_with_consent_or_director_check_moves_the_customer(
    consent: bool, checked: bool
) -> None:
    desk = _received_by_a()
    desk.record(
        reassign(
            desk.day,
            arrival_id="x1",
            from_id="A",
            to_id="B",
            supervisor_id="sup",
            customer_consent=consent,
            director_checked=checked,
            at=desk.now,
            by="sup",
        )
    )
    assert desk.received_by("x1") == "B"
    a, b = desk.stats("A"), desk.stats("B")
    assert (a.reassigned_out, b.reassigned_in) == (1, 1)
    assert (a.first_visits_received, b.first_visits_received) == (0, 1)
    assert a.counted_turns == 1  # the turn A took is not given back


# --- refusals ---------------------------------------------------------------------------------


def test_accepting_an_offer_that_timed_out_is_refused_and_changes_nothing() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1")
    desk.now += timedelta(minutes=10)  # not yet recorded by due_timeouts
    before = desk.day.snapshot()
    with pytest.raises(OfferNoLongerOpen) as refused:
        accept(desk.day, arrival_id="x1", consultant_id="A", at=desk.now, by="A")
    assert refused.value.params["why"] == "timed_out"
    assert desk.day.snapshot() == before


def test_accepting_an_offer_taken_by_another_is_refused() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1")
    desk.wait(10)
    desk.accept("x1", "B")
    with pytest.raises(OfferNoLongerOpen) as refused:
        accept(desk.day, arrival_id="x1", consultant_id="A", at=desk.now, by="A")
    assert refused.value.code == "triage_offer_no_longer_open"
    assert refused.value.params["why"] == "received"


def test_unknown_consultant_and_arrival_are_named() -> None:
    desk = FrontDesk("A")
    desk.arrive("x1")
    with pytest.raises(UnknownArrival) as no_arrival:
        accept(desk.day, arrival_id="nope", consultant_id="A", at=desk.now, by="A")
    assert no_arrival.value.params == {"arrival_id": "nope"}
    with pytest.raises(UnknownConsultant) as no_consultant:
        accept(desk.day, arrival_id="x1", consultant_id="Z", at=desk.now, by="Z")
    assert no_consultant.value.code == "triage_unknown_consultant"
    with pytest.raises(ArrivalAlreadyQueued):
        queue_arrival(
            desk.day,
            arrival_id="x1",
            visit_class=FIRST,
            form_completed_at=desk.now,
            at=desk.now,
            by="desk",
        )


def test_events_need_an_aware_time_and_who_acted() -> None:
    with pytest.raises(ValueError):
        ConsultantBusy(at=datetime(2026, 3, 2, 9), by="desk", consultant_id="A")
    with pytest.raises(ValueError):
        ConsultantBusy(at=clinic("09:00"), by="", consultant_id="A")


# --- replay --------------------------------------------------------------------------------------


def test_replaying_the_days_log_rebuilds_the_same_day() -> None:
    desk = FrontDesk("A", "B", "C")
    desk.busy("A")
    desk.arrive("x1")
    desk.arrive("o1", VisitClass.OTHER)
    desk.wait(8)
    desk.accept("x1", "B")
    desk.arrive("x2", not_counted_reason=NotCountedReason.PRE_BOOKED, named_consultant_id="A")
    desk.wait(3)
    rebuilt = replay(desk.day.events)
    assert rebuilt == desk.day
    assert statistics(rebuilt) == statistics(desk.day)


def test_a_log_out_of_time_order_or_impossible_is_refused() -> None:
    desk = FrontDesk("A", "B")
    desk.arrive("x1")
    with pytest.raises(EventOutOfOrder):
        desk.day.apply(
            ConsultantBusy(at=desk.now - timedelta(minutes=1), by="desk", consultant_id="A")
        )
    twice = Offered(
        at=desk.now,
        by="desk",
        arrival_id="x1",
        consultant_id="B",
        counted=True,
        rotation=Rotation.MAIN,
        respond_by=desk.now + timedelta(minutes=10),
    )
    with pytest.raises(InconsistentTriageEvent):
        desk.day.apply(twice)


def test_a_gift_visit_is_other_but_stays_in_the_main_rotation() -> None:
    """Seed 004 calls gifts 'other'; seed 003 sends only its listed cases to the small rotation."""
    from datetime import UTC, datetime

    from lorch_desk.domain.triage import TriageDay, queue_arrival
    from lorch_desk.domain.triage_policy import Rotation
    from lorch_desk.domain.visit_classes import ArrivalFacts, VisitClass, suggest_visit_class

    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    gift = suggest_visit_class(ArrivalFacts(purpose="clinic_gift"))
    over_seventy = suggest_visit_class(ArrivalFacts(purpose="consultation", age=75))
    assert gift.visit_class is over_seventy.visit_class is VisitClass.OTHER
    day = TriageDay()
    events = [
        queue_arrival(
            day,
            arrival_id=name,
            visit_class=suggestion.visit_class,
            form_completed_at=at,
            at=at,
            by="前台",
            rotation=Rotation.SMALL if suggestion.goes_to_small_rotation else Rotation.MAIN,
        )
        for name, suggestion in (("gift", gift), ("elder", over_seventy))
    ]
    assert [event.rotation for event in events] == [Rotation.MAIN, Rotation.SMALL]
