"""Each centre's top 10 customers by spend of a month, whom headquarters phones (seed 000).

Spend is net of refunds: the sum of sale totals of kind sale and refund (DOMAIN.md); a
stored-value top-up is not spend. Headquarters sees every centre; a branch its own.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import SPEND_KINDS
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.follow_ups import FollowUpSource, TaskStatus
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.cashier import Sale
from lorch_desk.models.customer import Customer
from lorch_desk.models.follow_ups import FollowUpTask
from lorch_desk.models.organisation import Site
from lorch_desk.services.access import require
from lorch_desk.services.satisfaction import month_bounds

TOP_CUSTOMERS = 10
_MONTH_NAMESPACE = uuid.UUID("5d0c3a52-7f0e-4b8a-9a51-0f2e8d6c4b17")


@dataclass(frozen=True, slots=True)
class TopCustomerRow:
    centre: str
    rank: int
    customer_id: uuid.UUID
    customer_name: str
    file_number: str
    spend: Decimal
    sales: int


def list_top_customers(uow: UnitOfWork, *, month: date) -> list[TopCustomerRow]:
    """Each centre's ten customers with the highest net spend of `month`, highest first."""
    require(uow.actor, Action.REPORT_RUN)
    first, last = month_bounds(month)
    spend = func.sum(Sale.total)
    statement = (
        select(Site.name, Customer.id, Customer.name, Customer.file_number, spend, func.count())
        .join(Site, Site.id == Sale.site_id)
        .join(Customer, Customer.id == Sale.customer_id)
        .where(
            Sale.day >= first,
            Sale.day < last,
            Sale.kind.in_([kind.value for kind in SPEND_KINDS]),
            Sale.deleted_at.is_(None),
        )
        .group_by(Site.name, Customer.id, Customer.name, Customer.file_number)
        .having(spend > 0)
        .order_by(Site.name, spend.desc(), Customer.file_number)
    )
    if not sees_every_centre(uow):
        statement = statement.where(Sale.site_id == uow.actor.site_id)
    ranks: Counter[str] = Counter()
    rows = []
    for centre, customer_id, name, file_number, total, sales in uow.session.execute(statement):
        ranks[centre] += 1
        if ranks[centre] <= TOP_CUSTOMERS:
            rows.append(
                TopCustomerRow(
                    centre,
                    ranks[centre],
                    customer_id,
                    name,
                    file_number,
                    Decimal(total),
                    int(sales),
                )
            )
    return rows


def plan_top_customer_calls(uow: UnitOfWork, *, month: date, now: datetime | None = None) -> int:
    """Put a month's top customers on the customer-service pool's list for today; once each."""
    require(uow.actor, Action.FOLLOW_UP_CALL)
    today = clinic_time(now or utc_now()).date()
    month = month.replace(day=1)
    added = 0
    for row in list_top_customers(uow, month=month):
        source_id = uuid.uuid5(_MONTH_NAMESPACE, f"{row.customer_id}:{month:%Y-%m}")
        exists = uow.session.scalar(
            select(FollowUpTask.id).where(
                FollowUpTask.source == FollowUpSource.TOP_SPENDER.value,
                FollowUpTask.source_id == source_id,
            )
        )
        if exists is not None:
            continue
        uow.session.add(
            FollowUpTask(
                customer_id=row.customer_id,
                due_on=today,
                assignee_id=None,
                source=FollowUpSource.TOP_SPENDER.value,
                source_id=source_id,
                offset_days=0,
                reason=f"{row.centre} {month:%Y-%m} No.{row.rank} ¥{row.spend}",
                status=TaskStatus.OPEN.value,
            )
        )
        added += 1
    uow.session.flush()
    return added


def sees_every_centre(uow: UnitOfWork) -> bool:
    """Headquarters phones every centre's top customers; a branch sees its own."""
    site = uow.session.get(Site, uow.actor.site_id)
    return site is not None and site.is_headquarters
