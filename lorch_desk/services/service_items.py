"""The central catalogue of treatment and service items: what plans and the cashier price from."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import NotFound, ValidationFailed
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
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class ServiceItemInput:
    code: str
    name: str
    category: str
    unit_price: Decimal
    sessions_per_course: int | None = None


def _checked(
    uow: UnitOfWork, data: ServiceItemInput, *, item_id: uuid.UUID | None
) -> dict[str, Any]:
    """The item's stored values from `data`, or the refusal of the first bad field."""
    code, name, category = data.code.strip(), data.name.strip(), data.category.strip()
    for field, value in (("code", code), ("name", name), ("category", category)):
        if not value:
            raise ValidationFailed(field=field, rule="required")
    if not isinstance(data.unit_price, Decimal) or data.unit_price < 0:
        raise ValidationFailed(field="unit_price", rule="not_negative")
    if data.sessions_per_course is not None and data.sessions_per_course < 1:
        raise ValidationFailed(field="sessions_per_course", rule="positive")
    holder = uow.session.scalar(select(ServiceItem.id).where(ServiceItem.code == code))
    if holder is not None and holder != item_id:
        raise ValidationFailed(field="code", rule="taken")
    return {
        "code": code,
        "name": name,
        "category": category,
        "unit_price": data.unit_price.quantize(MONEY_STEP),
        "sessions_per_course": data.sessions_per_course,
    }


def add_service_item(uow: UnitOfWork, *, data: ServiceItemInput) -> ServiceItemRow:
    """Add an item to the central catalogue (headquarters only)."""
    require(uow.actor, Action.SERVICE_ITEM_EDIT)
    item = ServiceItem(**_checked(uow, data, item_id=None))
    uow.session.add(item)
    uow.session.flush()
    return _row(item)


def update_service_item(
    uow: UnitOfWork, *, item_id: uuid.UUID, data: ServiceItemInput, is_active: bool = True
) -> ServiceItemRow:
    """Change an item's code, name, category, price or course; `is_active` False retires it
    (it leaves the lists plans and the cashier choose from; what was sold keeps its name)."""
    require(uow.actor, Action.SERVICE_ITEM_EDIT)
    item = uow.session.get(ServiceItem, item_id, with_for_update=True)
    if item is None or item.deleted_at is not None:
        raise NotFound(service_item_id=str(item_id))
    for field, value in _checked(uow, data, item_id=item.id).items():
        setattr(item, field, value)
    item.is_active = is_active
    uow.session.flush()
    return _row(item)


def list_service_items(uow: UnitOfWork, *, include_inactive: bool = False) -> list[ServiceItemRow]:
    """The active service items (and the retired ones if asked), by category and code."""
    require(uow.actor, Action.SERVICE_ITEM_VIEW)
    statement = select(ServiceItem).where(ServiceItem.deleted_at.is_(None))
    if not include_inactive:
        statement = statement.where(ServiceItem.is_active.is_(True))
    items = uow.session.scalars(statement.order_by(ServiceItem.category, ServiceItem.code))
    return [_row(item) for item in items]


def _row(item: ServiceItem) -> ServiceItemRow:
    return ServiceItemRow(
        item.id,
        item.code,
        item.name,
        item.category,
        item.unit_price,
        item.sessions_per_course,
        item.is_active,
    )
