"""发货单 (delivery note) of a shipment and 调拨签收单 of a branch's receipt, as A4 PDFs."""

from __future__ import annotations

from pathlib import Path

from lorch_desk.documents.pdf.warehouse_form import FormColumn, FormDocument, render_form_pdf
from lorch_desk.documents.warehouse_forms import date_text, money_text, quantity_text, time_text
from lorch_desk.services.shipment_receipts import ShipmentReceiptDetail
from lorch_desk.services.shipments import ShipmentDetail, ShipmentKind


def delivery_note(detail: ShipmentDetail) -> FormDocument:
    """发货单: every product line with batch and expiry, to a customer's address or a branch."""
    if detail.kind is ShipmentKind.CUSTOMER:
        title = "发货单（客户）"
        destination = (
            ("收货客户", detail.destination),
            ("收货人", detail.recipient),
            ("联系电话", detail.phone),
            ("收货地址", detail.address),
        )
    else:
        title = "调拨发货单（分中心）"
        destination = (
            ("收货仓库", detail.destination),
            ("营养素申请", detail.requisition_number or "—"),
        )
    return FormDocument(
        title=title,
        number=detail.number,
        fields=(
            ("发货仓库", detail.from_warehouse_name),
            ("发货时间", time_text(detail.shipped_at)),
            *destination,
            ("经办人", detail.shipped_by),
            ("备注", detail.notes),
        ),
        columns=(
            FormColumn("编码", 1.1),
            FormColumn("品名", 2.4),
            FormColumn("规格", 1.6),
            FormColumn("单位", 0.7),
            FormColumn("批号", 1.3),
            FormColumn("有效期至", 1.5),
            FormColumn("货位", 1.2),
            FormColumn("数量", 0.9, numeric=True),
            FormColumn("金额", 1.1, numeric=True),
        ),
        rows=tuple(
            (
                line.product_code,
                line.product_name,
                line.specification,
                line.unit,
                line.batch,
                date_text(line.expiry),
                line.location_name,
                quantity_text(line.quantity),
                money_text(line.amount),
            )
            for line in detail.lines
        ),
        totals=(("行数", str(len(detail.lines))), ("成本合计", f"¥{money_text(detail.total)}")),
        signatures=("发货人", "复核人", "收货人签收"),
    )


def print_delivery_note(detail: ShipmentDetail, path: Path) -> Path:
    return render_form_pdf(delivery_note(detail), path)


def branch_receipt_note(detail: ShipmentReceiptDetail) -> FormDocument:
    """调拨签收单: shipped, received and damaged per line; the discrepancies stand out."""
    return FormDocument(
        title="调拨签收单",
        number=detail.number,
        fields=(
            ("发货单号", detail.shipment_number),
            ("入库货位", detail.location_name),
            ("签收时间", time_text(detail.received_at)),
            ("签收人", detail.received_by),
        ),
        columns=(
            FormColumn("编码", 1.1),
            FormColumn("品名", 2.4),
            FormColumn("批号", 1.3),
            FormColumn("发货数量", 1.1, numeric=True),
            FormColumn("实收数量", 1.1, numeric=True),
            FormColumn("破损", 0.9, numeric=True),
            FormColumn("差异", 0.9, numeric=True),
            FormColumn("说明", 2.0),
        ),
        rows=tuple(
            (
                line.product_code,
                line.product_name,
                line.batch,
                quantity_text(line.shipped),
                quantity_text(line.received),
                quantity_text(line.damaged),
                quantity_text(line.difference),
                line.note,
            )
            for line in detail.lines
        ),
        totals=(("差异行数", str(len(detail.discrepancies))),),
        note="短少计入盘点差异（损耗）库位，破损计入销毁库位，在途库存随签收清零。",
        signatures=("签收人", "复核人"),
    )


def print_branch_receipt_note(detail: ShipmentReceiptDetail, path: Path) -> Path:
    return render_form_pdf(branch_receipt_note(detail), path)
