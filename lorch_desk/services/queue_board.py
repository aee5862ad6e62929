"""The queue board: the front desk's view of the rotation now, and the cheap change counter."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain import triage as engine
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.domain.triage_policy import (
    ArrivalRecord,
    ConsultantState,
    Rotation,
    TriagePolicy,
    VisitClass,
)
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival, RecordedTriageEvent
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.triage_log import load_day
from lorch_desk.services.triage_settings import site_policy

# The queue board colours a waiting customer's timer from these minutes on (issue 3 §3).
WAIT_WARNING_MINUTES = 8
WAIT_LATE_MINUTES = 10
WAIT_OVERDUE_MINUTES = 15


class WaitLevel(StrEnum):
    """How long a customer has waited, as the queue board colours it."""

    CALM = "calm"
    WARNING = "warning"  # 8 minutes
    LATE = "late"  # 10 minutes
    OVERDUE = "overdue"  # 15 minutes


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
    form_completed_at: datetime | None = None  # the timer runs from here
    not_counted: bool = False  # goes to a named consultant without taking a turn


@dataclass(frozen=True, slots=True)
class ConsultantOnBoardRow:
    """A consultant who came on duty today, in rotation order, with today's figures."""

    consultant_id: uuid.UUID
    name: str
    state: ConsultantState
    offered_arrival_id: uuid.UUID | None
    rotation_order: int = 0
    received_today: int = 0
    skips_today: int = 0


@dataclass(frozen=True, slots=True)
class ReceivedCustomerRow:
    """A customer received today and by whom (what a reassignment starts from)."""

    arrival_id: uuid.UUID
    customer_name: str
    consultant_id: uuid.UUID
    received_at: datetime


@dataclass(frozen=True, slots=True)
class RosterCandidate:
    """An active consultant not on today's rotation (yet), who may join it."""

    user_id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class QueueBoard:
    """The front desk's view of the rotation now."""

    day: date
    waiting: tuple[WaitingCustomerRow, ...]
    consultants: tuple[ConsultantOnBoardRow, ...]
    whose_turn: tuple[tuple[Rotation, uuid.UUID | None], ...]
    last_sequence: int
    received: tuple[ReceivedCustomerRow, ...] = ()
    off_roster: tuple[RosterCandidate, ...] = ()
    # The next moment an offer runs out or a customer reaches the longest wait (time-outs due).
    next_deadline: datetime | None = None


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
    uow: UnitOfWork, *, day: date, now: datetime, policy: TriagePolicy | None = None
) -> QueueBoard:
    """Waiting customers with their timers, each consultant's state and whose turn it is."""
    require(uow.actor, Action.ARRIVAL_VIEW)
    state = load_day(uow, day=day, lock=False)
    policy = policy or site_policy(uow)
    customers = _customers_of(uow, [uuid.UUID(a.arrival_id) for a in state.arrivals()])
    pending = [a for a in state.arrivals() if a.consultant_id is None]
    waiting = tuple(
        _waiting_row(record, customers, now)
        for record in sorted(pending, key=lambda a: a.priority_key)
    )
    on_board = {uuid.UUID(c.consultant_id) for c in state.consultants()}
    candidates = active_consultants(uow)
    names = {c.user_id: c.name for c in candidates}
    names.update(_names_of(uow, [i for i in on_board if i not in names]))
    consultants = tuple(
        ConsultantOnBoardRow(
            consultant_id=uuid.UUID(c.consultant_id),
            name=names.get(uuid.UUID(c.consultant_id), ""),
            state=engine.consultant_state(state, c.consultant_id, now, policy),
            offered_arrival_id=uuid.UUID(c.offer_arrival_id) if c.offer_arrival_id else None,
            rotation_order=c.rotation_order,
            received_today=sum(1 for a in state.arrivals() if a.consultant_id == c.consultant_id),
            skips_today=state.stats_of(c.consultant_id).skips,
        )
        for c in state.consultants()
    )
    received = tuple(
        ReceivedCustomerRow(
            arrival_id=uuid.UUID(a.arrival_id),
            customer_name=customers.get(uuid.UUID(a.arrival_id), ("", ""))[0],
            consultant_id=uuid.UUID(a.consultant_id),
            received_at=a.received_at or a.form_completed_at,
        )
        for a in state.arrivals()
        if a.consultant_id is not None
    )
    on_duty = {c.consultant_id for c in consultants if c.state is not ConsultantState.OFF_DUTY}
    off_roster = tuple(c for c in candidates if c.user_id not in on_duty)
    turns = []
    for rotation in Rotation:
        turn = engine.whose_turn(state, rotation, now, policy)
        turns.append((rotation, uuid.UUID(turn) if turn else None))
    return QueueBoard(
        day,
        waiting,
        consultants,
        tuple(turns),
        len(state.events),
        received,
        off_roster,
        _next_deadline(pending, policy),
    )


def _waiting_row(
    record: ArrivalRecord, customers: dict[uuid.UUID, tuple[str, str]], now: datetime
) -> WaitingCustomerRow:
    name, file_number = customers.get(uuid.UUID(record.arrival_id), ("", ""))
    minutes = max(0, int((now - record.form_completed_at).total_seconds() // 60))
    offer = record.offer
    return WaitingCustomerRow(
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
        form_completed_at=record.form_completed_at,
        not_counted=record.not_counted_reason is not None,
    )


def _next_deadline(pending: Sequence[ArrivalRecord], policy: TriagePolicy) -> datetime | None:
    moments = []
    for record in pending:
        if record.needs_direction:
            continue
        moments.append(record.form_completed_at + policy.max_wait)
        if record.offer is not None:
            moments.append(record.offer.respond_by)
    return min(moments, default=None)


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


def active_consultants(uow: UnitOfWork) -> list[RosterCandidate]:
    """The site's active consultants by name (for joining the rotation or being named)."""
    rows = uow.session.execute(
        select(UserAccount.id, UserAccount.display_name)
        .where(
            UserAccount.role == Role.CONSULTANT.value,
            UserAccount.site_id == uow.actor.site_id,
            UserAccount.is_active.is_(True),
            UserAccount.deleted_at.is_(None),
        )
        .order_by(UserAccount.display_name)
    ).all()
    return [RosterCandidate(row.id, row.display_name) for row in rows]


def _names_of(uow: UnitOfWork, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not user_ids:
        return {}
    rows = uow.session.execute(
        select(UserAccount.id, UserAccount.display_name).where(UserAccount.id.in_(user_ids))
    ).all()
    return {row.id: row.display_name for row in rows}
