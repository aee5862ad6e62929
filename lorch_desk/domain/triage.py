"""The triage rotation (分诊, seed 003): a day rebuilt from its events, and decisions as events.

`TriageDay` changes only by `apply(event)`; `replay(events)` rebuilds it. The decision
functions (`next_offer`, `due_timeouts`, `accept`, ...) read a day and return the events to
record, raising a `DomainError` when the clinic's rules refuse; they never change the day.

How the rotation turns: each rotation remembers whose turn was last given. The next turn goes
to the first consultant after that one (in `rotation_order`) who is in the rotation now (on
duty, inside a half-day shift, not suspended; busy consultants are asked first, 2.2) and has
not already let this customer pass. Giving a turn moves the rotation on, so a skipped turn is
spent and never made up. When that consultant still holds another customer's offer, the
customers wait for them rather than jumping the order, and reach them by priority (1.12).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import DomainError, NotFound
from lorch_desk.domain.triage_policy import (
    DEFAULT_POLICY,
    Accepted,
    ArrivalQueued,
    ArrivalRecord,
    CallUnanswered,
    ConsultantBusy,
    ConsultantDayStats,
    ConsultantFree,
    ConsultantJoined,
    ConsultantLeft,
    ConsultantRecord,
    ConsultantState,
    ConsultantSuspended,
    Declined,
    Directed,
    HalfDay,
    NotCountedReason,
    Offered,
    OfferRecord,
    Reassigned,
    Rotation,
    SkipCause,
    Skipped,
    TriageEvent,
    TriagePolicy,
    TriageSnapshot,
    VisitClass,
    WaitLimitReached,
)

# --- refusals ---------------------------------------------------------------------------------


class UnknownConsultant(NotFound):
    code = "triage_unknown_consultant"


class UnknownArrival(NotFound):
    code = "triage_unknown_arrival"


class OfferNoLongerOpen(DomainError):
    """The offer timed out, passed on, or the customer was received by someone else."""

    code = "triage_offer_no_longer_open"


class ConsultantUnavailable(DomainError):
    """The consultant is off duty or suspended, so cannot receive a customer now."""

    code = "triage_consultant_unavailable"


class ConsultantAlreadyOnDuty(DomainError):
    code = "triage_consultant_already_on_duty"


class ArrivalAlreadyQueued(DomainError):
    code = "triage_arrival_already_queued"


class ArrivalAlreadyReceived(DomainError):
    """The customer already has a consultant; change it by a reassignment."""

    code = "triage_arrival_already_received"


class ArrivalNotWithConsultant(DomainError):
    code = "triage_arrival_not_with_consultant"


class ReassignmentNeedsSupervisor(DomainError):
    """Every reassignment is confirmed by a supervisor (7.4)."""

    code = "triage_reassignment_needs_supervisor"


class ReassignmentNeedsConsent(DomainError):
    """Without the customer's signed consent, supervisor and director check first (4.1.2)."""

    code = "triage_reassignment_needs_consent"


class EventOutOfOrder(DomainError):
    """An event dated before the day's last one: the log must be appended in time order."""

    code = "triage_event_out_of_order"


class InconsistentTriageEvent(DomainError):
    """An event the day's state makes impossible (a corrupt or hand-edited log)."""

    code = "triage_inconsistent_event"


# --- the state of a day -------------------------------------------------------------------------


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


# --- reading the rotation -------------------------------------------------------------------


def _on_shift(consultant: ConsultantRecord, now: datetime, policy: TriagePolicy) -> bool:
    if not consultant.on_duty:
        return False
    if consultant.half_day is None:
        return True
    afternoon = clinic_time(now).time() >= policy.half_day_start
    return afternoon == (consultant.half_day is HalfDay.AFTERNOON)


def _suspended(consultant: ConsultantRecord, now: datetime) -> bool:
    return consultant.suspended_until is not None and now < consultant.suspended_until


def in_rotation(
    consultant: ConsultantRecord, now: datetime, policy: TriagePolicy = DEFAULT_POLICY
) -> bool:
    """Whether the consultant may be offered customers now (busy ones included, 2.2)."""
    return _on_shift(consultant, now, policy) and not _suspended(consultant, now)


