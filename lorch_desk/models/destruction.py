"""Destruction (销毁) of expired, damaged or recalled goods: request, approval, posting."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Quantity, Replicated


class Destruction(Replicated, Base):
    """A destruction request of one warehouse; approved, witnessed, then posted to scrap."""

    __tablename__ = "destruction"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    reason_note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    approved_by: Mapped[uuid.UUID | None]
    approved_at: Mapped[datetime | None]
    witness_name: Mapped[str] = mapped_column(String(50), default="")
    posted_by: Mapped[uuid.UUID | None]
    posted_at: Mapped[datetime | None]


class DestructionLine(Replicated, Base):
    """One batch to destroy from one location."""

    __tablename__ = "destruction_line"

    destruction_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("destruction.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"))
    batch: Mapped[str] = mapped_column(String(40))
    expiry: Mapped[date | None]
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_cost: Mapped[Decimal]
