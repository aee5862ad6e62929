"""Plan follow-up tasks from the clinic's events by the rules: sales, plans, consultations, visits.

Planning is idempotent: an event plans each of its offsets once, and a customer gets at most
one planned call a day. The cashier calls `plan_follow_ups_for_sale` after a checkout; the
call list runs `plan_due_follow_ups` before it loads, which catches every other event (and any
sale planned nowhere else) of the last weeks.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.consultations import ConsultationOutcome
from lorch_desk.domain.follow_ups import (
    ANY_CATEGORY,
    SWEEP_MARGIN_DAYS,
    Assignee,
    FollowUpRule,
    FollowUpSource,
    TaskStatus,
    longest_offset,
    plan_calls,
)
from lorch_desk.models.base import utc_now
from lorch_desk.models.cashier import Sale, SaleLine
from lorch_desk.models.consultations import ConsultationRecord, TreatmentPlan, TreatmentPlanItem
from lorch_desk.models.follow_ups import FollowUpTask
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.service_items import ServiceItem
from lorch_desk.services.follow_up_rules import current_rules

REASON_LENGTH = FollowUpTask.reason.type.length
# Sale lines that are a treatment or a product the customer takes home; a deposit is not.
_FOLLOWED_LINE_KINDS = ("service", "course", "product")


@dataclass(frozen=True, slots=True)
class FollowUpEvent:
    """Something that happened to a customer which the rules may follow up."""

    source: FollowUpSource
    source_id: uuid.UUID
    customer_id: uuid.UUID
    consultant_id: uuid.UUID | None
    day: date
    categories: tuple[str, ...]
    reason: str


def plan_follow_ups_for_sale(
    uow: UnitOfWork, sale_id: uuid.UUID, *, now: datetime | None = None
) -> int:
    """Plan the follow-up calls of a paid sale (none for a refund); returns the tasks added.

    Part of the checkout the cashier's service already permitted, so it checks no permission.
    """
    sale = uow.session.get(Sale, sale_id)
    if sale is None or sale.kind != "sale":
        return 0
    lines = _sale_lines(uow, [sale.id]).get(sale.id)
    if not lines:
        return 0
    event = FollowUpEvent(
        FollowUpSource.SALE, sale.id, sale.customer_id, sale.consultant_id, sale.day, *lines
    )
    return _Planner(uow, now or utc_now(), current_rules(uow)).add([event])


def plan_due_follow_ups(uow: UnitOfWork, *, now: datetime | None = None) -> int:
    """Plan the calls of the site's recent events that have no tasks yet; returns tasks added."""
    rules = current_rules(uow)
    planner = _Planner(uow, now or utc_now(), rules)
    since = planner.today - timedelta(days=longest_offset(rules) + SWEEP_MARGIN_DAYS)
    sources = {rule.source for rule in rules if rule.offsets}
    events: list[FollowUpEvent] = []
    if FollowUpSource.SALE in sources:
        events += _sales(uow, since)
    if FollowUpSource.TREATMENT_PLAN in sources:
        events += _plans(uow, since)
    if FollowUpSource.CONSULTATION_NOT_CLOSED in sources:
        events += _open_consultations(uow, since)
    if FollowUpSource.ARRIVAL in sources:
        events += _arrivals(uow, since)
    return planner.add(events)


class _Planner:
    """Adds the tasks of events, skipping planned events and customers already called that day."""

    def __init__(self, uow: UnitOfWork, now: datetime, rules: tuple[FollowUpRule, ...]) -> None:
        self.uow = uow
        self.rules = rules
        self.today = clinic_time(now).date()
        self.earliest_due = self.today - timedelta(days=SWEEP_MARGIN_DAYS)

    def add(self, events: Iterable[FollowUpEvent]) -> int:
        events = list(events)
        if not events:
            return 0
        if self.uow.dialect == "postgresql":
            # Two PCs planning at once would both add a task; the second waits for the first.
            self.uow.session.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(self.uow)}
            )
        planned_sources, booked_days = self._existing({e.customer_id for e in events})
        added = 0
        for event in events:
            if event.source_id in planned_sources:
                continue
            calls = plan_calls(
                self.rules, event.source, event.day, event.categories, reason=event.reason
            )
            for call in calls:
                if (
                    call.due_on < self.earliest_due
                    or (event.customer_id, call.due_on) in booked_days
                ):
                    continue
                booked_days.add((event.customer_id, call.due_on))
                assignee = event.consultant_id if call.assignee is Assignee.CONSULTANT else None
                self.uow.session.add(
                    FollowUpTask(
                        customer_id=event.customer_id,
                        due_on=call.due_on,
                        assignee_id=assignee,
                        source=event.source.value,
                        source_id=event.source_id,
                        offset_days=call.offset_days,
                        reason=call.reason[:REASON_LENGTH],
                        status=TaskStatus.OPEN.value,
                    )
                )
                added += 1
        self.uow.session.flush()
        return added

    def _existing(
        self, customers: set[uuid.UUID]
    ) -> tuple[set[uuid.UUID], set[tuple[uuid.UUID, date]]]:
        rows = self.uow.session.execute(
            select(FollowUpTask.source_id, FollowUpTask.customer_id, FollowUpTask.due_on).where(
                FollowUpTask.customer_id.in_(customers), FollowUpTask.deleted_at.is_(None)
            )
        ).all()
        return {row.source_id for row in rows}, {(row.customer_id, row.due_on) for row in rows}


