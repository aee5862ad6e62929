"""回访: today's call list per staff member, the call log, and effective follow-ups.

A consultant sees the calls to their own customers; the customer-service desk sees its own
and the shared pool; managers see everyone's. A call is logged with its outcome, notes and
next step (which may plan the next call); a call that reached the customer and was judged
worthwhile is "effective" and keeps the customer with their consultant (seed 003 4.1.1).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.follow_ups import (
    MAX_OFFSET_DAYS,
    CallOutcome,
    FollowUpSource,
    TaskStatus,
    check_call,
)
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action, Role
from lorch_desk.domain.triage_policy import ownership_holds, ownership_window_start
from lorch_desk.models.base import utc_now
from lorch_desk.models.customer import Customer
from lorch_desk.models.follow_ups import FollowUpCall, FollowUpTask
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.follow_up_planning import plan_due_follow_ups
from lorch_desk.services.text_rules import check_length
from lorch_desk.services.triage_settings import site_policy

MAX_NOTES_LENGTH = 2000
# Managers see every list; the desks see their own calls (customer service: and the pool).
_SEES_EVERY_LIST = frozenset({Role.BRANCH_MANAGER, Role.HQ_ADMIN})


@dataclass(frozen=True, slots=True)
class CallListRow:
    """One call to make: who, why, since when it is due, how often it was tried."""

    task_id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    file_number: str
    mobile: str
    due_on: date
    days_overdue: int
    source: FollowUpSource
    reason: str
    assignee_name: str  # "" for the customer-service pool
    attempts: int


@dataclass(frozen=True, slots=True, kw_only=True)
class LogCallInput:
    """What the call-log dialog sends; `next_call_in_days` plans the next call if given."""

    task_id: uuid.UUID
    outcome: CallOutcome | str
    is_effective: bool = False
    notes: str = ""
    next_step: str = ""
    next_call_in_days: int | None = None


@dataclass(frozen=True, slots=True)
class LogCallResult:
    call_id: uuid.UUID
    task_closed: bool
    next_call_on: date | None


def list_call_list(
    uow: UnitOfWork, *, now: datetime | None = None, staff_id: uuid.UUID | None = None
) -> list[CallListRow]:
    """Today's calls of the acting user (overdue first), after planning what the rules ask.

    Managers see every list, or `staff_id`'s only.
    """
    require(uow.actor, Action.FOLLOW_UP_VIEW)
    now = now or utc_now()
    plan_due_follow_ups(uow, now=now)
    today = clinic_time(now).date()
    attempts = (
        select(func.count(FollowUpCall.id))
        .where(FollowUpCall.task_id == FollowUpTask.id)
        .scalar_subquery()
    )
    statement = (
        select(FollowUpTask, Customer, UserAccount.display_name, attempts)
        .join(Customer, Customer.id == FollowUpTask.customer_id)
        .outerjoin(UserAccount, UserAccount.id == FollowUpTask.assignee_id)
        .where(
            FollowUpTask.site_id == uow.actor.site_id,
            FollowUpTask.status == TaskStatus.OPEN.value,
            FollowUpTask.due_on <= today,
            FollowUpTask.deleted_at.is_(None),
        )
        .order_by(FollowUpTask.due_on, Customer.name, FollowUpTask.id)
    )
    if uow.actor.role in _SEES_EVERY_LIST:
        if staff_id is not None:
            statement = statement.where(FollowUpTask.assignee_id == staff_id)
    elif uow.actor.role is Role.CUSTOMER_SERVICE:
        statement = statement.where(
            (FollowUpTask.assignee_id == uow.actor.user_id) | FollowUpTask.assignee_id.is_(None)
        )
    else:
        statement = statement.where(FollowUpTask.assignee_id == uow.actor.user_id)
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    return [
        CallListRow(
            task_id=task.id,
            customer_id=customer.id,
            customer_name=customer.name,
            file_number=customer.file_number,
            mobile=mask_mobile(customer.mobile) if masked else (customer.mobile or ""),
            due_on=task.due_on,
            days_overdue=(today - task.due_on).days,
            source=FollowUpSource(task.source),
            reason=task.reason,
            assignee_name=assignee or "",
            attempts=int(tried or 0),
        )
        for task, customer, assignee, tried in uow.session.execute(statement)
    ]


def log_follow_up_call(
    uow: UnitOfWork, *, data: LogCallInput, now: datetime | None = None
) -> LogCallResult:
    """Log a call of a task; a call that reached the customer (or cannot) closes the task."""
    require(uow.actor, Action.FOLLOW_UP_CALL)
    now = now or utc_now()
    outcome = check_call(data.outcome, data.is_effective)
    notes, next_step = data.notes.strip(), data.next_step.strip()
    check_length(notes, field="notes", maximum=MAX_NOTES_LENGTH)
    check_length(next_step, field="next_step", maximum=MAX_NOTES_LENGTH)
    days = data.next_call_in_days
    if days is not None and (isinstance(days, bool) or not 1 <= days <= MAX_OFFSET_DAYS):
        raise ValidationFailed(
            field="next_call_in_days", rule="range", minimum=1, maximum=MAX_OFFSET_DAYS
        )
    task = uow.session.get(FollowUpTask, data.task_id)
    if task is None or task.deleted_at is not None or task.site_id != uow.actor.site_id:
        raise NotFound(task_id=str(data.task_id))
    if task.status != TaskStatus.OPEN.value:
        raise ValidationFailed(field="task_id", rule="task_done")
    call = FollowUpCall(
        task_id=task.id,
        customer_id=task.customer_id,
        caller_id=uow.actor.user_id,
        called_at=now,
        outcome=outcome.value,
        is_effective=data.is_effective,
        notes=notes,
        next_step=next_step,
    )
    uow.session.add(call)
    uow.session.flush()
    if outcome.closes_task:
        task.status = TaskStatus.DONE.value
        task.done_at = now
    next_on = None
    if days is not None:
        next_on = clinic_time(now).date() + timedelta(days=days)
        uow.session.add(
            FollowUpTask(
                customer_id=task.customer_id,
                due_on=next_on,
                assignee_id=uow.actor.user_id,
                source=FollowUpSource.CALL.value,
                source_id=call.id,
                offset_days=days,
                reason=next_step[: FollowUpTask.reason.type.length],
                status=TaskStatus.OPEN.value,
            )
        )
    uow.session.flush()
    return LogCallResult(call.id, outcome.closes_task, next_on)


def effective_follow_ups(
    uow: UnitOfWork, consultant_id: uuid.UUID, customer_id: uuid.UUID, since: datetime
) -> int:
    """How many effective follow-up calls the consultant made to the customer since `since`.

    A query for the triage service's ownership rule; the caller has checked its permission.
    """
    count = uow.session.scalar(
        select(func.count(FollowUpCall.id)).where(
            FollowUpCall.caller_id == consultant_id,
            FollowUpCall.customer_id == customer_id,
            FollowUpCall.is_effective.is_(True),
            FollowUpCall.called_at >= since,
        )
    )
    return int(count or 0)


def customer_still_owned(
    uow: UnitOfWork,
    *,
    consultant_id: uuid.UUID,
    customer_id: uuid.UUID,
    customer_remembers_consultant: bool = False,
    now: datetime | None = None,
) -> bool:
    """Seed 003 4.1.1: the customer stays the consultant's with enough effective follow-ups
    in the site's window (5 in 3 months by default), or if they remember the consultant."""
    policy = site_policy(uow)
    since = ownership_window_start(now or utc_now(), policy)
    return ownership_holds(
        effective_follow_ups=effective_follow_ups(uow, consultant_id, customer_id, since),
        customer_remembers_consultant=customer_remembers_consultant,
        policy=policy,
    )
