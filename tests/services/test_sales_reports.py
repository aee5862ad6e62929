"""The cashier's reports: takings per cashier and method, revenue by day, consultant, item and
payment method; deposits and top-ups are money taken but not revenue. Exported to xlsx."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from lorch_desk.documents.pdf import render_table_pdf
from lorch_desk.documents.xlsx.table_export import export_table_xlsx
from lorch_desk.domain.cashier import PaymentMethod
from lorch_desk.domain.labels import Label
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import report_catalogue, sales
from lorch_desk.services.reports import build_document, run_report
from tests.services.cashier_till import Till, cash, pay, till_fixture  # noqa: F401
from tests.services.consultant_clinic import DAY, at


def _report(till: Till, key: str, **values: object) -> list[dict[str, object]]:
    report_catalogue.load_all()
    result = till.clinic.run(
        till.manager, run_report, key=key, values=values, progress=SilentProgress()
    )
    return [{k: v.zh if isinstance(v, Label) else v for k, v in row.items()} for row in result.rows]


def _day(till: Till) -> None:
    consultant = till.clinic.hire("李明华")
    till.top_up("1000.00", when=at(9, 0))
    till.deposit("艾灸疗程", "200.00", when=at(9, 10))
    data = sales.CheckoutInput(
        till.customer_id,
        [till.service("针灸"), till.service("推拿")],
        [pay(PaymentMethod.STORED_VALUE, "300.00"), cash("178.00")],
        consultant_id=consultant.user_id,
    )
    sold = till.clinic.run(till.cashier, sales.checkout, data=data, now=at(10, 0))
    till.checkout(till.service("针灸"), paid=[pay(PaymentMethod.WECHAT, "280.00")], when=at(11, 0))
    till.refund(
        sold.sale_id,
        line_ids=[sold.line_ids[1]],
        payouts=[pay(PaymentMethod.STORED_VALUE, "198.00")],
    )


def test_the_cash_report_shows_takings_per_cashier_and_method(till: Till) -> None:
    _day(till)
    rows = _report(till, "cashier.cash_report", day_from=DAY, day_to=DAY)
    by = {(row["cashier"], row["method"]): row for row in rows}
    assert by[("前台王芳", "现金")]["taken"] == Decimal("378.00")  # deposit 200 + sale 178
    assert by[("店长赵磊", "储值")]["paid_back"] == Decimal("-198.00")
    assert by[("前台王芳", "微信支付")]["taken"] == Decimal("1280.00")
    assert by[("前台王芳", "微信支付")]["top_ups"] == Decimal("1000.00")
    assert by[("前台王芳", "储值")]["net"] == Decimal("300.00")


def test_revenue_counts_sales_less_refunds_not_deposits_or_top_ups(till: Till) -> None:
    _day(till)
    (day,) = _report(till, "cashier.revenue_by_day", day_from=DAY, day_to=DAY)
    assert (day["sales"], day["refunds"], day["revenue"]) == (
        2,
        Decimal("-198.00"),
        Decimal("560.00"),
    )
    assert (day["deposits"], day["top_ups"]) == (Decimal("200.00"), Decimal("1000.00"))
    consultants = {
        row["consultant"]: row["revenue"] for row in _report(till, "cashier.revenue_by_consultant")
    }
    assert consultants == {"李明华": Decimal("280.00"), "未指定": Decimal("280.00")}
    items = {row["item"]: row for row in _report(till, "cashier.revenue_by_item")}
    assert items["针灸"]["revenue"] == Decimal("560.00")
    assert items["推拿"]["quantity"] == 0
    methods = {row["method"]: row["revenue"] for row in _report(till, "cashier.revenue_by_method")}
    assert methods == {
        "储值": Decimal("102.00"),
        "微信支付": Decimal("280.00"),
        "现金": Decimal("178.00"),
    }


def test_the_cash_report_exports_to_excel_and_pdf(till: Till, tmp_path: Path) -> None:
    _day(till)
    report_catalogue.load_all()
    values = {"day_from": DAY, "day_to": DAY}
    with till.database.unit_of_work(till.manager, read_only=True) as uow:
        for render, name in (
            (export_table_xlsx, "takings.xlsx"),
            (render_table_pdf, "takings.pdf"),
        ):
            document = build_document(
                uow,
                key="cashier.cash_report",
                values=values,
                site_name="北京总部",
                progress=SilentProgress(),
            )
            render(document, tmp_path / name)
    sheet = load_workbook(tmp_path / "takings.xlsx").worksheets[0]
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert "收银员" in cells and "前台王芳" in cells and "微信支付" in cells
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "takings.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "收银日报" in text and "前台王芳" in text and "1,280.00" in text
