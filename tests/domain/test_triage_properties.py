"""Random clinic days: the rotation stays fair, nobody waits past the limit unseen, the log replays.

Hypothesis prints the failing day (and its seed) when a property breaks.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.triage import (
    TriageDay,
    accept,
    decline,
    direct,
    due_timeouts,
    in_rotation,
    join,
    leave,
    next_offer,
    queue_arrival,
    reassign,
    replay,
    statistics,
    suspend,
    unanswered_call,
)
from lorch_desk.domain.triage_policy import (
    DEFAULT_POLICY,
    Accepted,
    ConsultantBusy,
    ConsultantFree,
    ConsultantJoined,
    ConsultantLeft,
    ConsultantSuspended,
    Directed,
    HalfDay,
    NotCountedReason,
    Offered,
    Skipped,
    TriageEvent,
    VisitClass,
)

START = datetime(2026, 3, 2, 11, 30, tzinfo=clinic_time_zone()).astimezone(UTC)
MAX_WAIT = DEFAULT_POLICY.max_wait

index = st.integers(min_value=0, max_value=20)
SHAPES = {
    "arrive": st.tuples(
        st.just("arrive"),
        st.sampled_from(list(VisitClass)),
        st.one_of(st.none(), st.tuples(st.sampled_from(list(NotCountedReason)), index)),
    ),
    "suspend": st.tuples(st.just("suspend"), index, st.integers(min_value=1, max_value=90)),
    "direct": st.tuples(st.just("direct"), index, index),
    "reassign": st.tuples(st.just("reassign"), index, index, st.booleans(), st.booleans()),
}
# Arrivals and answers dominate a clinic's day; the rarer events are drawn less often.
KINDS = ["arrive"] * 6 + ["accept"] * 6 + ["call"] * 2 + ["busy", "free"] * 2
KINDS += ["decline", "leave", "join", "suspend", "direct", "reassign"]
actions = st.sampled_from(KINDS).flatmap(
    lambda kind: SHAPES.get(kind, st.tuples(st.just(kind), index))
)
days = st.tuples(
    st.integers(min_value=2, max_value=5),  # full-day consultants
    st.booleans(),  # an afternoon half-day consultant too
    st.lists(st.tuples(st.integers(min_value=0, max_value=240), actions), min_size=10, max_size=80),
)


@dataclass
class SimulatedDay:
    """Drives the engine the way the front desk would, checking the rules after every step."""

    day: TriageDay = field(default_factory=TriageDay)
    now: datetime = START
    consultants: list[str] = field(default_factory=list)
    arrivals: int = 0

    def record(self, events: TriageEvent | list) -> None:
        for event in events if isinstance(events, list) else [events]:
            self.day.apply(event)

    def step(self, seconds: int, action: tuple) -> None:
        self.now += timedelta(seconds=seconds)
        self.record(due_timeouts(self.day, now=self.now, by="desk"))
        self.check_nobody_waits_unseen()
        # A refused action leaves the day unchanged: apply never ran.
        with contextlib.suppress(DomainError):
            self.act(action)
        self.make_offers()

    def make_offers(self) -> None:
        while (offer := next_offer(self.day, now=self.now, by="desk")) is not None:
            consultant = self.day.consultant(offer.consultant_id)
            assert in_rotation(consultant, self.now)
            assert consultant.offer_arrival_id is None
            assert (
                offer.respond_by <= self.day.arrival(offer.arrival_id).form_completed_at + MAX_WAIT
            )
            self.record(offer)
        self.check_one_offer_each()

    def act(self, action: tuple) -> None:
        kind, *args = action
        day, now = self.day, self.now
        pick = self.consultants[args[0] % len(self.consultants)] if kind != "arrive" else ""
        offers = [a for a in day.arrivals() if a.offer is not None]
        if kind == "arrive":
            self.arrivals += 1
            named = args[1]
            reason, who = (
                (named[0], self.consultants[named[1] % len(self.consultants)])
                if named
                else (None, None)
            )
            self.record(
                queue_arrival(
                    day,
                    arrival_id=f"x{self.arrivals}",
                    visit_class=args[0],
                    form_completed_at=now,
                    at=now,
                    by="desk",
                    not_counted_reason=reason,
                    named_consultant_id=who,
                )
            )
        elif kind in ("busy", "free"):
            event = ConsultantBusy if kind == "busy" else ConsultantFree
            self.record(event(at=now, by="desk", consultant_id=pick))
        elif kind == "leave":
            self.record(leave(day, consultant_id=pick, at=now, by="desk"))
        elif kind == "join":
            self.record(
                join(day, consultant_id=pick, rotation_order=args[0] % 7, at=now, by="desk")
            )
        elif kind == "suspend":
            until = now + timedelta(minutes=args[1])
            self.record(
                suspend(
                    day, consultant_id=pick, until=until, at=now, by="manager", reason="complaint"
                )
            )
        elif kind in ("accept", "decline", "call") and offers:
            arrival = offers[args[0] % len(offers)]
            ids = {"arrival_id": arrival.arrival_id, "consultant_id": arrival.offer.consultant_id}
            if kind == "accept":
                self.record(accept(day, at=now, by="consultant", **ids))
            elif kind == "decline":
                self.record(decline(day, at=now, by="consultant", **ids))
            else:
                self.record(unanswered_call(day, at=now, by="desk", **ids))
        elif kind == "direct":
            open_ = [a for a in day.arrivals() if a.consultant_id is None]
            if open_:
                target = open_[args[1] % len(open_)]
                self.record(
                    direct(
                        day, arrival_id=target.arrival_id, consultant_id=pick, at=now, by="director"
                    )
                )
        elif kind == "reassign":
            received = [a for a in day.arrivals() if a.consultant_id is not None]
            if received:
                target = received[args[1] % len(received)]
                self.record(
                    reassign(
                        day,
                        arrival_id=target.arrival_id,
                        from_id=target.consultant_id,
                        to_id=pick,
                        supervisor_id="sup",
                        customer_consent=args[2],
                        director_checked=args[3],
                        at=now,
                        by="sup",
                    )
                )

    def check_nobody_waits_unseen(self) -> None:
        """(2) past the limit, a customer has been skipped on and flagged for the director."""
        for arrival in self.day.arrivals():
            if arrival.consultant_id is None and not arrival.needs_direction:
                assert self.now < arrival.form_completed_at + MAX_WAIT, arrival
            if arrival.offer is not None:
                assert arrival.offer.respond_by <= arrival.form_completed_at + MAX_WAIT

    def check_one_offer_each(self) -> None:
        held = Counter(a.offer.consultant_id for a in self.day.arrivals() if a.offer is not None)
        assert all(count == 1 for count in held.values()), held
        for consultant in self.day.consultants():
            if consultant.offer_arrival_id is not None:
                offer = self.day.arrival(consultant.offer_arrival_id).offer
                assert offer is not None and offer.consultant_id == consultant.consultant_id

    def finish(self) -> None:
        """Close the day: every offer still open is accepted, so each turn given is counted."""
        for arrival in self.day.arrivals():
            if arrival.offer is not None:
                self.record(
                    accept(
                        self.day,
                        arrival_id=arrival.arrival_id,
                        consultant_id=arrival.offer.consultant_id,
                        at=self.now,
                        by="consultant",
                    )
                )


def equally_available(events: tuple[TriageEvent, ...], start: datetime) -> set[str]:
    """Consultants on duty all day from the start, never suspended or away, never passed on."""
    joined_at_start = {
        e.consultant_id
        for e in events
        if isinstance(e, ConsultantJoined) and e.at == start and e.half_day is None
    }
    lost = {
        e.consultant_id
        for e in events
        if isinstance(e, ConsultantLeft | ConsultantSuspended | Skipped)
        or (isinstance(e, ConsultantJoined) and e.at != start)
    }
    return joined_at_start - lost


def offered_twice_at_once(events: tuple[TriageEvent, ...]) -> list[str]:
    """(4) arrivals offered while an offer of theirs was still open, read from the log alone."""
    open_offers: dict[str, str] = {}
    doubled = []
    for event in events:
        if isinstance(event, Offered):
            if event.arrival_id in open_offers:
                doubled.append(event.arrival_id)
            open_offers[event.arrival_id] = event.consultant_id
        elif isinstance(event, Accepted | Skipped | Directed):
            open_offers.pop(event.arrival_id, None)
    return doubled


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days)
def test_random_days_keep_the_rotation_fair_and_the_log_replays(day_plan: tuple) -> None:
    full_day, with_half_day, steps = day_plan
    sim = SimulatedDay()
    sim.consultants = [f"c{i}" for i in range(full_day)]
    for order, consultant_id in enumerate(sim.consultants):
        sim.record(
            join(sim.day, consultant_id=consultant_id, rotation_order=order, at=START, by="desk")
        )
    if with_half_day:
        sim.consultants.append("h")
        sim.record(
            join(
                sim.day,
                consultant_id="h",
                rotation_order=1,
                at=START,
                by="desk",
                half_day=HalfDay.AFTERNOON,
            )
        )
    for seconds, action in steps:
        sim.step(seconds, action)
    sim.finish()

    events = sim.day.events
    # (1) consultants equally available all day received counted turns differing by at most 1
    turns = statistics(sim.day)
    fair = [turns[c].counted_turns for c in equally_available(events, START)]
    assert not fair or max(fair) - min(fair) <= 1, (fair, turns)
    # (3) the log replays to the day reached step by step
    assert replay(events) == sim.day
    # (4) never offered to two consultants at once
    assert offered_twice_at_once(events) == []


def test_a_busy_day_of_first_visits_shares_turns_evenly() -> None:
    """A day with a steady stream and prompt consultants: everyone's turns differ by at most 1."""
    sim = SimulatedDay()
    sim.consultants = ["a", "b", "c", "d"]
    for order, consultant_id in enumerate(sim.consultants):
        sim.record(
            join(sim.day, consultant_id=consultant_id, rotation_order=order, at=START, by="desk")
        )
    for _ in range(41):
        sim.step(90, ("arrive", VisitClass.FIRST_VISIT, None))
        sim.step(30, ("accept", 0))
    sim.finish()
    turns = [s.counted_turns for s in statistics(sim.day).values()]
    assert sum(turns) == 41 and max(turns) - min(turns) <= 1
