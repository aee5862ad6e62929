"""The stock ledger (append-only moves) and its derived balance cache."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Quantity, Replicated


class StockMove(Replicated, Base):
    """Goods of one product batch moved between two locations; never updated (ledger)."""

    __tablename__ = "stock_move"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="positive_quantity"),
        Index("ix_stock_move_product_id_moved_at", "product_id", "moved_at"),
        Index("ix_stock_move_document", "document_type", "document_id"),
    )

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    batch: Mapped[str] = mapped_column(String(40), default="")
    expiry: Mapped[date | None]
    from_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"), index=True)
    to_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_cost: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    # The document that caused the move: receipt, count, destruction, dispense, correction.
    document_type: Mapped[str] = mapped_column(String(30))
    document_id: Mapped[uuid.UUID | None]
    moved_at: Mapped[datetime] = mapped_column(index=True)
    # A correction is a new move the other way that names the move it reverses.
    reverses_move_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stock_move.id"))


class StockBalance(Base):
    """Quantity of one product batch at one location: a cache of the moves, rebuildable."""

    __tablename__ = "stock_balance"
    __table_args__ = (
        Index("ix_stock_balance_location_id_product_id", "location_id", "product_id"),
    )

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"), primary_key=True)
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"), primary_key=True)
    batch: Mapped[str] = mapped_column(String(40), primary_key=True)
    expiry: Mapped[date | None]
    quantity: Mapped[Decimal] = mapped_column(Quantity)