def _lock_key(uow: UnitOfWork) -> int:
    digest = hashlib.blake2b(f"follow_up:{uow.actor.site_id}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def _sales(uow: UnitOfWork, since: date) -> Iterator[FollowUpEvent]:
    sales = uow.session.scalars(
        select(Sale).where(
            Sale.site_id == uow.actor.site_id,
            Sale.day >= since,
            Sale.kind == "sale",
            Sale.deleted_at.is_(None),
        )
    ).all()
    lines = _sale_lines(uow, [sale.id for sale in sales])
    for sale in sales:
        if sale.id in lines:
            yield FollowUpEvent(
                FollowUpSource.SALE,
                sale.id,
                sale.customer_id,
                sale.consultant_id,
                sale.day,
                *lines[sale.id],
            )


def _sale_lines(
    uow: UnitOfWork, sale_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[tuple[str, ...], str]]:
    """Per sale: the categories of its followed lines (products: any) and a short reason."""
    rows = uow.session.execute(
        select(SaleLine.sale_id, SaleLine.name, ServiceItem.category)
        .outerjoin(ServiceItem, ServiceItem.id == SaleLine.service_item_id)
        .where(SaleLine.sale_id.in_(sale_ids), SaleLine.kind.in_(_FOLLOWED_LINE_KINDS))
        .order_by(SaleLine.sale_id, SaleLine.line_no)
    )
    return _grouped((row.sale_id, row.category or ANY_CATEGORY, row.name) for row in rows)


def _plans(uow: UnitOfWork, since: date) -> Iterator[FollowUpEvent]:
    newer = aliased(TreatmentPlan)
    plans = uow.session.scalars(
        select(TreatmentPlan).where(
            TreatmentPlan.site_id == uow.actor.site_id,
            TreatmentPlan.day >= since,
            TreatmentPlan.deleted_at.is_(None),
            ~select(newer.id).where(newer.supersedes_id == TreatmentPlan.id).exists(),
        )
    ).all()
    rows = uow.session.execute(
        select(TreatmentPlanItem.treatment_plan_id, ServiceItem.category, TreatmentPlanItem.name)
        .join(ServiceItem, ServiceItem.id == TreatmentPlanItem.service_item_id)
        .where(TreatmentPlanItem.treatment_plan_id.in_([plan.id for plan in plans]))
        .order_by(TreatmentPlanItem.treatment_plan_id, TreatmentPlanItem.line_no)
    )
    items = _grouped((row.treatment_plan_id, row.category, row.name) for row in rows)
    for plan in plans:
        categories, reason = items.get(plan.id, ((ANY_CATEGORY,), ""))
        yield FollowUpEvent(
            FollowUpSource.TREATMENT_PLAN,
            plan.id,
            plan.customer_id,
            plan.consultant_id,
            plan.day,
            categories,
            reason,
        )


def _open_consultations(uow: UnitOfWork, since: date) -> Iterator[FollowUpEvent]:
    newer = aliased(ConsultationRecord)
    records = uow.session.scalars(
        select(ConsultationRecord).where(
            ConsultationRecord.site_id == uow.actor.site_id,
            ConsultationRecord.day >= since,
            ConsultationRecord.outcome == ConsultationOutcome.NOT_CLOSED.value,
            ConsultationRecord.deleted_at.is_(None),
            ~select(newer.id).where(newer.supersedes_id == ConsultationRecord.id).exists(),
        )
    )
    for record in records:
        yield FollowUpEvent(
            FollowUpSource.CONSULTATION_NOT_CLOSED,
            record.id,
            record.customer_id,
            record.consultant_id,
            record.day,
            (ANY_CATEGORY,),
            record.not_closed_reason or "",
        )


def _arrivals(uow: UnitOfWork, since: date) -> Iterator[FollowUpEvent]:
    arrivals = uow.session.execute(
        select(Arrival.id, Arrival.customer_id, Arrival.day).where(
            Arrival.site_id == uow.actor.site_id,
            Arrival.day >= since,
            Arrival.corrects_arrival_id.is_(None),
        )
    )
    for row in arrivals:
        yield FollowUpEvent(
            FollowUpSource.ARRIVAL, row.id, row.customer_id, None, row.day, (ANY_CATEGORY,), ""
        )


def _grouped(
    rows: Iterable[tuple[uuid.UUID, str, str]],
) -> dict[uuid.UUID, tuple[tuple[str, ...], str]]:
    categories: dict[uuid.UUID, list[str]] = defaultdict(list)
    names: dict[uuid.UUID, list[str]] = defaultdict(list)
    for owner, category, name in rows:
        categories[owner].append(category)
        names[owner].append(name)
    return {
        owner: (tuple(dict.fromkeys(categories[owner])), "、".join(names[owner]))
        for owner in categories
    }
