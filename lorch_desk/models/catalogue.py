"""The catalogue (central data): products, suppliers, warehouses and their locations."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Quantity, Replicated


class Product(Replicated, Base):
    """A stocked item: nutrient, drug, herb (in grams), consumable or service material."""

    __tablename__ = "product"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    # Pinyin initials of the name (黄芪 -> hq) so a clerk finds a product by typing them.
    name_initials: Mapped[str] = mapped_column(String(50), default="", index=True)
    specification: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(20), index=True)
    sale_price: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    cost: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    reorder_point: Mapped[Decimal] = mapped_column(Quantity, default=Decimal("0"))
    shelf_life_warning_days: Mapped[int] = mapped_column(default=90)
    # Free text checked against a customer's allergies when prescribing.
    ingredients: Mapped[str] = mapped_column(Text, default="")
    allergens: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)


class Supplier(Replicated, Base):
    """A company the central warehouse buys from."""

    __tablename__ = "supplier"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    contact: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    licence_number: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(default=True)


class Warehouse(Replicated, Base):
    """The central warehouse (总库房) or a branch centre's warehouse (分中心库房)."""

    __tablename__ = "warehouse"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # The site whose goods it holds; only that site moves goods out of it (SYNC.md).
    branch_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("site.id"), index=True)
    is_central: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)


class Location(Replicated, Base):
    """A shelf or room of a warehouse, or one of its virtual ends (supplier, scrap, ...)."""

    __tablename__ = "location"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
