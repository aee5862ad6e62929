"""The demo's complaints and calls look the same whatever the hour the demo is made."""

from __future__ import annotations

from datetime import time

import pytest

from lorch_desk.domain.complaints import ComplaintStatus
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.permissions import Role
from lorch_desk.services.auth import CreateUserInput, create_user
from lorch_desk.services.call_reviews import agent_month_summary
from lorch_desk.services.calls import list_calls
from lorch_desk.services.complaint_queries import get_complaint, list_complaints
from lorch_desk.services.customers import CustomerInput, register_customer
from lorch_desk.services.demo_complaints import seed_demo_complaints
from tests.services.service_clinic import DAY, at


@pytest.mark.parametrize("clock", [time(0, 5), time(13, 0), time(23, 59)])
def test_the_demo_has_a_new_an_open_an_overdue_and_a_signed_closed_complaint(
    database,
    actor_for,
    system_actor,
    clock: time,  # noqa: ANN001
) -> None:
    admin = actor_for(Role.HQ_ADMIN)
    for username, name, role in (
        ("chenjing", "陈静", Role.CUSTOMER_SERVICE),
        ("lina", "李娜", Role.CONSULTANT),
        ("sunqiang", "孙强", Role.HQ_ADMIN),
    ):
        database.run(
            admin,
            lambda uow, _p, u=username, n=name, r=role: create_user(
                uow, CreateUserInput(u, n, r, "Pass2026!x")
            ),
        )
    for index, name in enumerate(("王秀英", "刘芳", "陈晨")):
        data = CustomerInput(
            name=name, gender=Gender.FEMALE, mobile=f"1390000000{index}", channel="walk_in"
        )
        database.run(admin, lambda uow, _p, d=data: register_customer(uow, data=d))
    now = at(clock.hour, clock.minute)

    seeded, _ = database.run(system_actor, lambda uow, _p: seed_demo_complaints(uow, now=now))

    assert seeded == 4
    with database.unit_of_work(admin, read_only=True) as uow:
        rows = list_complaints(uow, today=DAY)
        statuses = sorted(row.status.value for row in rows)
        overdue = [row for row in rows if row.is_overdue]
        [closed] = [row for row in rows if row.status is ComplaintStatus.CLOSED]
        signed = get_complaint(uow, complaint_id=closed.id, today=DAY)
        calls_today = list_calls(uow, start=DAY, end=DAY)
        month = agent_month_summary(uow, year=DAY.year, month=DAY.month)
    assert statuses == ["closed", "planned", "planned", "received"]
    assert len(overdue) == 1 and overdue[0].customer_name == "陈晨"
    assert signed.signature_png is not None and signed.signature_png.startswith(b"\x89PNG")
    assert len(calls_today) == 3
    assert all(call.called_at <= now for call in calls_today)
    assert [row.agent_name for row in month] == ["陈静"] and month[0].reviewed == 2
