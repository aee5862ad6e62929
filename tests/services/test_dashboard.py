"""The manager's dashboard: real sales, arrivals and surveys in, the right series out."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from lorch_desk.domain.errors import PermissionDenied
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.models.cashier import Sale
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.staff import UserAccount
from lorch_desk.models.surveys import SatisfactionSurvey
from lorch_desk.services.dashboard import dashboard_points
from lorch_desk.services.dashboard_periods import DashboardPeriod, buckets_for

TODAY = date(2026, 11, 23)  # a Monday
SALE_NUMBERS = itertools.count(1)


def add_sale(uow, customer: Customer, day: date, total: str, kind: str = "sale") -> None:  # noqa: ANN001
    cashier = uow.session.scalars(select(UserAccount.id).where(UserAccount.username == "admin"))
    paid_at = datetime(day.year, day.month, day.day, 2, tzinfo=UTC)
    amount = Decimal(total)
    uow.session.add(
        Sale(
            number=f"BJ-{day:%Y}-{next(SALE_NUMBERS):06d}",
            kind=kind,
            customer_id=customer.id,
            cashier_id=cashier.one(),
            paid_at=paid_at,
            day=day,
            list_total=amount,
            discount_total=Decimal("0.00"),
            total=amount,
        )
    )


def add_arrival(uow, customer: Customer, day: date, corrects: Arrival | None = None) -> Arrival:  # noqa: ANN001
    moment = datetime(day.year, day.month, day.day, 2, tzinfo=UTC)
    arrival = Arrival(
        customer_id=customer.id,
        day=day,
        arrived_at=moment,
        form_completed_at=moment,
        visit_class="first_visit",
        suggested_visit_class="first_visit",
        rotation="main",
        corrects_arrival_id=corrects.id if corrects else None,
    )
    uow.session.add(arrival)
    uow.session.flush()
    return arrival


def add_survey(uow, customer: Customer, day: date, satisfied: bool) -> None:  # noqa: ANN001
    score = Decimal("9.00") if satisfied else Decimal("5.00")
    uow.session.add(
        SatisfactionSurvey(
            customer_id=customer.id,
            surveyed_on=day,
            scores={"service": int(score)},
            overall=score,
            is_satisfied=satisfied,
        )
    )


def seed_centre(uow, today: date = TODAY) -> None:  # noqa: ANN001
    """A centre's weeks: sales and a refund, arrivals with a correction, surveys.

    Today: 1,300.50 net from 3 sales (a top-up is not revenue), 1 visit (corrected once), 1 of 2
    surveyed satisfied; 3 days ago 800.00, 1 visit, 1 of 1 satisfied; 4 days ago 1 visit;
    54 days ago 999.00.
    """
    customer = Customer(file_number="BJ-2026-900001", name="王芳", gender="female")
    uow.session.add(customer)
    uow.session.flush()
    three_days_ago = today - timedelta(days=3)
    add_sale(uow, customer, today, "1200.00")
    add_sale(uow, customer, today, "300.50")
    add_sale(uow, customer, today, "-200.00", kind="refund")
    add_sale(uow, customer, today, "5000.00", kind="top_up")  # stored value: not revenue
    add_sale(uow, customer, three_days_ago, "800.00")
    add_sale(uow, customer, today - timedelta(days=54), "999.00")
    first = add_arrival(uow, customer, today)
    add_arrival(uow, customer, today, corrects=first)  # one visit, corrected once
    add_arrival(uow, customer, three_days_ago)
    add_arrival(uow, customer, today - timedelta(days=4))
    add_survey(uow, customer, today, satisfied=True)
    add_survey(uow, customer, today, satisfied=False)
    add_survey(uow, customer, three_days_ago, satisfied=True)


@pytest.fixture()
def manager(database, actor_for):  # noqa: ANN001, ANN201
    actor = actor_for(Role.BRANCH_MANAGER)
    database.run(actor, lambda uow, _p: seed_centre(uow))
    return actor


def test_thirty_days_show_each_day_with_zeros_between(run, manager) -> None:  # noqa: ANN001
    points = run(manager, dashboard_points, period=DashboardPeriod.DAYS_30, today=TODAY)
    assert len(points) == 30
    assert (points[0].first, points[-1].first) == (date(2026, 10, 25), TODAY)
    by_day = {point.first: point for point in points}
    today = by_day[TODAY]
    assert (today.revenue, today.visits, today.surveys) == (Decimal("1300.50"), 1, 2)
    assert today.satisfaction_rate == Decimal("50.0")
    friday = by_day[date(2026, 11, 20)]
    assert (friday.revenue, friday.visits, friday.satisfaction_rate) == (
        Decimal("800.00"),
        1,
        Decimal("100.0"),
    )
    quiet = by_day[date(2026, 11, 21)]
    assert (quiet.revenue, quiet.visits, quiet.surveys, quiet.satisfaction_rate) == (
        Decimal("0.00"),
        0,
        0,
        None,
    )


def test_weeks_and_months_add_up_their_days(run, manager) -> None:  # noqa: ANN001
    weeks = run(manager, dashboard_points, period=DashboardPeriod.WEEKS_12, today=TODAY)
    assert len(weeks) == 12 and weeks[-1].first == TODAY
    assert (weeks[-2].revenue, weeks[-2].visits) == (Decimal("800.00"), 2)
    assert weeks[-2].satisfaction_rate == Decimal("100.0")
    months = run(manager, dashboard_points, period=DashboardPeriod.MONTHS_12, today=TODAY)
    assert [m.first for m in months][-3:] == [
        date(2026, 9, 1),
        date(2026, 10, 1),
        date(2026, 11, 1),
    ]
    assert months[-1].last == date(2026, 11, 30)
    assert [m.revenue for m in months][-3:] == [
        Decimal("999.00"),
        Decimal("0.00"),
        Decimal("2100.50"),
    ]
    assert months[-1].visits == 3
    assert months[0].first == date(2025, 12, 1)


def test_only_managers_see_the_dashboard(run, actor_for) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        run(actor_for(Role.CUSTOMER_SERVICE), dashboard_points, period=DashboardPeriod.DAYS_30)


def test_buckets_cover_a_year_end() -> None:
    months = buckets_for(DashboardPeriod.MONTHS_12, date(2027, 1, 15))
    assert (months[0].first, months[-1].last) == (date(2026, 2, 1), date(2027, 1, 31))
    assert months[1].first == date(2026, 3, 1) and months[0].last == date(2026, 2, 28)


def test_a_branch_manager_sees_the_own_centre_and_headquarters_the_chain(
    run, manager, database, actor_for
) -> None:  # noqa: ANN001
    def branch_sale(uow) -> None:  # noqa: ANN001
        customer = uow.session.scalars(select(Customer)).first()
        add_sale(uow, customer, TODAY, "10000.00")
        uow.session.flush()
        sale = uow.session.scalars(select(Sale).where(Sale.total == Decimal("10000.00"))).one()
        sale.site_id = new_id()  # as if pulled from a branch by sync

    database.run(actor_for(Role.HQ_ADMIN), lambda uow, _p: branch_sale(uow))
    own = run(manager, dashboard_points, period=DashboardPeriod.DAYS_30, today=TODAY)
    chain = run(
        actor_for(Role.HQ_ADMIN), dashboard_points, period=DashboardPeriod.DAYS_30, today=TODAY
    )
    assert own[-1].revenue == Decimal("1300.50")
    assert chain[-1].revenue == Decimal("11300.50")
