"""User accounts, staff profiles (doctors' files) and attached files."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class UserAccount(Replicated, Base):
    """A login with one role; `site_id` is the site the user works at."""

    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(30))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(default=True)


class LoginGuard(Base):
    """Wrong-password count and lockout of one username on this node (local-only)."""

    __tablename__ = "login_guard"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failed_count: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class StaffProfile(Replicated, Base):
    """A doctor's or consultant's file (seed 000): practice, specialities, introduction."""

    __tablename__ = "staff_profile"

    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str] = mapped_column(String(10))
    phone: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[str] = mapped_column(String(30))
    is_full_time: Mapped[bool] = mapped_column(default=True)
    service_area: Mapped[str] = mapped_column(String(100), default="")
    specialities: Mapped[str] = mapped_column(String(200), default="")
    years_of_practice: Mapped[int] = mapped_column(default=0)
    introduction: Mapped[str] = mapped_column(Text, default="")
    training_history: Mapped[str] = mapped_column(Text, default="")
    success_cases: Mapped[str] = mapped_column(Text, default="")
    photo_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attachment.id"))


class Attachment(Replicated, Base):
    """A stored file (photo, certificate, survey report) that belongs to one record."""

    __tablename__ = "attachment"

    owner_table: Mapped[str] = mapped_column(String(60))
    owner_id: Mapped[uuid.UUID] = mapped_column(index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
