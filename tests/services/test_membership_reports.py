"""Membership reports: distribution per tier and site, movements per period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import report_catalogue
from lorch_desk.services.membership_evaluation import run_evaluation
from lorch_desk.services.reports import run_report
from tests.services.membership_world import AFTER_Q3, MembershipWorld


@pytest.fixture()
def world(database: Database, actor_for: Callable[..., Actor]) -> MembershipWorld:
    return MembershipWorld(database, actor_for)


def _report(world: MembershipWorld, key: str) -> list[dict[str, object]]:
    report_catalogue.load_all()
    result = world.run(world.manager, run_report, key=key, values={}, progress=SilentProgress())
    return result.rows


def test_distribution_and_movements(world: MembershipWorld) -> None:
    customers = [world.register(name) for name in ("甲", "乙", "丙", "丁")]
    world.sell(customers[0], "60000", on=date(2026, 8, 1))
    world.sell(customers[1], "25000", on=date(2026, 8, 1))
    world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    distribution = _report(world, "membership.distribution")

    assert [
        (row["site"], row["tier"], row["members"], str(row["share"])) for row in distribution
    ] == [
        ("北京总部", "银卡", 2, "50.0"),
        ("北京总部", "白金卡", 1, "25.0"),
        ("北京总部", "尊享卡", 1, "25.0"),
    ]
    movements = _report(world, "membership.movements")
    assert movements == [
        {"period": "2026Q3", "site": "北京总部", "customers": 4, "upgrades": 2, "downgrades": 0}
    ]


def test_reports_and_invitations_on_postgresql(pg_database, pg_actor_for) -> None:  # noqa: ANN001
    from datetime import timedelta

    from lorch_desk.domain.clock import clinic_time_zone
    from lorch_desk.models.base import utc_now
    from lorch_desk.services.membership_events import (
        MemberEventInput,
        create_member_event,
        invite_members,
    )

    world = MembershipWorld(pg_database, pg_actor_for)
    buyer = world.register("甲", sms_consent=True)
    world.register("乙", sms_consent=True)
    world.sell(buyer, "30000", on=date(2026, 8, 1))
    world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    assert [(row["tier"], row["members"]) for row in _report(world, "membership.distribution")] == [
        ("银卡", 1),
        ("白金卡", 1),
    ]
    assert _report(world, "membership.movements")[0]["upgrades"] == 1
    starts = (utc_now() + timedelta(days=5)).astimezone(clinic_time_zone())
    event = world.run(
        world.service,
        create_member_event,
        data=MemberEventInput("茶会", starts, "院内", None, ("platinum",)),
    )
    assert world.run(world.service, invite_members, event_id=event.id).invited == 1
