"""Partner institutions: headquarters keeps them, customer service and managers read them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import ALLOWED_ROLES, Action, Role
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.organisation import Institution, Site
from lorch_desk.services.institutions import (
    InstitutionInput,
    list_institutions,
    retire_institution,
    save_institution,
)

KANGYUAN = InstitutionInput(
    name="康源健康体检中心",
    address="北京市朝阳区东三环中路39号",
    head="周建国",
    phone="010-6587 1234",
    cooperation_mode="体检客户互转，按成交额返佣",
    cooperation_project="深度体检套餐转介",
    signed_on=date(2024, 3, 15),
)


@pytest.fixture()
def hq_admin(actor_for: Callable[..., Actor]) -> Actor:
    return actor_for(Role.HQ_ADMIN, "管理员")


@pytest.fixture()
def kangyuan(run: Callable[..., object], hq_admin: Actor) -> uuid.UUID:
    return run(hq_admin, save_institution, institution_id=None, data=KANGYUAN).id  # type: ignore[attr-defined]


@pytest.fixture()
def hq_admin_in_shanghai(run: Callable[..., object], hq_admin: Actor, system_actor: Actor) -> Actor:
    """A headquarters administrator whose node belongs to the Shanghai branch."""

    def add_branch(uow) -> uuid.UUID:  # noqa: ANN001
        site = Site(code="SH", name="上海分中心", city="上海", is_headquarters=False)
        uow.session.add(site)
        uow.session.flush()
        return site.id

    branch_id = run(system_actor, add_branch)
    return replace(hq_admin, site_id=branch_id, site_code="SH")


def test_headquarters_adds_an_institution_that_customer_service_reads(
    run: Callable[..., object], hq_admin: Actor, actor_for: Callable[..., Actor]
) -> None:
    row = run(hq_admin, save_institution, institution_id=None, data=KANGYUAN)

    assert row.name == "康源健康体检中心"
    assert row.phone == "01065871234"
    assert row.signed_on == date(2024, 3, 15)
    assert run(actor_for(Role.CUSTOMER_SERVICE), list_institutions) == [row]


@pytest.mark.parametrize("role", list(Role))
def test_who_may_read_institutions(
    role: Role, run: Callable[..., object], kangyuan: uuid.UUID, actor_for: Callable[..., Actor]
) -> None:
    if role in ALLOWED_ROLES[Action.INSTITUTION_VIEW]:
        assert [row.id for row in run(actor_for(role), list_institutions)] == [kangyuan]
    else:
        with pytest.raises(PermissionDenied):
            run(actor_for(role), list_institutions)


@pytest.mark.parametrize("role", list(Role))
def test_only_headquarters_administrators_edit_institutions(
    role: Role,
    run: Callable[..., object],
    actor_for: Callable[..., Actor],
    count_rows: Callable[[type], int],
) -> None:
    actor = actor_for(role)
    if role is Role.HQ_ADMIN:
        institution = run(actor, save_institution, institution_id=None, data=KANGYUAN)
        run(actor, retire_institution, institution_id=institution.id)
        assert count_rows(Institution) == 1
    else:
        with pytest.raises(PermissionDenied):
            run(actor, save_institution, institution_id=None, data=KANGYUAN)
        assert count_rows(Institution) == 0


@pytest.mark.parametrize("role", [role for role in Role if role is not Role.HQ_ADMIN])
def test_other_roles_cannot_change_or_retire_an_institution(
    role: Role,
    run: Callable[..., object],
    kangyuan: uuid.UUID,
    actor_for: Callable[..., Actor],
    hq_admin: Actor,
) -> None:
    changed = replace(KANGYUAN, head="王强")
    with pytest.raises(PermissionDenied):
        run(actor_for(role), save_institution, institution_id=kangyuan, data=changed)
    with pytest.raises(PermissionDenied):
        run(actor_for(role), retire_institution, institution_id=kangyuan)
    assert [row.head for row in run(hq_admin, list_institutions)] == ["周建国"]


def test_an_administrator_at_a_branch_site_is_refused(
    run: Callable[..., object],
    hq_admin_in_shanghai: Actor,
    kangyuan: uuid.UUID,
    count_rows: Callable[[type], int],
) -> None:
    with pytest.raises(PermissionDenied) as refused:
        run(hq_admin_in_shanghai, save_institution, institution_id=None, data=KANGYUAN)
    assert refused.value.params["site"] == "SH"
    with pytest.raises(PermissionDenied):
        run(hq_admin_in_shanghai, retire_institution, institution_id=kangyuan)
    assert count_rows(Institution) == 1
    # Reading stays allowed at a branch.
    assert [row.id for row in run(hq_admin_in_shanghai, list_institutions)] == [kangyuan]


def test_changing_an_institution_is_audited(
    run: Callable[..., object],
    hq_admin: Actor,
    kangyuan: uuid.UUID,
    audit_of: Callable[[object], list[Any]],
) -> None:
    row = run(
        hq_admin,
        save_institution,
        institution_id=kangyuan,
        data=replace(KANGYUAN, head="王强", signed_on=date(2025, 1, 1)),
    )

    assert (row.head, row.signed_on) == ("王强", date(2025, 1, 1))
    entries = audit_of(kangyuan)
    assert [entry.action for entry in entries] == ["create", "update"]
    assert entries[1].actor_name == "管理员"
    assert entries[1].changes == {
        "head": ["周建国", "王强"],
        "signed_on": ["2024-03-15", "2025-01-01"],
    }


def test_retiring_tombstones_the_institution_and_keeps_its_row(
    run: Callable[..., object],
    hq_admin: Actor,
    kangyuan: uuid.UUID,
    database: Database,
    system_actor: Actor,
    audit_of: Callable[[object], list[Any]],
) -> None:
    run(hq_admin, retire_institution, institution_id=kangyuan)

    assert run(hq_admin, list_institutions) == []
    with database.unit_of_work(system_actor, read_only=True) as uow:
        deleted_at = uow.session.scalar(
            select(Institution.deleted_at).where(Institution.id == kangyuan)
        )
    assert isinstance(deleted_at, datetime)
    assert [entry.action for entry in audit_of(kangyuan)] == ["create", "delete"]
    with pytest.raises(NotFound):
        run(hq_admin, retire_institution, institution_id=kangyuan)
    with pytest.raises(NotFound):
        run(hq_admin, save_institution, institution_id=kangyuan, data=KANGYUAN)
    # The name is free again for a new cooperation.
    assert run(hq_admin, save_institution, institution_id=None, data=KANGYUAN).id != kangyuan


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"name": " "}, "institution_name", "required"),
        ({"name": "机" * 101}, "institution_name", "too_long"),
        ({"head": "周" * 51}, "head", "too_long"),
        ({"phone": "010-HELP"}, "phone", "invalid_characters"),
        ({"signed_on": datetime(2024, 3, 15)}, "signed_on", "date"),
    ],
)
def test_a_refused_institution_writes_nothing(
    changes: dict[str, object],
    field: str,
    rule: str,
    run: Callable[..., object],
    hq_admin: Actor,
    count_rows: Callable[[type], int],
) -> None:
    audit_before = count_rows(AuditEntry)

    with pytest.raises(ValidationFailed) as refused:
        run(hq_admin, save_institution, institution_id=None, data=replace(KANGYUAN, **changes))

    assert (refused.value.field, refused.value.params["rule"]) == (field, rule)
    assert count_rows(Institution) == 0
    assert count_rows(AuditEntry) == audit_before


def test_two_institutions_cannot_share_a_name(
    run: Callable[..., object], hq_admin: Actor, kangyuan: uuid.UUID
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        run(hq_admin, save_institution, institution_id=None, data=replace(KANGYUAN, head="王强"))
    assert (refused.value.field, refused.value.params["rule"]) == ("institution_name", "taken")
    # Saving the institution itself under its own name is fine.
    run(hq_admin, save_institution, institution_id=kangyuan, data=KANGYUAN)


def test_an_unknown_institution_is_not_found(run: Callable[..., object], hq_admin: Actor) -> None:
    with pytest.raises(NotFound):
        run(hq_admin, save_institution, institution_id=uuid.UUID(int=3), data=KANGYUAN)
    with pytest.raises(NotFound):
        run(hq_admin, retire_institution, institution_id=uuid.UUID(int=3))
