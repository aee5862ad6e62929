"""电话网络咨询: leads registered before a visit (site documents) and their contact ledger."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated


class Inquiry(Replicated, Base):
    """One lead from the market, online or hotline desk; the customer record may come later."""

    __tablename__ = "inquiry"
    __table_args__ = (
        Index("ix_inquiry_site_id_inquired_at", "site_id", "inquired_at"),
        Index("ix_inquiry_mobile", "mobile"),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    inquired_at: Mapped[datetime]
    # Linked when the lead is found among, or registered as, the clinic's customers.
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer.id"), index=True)
    # A lead may give only a surname (王女士).
    customer_name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str] = mapped_column(String(10), default="unknown")
    mobile: Mapped[str | None] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(50), default="")
    referrer_name: Mapped[str] = mapped_column(String(50), default="")
    channel: Mapped[str] = mapped_column(String(20), default="")
    # 受理类型: how the inquiry came in (phone, web, WeChat, ...).
    intake_type: Mapped[str] = mapped_column(String(20), default="")
    # 开发人员: the staff member who developed the lead.
    developer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    developer_name: Mapped[str] = mapped_column(String(50), default="")
    # 咨询师: the consultant the lead is pre-booked with.
    consultant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    # 咨询项目类型
    item_type: Mapped[str] = mapped_column(String(100), default="")
    appointment_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(20))
    # 信息来源
    source: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class InquiryContact(Replicated, Base):
    """One later contact with a lead (回访 of a lead); insert-only (ledger)."""

    __tablename__ = "inquiry_contact"

    inquiry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inquiry.id"), index=True)
    contacted_at: Mapped[datetime]
    contacted_by_name: Mapped[str] = mapped_column(String(50))
    method: Mapped[str] = mapped_column(String(20))
    content: Mapped[str] = mapped_column(Text)
    next_contact_on: Mapped[date | None]
