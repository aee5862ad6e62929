"""Consultation records (咨询记录): notes and outcome, saved as versions that are never edited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.consultations import (
    ConsultationOutcome,
    DocumentSuperseded,
    NotClosedReason,
    check_outcome,
)
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.consultations import ConsultationRecord
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require

NOTES_MAX_LENGTH = 20_000


@dataclass(frozen=True, slots=True)
class ConsultationInput:
    """What the consultant writes: notes, outcome, and the reason when the deal did not close."""

    notes: str
    outcome: ConsultationOutcome | str
    not_closed_reason: NotClosedReason | str | None = None
    not_closed_note: str = ""


@dataclass(frozen=True, slots=True)
class ConsultationDetail:
    id: uuid.UUID
    customer_id: uuid.UUID
    arrival_id: uuid.UUID | None
    consultant_id: uuid.UUID
    consultant_name: str
    day: date
    notes: str
    outcome: ConsultationOutcome
    not_closed_reason: NotClosedReason | None
    not_closed_note: str
    version: int
    recorded_at: datetime
    supersedes_id: uuid.UUID | None


def record_consultation(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    arrival_id: uuid.UUID | None,
    data: ConsultationInput,
    now: datetime | None = None,
) -> ConsultationDetail:
    """Save the consultation of a customer (the outcome feeds the conversion statistics)."""
    require(uow.actor, Action.CONSULTATION_RECORD)
    _require_customer(uow, customer_id)
    if arrival_id is not None and uow.session.get(Arrival, arrival_id) is None:
        raise NotFound(arrival_id=str(arrival_id))
    record = _new_version(uow, data, now or utc_now())
    record.customer_id = customer_id
    record.arrival_id = arrival_id
    uow.session.add(record)
    uow.session.flush()
    return _detail(uow, record)


def correct_consultation(
    uow: UnitOfWork, *, record_id: uuid.UUID, data: ConsultationInput, now: datetime | None = None
) -> ConsultationDetail:
    """Correct a record by a new version that supersedes it; the old one stays as it was."""
    require(uow.actor, Action.CONSULTATION_RECORD)
    old = uow.session.get(ConsultationRecord, record_id)
    if old is None or old.deleted_at is not None:
        raise NotFound(record_id=str(record_id))
    newer = uow.session.scalar(
        select(ConsultationRecord.id).where(ConsultationRecord.supersedes_id == old.id)
    )
    if newer is not None:
        raise DocumentSuperseded(record_id=str(record_id), newer_id=str(newer))
    record = _new_version(uow, data, now or utc_now())
    record.customer_id = old.customer_id
    record.arrival_id = old.arrival_id
    record.day = old.day
    record.version = old.version + 1
    record.supersedes_id = old.id
    uow.session.add(record)
    uow.session.flush()
    return _detail(uow, record)


def list_consultations(uow: UnitOfWork, *, customer_id: uuid.UUID) -> list[ConsultationDetail]:
    """A customer's consultation records, each as its newest version, newest first."""
    require(uow.actor, Action.CONSULTATION_VIEW)
    statement = (
        current_records()
        .where(ConsultationRecord.customer_id == customer_id)
        .order_by(ConsultationRecord.day.desc(), ConsultationRecord.created_at.desc())
    )
    return [_detail(uow, record) for record in uow.session.scalars(statement)]


def current_records():  # noqa: ANN201 - a Select of ConsultationRecord
    """Records that no newer version supersedes (the ones statistics count)."""
    newer = aliased(ConsultationRecord)
    return select(ConsultationRecord).where(
        ConsultationRecord.deleted_at.is_(None),
        ~select(newer.id).where(newer.supersedes_id == ConsultationRecord.id).exists(),
    )


def _new_version(uow: UnitOfWork, data: ConsultationInput, now: datetime) -> ConsultationRecord:
    notes = data.notes.strip() if isinstance(data.notes, str) else ""
    if len(notes) > NOTES_MAX_LENGTH:
        raise ValidationFailed(field="notes", rule="too_long", maximum=NOTES_MAX_LENGTH)
    note = data.not_closed_note.strip() if isinstance(data.not_closed_note, str) else ""
    outcome, reason = check_outcome(str(data.outcome or ""), data.not_closed_reason, note)
    return ConsultationRecord(
        consultant_id=uow.actor.user_id,
        day=clinic_time(now).date(),
        notes=notes,
        outcome=outcome.value,
        not_closed_reason=reason.value if reason else None,
        not_closed_note=note if reason else "",
        version=1,
    )


def _require_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> None:
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer")


def _detail(uow: UnitOfWork, record: ConsultationRecord) -> ConsultationDetail:
    name = uow.session.scalar(
        select(UserAccount.display_name).where(UserAccount.id == record.consultant_id)
    )
    return ConsultationDetail(
        id=record.id,
        customer_id=record.customer_id,
        arrival_id=record.arrival_id,
        consultant_id=record.consultant_id,
        consultant_name=name or "",
        day=record.day,
        notes=record.notes,
        outcome=ConsultationOutcome(record.outcome),
        not_closed_reason=NotClosedReason(record.not_closed_reason)
        if record.not_closed_reason
        else None,
        not_closed_note=record.not_closed_note,
        version=record.version,
        recorded_at=record.created_at,
        supersedes_id=record.supersedes_id,
    )
