"""Purchase suggestion: three months of branch consumption, open requisitions, stock, orders."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from lorch_desk.db.unit_of_work import Database
from lorch_desk.documents.pdf import render_table_pdf
from lorch_desk.documents.xlsx.table_export import export_table_xlsx
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.models.base import utc_now
from lorch_desk.services import receipts, report_catalogue, reports, requisitions
from lorch_desk.services.purchase_suggestion import months_before, purchase_suggestion
from lorch_desk.services.shipment_picking import ShipLineInput
from lorch_desk.services.shipment_receipts import receive_shipment
from lorch_desk.services.shipments import CustomerShipmentInput, ship_to_branch, ship_to_customer
from tests.documents.samples import pdf_text
from tests.services.shipment_world import ShipWorld, ship_world_fixture  # noqa: F401


def test_three_calendar_months_back() -> None:
    assert months_before(date(2026, 11, 23), 3) == date(2026, 8, 23)
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2026, 2, 10), 3) == date(2025, 11, 10)


def _branch_world(database: Database, world: ShipWorld) -> None:
    """Central gets 50 VC, sends 40 to the branch; the branch sells 30 now and 5 long ago."""
    hq = world.hq
    vc = hq.products["VC"]
    hq.receive(database, "VC", "50")

    def stock_the_branch(uow, _p):  # noqa: ANN001, ANN202
        shipment = ship_to_branch(
            uow,
            warehouse_id=hq.warehouse_id,
            to_warehouse_id=world.branch_id,
            lines=[ShipLineInput(product_id=vc, quantity="40")],
            now=utc_now() - timedelta(days=150),
        )
        receive_shipment(
            uow,
            shipment.shipment_id,
            location_id=world.branch_shelf,
            now=utc_now() - timedelta(days=140),
        )
        for quantity, days_ago in (("5", 120), ("30", 2)):
            ship_to_customer(
                uow,
                CustomerShipmentInput(
                    warehouse_id=world.branch_id,
                    customer_id=world.customer_id,
                    lines=(ShipLineInput(product_id=vc, quantity=quantity),),
                ),
                now=utc_now() - timedelta(days=days_ago),
            )
        requisitions.request_requisition(
            uow,
            warehouse_id=world.branch_id,
            lines=[requisitions.RequisitionLineInput(product_id=vc, quantity="5")],
        )
        receipts.create_purchase_order(
            uow,
            supplier_id=hq.supplier_id,
            warehouse_id=hq.warehouse_id,
            lines=(receipts.OrderLineInput(product_id=vc, quantity="20", unit_cost="35"),),
        )

    database.run(hq.clerk, stock_the_branch)


def test_the_suggestion_follows_the_seed_rule(database: Database, ship_world: ShipWorld) -> None:
    _branch_world(database, ship_world)
    with database.unit_of_work(ship_world.hq.clerk, read_only=True) as uow:
        rows = {row.code: row for row in purchase_suggestion(uow)}
    vc = rows["VC"]
    assert vc.consumption == Decimal(30)  # the sale 120 days ago is outside the three months
    assert vc.by_branch == (("上海分中心库房", Decimal(30)),)
    assert vc.open_requisitions == Decimal(5)
    assert vc.on_hand == Decimal(10)
    assert vc.on_order == Decimal(20)
    assert vc.reorder_point == Decimal(20)
    assert vc.suggested == Decimal(30 + 5 + 20 - 10 - 20)
    # Products without stock, demand or orders still need their safety stock.
    assert rows["GZ"].suggested == Decimal(20)


def test_the_suggestion_report_runs_and_exports_to_excel_and_pdf(
    database: Database, ship_world: ShipWorld, tmp_path: Path
) -> None:
    report_catalogue.load_all()
    _branch_world(database, ship_world)
    with database.unit_of_work(ship_world.hq.manager, read_only=True) as uow:
        preview = reports.run_report(
            uow,
            key="warehouse.purchase_suggestion",
            values={"only_needed": True},
            progress=SilentProgress(),
        )
        assert preview.rows[0]["code"] == "VC" and preview.rows[0]["suggested"] == Decimal(25)
        for render, name in (
            (export_table_xlsx, "采购建议.xlsx"),
            (render_table_pdf, "采购建议.pdf"),
        ):
            document = reports.build_document(
                uow,
                key="warehouse.purchase_suggestion",
                values={},
                site_name="北京总部",
                progress=SilentProgress(),
            )
            render(document, tmp_path / name)
    sheet = load_workbook(tmp_path / "采购建议.xlsx").active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "维生素C片" in values and "上海分中心库房 30" in values
    text = pdf_text(tmp_path / "采购建议.pdf")
    assert "采购建议" in text and "维生素C片" in text
