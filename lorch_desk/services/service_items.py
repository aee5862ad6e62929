"""The central catalogue of treatment and service items: what plans and the cashier price from."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.service_items import ServiceItem
from lorch_desk.services.access import require

MONEY_STEP = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class ServiceItemRow:
    id: uuid.UUID
    code: str
    name: str
    category: str
    unit_price: Decimal
    sessions_per_course: int | None


@dataclass(frozen=True, slots=True)
class ServiceItemInput:
    code: str
    name: str
    category: str
    unit_price: Decimal
    sessions_per_course: int | None = None


def add_service_item(uow: UnitOfWork, *, data: ServiceItemInput) -> ServiceItemRow:
    """Add an item to the central catalogue (headquarters only)."""
    require(uow.actor, Action.SERVICE_ITEM_EDIT)
    code, name = data.code.strip(), data.name.strip()
    for field, value in (("code", code), ("name", name), ("category", data.category.strip())):
        if not value:
            raise ValidationFailed(field=field, rule="required")
    if not isinstance(data.unit_price, Decimal) or data.unit_price < 0:
        raise ValidationFailed(field="unit_price", rule="not_negative")
    if data.sessions_per_course is not None and data.sessions_per_course < 1:
        raise ValidationFailed(field="sessions_per_course", rule="positive")
    if uow.session.scalar(select(ServiceItem.id).where(ServiceItem.code == code)) is not None:
        raise ValidationFailed(field="code", rule="taken")
    item = ServiceItem(
        code=code,
        name=name,
        category=data.category.strip(),
        unit_price=data.unit_price.quantize(MONEY_STEP),
        sessions_per_course=data.sessions_per_course,
    )
    uow.session.add(item)
    uow.session.flush()
    return _row(item)


def list_service_items(uow: UnitOfWork) -> list[ServiceItemRow]:
    """The active service items, by category and code."""
    require(uow.actor, Action.SERVICE_ITEM_VIEW)
    items = uow.session.scalars(
        select(ServiceItem)
        .where(ServiceItem.is_active.is_(True), ServiceItem.deleted_at.is_(None))
        .order_by(ServiceItem.category, ServiceItem.code)
    )
    return [_row(item) for item in items]


def _row(item: ServiceItem) -> ServiceItemRow:
    return ServiceItemRow(
        item.id, item.code, item.name, item.category, item.unit_price, item.sessions_per_course
    )
