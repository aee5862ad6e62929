"""The flush rules every session follows: sync stamps, audit, append-only ledgers, no deletes."""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Float, Numeric, delete, func, select, update
from sqlalchemy.exc import StatementError

import lorch_desk.models
from lorch_desk.db.session_rules import ALLOW_BULK_OPTION
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import BulkWriteRefused, LedgerIsAppendOnly, PhysicalDeleteRefused
from lorch_desk.domain.permissions import Role
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.base import Base, Replicated
from lorch_desk.models.customer import Customer, HealthRecordEntry
from lorch_desk.models.node import NumberCounter
from lorch_desk.models.registry import TABLE_CLASSES
from lorch_desk.models.staff import Attachment, UserAccount

SYNC_COLUMNS = {
    "id",
    "site_id",
    "origin_node_id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "deleted_at",
    "row_version",
    "server_seq",
}


def _customer(number: str = "BJ-2026-000001", **values: object) -> Customer:
    return Customer(file_number=number, name="王小明", gender="male", **values)


def _add(database: Database, actor: Actor, *rows: object) -> None:
    def operation(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.add_all(rows)

    database.run(actor, operation)


def _read(database: Database, actor: Actor, query: Callable[..., object]) -> object:
    """Run a read in its own unit of work; loaded rows stay readable after it ends."""
    result, _changes = database.run(actor, lambda uow, _p: query(uow.session), read_only=True)
    return result


def _get(database: Database, actor: Actor, model: type, key: object) -> object:
    return _read(database, actor, lambda session: session.get(model, key))


def _audits(database: Database, actor: Actor, row_id: uuid.UUID) -> list[AuditEntry]:
    statement = (
        select(AuditEntry)
        .where(AuditEntry.row_id == str(row_id))
        .order_by(AuditEntry.created_at, AuditEntry.id)
    )
    return _read(database, actor, lambda session: list(session.scalars(statement)))


def _count(database: Database, actor: Actor, model: type) -> int:
    return _read(
        database, actor, lambda session: session.scalar(select(func.count()).select_from(model))
    )


@pytest.fixture()
def receptionist(actor_for: Callable[[Role], Actor]) -> Actor:
    return actor_for(Role.RECEPTIONIST, "前台小李")


@pytest.fixture()
def consultant(actor_for: Callable[[Role], Actor]) -> Actor:
    return actor_for(Role.CONSULTANT, "咨询师小张")


@pytest.fixture()
def customer(database: Database, receptionist: Actor) -> Customer:
    row = _customer()
    _add(database, receptionist, row)
    return row


# --- new rows -------------------------------------------------------------------------------


def test_a_new_row_gets_a_uuid7_key_and_the_actors_stamps(
    database: Database, receptionist: Actor, customer: Customer
) -> None:
    stored = _get(database, receptionist, Customer, customer.id)
    assert stored is not None
    assert isinstance(stored.id, uuid.UUID) and stored.id.version == 7
    assert stored.site_id == receptionist.site_id
    assert stored.origin_node_id == receptionist.node_id
    assert stored.created_by == stored.updated_by == receptionist.user_id
    assert stored.row_version == 1
    assert stored.deleted_at is None and stored.server_seq is None
    assert stored.created_at.tzinfo is not None
    assert stored.created_at.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - stored.created_at) < timedelta(minutes=1)
    assert stored.updated_at == stored.created_at


def test_keys_made_one_after_another_sort_in_creation_order(
    database: Database, receptionist: Actor
) -> None:
    rows = [_customer(f"BJ-2026-{n:06d}") for n in range(1, 21)]
    for row in rows:
        _add(database, receptionist, row)
    assert [row.id for row in rows] == sorted(row.id for row in rows)


def test_a_new_row_is_audited_with_its_values_and_the_password_hidden(
    database: Database, system_actor: Actor, receptionist: Actor, customer: Customer
) -> None:
    (created,) = _audits(database, receptionist, customer.id)
    assert created.action == "create"
    assert created.table_name == "customer"
    assert created.actor_id == receptionist.user_id
    assert created.actor_name == "前台小李"
    assert created.changes["name"] == [None, "王小明"]
    # The audit row is itself a replicated ledger row with the same stamps.
    assert created.site_id == receptionist.site_id
    assert created.origin_node_id == receptionist.node_id
    assert created.id.version == 7

    user = UserAccount(
        username="lihua", display_name="李华", role="receptionist", password_hash="$argon2id$x"
    )
    _add(database, system_actor, user)
    (user_created,) = _audits(database, system_actor, user.id)
    assert user_created.changes["password_hash"] == [None, "***"]
    assert "$argon2id$x" not in str(user_created.changes)


def test_times_are_stored_in_utc_whatever_zone_they_come_in(
    database: Database, receptionist: Actor
) -> None:
    beijing = timezone(timedelta(hours=8))
    row = _customer(created_at=datetime(2026, 3, 1, 8, 0, tzinfo=beijing))
    _add(database, receptionist, row)
    stored = _get(database, receptionist, Customer, row.id)
    assert stored.created_at == datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
    assert stored.created_at.utcoffset() == timedelta(0)


