"""The central catalogue of treatment and service items (针灸, 推拿 ...) with their prices."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Money, Replicated


class ServiceItem(Replicated, Base):
    """A treatment or service the clinic sells; plans and the cashier price from it (central)."""

    __tablename__ = "service_item"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(30))
    unit_price: Mapped[Decimal] = mapped_column(Money)
    # A course of sessions (疗程) sold as one item, or None for a single service.
    sessions_per_course: Mapped[int | None]
    is_active: Mapped[bool] = mapped_column(default=True)
