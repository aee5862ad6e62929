"""The evening list of tomorrow's bookings per doctor, printed on A4 with the CJK font."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lorch_desk.documents.files import replace_atomically
from lorch_desk.documents.fonts import register_cjk_font
from lorch_desk.domain.labels import Label
from lorch_desk.services.evening_list import EveningGroup, EveningList

TITLE = Label("明日预约提醒单", "Tomorrow's bookings")
DAY = Label("日期", "Date")
TOTAL = Label("共 {count} 个预约", "{count} bookings")
NOBODY = Label("仅预约房间", "Room only")
NO_BOOKINGS = Label("明日没有预约", "No bookings tomorrow")
REMINDED = Label("已提醒医生签字：", "Doctor reminded (signature): ")
ROLES = {
    "doctor": Label("医生", "Doctor"),
    "consultant": Label("咨询师", "Consultant"),
}
GENDERS = {"female": Label("女", "F"), "male": Label("男", "M")}
HEADERS = (
    Label("时间", "Time"),
    Label("客户", "Customer"),
    Label("性别", "Sex"),
    Label("手机", "Mobile"),
    Label("项目", "Item"),
    Label("房间", "Room"),
    Label("备注", "Notes"),
)
WIDTHS = (24 * mm, 26 * mm, 12 * mm, 28 * mm, 38 * mm, 22 * mm, 36 * mm)
HEADER_BACKGROUND = colors.HexColor("#1F4E79")
GRID_COLOUR = colors.HexColor("#B4C0CE")


def render_evening_list_pdf(listing: EveningList, path: Path, *, language: str = "zh_CN") -> Path:
    """Print the evening list to `path`; a failed print leaves no file there."""
    font = register_cjk_font()
    styles = _Styles(font)
    story: list = [
        Paragraph(escape(TITLE.text(language)), styles.title),
        Paragraph(
            escape(
                f"{DAY.text(language)}: {listing.day.isoformat()}　{listing.site_name}　"
                + TOTAL.text(language).format(count=listing.count)
            ),
            styles.meta,
        ),
        Spacer(1, 4 * mm),
    ]
    if not listing.groups:
        story.append(Paragraph(escape(NO_BOOKINGS.text(language)), styles.body))
    for group in listing.groups:
        story.append(KeepTogether(_group(group, styles, font, language)))
    with replace_atomically(path) as partial:
        document = SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=14 * mm,
            bottomMargin=14 * mm,
            title=TITLE.text(language),
        )
        document.build(story)
    return path


class _Styles:
    def __init__(self, font: str) -> None:
        self.title = ParagraphStyle("title", fontName=font, fontSize=16, leading=20)
        self.meta = ParagraphStyle("meta", fontName=font, fontSize=9, leading=12)
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=12, leading=16)
        self.body = ParagraphStyle("body", fontName=font, fontSize=9, leading=11)
        self.header = ParagraphStyle(
            "header", fontName=font, fontSize=9, leading=11, textColor=colors.white
        )


def _group(group: EveningGroup, styles: _Styles, font: str, language: str) -> list:
    role = ROLES.get(group.staff_role)
    name = group.staff_name or NOBODY.text(language)
    heading = f"{role.text(language)} {name}" if role else name
    rows = [[Paragraph(escape(h.text(language)), styles.header) for h in HEADERS]]
    for line in group.lines:
        gender = GENDERS.get(line.gender)
        rows.append(
            [
                Paragraph(escape(f"{line.starts}–{line.ends}"), styles.body),
                Paragraph(escape(line.customer_name), styles.body),
                Paragraph(escape(gender.text(language) if gender else ""), styles.body),
                Paragraph(escape(line.mobile), styles.body),
                Paragraph(escape(line.item), styles.body),
                Paragraph(escape(line.room_name), styles.body),
                Paragraph(escape(line.notes), styles.body),
            ]
        )
    table = Table(rows, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 9),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("GRID", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [
        Paragraph(escape(heading), styles.heading),
        Spacer(1, 1.5 * mm),
        table,
        Spacer(1, 2 * mm),
        Paragraph(escape(REMINDED.text(language) + "______________"), styles.meta),
        Spacer(1, 6 * mm),
    ]
