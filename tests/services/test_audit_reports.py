"""The branch manager reads the audit log: who changed, opened or revealed what, and when."""

from __future__ import annotations

from datetime import timedelta

import pytest

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import customers, health_file, report_catalogue, reports
from lorch_desk.services.audit_reports import AUDIT_LOG, describe_changes
from lorch_desk.services.customers import CustomerInput

report_catalogue.load_all()


def _run(run, actor, **values):  # noqa: ANN001, ANN202
    return run(
        actor, reports.run_report, key=AUDIT_LOG.key, values=values, progress=SilentProgress()
    )


@pytest.fixture()
def a_day_at_the_desk(run, actor_for):  # noqa: ANN001, ANN201
    receptionist = actor_for(Role.RECEPTIONIST, "王丽")
    doctor = actor_for(Role.DOCTOR, "张伟")
    data = CustomerInput(
        name="林黛玉", gender=Gender.FEMALE, mobile="13800138000", channel="walk_in"
    )
    saved = run(receptionist, customers.register_customer, data=data)
    changed = CustomerInput(**{**{f: getattr(data, f) for f in data.__slots__}, "address": "苏州"})
    run(receptionist, customers.update_customer, customer_id=saved.id, data=changed)
    run(doctor, health_file.open_health_file, customer_id=saved.id)
    return saved


def test_every_change_and_every_opening_of_a_health_file_is_listed(
    run, actor_for, a_day_at_the_desk
) -> None:  # noqa: ANN001
    manager = actor_for(Role.BRANCH_MANAGER)
    result = _run(run, manager)
    actions = [(row["user"], row["action"].en, row["table"].en) for row in result.rows]
    assert actions[0] == ("张伟", "Opened health file", "Customer")
    assert ("王丽", "Changed", "Customer") in actions
    assert ("王丽", "Created", "Customer") in actions

    changes = _run(run, manager, action="update")
    assert [row["changes"] for row in changes.rows] == ["address: ∅ → 苏州"]


def test_filters_by_user_and_by_date(run, actor_for, a_day_at_the_desk) -> None:  # noqa: ANN001
    manager = actor_for(Role.BRANCH_MANAGER)
    assert {row["user"] for row in _run(run, manager, user="张伟").rows} == {"张伟"}
    today = clinic_today()
    assert _run(run, manager, from_date=today, to_date=today).rows
    assert not _run(run, manager, from_date=today + timedelta(days=1)).rows
    with pytest.raises(ValidationFailed) as refused:
        _run(run, manager, from_date=today, to_date=today - timedelta(days=1))
    assert refused.value.field == "to_date"


@pytest.mark.parametrize(
    "role",
    [Role.RECEPTIONIST, Role.CONSULTANT, Role.DOCTOR, Role.PHARMACIST, Role.CUSTOMER_SERVICE],
)
def test_only_managers_read_the_audit_log(run, actor_for, role) -> None:  # noqa: ANN001
    actor = actor_for(role)
    assert AUDIT_LOG not in reports.list_reports(actor)
    with pytest.raises(PermissionDenied):
        _run(run, actor)


def test_changes_read_as_before_and_after() -> None:
    assert (
        describe_changes({"name": [None, "王丽"], "mobile": ["138", "139"]})
        == "name: ∅ → 王丽; mobile: 138 → 139"
    )
