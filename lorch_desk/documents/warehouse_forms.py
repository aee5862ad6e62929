"""The warehouse's paper forms built from service DTOs: receipt note, count sheet, destruction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from lorch_desk.documents.files import replace_atomically
from lorch_desk.documents.pdf.warehouse_form import FormColumn, FormDocument, render_form_pdf
from lorch_desk.domain.clock import clinic_time
from lorch_desk.services.destruction import DestructionDetail
from lorch_desk.services.receipts import ReceiptDetail
from lorch_desk.services.stock_counts import CountLineRow, CountSummary, VarianceReport


def quantity_text(quantity: Decimal | None) -> str:
    """12.000 -> 12, 2.500 -> 2.5; blank for None."""
    if quantity is None:
        return ""
    text = f"{quantity:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money_text(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def time_text(moment: datetime | None) -> str:
    return clinic_time(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def receipt_note(detail: ReceiptDetail) -> FormDocument:
    """采购入库单 of one receipt."""
    return FormDocument(
        title="采购入库单",
        number=detail.number,
        fields=(
            ("供应商", detail.supplier_name),
            ("入库仓库", f"{detail.warehouse_name} / {detail.location_name}"),
            ("采购订单", detail.order_number or "直接入库"),
            ("入库时间", time_text(detail.received_at)),
            ("经办人", detail.received_by),
            ("备注", detail.notes),
        ),
        columns=(
            FormColumn("编码", 1.2),
            FormColumn("品名", 2.4),
            FormColumn("规格", 1.6),
            FormColumn("单位", 0.7),
            FormColumn("批号", 1.3),
            FormColumn("有效期至", 1.6),
            FormColumn("数量", 1.0, numeric=True),
            FormColumn("单价", 1.0, numeric=True),
            FormColumn("金额", 1.2, numeric=True),
        ),
        rows=tuple(
            (
                line.product_code,
                line.product_name,
                line.specification,
                line.unit,
                line.batch,
                date_text(line.expiry),
                quantity_text(line.quantity),
                money_text(line.unit_cost),
                money_text(line.amount),
            )
            for line in detail.lines
        ),
        totals=(("合计金额", f"¥{money_text(detail.total)}"), ("行数", str(len(detail.lines)))),
        signatures=("仓管员", "验收人", "财务"),
    )


def print_receipt_note(detail: ReceiptDetail, path: Path) -> Path:
    return render_form_pdf(receipt_note(detail), path)


def count_sheet(
    summary: CountSummary, lines: Sequence[CountLineRow], *, blind: bool
) -> FormDocument:
    """盘点表: what to count where; a blind sheet leaves the system quantity out."""
    columns = [
        FormColumn("序号", 0.8),
        FormColumn("库位", 1.0),
        FormColumn("编码", 1.1),
        FormColumn("品名", 2.2),
        FormColumn("规格", 1.2),
        FormColumn("单位", 0.8),
        FormColumn("批号", 1.2),
        FormColumn("有效期至", 1.7),
    ]
    if not blind:
        columns.append(FormColumn("账面数量", 1.4, numeric=True))
    columns += [FormColumn("实盘数量", 1.4, numeric=True), FormColumn("复盘", 0.8)]
    rows = []
    for index, line in enumerate(lines, start=1):
        row = [
            str(index),
            line.location_code,
            line.product_code,
            line.product_name,
            line.specification,
            line.unit,
            line.batch,
            date_text(line.expiry),
        ]
        if not blind:
            row.append(quantity_text(line.snapshot_quantity))
        row += [quantity_text(line.counted_quantity), "√" if line.recount else ""]
        rows.append(tuple(row))
    return FormDocument(
        title="盘点表（盲盘）" if blind else "盘点表",
        number=summary.number,
        fields=(
            ("仓库", summary.warehouse_name),
            ("盘点范围", _scope_text(summary)),
            ("快照时间", time_text(summary.snapshot_at)),
            ("行数", str(len(rows))),
        ),
        columns=tuple(columns),
        rows=tuple(rows),
        signatures=("盘点人", "复核人", "主管"),
    )


def _scope_text(summary: CountSummary) -> str:
    names = {"warehouse": "全仓", "category": "按类别", "location": "按库位"}
    label = CATEGORY_NAMES.get(summary.scope_label, summary.scope_label)
    return names[summary.scope.value] + (f"：{label}" if label else "")


CATEGORY_NAMES = {
    "nutrient": "营养素",
    "drug": "药品",
    "herb": "中药饮片",
    "consumable": "耗材",
    "service_material": "服务材料",
}


def print_count_sheet(
    summary: CountSummary, lines: Sequence[CountLineRow], path: Path, *, blind: bool
) -> Path:
    return render_form_pdf(count_sheet(summary, lines, blind=blind), path)


def variance_form(report: VarianceReport) -> FormDocument:
    """盘点差异表: every counted line with the difference in quantity and value."""
    return FormDocument(
        title="盘点差异表",
        number=report.count.number,
        fields=(
            ("仓库", report.count.warehouse_name),
            ("快照时间", time_text(report.count.snapshot_at)),
        ),
        columns=(
            FormColumn("库位", 1.1),
            FormColumn("编码", 1.0),
            FormColumn("品名", 2.2),
            FormColumn("批号", 1.2),
            FormColumn("账面", 0.9, numeric=True),
            FormColumn("实盘", 0.9, numeric=True),
            FormColumn("差异", 0.9, numeric=True),
            FormColumn("单价", 0.9, numeric=True),
            FormColumn("差异金额", 1.1, numeric=True),
        ),
        rows=tuple(
            (
                line.location_name,
                line.product_code,
                line.product_name,
                line.batch,
                quantity_text(line.variance.system),
                quantity_text(line.variance.counted),
                quantity_text(line.variance.quantity),
                money_text(line.variance.unit_cost),
                money_text(line.variance.value),
            )
            for line in report.lines
        ),
        totals=(
            ("盘盈金额", money_text(report.gain_value)),
            ("盘亏金额", money_text(report.loss_value)),
            ("净差异", money_text(report.net_value)),
        ),
        signatures=("盘点人", "审核主管"),
    )


def write_count_workbook(lines: Sequence[CountLineRow], path: Path) -> Path:
    """The count as an xlsx the clerks fill in and import back (columns the import reads)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "盘点"
    sheet.append(["库位", "条码", "编码", "品名", "单位", "批号", "有效期至", "实盘数量"])
    for line in lines:
        sheet.append(
            [
                line.location_code,
                line.barcode or line.product_code,
                line.product_code,
                line.product_name,
                line.unit,
                line.batch,
                date_text(line.expiry),
                None if line.counted_quantity is None else float(line.counted_quantity),
            ]
        )
    with replace_atomically(path) as partial:
        workbook.save(partial)
    return path


