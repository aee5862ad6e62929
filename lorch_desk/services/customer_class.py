"""A customer's class (seed 004 §2) from the history this database holds: the cashier's sales,
arrivals and inquiries.

Each checkout (收银单) is one purchase session; a line's amount is net of what was refunded of
it, so a refunded purchase is no consumption. Deposits name the item they reserve; a course's
sessions name their course. Top-ups of stored value buy nothing and never count.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import LineKind, SaleKind
from lorch_desk.domain.customer_classes import (
    CustomerClass,
    CustomerClassification,
    Purchase,
    Visit,
    classify_customer,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.models.cashier import Sale, SaleLine
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.inquiries import Inquiry
from lorch_desk.services.access import require

# The documents whose lines are purchases; their refunds only reduce them.
_PURCHASE_KINDS = (SaleKind.SALE.value, SaleKind.DEPOSIT.value)


def classify(uow: UnitOfWork, *, customer_id: uuid.UUID) -> CustomerClassification:
    """New, returning or potential, with the definition that decided it."""
    require(uow.actor, Action.CUSTOMER_VIEW)
    corrected = select(Arrival.corrects_arrival_id).where(Arrival.corrects_arrival_id.is_not(None))
    visits = [
        Visit(day, VisitClass(visit_class))
        for day, visit_class in uow.session.execute(
            select(Arrival.day, Arrival.visit_class).where(
                Arrival.customer_id == customer_id, Arrival.id.not_in(corrected)
            )
        )
    ]
    inquiries_count = uow.session.scalar(
        select(func.count())
        .select_from(Inquiry)
        .where(Inquiry.customer_id == customer_id, Inquiry.deleted_at.is_(None))
    )
    return classify_customer(purchases(uow, customer_id), visits, int(inquiries_count or 0))


def has_purchased_before(uow: UnitOfWork, customer_id: uuid.UUID, *, before: datetime) -> bool:
    """True when the customer paid for something (not all refunded) before `before`: the
    repeat-purchase fact of the visit-class rules (seed 004)."""
    bought = purchases(uow, customer_id, before=before)
    return classify_customer(bought, (), 0).customer_class is not CustomerClass.POTENTIAL


def purchases(
    uow: UnitOfWork, customer_id: uuid.UUID, *, before: datetime | None = None
) -> list[Purchase]:
    """The customer's purchase lines, each net of its refunds, one session per checkout."""
    return [purchase for _customer, purchase in purchase_rows(uow, [customer_id], before=before)]


def purchase_rows(
    uow: UnitOfWork, customers: Any, *, before: datetime | None = None
) -> Iterator[tuple[uuid.UUID, Purchase]]:
    """(customer, purchase) for the customers listed or selected, each line net of refunds.

    A session of a course paid ahead, a gift or a fully refunded line is no consumption."""
    refunds = aliased(SaleLine)
    refunded = (
        select(func.sum(refunds.amount))
        .where(refunds.reverses_line_id == SaleLine.id)
        .scalar_subquery()
    )
    query = (
        select(SaleLine, Sale.id, Sale.day, Sale.customer_id, func.coalesce(refunded, 0))
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(Sale.customer_id.in_(customers), Sale.kind.in_(_PURCHASE_KINDS))
    )
    if before is not None:
        query = query.where(Sale.paid_at < before)
    for line, sale_id, day, customer_id, minus in uow.session.execute(query):
        amount = line.amount + Decimal(minus or 0)
        if amount <= 0:
            continue
        yield (
            customer_id,
            Purchase(
                paid_on=day,
                session_id=str(sale_id),
                item=str(line.service_item_id or line.product_id or line.name),
                amount=amount,
                is_deposit=line.kind == LineKind.DEPOSIT.value,
                course_id=_course_of(line),
                is_course_session=line.kind == LineKind.COURSE_SESSION.value,
            ),
        )


def _course_of(line: SaleLine) -> str | None:
    if line.kind == LineKind.COURSE.value:
        return str(line.id)
    if line.kind == LineKind.COURSE_SESSION.value and line.course_line_id is not None:
        return str(line.course_line_id)
    return None
