"""The manager's dashboard: revenue, visits and satisfaction over time, one series each.

A branch manager sees the own centre; headquarters sees the chain (as the satisfaction
summaries do). Revenue is spend (domain/cashier SPEND_KINDS: sales and refunds, refunds
negative; deposits and stored-value top-ups are not revenue until spent) by the day of
payment; visits are arrivals as their newest correction; satisfaction is the share of
satisfied visit surveys, missing where nobody was surveyed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import SPEND_KINDS
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.domain.satisfaction import rate_percent
from lorch_desk.models.cashier import Sale
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.surveys import SatisfactionSurvey
from lorch_desk.services.access import require
from lorch_desk.services.dashboard_periods import DashboardPeriod, bucket_index, buckets_for


@dataclass(frozen=True, slots=True)
class DashboardPoint:
    """One point of each series: the bucket's first day and its values."""

    first: date
    last: date
    revenue: Decimal
    visits: int
    surveys: int
    satisfaction_rate: Decimal | None  # percent satisfied; None when nobody was surveyed


def dashboard_points(
    uow: UnitOfWork, *, period: DashboardPeriod, today: date | None = None
) -> list[DashboardPoint]:
    """The dashboard's points of `period` up to today, oldest first, empty buckets as zero."""
    require(uow.actor, Action.DASHBOARD_VIEW)
    buckets = buckets_for(period, today or clinic_today())
    index = bucket_index(buckets)
    first, last = buckets[0].first, buckets[-1].last
    revenue = [Decimal("0.00")] * len(buckets)
    spend = Sale.kind.in_([kind.value for kind in SPEND_KINDS])
    for day, total in _per_day(uow, Sale, Sale.day, first, last, func.sum(Sale.total), spend):
        revenue[index[day]] += Decimal(total or 0)
    visits = [0] * len(buckets)
    newer = aliased(Arrival)
    newest = ~exists().where(newer.corrects_arrival_id == Arrival.id)
    for day, count in _per_day(uow, Arrival, Arrival.day, first, last, func.count(), newest):
        visits[index[day]] += int(count)
    surveyed, satisfied = [0] * len(buckets), [0] * len(buckets)
    happy = func.sum(case((SatisfactionSurvey.is_satisfied.is_(True), 1), else_=0))
    survey_day = SatisfactionSurvey.surveyed_on
    for day, count, content in _per_day(
        uow, SatisfactionSurvey, survey_day, first, last, func.count(), None, happy
    ):
        surveyed[index[day]] += int(count)
        satisfied[index[day]] += int(content or 0)
    return [
        DashboardPoint(
            first=bucket.first,
            last=bucket.last,
            revenue=revenue[n].quantize(Decimal("0.01")),
            visits=visits[n],
            surveys=surveyed[n],
            satisfaction_rate=rate_percent(satisfied[n], surveyed[n]),
        )
        for n, bucket in enumerate(buckets)
    ]


def _per_day(
    uow: UnitOfWork,
    model: Any,
    day: Any,
    first: date,
    last: date,
    measure: Any,
    condition: Any = None,
    *more: Any,
) -> list[Any]:
    """(day, measure, *more) per clinic day of the period, at the sites the actor oversees."""
    statement = select(day, measure, *more).where(
        day >= first, day <= last, model.deleted_at.is_(None)
    )
    if condition is not None:
        statement = statement.where(condition)
    if uow.actor.role is not Role.HQ_ADMIN:
        statement = statement.where(model.site_id == uow.actor.site_id)
    return list(uow.session.execute(statement.group_by(day)))
