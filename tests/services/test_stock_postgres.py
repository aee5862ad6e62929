"""The stock ledger and a count posting on the real PostgreSQL server."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.errors import NegativeStock
from lorch_desk.services import stock_counts, stock_ledger
from lorch_desk.services.node_setup import NodeIdentity
from tests.services.stock_world import build_world


@pytest.mark.postgres
def test_receipts_counts_and_the_rebuild_agree_on_postgresql(
    pg_database: Database, pg_node: NodeIdentity, pg_actor_for
) -> None:  # noqa: ANN001
    world = build_world(pg_database, pg_node, pg_actor_for)
    world.receive(pg_database, "VC", "10")
    world.receive(pg_database, "HQ", "250.5", location=world.shelf_b)

    def run(actor, operation, /, **kwargs):  # noqa: ANN001, ANN202
        return pg_database.run(actor, lambda uow, _p: operation(uow, **kwargs))[0]

    count = run(world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    lines = {
        ln.product_code: ln
        for ln in run(world.clerk, stock_counts.count_lines, count_id=count.count_id)
    }
    run(
        world.clerk,
        stock_counts.enter_counts,
        count_id=count.count_id,
        entries=[(lines["VC"].line_id, "8"), (lines["HQ"].line_id, "251")],
    )
    run(world.clerk, stock_counts.submit_count, count_id=count.count_id)
    run(world.manager, stock_counts.approve_count, count_id=count.count_id)
    report = run(world.clerk, stock_counts.post_count, count_id=count.count_id)
    assert {ln.product_code: ln.variance.quantity for ln in report.lines} == {
        "VC": -2,
        "HQ": Decimal("0.5"),
    }
    with pytest.raises(NegativeStock):
        from lorch_desk.domain.catalogue import MoveDocument
        from lorch_desk.services.stock_ledger import MoveSpec

        spec = MoveSpec(
            product_id=world.products["VC"],
            from_location_id=world.shelf_a,
            to_location_id=world.scrap,
            quantity=Decimal(9),
        )
        run(
            world.clerk,
            stock_ledger.post_moves,
            moves=[spec],
            document_type=MoveDocument.DESTRUCTION,
            document_id=None,
        )
    with pg_database.unit_of_work(world.manager) as uow:
        assert stock_ledger.balance_mismatches(uow) == []
        stock_ledger.rebuild_balances(uow)
        assert stock_ledger.balance_mismatches(uow) == []
        assert stock_ledger.product_quantity(uow, world.products["HQ"], [world.shelf_b]) == Decimal(
            "251"
        )
