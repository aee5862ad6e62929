"""The consultant's desk: the customers offered to me and today's customers, read from triage.

An offered customer is shown without the inquiry item (seed 003): the item appears only once
the consultant has received the customer (accepted, directed or reassigned to them).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.domain.triage_policy import Accepted, Directed, Reassigned, VisitClass
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival
from lorch_desk.services import triage
from lorch_desk.services.access import require

DECLINE_REASON_MAX_LENGTH = 200


@dataclass(frozen=True, slots=True)
class OfferedCustomerRow:
    """A customer offered to me: no inquiry item until I accept."""

    arrival_id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    file_number: str
    visit_class: VisitClass
    offered_at: datetime
    respond_by: datetime


@dataclass(frozen=True, slots=True)
class DeskCustomerRow:
    """A customer I (or, for a doctor, a consultant) received today."""

    arrival_id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    file_number: str
    visit_class: VisitClass
    received_at: datetime
    received_how: str  # accepted, directed or reassigned
    inquiry_item: str
    consultant_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class ConsultantDesk:
    day: date
    offers: tuple[OfferedCustomerRow, ...]
    customers: tuple[DeskCustomerRow, ...]


def get_consultant_desk(uow: UnitOfWork, *, now: datetime) -> ConsultantDesk:
    """My offers and today's customers; a doctor sees every customer received today."""
    require(uow.actor, Action.ARRIVAL_VIEW)
    day = triage.clinic_day(now)
    state = triage.load_day(uow, day=day, lock=False)
    me = str(uow.actor.user_id)
    everyone = uow.actor.role is not Role.CONSULTANT
    offered = [a for a in state.arrivals() if a.offer is not None and a.offer.consultant_id == me]
    received = [
        a
        for a in state.arrivals()
        if a.consultant_id is not None and (everyone or a.consultant_id == me)
    ]
    ids = [uuid.UUID(a.arrival_id) for a in (*offered, *received)]
    facts = _arrival_facts(uow, ids)
    how = _received_how(state.events)
    offers = tuple(
        OfferedCustomerRow(
            arrival_id=uuid.UUID(a.arrival_id),
            customer_id=facts[a.arrival_id][0],
            customer_name=facts[a.arrival_id][1],
            file_number=facts[a.arrival_id][2],
            visit_class=a.visit_class,
            offered_at=a.offer.offered_at,  # type: ignore[union-attr]
            respond_by=a.offer.respond_by,  # type: ignore[union-attr]
        )
        for a in offered
    )
    customers = tuple(
        DeskCustomerRow(
            arrival_id=uuid.UUID(a.arrival_id),
            customer_id=facts[a.arrival_id][0],
            customer_name=facts[a.arrival_id][1],
            file_number=facts[a.arrival_id][2],
            visit_class=a.visit_class,
            received_at=a.received_at,  # type: ignore[arg-type]
            received_how=how.get(a.arrival_id, "accepted"),
            inquiry_item=facts[a.arrival_id][3],
            consultant_id=uuid.UUID(a.consultant_id),  # type: ignore[arg-type]
        )
        for a in sorted(received, key=lambda a: a.received_at, reverse=True)  # type: ignore[arg-type, return-value]
    )
    return ConsultantDesk(day, offers, customers)


def accept_offered_customer(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, now: datetime
) -> ConsultantDesk:
    """Accept the customer offered to me; a timed-out or taken offer is refused, nothing changes."""
    triage.accept_offer(uow, arrival_id=arrival_id, now=now)
    return get_consultant_desk(uow, now=now)


def decline_offered_customer(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, reason: str, now: datetime
) -> ConsultantDesk:
    """Decline the customer offered to me, saying why; the turn is spent (seed 003)."""
    why = reason.strip() if isinstance(reason, str) else ""
    if not why:
        raise ValidationFailed(field="reason", rule="required")
    if len(why) > DECLINE_REASON_MAX_LENGTH:
        raise ValidationFailed(field="reason", rule="too_long", maximum=DECLINE_REASON_MAX_LENGTH)
    triage.decline_offer(uow, arrival_id=arrival_id, now=now, reason=why)
    return get_consultant_desk(uow, now=now)


def _arrival_facts(
    uow: UnitOfWork, arrival_ids: list[uuid.UUID]
) -> dict[str, tuple[uuid.UUID, str, str, str]]:
    """Customer id, name, file number and the newest inquiry item of each first arrival."""
    if not arrival_ids:
        return {}
    rows = uow.session.execute(
        select(Arrival.id, Arrival.customer_id, Customer.name, Customer.file_number)
        .join(Customer, Customer.id == Arrival.customer_id)
        .where(Arrival.id.in_(arrival_ids))
    ).all()
    facts = {}
    for arrival_id, customer_id, name, file_number in rows:
        facts[str(arrival_id)] = (customer_id, name, file_number, _newest_item(uow, arrival_id))
    return facts


def _newest_item(uow: UnitOfWork, arrival_id: uuid.UUID) -> str:
    """The inquiry item of the newest correction of an arrival."""
    item = uow.session.scalar(select(Arrival.inquiry_item).where(Arrival.id == arrival_id))
    while True:
        newer = uow.session.execute(
            select(Arrival.id, Arrival.inquiry_item).where(
                Arrival.corrects_arrival_id == arrival_id
            )
        ).first()
        if newer is None:
            return item or ""
        arrival_id, item = newer


def _received_how(events: tuple[object, ...]) -> dict[str, str]:
    how: dict[str, str] = {}
    for event in events:
        if isinstance(event, Accepted):
            how[event.arrival_id] = "accepted"
        elif isinstance(event, Directed):
            how[event.arrival_id] = "directed"
        elif isinstance(event, Reassigned):
            how[event.arrival_id] = "reassigned"
    return how
