"""满意度: visit surveys, monthly summaries per centre and consultant, and the triage verdict."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.satisfaction import Verdict
from lorch_desk.models.front_desk import ConsultantSuspension
from lorch_desk.models.surveys import SatisfactionSurvey
from lorch_desk.services.satisfaction import (
    VisitSurveyInput,
    centre_summaries,
    consultant_satisfaction,
    consultant_summaries,
    list_survey_consultants,
    list_surveys,
    month_bounds,
    record_visit_survey,
)
from lorch_desk.services.satisfaction_suspension import suspend_consultant_for_satisfaction
from tests.services.consultant_clinic import DAY, at
from tests.services.follow_up_clinic import FollowUpClinic

HAPPY = {"service_quality": 5, "service_effect": 4, "products": 4, "service_attitude": 5}
UNHAPPY = {"service_quality": 3, "service_effect": 3, "products": 4, "service_attitude": 2}


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    return FollowUpClinic(database, actor_for)


def _survey(clinic: FollowUpClinic, customer, scores, *, consultant=None, day=DAY, comment=""):  # noqa: ANN001, ANN202
    data = VisitSurveyInput(
        customer_id=customer, scores=scores, consultant_id=consultant, comment=comment
    )
    return clinic.run(clinic.receptionist, record_visit_survey, data=data, now=at(18, 30, day))


def test_the_front_desk_records_a_survey_after_the_visit(clinic: FollowUpClinic) -> None:
    mei = clinic.register("李梅")
    fang = clinic.consultant.user_id

    row = _survey(clinic, mei, HAPPY, consultant=fang, comment="环境很好")

    assert (row.overall, row.is_satisfied, row.consultant_name) == (Decimal("4.50"), True, "王芳")
    [listed] = clinic.run(clinic.agent, list_surveys, month=DAY)
    assert (listed.customer_name, listed.comment, listed.surveyed_on) == ("李梅", "环境很好", DAY)
    assert [c.name for c in clinic.run(clinic.receptionist, list_survey_consultants)] == ["王芳"]


@pytest.mark.parametrize(
    ("scores", "field", "rule"),
    [
        ({**HAPPY, "products": 6}, "products", "range"),
        ({**HAPPY, "service_quality": 0}, "service_quality", "range"),
        ({k: v for k, v in HAPPY.items() if k != "service_effect"}, "service_effect", "required"),
        ({**HAPPY, "products": 4.5}, "products", "integer"),
        ({**HAPPY, "smell": 3}, "smell", "unknown_field"),
    ],
)
def test_a_score_off_the_scale_is_refused_and_nothing_is_written(
    clinic: FollowUpClinic, count_rows, scores, field, rule
) -> None:  # noqa: ANN001
    mei = clinic.register("李梅")
    with pytest.raises(ValidationFailed) as refused:
        _survey(clinic, mei, scores)
    assert (refused.value.field, refused.value.params["rule"]) == (field, rule)
    if rule == "range":
        assert (refused.value.params["minimum"], refused.value.params["maximum"]) == (1, 5)
    assert count_rows(SatisfactionSurvey) == 0


def test_a_survey_naming_someone_who_is_not_a_consultant_is_refused(
    clinic: FollowUpClinic,
) -> None:
    mei = clinic.register("李梅")
    with pytest.raises(ValidationFailed) as refused:
        _survey(clinic, mei, HAPPY, consultant=clinic.agent.user_id)
    assert refused.value.field == "consultant_id"


def test_the_monthly_summary_gives_each_centre_and_consultant_its_rate(
    clinic: FollowUpClinic,
) -> None:
    fang = clinic.consultant.user_id
    yang = clinic.hire("杨帆").user_id
    customers = [clinic.register(f"顾客{i}") for i in range(10)]
    # 王芳: 9 of 10 satisfied (90 %: kept); 杨帆: 4 of 5 (80 %: a week's suspension).
    for index, customer in enumerate(customers):
        _survey(clinic, customer, UNHAPPY if index == 0 else HAPPY, consultant=fang)
    for index, customer in enumerate(customers[:5]):
        _survey(clinic, customer, UNHAPPY if index == 0 else HAPPY, consultant=yang)
    # Next month's survey stays out of this month.
    _survey(clinic, customers[0], UNHAPPY, consultant=fang, day=date(2026, 12, 1))

    [centre] = clinic.run(clinic.manager, centre_summaries, month=DAY)
    assert (centre.name, centre.surveys, centre.satisfied, centre.rate) == (
        "北京总部",
        15,
        13,
        Decimal("86.7"),
    )
    assert dict(centre.dimensions)["service_attitude"] == Decimal("4.60")
    by_name = {row.name: row for row in clinic.run(clinic.agent, consultant_summaries, month=DAY)}
    assert (by_name["王芳"].rate, by_name["王芳"].verdict) == (Decimal("90.0"), Verdict.KEEP)
    assert (by_name["杨帆"].rate, by_name["杨帆"].verdict) == (
        Decimal("80.0"),
        Verdict.SUSPEND_A_WEEK,
    )
    december = clinic.run(
        clinic.manager, consultant_satisfaction, consultant_id=fang, month=date(2026, 12, 15)
    )
    assert (december.surveys, december.rate, december.verdict) == (
        1,
        Decimal("0.0"),
        Verdict.TOO_FEW_SURVEYS,
    )
    assert (
        clinic.run(
            clinic.manager, consultant_satisfaction, consultant_id=yang, month=date(2026, 10, 1)
        )
        is None
    )


def test_summaries_are_for_customer_service_and_managers(clinic: FollowUpClinic) -> None:
    consultant = clinic.make_actor(Role.CONSULTANT)
    with pytest.raises(PermissionDenied):
        clinic.run(consultant, centre_summaries, month=DAY)


def test_month_bounds_cross_the_year() -> None:
    assert month_bounds(date(2026, 12, 31)) == (date(2026, 12, 1), date(2027, 1, 1))
    assert month_bounds(DAY) == (date(2026, 11, 1), date(2026, 11, 1) + timedelta(days=30))


def test_a_month_below_ninety_percent_suspends_the_consultant_for_a_week_once(
    clinic: FollowUpClinic, count_rows
) -> None:  # noqa: ANN001
    fang = clinic.consultant.user_id
    customers = [clinic.register(f"顾客{i}") for i in range(5)]
    for index, customer in enumerate(customers):
        _survey(clinic, customer, UNHAPPY if index < 1 else HAPPY, consultant=fang)
    at_month_end = at(10, 0, date(2026, 12, 1))

    summary = clinic.run(
        clinic.manager,
        suspend_consultant_for_satisfaction,
        consultant_id=fang,
        month=DAY,
        now=at_month_end,
    )

    assert (summary.rate, summary.verdict) == (Decimal("80.0"), Verdict.SUSPEND_A_WEEK)
    assert count_rows(ConsultantSuspension) == 1
    with clinic.database.unit_of_work(clinic.admin, read_only=True) as uow:
        stored = uow.session.scalars(select(ConsultantSuspension)).one()
        assert (stored.kind, stored.ends_at - stored.starts_at) == (
            "satisfaction",
            timedelta(days=7),
        )
    with pytest.raises(ValidationFailed) as again:
        clinic.run(
            clinic.manager,
            suspend_consultant_for_satisfaction,
            consultant_id=fang,
            month=DAY,
            now=at_month_end,
        )
    assert again.value.params["rule"] == "already_suspended"
    with pytest.raises(PermissionDenied):
        clinic.run(
            clinic.agent,
            suspend_consultant_for_satisfaction,
            consultant_id=fang,
            month=DAY,
            now=at_month_end,
        )


def test_a_consultant_above_ninety_percent_is_not_suspended(clinic: FollowUpClinic) -> None:
    fang = clinic.consultant.user_id
    for index in range(5):
        _survey(clinic, clinic.register(f"顾客{index}"), HAPPY, consultant=fang)
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            clinic.manager, suspend_consultant_for_satisfaction, consultant_id=fang, month=DAY
        )
    assert refused.value.params["rule"] == "no_satisfaction_suspension"
