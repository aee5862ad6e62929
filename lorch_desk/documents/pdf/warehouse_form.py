"""A warehouse form (receipt note, count sheet, destruction record) as an A4 PDF.

One layout for every paper form of the warehouse: title and number, a block of fields, a table
of lines, totals, and signature lines; Chinese in the embedded CJK font on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lorch_desk.documents.files import replace_atomically
from lorch_desk.documents.fonts import register_cjk_font

MARGIN = 14 * mm
HEADER_BACKGROUND = colors.HexColor("#1F4E79")
GRID_COLOUR = colors.HexColor("#B4C0CE")


@dataclass(frozen=True, slots=True)
class FormColumn:
    header: str
    width: float
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class FormDocument:
    """A printed warehouse form, already in the language it is printed in."""

    title: str
    number: str
    fields: tuple[tuple[str, str], ...]
    columns: tuple[FormColumn, ...]
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[tuple[str, str], ...] = ()
    signatures: tuple[str, ...] = ()
    note: str = ""
    footer: str = field(default="Lorch Desk")


def render_form_pdf(document: FormDocument, path: Path) -> Path:
    """Print `document` to `path`; a failed print leaves no file there."""
    font = register_cjk_font()
    cell = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    right = ParagraphStyle("right", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("head", parent=cell, textColor=colors.white)
    title = ParagraphStyle("title", fontName=font, fontSize=17, leading=22, alignment=1)
    meta = ParagraphStyle("meta", parent=cell, fontSize=9.5, leading=14)
    width = A4[0] - 2 * MARGIN
    story: list = [
        Paragraph(escape(document.title), title),
        Paragraph(escape(document.number), ParagraphStyle("no", parent=meta, alignment=1)),
        Spacer(1, 4 * mm),
    ]
    pairs = list(document.fields)
    field_rows = [
        [
            Paragraph(f"{escape(a[0])}：{escape(a[1])}", meta),
            Paragraph(f"{escape(b[0])}：{escape(b[1])}", meta) if b else "",
        ]
        for a, b in zip(pairs[0::2], [*pairs[1::2], None], strict=False)
    ]
    if field_rows:
        fields_table = Table(field_rows, colWidths=[width / 2] * 2)
        fields_table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
        story += [fields_table, Spacer(1, 3 * mm)]
    total_weight = sum(c.width for c in document.columns) or 1
    widths = [width * c.width / total_weight for c in document.columns]
    data = [[Paragraph(escape(c.header), head) for c in document.columns]]
    for row in document.rows:
        data.append(
            [
                Paragraph(escape(value), right if column.numeric else cell)
                for column, value in zip(document.columns, row, strict=True)
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [table, Spacer(1, 3 * mm)]
    for label, value in document.totals:
        story.append(Paragraph(f"{escape(label)}：{escape(value)}", meta))
    if document.note:
        story.append(Paragraph(escape(document.note), meta))
    if document.signatures:
        story.append(Spacer(1, 10 * mm))
        lines = [
            Paragraph(f"{escape(label)}：________________", meta) for label in document.signatures
        ]
        signed = Table([lines], colWidths=[width / len(lines)] * len(lines))
        signed.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
        story.append(signed)

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(MARGIN, 8 * mm, f"{document.footer}  {document.number}")
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
            title=document.title,
            author="Lorch Desk",
            initialFontName=font,
        ).build(story, onFirstPage=footer, onLaterPages=footer)
    return path
