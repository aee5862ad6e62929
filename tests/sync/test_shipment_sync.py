"""HQ ships a branch's requisition: the documents addressed to the branch reach it, and back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from lorch_desk.domain.catalogue import LocationKind, MoveDocument, ProductCategory
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.requisitions import RequisitionState
from lorch_desk.models.shipments import ShipmentReceipt, ShipmentReceiptLine
from lorch_desk.models.stock import StockBalance, StockMove
from lorch_desk.models.sync import SyncChange
from lorch_desk.services import catalogue, requisitions, stock_ledger
from lorch_desk.services.shipment_receipts import ReceivedLineInput
from lorch_desk.services.stock_ledger import MoveSpec
from lorch_desk.sync.hq_feed import addressed_sites
from tests.sync.conftest import Branch, Headquarters, _nobody

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in the clinic: any hour of the test run


def _world(headquarters: Headquarters, branch: Branch) -> dict[str, Any]:
    """HQ's central warehouse with stock, the branch's warehouse (central data), pulled."""
    admin = headquarters.admin

    def make(uow, _progress):  # noqa: ANN001, ANN202
        product = catalogue.create_product(
            uow,
            catalogue.ProductInput(
                code="VC",
                barcode="69000000001",
                name="维生素C片",
                unit="瓶",
                category=ProductCategory.NUTRIENT,
                cost="10.00",
                sale_price="20",
                reorder_point="0",
            ),
        ).product_id
        central = catalogue.create_warehouse(
            uow, code="BJ-WH", name="北京总库房", branch_site_id=admin.site_id, is_central=True
        ).warehouse_id
        branch_wh = catalogue.create_warehouse(
            uow, code="SH-WH", name="上海库房", branch_site_id=branch.identity.site_id
        ).warehouse_id
        hq_shelf = catalogue.list_locations(uow, central)[0].location_id
        stock_ledger.post_moves(
            uow,
            [
                MoveSpec(
                    product_id=product,
                    from_location_id=catalogue.virtual_location(
                        uow, central, LocationKind.SUPPLIER
                    ),
                    to_location_id=hq_shelf,
                    quantity=Decimal(20),
                    batch="B1",
                    expiry=NOW.date() + timedelta(days=300),
                )
            ],
            document_type=MoveDocument.RECEIPT,
            document_id=None,
            moved_at=NOW,
        )
        return {
            "product": product,
            "branch_warehouse": branch_wh,
            "branch_shelf": catalogue.list_locations(uow, branch_wh)[0].location_id,
            "transit": catalogue.virtual_location(uow, branch_wh, LocationKind.TRANSIT),
        }

    world, _ = headquarters.database.run(admin, make)
    branch.client.sync_once()
    return world


def _run(database: Any, actor: Any, operation: Any, *args: Any, **kwargs: Any) -> Any:
    result, _ = database.run(actor, lambda uow, _p: operation(uow, *args, **kwargs))
    return result


def _moves(database: Any) -> set[tuple]:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        return set(
            uow.session.execute(
                select(StockMove.id, StockMove.from_location_id, StockMove.to_location_id)
            ).all()
        )


def _balance(database: Any, location_id: Any) -> Decimal:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        return uow.session.scalar(
            select(func.coalesce(func.sum(StockBalance.quantity), 0)).where(
                StockBalance.location_id == location_id
            )
        )


def _consistent(database: Any) -> None:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        assert stock_ledger.balance_mismatches(uow) == []


def test_hq_ships_a_branch_requisition_and_sees_the_receipt_with_its_discrepancy(
    headquarters: Headquarters, make_branch: Any, pg_actor_for: Any
) -> None:
    branch = make_branch("SH", "上海分院")
    world = _world(headquarters, branch)
    clerk = branch.actor(Role.WAREHOUSE_CLERK)
    line = requisitions.RequisitionLineInput(product_id=world["product"], quantity="5")
    requested = _run(
        branch.database,
        clerk,
        requisitions.request_requisition,
        warehouse_id=world["branch_warehouse"],
        lines=[line],
        now=NOW,
    )
    assert branch.client.sync_once().rejected == 0

    hq_db = headquarters.database
    _run(
        hq_db,
        headquarters.admin,
        requisitions.decide_requisition,
        requested.requisition_id,
        approve=True,
        now=NOW,
    )
    shipment = _run(
        hq_db,
        pg_actor_for(Role.WAREHOUSE_CLERK),
        requisitions.ship_requisition,
        requested.requisition_id,
        now=NOW + timedelta(hours=1),
    )
    # The branch pulls HQ's decision, the shipment and the move into its transit location.
    report = branch.client.sync_once()
    assert report.rejected == 0 and report.mismatched == []
    at_branch = _run(branch.database, clerk, requisitions.requisition_row, requested.requisition_id)
    assert at_branch.state is RequisitionState.SHIPPED
    assert _balance(branch.database, world["transit"]) == Decimal(5)
    _consistent(branch.database)

    short = ReceivedLineInput(
        shipment_line_id=shipment.lines[0].line_id, received="4", damaged="1", note="少一瓶"
    )
    receipt = _run(
        branch.database,
        clerk,
        requisitions.receive_requisition,
        requested.requisition_id,
        location_id=world["branch_shelf"],
        lines=[short],
        now=NOW + timedelta(days=1),
    )
    assert len(receipt.discrepancies) == 1
    report = branch.client.sync_once()
    assert report.rejected == 0 and report.mismatched == []

    with hq_db.unit_of_work(_nobody(), read_only=True) as uow:
        stored = uow.session.get(ShipmentReceipt, receipt.receipt_id)
        assert stored is not None and stored.shipment_id == shipment.shipment_id
        received = uow.session.scalars(
            select(ShipmentReceiptLine).where(ShipmentReceiptLine.receipt_id == stored.id)
        ).one()
        assert (received.received_quantity, received.damaged_quantity) == (Decimal(4), Decimal(1))
        # The receipt is addressed back to the site that sent the shipment.
        assert set(
            uow.session.scalars(
                select(SyncChange.addressed_site_id).where(
                    SyncChange.table_name.in_(["shipment_receipt", "shipment_receipt_line"])
                )
            )
        ) == {headquarters.admin.site_id}
    at_hq = _run(hq_db, headquarters.admin, requisitions.requisition_row, requested.requisition_id)
    assert at_hq.state is RequisitionState.RECEIVED
    # Every move of the shipment and the receipt at both ends; transit settled at both.
    branch_moves = _moves(branch.database)
    assert branch_moves <= _moves(hq_db)
    assert {move.to_location_id for move in branch_moves} >= {world["transit"]}
    for database in (hq_db, branch.database):
        assert _balance(database, world["transit"]) == 0
        assert _balance(database, world["branch_shelf"]) == Decimal(3)
        _consistent(database)


def test_the_feed_addresses_hq_documents_to_the_branch_they_concern(
    headquarters: Headquarters, make_branch: Any, pg_actor_for: Any
) -> None:
    branch = make_branch("SH", "上海分院")
    other = make_branch("HZ", "杭州分院")
    world = _world(headquarters, branch)
    other.client.sync_once()
    line = requisitions.RequisitionLineInput(product_id=world["product"], quantity="2")
    requested = _run(
        branch.database,
        branch.actor(Role.WAREHOUSE_CLERK),
        requisitions.request_requisition,
        warehouse_id=world["branch_warehouse"],
        lines=[line],
        now=NOW,
    )
    branch.client.sync_once()
    hq_db = headquarters.database
    _run(
        hq_db,
        headquarters.admin,
        requisitions.decide_requisition,
        requested.requisition_id,
        approve=True,
        now=NOW,
    )
    _run(
        hq_db,
        pg_actor_for(Role.WAREHOUSE_CLERK),
        requisitions.ship_requisition,
        requested.requisition_id,
        now=NOW,
    )
    branch.client.sync_once()
    other.client.sync_once()
    site = branch.identity.site_id
    with hq_db.unit_of_work(_nobody(), read_only=True) as uow:
        addressed = dict(
            uow.session.execute(
                select(SyncChange.table_name, SyncChange.addressed_site_id).where(
                    SyncChange.addressed_site_id.is_not(None)
                )
            ).all()
        )
        # HQ's own receipt of goods (supplier -> its shelf) is addressed to nobody else.
        hq_receipt = uow.session.scalar(
            select(StockMove.id).where(StockMove.document_type == MoveDocument.RECEIPT.value)
        )
        assert addressed_sites(uow.session.connection(), [("stock_move", hq_receipt)]) == {}
    assert addressed == {
        # The branch's requisition is addressed to the supplying warehouse's site (HQ).
        "requisition": headquarters.admin.site_id,
        "requisition_line": headquarters.admin.site_id,
        "requisition_decision": site,
        "shipment": site,
        "shipment_line": site,
        "stock_move": site,
    }
    # The other branch sees none of it.
    assert _moves(other.database) == set()
    assert _moves(branch.database) == {
        move for move in _moves(hq_db) if move[2] == world["transit"]
    }