REASON_NAMES = {"expired": "过期", "damaged": "破损", "recalled": "召回"}


def destruction_record(detail: DestructionDetail) -> FormDocument:
    """销毁记录: what was destroyed, why, and who requested, approved and witnessed it."""
    return FormDocument(
        title="药品/物资销毁记录",
        number=detail.number,
        fields=(
            ("仓库", detail.warehouse_name),
            ("销毁原因", REASON_NAMES.get(detail.reason.value, detail.reason.value)),
            ("申请人", f"{detail.requested_by}  {time_text(detail.requested_at)}"),
            ("审批人", f"{detail.approved_by}  {time_text(detail.approved_at)}"),
            ("执行人", f"{detail.posted_by}  {time_text(detail.posted_at)}"),
            ("监销人", detail.witness_name),
            ("说明", detail.reason_note),
        ),
        columns=(
            FormColumn("编码", 1.1),
            FormColumn("品名", 2.3),
            FormColumn("单位", 0.8),
            FormColumn("库位", 1.2),
            FormColumn("批号", 1.2),
            FormColumn("有效期至", 1.6),
            FormColumn("数量", 1.0, numeric=True),
            FormColumn("单价", 1.0, numeric=True),
            FormColumn("金额", 1.2, numeric=True),
        ),
        rows=tuple(
            (
                line.product_code,
                line.product_name,
                line.unit,
                line.location_name,
                line.batch,
                date_text(line.expiry),
                quantity_text(line.quantity),
                money_text(line.unit_cost),
                money_text(line.value),
            )
            for line in detail.lines
        ),
        totals=(("销毁金额合计", f"¥{money_text(detail.total_value)}"),),
        signatures=("申请人签字", "审批人签字", "监销人签字"),
    )


def print_destruction_record(detail: DestructionDetail, path: Path) -> Path:
    return render_form_pdf(destruction_record(detail), path)
