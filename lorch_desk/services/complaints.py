"""投诉: receive a complaint and take its steps in order; each step is a new ledger row.

The order itself is the domain's (domain/complaints.py); this module checks the input, writes
the step and moves the complaint's status. A refused step writes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.complaints import (
    NAME_MAX_LENGTH,
    SUPERVISOR_ROLES,
    ComplaintChannel,
    ComplaintStatus,
    ComplaintStepKind,
    Handling,
    SignOff,
    check_cause,
    check_plan_deadline,
    check_sign_off,
    required_text,
    status_after,
)
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.models.base import utc_now
from lorch_desk.models.complaints import Complaint, ComplaintStep
from lorch_desk.models.customer import Customer
from lorch_desk.models.staff import Attachment, UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.complaint_queries import (
    SIGNATURE_PURPOSE,
    ComplaintDetail,
    get_complaint,
    load_complaint,
)
from lorch_desk.services.numbering import next_number

_E = TypeVar("_E", bound=StrEnum)

NUMBER_KIND = "complaint"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIGNATURE_MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class ComplaintInput:
    """Intake: who complains (a customer, or just a name and contact), how, and about what."""

    matter: str
    channel: ComplaintChannel | str
    customer_id: uuid.UUID | None = None
    customer_name: str = ""
    contact: str = ""
    about_staff_id: uuid.UUID | None = None
    received_at: datetime | None = None


def receive_complaint(
    uow: UnitOfWork, *, data: ComplaintInput, now: datetime | None = None
) -> ComplaintDetail:
    """受理投诉: record the intake; the complaint then waits to be routed."""
    require(uow.actor, Action.COMPLAINT_HANDLE)
    now = now or utc_now()
    received_at = data.received_at or now
    if received_at > now:
        raise ValidationFailed(field="received_at", rule="in_the_future")
    name, contact = data.customer_name.strip(), data.contact.strip()
    if data.customer_id is not None:
        customer = uow.session.get(Customer, data.customer_id)
        if customer is None or customer.deleted_at is not None:
            raise ValidationFailed(field="customer_id", rule="not_found")
        name = name or customer.name
        contact = contact or customer.mobile or customer.phone
    name = required_text(name, "customer_name", NAME_MAX_LENGTH)
    contact = required_text(contact, "contact", NAME_MAX_LENGTH)
    matter = required_text(data.matter, "matter")
    channel = _choice(ComplaintChannel, data.channel, "channel")
    if data.about_staff_id is not None:
        _staff(uow, data.about_staff_id, "about_staff_id")
    complaint = Complaint(
        number=next_number(uow, kind=NUMBER_KIND, when=received_at),
        received_at=received_at,
        customer_id=data.customer_id,
        customer_name=name,
        contact=contact,
        matter=matter,
        channel=channel.value,
        about_staff_id=data.about_staff_id,
        received_by_name=uow.actor.display_name,
        status=ComplaintStatus.RECEIVED.value,
    )
    uow.session.add(complaint)
    uow.session.flush()
    write_step(uow, complaint, ComplaintStepKind.RECEIVE, received_at, text=matter)
    return get_complaint(uow, complaint_id=complaint.id, today=clinic_time(now).date())


def route_complaint(
    uow: UnitOfWork,
    *,
    complaint_id: uuid.UUID,
    handling: Handling | str,
    escalated_to_id: uuid.UUID | None = None,
    note: str = "",
    now: datetime | None = None,
) -> ComplaintDetail:
    """分析问题: handle it within one's own authority, or escalate it to a supervisor."""
    chosen = _choice(Handling, handling, "handling")
    if chosen is Handling.ESCALATED:
        if escalated_to_id is None:
            raise ValidationFailed(field="escalated_to_id", rule="required")
        supervisor = _staff(uow, escalated_to_id, "escalated_to_id")
        if Role(supervisor.role) not in SUPERVISOR_ROLES:
            raise ValidationFailed(field="escalated_to_id", rule="not_a_supervisor")
    else:
        escalated_to_id = None

    def fill(complaint: Complaint) -> dict[str, object]:
        complaint.handling = chosen.value
        complaint.escalated_to_id = escalated_to_id
        return {"choice": chosen.value, "staff_id": escalated_to_id, "text": note.strip()}

    return _take_step(uow, complaint_id, ComplaintStepKind.ROUTE, now, fill)


def add_investigation_note(
    uow: UnitOfWork, *, complaint_id: uuid.UUID, notes: str, now: datetime | None = None
) -> ComplaintDetail:
    """调查: what was found out; several notes may be added before the plan."""
    text = required_text(notes, "notes")
    return _take_step(
        uow, complaint_id, ComplaintStepKind.INVESTIGATE, now, lambda _c: {"text": text}
    )


def plan_complaint(
    uow: UnitOfWork,
    *,
    complaint_id: uuid.UUID,
    measures: str,
    department: str,
    responsible_person: str,
    deadline: date | None,
    now: datetime | None = None,
) -> ComplaintDetail:
    """处理方案: measures, the department and person responsible, and a deadline."""
    text = required_text(measures, "measures")
    department = required_text(department, "department", NAME_MAX_LENGTH)
    person = required_text(responsible_person, "responsible_person", NAME_MAX_LENGTH)

    def fill(complaint: Complaint) -> dict[str, object]:
        day = check_plan_deadline(deadline, clinic_time(complaint.received_at).date())
        complaint.plan_deadline = day
        return {
            "text": text,
            "department": department,
            "responsible_person": person,
            "deadline": day,
        }

    return _take_step(uow, complaint_id, ComplaintStepKind.PLAN, now, fill)


