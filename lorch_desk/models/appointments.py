"""Appointments with a consultant, doctor and/or room (site documents) and the rooms."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class Room(Replicated, Base):
    """A treatment or consultation room of one site that appointments can book (central)."""

    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("site_id", "code"),)

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(50))
    is_active: Mapped[bool] = mapped_column(default=True)


class Appointment(Replicated, Base):
    """预约: a customer (or a lead not yet registered) booked with a person and/or a room."""

    __tablename__ = "appointment"
    __table_args__ = (
        Index("ix_appointment_site_id_day", "site_id", "day"),
        Index("ix_appointment_staff_id_starts_at", "staff_id", "starts_at"),
        Index("ix_appointment_room_id_starts_at", "room_id", "starts_at"),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"), index=True)
    inquiry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inquiry.id"), index=True)
    customer_name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str] = mapped_column(String(10), default="unknown")
    mobile: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str] = mapped_column(String(100), default="")
    # consultation, treatment, revisit or report reading
    purpose: Mapped[str] = mapped_column(String(20))
    item: Mapped[str] = mapped_column(String(100))
    # The consultant or doctor booked (None: a room only).
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    room_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("room.id"))
    # The clinic's date of the start, so a day loads by one index.
    day: Mapped[date]
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    # booked, checked_in or cancelled; a past booking never checked in is a no-show.
    status: Mapped[str] = mapped_column(String(20))
    booked_by_name: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    arrival_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("arrival.id"))
