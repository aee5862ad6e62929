"""Follow-ups, the top-10 list and the satisfaction summary on the real PostgreSQL server."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import report_catalogue
from lorch_desk.services.follow_up_planning import plan_follow_ups_for_sale
from lorch_desk.services.follow_ups import LogCallInput, list_call_list, log_follow_up_call
from lorch_desk.services.reports import run_report
from lorch_desk.services.satisfaction import (
    VisitSurveyInput,
    consultant_summaries,
    record_visit_survey,
)
from tests.services.consultant_clinic import DAY, at
from tests.services.follow_up_clinic import FollowUpClinic


@pytest.mark.postgres
def test_calls_surveys_and_the_top_list_on_postgresql(pg_database: Database, pg_actor_for) -> None:  # noqa: ANN001
    report_catalogue.load_all()
    clinic = FollowUpClinic(pg_database, pg_actor_for)
    mei = clinic.register("李梅")
    sale = clinic.sell(mei, "光子嫩肤", DAY, at(11, 0))
    assert clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=sale, now=at(11, 0)) == 3
    next_day = DAY + timedelta(days=1)
    [row] = clinic.run(clinic.consultant, list_call_list, now=at(9, 0, next_day))
    clinic.run(
        clinic.consultant,
        log_follow_up_call,
        data=LogCallInput(task_id=row.task_id, outcome="reached", is_effective=True),
        now=at(10, 0, next_day),
    )
    assert clinic.run(clinic.consultant, list_call_list, now=at(11, 0, next_day)) == []
    scores = {"service_quality": 5, "service_effect": 4, "products": 4, "service_attitude": 5}
    clinic.run(
        clinic.receptionist,
        record_visit_survey,
        data=VisitSurveyInput(
            customer_id=mei, scores=scores, consultant_id=clinic.consultant.user_id
        ),
        now=at(18, 0),
    )
    [summary] = clinic.run(clinic.manager, consultant_summaries, month=DAY)
    assert (summary.surveys, summary.rate) == (1, Decimal("100.0"))
    top = clinic.run(
        clinic.manager,
        run_report,
        key="customer_service.top_customers",
        values={"month": "2026-11-01"},
        progress=SilentProgress(),
    ).rows
    assert [(r["customer"], r["spend"]) for r in top] == [("李梅", Decimal("2980.00"))]
