"""Treatment plans (治疗方案): service items with quantities and catalogue prices, and a total."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.consultations import DocumentSuperseded
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.consultations import TreatmentPlan, TreatmentPlanItem
from lorch_desk.models.customer import Customer
from lorch_desk.models.service_items import ServiceItem
from lorch_desk.services.access import require
from lorch_desk.services.service_items import MONEY_STEP

MAX_QUANTITY = Decimal("999")
MAX_LINES = 50


@dataclass(frozen=True, slots=True)
class PlanLineInput:
    service_item_id: uuid.UUID
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class TreatmentPlanInput:
    lines: Sequence[PlanLineInput]
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PlanLineRow:
    line_no: int
    service_item_id: uuid.UUID
    name: str
    quantity: Decimal
    unit_price: Decimal
    line_total: Decimal


@dataclass(frozen=True, slots=True)
class TreatmentPlanDetail:
    id: uuid.UUID
    customer_id: uuid.UUID
    arrival_id: uuid.UUID | None
    day: date
    notes: str
    lines: tuple[PlanLineRow, ...]
    total: Decimal
    version: int
    supersedes_id: uuid.UUID | None


def line_total(quantity: Decimal, unit_price: Decimal) -> Decimal:
    """A plan line's amount, to the fen."""
    return (quantity * unit_price).quantize(MONEY_STEP)


def save_treatment_plan(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    arrival_id: uuid.UUID | None,
    data: TreatmentPlanInput,
    supersedes_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> TreatmentPlanDetail:
    """Save a plan, or a new version of one; prices come from the service-item catalogue."""
    require(uow.actor, Action.CONSULTATION_RECORD)
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer")
    if not data.lines:
        raise ValidationFailed(field="lines", rule="required")
    if len(data.lines) > MAX_LINES:
        raise ValidationFailed(field="lines", rule="too_many", maximum=MAX_LINES)
    plan = TreatmentPlan(
        customer_id=customer_id,
        arrival_id=arrival_id,
        consultant_id=uow.actor.user_id,
        day=clinic_time(now or utc_now()).date(),
        notes=(data.notes or "").strip(),
        version=1,
    )
    if supersedes_id is not None:
        _supersede(uow, plan, supersedes_id)
    items = [_line(uow, number, line) for number, line in enumerate(data.lines, start=1)]
    plan.total = sum((item.line_total for item in items), Decimal("0.00"))
    uow.session.add(plan)
    uow.session.flush()
    for item in items:
        item.treatment_plan_id = plan.id
        uow.session.add(item)
    uow.session.flush()
    return _detail(plan, items)


def list_treatment_plans(uow: UnitOfWork, *, customer_id: uuid.UUID) -> list[TreatmentPlanDetail]:
    """A customer's plans, each as its newest version, newest first."""
    require(uow.actor, Action.CONSULTATION_VIEW)
    newer = aliased(TreatmentPlan)
    plans = list(
        uow.session.scalars(
            select(TreatmentPlan)
            .where(
                TreatmentPlan.customer_id == customer_id,
                TreatmentPlan.deleted_at.is_(None),
                ~select(newer.id).where(newer.supersedes_id == TreatmentPlan.id).exists(),
            )
            .order_by(TreatmentPlan.day.desc(), TreatmentPlan.created_at.desc())
        )
    )
    result = []
    for plan in plans:
        items = uow.session.scalars(
            select(TreatmentPlanItem)
            .where(TreatmentPlanItem.treatment_plan_id == plan.id)
            .order_by(TreatmentPlanItem.line_no)
        )
        result.append(_detail(plan, list(items)))
    return result


def _supersede(uow: UnitOfWork, plan: TreatmentPlan, old_id: uuid.UUID) -> None:
    old = uow.session.get(TreatmentPlan, old_id)
    if old is None or old.customer_id != plan.customer_id:
        raise NotFound(treatment_plan_id=str(old_id))
    newer = uow.session.scalar(
        select(TreatmentPlan.id).where(TreatmentPlan.supersedes_id == old_id)
    )
    if newer is not None:
        raise DocumentSuperseded(record_id=str(old_id), newer_id=str(newer))
    plan.supersedes_id = old.id
    plan.version = old.version + 1
    plan.arrival_id = old.arrival_id


def _line(uow: UnitOfWork, number: int, line: PlanLineInput) -> TreatmentPlanItem:
    field = f"lines.{number}.quantity"
    try:
        quantity = Decimal(line.quantity)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationFailed(field=field, rule="positive") from None
    if not quantity.is_finite() or quantity <= 0:
        raise ValidationFailed(field=field, rule="positive")
    if quantity > MAX_QUANTITY:
        raise ValidationFailed(field=field, rule="too_large", maximum=MAX_QUANTITY)
    service = uow.session.get(ServiceItem, line.service_item_id)
    if service is None or not service.is_active or service.deleted_at is not None:
        raise ValidationFailed(field=f"lines.{number}.service_item_id", rule="not_found")
    return TreatmentPlanItem(
        line_no=number,
        service_item_id=service.id,
        name=service.name,
        quantity=quantity,
        unit_price=service.unit_price,
        line_total=line_total(quantity, service.unit_price),
    )


def _detail(plan: TreatmentPlan, items: Sequence[TreatmentPlanItem]) -> TreatmentPlanDetail:
    return TreatmentPlanDetail(
        id=plan.id,
        customer_id=plan.customer_id,
        arrival_id=plan.arrival_id,
        day=plan.day,
        notes=plan.notes,
        lines=tuple(
            PlanLineRow(
                i.line_no, i.service_item_id, i.name, i.quantity, i.unit_price, i.line_total
            )
            for i in items
        ),
        total=plan.total,
        version=plan.version,
        supersedes_id=plan.supersedes_id,
    )
