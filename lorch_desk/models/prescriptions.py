"""Prescriptions (处方单): western and TCM herbal, signed by a doctor, dispensed by the pharmacy."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Quantity, Replicated
from lorch_desk.models.consultations import refuse_edits


class Prescription(Replicated, Base):
    """One version of a prescription; once signed only its dispensing status moves on."""

    __tablename__ = "prescription"
    __table_args__ = (Index("ix_prescription_site_id_status", "site_id", "status"),)

    number: Mapped[str] = mapped_column(String(30), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    arrival_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("arrival.id"), index=True)
    prescriber_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(30))
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    # TCM: number of doses (剂数), how to decoct, how to take it.
    doses: Mapped[int | None]
    decoction: Mapped[str] = mapped_column(Text, default="")
    usage_instructions: Mapped[str] = mapped_column(Text, default="")
    signed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    signed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("prescription.id"), unique=True
    )


class PrescriptionItem(Replicated, Base):
    """One product of a prescription: western dose/frequency/quantity/days, or herb grams."""

    __tablename__ = "prescription_item"

    prescription_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("prescription.id"), index=True)
    line_no: Mapped[int]
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id"))
    product_name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(10), default="")
    dose: Mapped[str] = mapped_column(String(40), default="")
    frequency: Mapped[str] = mapped_column(String(40), default="")
    quantity: Mapped[Decimal | None] = mapped_column(Quantity)
    duration_days: Mapped[int | None]
    grams_per_dose: Mapped[Decimal | None] = mapped_column(Quantity)
    note: Mapped[str] = mapped_column(String(100), default="")


# Signing and dispensing move the status on; nothing else of a saved prescription changes.
refuse_edits(Prescription, editable=frozenset({"status", "signed_by_id", "signed_at"}))
refuse_edits(PrescriptionItem)
