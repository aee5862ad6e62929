"""Birthdays, a greeting batch and the dashboard on the real PostgreSQL server."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.greeting_templates import GreetingPurpose
from lorch_desk.domain.permissions import Role
from lorch_desk.services import customers
from lorch_desk.services.customers import CustomerInput
from lorch_desk.services.dashboard import dashboard_points
from lorch_desk.services.dashboard_periods import DashboardPeriod
from lorch_desk.services.greeting_birthdays import list_birthdays, set_lunar_birthday
from lorch_desk.services.greetings import ComposeGreetingInput, queue_greetings
from lorch_desk.services.message_templates import SaveTemplateInput, save_template
from tests.services.test_dashboard import TODAY, seed_centre


@pytest.mark.postgres
def test_greetings_and_the_dashboard_on_postgresql(pg_database: Database, pg_actor_for) -> None:  # noqa: ANN001
    def run(actor, operation, /, **kwargs):  # noqa: ANN001, ANN202
        return pg_database.run(actor, lambda uow, _p: operation(uow, **kwargs))[0]

    desk, hq = pg_actor_for(Role.CUSTOMER_SERVICE), pg_actor_for(Role.HQ_ADMIN)
    manager = pg_actor_for(Role.BRANCH_MANAGER)
    ids = []
    for name, birthday, mobile in (
        ("王芳", date(1985, 11, 25), "13800138001"),
        ("李强", date(1988, 11, 23), "13800138002"),  # 十月十五 of 1988: lunar today
        ("张伟", date(1992, 2, 29), "13800138003"),
    ):
        data = CustomerInput(
            name=name, gender="female", birthday=birthday, mobile=mobile, channel="walk_in"
        )
        ids.append(run(desk, customers.register_customer, data=data).id)
    run(desk, set_lunar_birthday, customer_id=ids[1], celebrates=True)
    rows = run(desk, list_birthdays, today=TODAY)
    assert [(r.name, r.celebrates_on, r.is_lunar) for r in rows] == [
        ("李强", TODAY, True),
        ("王芳", date(2026, 11, 25), False),
    ]
    leap_day = run(desk, list_birthdays, today=date(2027, 2, 25))
    assert [(r.name, r.celebrates_on) for r in leap_day] == [("张伟", date(2027, 2, 28))]

    template = run(
        hq,
        save_template,
        data=SaveTemplateInput(GreetingPurpose.BIRTHDAY, "生日祝福", "{name}{title}生日快乐"),
    )
    data = ComposeGreetingInput(template_id=template.id, customer_ids=tuple(ids))
    assert run(desk, queue_greetings, data=data, today=TODAY).count == 2

    pg_database.run(manager, lambda uow, _p: seed_centre(uow))
    points = run(manager, dashboard_points, period=DashboardPeriod.WEEKS_12, today=TODAY)
    assert (points[-1].revenue, points[-1].visits, points[-1].satisfaction_rate) == (
        Decimal("1300.50"),
        1,
        Decimal("50.0"),
    )