def test_a_naive_datetime_is_refused(database: Database, receptionist: Actor) -> None:
    row = _customer(created_at=datetime(2026, 3, 1, 8, 0))
    with pytest.raises(StatementError, match="naive datetime"):
        _add(database, receptionist, row)
    assert _count(database, receptionist, Customer) == 0


# --- updates --------------------------------------------------------------------------------


def test_an_update_bumps_the_version_and_audits_only_the_changed_fields(
    database: Database, receptionist: Actor, consultant: Actor, customer: Customer
) -> None:
    def edit(uow, _progress):  # noqa: ANN001, ANN202
        row = uow.session.get(Customer, customer.id)
        row.name = "王小明"  # the same value: not a change
        row.notes = "对花粉过敏"
        row.mobile = "13812345678"

    _result, changes = database.run(consultant, edit)

    stored = _get(database, consultant, Customer, customer.id)
    assert stored.row_version == 2
    assert stored.updated_by == consultant.user_id
    assert stored.created_by == receptionist.user_id
    assert stored.updated_at > stored.created_at
    assert stored.updated_at.utcoffset() == timedelta(0)

    created, updated = _audits(database, consultant, customer.id)
    assert created.action == "create"
    assert updated.action == "update"
    assert updated.actor_id == consultant.user_id
    assert updated.changes == {"notes": ["", "对花粉过敏"], "mobile": [None, "13812345678"]}
    assert changes.tables == {"customer", "audit_entry"}


