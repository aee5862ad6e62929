"""到访登记: recording a customer's arrival, its visit class, and corrections as new records."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_midnight
from lorch_desk.domain.customers import age_on
from lorch_desk.domain.errors import ArrivalIsFinal, ArrivalSuperseded, NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.domain.triage_policy import NotCountedReason, Rotation, rotation_for
from lorch_desk.domain.visit_classes import (
    ArrivalFacts,
    VisitClass,
    VisitPurpose,
    VisitReason,
    VisitSuggestion,
    suggest_visit_class,
)
from lorch_desk.models.base import utc_now
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import triage
from lorch_desk.services.access import require
from lorch_desk.services.customer_class import has_purchased_before
from lorch_desk.services.follow_ups import customer_still_owned
from lorch_desk.services.inquiry_arrivals import inherit_inquiry

__all__ = [
    "ArrivalDetail",
    "ArrivalInput",
    "ArrivalIsFinal",
    "ArrivalRow",
    "ArrivalSuperseded",
    "correct_arrival",
    "list_arrivals",
    "record_arrival",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrivalInput:
    """What the arrival form sends: the facts of the visit and the receptionist's choices."""

    form_completed_at: datetime
    purpose: VisitPurpose | str = VisitPurpose.CONSULTATION
    # The customer's age when the file has no birthday (or the receptionist knows better).
    age: int | None = None
    accompanied_by_parent: bool = False
    refused_details: bool = False
    transferred_from: str | None = None
    has_open_course: bool = False
    known_mental_illness: bool = False
    # None: take the suggested class.
    visit_class: VisitClass | str | None = None
    channel: str = ""
    referrer_name: str = ""
    inquiry_item: str = ""
    named_consultant_id: uuid.UUID | None = None
    not_counted_reason: NotCountedReason | str | None = None
    # Seed 003 4.1.1: a customer who remembers the consultant stays theirs regardless.
    customer_remembers_consultant: bool = False


@dataclass(frozen=True, slots=True)
class ArrivalRow:
    """An arrival in the day's list (its newest correction); `inquiry_item` None when hidden."""

    arrival_id: uuid.UUID
    first_arrival_id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    file_number: str
    form_completed_at: datetime
    visit_class: VisitClass
    rotation: Rotation
    channel: str
    inquiry_item: str | None
    is_correction: bool


@dataclass(frozen=True, slots=True)
class ArrivalDetail:
    """A recorded arrival with its suggestion, as the arrival form shows it."""

    arrival_id: uuid.UUID
    first_arrival_id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    day: date
    arrived_at: datetime
    form_completed_at: datetime
    visit_class: VisitClass
    suggested_visit_class: VisitClass
    suggestion_reasons: tuple[VisitReason, ...]
    rotation: Rotation
    channel: str
    referrer_name: str
    inquiry_item: str | None
    named_consultant_id: uuid.UUID | None
    not_counted_reason: NotCountedReason | None
    corrects_arrival_id: uuid.UUID | None
    # The inquiry the arrival came from, and the staff member who developed that lead.
    inquiry_id: uuid.UUID | None = None
    developer_name: str = ""


def record_arrival(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    data: ArrivalInput,
    now: datetime | None = None,
    inquiry_id: uuid.UUID | None = None,
) -> ArrivalDetail:
    """Record a customer's arrival with its visit class and queue them in the day's triage.

    With `inquiry_id` the arrival inherits the inquiry's channel, developer, item and the
    consultant's pre-booking (services/inquiry_arrivals.py).
    """
    require(uow.actor, Action.ARRIVAL_RECORD)
    now = now or utc_now()
    customer = live_customer(uow, customer_id)
    developer_name = ""
    if inquiry_id is not None:
        data, inquiry = inherit_inquiry(uow, inquiry_id=inquiry_id, customer=customer, data=data)
        developer_name = inquiry.developer_name
    arrival = _new_arrival(uow, customer, data, day=triage.clinic_day(now), now=now)
    arrival.inquiry_id = inquiry_id
    arrival.developer_name = developer_name
    uow.session.add(arrival)
    uow.session.flush()
    triage.queue(uow, arrival_id=arrival.id, terms=_queue_terms(arrival), now=now)
    return _detail(arrival, customer, first_arrival_id=arrival.id, show_inquiry=True)


