"""The printed prescription (处方笺): clinic header, customer, items, doctor's signature line.

Western prescriptions list dose, frequency, quantity and days; TCM prescriptions list herbs
with grams per dose and total grams, then the number of doses (剂数), decoction and usage.
A4 or A5; the CJK font is embedded so the Chinese prints on any machine.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lorch_desk.documents.files import replace_atomically
from lorch_desk.documents.fonts import register_cjk_font
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.labels import Label
from lorch_desk.domain.prescriptions import PrescriptionKind, PrescriptionStatus
from lorch_desk.services.prescriptions import PrescriptionDetail

PAGE_SIZES = {"A4": A4, "A5": A5}
MARGIN = 12 * mm
RULE = colors.HexColor("#444444")

TITLE = Label("处方笺", "Prescription")
KIND_TITLES = {
    PrescriptionKind.WESTERN: Label("西药 / 营养素处方", "Western / nutrient prescription"),
    PrescriptionKind.TCM: Label("中药饮片处方", "TCM herbal prescription"),
}
NUMBER = Label("处方号", "No.")
DATE = Label("日期", "Date")
NAME = Label("姓名", "Name")
GENDER = Label("性别", "Gender")
AGE = Label("年龄", "Age")
FILE_NUMBER = Label("档案号", "File no.")
DIAGNOSIS = Label("诊断", "Diagnosis")
GENDERS = {"male": Label("男", "Male"), "female": Label("女", "Female")}
WESTERN_HEADERS = (
    Label("药品", "Product"),
    Label("单次用量", "Dose"),
    Label("频次", "Frequency"),
    Label("数量", "Quantity"),
    Label("天数", "Days"),
)
TCM_HEADERS = (
    Label("药味", "Herb"),
    Label("每剂(克)", "g per dose"),
    Label("总量(克)", "Total g"),
    Label("备注", "Note"),
)
DOSES = Label("剂数", "Doses")
DOSES_VALUE = Label("共 {doses} 剂, 每剂 {grams} 克", "{doses} doses, {grams} g per dose")
DECOCTION = Label("煎法", "Decoction")
USAGE = Label("用法", "Usage")
PRESCRIBER = Label("开方", "Prescribed by")
DOCTOR_SIGNATURE = Label("医师签名", "Doctor's signature")
SIGNED_AT = Label("签名时间", "Signed")
DRAFT_MARK = Label(
    "草稿 · 未经医师签名, 不得调剂", "DRAFT · not signed by a doctor, do not dispense"
)
ALLERGY_MARK = Label("过敏提示", "Allergy warning")


def render_prescription_pdf(
    detail: PrescriptionDetail, path: Path, *, page_size: str = "A5", language: str = "zh_CN"
) -> Path:
    """Print a prescription to `path` (A4 or A5); a failed print leaves no file there."""
    size = PAGE_SIZES[page_size]
    font = register_cjk_font()
    small = size is A5
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=9 if small else 10.5,
        leading=13 if small else 15,
        wordWrap="CJK",
    )
    title = ParagraphStyle(
        "title",
        parent=body,
        fontSize=15 if small else 18,
        leading=22 if small else 26,
        alignment=1,
    )
    subtitle = ParagraphStyle("subtitle", parent=body, alignment=1)
    width = size[0] - 2 * MARGIN

    def t(label: Label) -> str:
        return label.text(language)

    story = [
        Paragraph(_escape(detail.site_name), title),
        Paragraph(f"{t(TITLE)} · {t(KIND_TITLES[detail.kind])}", subtitle),
        Spacer(1, 4 * mm),
        _grid(
            [
                [
                    f"{t(NUMBER)}: {detail.number}",
                    f"{t(DATE)}: {detail.day.isoformat()}",
                    f"{t(FILE_NUMBER)}: {detail.file_number}",
                ],
                [
                    f"{t(NAME)}: {detail.customer_name}",
                    f"{t(GENDER)}: {_gender(detail.customer_gender, language)}",
                    f"{t(AGE)}: {_age(detail.customer_birthday, detail.day)}",
                ],
            ],
            [width / 3] * 3,
            body,
            boxed=False,
        ),
    ]
    if detail.diagnosis:
        story.append(Paragraph(f"{t(DIAGNOSIS)}: {_escape(detail.diagnosis)}", body))
    story.append(Spacer(1, 3 * mm))
    story.append(_items(detail, width, body, t))
    if detail.kind is PrescriptionKind.TCM:
        grams = _plain(detail.grams_per_dose_total or Decimal(0))
        story.append(Spacer(1, 2 * mm))
        story.append(
            Paragraph(
                f"{t(DOSES)}: " + t(DOSES_VALUE).format(doses=detail.doses, grams=grams), body
            )
        )
        if detail.decoction:
            story.append(Paragraph(f"{t(DECOCTION)}: {_escape(detail.decoction)}", body))
    if detail.usage_instructions:
        story.append(Paragraph(f"{t(USAGE)}: {_escape(detail.usage_instructions)}", body))
    warnings = [
        f"{line.product_name}: {'、'.join(line.allergy_warnings)}"
        for line in detail.lines
        if line.allergy_warnings
    ]
    if warnings:
        warning = ParagraphStyle("warning", parent=body, textColor=colors.HexColor("#b3261e"))
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(f"{t(ALLERGY_MARK)}: " + "; ".join(warnings), warning))
    story.append(Spacer(1, 8 * mm))
    signed = clinic_time(detail.signed_at).strftime("%Y-%m-%d %H:%M") if detail.signed_at else ""
    story.append(
        _grid(
            [
                [
                    f"{t(PRESCRIBER)}: {detail.prescriber_name}",
                    f"{t(DOCTOR_SIGNATURE)}: {detail.signed_by_name or '____________'}",
                    f"{t(SIGNED_AT)}: {signed}",
                ]
            ],
            # The signing time is the longest cell: a third of an A5 width wraps it.
            [width * 0.3, width * 0.3, width * 0.4],
            body,
            boxed=False,
        )
    )
    if detail.status is PrescriptionStatus.DRAFT:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(t(DRAFT_MARK), subtitle))
    with replace_atomically(path) as partial:
        document = SimpleDocTemplate(
            str(partial),
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=f"{t(TITLE)} {detail.number}",
        )
        document.build(story)
    return path


def _items(detail: PrescriptionDetail, width: float, style: ParagraphStyle, t) -> Table:  # noqa: ANN001
    if detail.kind is PrescriptionKind.TCM:
        rows = [[t(h) for h in TCM_HEADERS]] + [
            [
                line.product_name,
                _plain(line.grams_per_dose),
                _plain(line.total_grams),
                line.note,
            ]
            for line in detail.lines
        ]
        widths = [width * f for f in (0.34, 0.2, 0.2, 0.26)]
    else:
        rows = [[t(h) for h in WESTERN_HEADERS]] + [
            [
                f"{line.product_name}",
                line.dose,
                line.frequency,
                f"{_plain(line.quantity)} {line.unit}",
                str(line.duration_days or ""),
            ]
            for line in detail.lines
        ]
        widths = [width * f for f in (0.36, 0.16, 0.18, 0.16, 0.14)]
    return _grid(rows, widths, style, boxed=True)


def _grid(
    rows: list[list[str]], widths: list[float], style: ParagraphStyle, *, boxed: bool
) -> Table:
    table = Table(
        [[Paragraph(_escape(cell), style) for cell in row] for row in rows], colWidths=widths
    )
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if boxed:
        commands += [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ]
    table.setStyle(TableStyle(commands))
    return table


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _gender(value: str, language: str) -> str:
    label = GENDERS.get(value)
    return label.text(language) if label else ""


def _age(birthday: date | None, on: date) -> str:
    if birthday is None:
        return ""
    return str(on.year - birthday.year - ((on.month, on.day) < (birthday.month, birthday.day)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
