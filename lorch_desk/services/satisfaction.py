"""满意度: the survey after a visit, and its monthly summary per centre and per consultant.

The consultant's monthly rate (satisfied surveys among all) feeds the triage suspension rule
of seed 003: below 90 % a week's suspension, below 80 % off the post.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.domain.satisfaction import (
    DEFAULT_POLICY,
    MAX_COMMENT_LENGTH,
    VISIT_DIMENSIONS,
    Verdict,
    check_scores,
    is_satisfied,
    mean_score,
    rate_percent,
    verdict,
)
from lorch_desk.models.base import utc_now
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.organisation import Site
from lorch_desk.models.staff import UserAccount
from lorch_desk.models.surveys import SatisfactionSurvey
from lorch_desk.services.access import require
from lorch_desk.services.text_rules import check_length


@dataclass(frozen=True, slots=True, kw_only=True)
class VisitSurveyInput:
    """What the survey form sends: the customer, who served them, a score per dimension."""

    customer_id: uuid.UUID
    scores: Mapping[str, int]
    consultant_id: uuid.UUID | None = None
    arrival_id: uuid.UUID | None = None
    comment: str = ""


@dataclass(frozen=True, slots=True)
class SurveyRow:
    id: uuid.UUID
    surveyed_on: date
    customer_name: str
    consultant_name: str
    overall: Decimal
    is_satisfied: bool
    comment: str


@dataclass(frozen=True, slots=True)
class StaffChoice:
    id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class SatisfactionSummaryRow:
    """A month of surveys of one centre or one consultant."""

    month: date
    name: str  # the centre or the consultant
    surveys: int
    satisfied: int
    rate: Decimal | None  # percent
    overall: Decimal | None  # mean score
    dimensions: tuple[tuple[str, Decimal], ...]  # mean per dimension
    verdict: Verdict | None = None  # consultants only
    consultant_id: uuid.UUID | None = None


def record_visit_survey(
    uow: UnitOfWork, *, data: VisitSurveyInput, now: datetime | None = None
) -> SurveyRow:
    """Save a visit survey; an unscored dimension or a score off the scale writes nothing."""
    require(uow.actor, Action.SURVEY_RECORD)
    scores = check_scores(data.scores, VISIT_DIMENSIONS)
    comment = data.comment.strip()
    check_length(comment, field="comment", maximum=MAX_COMMENT_LENGTH)
    customer = uow.session.get(Customer, data.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(customer_id=str(data.customer_id))
    if data.arrival_id is not None and uow.session.get(Arrival, data.arrival_id) is None:
        raise NotFound(arrival_id=str(data.arrival_id))
    consultant = None
    if data.consultant_id is not None:
        consultant = uow.session.get(UserAccount, data.consultant_id)
        if consultant is None or consultant.role != Role.CONSULTANT.value:
            raise ValidationFailed(field="consultant_id", rule="not_a_consultant")
    overall = mean_score(scores)
    survey = SatisfactionSurvey(
        customer_id=customer.id,
        arrival_id=data.arrival_id,
        consultant_id=data.consultant_id,
        surveyed_on=clinic_time(now or utc_now()).date(),
        scores=scores,
        overall=overall,
        is_satisfied=is_satisfied(overall),
        comment=comment,
    )
    uow.session.add(survey)
    uow.session.flush()
    return _row(survey, customer.name, consultant.display_name if consultant else "")


def list_surveys(uow: UnitOfWork, *, month: date) -> list[SurveyRow]:
    """The site's visit surveys of a month, newest first."""
    require(uow.actor, Action.SURVEY_VIEW)
    start, end = month_bounds(month)
    statement = (
        select(SatisfactionSurvey, Customer.name, UserAccount.display_name)
        .join(Customer, Customer.id == SatisfactionSurvey.customer_id)
        .outerjoin(UserAccount, UserAccount.id == SatisfactionSurvey.consultant_id)
        .where(
            SatisfactionSurvey.site_id == uow.actor.site_id,
            SatisfactionSurvey.surveyed_on >= start,
            SatisfactionSurvey.surveyed_on < end,
        )
        .order_by(SatisfactionSurvey.surveyed_on.desc(), SatisfactionSurvey.created_at.desc())
    )
    return [
        _row(s, name, consultant or "") for s, name, consultant in uow.session.execute(statement)
    ]


