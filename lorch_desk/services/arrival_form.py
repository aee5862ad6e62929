"""What the arrival form (到访登记) needs besides saving: the customer, the consultants to name,
the visit-class suggestion as the receptionist fills in the facts, and corrections that keep
the day's queue right.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import age_on
from lorch_desk.domain.errors import NotFound
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.triage_policy import Rotation
from lorch_desk.domain.visit_classes import VisitClass, VisitReason, suggest_visit_class
from lorch_desk.models.base import utc_now
from lorch_desk.services import arrivals, triage
from lorch_desk.services.access import require
from lorch_desk.services.arrivals import ArrivalDetail, ArrivalInput
from lorch_desk.services.inquiries import InquiryRow, find_inquiries_for_arrival
from lorch_desk.services.queue_board import RosterCandidate, active_consultants


@dataclass(frozen=True, slots=True)
class ArrivalFormData:
    """The customer the form is for, the consultants to pick from, and a correction's original."""

    customer_id: uuid.UUID
    customer_name: str
    file_number: str
    age: int | None
    channel: str
    referrer_name: str
    consultants: tuple[RosterCandidate, ...]
    original: ArrivalDetail | None
    # The customer's open leads: the arrival inherits the one the receptionist picks.
    inquiries: tuple[InquiryRow, ...] = ()


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    """The suggested visit class, why, and whether it goes to the small rotation."""

    visit_class: VisitClass
    reasons: tuple[VisitReason, ...]
    rotation: Rotation


def open_arrival_form(
    uow: UnitOfWork, *, customer_id: uuid.UUID | None = None, arrival_id: uuid.UUID | None = None
) -> ArrivalFormData:
    """The form for a new arrival of `customer_id`, or for correcting arrival `arrival_id`."""
    require(uow.actor, Action.ARRIVAL_RECORD)
    original = None
    if arrival_id is not None:
        latest = arrivals.latest_record(uow, arrival_id)
        original = arrivals.arrival_detail(uow, latest)
        customer_id = latest.customer_id
    if customer_id is None:
        raise NotFound(customer_id=None)
    customer = arrivals.live_customer(uow, customer_id)
    return ArrivalFormData(
        customer_id=customer.id,
        customer_name=customer.name,
        file_number=customer.file_number,
        age=age_on(customer.birthday, triage.clinic_day(utc_now())),
        channel=customer.channel,
        referrer_name=customer.referrer_name,
        consultants=tuple(active_consultants(uow)),
        original=original,
        inquiries=()
        if original
        else tuple(find_inquiries_for_arrival(uow, customer_id=customer.id)),
    )


def suggest_for(
    uow: UnitOfWork, *, customer_id: uuid.UUID, data: ArrivalInput, now: datetime | None = None
) -> SuggestionRow:
    """The class `record_arrival` would suggest for these facts (the form shows it live)."""
    require(uow.actor, Action.ARRIVAL_RECORD)
    customer = arrivals.live_customer(uow, customer_id)
    day = triage.clinic_day(now or utc_now())
    suggestion = suggest_visit_class(arrivals.arrival_facts(uow, customer, data, day))
    chosen = VisitClass(data.visit_class) if data.visit_class else suggestion.visit_class
    return SuggestionRow(
        suggestion.visit_class, suggestion.reasons, arrivals.rotation_of(chosen, suggestion)
    )


def correct_and_requeue(
    uow: UnitOfWork, *, arrival_id: uuid.UUID, data: ArrivalInput, now: datetime | None = None
) -> ArrivalDetail:
    """Correct an arrival (a new record referencing it) and, while it still waits, route it anew.

    `arrival_id` may name any record of the arrival: its newest one is corrected.
    """
    latest = arrivals.latest_record(uow, arrival_id)
    return arrivals.correct_arrival(uow, arrival_id=latest.id, data=data, now=now)


__all__ = [
    "ArrivalFormData",
    "SuggestionRow",
    "correct_and_requeue",
    "open_arrival_form",
    "suggest_for",
]
