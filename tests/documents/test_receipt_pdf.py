"""The till's receipts read back in Chinese on A5 and on 80 mm paper: lines, discount, split
payments, points and balances; a refund prints as 退款单 naming the sale it reverses."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from lorch_desk.documents.pdf.receipt import ReceiptPaper, render_receipt_pdf
from lorch_desk.domain.cashier import PaymentMethod
from lorch_desk.services.sales_queries import sale_detail
from tests.services.cashier_till import Till, cash, pay, till_fixture  # noqa: F401
from tests.services.consultant_clinic import at


def _text_of(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def _page_size(path: Path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return next(line for line in info.stdout.splitlines() if line.startswith("Page size"))


@pytest.mark.parametrize(
    ("paper", "width"), [(ReceiptPaper.A5, "419.528 x"), (ReceiptPaper.ROLL_80, "226.772 x")]
)
def test_a_split_checkout_prints_lines_discount_payments_and_points(
    till: Till, tmp_path: Path, paper: ReceiptPaper, width: str
) -> None:
    till.give_tier("platinum")
    till.top_up("500.00", when=at(9, 0))
    sold = till.checkout(
        till.service("针灸"),
        till.service("推拿", quantity=Decimal(2)),
        till.course(),
        paid=[
            pay(PaymentMethod.STORED_VALUE, "500.00"),
            cash("900.00"),
            pay(PaymentMethod.WECHAT, "458.20"),
        ],
    )
    detail = till.clinic.run(till.cashier, sale_detail, sale_id=sold.sale_id)
    path = render_receipt_pdf(detail, tmp_path / f"receipt-{paper}.pdf", paper=paper)
    assert _page_size(path).split(":")[1].strip().startswith(width)
    text = _text_of(path)
    for expected in (
        "收费单",
        sold.number,
        "李秀英",
        "铂金卡",
        "9.5折",
        "针灸",
        "推拿",
        "艾灸疗程（疗程）",
        "原价合计：1,956.00",
        "会员优惠：97.80",
        "应收合计：1,858.20",
        "储值：500.00",
        "现金：900.00",
        "微信支付：458.20",
        "本单积分：+2787",
        "储值余额：0.00",
        "收银员：前台王芳",
        "客户签字",
    ):
        assert expected in text, expected


def test_a_refund_prints_as_a_refund_of_its_sale(till: Till, tmp_path: Path) -> None:
    sold = till.checkout(till.service("针灸"), paid=[cash("280.00")])
    refund = till.refund(sold.sale_id, reason="顾客取消")
    detail = till.clinic.run(till.manager, sale_detail, sale_id=refund.sale_id)
    text = _text_of(render_receipt_pdf(detail, tmp_path / "refund.pdf", paper=ReceiptPaper.A5))
    for expected in ("退款单", f"原单号：{sold.number}", "退款合计：-280.00", "现金：-280.00"):
        assert expected in text, expected
    assert "备注：顾客取消" in text


def test_a_top_up_its_refund_and_a_deposit_print_their_own_titles(
    till: Till, tmp_path: Path
) -> None:
    topped = till.top_up("1000.00")
    deposit = till.deposit("艾灸疗程", "300.00")
    paid_back = till.refund(topped.sale_id)
    for result, paper, expected in (
        (topped, ReceiptPaper.ROLL_80, ("储值充值单", "充值金额：1,000.00")),
        (deposit, ReceiptPaper.A5, ("定金收据", "艾灸疗程（定金）", "定金余额：300.00")),
        (paid_back, ReceiptPaper.ROLL_80, ("储值退款单", "退还储值：-1,000.00", "储值余额：0.00")),
    ):
        detail = till.clinic.run(till.cashier, sale_detail, sale_id=result.sale_id)
        text = _text_of(render_receipt_pdf(detail, tmp_path / f"{result.number}.pdf", paper=paper))
        for part in expected:
            assert part in text, part
