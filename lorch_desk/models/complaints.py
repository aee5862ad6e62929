"""投诉: a complaint (site document) and its steps, each step an insert-only ledger row."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class Complaint(Replicated, Base):
    """One complaint: who, how, what, and where its handling stands (the steps say the rest)."""

    __tablename__ = "complaint"
    __table_args__ = (
        Index("ix_complaint_site_id_received_at", "site_id", "received_at"),
        Index("ix_complaint_site_id_status", "site_id", "status"),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    received_at: Mapped[datetime]
    # A registered customer, or only a name and contact (not every complainant is a customer).
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"), index=True)
    customer_name: Mapped[str] = mapped_column(String(50))
    contact: Mapped[str] = mapped_column(String(50), default="")
    matter: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(20))
    # The consultant or other staff member the complaint is about, if any.
    about_staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    received_by_name: Mapped[str] = mapped_column(String(50), default="")
    # Where the steps have brought it (domain.complaints.ComplaintStatus).
    status: Mapped[str] = mapped_column(String(20))
    handling: Mapped[str] = mapped_column(String(20), default="")
    escalated_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    # The current plan's deadline: past it and not closed, the complaint is overdue.
    plan_deadline: Mapped[date | None]
    cause: Mapped[str] = mapped_column(String(20), default="")
    is_service_attitude: Mapped[bool] = mapped_column(default=False)
    closed_at: Mapped[datetime | None]


class ComplaintStep(Replicated, Base):
    """One step taken on a complaint, with what it recorded; never edited."""

    __tablename__ = "complaint_step"

    complaint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("complaint.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    recorded_at: Mapped[datetime]
    recorded_by_name: Mapped[str] = mapped_column(String(50), default="")
    # Investigation notes, measures, progress told to the customer, result or summary.
    text: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(String(50), default="")
    responsible_person: Mapped[str] = mapped_column(String(50), default="")
    deadline: Mapped[date | None]
    # The handling, sign-off or cause chosen at this step.
    choice: Mapped[str] = mapped_column(String(20), default="")
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    is_service_attitude: Mapped[bool] = mapped_column(default=False)
    # The customer's signature drawn on screen (a PNG attachment), when signed that way.
    signature_attachment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attachment.id"))