def test_a_password_change_is_audited_without_the_hash(
    database: Database, system_actor: Actor
) -> None:
    user = UserAccount(username="lihua", display_name="李华", role="doctor", password_hash="old")

    _add(database, system_actor, user)

    def change(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.get(UserAccount, user.id).password_hash = "$argon2id$new"

    database.run(system_actor, change)
    _created, updated = _audits(database, system_actor, user.id)
    assert updated.changes == {"password_hash": ["***", "***"]}


def test_a_tombstone_is_audited_as_a_delete(
    database: Database, consultant: Actor, customer: Customer
) -> None:
    def tombstone(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.get(Customer, customer.id).deleted_at = datetime.now(UTC)

    database.run(consultant, tombstone)
    _created, deleted = _audits(database, consultant, customer.id)
    assert deleted.action == "delete"
    assert deleted.changes["deleted_at"][0] is None


def test_the_changeset_names_every_table_written(database: Database, system_actor: Actor) -> None:
    def work(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.add(_customer())
        uow.session.add(NumberCounter(kind="file", year=2026, last_value=1))

    _result, changes = database.run(system_actor, work)
    assert changes.tables == {"customer", "audit_entry", "number_counter"}
    assert changes.touches("customer") and not changes.touches("site")

    _result, nothing = database.run(system_actor, lambda uow, _p: None)
    assert not nothing


# --- ledgers, deletes, bulk statements --------------------------------------------------------


@pytest.fixture()
def ledger_rows(database: Database, consultant: Actor, customer: Customer) -> dict[str, object]:
    entry = HealthRecordEntry(customer_id=customer.id, section="allergies", content="花粉")
    attachment = Attachment(
        owner_table="customer",
        owner_id=customer.id,
        purpose="photo",
        file_name="a.png",
        media_type="image/png",
        content=b"\x89PNG",
    )
    _add(database, consultant, entry, attachment)
    (audit,) = _audits(database, consultant, customer.id)
    return {"health_record_entry": entry, "attachment": attachment, "audit_entry": audit}


_LEDGER_EDITS = {
    "health_record_entry": (HealthRecordEntry, "content", "改写的病史"),
    "attachment": (Attachment, "file_name", "b.png"),
    "audit_entry": (AuditEntry, "actor_name", "someone else"),
}


@pytest.mark.parametrize("table", sorted(_LEDGER_EDITS))
@pytest.mark.parametrize("field", ["value", "deleted_at"])
def test_a_ledger_row_is_never_updated(
    database: Database,
    consultant: Actor,
    ledger_rows: dict[str, object],
    table: str,
    field: str,
) -> None:
    model, column, value = _LEDGER_EDITS[table]
    row_id = ledger_rows[table].id
    audits_before = _count(database, consultant, AuditEntry)

    def edit(uow, _progress):  # noqa: ANN001, ANN202
        row = uow.session.get(model, row_id)
        if field == "deleted_at":
            row.deleted_at = datetime.now(UTC)
        else:
            setattr(row, column, value)

    with pytest.raises(LedgerIsAppendOnly):
        database.run(consultant, edit)

    stored = _get(database, consultant, model, row_id)
    assert getattr(stored, column) != value
    assert stored.deleted_at is None
    assert stored.row_version == 1
    assert _count(database, consultant, AuditEntry) == audits_before


def test_a_replicated_row_is_never_deleted(
    database: Database, consultant: Actor, customer: Customer
) -> None:
    def remove(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.delete(uow.session.get(Customer, customer.id))

    with pytest.raises(PhysicalDeleteRefused):
        database.run(consultant, remove)
    with database.unit_of_work(consultant, read_only=True) as uow:
        assert uow.session.get(Customer, customer.id) is not None


def test_a_local_row_may_be_deleted(database: Database, system_actor: Actor) -> None:
    _add(database, system_actor, NumberCounter(kind="file", year=2026, last_value=3))

    def remove(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.delete(uow.session.get(NumberCounter, ("file", 2026)))

    _result, changes = database.run(system_actor, remove)
    assert changes.tables == {"number_counter"}
    assert _count(database, system_actor, NumberCounter) == 0


@pytest.mark.parametrize(
    "statement",
    [
        update(Customer).values(notes="批量"),
        update(Customer).where(Customer.name == "王小明").values(notes="批量"),
        delete(Customer),
        update(Customer.__table__).values(notes="批量"),
        delete(Customer.__table__),
    ],
    ids=["update", "update-where", "delete", "core-update", "core-delete"],
)
def test_bulk_statements_on_replicated_tables_are_refused(
    database: Database, consultant: Actor, customer: Customer, statement: object
) -> None:
    with pytest.raises(BulkWriteRefused):
        database.run(consultant, lambda uow, _p: uow.session.execute(statement))
    stored = _get(database, consultant, Customer, customer.id)
    assert stored is not None and stored.notes == ""


def test_the_sync_option_allows_bulk_statements(
    database: Database, system_actor: Actor, customer: Customer
) -> None:
    def integrate(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.execute(
            update(Customer).values(notes="从总部拉取"),
            execution_options={ALLOW_BULK_OPTION: True},
        )
        uow.session.execute(
            update(Customer).values(region="北京").execution_options(**{ALLOW_BULK_OPTION: True})
        )

    database.run(system_actor, integrate)
    stored = _get(database, system_actor, Customer, customer.id)
    assert (stored.notes, stored.region) == ("从总部拉取", "北京")


def test_bulk_statements_on_local_tables_are_allowed(
    database: Database, system_actor: Actor
) -> None:
    _add(database, system_actor, NumberCounter(kind="file", year=2026, last_value=3))
    database.run(
        system_actor,
        lambda uow, _p: uow.session.execute(update(NumberCounter).values(last_value=9)),
    )
    with database.unit_of_work(system_actor, read_only=True) as uow:
        assert uow.session.get(NumberCounter, ("file", 2026)).last_value == 9


# --- the registry and the shape of every table ------------------------------------------------


def _all_model_modules_imported() -> None:
    """Import every module of lorch_desk.models, so no table escapes the registry check."""
    for module in pkgutil.iter_modules(lorch_desk.models.__path__, "lorch_desk.models."):
        importlib.import_module(module.name)


def test_every_table_is_declared_in_the_registry_and_nothing_else_is() -> None:
    _all_model_modules_imported()
    assert set(Base.metadata.tables) == set(TABLE_CLASSES)


def _mapped_classes() -> dict[str, type]:
    _all_model_modules_imported()
    return {mapper.local_table.name: mapper.class_ for mapper in Base.registry.mappers}


@pytest.mark.parametrize("table", sorted(TABLE_CLASSES))
def test_replicated_tables_carry_the_sync_columns_and_local_ones_do_not_replicate(
    table: str,
) -> None:
    cls = _mapped_classes()[table]
    columns = Base.metadata.tables[table].columns
    if TABLE_CLASSES[table].is_replicated:
        assert issubclass(cls, Replicated), f"{table} is replicated but not a Replicated model"
        assert set(columns.keys()) >= SYNC_COLUMNS
        assert [column.name for column in Base.metadata.tables[table].primary_key] == ["id"]
        assert not columns["id"].autoincrement or columns["id"].autoincrement == "auto"
        assert columns["id"].type.python_type is uuid.UUID
        for name in ("site_id", "origin_node_id", "created_at", "updated_at", "row_version"):
            assert not columns[name].nullable, f"{table}.{name} must be NOT NULL"
    else:
        # The flush rules stamp and audit Replicated rows: a local table must not be one.
        assert not issubclass(cls, Replicated), f"{table} is {TABLE_CLASSES[table]}"


def test_money_and_quantities_are_decimal_never_float() -> None:
    _all_model_modules_imported()
    for table in Base.metadata.tables.values():
        for column in table.columns:
            assert not isinstance(column.type, Float), f"{table.name}.{column.name} is a float"
            if isinstance(column.type, Numeric):
                assert column.type.asdecimal, f"{table.name}.{column.name} is not Decimal"
                assert column.type.scale is not None, f"{table.name}.{column.name} has no scale"


def test_every_time_column_is_stored_with_its_zone() -> None:
    _all_model_modules_imported()
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if column.type.python_type is datetime:
                assert column.type.timezone, f"{table.name}.{column.name} is a naive time"
