"""The triage rotation kept in the database: a site's day is its stored events, replayed.

Every command loads the day under a lock (PostgreSQL: a transaction-scoped advisory lock per
site and day; SQLite: the writer's BEGIN IMMEDIATE), asks the pure engine of
`domain.triage` for the events its decision makes, and appends them with the next sequence
numbers. The unique (site, day, sequence) key refuses a second PC's conflicting append even
if a lock were ever missed. Domain refusals pass through unchanged.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select, text

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain import triage as engine
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.triage import TriageDay
from lorch_desk.domain.triage_policy import (
    DEFAULT_POLICY,
    Accepted,
    ArrivalQueued,
    CallUnanswered,
    ConsultantBusy,
    ConsultantFree,
    ConsultantJoined,
    ConsultantLeft,
    ConsultantState,
    ConsultantSuspended,
    Declined,
    Directed,
    HalfDay,
    NotCountedReason,
    Offered,
    Reassigned,
    Rotation,
    SkipCause,
    Skipped,
    TriageEvent,
    TriagePolicy,
    VisitClass,
    WaitLimitReached,
)
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival, RecordedTriageEvent
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require

# The queue board colours a waiting customer's timer from these minutes on (issue 3 §3).
WAIT_WARNING_MINUTES = 8
WAIT_LATE_MINUTES = 10
WAIT_OVERDUE_MINUTES = 15

_EVENT_CLASSES: dict[str, type[TriageEvent]] = {
    cls.__name__: cls
    for cls in (
        ConsultantJoined,
        ConsultantLeft,
        ConsultantBusy,
        ConsultantFree,
        ConsultantSuspended,
        ArrivalQueued,
        Offered,
        Accepted,
        Declined,
        CallUnanswered,
        Skipped,
        WaitLimitReached,
        Directed,
        Reassigned,
    )
}
_TIME_FIELDS = frozenset({"at", "form_completed_at", "respond_by", "until"})
_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "visit_class": VisitClass,
    "not_counted_reason": NotCountedReason,
    "rotation": Rotation,
    "half_day": HalfDay,
    "cause": SkipCause,
}


class WaitLevel(StrEnum):
    """How long a customer has waited, as the queue board colours it."""

    CALM = "calm"
    WARNING = "warning"  # 8 minutes
    LATE = "late"  # 10 minutes
    OVERDUE = "overdue"  # 15 minutes


@dataclass(frozen=True, slots=True)
class TriageStep:
    """One event a command recorded."""

    sequence: int
    kind: str
    arrival_id: uuid.UUID | None
    consultant_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class TriageResult:
    """The events one command recorded, in order."""

    steps: tuple[TriageStep, ...]

    @property
    def offers(self) -> tuple[TriageStep, ...]:
        return tuple(step for step in self.steps if step.kind == Offered.__name__)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(step.kind for step in self.steps)


@dataclass(frozen=True, slots=True)
class WaitingCustomerRow:
    """A customer on the queue board not yet received (the inquiry item is never here)."""

    arrival_id: uuid.UUID
    customer_name: str
    file_number: str
    visit_class: VisitClass
    rotation: Rotation
    minutes_waited: int
    wait_level: WaitLevel
    offered_to_id: uuid.UUID | None
    respond_by: datetime | None
    needs_direction: bool


@dataclass(frozen=True, slots=True)
class ConsultantOnBoardRow:
    consultant_id: uuid.UUID
    name: str
    state: ConsultantState
    offered_arrival_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class QueueBoard:
    """The front desk's view of the rotation now."""

    day: date
    waiting: tuple[WaitingCustomerRow, ...]
    consultants: tuple[ConsultantOnBoardRow, ...]
    whose_turn: tuple[tuple[Rotation, uuid.UUID | None], ...]
    last_sequence: int


# --- storing and replaying ----------------------------------------------------------------------


def clinic_day(moment: datetime) -> date:
    """The clinic's date of a moment: a triage day runs midnight to midnight in China."""
    return clinic_time(moment).date()


def encode_event(event: TriageEvent) -> dict[str, Any]:
    """An event's fields as JSON values (times ISO, enums by value)."""
    payload: dict[str, Any] = {}
    for item in fields(event):
        value = getattr(event, item.name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, StrEnum):
            value = value.value
        payload[item.name] = value
    return payload


