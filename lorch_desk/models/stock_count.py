"""Stock counts (盘点): a snapshot of a warehouse's balances and what was counted."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Quantity, Replicated


class StockCount(Replicated, Base):
    """One count of a warehouse, a category or a location, as of `snapshot_at`."""

    __tablename__ = "stock_count"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    scope: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(20))
    location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("location.id"))
    snapshot_at: Mapped[datetime]
    blind: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(20), index=True)
    approved_by: Mapped[uuid.UUID | None]
    approved_at: Mapped[datetime | None]
    posted_by: Mapped[uuid.UUID | None]
    posted_at: Mapped[datetime | None]
    notes: Mapped[str] = mapped_column(Text, default="")


class StockCountLine(Replicated, Base):
    """One product batch at one location of a count: the snapshot and the counted quantity."""

    __tablename__ = "stock_count_line"
    __table_args__ = (UniqueConstraint("count_id", "product_id", "location_id", "batch"),)

    count_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stock_count.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"))
    batch: Mapped[str] = mapped_column(String(40))
    expiry: Mapped[date | None]
    # The balance printed on the sheet; posting recomputes it from the ledger as of the snapshot.
    snapshot_quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_cost: Mapped[Decimal]
    counted_quantity: Mapped[Decimal | None] = mapped_column(Quantity)
    counted_at: Mapped[datetime | None]
    counted_by: Mapped[uuid.UUID | None]
    recount: Mapped[bool] = mapped_column(default=False)
