"""Customers and their health files."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class Customer(Replicated, Base):
    """A person the clinic serves; a member holds a tier card (shared-mutable for sync)."""

    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_name_initials", "name_initials"),
        Index("ix_customer_name_pinyin", "name_pinyin"),
        Index("ix_customer_mobile_reversed", "mobile_reversed"),
        Index("ix_customer_mobile", "mobile"),
        Index("ix_customer_id_number", "id_number"),
        Index("ix_customer_name_birthday", "name", "birthday"),
        # The few deleted or merged customers, so counting the live ones needs no table scan.
        Index(
            "ix_customer_tombstoned",
            "id",
            sqlite_where=text("deleted_at IS NOT NULL OR merged_into_id IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL OR merged_into_id IS NOT NULL"),
        ),
    )

    file_number: Mapped[str] = mapped_column(String(20), unique=True)
    card_number: Mapped[str | None] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str] = mapped_column(String(10))
    birthday: Mapped[date | None]
    mobile: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    wechat: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(50), default="")
    id_number: Mapped[str | None] = mapped_column(String(18))
    occupation: Mapped[str] = mapped_column(String(50), default="")
    income_level: Mapped[str] = mapped_column(String(20), default="")
    member_type: Mapped[str] = mapped_column(String(20), default="ordinary")
    channel: Mapped[str] = mapped_column(String(20), default="")
    developer_name: Mapped[str] = mapped_column(String(50), default="")
    referrer_name: Mapped[str] = mapped_column(String(50), default="")
    sms_consent: Mapped[bool] = mapped_column(default=False)
    # Greeted on the lunar date of birth (农历生日), see domain/lunar_birthdays.py.
    celebrates_lunar_birthday: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Derived search keys, written by the service from name and mobile.
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")
    name_initials: Mapped[str] = mapped_column(String(50), default="")
    # The name with a space between characters: one full-text token per character (SQLite FTS5).
    name_tokens: Mapped[str] = mapped_column(String(120), default="")
    mobile_reversed: Mapped[str | None] = mapped_column(String(20))
    # A merged duplicate points at the customer that carries on; its history stays its own.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"))


class HealthRecordEntry(Replicated, Base):
    """One entry of a section of the health file; a change is a newer entry (ledger)."""

    __tablename__ = "health_record_entry"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    section: Mapped[str] = mapped_column(String(30))
    content: Mapped[str] = mapped_column(Text)
