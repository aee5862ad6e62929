"""Triage statistics per consultant: turns, skips, directed, waits, deals closed, conversion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import triage
from lorch_desk.services.consultant_desk import accept_offered_customer, decline_offered_customer
from lorch_desk.services.consultations import ConsultationInput, record_consultation
from lorch_desk.services.report_catalogue import load_all
from lorch_desk.services.reports import run_report
from lorch_desk.services.triage_statistics import consultant_statistics
from tests.services.consultant_clinic import ConsultantClinic, at

NEXT_DAY = date(2026, 11, 24)


@pytest.fixture()
def clinic(database, actor_for) -> ConsultantClinic:  # noqa: ANN001
    clinic = ConsultantClinic(database, actor_for)
    clinic.hire("王芳")
    clinic.hire("赵敏")
    return clinic


def _a_day(clinic: ConsultantClinic) -> None:
    """王芳 receives 陈静 after 3 minutes and declines 李娜, whom 赵敏 receives; 刘洋 is directed."""
    wang, zhao = clinic.staff["王芳"], clinic.staff["赵敏"]
    clinic.open_rotation(at(9, 0))
    chen = clinic.arrive(clinic.register("陈静"), at(9, 0))
    clinic.offer(at(9, 1))
    clinic.run(wang, accept_offered_customer, arrival_id=chen, now=at(9, 3))
    li = clinic.arrive(clinic.register("李娜"), at(9, 10))
    clinic.offer(at(9, 10))
    clinic.run(zhao, decline_offered_customer, arrival_id=li, reason="忙", now=at(9, 11))
    clinic.offer(at(9, 11))
    clinic.run(wang, accept_offered_customer, arrival_id=li, now=at(9, 16))
    liu = clinic.arrive(clinic.register("刘洋"), at(9, 20))
    clinic.run(
        clinic.manager, triage.direct, arrival_id=liu, consultant_id=zhao.user_id, now=at(9, 21)
    )
    for outcome, when in (("deal_closed", at(9, 30)), ("not_closed", at(9, 40))):
        clinic.run(
            wang,
            record_consultation,
            customer_id=clinic.register(f"客户{when.minute}"),
            arrival_id=None,
            data=ConsultationInput("", outcome, "price" if outcome == "not_closed" else None),
            now=when,
        )


def test_a_day_per_consultant(clinic) -> None:  # noqa: ANN001
    _a_day(clinic)
    rows = clinic.run(
        clinic.manager, consultant_statistics, start=date(2026, 11, 23), end=date(2026, 11, 23)
    )
    by_id = {row.consultant_id: row for row in rows}
    wang = by_id[str(clinic.staff["王芳"].user_id)]
    zhao = by_id[str(clinic.staff["赵敏"].user_id)]
    assert (wang.first_visits_received, wang.counted_turns, wang.skips) == (2, 2, 0)
    assert wang.waits == [timedelta(minutes=3), timedelta(minutes=6)]
    assert (wang.average_wait_minutes, wang.longest_wait_minutes) == (4.5, 6.0)
    assert (wang.consultations, wang.deals_closed, wang.conversion_rate) == (2, 1, 0.5)
    assert (zhao.skips, zhao.directed, zhao.counted_turns) == (1, 1, 0)
    assert zhao.conversion_rate is None


def test_the_month_adds_the_days_up_and_the_report_shows_names(clinic) -> None:  # noqa: ANN001
    _a_day(clinic)
    wang = clinic.staff["王芳"]
    when = at(10, 0, NEXT_DAY)
    clinic.run(
        clinic.receptionist,
        triage.join_rotation,
        consultant_id=wang.user_id,
        rotation_order=1,
        now=when,
    )
    arrival = clinic.arrive(clinic.register("周敏"), when)
    clinic.offer(when)
    clinic.run(wang, accept_offered_customer, arrival_id=arrival, now=when + timedelta(minutes=9))
    rows = clinic.run(
        clinic.manager,
        consultant_statistics,
        start=date(2026, 11, 1),
        end=date(2026, 11, 30),
        by="month",
    )
    month = next(r for r in rows if r.consultant_id == str(wang.user_id))
    assert (month.period, month.counted_turns, month.longest_wait_minutes) == ("2026-11", 3, 9.0)

    load_all()
    result = clinic.run(
        clinic.manager,
        run_report,
        key="triage.consultant_statistics",
        values={"date_from": "2026-11-23", "date_to": "2026-11-23", "period": "day"},
        progress=SilentProgress(),
    )
    shown = {row["consultant"]: row for row in result.rows}
    assert shown["王芳"]["conversion"] == 50.0
    assert shown["赵敏"]["directed"] == 1


def test_a_backwards_range_is_refused(clinic) -> None:  # noqa: ANN001
    with pytest.raises(ValidationFailed):
        clinic.run(
            clinic.manager, consultant_statistics, start=date(2026, 11, 2), end=date(2026, 11, 1)
        )
