"""The front desk's day as state: rebuilt from recorded events by `TriageDay.apply`.

`TriageDay` changes only by `apply(event)`; `replay(events)` rebuilds it. Each handler
refuses an event the day makes impossible (a corrupt or hand-edited log).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from lorch_desk.domain.triage_policy import (
    Accepted,
    ArrivalCorrected,
    ArrivalQueued,
    ArrivalRecord,
    CallUnanswered,
    ConsultantBusy,
    ConsultantDayStats,
    ConsultantFree,
    ConsultantJoined,
    ConsultantLeft,
    ConsultantRecord,
    ConsultantSuspended,
    Declined,
    Directed,
    Offered,
    OfferRecord,
    Reassigned,
    Rotation,
    SkipCause,
    Skipped,
    TriageEvent,
    TriageSnapshot,
    VisitClass,
    WaitLimitReached,
)
from lorch_desk.domain.triage_refusals import (
    EventOutOfOrder,
    InconsistentTriageEvent,
    UnknownArrival,
    UnknownConsultant,
)


@dataclass(eq=False, slots=True)
class TriageDay:
    """The front desk's day, changed only by `apply` of recorded events."""

    _consultants: dict[str, ConsultantRecord] = field(default_factory=dict)
    _arrivals: dict[str, ArrivalRecord] = field(default_factory=dict)
    _last_turns: dict[Rotation, tuple[int, str] | None] = field(
        default_factory=lambda: dict.fromkeys(Rotation)
    )
    _stats: dict[str, ConsultantDayStats] = field(default_factory=dict)
    _events: list[TriageEvent] = field(default_factory=list)

    # reading ------------------------------------------------------------------------------

    @property
    def events(self) -> tuple[TriageEvent, ...]:
        return tuple(self._events)

    @property
    def last_event_at(self) -> datetime | None:
        return self._events[-1].at if self._events else None

    def consultant(self, consultant_id: str) -> ConsultantRecord:
        try:
            return self._consultants[consultant_id]
        except KeyError:
            raise UnknownConsultant(consultant_id=consultant_id) from None

    def arrival(self, arrival_id: str) -> ArrivalRecord:
        try:
            return self._arrivals[arrival_id]
        except KeyError:
            raise UnknownArrival(arrival_id=arrival_id) from None

    def consultants(self) -> list[ConsultantRecord]:
        """Everyone who came on duty today, in rotation order."""
        return sorted(self._consultants.values(), key=lambda c: c.turn_key)

    def arrivals(self) -> list[ArrivalRecord]:
        """Today's arrivals in the order they were queued."""
        return sorted(self._arrivals.values(), key=lambda a: a.sequence)

    def waiting_arrivals(self) -> list[ArrivalRecord]:
        """Customers waiting for an offer, first the one the rules serve first (1.12)."""
        return sorted(
            (a for a in self._arrivals.values() if a.is_waiting), key=lambda a: a.priority_key
        )

    def last_turn(self, rotation: Rotation) -> tuple[int, str] | None:
        return self._last_turns[rotation]

    def find_consultant(self, consultant_id: str) -> ConsultantRecord | None:
        return self._consultants.get(consultant_id)

    def knows_arrival(self, arrival_id: str) -> bool:
        return arrival_id in self._arrivals

    def stats_of(self, consultant_id: str) -> ConsultantDayStats:
        return self._stats.get(consultant_id, ConsultantDayStats())

    def snapshot(self) -> TriageSnapshot:
        return TriageSnapshot(
            consultants=tuple(self.consultants()),
            arrivals=tuple(self.arrivals()),
            last_turns=tuple((r, self._last_turns[r]) for r in Rotation),
            statistics=tuple(sorted(self._stats.items())),
            last_event_at=self.last_event_at,
        )

    def copy(self) -> TriageDay:
        """An independent day in the same state (its records are immutable, so shallow)."""
        return TriageDay(
            dict(self._consultants),
            dict(self._arrivals),
            dict(self._last_turns),
            dict(self._stats),
            list(self._events),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TriageDay):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]

    # changing -------------------------------------------------------------------------------

    def apply(self, event: TriageEvent) -> TriageDay:
        """Record one event in the day (refusing one its state makes impossible); returns self."""
        handler = _HANDLERS.get(type(event))
        if handler is None:
            raise InconsistentTriageEvent(event=type(event).__name__, why="unknown_event")
        if self._events and event.at < self._events[-1].at:
            raise EventOutOfOrder(at=event.at, last=self._events[-1].at)
        handler(self, event)
        self._events.append(event)
        return self

    def _tally(self, consultant_id: str, **changes: object) -> None:
        self._stats[consultant_id] = replace(self.stats_of(consultant_id), **changes)

    def _set_offer(self, arrival: ArrivalRecord, offer: OfferRecord | None) -> None:
        held = offer.consultant_id if offer else arrival.offer.consultant_id  # type: ignore[union-attr]
        self._arrivals[arrival.arrival_id] = replace(arrival, offer=offer)
        self._consultants[held] = replace(
            self._consultants[held], offer_arrival_id=arrival.arrival_id if offer else None
        )

    def _open_offer(self, event: Accepted | Declined | CallUnanswered | Skipped) -> ArrivalRecord:
        arrival = self._known_arrival(event)
        if arrival.offer is None or arrival.offer.consultant_id != event.consultant_id:
            raise InconsistentTriageEvent(
                event=type(event).__name__, arrival_id=event.arrival_id, why="no_open_offer"
            )
        return arrival

    def _known_arrival(self, event: TriageEvent) -> ArrivalRecord:
        arrival_id: str = event.arrival_id  # type: ignore[attr-defined]
        if arrival_id not in self._arrivals:
            raise InconsistentTriageEvent(event=type(event).__name__, why="unknown_arrival")
        return self._arrivals[arrival_id]

    def _known_consultant(self, event: TriageEvent, consultant_id: str) -> ConsultantRecord:
        if consultant_id not in self._consultants:
            raise InconsistentTriageEvent(event=type(event).__name__, why="unknown_consultant")
        return self._consultants[consultant_id]

    def _receive(self, arrival: ArrivalRecord, consultant_id: str, at: datetime) -> None:
        self._arrivals[arrival.arrival_id] = replace(
            arrival, consultant_id=consultant_id, received_at=at, needs_direction=False
        )
        stats = self.stats_of(consultant_id)
        first = int(arrival.visit_class is VisitClass.FIRST_VISIT)
        self._tally(
            consultant_id,
            first_visits_received=stats.first_visits_received + first,
            waits=(*stats.waits, at - arrival.form_completed_at),
        )

    def _on_joined(self, event: ConsultantJoined) -> None:
        known = self._consultants.get(event.consultant_id)
        if known is not None and known.on_duty:
            raise InconsistentTriageEvent(event="ConsultantJoined", why="already_on_duty")
        self._consultants[event.consultant_id] = ConsultantRecord(
            event.consultant_id,
            event.rotation_order,
            event.half_day,
            suspended_until=known.suspended_until if known else None,
        )

    def _on_left(self, event: ConsultantLeft) -> None:
        consultant = self._known_consultant(event, event.consultant_id)
        if consultant.offer_arrival_id is not None:
            raise InconsistentTriageEvent(event="ConsultantLeft", why="holds_an_offer")
        self._consultants[event.consultant_id] = replace(consultant, on_duty=False, busy=False)

    def _on_busy(self, event: ConsultantBusy | ConsultantFree) -> None:
        consultant = self._known_consultant(event, event.consultant_id)
        busy = isinstance(event, ConsultantBusy)
        self._consultants[event.consultant_id] = replace(consultant, busy=busy)

    def _on_suspended(self, event: ConsultantSuspended) -> None:
        consultant = self._known_consultant(event, event.consultant_id)
        if consultant.offer_arrival_id is not None and event.until > event.at:
            raise InconsistentTriageEvent(event="ConsultantSuspended", why="holds_an_offer")
        self._consultants[event.consultant_id] = replace(consultant, suspended_until=event.until)

    def _on_queued(self, event: ArrivalQueued) -> None:
        if event.arrival_id in self._arrivals:
            raise InconsistentTriageEvent(event="ArrivalQueued", why="duplicate_arrival")
        self._arrivals[event.arrival_id] = ArrivalRecord(
            event.arrival_id,
            len(self._arrivals),
            event.visit_class,
            event.form_completed_at,
            event.not_counted_reason,
            event.named_consultant_id,
            event.rotation,
        )

    def _on_corrected(self, event: ArrivalCorrected) -> None:
        arrival = self._known_arrival(event)
        if arrival.consultant_id is not None or arrival.offer is not None:
            raise InconsistentTriageEvent(event="ArrivalCorrected", why="offered_or_received")
        assert event.rotation is not None  # set from the visit class by the event itself
        self._arrivals[event.arrival_id] = replace(
            arrival,
            visit_class=event.visit_class,
            form_completed_at=event.form_completed_at,
            not_counted_reason=event.not_counted_reason,
            named_consultant_id=event.named_consultant_id,
            rotation=event.rotation,
        )

    def _on_offered(self, event: Offered) -> None:
        arrival = self._known_arrival(event)
        consultant = self._known_consultant(event, event.consultant_id)
        if not arrival.is_waiting or consultant.offer_arrival_id is not None:
            raise InconsistentTriageEvent(event="Offered", why="already_offered_or_received")
        offer = OfferRecord(
            event.consultant_id,
            event.counted,
            event.rotation,
            event.at,
            event.respond_by,
            consultant.busy,
        )
        self._set_offer(arrival, offer)
        if event.rotation is not None:
            self._last_turns[event.rotation] = consultant.turn_key

    def _on_accepted(self, event: Accepted) -> None:
        arrival = self._open_offer(event)
        offer = arrival.offer
        assert offer is not None
        self._set_offer(arrival, None)
        self._receive(self._arrivals[event.arrival_id], event.consultant_id, event.at)
        stats = self.stats_of(event.consultant_id)
        if offer.rotation is None:
            self._tally(event.consultant_id, not_counted_received=stats.not_counted_received + 1)
        elif offer.counted and offer.rotation is Rotation.MAIN:
            self._tally(event.consultant_id, counted_turns=stats.counted_turns + 1)
        elif offer.counted:
            self._tally(event.consultant_id, small_rotation_turns=stats.small_rotation_turns + 1)

    def _on_declined(self, event: Declined) -> None:
        self._open_offer(event)  # the Skipped that follows passes the customer on

    def _on_unanswered(self, event: CallUnanswered) -> None:
        arrival = self._open_offer(event)
        offer = arrival.offer
        assert offer is not None
        self._set_offer(arrival, replace(offer, unanswered_calls=offer.unanswered_calls + 1))

    def _on_skipped(self, event: Skipped) -> None:
        arrival = self._open_offer(event)
        self._set_offer(arrival, None)
        arrival = self._arrivals[event.arrival_id]
        self._arrivals[event.arrival_id] = replace(
            arrival, passed_by=(*arrival.passed_by, event.consultant_id)
        )
        if event.cause is not SkipCause.WITHDRAWN:
            self._tally(event.consultant_id, skips=self.stats_of(event.consultant_id).skips + 1)

    def _on_wait_limit(self, event: WaitLimitReached) -> None:
        arrival = self._known_arrival(event)
        if arrival.consultant_id is not None or arrival.offer is not None:
            raise InconsistentTriageEvent(event="WaitLimitReached", why="not_waiting")
        self._arrivals[event.arrival_id] = replace(arrival, needs_direction=True)

    def _on_directed(self, event: Directed) -> None:
        arrival = self._known_arrival(event)
        self._known_consultant(event, event.consultant_id)
        if arrival.consultant_id is not None or arrival.offer is not None:
            raise InconsistentTriageEvent(event="Directed", why="offered_or_received")
        self._receive(arrival, event.consultant_id, event.at)
        self._tally(event.consultant_id, directed=self.stats_of(event.consultant_id).directed + 1)

    def _on_reassigned(self, event: Reassigned) -> None:
        arrival = self._known_arrival(event)
        self._known_consultant(event, event.to_id)
        if arrival.consultant_id != event.from_id:
            raise InconsistentTriageEvent(event="Reassigned", why="not_with_consultant")
        if not event.supervisor_id or not (event.customer_consent or event.director_checked):
            raise InconsistentTriageEvent(event="Reassigned", why="unconfirmed")
        self._arrivals[event.arrival_id] = replace(arrival, consultant_id=event.to_id)
        first = int(arrival.visit_class is VisitClass.FIRST_VISIT)
        out, into = self.stats_of(event.from_id), self.stats_of(event.to_id)
        self._tally(
            event.from_id,
            reassigned_out=out.reassigned_out + 1,
            first_visits_received=out.first_visits_received - first,
        )
        self._tally(
            event.to_id,
            reassigned_in=into.reassigned_in + 1,
            first_visits_received=into.first_visits_received + first,
        )


_HANDLERS = {
    ConsultantJoined: TriageDay._on_joined,
    ConsultantLeft: TriageDay._on_left,
    ConsultantBusy: TriageDay._on_busy,
    ConsultantFree: TriageDay._on_busy,
    ConsultantSuspended: TriageDay._on_suspended,
    ArrivalQueued: TriageDay._on_queued,
    ArrivalCorrected: TriageDay._on_corrected,
    Offered: TriageDay._on_offered,
    Accepted: TriageDay._on_accepted,
    Declined: TriageDay._on_declined,
    CallUnanswered: TriageDay._on_unanswered,
    Skipped: TriageDay._on_skipped,
    WaitLimitReached: TriageDay._on_wait_limit,
    Directed: TriageDay._on_directed,
    Reassigned: TriageDay._on_reassigned,
}


def replay(events: Iterable[TriageEvent]) -> TriageDay:
    """The day the recorded events describe, rebuilt from the first one."""
    day = TriageDay()
    for event in events:
        day.apply(event)
    return day


def statistics(state: TriageDay) -> dict[str, ConsultantDayStats]:
    """Each consultant's triage figures for the day (everyone on duty, even with none)."""
    return {c.consultant_id: state.stats_of(c.consultant_id) for c in state.consultants()}
