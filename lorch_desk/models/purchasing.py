"""Purchase orders and purchase receipts (采购入库) of a warehouse: site documents."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Quantity, Replicated


class PurchaseOrder(Replicated, Base):
    """What the central warehouse ordered from a supplier; received in one or more receipts."""

    __tablename__ = "purchase_order"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    supplier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supplier.id"), index=True)
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    ordered_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")


class PurchaseOrderLine(Replicated, Base):
    """One product of a purchase order."""

    __tablename__ = "purchase_order_line"

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("purchase_order.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_cost: Mapped[Decimal]


class PurchaseReceipt(Replicated, Base):
    """Goods received into a warehouse location, from an order or direct; final once saved."""

    __tablename__ = "purchase_receipt"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    supplier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supplier.id"), index=True)
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"))
    purchase_order_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("purchase_order.id"), index=True
    )
    received_at: Mapped[datetime]
    notes: Mapped[str] = mapped_column(Text, default="")


class PurchaseReceiptLine(Replicated, Base):
    """One batch received: product, batch, expiry, quantity and unit cost."""

    __tablename__ = "purchase_receipt_line"

    receipt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("purchase_receipt.id"), index=True)
    order_line_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("purchase_order_line.id"), index=True
    )
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    batch: Mapped[str] = mapped_column(String(40))
    expiry: Mapped[date | None]
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_cost: Mapped[Decimal]
