"""Stock moves written in bulk at a branch (a posted count) reach headquarters, every one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from lorch_desk.domain.catalogue import LocationKind, MoveDocument, ProductCategory
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.stock_count import CountScope
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.stock import StockMove
from lorch_desk.models.sync import OutboxEntry
from lorch_desk.services import catalogue, stock_counts, stock_ledger
from lorch_desk.services.stock_ledger import MoveSpec
from lorch_desk.sync import protocol as p
from tests.sync.conftest import Branch, Headquarters, _nobody

pytestmark = pytest.mark.postgres


def _central_catalogue(headquarters: Headquarters, branch: Branch) -> dict[str, Any]:
    """Products and the branch's warehouse, made at HQ (central tables) and pulled."""

    def make(uow, _progress):  # noqa: ANN001, ANN202
        products = [
            catalogue.create_product(
                uow,
                catalogue.ProductInput(
                    code=f"P{number}",
                    barcode=f"6900000{number:04d}",
                    name=f"维生素C片{number}",
                    unit="瓶",
                    category=ProductCategory.NUTRIENT,
                    cost="10.00",
                    sale_price="20",
                    reorder_point="0",
                ),
            ).product_id
            for number in range(12)
        ]
        warehouse = catalogue.create_warehouse(
            uow, code="SH-WH", name="上海库房", branch_site_id=branch.identity.site_id
        )
        shelf = catalogue.list_locations(uow, warehouse.warehouse_id)[0].location_id
        supplier = catalogue.virtual_location(uow, warehouse.warehouse_id, LocationKind.SUPPLIER)
        return {
            "products": products,
            "warehouse": warehouse.warehouse_id,
            "shelf": shelf,
            "supplier": supplier,
        }

    world, _ = headquarters.database.run(headquarters.admin, make)
    branch.client.sync_once()
    return world


def _moves(database: Any, site_id: Any) -> dict[Any, tuple]:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        rows = uow.session.execute(
            select(
                StockMove.id,
                StockMove.product_id,
                StockMove.from_location_id,
                StockMove.to_location_id,
                StockMove.quantity,
                StockMove.document_type,
                StockMove.created_by,
            ).where(StockMove.site_id == site_id)
        ).all()
    return {row.id: tuple(row[1:]) for row in rows}


def test_a_count_posted_at_a_branch_reaches_headquarters_move_for_move(
    headquarters: Headquarters, make_branch: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Batches smaller than one posting: a push still carries whole transactions.
    monkeypatch.setattr(p, "PUSH_BATCH", 5)
    branch = make_branch("SH", "上海分院")
    world = _central_catalogue(headquarters, branch)
    clerk = branch.actor(Role.WAREHOUSE_CLERK)
    receipts = [
        MoveSpec(
            product_id=product,
            from_location_id=world["supplier"],
            to_location_id=world["shelf"],
            quantity=Decimal(10),
            batch="B1",
        )
        for product in world["products"]
    ]
    branch.database.run(
        clerk,
        lambda uow, _p: stock_ledger.post_moves(
            uow, receipts, document_type=MoveDocument.RECEIPT, document_id=None
        ),
    )

    def count(uow, _progress):  # noqa: ANN001, ANN202
        summary = stock_counts.create_count(
            uow, warehouse_id=world["warehouse"], scope=CountScope.WAREHOUSE
        )
        lines = stock_counts.count_lines(uow, summary.count_id)
        # One more, one less, the same: moves both ways, and a line without a move.
        stock_counts.enter_counts(
            uow,
            summary.count_id,
            [(line.line_id, Decimal(9 + index % 3)) for index, line in enumerate(lines)],
        )
        stock_counts.submit_count(uow, summary.count_id)
        return summary.count_id

    count_id, _ = branch.database.run(clerk, count)
    manager = branch.actor(Role.BRANCH_MANAGER)
    branch.database.run(manager, lambda uow, _p: stock_counts.approve_count(uow, count_id=count_id))
    branch.database.run(clerk, lambda uow, _p: stock_counts.post_count(uow, count_id))

    site_id = branch.identity.site_id
    local = _moves(branch.database, site_id)
    assert len(local) == 12 + 8
    with branch.database.unit_of_work(_nobody(), read_only=True) as uow:
        outbox = uow.session.scalars(
            select(OutboxEntry.row_id).where(OutboxEntry.table_name == "stock_move")
        ).all()
        assert sorted(outbox) == sorted(local)  # one insert op per move, no more
        # A ledger row is its own audit: the count's posting is one audit row of the count.
        audited = uow.session.execute(
            select(AuditEntry.table_name, func.count()).group_by(AuditEntry.table_name)
        ).all()
        assert "stock_move" not in dict(audited)
        posting = uow.session.scalars(
            select(AuditEntry.changes).where(
                AuditEntry.table_name == "stock_count", AuditEntry.row_id == str(count_id)
            )
        ).all()
        assert (
            sum(1 for changes in posting if changes.get("status", [None, None])[1] == "posted") == 1
        )
    report = branch.client.sync_once()
    assert report.rejected == 0
    assert report.mismatched == []
    assert _moves(headquarters.database, site_id) == local
    with branch.database.unit_of_work(_nobody(), read_only=True) as uow:
        assert (
            uow.session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
            )
            == 0
        )
        assert stock_ledger.balance_mismatches(uow) == []
