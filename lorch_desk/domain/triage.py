"""The triage rotation (分诊, seed 003): the decisions of the front desk's day, as events.

The decision functions (`next_offer`, `due_timeouts`, `accept`, ...) read a `TriageDay`
(triage_day.py) and return the events to record, raising a `DomainError` (triage_refusals.py)
when the clinic's rules refuse; they never change the day. Giving a turn moves the rotation on
(triage_rotation.py), so a skipped turn is spent and never made up. When that consultant still
holds another customer's offer, the customers wait for them rather than jumping the order, and
reach them by priority (1.12). This module also re-exports the names of the other three.
"""

from __future__ import annotations

from datetime import datetime

from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.triage_day import TriageDay, replay, statistics
from lorch_desk.domain.triage_policy import (
    DEFAULT_POLICY,
    Accepted,
    ArrivalCorrected,
    ArrivalQueued,
    ArrivalRecord,
    CallUnanswered,
    ConsultantJoined,
    ConsultantLeft,
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
    TriagePolicy,
    VisitClass,
    WaitLimitReached,
)
from lorch_desk.domain.triage_refusals import (
    ArrivalAlreadyQueued,
    ArrivalAlreadyReceived,
    ArrivalNotWithConsultant,
    ConsultantAlreadyOnDuty,
    ConsultantUnavailable,
    EventOutOfOrder,
    InconsistentTriageEvent,
    OfferNoLongerOpen,
    ReassignmentNeedsConsent,
    ReassignmentNeedsSupervisor,
    UnknownArrival,
    UnknownConsultant,
)
from lorch_desk.domain.triage_rotation import (
    consultant_state,
    in_rotation,
    route_of,
    whose_turn,
)

__all__ = [
    "ArrivalAlreadyQueued",
    "ArrivalAlreadyReceived",
    "ArrivalNotWithConsultant",
    "ConsultantAlreadyOnDuty",
    "ConsultantUnavailable",
    "EventOutOfOrder",
    "InconsistentTriageEvent",
    "OfferNoLongerOpen",
    "ReassignmentNeedsConsent",
    "ReassignmentNeedsSupervisor",
    "TriageDay",
    "UnknownArrival",
    "UnknownConsultant",
    "accept",
    "consultant_state",
    "correct_queued_arrival",
    "decline",
    "direct",
    "due_timeouts",
    "in_rotation",
    "join",
    "leave",
    "next_offer",
    "queue_arrival",
    "reassign",
    "replay",
    "statistics",
    "suspend",
    "unanswered_call",
    "whose_turn",
]

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
        route = route_of(state, arrival, now, policy)
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


def correct_queued_arrival(
    state: TriageDay,
    *,
    arrival_id: str,
    correction_id: str,
    visit_class: VisitClass,
    form_completed_at: datetime,
    at: datetime,
    by: str,
    not_counted_reason: NotCountedReason | None = None,
    named_consultant_id: str | None = None,
    rotation: Rotation | None = None,
) -> list[Skipped | ArrivalCorrected]:
    """A corrected arrival still waiting is routed anew; an open offer of it is withdrawn first.

    A customer already received (or left to a supervisor's direction) keeps their consultant:
    the correction changes the record only, so no event is returned.
    """
    arrival = state.arrival(arrival_id)
    if arrival.consultant_id is not None or arrival.needs_direction:
        return []
    events: list[Skipped | ArrivalCorrected] = [
        *_withdraw_offer(arrival, at, by, "arrival_corrected")
    ]
    events.append(
        ArrivalCorrected(
            at=at,
            by=by,
            reason="arrival_corrected",
            arrival_id=arrival_id,
            correction_id=correction_id,
            visit_class=visit_class,
            form_completed_at=form_completed_at,
            not_counted_reason=not_counted_reason,
            named_consultant_id=named_consultant_id,
            rotation=rotation,
        )
    )
    return events


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
