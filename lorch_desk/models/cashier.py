"""The cashier's documents and money ledgers: sales (and their refunds), lines, payments,
stored value and points. Balances are sums of the ledgers, never stored."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Money, Quantity, Replicated


class Sale(Replicated, Base):
    """收银单: one checkout of a customer. A refund or void is another sale of kind "refund"
    that names the sale it reverses, with negative amounts; a paid sale is never edited."""

    __tablename__ = "sale"
    __table_args__ = (
        Index("ix_sale_site_id_day", "site_id", "day"),
        Index("ix_sale_customer_id_day", "customer_id", "day"),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)  # SITECODE-YYYY-NNNNNN
    # sale | refund (of a sale) | deposit | deposit_refund | top_up (stored value, not spend)
    kind: Mapped[str] = mapped_column(String(20))
    reverses_sale_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sale.id"), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    arrival_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("arrival.id"))
    cashier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    # The consultant credited with the sale (revenue by consultant); none for walk-in products.
    consultant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    paid_at: Mapped[datetime]
    day: Mapped[date]  # the clinic's date of paid_at
    # The tier and its terms at checkout, kept with the document.
    tier_code: Mapped[str] = mapped_column(String(20), default="")
    discount_rate: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    list_total: Mapped[Decimal] = mapped_column(Money)
    discount_total: Mapped[Decimal] = mapped_column(Money)
    total: Mapped[Decimal] = mapped_column(Money)  # what the customer owes: sum of payments
    notes: Mapped[str] = mapped_column(Text, default="")


class SaleLine(Replicated, Base):
    """One line of a sale: a service item, a course (N sessions), one session taken of a course
    (paid per session, or 0 when the course was paid ahead), a product or a deposit."""

    __tablename__ = "sale_line"

    sale_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sale.id"), index=True)
    line_no: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))  # service|course|course_session|product|deposit
    service_item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_item.id"))
    product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("product.id"))
    name: Mapped[str] = mapped_column(String(100))  # as printed on the receipt
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    discount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    amount: Mapped[Decimal] = mapped_column(Money)  # quantity × unit price − discount
    # The refunded line a refund line reverses.
    reverses_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sale_line.id"))
    # A course line: the sessions it gives. A course_session line: the course line it uses.
    sessions: Mapped[int] = mapped_column(default=0)
    course_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sale_line.id"), index=True)


class Payment(Replicated, Base):
    """One payment of a sale by one method (ledger; a refund pays back with a negative amount)."""

    __tablename__ = "payment"
    __table_args__ = (Index("ix_payment_site_id_paid_at", "site_id", "paid_at"),)

    sale_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sale.id"), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    cashier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    # cash | bank_card | wechat | alipay | stored_value | deposit | points
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal] = mapped_column(Money)
    paid_at: Mapped[datetime]
    reference: Mapped[str] = mapped_column(String(60), default="")  # card slip, transaction no.


class StoredValueEntry(Replicated, Base):
    """储值: a top-up (positive), a charge at the till (negative), a refund back (ledger)."""

    __tablename__ = "stored_value_entry"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(String(30))  # top_up | charge | refund | correction
    sale_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sale.id"), index=True)
    recorded_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")


class PointsEntry(Replicated, Base):
    """积分: points earned (positive) or redeemed, reversed, expired (negative) (ledger)."""

    __tablename__ = "points_entry"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    points: Mapped[int]
    # earned | redeemed | refund_reversal | referral_reward | birthday | correction
    reason: Mapped[str] = mapped_column(String(30))
    sale_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sale.id"), index=True)
    recorded_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")
