"""Enrolling nodes at headquarters, and the list of conflicts an administrator settles."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.organisation import Site
from lorch_desk.models.sync import SyncNode
from lorch_desk.services.sync_conflicts import KEEP, list_conflicts, resolve_conflict
from lorch_desk.services.sync_enrolment import enrol_node, hash_token, list_nodes
from lorch_desk.sync.worker import next_delay


def test_an_hq_administrator_enrols_a_node_of_a_new_branch(run, actor_for, database) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    enrolled = run(admin, enrol_node, site_code="sh", site_name="上海分院", name="前台一号")
    again = run(admin, enrol_node, site_code="SH", name="前台二号")
    assert enrolled.site_code == "SH" and again.site_id == enrolled.site_id
    assert enrolled.token != again.token
    nodes = run(admin, list_nodes)
    assert {(n.site_code, n.name) for n in nodes} == {("SH", "前台一号"), ("SH", "前台二号")}
    stored, _ = database.run(
        admin,
        lambda uow, _p: list(uow.session.scalars(select(SyncNode.token_hash))),
        read_only=True,
    )
    assert hash_token(enrolled.token) in stored and enrolled.token not in stored
    sites, _ = database.run(
        admin,
        lambda uow, _p: uow.session.scalar(select(Site.is_headquarters).where(Site.code == "SH")),
        read_only=True,
    )
    assert sites is False


@pytest.mark.parametrize(
    ("role", "values", "error"),
    [
        (Role.BRANCH_MANAGER, {"site_code": "SH", "site_name": "上海分院"}, PermissionDenied),
        (Role.HQ_ADMIN, {"site_code": "S1", "site_name": "上海分院"}, ValidationFailed),
        (Role.HQ_ADMIN, {"site_code": "GZ", "site_name": " "}, ValidationFailed),
    ],
)
def test_enrolment_is_refused_and_writes_nothing(database, actor_for, role, values, error) -> None:  # noqa: ANN001
    with database.unit_of_work(actor_for(role)) as uow:
        with pytest.raises(error):
            enrol_node(uow, **values)
        assert uow.session.scalars(select(SyncNode)).all() == []


def test_a_receptionist_may_not_settle_conflicts(run, actor_for) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        run(actor_for(Role.RECEPTIONIST), list_conflicts)
    with pytest.raises(PermissionDenied):
        run(actor_for(Role.RECEPTIONIST), resolve_conflict, conflict_id=1, choice=KEEP)


def test_the_worker_backs_off_after_failures_and_resumes_its_interval() -> None:
    delays = [next_delay(n, interval=60, ceiling=900) for n in range(8)]
    assert delays[:6] == [60, 15, 30, 60, 120, 240]
    assert delays[-1] == 900
