"""Alerts (near expiry, below reorder) and the warehouse reports of the Reports tab."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from lorch_desk.db.unit_of_work import Database
from lorch_desk.documents.xlsx.table_export import export_table_xlsx
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import report_catalogue, reports, stock_counts, stock_queries
from lorch_desk.services.stock_reports import REPORTS
from tests.services.stock_world import World, world_fixture  # noqa: F401


def _receive_some(database: Database, world: World) -> None:
    today = clinic_today()
    world.receive(
        database, "VC", "30", batch="SOON", expiry=today + timedelta(days=20), cost="35.00"
    )
    world.receive(
        database, "VC", "5", batch="LATE", expiry=today + timedelta(days=700), cost="35.00"
    )
    world.receive(
        database,
        "HQ",
        "800",
        batch="H1",
        expiry=today + timedelta(days=400),
        location=world.shelf_b,
    )


def test_near_expiry_batches_and_products_below_reorder_are_listed(
    database: Database, world: World
) -> None:
    _receive_some(database, world)
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        soon = stock_queries.stock_on_hand(uow, world.warehouse_id, only_near_expiry=True)
        assert [(r.product_code, r.batch) for r in soon] == [("VC", "SOON")]
        everything = stock_queries.stock_on_hand(uow, world.warehouse_id)
        assert sum(r.value for r in everything) == Decimal("35") * 35 + Decimal("0.12") * 800
        assert [
            r.batch for r in stock_queries.stock_on_hand(uow, world.warehouse_id, text="hq")
        ] == ["H1"]
        # VC 35 and HQ 800 are above their reorder point of 20; gauze has none at all.
        assert [r.product_code for r in stock_queries.below_reorder(uow, world.warehouse_id)] == [
            "GZ"
        ]


def test_the_warehouse_reports_run_and_export(
    database: Database, world: World, tmp_path: Path
) -> None:
    report_catalogue.load_all()
    _receive_some(database, world)
    count, _ = database.run(
        world.clerk, lambda uow, _p: stock_counts.create_count(uow, warehouse_id=world.warehouse_id)
    )
    with database.unit_of_work(world.manager, read_only=True) as uow:
        keys = {d.key for d in reports.list_reports(world.manager)}
        assert {d.key for d in REPORTS} <= keys
        on_hand = reports.run_report(
            uow,
            key="warehouse.stock_on_hand",
            values={"warehouse": "bj-c"},
            progress=SilentProgress(),
        )
        assert len(on_hand.rows) == 3
        assert {row["value"] for row in on_hand.rows} >= {Decimal("1050.00"), Decimal("96.00")}
        ledger = reports.run_report(
            uow,
            key="warehouse.movements",
            values={"date_from": clinic_today()},
            progress=SilentProgress(),
        )
        assert len(ledger.rows) == 3
        assert ledger.rows[0]["document"].zh == "采购入库"
        expiry = reports.run_report(
            uow, key="warehouse.expiry_list", values={"days": 30}, progress=SilentProgress()
        )
        assert [(r["batch"], r["days_left"]) for r in expiry.rows] == [("SOON", 20)]
        variance = reports.run_report(
            uow,
            key="warehouse.count_variance",
            values={"count": count.number},
            progress=SilentProgress(),
        )
        assert variance.rows == []  # nothing counted yet
        document = reports.build_document(
            uow,
            key="warehouse.stock_on_hand",
            values={},
            site_name="北京总部",
            progress=SilentProgress(),
        )
        path = export_table_xlsx(document, tmp_path / "库存.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "维生素C片" in values and "黄芪" in values
