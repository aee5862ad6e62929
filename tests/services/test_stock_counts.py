"""Stock counts (盘点): snapshot, scanner lookup, entry, variance like with like, posting."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select, text

from lorch_desk.db.unit_of_work import Database
from lorch_desk.documents.pdf.warehouse_form import render_form_pdf
from lorch_desk.documents.warehouse_forms import (
    print_count_sheet,
    variance_form,
    write_count_workbook,
)
from lorch_desk.domain.catalogue import MoveDocument, ProductCategory
from lorch_desk.domain.errors import (
    ImportRejected,
    NotInCount,
    PermissionDenied,
    StockDocumentState,
    UnknownBarcode,
    ValidationFailed,
)
from lorch_desk.domain.stock_count import CountScope, CountStatus
from lorch_desk.models.base import utc_now
from lorch_desk.models.stock import StockMove
from lorch_desk.models.stock_count import StockCount
from lorch_desk.services import stock_counts, stock_ledger
from lorch_desk.services.stock_count_import import import_counts
from lorch_desk.services.stock_ledger import MoveSpec
from tests.documents.samples import pdf_text
from tests.services.stock_world import World, world_fixture  # noqa: F401


def _do(database: Database, actor, operation, /, **kwargs):  # noqa: ANN001, ANN202
    result, _ = database.run(actor, lambda uow, _p: operation(uow, **kwargs))
    return result


def _lines(database: Database, world: World, count_id) -> dict:  # noqa: ANN001
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return {(ln.product_code, ln.batch): ln for ln in stock_counts.count_lines(uow, count_id)}


def _on_hand(database: Database, world: World, code: str) -> Decimal:
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return stock_ledger.product_quantity(
            uow, world.products[code], [world.shelf_a, world.shelf_b]
        )


def _sell(database: Database, world: World, code: str, quantity: str, batch: str = "B1") -> None:
    """A dispense to a customer while the count is under way."""
    from lorch_desk.domain.catalogue import LocationKind
    from lorch_desk.services.catalogue import virtual_location

    def sell(uow, _p):  # noqa: ANN001, ANN202
        customer = virtual_location(uow, world.warehouse_id, LocationKind.CUSTOMER)
        spec = MoveSpec(
            product_id=world.products[code],
            from_location_id=world.shelf_a,
            to_location_id=customer,
            quantity=Decimal(quantity),
            batch=batch,
        )
        stock_ledger.post_moves(uow, [spec], document_type=MoveDocument.DISPENSE, document_id=None)

    database.run(world.clerk, sell)


def _approved(database: Database, world: World, count_id) -> None:  # noqa: ANN001
    _do(database, world.clerk, stock_counts.submit_count, count_id=count_id)
    _do(database, world.manager, stock_counts.approve_count, count_id=count_id)


def test_a_count_snapshots_the_batches_in_scope(database: Database, world: World) -> None:
    world.receive(database, "VC", "10", batch="B1")
    world.receive(database, "VC", "4", batch="B2", location=world.shelf_b)
    world.receive(database, "HQ", "500")
    whole = _do(database, world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    assert (whole.status, whole.line_count, whole.counted_lines) == (CountStatus.OPEN, 3, 0)
    herbs = _do(
        database,
        world.clerk,
        stock_counts.create_count,
        warehouse_id=world.warehouse_id,
        scope=CountScope.CATEGORY,
        category=ProductCategory.HERB,
    )
    assert list(_lines(database, world, herbs.count_id)) == [("HQ", "B1")]
    shelf_b = _do(
        database,
        world.clerk,
        stock_counts.create_count,
        warehouse_id=world.warehouse_id,
        scope=CountScope.LOCATION,
        location_id=world.shelf_b,
    )
    assert list(_lines(database, world, shelf_b.count_id)) == [("VC", "B2")]


def test_the_scanner_finds_the_line_and_unknown_or_foreign_codes_are_refused(
    database: Database, world: World
) -> None:
    world.receive(database, "VC", "10", batch="B2", expiry=utc_now().date() + timedelta(days=400))
    world.receive(database, "VC", "5", batch="B1", expiry=utc_now().date() + timedelta(days=100))
    world.receive(database, "HQ", "100")
    count = _do(
        database,
        world.clerk,
        stock_counts.create_count,
        warehouse_id=world.warehouse_id,
        scope=CountScope.CATEGORY,
        category=ProductCategory.NUTRIENT,
    )
    lines = _lines(database, world, count.count_id)
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        # Earliest expiry first.
        assert stock_counts.lines_for_code(uow, count.count_id, "69VC0001") == [
            lines[("VC", "B1")].line_id,
            lines[("VC", "B2")].line_id,
        ]
        with pytest.raises(UnknownBarcode):
            stock_counts.lines_for_code(uow, count.count_id, "123456")
        with pytest.raises(NotInCount) as refused:
            stock_counts.lines_for_code(uow, count.count_id, "69HQ0001")
        assert refused.value.params == {"product": "黄芪"}
    _do(
        database,
        world.clerk,
        stock_counts.enter_count,
        count_id=count.count_id,
        line_id=lines[("VC", "B1")].line_id,
        quantity="5",
    )
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        # A counted line moves behind the uncounted one.
        assert (
            stock_counts.lines_for_code(uow, count.count_id, "VC")[0] == lines[("VC", "B2")].line_id
        )


@pytest.mark.parametrize("bad", ["-1", "abc", "", "NaN"])
def test_a_negative_or_non_numeric_count_is_refused(
    database: Database, world: World, bad: str
) -> None:
    world.receive(database, "VC", "10")
    count = _do(database, world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    line = _lines(database, world, count.count_id)[("VC", "B1")]
    with pytest.raises(ValidationFailed) as refused:
        _do(
            database,
            world.clerk,
            stock_counts.enter_count,
            count_id=count.count_id,
            line_id=line.line_id,
            quantity=bad,
        )
    assert refused.value.field == "quantity"
    assert _lines(database, world, count.count_id)[("VC", "B1")].counted_quantity is None


def test_sales_after_the_snapshot_are_not_counted_twice(database: Database, world: World) -> None:
    world.receive(database, "VC", "10")
    count = _do(database, world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    # While the clerks count the shelf as of the snapshot (they find 9: one is missing), three
    # more are sold. The variance is 9 - 10 = -1, not 9 - 7 = +2.
    _sell(database, world, "VC", "3")
    line = _lines(database, world, count.count_id)[("VC", "B1")]
    _do(
        database,
        world.clerk,
        stock_counts.enter_count,
        count_id=count.count_id,
        line_id=line.line_id,
        quantity="9",
    )
    _approved(database, world, count.count_id)
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        report = stock_counts.variance_report(uow, count.count_id)
    (variance,) = [line.variance for line in report.lines]
    assert (variance.system, variance.counted, variance.quantity) == (10, 9, -1)
    assert variance.value == Decimal("-35.00")
    assert report.loss_value == Decimal("-35.00")
    _do(database, world.clerk, stock_counts.post_count, count_id=count.count_id)
    # Counted 9 as of the snapshot, 3 sold since: 6 remain.
    assert _on_hand(database, world, "VC") == Decimal("6")
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert stock_ledger.balance_mismatches(uow) == []


def test_a_receipt_after_the_snapshot_is_kept_and_a_found_surplus_is_added(
    database: Database, world: World
) -> None:
    world.receive(database, "HQ", "500")
    count = _do(database, world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    world.receive(database, "HQ", "1000")
    line = _lines(database, world, count.count_id)[("HQ", "B1")]
    _do(
        database,
        world.clerk,
        stock_counts.enter_count,
        count_id=count.count_id,
        line_id=line.line_id,
        quantity="520.5",
    )
    _approved(database, world, count.count_id)
    _do(database, world.clerk, stock_counts.post_count, count_id=count.count_id)
    assert _on_hand(database, world, "HQ") == Decimal("1520.5")


def test_the_workflow_needs_every_line_counted_a_manager_and_posts_once(
    database: Database, world: World
) -> None:
    world.receive(database, "VC", "10")
    world.receive(database, "GZ", "8")
    count = _do(database, world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    lines = _lines(database, world, count.count_id)
    _do(
        database,
        world.clerk,
        stock_counts.enter_count,
        count_id=count.count_id,
        line_id=lines[("VC", "B1")].line_id,
        quantity="10",
    )
    with pytest.raises(ValidationFailed) as refused:
        _do(database, world.clerk, stock_counts.submit_count, count_id=count.count_id)
    assert refused.value.params == {"rule": "uncounted", "lines": 1}
    _do(
        database,
        world.clerk,
        stock_counts.enter_count,
        count_id=count.count_id,
        line_id=lines[("GZ", "B1")].line_id,
        quantity="7",
    )
    _do(database, world.clerk, stock_counts.submit_count, count_id=count.count_id)
    # The manager doubts the gauze and asks for a recount: the count is open again.
    _do(
        database,
        world.manager,
        stock_counts.flag_recount,
        count_id=count.count_id,
        line_ids=[lines[("GZ", "B1")].line_id],
    )
    assert _lines(database, world, count.count_id)[("GZ", "B1")].recount
    with pytest.raises(ValidationFailed):
        _do(database, world.clerk, stock_counts.submit_count, count_id=count.count_id)
    _do(
        database,
        world.clerk,
        stock_counts.enter_count,
        count_id=count.count_id,
        line_id=lines[("GZ", "B1")].line_id,
        quantity="6",
    )
    _do(database, world.clerk, stock_counts.submit_count, count_id=count.count_id)
    with pytest.raises(PermissionDenied):
        _do(database, world.clerk, stock_counts.approve_count, count_id=count.count_id)
    with pytest.raises(StockDocumentState):
        _do(database, world.clerk, stock_counts.post_count, count_id=count.count_id)
    _do(database, world.manager, stock_counts.approve_count, count_id=count.count_id)
    _do(database, world.clerk, stock_counts.post_count, count_id=count.count_id)
    assert _on_hand(database, world, "GZ") == Decimal("6")
    with pytest.raises(StockDocumentState):
        _do(database, world.clerk, stock_counts.post_count, count_id=count.count_id)
    assert _on_hand(database, world, "GZ") == Decimal("6")


def test_a_failure_in_the_middle_of_posting_leaves_the_count_unposted_and_no_move(
    database: Database, world: World
) -> None:
    from lorch_desk.models.catalogue import Product
    from lorch_desk.services import catalogue

    def many_products(uow, _p):  # noqa: ANN001, ANN202
        return [
            catalogue.create_product(
                uow,
                catalogue.ProductInput(
                    code=f"P{i:04d}", name=f"耗材{i}", unit="个", category="consumable", cost="1"
                ),
            ).product_id
            for i in range(700)
        ]

    system = world.manager.__class__.system(
        site_id=world.clerk.site_id, site_code="BJ", node_id=world.clerk.node_id
    )
    product_ids, _ = database.run(system, many_products)
    from lorch_desk.services.receipts import ReceiptInput, ReceiptLineInput, receive

    lines = tuple(
        ReceiptLineInput(
            product_id=pid,
            batch="POISON" if i == 650 else "OK",
            expiry=None,
            quantity="10",
            unit_cost="1",
        )
        for i, pid in enumerate(product_ids)
    )
    data = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_a,
        lines=lines,
    )
    database.run(world.clerk, lambda uow, _p: receive(uow, data))
    count = _do(database, world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        entries = [(line.line_id, "9") for line in stock_counts.count_lines(uow, count.count_id)]
    _do(database, world.clerk, stock_counts.enter_counts, count_id=count.count_id, entries=entries)
    _approved(database, world, count.count_id)
    moves_before = _count_moves(database, world)
    # The database itself refuses one adjustment row, after hundreds were already written.
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER poison BEFORE INSERT ON stock_move WHEN NEW.batch = 'POISON' "
                "BEGIN SELECT RAISE(ABORT, 'disk refused the row'); END"
            )
        )
    with pytest.raises(Exception, match="disk refused the row"):
        _do(database, world.clerk, stock_counts.post_count, count_id=count.count_id)
    assert _count_moves(database, world) == moves_before
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert uow.session.get(StockCount, count.count_id).status == CountStatus.APPROVED.value
        assert stock_ledger.balance_mismatches(uow) == []
        assert uow.session.scalar(select(func.count()).select_from(Product)) >= 700
    with database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER poison"))
    report = _do(database, world.clerk, stock_counts.post_count, count_id=count.count_id)
    assert len(report.differing) == 700
    assert _count_moves(database, world) == moves_before + 700


def _count_moves(database: Database, world: World) -> int:
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(StockMove)) or 0


def _sheet(path: Path, rows: list[list]) -> Path:
    workbook = Workbook()
    workbook.active.append(["条码", "批号", "实盘数量"])
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_an_imported_sheet_with_bad_rows_is_reported_whole_and_writes_nothing(
    database: Database, world: World, tmp_path: Path
) -> None:
    world.receive(database, "VC", "10")
    world.receive(database, "GZ", "8")
    count = _do(
        database,
        world.clerk,
        stock_counts.create_count,
        warehouse_id=world.warehouse_id,
        scope=CountScope.CATEGORY,
        category=ProductCategory.NUTRIENT,
    )
    bad = _sheet(
        tmp_path / "bad.xlsx",
        [["69VC0001", "B1", 9], ["000", "B1", 1], ["69GZ0001", "B1", 8], ["69VC0001", "B1", -2]],
    )
    with pytest.raises(ImportRejected) as refused:
        _do(database, world.clerk, import_counts, count_id=count.count_id, path=bad)
    assert refused.value.rows == [(3, "unknown_barcode"), (4, "not_in_count"), (5, "bad_quantity")]
    assert _lines(database, world, count.count_id)[("VC", "B1")].counted_quantity is None
    good = _sheet(tmp_path / "good.xlsx", [["69VC0001", "B1", 9]])
    assert _do(database, world.clerk, import_counts, count_id=count.count_id, path=good) == 1
    assert _lines(database, world, count.count_id)[("VC", "B1")].counted_quantity == 9


def test_the_exported_workbook_round_trips_through_the_import(
    database: Database, world: World, tmp_path: Path
) -> None:
    world.receive(database, "VC", "10")
    world.receive(database, "HQ", "300", location=world.shelf_b)
    count = _do(database, world.clerk, stock_counts.create_count, warehouse_id=world.warehouse_id)
    lines = list(_lines(database, world, count.count_id).values())
    path = write_count_workbook(lines, tmp_path / "盘点.xlsx")
    workbook = load_workbook(path)
    for row in workbook.active.iter_rows(min_row=2):
        row[7].value = 7
    workbook.save(path)
    assert _do(database, world.clerk, import_counts, count_id=count.count_id, path=path) == 2
    assert {ln.counted_quantity for ln in _lines(database, world, count.count_id).values()} == {7}


def test_count_sheets_print_with_and_without_system_quantities(
    database: Database, world: World, tmp_path: Path
) -> None:
    world.receive(database, "HQ", "1234")
    count = _do(
        database,
        world.clerk,
        stock_counts.create_count,
        warehouse_id=world.warehouse_id,
        blind=True,
    )
    lines = list(_lines(database, world, count.count_id).values())
    # Clerks of a blind count do not see the system quantity on screen either.
    assert lines[0].snapshot_quantity is None
    blind = pdf_text(print_count_sheet(count, lines, tmp_path / "blind.pdf", blind=True))
    assert "盘点表（盲盘）" in blind and "黄芪" in blind and "1234" not in blind
    assert "账面数量" not in blind
    _do(
        database,
        world.clerk,
        stock_counts.enter_count,
        count_id=count.count_id,
        line_id=lines[0].line_id,
        quantity="1200",
    )
    _approved(database, world, count.count_id)
    lines = list(_lines(database, world, count.count_id).values())
    full = pdf_text(print_count_sheet(count, lines, tmp_path / "full.pdf", blind=False))
    assert "账面数量" in full and "1234" in full and "1200" in full
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        report = stock_counts.variance_report(uow, count.count_id)
    variance = pdf_text(render_form_pdf(variance_form(report), tmp_path / "variance.pdf"))
    assert "盘点差异表" in variance and "-34" in variance and "-4.08" in variance
