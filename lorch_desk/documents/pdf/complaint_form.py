"""客户投诉处理单: a complaint with every step on A4, ending in the customer's signature.

Signed on paper: the form carries an empty signature line for the customer. Signed on screen:
the drawn signature is printed in its place.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lorch_desk.documents.files import replace_atomically
from lorch_desk.documents.fonts import register_cjk_font
from lorch_desk.documents.pdf.warehouse_form import GRID_COLOUR, HEADER_BACKGROUND, MARGIN
from lorch_desk.domain.clock import clinic_time
from lorch_desk.services.complaint_queries import ComplaintDetail, ComplaintStepRow

TITLE = "客户投诉处理单"
SIGNATURE_WIDTH = 60 * mm
CHANNELS = {"visit": "来访", "phone": "电话", "wechat": "微信", "online": "网络", "letter": "信函"}
STATUSES = {
    "received": "已受理",
    "routed": "已分派",
    "investigating": "调查中",
    "planned": "处理中",
    "resolved": "已解决",
    "cause_found": "已分析原因",
    "summarised": "已总结",
    "closed": "已结案",
}
STEPS = {
    "receive": "受理投诉",
    "route": "分析问题",
    "investigate": "调查",
    "plan": "处理方案",
    "report_progress": "进度告知",
    "record_result": "处理结果",
    "record_cause": "原因分析",
    "summarise": "总结",
    "close": "结案",
    "suspend_consultant": "停诊一天",
}
HANDLING = {"own_authority": "权责范围内自行处理", "escalated": "上报客服主管"}
CAUSES = {"service": "服务", "communication": "沟通", "product": "产品"}
SIGN_OFFS = {"paper": "纸质签字", "drawn": "屏幕签名"}


def step_text(step: ComplaintStepRow) -> str:
    """What one step recorded, in the words of the printed form."""
    parts: list[str] = []
    if step.kind.value == "route":
        parts.append(HANDLING.get(step.choice, step.choice))
        if step.staff_name:
            parts.append(f"上报：{step.staff_name}")
    elif step.kind.value == "record_cause":
        parts.append(f"原因：{CAUSES.get(step.choice, step.choice)}")
        if step.is_service_attitude:
            parts.append(f"服务态度问题（{step.staff_name}）")
    elif step.kind.value == "record_result":
        parts.append(f"客户确认：{SIGN_OFFS.get(step.choice, step.choice)}")
    elif step.kind.value == "suspend_consultant":
        parts.append(f"{step.staff_name} 停诊至 {step.deadline}")
    if step.kind.value == "plan":
        parts.append(
            f"责任部门：{step.department}　责任人：{step.responsible_person}　期限：{step.deadline}"
        )
    if step.text:
        parts.insert(0, step.text)
    return "；".join(parts)


def render_complaint_pdf(detail: ComplaintDetail, path: Path) -> Path:
    """Print the complaint form of `detail` to `path`; a failed print leaves no file there."""
    font = register_cjk_font()
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    head = ParagraphStyle("head", parent=cell, textColor=colors.white)
    title = ParagraphStyle("title", fontName=font, fontSize=17, leading=22, alignment=1)
    meta = ParagraphStyle("meta", parent=cell, fontSize=10, leading=15)
    width = A4[0] - 2 * MARGIN
    row = detail.row
    fields = [
        ("受理时间", clinic_time(row.received_at).strftime("%Y-%m-%d %H:%M")),
        ("投诉渠道", CHANNELS.get(row.channel.value, row.channel.value)),
        ("客户", row.customer_name),
        ("联系方式", row.contact),
        ("投诉对象", detail.about_staff_name or "—"),
        ("受理人", detail.received_by_name),
        ("处理方式", HANDLING.get(detail.handling, "—")),
        ("状态", STATUSES.get(row.status.value, row.status.value)),
    ]
    pairs = [
        [Paragraph(f"{escape(a)}：{escape(b)}", meta), Paragraph(f"{escape(c)}：{escape(d)}", meta)]
        for (a, b), (c, d) in zip(fields[0::2], fields[1::2], strict=True)
    ]
    story: list = [
        Paragraph(TITLE, title),
        Paragraph(escape(row.number), ParagraphStyle("no", parent=meta, alignment=1)),
        Spacer(1, 4 * mm),
        _plain_table(pairs, [width / 2] * 2, font),
        Spacer(1, 2 * mm),
        Paragraph(f"投诉内容：{escape(detail.matter)}", meta),
        Spacer(1, 3 * mm),
    ]
    data = [[Paragraph(h, head) for h in ("时间", "步骤", "内容", "记录人")]]
    for step in detail.steps:
        data.append(
            [
                Paragraph(clinic_time(step.recorded_at).strftime("%m-%d %H:%M"), cell),
                Paragraph(STEPS.get(step.kind.value, step.kind.value), cell),
                Paragraph(escape(step_text(step)), cell),
                Paragraph(escape(step.recorded_by_name), cell),
            ]
        )
    steps = Table(data, colWidths=[w * width for w in (0.14, 0.13, 0.58, 0.15)], repeatRows=1)
    steps.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [steps, Spacer(1, 8 * mm), _signatures(detail, meta, width, font)]

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(MARGIN, 8 * mm, f"Lorch Desk  {row.number}")
        canvas.drawRightString(A4[0] - MARGIN, 8 * mm, f"{doc.page}")
        canvas.restoreState()

    with replace_atomically(path) as partial:
        SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=f"{TITLE} {row.number}",
            author="Lorch Desk",
            initialFontName=font,
        ).build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def _signatures(detail: ComplaintDetail, style: ParagraphStyle, width: float, font: str) -> Table:
    """The customer's signature (drawn, or a line to sign) beside the handler's line."""
    customer: object = Paragraph("客户签字：________________　日期：__________", style)
    if detail.signature_png:
        reader = ImageReader(io.BytesIO(detail.signature_png))
        pixels_wide, pixels_high = reader.getSize()
        drawn = Image(
            io.BytesIO(detail.signature_png),
            width=SIGNATURE_WIDTH,
            height=SIGNATURE_WIDTH * pixels_high / max(pixels_wide, 1),
        )
        customer = [Paragraph("客户签字（屏幕签名）：", style), drawn]
    handler = Paragraph("处理人签字：________________　日期：__________", style)
    table = _plain_table([[customer, handler]], [width / 2] * 2, font)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def _plain_table(rows: list, widths: list[float], font: str) -> Table:
    """A table without lines, in the CJK font (so no other font is pulled into the file)."""
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
    return table
