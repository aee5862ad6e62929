"""The stock ledger: moves and their balance cache, negative stock, reversals, rebuild."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.catalogue import MoveDocument
from lorch_desk.domain.errors import (
    LedgerIsAppendOnly,
    NegativeStock,
    PermissionDenied,
    StockDocumentState,
)
from lorch_desk.models.stock import StockBalance, StockMove
from lorch_desk.services import stock_ledger
from lorch_desk.services.stock_ledger import MoveSpec
from tests.services.stock_world import World, world_fixture  # noqa: F401


def _quantity(database: Database, world: World, code: str, location=None) -> Decimal:  # noqa: ANN001
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return stock_ledger.product_quantity(uow, world.products[code], [location or world.shelf_a])


def _move(database: Database, world: World, code: str, quantity: str, src, dst, batch="B1"):  # noqa: ANN001, ANN202
    spec = MoveSpec(
        product_id=world.products[code],
        from_location_id=src,
        to_location_id=dst,
        quantity=Decimal(quantity),
        batch=batch,
    )
    ids, _ = database.run(
        world.clerk,
        lambda uow, _p: stock_ledger.post_moves(
            uow, [spec], document_type=MoveDocument.TRANSFER, document_id=None
        ),
    )
    return ids[0]


def test_a_receipt_puts_goods_on_the_shelf_and_the_cache_matches_the_moves(
    database: Database, world: World
) -> None:
    world.receive(database, "VC", "12")
    world.receive(database, "VC", "3.5", batch="B2")
    assert _quantity(database, world, "VC") == Decimal("15.5")
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert stock_ledger.balance_mismatches(uow) == []


def test_taking_more_than_lies_there_is_refused_with_the_numbers_and_writes_nothing(
    database: Database, world: World
) -> None:
    world.receive(database, "VC", "5")
    with pytest.raises(NegativeStock) as refused:
        _move(database, world, "VC", "6", world.shelf_a, world.scrap)
    assert refused.value.params == {
        "product": "维生素C片",
        "batch": "B1",
        "location": "A区货架",
        "available": "5",
        "requested": "6",
    }
    assert _quantity(database, world, "VC") == Decimal("5")
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert (
            uow.session.scalar(select(StockMove).where(StockMove.to_location_id == world.scrap))
            is None
        )


def test_a_correction_is_a_reversing_move_and_a_move_is_reversed_once(
    database: Database, world: World
) -> None:
    world.receive(database, "HQ", "500")
    move_id = _move(database, world, "HQ", "200", world.shelf_a, world.shelf_b)
    assert _quantity(database, world, "HQ", world.shelf_b) == Decimal("200")
    with pytest.raises(PermissionDenied):
        database.run(world.clerk, lambda uow, _p: stock_ledger.reverse_move(uow, move_id))
    reversal, _ = database.run(
        world.manager, lambda uow, _p: stock_ledger.reverse_move(uow, move_id)
    )
    assert _quantity(database, world, "HQ", world.shelf_b) == Decimal("0")
    assert _quantity(database, world, "HQ") == Decimal("500")
    with pytest.raises(StockDocumentState):
        database.run(world.manager, lambda uow, _p: stock_ledger.reverse_move(uow, move_id))
    with pytest.raises(StockDocumentState):
        database.run(world.manager, lambda uow, _p: stock_ledger.reverse_move(uow, reversal))


def test_a_move_is_never_updated(database: Database, world: World) -> None:
    world.receive(database, "GZ", "10")
    with pytest.raises(LedgerIsAppendOnly), database.unit_of_work(world.manager) as uow:
        move = uow.session.scalars(select(StockMove)).first()
        move.quantity = Decimal("11")
        uow.session.flush()


def test_a_drifted_cache_is_found_and_rebuilt_from_the_moves(
    database: Database, world: World
) -> None:
    world.receive(database, "VC", "10")
    world.receive(database, "HQ", "250", location=world.shelf_b)
    _move(database, world, "VC", "4", world.shelf_a, world.shelf_b)
    with database.unit_of_work(world.manager) as uow:
        uow.session.execute(update(StockBalance).values(quantity=StockBalance.quantity + 1))
        assert len(stock_ledger.balance_mismatches(uow)) > 0
        stock_ledger.rebuild_balances(uow)
        assert stock_ledger.balance_mismatches(uow) == []
        uow.session.commit()
    assert _quantity(database, world, "VC") == Decimal("6")
    assert _quantity(database, world, "VC", world.shelf_b) == Decimal("4")


_OPERATION = st.tuples(
    st.sampled_from(["receive", "move", "scrap"]),
    st.sampled_from(["VC", "HQ"]),
    st.sampled_from(["B1", "B2"]),
    st.integers(min_value=1, max_value=30),
    st.booleans(),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=st.lists(_OPERATION, min_size=1, max_size=12))
def test_any_sequence_keeps_the_cache_equal_to_the_moves_and_never_below_zero(
    database: Database, world: World, operations: list
) -> None:
    shelves = [world.shelf_a, world.shelf_b]
    expected: dict[tuple, Decimal] = {}
    for kind, code, batch, amount, flip in operations:
        src, dst = (shelves[1], shelves[0]) if flip else (shelves[0], shelves[1])
        quantity = Decimal(amount)
        try:
            if kind == "receive":
                world.receive(database, code, str(quantity), batch=batch, location=dst)
                expected[(code, batch, dst)] = expected.get((code, batch, dst), 0) + quantity
            else:
                target = dst if kind == "move" else world.scrap
                _move(database, world, code, str(quantity), src, target, batch)
                expected[(code, batch, src)] = expected.get((code, batch, src), 0) - quantity
                if kind == "move":
                    expected[(code, batch, dst)] = expected.get((code, batch, dst), 0) + quantity
        except NegativeStock:
            assert expected.get((code, batch, src), 0) < quantity
    with database.unit_of_work(world.manager, read_only=True) as uow:
        assert stock_ledger.balance_mismatches(uow) == []
        for row in stock_ledger.balances(uow, location_ids=shelves, include_zero=True):
            assert row.quantity >= 0
    # The database is shared between examples: clear what this example wrote.
    for (code, batch, location), quantity in expected.items():
        if quantity > 0:
            _move(database, world, code, str(quantity), location, world.scrap, batch)