def correct_arrival(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, data: ArrivalInput, now: datetime | None = None
) -> ArrivalDetail:
    """Correct an arrival by a new record that references it; the old one stays as it was.

    The day's triage keeps the customer's place (the queue follows the first record) and, while
    the customer still waits, routes them by the corrected class and rotation.
    """
    require(uow.actor, Action.ARRIVAL_RECORD)
    now = now or utc_now()
    old = uow.session.get(Arrival, arrival_id)
    if old is None or old.site_id != uow.actor.site_id:
        raise NotFound(arrival_id=str(arrival_id))
    newer = uow.session.scalar(select(Arrival.id).where(Arrival.corrects_arrival_id == old.id))
    if newer is not None:
        raise ArrivalSuperseded(arrival_id=str(arrival_id), newer_id=str(newer))
    customer = live_customer(uow, old.customer_id)
    arrival = _new_arrival(uow, customer, data, day=old.day, now=now)
    arrival.arrived_at = old.arrived_at
    arrival.corrects_arrival_id = old.id
    # A correction keeps where the visit came from.
    arrival.inquiry_id = old.inquiry_id
    arrival.developer_name = old.developer_name
    uow.session.add(arrival)
    uow.session.flush()
    first = _first_of(uow, old)
    triage.requeue_correction(
        uow, arrival_id=first, correction_id=arrival.id, terms=_queue_terms(arrival), now=now
    )
    return _detail(arrival, customer, first_arrival_id=first, show_inquiry=True)


def latest_record(uow: UnitOfWork, arrival_id: uuid.UUID) -> Arrival:
    """The newest record of the arrival that `arrival_id` (any of its records) belongs to."""
    arrival = uow.session.get(Arrival, arrival_id)
    if arrival is None or arrival.site_id != uow.actor.site_id:
        raise NotFound(arrival_id=str(arrival_id))
    while True:
        newer = uow.session.scalar(select(Arrival).where(Arrival.corrects_arrival_id == arrival.id))
        if newer is None:
            return arrival
        arrival = newer


def arrival_detail(uow: UnitOfWork, arrival: Arrival) -> ArrivalDetail:
    """The front desk's view of one arrival record, inquiry item included."""
    customer = live_customer(uow, arrival.customer_id)
    first = _first_of(uow, arrival)
    return _detail(arrival, customer, first_arrival_id=first, show_inquiry=True)


def list_arrivals(uow: UnitOfWork, *, day: date) -> list[ArrivalRow]:
    """The day's arrivals at this site, each as its newest correction, in order of arrival."""
    require(uow.actor, Action.ARRIVAL_VIEW)
    rows = uow.session.execute(
        select(Arrival, Customer.name, Customer.file_number)
        .join(Customer, Customer.id == Arrival.customer_id)
        .where(Arrival.site_id == uow.actor.site_id, Arrival.day == day)
        .order_by(Arrival.arrived_at, Arrival.created_at)
    ).all()
    by_id = {row.Arrival.id: row for row in rows}
    corrected = {row.Arrival.corrects_arrival_id for row in rows} - {None}
    received_by_me = _received_by(uow, day) if uow.actor.role is Role.CONSULTANT else set()
    result = []
    for row in rows:
        arrival = row.Arrival
        if arrival.id in corrected:
            continue
        first = arrival.id
        while by_id[first].Arrival.corrects_arrival_id is not None:
            first = by_id[first].Arrival.corrects_arrival_id  # type: ignore[assignment]
        shown = uow.actor.role is not Role.CONSULTANT or first in received_by_me
        result.append(
            ArrivalRow(
                arrival_id=arrival.id,
                first_arrival_id=first,
                customer_id=arrival.customer_id,
                customer_name=row.name,
                file_number=row.file_number,
                form_completed_at=arrival.form_completed_at,
                visit_class=VisitClass(arrival.visit_class),
                rotation=Rotation(arrival.rotation),
                channel=arrival.channel,
                inquiry_item=arrival.inquiry_item if shown else None,
                is_correction=arrival.corrects_arrival_id is not None,
            )
        )
    result.sort(key=lambda r: by_id[r.first_arrival_id].Arrival.arrived_at)
    return result


def _received_by(uow: UnitOfWork, day: date) -> set[uuid.UUID]:
    """The arrivals the consultant acting has received today (they may see the inquiry item)."""
    me = str(uow.actor.user_id)
    state = triage.load_day(uow, day=day, lock=False)
    return {uuid.UUID(a.arrival_id) for a in state.arrivals() if a.consultant_id == me}


def live_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> Customer:
    """The customer, refused as NotFound when unknown, deleted or merged away."""
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None or customer.merged_into_id is not None:
        raise NotFound(customer_id=str(customer_id))
    return customer


