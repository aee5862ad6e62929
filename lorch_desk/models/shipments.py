"""Shipments (发货) to customers and branches, branch requisitions (营养素申请) and branch receipts.

Each document has one writer (SYNC.md): the branch writes its requisition and its receipt of a
shipment; headquarters writes the decision on a requisition and the shipment. A requisition's
state is derived from which of these exist.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Quantity, Replicated


class Requisition(Replicated, Base):
    """A branch warehouse asks the central warehouse for nutrients."""

    __tablename__ = "requisition"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    supply_warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    requested_at: Mapped[datetime]
    notes: Mapped[str] = mapped_column(Text, default="")


class RequisitionLine(Replicated, Base):
    """One product and how much of it the branch asks for."""

    __tablename__ = "requisition_line"

    requisition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("requisition.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    quantity: Mapped[Decimal] = mapped_column(Quantity)


class RequisitionDecision(Replicated, Base):
    """Headquarters approves or rejects a requisition, once."""

    __tablename__ = "requisition_decision"

    requisition_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("requisition.id"), unique=True, index=True
    )
    approved: Mapped[bool]
    decided_by: Mapped[uuid.UUID | None]
    decided_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")


class Shipment(Replicated, Base):
    """Goods sent out of a warehouse: to a customer (with address) or to a branch (in transit)."""

    __tablename__ = "shipment"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    from_warehouse_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warehouse.id"), index=True)
    # The customer location of the sender, or the transit location of the receiving branch.
    to_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"))
    to_warehouse_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("warehouse.id"), index=True
    )
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"), index=True)
    requisition_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("requisition.id"), unique=True, index=True
    )
    recipient: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    shipped_at: Mapped[datetime] = mapped_column(index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class ShipmentLine(Replicated, Base):
    """One batch shipped, from one storage location."""

    __tablename__ = "shipment_line"

    shipment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shipment.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    from_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"))
    batch: Mapped[str] = mapped_column(String(40))
    expiry: Mapped[date | None]
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_cost: Mapped[Decimal]


class ShipmentReceipt(Replicated, Base):
    """The branch receives a shipment into one of its storage locations, once."""

    __tablename__ = "shipment_receipt"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    shipment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shipment.id"), unique=True, index=True
    )
    location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("location.id"))
    received_at: Mapped[datetime]
    notes: Mapped[str] = mapped_column(Text, default="")


class ShipmentReceiptLine(Replicated, Base):
    """What arrived of one shipped line: received (damaged included) and damaged quantities."""

    __tablename__ = "shipment_receipt_line"

    receipt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shipment_receipt.id"), index=True)
    shipment_line_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shipment_line.id"), index=True)
    received_quantity: Mapped[Decimal] = mapped_column(Quantity)
    damaged_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal("0"))
    note: Mapped[str] = mapped_column(Text, default="")
