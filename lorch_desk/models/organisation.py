"""Sites (headquarters and branch centres), clinic-wide settings and partner institutions."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class Site(Replicated, Base):
    """Headquarters or a branch centre; its code prefixes every number people read."""

    __tablename__ = "site"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    city: Mapped[str] = mapped_column(String(50), default="")
    is_headquarters: Mapped[bool] = mapped_column(default=False)
    time_zone: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai")


class ClinicSetting(Replicated, Base):
    """A chain-wide setting an administrator may change (a JSON value under a key)."""

    __tablename__ = "clinic_setting"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[Any] = mapped_column(JSON)


class Institution(Replicated, Base):
    """A partner institution; only headquarters edits them (seed 000)."""

    __tablename__ = "institution"

    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    head: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    cooperation_mode: Mapped[str] = mapped_column(String(100), default="")
    cooperation_project: Mapped[str] = mapped_column(Text, default="")
    signed_on: Mapped[date | None]