def report_progress(
    uow: UnitOfWork, *, complaint_id: uuid.UUID, text: str, now: datetime | None = None
) -> ComplaintDetail:
    """Tell the customer how the plan is going (a log entry each time)."""
    told = required_text(text, "progress")
    return _take_step(
        uow, complaint_id, ComplaintStepKind.REPORT_PROGRESS, now, lambda _c: {"text": told}
    )


def record_result(
    uow: UnitOfWork,
    *,
    complaint_id: uuid.UUID,
    result: str,
    sign_off: SignOff | str,
    signature_png: bytes | None = None,
    now: datetime | None = None,
) -> ComplaintDetail:
    """处理结果: the result the customer accepted, signed on paper or drawn on the screen."""
    text = required_text(result, "result")
    chosen = check_sign_off(sign_off, bool(signature_png))
    if chosen is SignOff.DRAWN:
        _check_png(signature_png or b"")

    def fill(complaint: Complaint) -> dict[str, object]:
        values: dict[str, object] = {"text": text, "choice": chosen.value}
        if chosen is SignOff.DRAWN:
            values["signature_attachment_id"] = _store_signature(uow, complaint, signature_png)
        return values

    return _take_step(uow, complaint_id, ComplaintStepKind.RECORD_RESULT, now, fill)


def record_cause(
    uow: UnitOfWork,
    *,
    complaint_id: uuid.UUID,
    cause: str,
    is_service_attitude: bool = False,
    analysis: str = "",
    now: datetime | None = None,
) -> ComplaintDetail:
    """原因分析: service, communication or product; a service-attitude cause is marked."""

    def fill(complaint: Complaint) -> dict[str, object]:
        chosen = check_cause(cause, is_service_attitude, complaint.about_staff_id is not None)
        complaint.cause = chosen.value
        complaint.is_service_attitude = is_service_attitude
        return {
            "choice": chosen.value,
            "is_service_attitude": is_service_attitude,
            "text": analysis.strip(),
            "staff_id": complaint.about_staff_id if is_service_attitude else None,
        }

    return _take_step(uow, complaint_id, ComplaintStepKind.RECORD_CAUSE, now, fill)


def summarise_complaint(
    uow: UnitOfWork, *, complaint_id: uuid.UUID, summary: str, now: datetime | None = None
) -> ComplaintDetail:
    """总结: the summary for management and internal circulation."""
    text = required_text(summary, "summary")
    return _take_step(
        uow, complaint_id, ComplaintStepKind.SUMMARISE, now, lambda _c: {"text": text}
    )


def close_complaint(
    uow: UnitOfWork, *, complaint_id: uuid.UUID, now: datetime | None = None
) -> ComplaintDetail:
    """Close a summarised complaint; it is then no longer overdue."""
    moment = now or utc_now()

    def fill(complaint: Complaint) -> dict[str, object]:
        complaint.closed_at = moment
        return {}

    return _take_step(uow, complaint_id, ComplaintStepKind.CLOSE, moment, fill)


def _take_step(
    uow: UnitOfWork,
    complaint_id: uuid.UUID,
    kind: ComplaintStepKind,
    now: datetime | None,
    fill: Callable[[Complaint], dict[str, object]],
) -> ComplaintDetail:
    """Check the order, let `fill` check the input and set the complaint, write the step."""
    require(uow.actor, Action.COMPLAINT_HANDLE)
    now = now or utc_now()
    complaint = load_complaint(uow, complaint_id)
    reached = status_after(ComplaintStatus(complaint.status), kind)
    values = fill(complaint)
    complaint.status = reached.value
    write_step(uow, complaint, kind, now, **values)
    return get_complaint(uow, complaint_id=complaint.id, today=clinic_time(now).date())


def write_step(
    uow: UnitOfWork, complaint: Complaint, kind: ComplaintStepKind, at: datetime, **values: object
) -> ComplaintStep:
    """Append one step to the complaint's ledger of steps."""
    step = ComplaintStep(
        complaint_id=complaint.id,
        kind=kind.value,
        recorded_at=at,
        recorded_by_name=uow.actor.display_name,
        **values,
    )
    uow.session.add(step)
    uow.session.flush()
    return step


def _store_signature(uow: UnitOfWork, complaint: Complaint, png: bytes | None) -> uuid.UUID:
    attachment = Attachment(
        owner_table=Complaint.__tablename__,
        owner_id=complaint.id,
        purpose=SIGNATURE_PURPOSE,
        file_name=f"{complaint.number}-signature.png",
        media_type="image/png",
        content=png,
    )
    uow.session.add(attachment)
    uow.session.flush()
    return attachment.id


def _check_png(content: bytes) -> None:
    if not content.startswith(PNG_SIGNATURE):
        raise ValidationFailed(field="signature", rule="file_type")
    if len(content) > SIGNATURE_MAX_BYTES:
        raise ValidationFailed(field="signature", rule="file_too_large", maximum_mb=1)


def _staff(uow: UnitOfWork, user_id: uuid.UUID, field: str) -> UserAccount:
    user = uow.session.get(UserAccount, user_id)
    if user is None or user.deleted_at is not None or not user.is_active:
        raise ValidationFailed(field=field, rule="not_found")
    return user


def _choice(enum: type[_E], value: object, field: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        raise ValidationFailed(field=field, rule="choice") from None
