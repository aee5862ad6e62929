"""The report of customers by class (seed 004 §2: new, returning, potential), filterable by
class: every customer of this site classified from the sales, arrivals and inquiries held
here, with three queries for the whole site (not one per customer)."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customer_classes import (
    CustomerClass,
    CustomerClassReason,
    Purchase,
    Visit,
    classify_customer,
)
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.inquiries import Inquiry
from lorch_desk.services.customer_class import purchase_rows
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

CLASS_LABELS = {
    CustomerClass.NEW: Label("新客户", "New customer"),
    CustomerClass.RETURNING: Label("老客户", "Returning customer"),
    CustomerClass.POTENTIAL: Label("潜在客户", "Potential customer"),
}
REASON_LABELS = {
    CustomerClassReason.ONE_PURCHASE: Label("一次性消费", "One purchase"),
    CustomerClassReason.DEPOSIT_THEN_PAYMENT: Label("先交定金后交费", "Deposit, then payment"),
    CustomerClassReason.DEPOSIT_ONLY: Label("已交定金未交费", "Deposit only"),
    CustomerClassReason.COURSE_PAID_PER_SESSION: Label("疗程内分次交费", "Course paid per session"),
    CustomerClassReason.SEPARATE_PURCHASES_ON_ONE_DATE: Label(
        "同一日期不同时间消费", "Separate purchases on one date"
    ),
    CustomerClassReason.SAME_ITEM_ON_DIFFERENT_DATES: Label(
        "不同日期消费同一项目", "Same item on different dates"
    ),
    CustomerClassReason.PURCHASES_ON_DIFFERENT_DATES: Label(
        "不同日期消费多个项目", "Purchases on different dates"
    ),
    CustomerClassReason.ARRIVED_WITHOUT_PURCHASE: Label("到院咨询未消费", "Consulted, no purchase"),
    CustomerClassReason.INQUIRY_WITHOUT_ARRIVAL: Label("咨询后未到院", "Inquired, never came"),
    CustomerClassReason.NO_CONTACT_RECORDED: Label("无咨询到院消费记录", "Nothing recorded"),
}


def customer_class_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], progress: Progress
) -> Iterator[dict[str, object]]:
    """Each live customer of this site with their class, the reason and its dates."""
    wanted = parameters.get("customer_class")
    customers = uow.session.execute(
        select(Customer.id, Customer.file_number, Customer.name)
        .where(
            Customer.site_id == uow.actor.site_id,
            Customer.deleted_at.is_(None),
            Customer.merged_into_id.is_(None),
        )
        .order_by(Customer.file_number)
    ).all()
    site_customers = select(Customer.id).where(Customer.site_id == uow.actor.site_id)
    purchases: dict[uuid.UUID, list[Purchase]] = defaultdict(list)
    for customer_id, purchase in purchase_rows(uow, site_customers):
        purchases[customer_id].append(purchase)
    visits = _visits(uow, site_customers)
    inquiries = Counter(
        dict(
            uow.session.execute(
                select(Inquiry.customer_id, func.count())
                .where(Inquiry.customer_id.in_(site_customers), Inquiry.deleted_at.is_(None))
                .group_by(Inquiry.customer_id)
            ).all()
        )
    )
    for index, (customer_id, file_number, name) in enumerate(customers):
        found = classify_customer(
            purchases.get(customer_id, ()), visits.get(customer_id, ()), inquiries[customer_id]
        )
        if index % 1000 == 0:
            progress.report(index, len(customers))
        if wanted and found.customer_class.value != wanted:
            continue
        yield {
            "file_number": file_number,
            "name": name,
            "customer_class": CLASS_LABELS[found.customer_class],
            "reason": REASON_LABELS[found.reason],
            "first_purchase_on": found.first_purchase_on,
            "became_returning_on": found.became_returning_on,
        }


def _visits(uow: UnitOfWork, customers: object) -> dict[uuid.UUID, list[Visit]]:
    corrected = select(Arrival.corrects_arrival_id).where(Arrival.corrects_arrival_id.is_not(None))
    found: dict[uuid.UUID, list[Visit]] = defaultdict(list)
    rows = uow.session.execute(
        select(Arrival.customer_id, Arrival.day, Arrival.visit_class).where(
            Arrival.customer_id.in_(customers),  # type: ignore[arg-type]
            Arrival.id.not_in(corrected),
        )
    )
    for customer_id, day, visit_class in rows:
        found[customer_id].append(Visit(day, VisitClass(visit_class)))
    return found


CUSTOMER_CLASSES = ReportDefinition(
    key="customers.customer_classes",
    area="customers",
    title=Label(
        "客户分类(新客户/老客户/潜在客户)", "Customers by class (new, returning, potential)"
    ),
    parameters=(
        ReportParameter(
            "customer_class",
            Label("客户分类", "Customer class"),
            ParameterKind.CHOICE,
            choices=tuple((c.value, CLASS_LABELS[c]) for c in CustomerClass),
        ),
    ),
    columns=(
        Column("file_number", Label("档案号", "File no."), ColumnKind.TEXT, 16),
        Column("name", Label("姓名", "Name"), ColumnKind.TEXT, 12),
        Column("customer_class", Label("客户分类", "Class"), ColumnKind.TEXT, 10),
        Column("reason", Label("依据", "Because"), ColumnKind.TEXT, 18),
        Column("first_purchase_on", Label("首次消费", "First purchase"), ColumnKind.DATE, 11),
        Column("became_returning_on", Label("成为老客户", "Returning since"), ColumnKind.DATE, 11),
    ),
    action=Action.REPORT_RUN,
    run=customer_class_rows,
)

REPORTS = (CUSTOMER_CLASSES,)
