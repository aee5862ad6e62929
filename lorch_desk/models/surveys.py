"""满意度调查: visit surveys, partner-institution surveys and third-party reports (ledgers)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, Replicated

Score = Numeric(4, 2, asdecimal=True)


class SatisfactionSurvey(Replicated, Base):
    """A customer's answers after a visit: a score per dimension and a comment (ledger)."""

    __tablename__ = "satisfaction_survey"
    __table_args__ = (
        Index("ix_satisfaction_survey_site_id_surveyed_on", "site_id", "surveyed_on"),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    arrival_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("arrival.id"), index=True)
    # The consultant who served the visit; their monthly rate feeds the triage suspension rule.
    consultant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("user_account.id"), index=True
    )
    surveyed_on: Mapped[date]  # the clinic's date of the survey
    scores: Mapped[dict[str, int]] = mapped_column(JSON)
    overall: Mapped[Decimal] = mapped_column(Score)
    is_satisfied: Mapped[bool]
    comment: Mapped[str] = mapped_column(Text, default="")


class InstitutionSurvey(Replicated, Base):
    """Headquarters' quarterly survey of a partner institution (ledger)."""

    __tablename__ = "institution_survey"

    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"), index=True)
    quarter_start: Mapped[date] = mapped_column(index=True)
    scores: Mapped[dict[str, int]] = mapped_column(JSON)
    overall: Mapped[Decimal] = mapped_column(Score)
    comment: Mapped[str] = mapped_column(Text, default="")
    surveyed_at: Mapped[datetime]


class ThirdPartySurveyReport(Replicated, Base):
    """A third party's survey report on a month of a centre; the file is an Attachment (ledger)."""

    __tablename__ = "third_party_survey_report"

    agency: Mapped[str] = mapped_column(String(100))
    month_start: Mapped[date] = mapped_column(index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    attachment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attachment.id"))
