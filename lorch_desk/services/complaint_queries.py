"""投诉 read side: the complaint list (overdue ones flagged) and one complaint with its steps."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.complaints import (
    ComplaintChannel,
    ComplaintStatus,
    ComplaintStepKind,
    is_overdue,
    next_steps,
    suspends_consultant,
)
from lorch_desk.domain.errors import NotFound
from lorch_desk.domain.permissions import Action
from lorch_desk.models.complaints import Complaint, ComplaintStep
from lorch_desk.models.staff import Attachment, UserAccount
from lorch_desk.services.access import require

SIGNATURE_PURPOSE = "customer_signature"
LIST_LIMIT = 500


@dataclass(frozen=True, slots=True)
class ComplaintRow:
    """One line of the complaint list."""

    id: uuid.UUID
    number: str
    received_at: datetime
    customer_name: str
    contact: str
    channel: ComplaintChannel
    status: ComplaintStatus
    plan_deadline: date | None
    cause: str
    is_overdue: bool
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class ComplaintStepRow:
    """One step taken on a complaint, as recorded."""

    kind: ComplaintStepKind
    recorded_at: datetime
    recorded_by_name: str
    text: str
    department: str
    responsible_person: str
    deadline: date | None
    choice: str
    staff_name: str
    is_service_attitude: bool
    has_signature: bool


@dataclass(frozen=True, slots=True)
class ComplaintDetail:
    """A complaint's form: intake, every step so far, what may come next, the signature."""

    row: ComplaintRow
    customer_id: uuid.UUID | None
    matter: str
    about_staff_id: uuid.UUID | None
    about_staff_name: str
    received_by_name: str
    handling: str
    escalated_to_name: str
    is_service_attitude: bool
    steps: tuple[ComplaintStepRow, ...]
    next_steps: tuple[ComplaintStepKind, ...]
    signature_png: bytes | None
    is_consultant_suspended: bool

    @property
    def may_suspend_consultant(self) -> bool:
        """A service-attitude cause names a staff member who was not suspended for it yet."""
        return (
            suspends_consultant(self.row.cause, self.is_service_attitude)
            and self.about_staff_id is not None
            and not self.is_consultant_suspended
        )


def list_complaints(
    uow: UnitOfWork,
    *,
    today: date | None = None,
    open_only: bool = False,
    overdue_only: bool = False,
) -> list[ComplaintRow]:
    """This site's complaints, newest first; overdue ones (deadline passed, open) flagged."""
    require(uow.actor, Action.COMPLAINT_VIEW)
    today = today or clinic_today()
    statement = select(Complaint).where(
        Complaint.site_id == uow.actor.site_id, Complaint.deleted_at.is_(None)
    )
    if open_only or overdue_only:
        statement = statement.where(Complaint.status != ComplaintStatus.CLOSED.value)
    if overdue_only:
        statement = statement.where(Complaint.plan_deadline < today)
    statement = statement.order_by(Complaint.received_at.desc()).limit(LIST_LIMIT)
    return [complaint_row(complaint, today) for complaint in uow.session.scalars(statement)]


def get_complaint(
    uow: UnitOfWork, *, complaint_id: uuid.UUID, today: date | None = None
) -> ComplaintDetail:
    """One complaint with its steps in the order they were taken."""
    require(uow.actor, Action.COMPLAINT_VIEW)
    complaint = load_complaint(uow, complaint_id)
    steps = uow.session.scalars(
        select(ComplaintStep)
        .where(ComplaintStep.complaint_id == complaint.id)
        .order_by(ComplaintStep.recorded_at, ComplaintStep.id)
    ).all()
    names = _staff_names(
        uow,
        {complaint.about_staff_id, complaint.escalated_to_id, *(s.staff_id for s in steps)},
    )
    signature_id = next(
        (s.signature_attachment_id for s in reversed(steps) if s.signature_attachment_id), None
    )
    signature = uow.session.get(Attachment, signature_id) if signature_id else None
    row = complaint_row(complaint, today or clinic_today())
    return ComplaintDetail(
        row=row,
        customer_id=complaint.customer_id,
        matter=complaint.matter,
        about_staff_id=complaint.about_staff_id,
        about_staff_name=names.get(complaint.about_staff_id, ""),
        received_by_name=complaint.received_by_name,
        handling=complaint.handling,
        escalated_to_name=names.get(complaint.escalated_to_id, ""),
        is_service_attitude=complaint.is_service_attitude,
        steps=tuple(_step_row(step, names) for step in steps),
        next_steps=next_steps(row.status),
        signature_png=signature.content if signature else None,
        is_consultant_suspended=any(
            s.kind == ComplaintStepKind.SUSPEND_CONSULTANT.value for s in steps
        ),
    )


def load_complaint(uow: UnitOfWork, complaint_id: uuid.UUID) -> Complaint:
    """The live complaint of this site with `complaint_id`, else NotFound."""
    complaint = uow.session.get(Complaint, complaint_id)
    if complaint is None or complaint.deleted_at is not None:
        raise NotFound(entity="complaint", id=str(complaint_id))
    return complaint


def complaint_row(complaint: Complaint, today: date) -> ComplaintRow:
    """The list line of `complaint`, overdue as of `today`."""
    status = ComplaintStatus(complaint.status)
    return ComplaintRow(
        id=complaint.id,
        number=complaint.number,
        received_at=complaint.received_at,
        customer_name=complaint.customer_name,
        contact=complaint.contact,
        channel=ComplaintChannel(complaint.channel),
        status=status,
        plan_deadline=complaint.plan_deadline,
        cause=complaint.cause,
        is_overdue=is_overdue(status, complaint.plan_deadline, today),
        closed_at=complaint.closed_at,
    )


def _staff_names(uow: UnitOfWork, ids: set[uuid.UUID | None]) -> dict[uuid.UUID | None, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    users = uow.session.execute(
        select(UserAccount.id, UserAccount.display_name).where(UserAccount.id.in_(wanted))
    )
    return {user_id: name for user_id, name in users}


def _step_row(step: ComplaintStep, names: dict[uuid.UUID | None, str]) -> ComplaintStepRow:
    return ComplaintStepRow(
        kind=ComplaintStepKind(step.kind),
        recorded_at=step.recorded_at,
        recorded_by_name=step.recorded_by_name,
        text=step.text,
        department=step.department,
        responsible_person=step.responsible_person,
        deadline=step.deadline,
        choice=step.choice,
        staff_name=names.get(step.staff_id, ""),
        is_service_attitude=step.is_service_attitude,
        has_signature=step.signature_attachment_id is not None,
    )
