"""The health file: clinical staff append entries; every opening is written to the audit log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import Gender, HealthSection
from lorch_desk.domain.errors import (
    LedgerIsAppendOnly,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Role
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.base import new_id
from lorch_desk.models.customer import HealthRecordEntry
from lorch_desk.services.auth import CreateUserInput, create_user
from lorch_desk.services.customers import (
    CustomerDetail,
    CustomerInput,
    merge_customers,
    register_customer,
)
from lorch_desk.services.health_file import add_health_entry, merged_family, open_health_file

Run = Callable[..., object]


def _register(run: Run, actor: Actor, name: str, mobile: str) -> CustomerDetail:
    data = CustomerInput(name=name, gender=Gender.FEMALE, mobile=mobile, channel="walk_in")
    return run(actor, register_customer, data=data, allow_duplicates=True)


@pytest.fixture()
def wang_fang(run: Run, actor_for: Callable[[Role], Actor]) -> CustomerDetail:
    return _register(run, actor_for(Role.RECEPTIONIST), "王芳", "13800138000")


@pytest.fixture()
def doctor(
    run: Run, actor_for: Callable[[Role], Actor], system_actor: Actor, database: Database
) -> Actor:
    """Dr 李明 with a real account, so entries carry his name."""
    user = run(
        system_actor,
        create_user,
        data=CreateUserInput("liming", "李明医生", Role.DOCTOR, "Doctor2026!"),
    )
    template = actor_for(Role.DOCTOR)
    return Actor(
        user.id, "liming", "李明医生", Role.DOCTOR, template.site_id, "BJ", template.node_id
    )


def _reads(database: Database, customer_id: object) -> int:
    with database.engine.connect() as connection:
        return connection.execute(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "read", AuditEntry.row_id == str(customer_id))
        ).scalar_one()


def test_a_doctor_writes_entries_and_reads_them_newest_first(
    run: Run, doctor: Actor, wang_fang: CustomerDetail
) -> None:
    for content in ("2024 年诊断高血压", "2025 年血压控制良好"):
        run(
            doctor,
            add_health_entry,
            customer_id=wang_fang.id,
            section=HealthSection.HISTORY,
            content=content,
        )
    entry = run(
        doctor, add_health_entry, customer_id=wang_fang.id, section="allergies", content=" 青霉素 "
    )
    assert (entry.section, entry.content, entry.recorded_by_name) == (
        HealthSection.ALLERGIES,
        "青霉素",
        "李明医生",
    )

    file = run(doctor, open_health_file, customer_id=wang_fang.id)

    assert file.customer.name == "王芳"
    assert list(file.sections) == list(HealthSection)
    assert [e.content for e in file.sections[HealthSection.HISTORY]] == [
        "2025 年血压控制良好",
        "2024 年诊断高血压",
    ]
    assert file.sections[HealthSection.ALLERGIES] == [entry]
    assert file.sections[HealthSection.FAMILY_HISTORY] == []
    assert {e.recorded_by_name for e in file.sections[HealthSection.HISTORY]} == {"李明医生"}


def test_every_opening_of_a_health_file_is_audited(
    run: Run, database: Database, actor_for: Callable[[Role], Actor], wang_fang: CustomerDetail
) -> None:
    consultant = actor_for(Role.CONSULTANT, "周顾问")
    run(consultant, open_health_file, customer_id=wang_fang.id)
    run(actor_for(Role.BRANCH_MANAGER), open_health_file, customer_id=wang_fang.id)
    assert _reads(database, wang_fang.id) == 2
    with database.engine.connect() as connection:
        first = connection.execute(
            select(AuditEntry.actor_id, AuditEntry.actor_name, AuditEntry.table_name)
            .where(AuditEntry.action == "read")
            .order_by(AuditEntry.created_at)
        ).first()
    assert tuple(first) == (consultant.user_id, "周顾问", "customer")


@pytest.mark.parametrize(
    "role", [Role.RECEPTIONIST, Role.PHARMACIST, Role.CUSTOMER_SERVICE, Role.HQ_ADMIN]
)
def test_staff_outside_clinical_work_cannot_write_entries(
    run: Run, actor_for: Callable[[Role], Actor], wang_fang: CustomerDetail, role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        run(
            actor_for(role),
            add_health_entry,
            customer_id=wang_fang.id,
            section=HealthSection.NOTES,
            content="想看看",
        )


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.PHARMACIST, Role.CUSTOMER_SERVICE])
def test_staff_outside_clinical_work_cannot_open_a_health_file(
    run: Run,
    database: Database,
    actor_for: Callable[[Role], Actor],
    wang_fang: CustomerDetail,
    role: Role,
) -> None:
    with pytest.raises(PermissionDenied):
        run(actor_for(role), open_health_file, customer_id=wang_fang.id)
    assert _reads(database, wang_fang.id) == 0


def test_an_empty_or_broken_entry_is_refused(
    run: Run, doctor: Actor, wang_fang: CustomerDetail
) -> None:
    cases = [
        (HealthSection.NOTES, "   ", "content", "required"),
        (HealthSection.NOTES, "a\x00b", "content", "invalid_characters"),
        (HealthSection.NOTES, "x" * 20_001, "content", "too_long"),
        ("diary", "今天很好", "section", "invalid_choice"),
    ]
    for section, content, field, rule in cases:
        with pytest.raises(ValidationFailed) as caught:
            run(
                doctor,
                add_health_entry,
                customer_id=wang_fang.id,
                section=section,
                content=content,
            )
        assert (caught.value.field, caught.value.params["rule"]) == (field, rule)
    entry = run(
        doctor,
        add_health_entry,
        customer_id=wang_fang.id,
        section=HealthSection.ASSESSMENT,
        content="睡眠评分 6/10\n\t建议复查",
    )
    assert entry.content == "睡眠评分 6/10\n\t建议复查"


def test_unknown_or_merged_customers_have_no_file(
    run: Run, actor_for: Callable[[Role], Actor], doctor: Actor, wang_fang: CustomerDetail
) -> None:
    with pytest.raises(NotFound):
        run(doctor, open_health_file, customer_id=new_id())
    with pytest.raises(NotFound):
        run(doctor, add_health_entry, customer_id=new_id(), section="notes", content="x")
    twin = _register(run, actor_for(Role.RECEPTIONIST), "王芳", "13900139000")
    run(actor_for(Role.BRANCH_MANAGER), merge_customers, keep_id=wang_fang.id, merge_id=twin.id)
    with pytest.raises(NotFound):
        run(doctor, open_health_file, customer_id=twin.id)
    with pytest.raises(NotFound):
        run(doctor, add_health_entry, customer_id=twin.id, section="notes", content="x")


def test_entries_of_duplicates_merged_in_turn_all_reach_the_kept_file(
    run: Run, actor_for: Callable[[Role], Actor], doctor: Actor, database: Database
) -> None:
    reception = actor_for(Role.RECEPTIONIST)
    manager = actor_for(Role.BRANCH_MANAGER)
    first = _register(run, reception, "陈静", "13800000001")
    second = _register(run, reception, "陈静", "13800000002")
    third = _register(run, reception, "陈静", "13800000003")
    for customer, content in ((first, "一"), (second, "二"), (third, "三")):
        run(doctor, add_health_entry, customer_id=customer.id, section="notes", content=content)
    # The third record was merged into the second before the second was merged into the first.
    run(manager, merge_customers, keep_id=second.id, merge_id=third.id)
    run(manager, merge_customers, keep_id=first.id, merge_id=second.id)

    file = run(doctor, open_health_file, customer_id=first.id)

    entries = file.sections[HealthSection.NOTES]
    assert [e.content for e in entries] == ["三", "二", "一"]
    assert {e.customer_id for e in entries} == {first.id, second.id, third.id}
    with database.unit_of_work(doctor) as uow:
        assert set(merged_family(uow, customer_id=first.id)) == {first.id, second.id, third.id}
        assert merged_family(uow, customer_id=third.id) == [third.id]
    with database.engine.connect() as connection:
        owners = connection.execute(select(HealthRecordEntry.customer_id)).scalars().all()
    # Nothing was moved: each entry still belongs to the record it was written in.
    assert sorted(map(str, owners)) == sorted(map(str, (first.id, second.id, third.id)))


def test_an_entry_is_never_edited_only_followed_by_a_newer_one(
    run: Run, database: Database, doctor: Actor, wang_fang: CustomerDetail
) -> None:
    entry = run(
        doctor, add_health_entry, customer_id=wang_fang.id, section="allergies", content="青霉素"
    )
    with database.unit_of_work(doctor) as uow:
        stored = uow.session.get(HealthRecordEntry, entry.id)
        assert stored is not None
        stored.content = "无"
        with pytest.raises(LedgerIsAppendOnly):
            uow.session.flush()
    with database.engine.connect() as connection:
        created = connection.execute(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "create", AuditEntry.row_id == str(entry.id))
        ).scalar_one()
    assert created == 1