def consultant_state(
    state: TriageDay, consultant_id: str, now: datetime, policy: TriagePolicy = DEFAULT_POLICY
) -> ConsultantState:
    """What the queue board shows for a consultant now."""
    consultant = state.consultant(consultant_id)
    if not _on_shift(consultant, now, policy):
        return ConsultantState.OFF_DUTY
    if _suspended(consultant, now):
        return ConsultantState.SUSPENDED
    if consultant.offer_arrival_id is not None:
        return ConsultantState.OFFERED
    return ConsultantState.BUSY if consultant.busy else ConsultantState.FREE


def _next_in_rotation(
    state: TriageDay,
    rotation: Rotation,
    now: datetime,
    policy: TriagePolicy,
    passing: Sequence[str] = (),
) -> str | None:
    """The first consultant after the last turn given who is in the rotation and not passing."""
    last = state.last_turn(rotation)
    members = [c for c in state.consultants() if in_rotation(c, now, policy)]
    after = [c for c in members if last is None or c.turn_key > last]
    before = [c for c in members if last is not None and c.turn_key <= last]
    for consultant in after + before:
        if consultant.consultant_id not in passing:
            return consultant.consultant_id
    return None


def whose_turn(
    state: TriageDay, rotation: Rotation, now: datetime, policy: TriagePolicy = DEFAULT_POLICY
) -> str | None:
    """The consultant the next new customer of this rotation goes to (for the queue board)."""
    return _rotation_candidate(state, rotation, now, policy, passing=())


def _rotation_candidate(
    state: TriageDay,
    rotation: Rotation,
    now: datetime,
    policy: TriagePolicy,
    passing: Sequence[str],
) -> str | None:
    candidate = _next_in_rotation(state, rotation, now, policy, passing)
    # 3.9: when both rotations point at one consultant, the small one moves to its next.
    if (
        rotation is Rotation.SMALL
        and candidate is not None
        and candidate == _next_in_rotation(state, Rotation.MAIN, now, policy)
    ):
        other = _next_in_rotation(state, rotation, now, policy, (*passing, candidate))
        candidate = other or candidate
    return candidate


def _route(
    state: TriageDay, arrival: ArrivalRecord, now: datetime, policy: TriagePolicy
) -> tuple[str, Rotation | None] | None:
    """Who the arrival goes to now, and through which rotation (None: straight to them)."""
    named = arrival.named_consultant_id
    if named is not None and named not in arrival.passed_by:
        consultant = state.find_consultant(named)
        if consultant is not None and in_rotation(consultant, now, policy):
            return named, None
    # A named consultant who is away, suspended or let the customer pass: normal triage (3.2).
    rotation = arrival.rotation
    candidate = _rotation_candidate(state, rotation, now, policy, arrival.passed_by)
    return (candidate, rotation) if candidate is not None else None


# --- decisions: each returns the events to record -------------------------------------------


def next_offer(
    state: TriageDay, *, now: datetime, by: str, policy: TriagePolicy = DEFAULT_POLICY
) -> Offered | None:
    """The next offer the front desk makes now, or None when no waiting customer can be offered.

    Call it after `due_timeouts` and again after recording each offer until it returns None.
    """
    for arrival in state.waiting_arrivals():
        wait_ends = arrival.form_completed_at + policy.max_wait
        if now >= wait_ends:
            continue  # due_timeouts flags it for a directed assignment
        route = _route(state, arrival, now, policy)
        if route is None:
            continue
        consultant_id, rotation = route
        consultant = state.consultant(consultant_id)
        if consultant.offer_arrival_id is not None:
            continue  # they answer the customer before this one first; the order holds
        if consultant.busy:
            limit = policy.extra_wait_time if arrival.passed_by else policy.busy_skip_time
        else:
            limit = policy.accept_time
        counted = rotation is not None and (
            clinic_time(arrival.form_completed_at).time() < policy.counted_until
        )
        return Offered(
            at=now,
            by=by,
            reason="not_counted" if rotation is None else f"{rotation}_rotation",
            arrival_id=arrival.arrival_id,
            consultant_id=consultant_id,
            counted=counted,
            rotation=rotation,
            respond_by=min(now + limit, wait_ends),
        )
    return None