def decode_event(kind: str, payload: dict[str, Any]) -> TriageEvent:
    """The event a stored row describes."""
    values: dict[str, Any] = {}
    for name, value in payload.items():
        if value is not None and name in _TIME_FIELDS:
            value = datetime.fromisoformat(value)
        elif value is not None and name in _ENUM_FIELDS:
            value = _ENUM_FIELDS[name](value)
        values[name] = value
    return _EVENT_CLASSES[kind](**values)


def _advisory_key(site_id: uuid.UUID, day: date) -> int:
    digest = hashlib.blake2b(f"triage:{site_id}:{day.isoformat()}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def load_day(uow: UnitOfWork, *, day: date, lock: bool) -> TriageDay:
    """The site's triage day replayed from its events; `lock` serialises writers of the day."""
    if lock and uow.dialect == "postgresql":
        uow.session.execute(
            text("SELECT pg_advisory_xact_lock(:key)"),
            {"key": _advisory_key(uow.actor.site_id, day)},
        )
    # On SQLite a writing unit of work already holds the write lock since BEGIN IMMEDIATE.
    rows = uow.session.execute(
        select(RecordedTriageEvent.kind, RecordedTriageEvent.payload)
        .where(RecordedTriageEvent.site_id == uow.actor.site_id, RecordedTriageEvent.day == day)
        .order_by(RecordedTriageEvent.sequence)
    ).all()
    return engine.replay(decode_event(kind, payload) for kind, payload in rows)


def _append(
    uow: UnitOfWork, day: date, state: TriageDay, events: Sequence[TriageEvent]
) -> list[TriageStep]:
    """Apply `events` to the day and store them with the next sequence numbers."""
    steps: list[TriageStep] = []
    for event in events:
        state.apply(event)
        sequence = len(state.events)
        uow.session.add(
            RecordedTriageEvent(
                day=day,
                sequence=sequence,
                kind=type(event).__name__,
                payload=encode_event(event),
                occurred_at=event.at,
                acted_by=event.by,
            )
        )
        steps.append(_step(sequence, event))
    uow.session.flush()
    return steps


def _step(sequence: int, event: TriageEvent) -> TriageStep:
    arrival = getattr(event, "arrival_id", None)
    consultant = getattr(event, "consultant_id", None) or getattr(event, "to_id", None)
    return TriageStep(
        sequence,
        type(event).__name__,
        uuid.UUID(arrival) if arrival else None,
        uuid.UUID(consultant) if consultant else None,
    )


def _by(actor: Actor) -> str:
    return str(actor.user_id) if actor.user_id is not None else actor.username


def _open(uow: UnitOfWork, now: datetime) -> tuple[date, TriageDay, datetime]:
    """The locked day of `now`, and `now` kept no earlier than its last event.

    Two PCs' clocks differ a little; the log stays in time order whatever clock acted last.
    """
    day = clinic_day(now)
    state = load_day(uow, day=day, lock=True)
    last = state.last_event_at
    return day, state, max(now, last) if last is not None else now


def _record(
    uow: UnitOfWork, day: date, state: TriageDay, events: Sequence[TriageEvent]
) -> TriageResult:
    steps = _append(uow, day, state, events)
    uow.changes.touch(RecordedTriageEvent.__tablename__)
    return TriageResult(tuple(steps))


def _advance(
    uow: UnitOfWork, day: date, state: TriageDay, now: datetime, policy: TriagePolicy
) -> list[TriageStep]:
    by = _by(uow.actor)
    steps = _append(uow, day, state, engine.due_timeouts(state, now=now, by=by, policy=policy))
    while (offer := engine.next_offer(state, now=now, by=by, policy=policy)) is not None:
        steps += _append(uow, day, state, [offer])
    return steps


# --- commands -----------------------------------------------------------------------------------


def queue(
    uow: UnitOfWork,
    *,
    arrival_id: uuid.UUID,
    visit_class: VisitClass,
    form_completed_at: datetime,
    rotation: Rotation,
    not_counted_reason: NotCountedReason | None,
    named_consultant_id: uuid.UUID | None,
    now: datetime,
) -> TriageResult:
    """Put a recorded arrival in the day's queue: their waiting clock is running."""
    require(uow.actor, Action.ARRIVAL_RECORD)
    day, state, now = _open(uow, now)
    event = engine.queue_arrival(
        state,
        arrival_id=str(arrival_id),
        visit_class=visit_class,
        form_completed_at=form_completed_at,
        at=now,
        by=_by(uow.actor),
        not_counted_reason=not_counted_reason,
        named_consultant_id=str(named_consultant_id) if named_consultant_id else None,
        rotation=rotation,
    )
    return _record(uow, day, state, [event])


def offer_next(
    uow: UnitOfWork, *, now: datetime, policy: TriagePolicy = DEFAULT_POLICY
) -> TriageResult:
    """Apply the time-outs that are due, then offer every customer who can be offered now."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = _open(uow, now)
    steps = _advance(uow, day, state, now, policy)
    uow.changes.touch(RecordedTriageEvent.__tablename__)
    return TriageResult(tuple(steps))


def apply_time_outs(
    uow: UnitOfWork, *, now: datetime, policy: TriagePolicy = DEFAULT_POLICY
) -> TriageResult:
    """Pass on offers not answered in time and flag customers who waited the longest allowed."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = _open(uow, now)
    events = engine.due_timeouts(state, now=now, by=_by(uow.actor), policy=policy)
    return _record(uow, day, state, events)


def accept_offer(uow: UnitOfWork, *, arrival_id: uuid.UUID, now: datetime) -> TriageResult:
    """The consultant acting accepts the customer offered to them."""
    require(uow.actor, Action.TRIAGE_RESPOND)
    day, state, now = _open(uow, now)
    event = engine.accept(
        state, arrival_id=str(arrival_id), consultant_id=_by(uow.actor), at=now, by=_by(uow.actor)
    )
    return _record(uow, day, state, [event])


def decline_offer(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, now: datetime, reason: str = ""
) -> TriageResult:
    """The consultant acting declines the customer offered to them; the turn is spent."""
    require(uow.actor, Action.TRIAGE_RESPOND)
    day, state, now = _open(uow, now)
    me = _by(uow.actor)
    events = engine.decline(
        state, arrival_id=str(arrival_id), consultant_id=me, at=now, by=me, reason=reason
    )
    return _record(uow, day, state, events)


def mark_call_unanswered(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, now: datetime, policy: TriagePolicy = DEFAULT_POLICY
) -> TriageResult:
    """The front desk rang the offered consultant in vain; the second such call passes the turn."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = _open(uow, now)
    offer = state.arrival(str(arrival_id)).offer
    if offer is None:
        raise engine.OfferNoLongerOpen(arrival_id=str(arrival_id), why="not_offered")
    events = engine.unanswered_call(
        state,
        arrival_id=str(arrival_id),
        consultant_id=offer.consultant_id,
        at=now,
        by=_by(uow.actor),
        policy=policy,
    )
    return _record(uow, day, state, events)


def direct(
    uow: UnitOfWork,
    *,
    arrival_id: uuid.UUID,
    consultant_id: uuid.UUID,
    now: datetime,
    reason: str = "",
    policy: TriagePolicy = DEFAULT_POLICY,
) -> TriageResult:
    """点诊: a supervisor gives a waiting customer to a consultant of their choice."""
    require(uow.actor, Action.TRIAGE_DIRECT)
    day, state, now = _open(uow, now)
    events = engine.direct(
        state,
        arrival_id=str(arrival_id),
        consultant_id=str(consultant_id),
        at=now,
        by=_by(uow.actor),
        reason=reason,
        policy=policy,
    )
    return _record(uow, day, state, events)


def reassign(
    uow: UnitOfWork,
    *,
    arrival_id: uuid.UUID,
    to_consultant_id: uuid.UUID,
    customer_consent: bool,
    director_checked: bool,
    now: datetime,
    reason: str = "",
    policy: TriagePolicy = DEFAULT_POLICY,
) -> TriageResult:
    """改派: the supervisor acting confirms a received customer's change of consultant."""
    require(uow.actor, Action.REASSIGN_CONFIRM)
    day, state, now = _open(uow, now)
    current = state.arrival(str(arrival_id)).consultant_id
    if current is None:
        raise engine.ArrivalNotWithConsultant(arrival_id=str(arrival_id), consultant_id=None)
    me = _by(uow.actor)
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
    return _record(uow, day, state, [event])


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
    day, state, now = _open(uow, now)
    event = engine.join(
        state,
        consultant_id=str(consultant_id),
        rotation_order=rotation_order,
        at=now,
        by=_by(uow.actor),
        half_day=half_day,
    )
    return _record(uow, day, state, [event])


def leave_rotation(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, now: datetime, reason: str = ""
) -> TriageResult:
    """A consultant goes off duty; a customer offered to them passes on."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = _open(uow, now)
    state.consultant(str(consultant_id))
    events = engine.leave(
        state, consultant_id=str(consultant_id), at=now, by=_by(uow.actor), reason=reason
    )
    return _record(uow, day, state, events)


def set_busy(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, busy: bool, now: datetime
) -> TriageResult:
    """Mark a consultant busy with a customer, or free again."""
    require(uow.actor, Action.TRIAGE_OPERATE)
    day, state, now = _open(uow, now)
    state.consultant(str(consultant_id))
    kind = ConsultantBusy if busy else ConsultantFree
    return _record(
        uow, day, state, [kind(at=now, by=_by(uow.actor), consultant_id=str(consultant_id))]
    )


def suspend_consultant(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, until: datetime, now: datetime, reason: str
) -> TriageResult:
    """停诊: a supervisor takes a consultant out of the rotation until `until`."""
    require(uow.actor, Action.TRIAGE_DIRECT)
    day, state, now = _open(uow, now)
    state.consultant(str(consultant_id))
    events = engine.suspend(
        state,
        consultant_id=str(consultant_id),
        until=until,
        at=now,
        by=_by(uow.actor),
        reason=reason,
    )
    return _record(uow, day, state, events)


# --- reading ------------------------------------------------------------------------------------


def wait_level(minutes: int) -> WaitLevel:
    """The colour of a waiting customer's timer."""
    if minutes >= WAIT_OVERDUE_MINUTES:
        return WaitLevel.OVERDUE
    if minutes >= WAIT_LATE_MINUTES:
        return WaitLevel.LATE
    if minutes >= WAIT_WARNING_MINUTES:
        return WaitLevel.WARNING
    return WaitLevel.CALM


def queue_board(
    uow: UnitOfWork, *, day: date, now: datetime, policy: TriagePolicy = DEFAULT_POLICY
) -> QueueBoard:
    """Waiting customers with their timers, each consultant's state and whose turn it is."""
    require(uow.actor, Action.ARRIVAL_VIEW)
    state = load_day(uow, day=day, lock=False)
    pending = [a for a in state.arrivals() if a.consultant_id is None]
    customers = _customers_of(uow, [uuid.UUID(a.arrival_id) for a in pending])
    waiting = []
    for record in sorted(pending, key=lambda a: a.priority_key):
        name, file_number = customers.get(uuid.UUID(record.arrival_id), ("", ""))
        minutes = max(0, int((now - record.form_completed_at).total_seconds() // 60))
        offer = record.offer
        waiting.append(
            WaitingCustomerRow(
                arrival_id=uuid.UUID(record.arrival_id),
                customer_name=name,
                file_number=file_number,
                visit_class=record.visit_class,
                rotation=record.rotation,
                minutes_waited=minutes,
                wait_level=wait_level(minutes),
                offered_to_id=uuid.UUID(offer.consultant_id) if offer else None,
                respond_by=offer.respond_by if offer else None,
                needs_direction=record.needs_direction,
            )
        )
    names = _names_of(uow, [uuid.UUID(c.consultant_id) for c in state.consultants()])
    consultants = tuple(
        ConsultantOnBoardRow(
            consultant_id=uuid.UUID(c.consultant_id),
            name=names.get(uuid.UUID(c.consultant_id), ""),
            state=engine.consultant_state(state, c.consultant_id, now, policy),
            offered_arrival_id=uuid.UUID(c.offer_arrival_id) if c.offer_arrival_id else None,
        )
        for c in state.consultants()
    )
    turns = []
    for rotation in Rotation:
        turn = engine.whose_turn(state, rotation, now, policy)
        turns.append((rotation, uuid.UUID(turn) if turn else None))
    return QueueBoard(day, tuple(waiting), consultants, tuple(turns), len(state.events))


def last_sequence(uow: UnitOfWork, *, day: date) -> int:
    """The day's newest event number: a cheap check whether another PC has acted."""
    return (
        uow.session.scalar(
            select(func.max(RecordedTriageEvent.sequence)).where(
                RecordedTriageEvent.site_id == uow.actor.site_id, RecordedTriageEvent.day == day
            )
        )
        or 0
    )


def _customers_of(
    uow: UnitOfWork, arrival_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[str, str]]:
    if not arrival_ids:
        return {}
    rows = uow.session.execute(
        select(Arrival.id, Customer.name, Customer.file_number)
        .join(Customer, Customer.id == Arrival.customer_id)
        .where(Arrival.id.in_(arrival_ids))
    ).all()
    return {row.id: (row.name, row.file_number) for row in rows}


def _names_of(uow: UnitOfWork, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not user_ids:
        return {}
    rows = uow.session.execute(
        select(UserAccount.id, UserAccount.display_name).where(UserAccount.id.in_(user_ids))
    ).all()
    return {row.id: row.display_name for row in rows}
