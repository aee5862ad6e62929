"""The triage rotation kept in the database: the front desk's and consultants' commands.

Every command loads the day under its lock (triage_log.py), asks the pure engine of
`domain.triage` for the events its decision makes, and appends them. Domain refusals pass
through unchanged. The queue board's reading (queue_board.py) and the log's encoding
(triage_log.py) are re-exported here so callers need one import.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain import triage as engine
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.triage import TriageDay
from lorch_desk.domain.triage_policy import (
    ConsultantBusy,
    ConsultantFree,
    HalfDay,
    NotCountedReason,
    Rotation,
    TriageEvent,
    TriagePolicy,
    VisitClass,
)
from lorch_desk.services.access import require
from lorch_desk.services.queue_board import (
    WAIT_LATE_MINUTES,
    WAIT_OVERDUE_MINUTES,
    WAIT_WARNING_MINUTES,
    ConsultantOnBoardRow,
    QueueBoard,
    WaitingCustomerRow,
    WaitLevel,
    last_sequence,
    queue_board,
    wait_level,
)
from lorch_desk.services.triage_log import (
    NOTIFY_CHANNEL,
    TriageResult,
    TriageStep,
    acting_as,
    announce,
    append_events,
    clinic_day,
    decode_event,
    encode_event,
    load_day,
    open_day,
    record_events,
)
from lorch_desk.services.triage_settings import site_policy
from lorch_desk.services.triage_suspensions import (
    SuspensionKind,
    active_suspension,
    store_suspension,
)

__all__ = [
    "NOTIFY_CHANNEL",
    "WAIT_LATE_MINUTES",
    "WAIT_OVERDUE_MINUTES",
    "WAIT_WARNING_MINUTES",
    "ConsultantOnBoardRow",
    "QueueBoard",
    "TriageResult",
    "TriageStep",
    "WaitLevel",
    "WaitingCustomerRow",
    "accept_offer",
    "apply_time_outs",
    "clinic_day",
    "decline_offer",
    "decode_event",
    "direct",
    "encode_event",
    "join_rotation",
    "last_sequence",
    "leave_rotation",
    "load_day",
    "mark_call_unanswered",
    "offer_next",
    "queue",
    "queue_board",
    "reassign",
    "requeue_correction",
    "set_busy",
    "suspend_consultant",
    "wait_level",
]


def _advance(
    uow: UnitOfWork, day: date, state: TriageDay, now: datetime, policy: TriagePolicy
) -> list[TriageStep]:
    by = acting_as(uow.actor)
    steps = append_events(
        uow, day, state, engine.due_timeouts(state, now=now, by=by, policy=policy)
    )
    while (offer := engine.next_offer(state, now=now, by=by, policy=policy)) is not None:
        steps += append_events(uow, day, state, [offer])
    return steps


# --- commands -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueueTerms:
    """How a recorded arrival waits: its class, clock start, rotation, and why it is no turn."""

    visit_class: VisitClass
    form_completed_at: datetime
    rotation: Rotation
    not_counted_reason: NotCountedReason | None
    named_consultant_id: uuid.UUID | None

    def for_engine(self) -> dict[str, Any]:
        named = self.named_consultant_id
        return {
            "visit_class": self.visit_class,
            "form_completed_at": self.form_completed_at,
            "rotation": self.rotation,
            "not_counted_reason": self.not_counted_reason,
            "named_consultant_id": str(named) if named else None,
        }


def queue(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, terms: QueueTerms, now: datetime
) -> TriageResult:
    """Put a recorded arrival in the day's queue: their waiting clock is running."""
    require(uow.actor, Action.ARRIVAL_RECORD)
    day, state, now = open_day(uow, now)
    event = engine.queue_arrival(
        state,
        arrival_id=str(arrival_id),
        at=now,
        by=acting_as(uow.actor),
        **terms.for_engine(),
    )
    return record_events(uow, day, state, [event])


