"""Reading the rotation: who is in it now, each consultant's state, and whose turn it is.

Each rotation remembers whose turn was last given. The next turn goes to the first consultant
after that one (in `rotation_order`) who is in the rotation now (on duty, inside a half-day
shift, not suspended; busy consultants are asked first, 2.2) and has not already let this
customer pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.triage_day import TriageDay
from lorch_desk.domain.triage_policy import (
    DEFAULT_POLICY,
    ArrivalRecord,
    ConsultantRecord,
    ConsultantState,
    HalfDay,
    Rotation,
    TriagePolicy,
)


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


def route_of(
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
