"""Reports of customer service: follow-up completion, satisfaction, each centre's top 10."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from lorch_desk.domain.labels import Label
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import report_catalogue
from lorch_desk.services.follow_up_planning import plan_follow_ups_for_sale
from lorch_desk.services.follow_ups import LogCallInput, list_call_list, log_follow_up_call
from lorch_desk.services.reports import run_report
from lorch_desk.services.satisfaction import VisitSurveyInput, record_visit_survey
from tests.services.consultant_clinic import DAY, at
from tests.services.follow_up_clinic import FollowUpClinic


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    report_catalogue.load_all()
    return FollowUpClinic(database, actor_for)


def _report(clinic: FollowUpClinic, key: str, **values: object) -> list[dict[str, object]]:
    return clinic.run(
        clinic.manager, run_report, key=key, values=values, progress=SilentProgress()
    ).rows


def test_completion_counts_calls_due_done_and_effective_per_staff_and_month(
    clinic: FollowUpClinic,
) -> None:
    mei = clinic.register("李梅")
    sale = clinic.sell(mei, "光子嫩肤", DAY, at(11, 0))
    clinic.run(clinic.consultant, plan_follow_ups_for_sale, sale_id=sale, now=at(11, 0))
    next_day = DAY + timedelta(days=1)
    [row] = clinic.run(clinic.consultant, list_call_list, now=at(9, 0, next_day))
    clinic.run(
        clinic.consultant,
        log_follow_up_call,
        data=LogCallInput(task_id=row.task_id, outcome="reached", is_effective=True),
        now=at(10, 0, next_day),
    )

    rows = _report(
        clinic,
        "customer_service.follow_up_completion",
        month_from="2026-11-01",
        month_to="2026-12-31",
    )

    assert [(r["month"], r["staff"], r["due"], r["done"], r["effective"]) for r in rows] == [
        ("2026-11", "王芳", 2, 1, 1),  # day 1 and day 7 fall in November
        ("2026-12", "王芳", 1, 0, 0),  # day 30
    ]
    assert rows[0]["completion"] == Decimal("50.0")


def test_top_customers_rank_net_spend_of_the_month_refunds_included(
    clinic: FollowUpClinic,
) -> None:
    names = [f"客户{i:02d}" for i in range(12)]
    customers = {name: clinic.register(name) for name in names}
    for index, name in enumerate(names):
        clinic.sell(customers[name], "针灸", DAY, at(10, 0), total=f"{1000 + 100 * index}.00")
    # The biggest spender returned most of it; a sale of last month does not count.
    clinic.sell(customers["客户11"], "针灸", DAY, at(11, 0), total="-1000.00", kind="refund")
    clinic.sell(
        customers["客户00"],
        "针灸",
        date(2026, 10, 30),
        at(11, 0, date(2026, 10, 30)),
        total="9999.00",
    )

    rows = _report(clinic, "customer_service.top_customers", month="2026-11-15")

    assert [(r["rank"], r["customer"], r["spend"]) for r in rows[:3]] == [
        (1, "客户10", Decimal("2000.00")),
        (2, "客户09", Decimal("1900.00")),
        (3, "客户08", Decimal("1800.00")),
    ]
    assert len(rows) == 10 and rows[0]["centre"] == "北京总部"
    assert "客户11" not in {r["customer"] for r in rows[:5]}


def test_satisfaction_by_consultant_shows_the_triage_consequence(clinic: FollowUpClinic) -> None:
    mei = clinic.register("李梅")
    unhappy = {"service_quality": 2, "service_effect": 2, "products": 3, "service_attitude": 2}
    for _ in range(5):
        clinic.run(
            clinic.receptionist,
            record_visit_survey,
            data=VisitSurveyInput(
                customer_id=mei, scores=unhappy, consultant_id=clinic.consultant.user_id
            ),
            now=at(18, 0),
        )

    [row] = _report(clinic, "customer_service.satisfaction_by_consultant", month_from="2026-11-01")
    assert (row["name"], row["surveys"], row["rate"]) == ("王芳", 5, Decimal("0.0"))
    assert row["verdict"] == Label("调离岗位", "Off the post")
    [centre] = _report(clinic, "customer_service.satisfaction_by_centre", month_from="2026-11-01")
    assert (centre["name"], centre["overall"], centre["products"]) == (
        "北京总部",
        Decimal("2.25"),
        Decimal("3.00"),
    )