def offer_next(
    uow: UnitOfWork, *, now: datetime, policy: TriagePolicy | None = None
) -> TriageResult:
    """Apply the time-outs that are due, then offer every customer who can be offered now."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = open_day(uow, now)
    policy = policy or site_policy(uow)
    return announce(uow, day, _advance(uow, day, state, now, policy))


def apply_time_outs(
    uow: UnitOfWork, *, now: datetime, policy: TriagePolicy | None = None
) -> TriageResult:
    """Pass on offers not answered in time and flag customers who waited the longest allowed."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = open_day(uow, now)
    policy = policy or site_policy(uow)
    events = engine.due_timeouts(state, now=now, by=acting_as(uow.actor), policy=policy)
    return record_events(uow, day, state, events)


def accept_offer(uow: UnitOfWork, *, arrival_id: uuid.UUID, now: datetime) -> TriageResult:
    """The consultant acting accepts the customer offered to them."""
    require(uow.actor, Action.TRIAGE_RESPOND)
    day, state, now = open_day(uow, now)
    event = engine.accept(
        state,
        arrival_id=str(arrival_id),
        consultant_id=acting_as(uow.actor),
        at=now,
        by=acting_as(uow.actor),
    )
    return record_events(uow, day, state, [event])


def decline_offer(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, now: datetime, reason: str = ""
) -> TriageResult:
    """The consultant acting declines the customer offered to them; the turn is spent."""
    require(uow.actor, Action.TRIAGE_RESPOND)
    day, state, now = open_day(uow, now)
    me = acting_as(uow.actor)
    events = engine.decline(
        state, arrival_id=str(arrival_id), consultant_id=me, at=now, by=me, reason=reason
    )
    return record_events(uow, day, state, events)


def mark_call_unanswered(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, now: datetime, policy: TriagePolicy | None = None
) -> TriageResult:
    """The front desk rang the offered consultant in vain; the second such call passes the turn."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = open_day(uow, now)
    policy = policy or site_policy(uow)
    offer = state.arrival(str(arrival_id)).offer
    if offer is None:
        raise engine.OfferNoLongerOpen(arrival_id=str(arrival_id), why="not_offered")
    events = engine.unanswered_call(
        state,
        arrival_id=str(arrival_id),
        consultant_id=offer.consultant_id,
        at=now,
        by=acting_as(uow.actor),
        policy=policy,
    )
    return record_events(uow, day, state, events)


def direct(
    uow: UnitOfWork,
    *,
    arrival_id: uuid.UUID,
    consultant_id: uuid.UUID,
    now: datetime,
    reason: str = "",
    policy: TriagePolicy | None = None,
) -> TriageResult:
    """点诊: a supervisor gives a waiting customer to a consultant of their choice."""
    require(uow.actor, Action.TRIAGE_DIRECT)
    day, state, now = open_day(uow, now)
    policy = policy or site_policy(uow)
    events = engine.direct(
        state,
        arrival_id=str(arrival_id),
        consultant_id=str(consultant_id),
        at=now,
        by=acting_as(uow.actor),
        reason=reason,
        policy=policy,
    )
    return record_events(uow, day, state, events)


def reassign(
    uow: UnitOfWork,
    *,
    arrival_id: uuid.UUID,
    to_consultant_id: uuid.UUID,
    customer_consent: bool,
    director_checked: bool,
    now: datetime,
    reason: str = "",
    policy: TriagePolicy | None = None,
) -> TriageResult:
    """改派: the supervisor acting confirms a received customer's change of consultant."""
    require(uow.actor, Action.REASSIGN_CONFIRM)
    day, state, now = open_day(uow, now)
    policy = policy or site_policy(uow)
    current = state.arrival(str(arrival_id)).consultant_id
    if current is None:
        raise engine.ArrivalNotWithConsultant(arrival_id=str(arrival_id), consultant_id=None)
    me = acting_as(uow.actor)
    event = engine.reassign(
        state,
        arrival_id=str(arrival_id),
        from_id=current,
        to_id=str(to_consultant_id),
        supervisor_id=me,
        customer_consent=customer_consent,
        director_checked=director_checked,
        at=now,
        by=me,
        reason=reason,
        policy=policy,
    )
    return record_events(uow, day, state, [event])


