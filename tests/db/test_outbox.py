"""The outbox: one row per flushed change of every replicated table, in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, select

from lorch_desk.db.outbox import SKIP_OUTBOX_KEY
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import DomainError, LedgerIsAppendOnly
from lorch_desk.domain.table_classes import TableClass
from lorch_desk.models.customer import Customer
from lorch_desk.models.registry import TABLE_CLASSES
from lorch_desk.models.sync import OutboxEntry
from tests.db.generic_rows import generic_row, replicated_models


def _outbox(database: Database, actor: Actor) -> list[OutboxEntry]:
    entries, _ = database.run(
        actor,
        lambda uow, _p: list(uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.id))),
        read_only=True,
    )
    return entries


def _every_table_writes_outbox_rows(database: Database, actor: Actor) -> None:
    models = replicated_models()
    assert {model.__tablename__ for model in models} == {
        name for name, kind in TABLE_CLASSES.items() if kind.is_replicated
    }
    made: dict[str, Any] = {}
    for model in models:
        row = generic_row(model, made)

        def add(uow, _progress, row=row):  # noqa: ANN001, ANN202
            uow.session.add(row)
            uow.session.flush()
            return row.id

        made[model.__tablename__], _ = database.run(actor, add)
    before = len(_outbox(database, actor))
    tombstoned: set[str] = set()
    for model in models:
        kind = TABLE_CLASSES[model.__tablename__]

        def tombstone(uow, _progress, model=model):  # noqa: ANN001, ANN202
            uow.session.get(model, made[model.__tablename__]).deleted_at = datetime.now(UTC)

        if kind is TableClass.LEDGER:
            with pytest.raises(LedgerIsAppendOnly):
                database.run(actor, tombstone)
            continue
        try:
            database.run(actor, tombstone)
        except DomainError:
            continue  # a finalised document refuses changes: nothing may reach the outbox
        tombstoned.add(model.__tablename__)
    entries = _outbox(database, actor)
    inserts = {(e.table_name, e.row_id) for e in entries if e.op == "insert"}
    for model in models:
        assert (model.__tablename__, made[model.__tablename__]) in inserts, model.__tablename__
    updates = [e for e in entries[before:] if e.op == "update"]
    updated_tables = {e.table_name for e in updates}
    assert updated_tables == tombstoned
    assert "customer" in tombstoned
    for entry in updates:
        assert entry.base["deleted_at"] is None
        assert entry.changes["deleted_at"] is not None
        assert entry.changes["row_version"] == 2
        assert "server_seq" not in entry.changes
    # Local-only tables never reach the outbox.
    assert not {e.table_name for e in entries} - set(made) - {"audit_entry"}


def test_every_replicated_table_writes_outbox_rows_on_sqlite(
    database: Database, system_actor: Actor
) -> None:
    _every_table_writes_outbox_rows(database, system_actor)


@pytest.mark.postgres
def test_every_replicated_table_writes_outbox_rows_on_postgresql(
    pg_database: Database, pg_node: Any
) -> None:
    actor = Actor.system(
        site_id=pg_node.site_id, site_code=pg_node.site_code, node_id=pg_node.node_id
    )
    _every_table_writes_outbox_rows(pg_database, actor)


def _customer(number: str = "BJ-2026-900001") -> Customer:
    return Customer(file_number=number, name="王小明", gender="male", mobile="13800138000")


def test_an_insert_carries_every_column_and_an_update_its_fields_with_base_values(
    database: Database, system_actor: Actor
) -> None:
    customer = _customer()
    database.run(system_actor, lambda uow, _p: uow.session.add(customer))

    def edit(uow, _progress):  # noqa: ANN001, ANN202
        row = uow.session.get(Customer, customer.id)
        row.mobile = "13900139000"
        row.address = "上海市徐汇区"

    database.run(system_actor, edit)
    entries = [e for e in _outbox(database, system_actor) if e.table_name == "customer"]
    insert, update = entries
    assert insert.op == "insert"
    assert insert.changes["name"] == "王小明"
    assert insert.changes["phone"] == ""  # column defaults travel too
    assert insert.changes["id"] == str(customer.id)
    assert update.op == "update"
    assert update.changes["mobile"] == "13900139000"
    assert update.base["mobile"] == "13800138000"
    assert update.base["address"] == ""
    assert update.changes["row_version"] == 2
    assert update.row_id == customer.id
    assert insert.tx_id != update.tx_id
    audit = [
        e.tx_id
        for e in _outbox(database, system_actor)
        if e.table_name == "audit_entry" and e.tx_id in {insert.tx_id, update.tx_id}
    ]
    assert sorted(audit) == sorted([insert.tx_id, update.tx_id])


def _rollback_leaves_nothing(database: Database, actor: Actor) -> None:
    before = len(_outbox(database, actor))
    with database.unit_of_work(actor) as uow:
        uow.session.add(_customer())
        uow.session.flush()
        assert len(uow.session.scalars(select(OutboxEntry)).all()) == before + 2
        uow.session.rollback()
    assert len(_outbox(database, actor)) == before


def test_a_rolled_back_transaction_leaves_no_outbox_row(
    database: Database, system_actor: Actor
) -> None:
    _rollback_leaves_nothing(database, system_actor)


@pytest.mark.postgres
def test_a_rolled_back_transaction_leaves_no_outbox_row_on_postgresql(
    pg_database: Database, pg_node: Any
) -> None:
    actor = Actor.system(
        site_id=pg_node.site_id, site_code=pg_node.site_code, node_id=pg_node.node_id
    )
    _rollback_leaves_nothing(pg_database, actor)


def test_pulled_changes_applied_with_the_flag_are_not_echoed(
    database: Database, system_actor: Actor
) -> None:
    before = len(_outbox(database, system_actor))
    with database.unit_of_work(system_actor) as uow:
        uow.session.info[SKIP_OUTBOX_KEY] = True
        uow.session.add(_customer())
        uow.session.commit()
    assert len(_outbox(database, system_actor)) == before


def test_outbox_ids_are_never_reused(database: Database, system_actor: Actor) -> None:
    database.run(system_actor, lambda uow, _p: uow.session.add(_customer("BJ-2026-900002")))
    newest = _outbox(database, system_actor)[-1].id
    database.run(system_actor, lambda uow, _p: uow.session.execute(delete(OutboxEntry)))
    database.run(system_actor, lambda uow, _p: uow.session.add(_customer("BJ-2026-900003")))
    assert min(e.id for e in _outbox(database, system_actor)) > newest
