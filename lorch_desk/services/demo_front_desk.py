"""The demo's front desk this morning: consultants on the rotation at headquarters, customers
waiting with different waits and classes, one received, one offer outstanding.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_midnight, clinic_time
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.visit_classes import VisitClass, VisitPurpose
from lorch_desk.models.customer import Customer
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import triage
from lorch_desk.services.arrivals import ArrivalInput, record_arrival

# (minutes before now the form was completed, facts of the arrival); the first one is received.
_ARRIVALS: tuple[tuple[int, dict[str, object]], ...] = (
    (45, {"channel": "walk_in", "inquiry_item": "体检报告解读"}),
    (9, {"channel": "online", "inquiry_item": "抗衰老咨询"}),
    (6, {"channel": "referral", "referrer_name": "王秀英", "inquiry_item": "中医调理",
         "purpose": VisitPurpose.TREATMENT_SESSION, "has_open_course": True}),
    (4, {"channel": "hotline", "inquiry_item": "膏方", "age": 72}),
    (2, {"channel": "walk_in", "inquiry_item": "营养素", "visit_class": VisitClass.REPEAT_PURCHASE}),
)  # fmt: skip
# The script starts this many minutes before now: the rotation opens, then customers arrive.
_SCRIPT_MINUTES = 90


def seed_demo_front_desk(uow: UnitOfWork, *, now: datetime) -> int:
    """Open today's rotation at the acting site and queue the demo's arrivals; how many."""
    consultants = uow.session.scalars(
        select(UserAccount)
        .where(UserAccount.role == Role.CONSULTANT.value, UserAccount.site_id == uow.actor.site_id)
        .order_by(UserAccount.username)
    ).all()
    customers = uow.session.scalars(
        select(Customer.id)
        .where(Customer.site_id == uow.actor.site_id, Customer.deleted_at.is_(None))
        .order_by(Customer.file_number)
        .limit(len(_ARRIVALS))
    ).all()
    if not consultants or len(customers) < len(_ARRIVALS):
        return 0
    before = _script_clock(now)
    for order, user in enumerate(consultants, start=1):
        triage.join_rotation(uow, consultant_id=user.id, rotation_order=order, now=before(90))
    first, *waiting = zip(customers, _ARRIVALS, strict=True)
    received = _arrive(uow, first, before=before, at=44)
    offer = triage.offer_next(uow, now=before(43)).offers[0]
    taker = next(u for u in consultants if u.id == offer.consultant_id)
    triage.accept_offer(_as(uow, taker), arrival_id=received, now=before(42))
    triage.set_busy(uow, consultant_id=taker.id, busy=True, now=before(41))
    # The longest waiting customer is offered; the others were registered after that offer.
    _arrive(uow, waiting[0], before=before, at=8)
    triage.offer_next(uow, now=before(1))
    for item in waiting[1:]:
        _arrive(uow, item, before=before, at=0.5)
    return len(_ARRIVALS)


def _script_clock(now: datetime) -> Callable[[float], datetime]:
    """The time `minutes` before now on the script; squeezed into today when the clinic's day
    is younger than the script (a demo started just after midnight still has its morning)."""
    day_so_far = now - clinic_midnight(clinic_time(now).date())
    scale = min(1.0, day_so_far / timedelta(minutes=_SCRIPT_MINUTES + 1))
    return lambda minutes: now - timedelta(minutes=minutes) * scale


def _arrive(
    uow: UnitOfWork,
    item: tuple[uuid.UUID, tuple[int, dict[str, object]]],
    *,
    before: Callable[[float], datetime],
    at: float,
) -> uuid.UUID:
    """Record an arrival `at` minutes before now, its form completed as the script says."""
    customer_id, (minutes, facts) = item
    data = ArrivalInput(form_completed_at=before(minutes), **facts)  # type: ignore[arg-type]
    return record_arrival(uow, customer_id=customer_id, data=data, now=before(at)).arrival_id


def _as(uow: UnitOfWork, user: UserAccount) -> UnitOfWork:
    """The same unit of work acting as a consultant (who alone may accept an offer)."""
    actor = uow.actor
    consultant = Actor(
        user.id,
        user.username,
        user.display_name,
        Role.CONSULTANT,
        actor.site_id,
        actor.site_code,
        actor.node_id,
    )
    return UnitOfWork(uow.session, consultant)
