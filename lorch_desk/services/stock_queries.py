"""What lies in a warehouse: stock on hand, near-expiry batches, products below reorder."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, or_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, ProductCategory
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.fefo import is_expired, near_expiry
from lorch_desk.domain.permissions import Action
from lorch_desk.models.catalogue import Location, Product
from lorch_desk.models.stock import StockBalance
from lorch_desk.services.access import require


@dataclass(frozen=True, slots=True)
class StockRow:
    """One batch at one location of a warehouse."""

    product_id: uuid.UUID
    location_id: uuid.UUID
    product_code: str
    barcode: str | None
    product_name: str
    specification: str
    unit: str
    category: ProductCategory
    location_code: str
    location_name: str
    batch: str
    expiry: date | None
    quantity: Decimal
    unit_cost: Decimal
    near_expiry: bool
    expired: bool

    @property
    def value(self) -> Decimal:
        return (self.quantity * self.unit_cost).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class ReorderRow:
    product_id: uuid.UUID
    product_code: str
    product_name: str
    unit: str
    on_hand: Decimal
    reorder_point: Decimal


def stock_on_hand(
    uow: UnitOfWork,
    warehouse_id: uuid.UUID,
    *,
    text: str = "",
    only_near_expiry: bool = False,
    today: date | None = None,
    limit: int | None = None,
) -> list[StockRow]:
    """Every batch with stock in the warehouse's storage, by location and product."""
    require(uow.actor, Action.STOCK_VIEW)
    today = today or clinic_today()
    query = (
        select(
            Product.id,
            Location.id,
            Product.code,
            Product.barcode,
            Product.name,
            Product.specification,
            Product.unit,
            Product.category,
            Location.code,
            Location.name,
            StockBalance.batch,
            StockBalance.expiry,
            StockBalance.quantity,
            Product.cost,
            Product.shelf_life_warning_days,
        )
        .select_from(StockBalance)
        .join(Product, Product.id == StockBalance.product_id)
        .join(Location, Location.id == StockBalance.location_id)
        .where(
            Location.warehouse_id == warehouse_id,
            Location.kind == LocationKind.STORAGE.value,
            StockBalance.quantity != 0,
        )
        .order_by(Location.code, Product.code, StockBalance.expiry, StockBalance.batch)
    )
    text = text.strip()
    if text:
        query = query.where(
            or_(
                Product.code.startswith(text),
                Product.barcode == text,
                Product.name.contains(text),
                Product.name_initials.startswith(text.lower()),
                StockBalance.batch == text,
            )
        )
    if only_near_expiry:
        # The widest warning window any product has; each row is then checked exactly.
        widest = uow.session.scalar(select(func.max(Product.shelf_life_warning_days))) or 0
        query = query.where(StockBalance.expiry <= today + timedelta(days=widest))
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for row in uow.session.execute(query).all():
        *fields, warning_days = row
        expiry = fields[11]
        soon = near_expiry(expiry, today, warning_days)
        if only_near_expiry and not soon:
            continue
        fields[7] = ProductCategory(fields[7])
        rows.append(StockRow(*fields, soon, is_expired(expiry, today)))
    return rows


def below_reorder(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[ReorderRow]:
    """Active products whose stock in the warehouse is below their reorder point."""
    require(uow.actor, Action.STOCK_VIEW)
    on_hand = (
        select(StockBalance.product_id, func.sum(StockBalance.quantity).label("quantity"))
        .join(Location, Location.id == StockBalance.location_id)
        .where(Location.warehouse_id == warehouse_id, Location.kind == LocationKind.STORAGE.value)
        .group_by(StockBalance.product_id)
        .subquery()
    )
    quantity = func.coalesce(on_hand.c.quantity, 0)
    rows = uow.session.execute(
        select(Product, quantity)
        .outerjoin(on_hand, on_hand.c.product_id == Product.id)
        .where(
            Product.active.is_(True), Product.reorder_point > 0, quantity < Product.reorder_point
        )
        .order_by(Product.code)
    ).all()
    return [ReorderRow(p.id, p.code, p.name, p.unit, Decimal(q), p.reorder_point) for p, q in rows]