def join_rotation(
    uow: UnitOfWork,
    *,
    consultant_id: uuid.UUID,
    rotation_order: int,
    now: datetime,
    half_day: HalfDay | None = None,
) -> TriageResult:
    """A consultant comes on duty at their place in the day's rotation."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = open_day(uow, now)
    by = acting_as(uow.actor)
    joined = engine.join(
        state,
        consultant_id=str(consultant_id),
        rotation_order=rotation_order,
        at=now,
        by=by,
        half_day=half_day,
    )
    events: list[TriageEvent] = [joined]
    carried = active_suspension(uow, consultant_id=consultant_id, at=now)
    if carried is not None:
        on_duty = state.copy().apply(joined)
        events += engine.suspend(
            on_duty,
            consultant_id=str(consultant_id),
            until=carried.ends_at,
            at=now,
            by=by,
            reason=carried.reason,
        )
    return record_events(uow, day, state, events)


def leave_rotation(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, now: datetime, reason: str = ""
) -> TriageResult:
    """A consultant goes off duty; a customer offered to them passes on."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = open_day(uow, now)
    state.consultant(str(consultant_id))
    events = engine.leave(
        state, consultant_id=str(consultant_id), at=now, by=acting_as(uow.actor), reason=reason
    )
    return record_events(uow, day, state, events)


def set_busy(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, busy: bool, now: datetime
) -> TriageResult:
    """Mark a consultant busy with a customer, or free again."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = open_day(uow, now)
    state.consultant(str(consultant_id))
    kind = ConsultantBusy if busy else ConsultantFree
    return record_events(
        uow, day, state, [kind(at=now, by=acting_as(uow.actor), consultant_id=str(consultant_id))]
    )


def suspend_consultant(
    uow: UnitOfWork,
    *,
    consultant_id: uuid.UUID,
    until: datetime,
    now: datetime,
    reason: str,
    kind: SuspensionKind = SuspensionKind.MANUAL,
    source_id: uuid.UUID | None = None,
) -> TriageResult:
    """停诊: take a consultant out of the rotation until `until`, today and on each later day
    they join before it ends; a consultant not on today's rotation is suspended from then on."""
    require(uow.actor, Action.TRIAGE_DIRECT)
    day, state, now = open_day(uow, now)
    if until <= now:
        raise ValidationFailed(field="suspended_until", rule="in_the_past")
    store_suspension(
        uow,
        consultant_id=consultant_id,
        starts_at=now,
        ends_at=until,
        kind=kind,
        reason=reason,
        source_id=source_id,
    )
    if state.find_consultant(str(consultant_id)) is None:
        return record_events(uow, day, state, [])
    events = engine.suspend(
        state,
        consultant_id=str(consultant_id),
        until=until,
        at=now,
        by=acting_as(uow.actor),
        reason=reason,
    )
    return record_events(uow, day, state, events)


def requeue_correction(
    uow: UnitOfWork,
    *,
    arrival_id: uuid.UUID,
    correction_id: uuid.UUID,
    terms: QueueTerms,
    now: datetime,
) -> TriageResult:
    """Route a corrected arrival anew if it still waits (`arrival_id`: its first record)."""
    require(uow.actor, Action.ARRIVAL_RECORD)
    day, state, now = open_day(uow, now)
    events = engine.correct_queued_arrival(
        state,
        arrival_id=str(arrival_id),
        correction_id=str(correction_id),
        at=now,
        by=acting_as(uow.actor),
        **terms.for_engine(),
    )
    return record_events(uow, day, state, events)
