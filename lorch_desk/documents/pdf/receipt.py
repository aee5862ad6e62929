"""The till's receipt (收费单 / 小票) of a sale, refund, deposit or top-up, printed on A5 or on
80 mm receipt paper; Chinese in the embedded CJK font."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lorch_desk.documents.files import replace_atomically
from lorch_desk.documents.fonts import register_cjk_font
from lorch_desk.documents.warehouse_forms import money_text, quantity_text, time_text
from lorch_desk.domain.cashier import LineKind, PaymentMethod, SaleKind
from lorch_desk.services.sales_queries import SaleDetail


class ReceiptPaper(StrEnum):
    A5 = "a5"
    ROLL_80 = "80mm"  # thermal receipt roll, 72 mm printable


TITLES = {
    SaleKind.SALE: "收费单",
    SaleKind.REFUND: "退款单",
    SaleKind.DEPOSIT: "定金收据",
    SaleKind.DEPOSIT_REFUND: "定金退款单",
    SaleKind.TOP_UP: "储值充值单",
    SaleKind.TOP_UP_REFUND: "储值退款单",
}
METHOD_NAMES = {
    PaymentMethod.CASH: "现金",
    PaymentMethod.BANK_CARD: "银行卡",
    PaymentMethod.WECHAT: "微信支付",
    PaymentMethod.ALIPAY: "支付宝",
    PaymentMethod.STORED_VALUE: "储值",
    PaymentMethod.DEPOSIT: "定金抵扣",
    PaymentMethod.POINTS: "积分抵现",
}
KIND_NOTES = {LineKind.COURSE: "疗程", LineKind.COURSE_SESSION: "疗程次", LineKind.DEPOSIT: "定金"}
ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
A5_MARGIN = 12 * mm
GRID = colors.HexColor("#B4C0CE")


def render_receipt_pdf(detail: SaleDetail, path: Path, *, paper: ReceiptPaper) -> Path:
    """Print the receipt of `detail` to `path`; a failed print leaves no file there."""
    font = register_cjk_font()
    roll = paper is ReceiptPaper.ROLL_80
    size = 8 if roll else 9.5
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.35, wordWrap="CJK")
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=centre, fontSize=size + 5, leading=(size + 5) * 1.4)
    margin = ROLL_MARGIN if roll else A5_MARGIN
    page_width = ROLL_WIDTH if roll else A5[0]
    width = page_width - 2 * margin
    story: list = [
        Paragraph(escape(detail.site_name), centre),
        Paragraph(TITLES[detail.kind], title),
        Spacer(1, 2 * mm),
    ]
    for label, value in _fields(detail):
        story.append(Paragraph(f"{label}：{escape(value)}", body))
    story.append(Spacer(1, 2 * mm))
    if detail.lines:
        story.append(_lines_table(detail, font, body, right, width, roll))
        story.append(Spacer(1, 2 * mm))
    for label, value in _totals(detail):
        story.append(Paragraph(f"{label}：{escape(value)}", right))
    story.append(Spacer(1, 2 * mm))
    for payment in detail.payments:
        reference = f"（{payment.reference}）" if payment.reference else ""
        story.append(
            Paragraph(
                f"{METHOD_NAMES[payment.method]}{escape(reference)}：{money_text(payment.amount)}",
                right,
            )
        )
    story.append(Spacer(1, 2 * mm))
    for label, value in _balances(detail):
        story.append(Paragraph(f"{label}：{escape(value)}", body))
    if detail.notes:
        story.append(Paragraph(f"备注：{escape(detail.notes)}", body))
    story.append(Spacer(1, (4 if roll else 10) * mm))
    story.append(Paragraph("客户签字：________________", body))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("谢谢惠顾，请保留此单据", centre))
    height = _roll_height(detail) if roll else A5[1]
    with replace_atomically(path) as partial:
        SimpleDocTemplate(
            str(partial),
            pagesize=(page_width, height),
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            title=f"{TITLES[detail.kind]} {detail.number}",
            author="Lorch Desk",
            initialFontName=font,
        ).build(story)
    return path


def _fields(detail: SaleDetail) -> list[tuple[str, str]]:
    fields = [
        ("单号", detail.number),
        ("时间", time_text(detail.paid_at)),
        ("客户", f"{detail.customer_name}（{detail.file_number}）"),
    ]
    if detail.tier_name:
        rate = f"，{(1 - detail.discount_rate) * 10:.1f}折" if detail.discount_rate else ""
        fields.append(("会员等级", f"{detail.tier_name}{rate}"))
    if detail.reverses_number:
        fields.append(("原单号", detail.reverses_number))
    fields.append(("收银员", detail.cashier_name))
    if detail.consultant_name:
        fields.append(("咨询师", detail.consultant_name))
    return fields


def _lines_table(detail, font, body, right, width, roll) -> Table:  # noqa: ANN001
    headers = ("项目", "数量", "单价", "优惠", "金额")
    weights = (3.2, 1, 1.6, 1.3, 1.7) if roll else (4, 1, 1.6, 1.4, 1.8)
    rows = [[Paragraph(h, right if i else body) for i, h in enumerate(headers)]]
    for line in detail.lines:
        note = KIND_NOTES.get(line.kind)
        name = f"{line.name}（{note}）" if note else line.name
        rows.append(
            [
                Paragraph(escape(name), body),
                Paragraph(quantity_text(line.quantity), right),
                Paragraph(money_text(line.unit_price), right),
                Paragraph(money_text(line.discount), right),
                Paragraph(money_text(line.amount), right),
            ]
        )
    total = sum(weights)
    table = Table(rows, colWidths=[width * w / total for w in weights], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, GRID),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _totals(detail: SaleDetail) -> list[tuple[str, str]]:
    if detail.kind is SaleKind.TOP_UP:
        return [("充值金额", money_text(detail.total))]
    if detail.kind is SaleKind.TOP_UP_REFUND:
        return [("退还储值", money_text(detail.total))]
    totals = [("原价合计", money_text(detail.list_total))]
    if detail.discount_total:
        totals.append(("会员优惠", money_text(detail.discount_total)))
    totals.append(("退款合计" if detail.total < 0 else "应收合计", money_text(detail.total)))
    return totals


def _balances(detail: SaleDetail) -> list[tuple[str, str]]:
    held = detail.balances
    found = []
    if detail.points_change:
        found.append(("本单积分", f"{detail.points_change:+d}"))
    found.append(("积分余额", str(held.points)))
    found.append(("储值余额", money_text(held.stored_value)))
    if held.deposit:
        found.append(("定金余额", money_text(held.deposit)))
    return found


def _roll_height(detail: SaleDetail) -> float:
    """A roll is cut to its content: a fixed head and foot, and room per line and payment."""
    return (110 + 9 * len(detail.lines) + 5 * len(detail.payments)) * mm
