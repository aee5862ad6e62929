"""The demo warehouse: catalogue, a warehouse per site, stock with alerts, open work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from lorch_desk.domain.catalogue import DestructionStatus
from lorch_desk.domain.stock_count import CountStatus
from lorch_desk.models.catalogue import Product
from lorch_desk.services import (
    catalogue,
    destruction,
    receipts,
    stock_counts,
    stock_ledger,
    stock_queries,
)
from tests.services.test_demo_data import Seeded, _open_copy, _seed


@pytest.fixture(scope="module")
def seeded(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    database, system = _open_copy(
        template_database, tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    )
    summary = _seed(database, system, customers=50)
    yield Seeded(database, system, summary)
    database.dispose()


def test_the_demo_has_a_chinese_catalogue_and_a_warehouse_per_site(seeded: Seeded) -> None:
    with seeded.database.unit_of_work(seeded.system, read_only=True) as uow:
        names = set(uow.session.scalars(select(Product.name)))
        assert {"黄芪", "当归", "党参", "维生素C片", "医用外科口罩"} <= names
        herb = uow.session.scalar(select(Product).where(Product.name == "黄芪"))
        assert herb.unit == "克"
        warehouses = catalogue.list_warehouses(uow)
        assert [w.name for w in warehouses][:1] == ["北京总库房"]
        assert {"上海分中心库房", "成都分中心库房"} <= {w.name for w in warehouses}


def test_the_demo_stock_has_near_expiry_batches_and_open_work(seeded: Seeded) -> None:
    with seeded.database.unit_of_work(seeded.system, read_only=True) as uow:
        central = catalogue.list_warehouses(uow)[0].warehouse_id
        rows = stock_queries.stock_on_hand(uow, central)
        assert len(rows) > 30
        assert any(row.near_expiry for row in rows)
        assert any(row.expired for row in rows)
        assert [o.status for o in receipts.list_open_orders(uow, central)] == ["partially_received"]
        statuses = {c.status for c in stock_counts.list_counts(uow, central)}
        assert statuses == {CountStatus.POSTED, CountStatus.OPEN}
        assert [d.status for d in destruction.list_destructions(uow, central)] == [
            DestructionStatus.REQUESTED
        ]
        assert stock_ledger.balance_mismatches(uow) == []


def test_the_demo_has_a_delivery_and_a_requisition_in_every_state(seeded: Seeded) -> None:
    from lorch_desk.domain.requisitions import RequisitionState
    from lorch_desk.services import requisitions, shipment_receipts, shipments
    from lorch_desk.services.shipments import ShipmentKind

    with seeded.database.unit_of_work(seeded.system, read_only=True) as uow:
        central = catalogue.list_warehouses(uow)[0].warehouse_id
        rows = requisitions.list_requisitions(uow, central)
        assert {row.state for row in rows} == set(RequisitionState)
        sent = shipments.list_shipments(uow, central)
        assert {s.kind for s in sent} == {ShipmentKind.CUSTOMER, ShipmentKind.BRANCH}
        customer = next(s for s in sent if s.kind is ShipmentKind.CUSTOMER)
        assert customer.address and customer.lines[0].batch
        received = next(r for r in rows if r.state is RequisitionState.RECEIVED)
        receipt = shipment_receipts.receipt_of_shipment(uow, received.shipment_id)
        assert receipt is not None and receipt.discrepancies
        assert stock_ledger.balance_mismatches(uow) == []