def list_survey_consultants(uow: UnitOfWork) -> list[StaffChoice]:
    """The site's active consultants, whom a survey can name."""
    require(uow.actor, Action.SURVEY_RECORD)
    users = uow.session.scalars(
        select(UserAccount)
        .where(
            UserAccount.site_id == uow.actor.site_id,
            UserAccount.role == Role.CONSULTANT.value,
            UserAccount.is_active.is_(True),
            UserAccount.deleted_at.is_(None),
        )
        .order_by(UserAccount.display_name)
    )
    return [StaffChoice(user.id, user.display_name) for user in users]


def centre_summaries(uow: UnitOfWork, *, month: date) -> list[SatisfactionSummaryRow]:
    """A month's satisfaction of each centre (headquarters sees every centre, others their own)."""
    require(uow.actor, Action.SURVEY_VIEW)
    statement = select(SatisfactionSurvey, Site.name).join(
        Site, Site.id == SatisfactionSurvey.site_id
    )
    groups: dict[str, list[SatisfactionSurvey]] = defaultdict(list)
    for survey, site_name in uow.session.execute(_in_month(uow, statement, month)):
        groups[site_name].append(survey)
    return [_summary(month, name, surveys) for name, surveys in sorted(groups.items())]


def consultant_summaries(uow: UnitOfWork, *, month: date) -> list[SatisfactionSummaryRow]:
    """A month's satisfaction of each consultant surveyed, with the triage verdict it means."""
    require(uow.actor, Action.SURVEY_VIEW)
    statement = select(SatisfactionSurvey, UserAccount.display_name).join(
        UserAccount, UserAccount.id == SatisfactionSurvey.consultant_id
    )
    groups: dict[tuple[str, uuid.UUID], list[SatisfactionSurvey]] = defaultdict(list)
    for survey, name in uow.session.execute(_in_month(uow, statement, month)):
        groups[(name, survey.consultant_id)].append(survey)  # type: ignore[index]
    return [
        _summary(month, name, surveys, consultant_id=consultant_id)
        for (name, consultant_id), surveys in sorted(groups.items(), key=lambda item: item[0][0])
    ]


def consultant_satisfaction(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, month: date
) -> SatisfactionSummaryRow | None:
    """One consultant's month (rate and verdict) for the triage suspension rule; None if unsurveyed."""
    return next(
        (
            row
            for row in consultant_summaries(uow, month=month)
            if row.consultant_id == consultant_id
        ),
        None,
    )


def month_bounds(month: date) -> tuple[date, date]:
    """The first day of `month` and of the month after."""
    start = month.replace(day=1)
    end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, end


def _in_month(uow: UnitOfWork, statement, month: date):  # noqa: ANN001, ANN202
    start, end = month_bounds(month)
    statement = statement.where(
        SatisfactionSurvey.surveyed_on >= start,
        SatisfactionSurvey.surveyed_on < end,
        SatisfactionSurvey.deleted_at.is_(None),
    )
    if uow.actor.role is not Role.HQ_ADMIN:
        statement = statement.where(SatisfactionSurvey.site_id == uow.actor.site_id)
    return statement


def _summary(
    month: date,
    name: str,
    surveys: list[SatisfactionSurvey],
    *,
    consultant_id: uuid.UUID | None = None,
) -> SatisfactionSummaryRow:
    satisfied = sum(1 for survey in surveys if survey.is_satisfied)
    return SatisfactionSummaryRow(
        month=month.replace(day=1),
        name=name,
        surveys=len(surveys),
        satisfied=satisfied,
        rate=rate_percent(satisfied, len(surveys)),
        overall=_mean(survey.overall for survey in surveys),
        dimensions=tuple(
            (dimension, _mean(Decimal(s.scores.get(dimension, 0)) for s in surveys))
            for dimension in VISIT_DIMENSIONS
        ),
        verdict=verdict(satisfied, len(surveys), DEFAULT_POLICY) if consultant_id else None,
        consultant_id=consultant_id,
    )


def _mean(values: Iterable[Decimal]) -> Decimal:
    values = list(values)
    total = sum(values, Decimal(0)) / len(values)
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _row(survey: SatisfactionSurvey, customer_name: str, consultant_name: str) -> SurveyRow:
    return SurveyRow(
        survey.id,
        survey.surveyed_on,
        customer_name,
        consultant_name,
        survey.overall,
        survey.is_satisfied,
        survey.comment,
    )