def due_timeouts(
    state: TriageDay, *, now: datetime, by: str, policy: TriagePolicy = DEFAULT_POLICY
) -> list[Skipped | WaitLimitReached]:
    """Offers whose answer time has run out, and customers who have waited the longest allowed."""
    events: list[Skipped | WaitLimitReached] = []
    for arrival in state.arrivals():
        if arrival.consultant_id is not None or arrival.needs_direction:
            continue
        offer = arrival.offer
        if offer is not None:
            if now < offer.respond_by:
                continue
            cause = SkipCause.BUSY if offer.consultant_was_busy else SkipCause.TIMEOUT
            events.append(
                Skipped(
                    at=now,
                    by=by,
                    reason="respond_by_passed",
                    arrival_id=arrival.arrival_id,
                    consultant_id=offer.consultant_id,
                    cause=cause,
                )
            )
        if now >= arrival.form_completed_at + policy.max_wait:
            events.append(
                WaitLimitReached(
                    at=now, by=by, reason="max_wait_reached", arrival_id=arrival.arrival_id
                )
            )
    return events


def _require_open_offer(
    state: TriageDay, arrival_id: str, consultant_id: str, at: datetime
) -> OfferRecord:
    arrival = state.arrival(arrival_id)
    state.consultant(consultant_id)
    offer = arrival.offer
    if offer is None or offer.consultant_id != consultant_id:
        why = "received" if arrival.consultant_id is not None else "not_offered_to_consultant"
        raise OfferNoLongerOpen(arrival_id=arrival_id, consultant_id=consultant_id, why=why)
    if at >= offer.respond_by:
        raise OfferNoLongerOpen(arrival_id=arrival_id, consultant_id=consultant_id, why="timed_out")
    return offer


def accept(
    state: TriageDay,
    *,
    arrival_id: str,
    consultant_id: str,
    at: datetime,
    by: str,
    reason: str = "",
) -> Accepted:
    """The consultant accepts the customer offered to them, before the offer runs out."""
    _require_open_offer(state, arrival_id, consultant_id, at)
    return Accepted(at=at, by=by, reason=reason, arrival_id=arrival_id, consultant_id=consultant_id)


def decline(
    state: TriageDay,
    *,
    arrival_id: str,
    consultant_id: str,
    at: datetime,
    by: str,
    reason: str = "",
) -> list[Declined | Skipped]:
    """The consultant declines; the customer passes to the next and the turn is spent."""
    _require_open_offer(state, arrival_id, consultant_id, at)
    ids = {"arrival_id": arrival_id, "consultant_id": consultant_id}
    return [
        Declined(at=at, by=by, reason=reason, **ids),
        Skipped(at=at, by=by, reason=reason, cause=SkipCause.DECLINED, **ids),
    ]


def unanswered_call(
    state: TriageDay,
    *,
    arrival_id: str,
    consultant_id: str,
    at: datetime,
    by: str,
    policy: TriagePolicy = DEFAULT_POLICY,
) -> list[CallUnanswered | Skipped]:
    """The front desk rang the consultant unanswered; the second such call passes the turn (2.3)."""
    offer = _require_open_offer(state, arrival_id, consultant_id, at)
    ids = {"arrival_id": arrival_id, "consultant_id": consultant_id}
    events: list[CallUnanswered | Skipped] = [CallUnanswered(at=at, by=by, **ids)]
    if offer.unanswered_calls + 1 >= policy.unanswered_calls_to_skip:
        events.append(
            Skipped(at=at, by=by, reason="calls_unanswered", cause=SkipCause.UNANSWERED, **ids)
        )
    return events


def _withdraw_offer(arrival: ArrivalRecord, at: datetime, by: str, reason: str) -> list[Skipped]:
    if arrival.offer is None:
        return []
    return [
        Skipped(
            at=at,
            by=by,
            reason=reason,
            arrival_id=arrival.arrival_id,
            consultant_id=arrival.offer.consultant_id,
            cause=SkipCause.WITHDRAWN,
        )
    ]


def _require_available(
    state: TriageDay, consultant_id: str, at: datetime, policy: TriagePolicy
) -> None:
    consultant = state.consultant(consultant_id)
    if not in_rotation(consultant, at, policy):
        status = consultant_state(state, consultant_id, at, policy)
        raise ConsultantUnavailable(consultant_id=consultant_id, state=status.value)