def _new_arrival(
    uow: UnitOfWork, customer: Customer, data: ArrivalInput, *, day: date, now: datetime
) -> Arrival:
    if data.form_completed_at.tzinfo is None:
        raise ValidationFailed(field="form_completed_at", rule="needs_time_zone")
    if data.form_completed_at > now:
        raise ValidationFailed(field="form_completed_at", rule="in_the_future")
    reason = _reason(data.not_counted_reason)
    if (reason is None) != (data.named_consultant_id is None):
        field = "named_consultant_id" if reason is not None else "not_counted_reason"
        raise ValidationFailed(field=field, rule="required_together")
    if data.named_consultant_id is not None:
        _require_consultant(uow, data.named_consultant_id)
        if reason is NotCountedReason.OWNING_CONSULTANT and not customer_still_owned(
            uow,
            consultant_id=data.named_consultant_id,
            customer_id=customer.id,
            customer_remembers_consultant=data.customer_remembers_consultant,
            now=now,
        ):
            # Too few effective follow-ups: the customer goes back to normal triage.
            raise ValidationFailed(field="not_counted_reason", rule="ownership_lapsed")
    suggestion = suggest_visit_class(arrival_facts(uow, customer, data, day))
    chosen = VisitClass(data.visit_class) if data.visit_class else suggestion.visit_class
    return Arrival(
        customer_id=customer.id,
        day=day,
        arrived_at=now,
        form_completed_at=data.form_completed_at,
        visit_class=chosen.value,
        suggested_visit_class=suggestion.visit_class.value,
        suggestion_reasons=[r.value for r in suggestion.reasons],
        rotation=rotation_of(chosen, suggestion).value,
        channel=data.channel.strip(),
        referrer_name=data.referrer_name.strip(),
        inquiry_item=data.inquiry_item.strip(),
        not_counted_reason=reason.value if reason else None,
        named_consultant_id=data.named_consultant_id,
    )


def arrival_facts(
    uow: UnitOfWork, customer: Customer, data: ArrivalInput, day: date
) -> ArrivalFacts:
    """What the visit-class rules of seed 004 look at, from the form and the customer's history."""
    age = data.age if data.age is not None else age_on(customer.birthday, day)
    arrived_before = uow.session.scalar(
        select(Arrival.id).where(Arrival.customer_id == customer.id, Arrival.day < day).limit(1)
    )
    return ArrivalFacts(
        purpose=VisitPurpose(data.purpose),
        age=age,
        accompanied_by_parent=data.accompanied_by_parent,
        refused_details=data.refused_details,
        transferred_from=data.transferred_from,
        has_open_course=data.has_open_course,
        # 再消费: paid for something at the till on an earlier day (not all refunded).
        has_purchased_before=has_purchased_before(uow, customer.id, before=clinic_midnight(day)),
        has_arrived_before=arrived_before is not None,
        known_mental_illness=data.known_mental_illness,
    )


def rotation_of(chosen: VisitClass, suggestion: VisitSuggestion) -> Rotation:
    """Small rotation for the cases of seed 003 §3.7-3.8; gifts are "other" in the main one."""
    if chosen is VisitClass.OTHER and suggestion.visit_class is VisitClass.OTHER:
        return Rotation.SMALL if suggestion.goes_to_small_rotation else Rotation.MAIN
    return rotation_for(chosen)


def _require_consultant(uow: UnitOfWork, user_id: uuid.UUID) -> None:
    user = uow.session.get(UserAccount, user_id)
    if user is None or not user.is_active or user.role != Role.CONSULTANT.value:
        raise ValidationFailed(field="named_consultant_id", rule="not_a_consultant")


def _queue_terms(arrival: Arrival) -> triage.QueueTerms:
    return triage.QueueTerms(
        visit_class=VisitClass(arrival.visit_class),
        form_completed_at=arrival.form_completed_at,
        rotation=Rotation(arrival.rotation),
        not_counted_reason=_reason(arrival.not_counted_reason),
        named_consultant_id=arrival.named_consultant_id,
    )


def _reason(value: NotCountedReason | str | None) -> NotCountedReason | None:
    return NotCountedReason(value) if value else None


def _first_of(uow: UnitOfWork, arrival: Arrival) -> uuid.UUID:
    while arrival.corrects_arrival_id is not None:
        arrival = uow.session.get_one(Arrival, arrival.corrects_arrival_id)
    return arrival.id


def _detail(
    arrival: Arrival, customer: Customer, *, first_arrival_id: uuid.UUID, show_inquiry: bool
) -> ArrivalDetail:
    return ArrivalDetail(
        arrival_id=arrival.id,
        first_arrival_id=first_arrival_id,
        customer_id=customer.id,
        customer_name=customer.name,
        day=arrival.day,
        arrived_at=arrival.arrived_at,
        form_completed_at=arrival.form_completed_at,
        visit_class=VisitClass(arrival.visit_class),
        suggested_visit_class=VisitClass(arrival.suggested_visit_class),
        suggestion_reasons=tuple(VisitReason(r) for r in arrival.suggestion_reasons),
        rotation=Rotation(arrival.rotation),
        channel=arrival.channel,
        referrer_name=arrival.referrer_name,
        inquiry_item=arrival.inquiry_item if show_inquiry else None,
        named_consultant_id=arrival.named_consultant_id,
        not_counted_reason=_reason(arrival.not_counted_reason),
        corrects_arrival_id=arrival.corrects_arrival_id,
        inquiry_id=arrival.inquiry_id,
        developer_name=arrival.developer_name,
    )
