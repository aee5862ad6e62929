"""A customer's class (seed 004 §2) from the history this database holds: arrivals, inquiries.

Purchases are not recorded yet (the cashier issue), so every customer classifies as potential:
to-be-read as "consulted or inquired, never bought". The purchases join here when they land.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customer_classes import CustomerClassification, Visit, classify_customer
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.inquiries import Inquiry
from lorch_desk.services.access import require


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
    return classify_customer((), visits, int(inquiries_count or 0))