def direct(
    state: TriageDay,
    *,
    arrival_id: str,
    consultant_id: str,
    at: datetime,
    by: str,
    reason: str = "",
    policy: TriagePolicy = DEFAULT_POLICY,
) -> list[Skipped | Directed]:
    """A supervisor gives a waiting customer to a consultant of their choice (2.4, 5.1)."""
    arrival = state.arrival(arrival_id)
    if arrival.consultant_id is not None:
        raise ArrivalAlreadyReceived(arrival_id=arrival_id, consultant_id=arrival.consultant_id)
    _require_available(state, consultant_id, at, policy)
    events: list[Skipped | Directed] = [*_withdraw_offer(arrival, at, by, "directed_elsewhere")]
    events.append(
        Directed(at=at, by=by, reason=reason, arrival_id=arrival_id, consultant_id=consultant_id)
    )
    return events


def reassign(
    state: TriageDay,
    *,
    arrival_id: str,
    from_id: str,
    to_id: str,
    supervisor_id: str,
    customer_consent: bool,
    director_checked: bool,
    at: datetime,
    by: str,
    reason: str = "",
    policy: TriagePolicy = DEFAULT_POLICY,
) -> Reassigned:
    """Change the consultant of a received customer: consent or a director's check, and a supervisor."""
    if not supervisor_id:
        raise ReassignmentNeedsSupervisor(arrival_id=arrival_id)
    if not (customer_consent or director_checked):
        raise ReassignmentNeedsConsent(arrival_id=arrival_id)
    arrival = state.arrival(arrival_id)
    state.consultant(from_id)
    if arrival.consultant_id != from_id:
        raise ArrivalNotWithConsultant(arrival_id=arrival_id, consultant_id=from_id)
    if to_id == from_id:
        raise ConsultantUnavailable(consultant_id=to_id, state="already_with_customer")
    _require_available(state, to_id, at, policy)
    return Reassigned(
        at=at,
        by=by,
        reason=reason,
        arrival_id=arrival_id,
        from_id=from_id,
        to_id=to_id,
        customer_consent=customer_consent,
        supervisor_id=supervisor_id,
        director_checked=director_checked,
    )


def queue_arrival(
    state: TriageDay,
    *,
    arrival_id: str,
    visit_class: VisitClass,
    form_completed_at: datetime,
    at: datetime,
    by: str,
    not_counted_reason: NotCountedReason | None = None,
    named_consultant_id: str | None = None,
    rotation: Rotation | None = None,
) -> ArrivalQueued:
    """A customer's consultation form is complete: they join the waiting customers."""
    if state.knows_arrival(arrival_id):
        raise ArrivalAlreadyQueued(arrival_id=arrival_id)
    return ArrivalQueued(
        at=at,
        by=by,
        arrival_id=arrival_id,
        visit_class=visit_class,
        form_completed_at=form_completed_at,
        not_counted_reason=not_counted_reason,
        named_consultant_id=named_consultant_id,
        rotation=rotation,
    )


def join(
    state: TriageDay,
    *,
    consultant_id: str,
    rotation_order: int,
    at: datetime,
    by: str,
    half_day: HalfDay | None = None,
) -> ConsultantJoined:
    """A consultant comes on duty at their place in the rotation."""
    known = state.find_consultant(consultant_id)
    if known is not None and known.on_duty:
        raise ConsultantAlreadyOnDuty(consultant_id=consultant_id)
    return ConsultantJoined(
        at=at, by=by, consultant_id=consultant_id, rotation_order=rotation_order, half_day=half_day
    )


def _offer_held_by(state: TriageDay, consultant_id: str) -> ArrivalRecord | None:
    arrival_id = state.consultant(consultant_id).offer_arrival_id
    return state.arrival(arrival_id) if arrival_id is not None else None


def leave(
    state: TriageDay, *, consultant_id: str, at: datetime, by: str, reason: str = ""
) -> list[Skipped | ConsultantLeft]:
    """A consultant goes off duty; a customer offered to them passes on."""
    held = _offer_held_by(state, consultant_id)
    withdrawn = _withdraw_offer(held, at, by, "consultant_left") if held else []
    return [*withdrawn, ConsultantLeft(at=at, by=by, reason=reason, consultant_id=consultant_id)]


def suspend(
    state: TriageDay, *, consultant_id: str, until: datetime, at: datetime, by: str, reason: str
) -> list[Skipped | ConsultantSuspended]:
    """停诊: the consultant leaves the rotation until `until` (6.2, 6.3)."""
    held = _offer_held_by(state, consultant_id)
    withdrawn = _withdraw_offer(held, at, by, "consultant_suspended") if held else []
    suspended = ConsultantSuspended(
        at=at, by=by, reason=reason, consultant_id=consultant_id, until=until
    )
    return [*withdrawn, suspended]
