"""The triage day's event log in the database: encoding, the day's lock, replay and append.

A site's day is its stored events, replayed. A writer loads the day under a lock
(PostgreSQL: a transaction-scoped advisory lock per site and day; SQLite: the writer's BEGIN
IMMEDIATE) and appends with the next sequence numbers; the unique (site, day, sequence) key
refuses a second PC's conflicting append even if a lock were ever missed. On PostgreSQL the
append also sends a NOTIFY on `NOTIFY_CHANNEL` in the same transaction, so other PCs' queue
boards hear of it the moment it commits.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select, text

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.triage import TriageDay
from lorch_desk.domain.triage_policy import (
    Accepted,
    ArrivalCorrected,
    ArrivalQueued,
    CallUnanswered,
    ConsultantBusy,
    ConsultantFree,
    ConsultantJoined,
    ConsultantLeft,
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
    VisitClass,
    WaitLimitReached,
)
from lorch_desk.models.front_desk import RecordedTriageEvent
from lorch_desk.services import triage_days

NOTIFY_CHANNEL = "lorch_triage"

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
        ArrivalCorrected,
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
    """The site's triage day from its events (a kept replay brought up to date, triage_days.py);
    `lock` serialises the writers of the day."""
    if lock and uow.dialect == "postgresql":
        uow.session.execute(
            text("SELECT pg_advisory_xact_lock(:key)"),
            {"key": _advisory_key(uow.actor.site_id, day)},
        )
    # On SQLite a writing unit of work already holds the write lock since BEGIN IMMEDIATE.

    def read_from(first: int) -> list[Any]:
        return list(
            uow.session.execute(
                select(
                    RecordedTriageEvent.id,
                    RecordedTriageEvent.sequence,
                    RecordedTriageEvent.kind,
                    RecordedTriageEvent.payload,
                )
                .where(
                    RecordedTriageEvent.site_id == uow.actor.site_id,
                    RecordedTriageEvent.day == day,
                    RecordedTriageEvent.sequence >= first,
                )
                .order_by(RecordedTriageEvent.sequence)
            )
        )

    database = uow.session.get_bind().engine.url.render_as_string(hide_password=True)
    return triage_days.rebuild((database, uow.actor.site_id, day), read_from, decode_event)


def append_events(
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


def acting_as(actor: Actor) -> str:
    """How the event log names who acted: the user's id (a system actor by its name)."""
    return str(actor.user_id) if actor.user_id is not None else actor.username


def open_day(uow: UnitOfWork, now: datetime) -> tuple[date, TriageDay, datetime]:
    """The locked day of `now`, and `now` kept no earlier than its last event.

    Two PCs' clocks differ a little; the log stays in time order whatever clock acted last.
    """
    day = clinic_day(now)
    state = load_day(uow, day=day, lock=True)
    last = state.last_event_at
    return day, state, max(now, last) if last is not None else now


def record_events(
    uow: UnitOfWork, day: date, state: TriageDay, events: Sequence[TriageEvent]
) -> TriageResult:
    """Append `events` to the day and announce them (see `announce`)."""
    return announce(uow, day, append_events(uow, day, state, events))


def announce(uow: UnitOfWork, day: date, steps: Sequence[TriageStep]) -> TriageResult:
    """Say the day changed: in the ChangeSet, and on PostgreSQL by NOTIFY when it commits."""
    uow.changes.touch(RecordedTriageEvent.__tablename__)
    if steps and uow.dialect == "postgresql":
        uow.session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": NOTIFY_CHANNEL, "payload": notify_payload(uow.actor.site_id, day)},
        )
    return TriageResult(tuple(steps))


def notify_payload(site_id: uuid.UUID, day: date) -> str:
    """What a NOTIFY of a site's day carries, so a listener hears only its own site."""
    return f"{site_id}/{day.isoformat()}"
