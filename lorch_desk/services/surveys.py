"""Headquarters' quarterly survey of partner institutions, and third parties' survey reports.

Seed 000: each quarter the customer-service centre surveys partner institutions on service
quality, follow-up service and problem solving; a third party's report on a centre's
customers is reviewed and filed (the file is kept as an attachment).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.satisfaction import (
    INSTITUTION_DIMENSIONS,
    MAX_COMMENT_LENGTH,
    check_scores,
    mean_score,
)
from lorch_desk.domain.staff import MAX_CERTIFICATE_BYTES, MEGABYTE, MediaType, detect_media_type
from lorch_desk.models.base import new_id, utc_now
from lorch_desk.models.organisation import Institution
from lorch_desk.models.staff import Attachment
from lorch_desk.models.surveys import InstitutionSurvey, ThirdPartySurveyReport
from lorch_desk.services.access import require
from lorch_desk.services.staff import AttachmentContent
from lorch_desk.services.text_rules import check_length

REPORT_OWNER_TABLE = ThirdPartySurveyReport.__tablename__
REPORT_PURPOSE = "survey_report"
REPORT_MEDIA_TYPES = frozenset({MediaType.PDF, MediaType.PNG, MediaType.JPEG})
MAX_REPORT_BYTES = MAX_CERTIFICATE_BYTES


@dataclass(frozen=True, slots=True)
class InstitutionSurveyRow:
    id: uuid.UUID
    institution_name: str
    quarter_start: date
    scores: tuple[tuple[str, int], ...]
    overall: Decimal
    comment: str


@dataclass(frozen=True, slots=True)
class SurveyReportRow:
    id: uuid.UUID
    agency: str
    month_start: date
    summary: str
    file_name: str
    attachment_id: uuid.UUID


def quarter_start(day: date) -> date:
    """The first day of the quarter `day` lies in."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def record_institution_survey(
    uow: UnitOfWork,
    *,
    institution_id: uuid.UUID,
    quarter: date,
    scores: Mapping[str, int],
    comment: str = "",
    now: datetime | None = None,
) -> InstitutionSurveyRow:
    """Save a partner institution's answers for a quarter; a bad score writes nothing."""
    require(uow.actor, Action.INSTITUTION_SURVEY_RECORD)
    checked = check_scores(scores, INSTITUTION_DIMENSIONS)
    comment = comment.strip()
    check_length(comment, field="comment", maximum=MAX_COMMENT_LENGTH)
    institution = uow.session.get(Institution, institution_id)
    if institution is None or institution.deleted_at is not None:
        raise NotFound(institution_id=str(institution_id))
    survey = InstitutionSurvey(
        institution_id=institution.id,
        quarter_start=quarter_start(quarter),
        scores=checked,
        overall=mean_score(checked),
        comment=comment,
        surveyed_at=now or utc_now(),
    )
    uow.session.add(survey)
    uow.session.flush()
    return _survey_row(survey, institution.name)


def list_institution_surveys(uow: UnitOfWork, *, quarter: date) -> list[InstitutionSurveyRow]:
    """The partner-institution surveys of a quarter, by institution."""
    require(uow.actor, Action.SURVEY_VIEW)
    statement = (
        select(InstitutionSurvey, Institution.name)
        .join(Institution, Institution.id == InstitutionSurvey.institution_id)
        .where(InstitutionSurvey.quarter_start == quarter_start(quarter))
        .order_by(Institution.name, InstitutionSurvey.surveyed_at)
    )
    return [_survey_row(survey, name) for survey, name in uow.session.execute(statement)]


def file_survey_report(
    uow: UnitOfWork,
    *,
    agency: str,
    month: date,
    summary: str,
    file_name: str,
    content: bytes,
) -> SurveyReportRow:
    """File a third party's survey report (PDF or image) on a month of this centre."""
    require(uow.actor, Action.SURVEY_VIEW)
    agency = agency.strip()
    if not agency:
        raise ValidationFailed(field="agency", rule="required")
    check_length(agency, field="agency", maximum=ThirdPartySurveyReport.agency.type.length)
    summary = summary.strip()
    check_length(summary, field="summary", maximum=MAX_COMMENT_LENGTH)
    name = re.split(r"[\\/]", file_name.strip())[-1].strip()
    if not name or not content:
        raise ValidationFailed(field="file", rule="required")
    check_length(name, field="file", maximum=Attachment.file_name.type.length)
    if len(content) > MAX_REPORT_BYTES:
        raise ValidationFailed(
            field="file", rule="file_too_large", maximum_mb=MAX_REPORT_BYTES // MEGABYTE
        )
    media_type = detect_media_type(content)
    if media_type not in REPORT_MEDIA_TYPES:
        raise ValidationFailed(field="file", rule="file_type")
    report_id = new_id()
    attachment = Attachment(
        owner_table=REPORT_OWNER_TABLE,
        owner_id=report_id,
        purpose=REPORT_PURPOSE,
        file_name=name,
        media_type=media_type.value,
        content=bytes(content),
    )
    uow.session.add(attachment)
    uow.session.flush()
    report = ThirdPartySurveyReport(
        id=report_id,
        agency=agency,
        month_start=month.replace(day=1),
        summary=summary,
        attachment_id=attachment.id,
    )
    uow.session.add(report)
    uow.session.flush()
    return SurveyReportRow(report.id, agency, report.month_start, summary, name, attachment.id)


def list_survey_reports(uow: UnitOfWork) -> list[SurveyReportRow]:
    """This centre's filed third-party survey reports, newest month first."""
    require(uow.actor, Action.SURVEY_VIEW)
    statement = (
        select(ThirdPartySurveyReport, Attachment.file_name)
        .join(Attachment, Attachment.id == ThirdPartySurveyReport.attachment_id)
        .where(ThirdPartySurveyReport.site_id == uow.actor.site_id)
        .order_by(ThirdPartySurveyReport.month_start.desc(), ThirdPartySurveyReport.created_at)
    )
    return [
        SurveyReportRow(r.id, r.agency, r.month_start, r.summary, name, r.attachment_id)
        for r, name in uow.session.execute(statement)
    ]


def get_survey_report_file(uow: UnitOfWork, *, report_id: uuid.UUID) -> AttachmentContent:
    """The filed report itself, to open or save."""
    require(uow.actor, Action.SURVEY_VIEW)
    report = uow.session.get(ThirdPartySurveyReport, report_id)
    attachment = uow.session.get(Attachment, report.attachment_id) if report else None
    if attachment is None or attachment.owner_table != REPORT_OWNER_TABLE:
        raise NotFound(what="attachment")
    return AttachmentContent(attachment.file_name, attachment.media_type, attachment.content)


def _survey_row(survey: InstitutionSurvey, name: str) -> InstitutionSurveyRow:
    return InstitutionSurveyRow(
        survey.id,
        name,
        survey.quarter_start,
        tuple((dimension, survey.scores[dimension]) for dimension in INSTITUTION_DIMENSIONS),
        survey.overall,
        survey.comment,
    )
