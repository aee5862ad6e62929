"""Moves written in bulk: the same outbox rows as the flush listener's, no audit row per move."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.catalogue import MoveDocument
from lorch_desk.domain.errors import NegativeStock
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.base import new_id
from lorch_desk.models.stock import StockBalance, StockMove
from lorch_desk.models.sync import OutboxEntry
from lorch_desk.services import stock_ledger
from lorch_desk.services.stock_ledger import MoveSpec
from tests.services.stock_world import World, world_fixture  # noqa: F401


def _outbox(database: Database, world: World, row_id) -> OutboxEntry:  # noqa: ANN001
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        entry = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == row_id)).one()
        uow.session.expunge(entry)
        return entry


def _count(database: Database, world: World, model: type, *where) -> int:  # noqa: ANN001
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_a_bulk_move_has_the_outbox_row_an_orm_insert_would_have(
    database: Database, world: World
) -> None:
    moved_at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    values = {
        "product_id": world.products["VC"],
        "batch": "B7",
        "expiry": date(2027, 5, 1),
        "from_location_id": world.scrap,
        "to_location_id": world.shelf_a,
        "quantity": Decimal("12.500"),
        "unit_cost": Decimal("3.20"),
        "document_type": MoveDocument.RECEIPT.value,
        "document_id": new_id(),
        "moved_at": moved_at,
    }

    def by_orm(uow, _progress):  # noqa: ANN001, ANN202
        move = StockMove(**values)
        uow.session.add(move)
        uow.session.flush()
        return move.id

    def in_bulk(uow, _progress):  # noqa: ANN001, ANN202
        spec = MoveSpec(
            product_id=values["product_id"],
            from_location_id=values["from_location_id"],
            to_location_id=values["to_location_id"],
            quantity=values["quantity"],
            batch=values["batch"],
            expiry=values["expiry"],
            unit_cost=values["unit_cost"],
        )
        return stock_ledger.post_moves(
            uow,
            [spec],
            document_type=MoveDocument.RECEIPT,
            document_id=values["document_id"],
            moved_at=moved_at,
        )[0]

    orm_id, _ = database.run(world.clerk, by_orm)
    bulk_id, _ = database.run(world.clerk, in_bulk)
    orm, bulk = _outbox(database, world, orm_id), _outbox(database, world, bulk_id)
    assert (bulk.op, bulk.table_name, bulk.base, bulk.base_seq) == (
        "insert",
        "stock_move",
        {},
        None,
    )
    assert bulk.changes.keys() == orm.changes.keys()
    differing = {key for key in orm.changes if orm.changes[key] != bulk.changes[key]}
    # Only what makes each row itself differs: its id and the moment it was written.
    assert differing == {"id", "created_at", "updated_at"}
    assert bulk.changes["id"] == str(bulk_id)
    assert bulk.changes["created_by"] == str(world.clerk.user_id)
    assert bulk.changes["site_id"] == str(world.clerk.site_id)
    # The ORM insert has its audit row; the bulk ledger row is its own audit record.
    assert _count(database, world, AuditEntry, AuditEntry.row_id == str(orm_id)) == 1
    assert _count(database, world, AuditEntry, AuditEntry.row_id == str(bulk_id)) == 0


def test_a_refused_bulk_posting_writes_nothing(database: Database, world: World) -> None:
    world.receive(database, "VC", "5")
    before = (
        _count(database, world, StockMove),
        _count(database, world, OutboxEntry),
        _count(database, world, StockBalance),
    )
    specs = [
        MoveSpec(
            product_id=world.products[code],
            from_location_id=world.shelf_a,
            to_location_id=world.scrap,
            quantity=Decimal(quantity),
            batch="B1",
        )
        for code, quantity in (("VC", "2"), ("VC", "4"))
    ]
    with pytest.raises(NegativeStock) as refused:
        database.run(
            world.clerk,
            lambda uow, _p: stock_ledger.post_moves(
                uow, specs, document_type=MoveDocument.DESTRUCTION, document_id=None
            ),
        )
    assert refused.value.params["available"] == "5"
    assert refused.value.params["requested"] == "6"
    after = (
        _count(database, world, StockMove),
        _count(database, world, OutboxEntry),
        _count(database, world, StockBalance),
    )
    assert after == before


def test_many_moves_in_bulk_update_the_cache_and_the_outbox(
    database: Database, world: World
) -> None:
    world.receive(database, "HQ", "1000")
    specs = [
        MoveSpec(
            product_id=world.products["HQ"],
            from_location_id=world.shelf_a,
            to_location_id=world.shelf_b,
            quantity=Decimal("1.5"),
            batch="B1",
        )
        for _ in range(600)
    ]
    ids, _ = database.run(
        world.clerk,
        lambda uow, _p: stock_ledger.post_moves(
            uow, specs, document_type=MoveDocument.TRANSFER, document_id=None
        ),
    )
    assert len(set(ids)) == 600
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert stock_ledger.balance_mismatches(uow) == []
        assert stock_ledger.product_quantity(uow, world.products["HQ"], [world.shelf_b]) == 900
        rows = uow.session.scalars(
            select(OutboxEntry.row_id).where(OutboxEntry.row_id.in_(ids))
        ).all()
        assert sorted(rows) == sorted(ids)
