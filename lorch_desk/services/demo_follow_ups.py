"""The demo's customer service: today's follow-up calls (some made), last month's surveys,
last quarter's partner-institution surveys. Every date is relative to the clinic's today, so
the demo looks the same whatever the hour it is built at."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_midnight, clinic_time
from lorch_desk.domain.follow_ups import CallOutcome, FollowUpSource, TaskStatus
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.satisfaction import INSTITUTION_DIMENSIONS, VISIT_DIMENSIONS
from lorch_desk.models.customer import Customer
from lorch_desk.models.follow_ups import FollowUpCall, FollowUpTask
from lorch_desk.models.organisation import Institution
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.follow_up_planning import plan_due_follow_ups
from lorch_desk.services.follow_ups import LogCallInput, log_follow_up_call
from lorch_desk.services.satisfaction import VisitSurveyInput, record_visit_survey
from lorch_desk.services.surveys import quarter_start, record_institution_survey

DEMO_SEED = 20261123
CALLS_DUE_TODAY = 12
CALLS_MADE_TODAY = 4
SURVEYS_LAST_MONTH = 60
# (what the earlier call agreed, what today's call found)
_NEXT_STEPS = (
    ("一周后回访睡眠改善情况", "睡眠明显改善, 继续疗程"),
    ("提醒按时服用营养素", "已按时服用, 无不适"),
    ("术后一周复查红肿情况", "红肿已消退"),
    ("询问检测报告解读后的感受", "希望预约下次调理"),
)


def seed_demo_follow_ups(uow: UnitOfWork, *, now: datetime) -> int:
    """Add the acting site's follow-up calls and surveys; returns the rows written."""
    rng = random.Random(DEMO_SEED)
    site_id = uow.actor.site_id
    staff = uow.session.scalars(
        select(UserAccount)
        .where(
            UserAccount.site_id == site_id,
            UserAccount.role.in_([Role.CONSULTANT.value, Role.CUSTOMER_SERVICE.value]),
        )
        .order_by(UserAccount.username)
    ).all()
    consultants = [user for user in staff if user.role == Role.CONSULTANT.value]
    customers = uow.session.scalars(
        select(Customer.id)
        .where(Customer.site_id == site_id, Customer.deleted_at.is_(None))
        .order_by(Customer.file_number)
        .limit(SURVEYS_LAST_MONTH)
    ).all()
    if not consultants or len(customers) < CALLS_DUE_TODAY:
        return 0
    written = plan_due_follow_ups(uow, now=now)
    written += _calls(uow, now, staff, customers[:CALLS_DUE_TODAY])
    written += _surveys(uow, now, rng, consultants, customers)
    written += _institution_surveys(uow, now, rng)
    return written


def _calls(uow: UnitOfWork, now: datetime, staff, customers) -> int:  # noqa: ANN001
    """A week ago each customer was called and asked to be called again today; a few are done."""
    today = clinic_time(now).date()
    written = 0
    for index, customer_id in enumerate(customers):
        caller = staff[index % len(staff)]
        agreed, found = _NEXT_STEPS[index % len(_NEXT_STEPS)]
        earlier = FollowUpCall(
            customer_id=customer_id,
            caller_id=caller.id,
            called_at=now - timedelta(days=7),
            outcome=CallOutcome.REACHED.value,
            is_effective=True,
            notes="",
            next_step=agreed,
        )
        uow.session.add(earlier)
        uow.session.flush()
        task = FollowUpTask(
            customer_id=customer_id,
            due_on=today,
            assignee_id=caller.id,
            source=FollowUpSource.CALL.value,
            source_id=earlier.id,
            offset_days=7,
            reason=agreed,
            status=TaskStatus.OPEN.value,
        )
        uow.session.add(task)
        uow.session.flush()
        written += 2
        if index < CALLS_MADE_TODAY:
            data = LogCallInput(task_id=task.id, outcome="reached", is_effective=True, notes=found)
            log_follow_up_call(_as(uow, caller), data=data, now=now)
            written += 1
    return written


def _surveys(uow: UnitOfWork, now: datetime, rng: random.Random, consultants, customers) -> int:  # noqa: ANN001
    """Last month's visit surveys; the last consultant's customers were less happy."""
    first_of_month = clinic_time(now).date().replace(day=1)
    last_month = (first_of_month - timedelta(days=1)).replace(day=1)
    for index, customer_id in enumerate(customers):
        consultant = consultants[index % len(consultants)]
        low = 2 if consultant is consultants[-1] and len(consultants) > 1 else 4
        scores = {dimension: rng.randint(low, 5) for dimension in VISIT_DIMENSIONS}
        day = last_month + timedelta(days=index % 28)
        data = VisitSurveyInput(
            customer_id=customer_id,
            consultant_id=consultant.id,
            scores=scores,
            comment=rng.choice(("", "", "环境很好", "等候时间有点长", "咨询师很耐心")),
        )
        record_visit_survey(uow, data=data, now=clinic_midnight(day) + timedelta(hours=17))
    return len(customers)


def _institution_surveys(uow: UnitOfWork, now: datetime, rng: random.Random) -> int:
    """Last quarter's survey of each partner institution."""
    last_quarter = quarter_start(clinic_time(now).date()) - timedelta(days=1)
    institutions = uow.session.scalars(
        select(Institution.id).where(Institution.deleted_at.is_(None)).order_by(Institution.name)
    ).all()
    for institution_id in institutions:
        record_institution_survey(
            uow,
            institution_id=institution_id,
            quarter=last_quarter,
            scores={dimension: rng.randint(3, 5) for dimension in INSTITUTION_DIMENSIONS},
            now=clinic_midnight(last_quarter) + timedelta(hours=10),
        )
    return len(institutions)


def _as(uow: UnitOfWork, user: UserAccount) -> UnitOfWork:
    """The same unit of work acting as the member of staff who made the call."""
    actor = uow.actor
    return UnitOfWork(
        uow.session,
        Actor(
            user.id,
            user.username,
            user.display_name,
            Role(user.role),
            actor.site_id,
            actor.site_code,
            actor.node_id,
        ),
    )
