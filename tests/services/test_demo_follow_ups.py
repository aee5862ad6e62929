"""The demo's customer service: calls due today (some made), last month's surveys."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.permissions import Role
from lorch_desk.models.follow_ups import FollowUpTask
from lorch_desk.models.staff import UserAccount
from lorch_desk.models.surveys import InstitutionSurvey
from lorch_desk.services.follow_ups import list_call_list
from lorch_desk.services.satisfaction import consultant_summaries
from tests.services.test_demo_data import Seeded, _count, _open_copy, _seed


@pytest.fixture(scope="module")
def demo(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    database, system = _open_copy(
        template_database, tmp_path_factory.mktemp("demo-follow-ups") / "demo.sqlite3"
    )
    summary = _seed(database, system, customers=120)
    yield Seeded(database, system, summary)
    database.dispose()


def _as(demo: Seeded, username: str) -> Actor:
    with demo.database.unit_of_work(demo.system, read_only=True) as uow:
        user_id, name, role = uow.session.execute(
            select(UserAccount.id, UserAccount.display_name, UserAccount.role).where(
                UserAccount.username == username
            )
        ).one()
    system = demo.system
    return Actor(user_id, username, name, Role(role), system.site_id, system.site_code,
                 system.node_id)  # fmt: skip


def test_the_health_manager_has_calls_to_make_today_and_some_are_done(demo: Seeded) -> None:
    agent = _as(demo, "chenjing")
    rows, _ = demo.database.run(agent, lambda uow, _p: list_call_list(uow))
    assert rows and all(row.due_on <= clinic_today() for row in rows)
    with demo.database.unit_of_work(demo.system, read_only=True) as uow:
        done_today = uow.session.scalars(
            select(FollowUpTask).where(
                FollowUpTask.status == "done", FollowUpTask.due_on == clinic_today()
            )
        ).all()
    assert len(done_today) == 4


def test_last_month_has_surveys_per_consultant_and_institutions_were_surveyed(
    demo: Seeded,
) -> None:
    last_month = clinic_today().replace(day=1) - timedelta(days=1)
    with demo.database.unit_of_work(demo.system, read_only=True) as uow:
        rows = consultant_summaries(uow, month=last_month)
    assert len(rows) >= 2 and sum(row.surveys for row in rows) >= 30
    assert min(row.rate for row in rows) < 90  # one consultant to look at
    assert _count(demo, InstitutionSurvey) >= 1
