"""A TableDocument printed as an A4 landscape PDF with the embedded CJK font."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from lorch_desk.documents.files import replace_atomically
from lorch_desk.documents.fonts import register_cjk_font
from lorch_desk.domain.labels import Label
from lorch_desk.domain.progress import Progress, SilentProgress
from lorch_desk.domain.tables import (
    ColumnKind,
    TableDocument,
    format_cell,
    format_datetime,
    format_text,
)

PAGE_SIZE = landscape(A4)
MARGIN = 12 * mm
FOOTER_HEIGHT = 8 * mm
RUNNING_HEADER_HEIGHT = 7 * mm
BODY_SIZE = 8
BODY_LEADING = 10
TITLE_SIZE = 16
CELL_PADDING = 3
# Rows per table flowable: reportlab splits a long table in time growing with its length, so a
# large report is laid out as many short tables (SETUP.md: 500 pages in 14 s instead of 23 s).
CHUNK_ROWS = 100
# A cell taller than a page cannot be split by reportlab; nobody reads that much in a report.
MAX_CELL_CHARACTERS = 600

HEADER_BACKGROUND = colors.HexColor("#1F4E79")
ZEBRA_BACKGROUND = colors.HexColor("#E6EDF5")
GRID_COLOUR = colors.HexColor("#B4C0CE")
MUTED_TEXT = colors.HexColor("#555555")

PAGE_OF = Label("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}")
GENERATED = Label("生成时间", "Generated")
SITE = Label("中心", "Site")
ROW_TOTAL = Label("共 {count} 行", "{count} rows")
NO_ROWS = Label("没有符合条件的记录", "No matching records")
COLON = Label("：", ": ")


def render_table_pdf(
    document: TableDocument,
    path: Path,
    *,
    language: str = "zh_CN",
    progress: Progress | None = None,
) -> Path:
    """Print `document` to `path` as a PDF; a cancelled or failed print leaves no file there."""
    progress = progress or SilentProgress()
    layout = _Layout(document, language, register_cjk_font())
    with replace_atomically(path) as partial:
        layout.build(partial, progress)
    return path


class _Layout:
    """Styles, column widths and the flowables of one printed table."""

    def __init__(self, document: TableDocument, language: str, font: str) -> None:
        self.document = document
        self.language = language
        self.font = font
        self.frame_width = PAGE_SIZE[0] - 2 * MARGIN
        total_width = sum(max(column.width, 1) for column in document.columns) or 1
        self.widths = [
            self.frame_width * max(column.width, 1) / total_width for column in document.columns
        ]
        self.kinds = [column.kind for column in document.columns]
        self.specs = [
            (column.key, column.kind, width)
            for column, width in zip(document.columns, self.widths, strict=True)
        ]
        self.title_text = document.title.text(language)
        self.cell_style = ParagraphStyle(
            "cell", fontName=font, fontSize=BODY_SIZE, leading=BODY_LEADING, wordWrap="CJK"
        )
        self.header_style = ParagraphStyle(
            "header", parent=self.cell_style, textColor=colors.white, alignment=TA_LEFT
        )
        self.header_right_style = ParagraphStyle(
            "header_right", parent=self.header_style, alignment=TA_RIGHT
        )
        self.title_style = ParagraphStyle(
            "title", fontName=font, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.3, wordWrap="CJK"
        )
        self.meta_style = ParagraphStyle(
            "meta", parent=self.cell_style, fontSize=9, leading=13, textColor=MUTED_TEXT
        )
        self.header_table = self._header_table()
        _, self.header_height = self.header_table.wrap(self.frame_width, PAGE_SIZE[1])
        self.rows_built = 0
        self._finished = False

    def build(self, path: Path, progress: Progress) -> None:
        total = self.document.row_count_hint or 0
        progress.report(0, total)
        rows = iter(self.document.rows)

        def next_flowables() -> list[Flowable]:
            if self.rows_built:
                progress.report(self.rows_built, max(total, self.rows_built))
            return self._next_flowables(rows)

        template = _ChunkedDocTemplate(
            str(path),
            next_flowables=next_flowables,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=self.title_text,
            author="Lorch Desk",
            creator="Lorch Desk",
            subject=self.document.site_name,
            # Start every page in the embedded font, so the file names no unembedded Helvetica.
            initialFontName=self.font,
        )
        template.addPageTemplates(self._page_templates())
        story: list[Flowable] = [NextPageTemplate("later"), *self._title_block()]
        story.append(self.header_table)
        template.build(story, canvasmaker=_numbered_canvas(self._draw_footer))
        progress.report(self.rows_built, max(total, self.rows_built))

    # -- pages -------------------------------------------------------------------------------

    def _page_templates(self) -> list[PageTemplate]:
        bottom = MARGIN + FOOTER_HEIGHT
        first_height = PAGE_SIZE[1] - MARGIN - bottom
        later_height = first_height - RUNNING_HEADER_HEIGHT - self.header_height
        first = Frame(MARGIN, bottom, self.frame_width, first_height, id="first", **_NO_PADDING)
        later = Frame(MARGIN, bottom, self.frame_width, later_height, id="later", **_NO_PADDING)
        return [
            PageTemplate("first", frames=[first]),
            PageTemplate("later", frames=[later], onPage=self._draw_running_header),
        ]

    def _draw_running_header(self, canvas: Canvas, _template: BaseDocTemplate) -> None:
        """Later pages: the title line and the column headers above the continuing table."""
        top = PAGE_SIZE[1] - MARGIN
        canvas.saveState()
        canvas.setFont(self.font, 9)
        canvas.setFillColor(MUTED_TEXT)
        canvas.drawString(MARGIN, top - 9, _fit(self.title_text, self.font, 9, self.frame_width))
        canvas.restoreState()
        table_top = top - RUNNING_HEADER_HEIGHT
        self.header_table.drawOn(canvas, MARGIN, table_top - self.header_height)

    def _draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(self.font, 8)
        canvas.setFillColor(MUTED_TEXT)
        y = MARGIN
        canvas.drawString(MARGIN, y, self._generated_line())
        number = PAGE_OF.text(self.language).format(page=page, pages=pages)
        canvas.drawRightString(PAGE_SIZE[0] - MARGIN, y, number)
        canvas.restoreState()

    # -- flowables ---------------------------------------------------------------------------

    def _title_block(self) -> list[Flowable]:
        block: list[Flowable] = [Paragraph(escape(self.title_text), self.title_style)]
        colon = COLON.text(self.language)
        parameters = "　".join(
            f"{escape(label.text(self.language))}{colon}{escape(format_text(value, self.language))}"
            for label, value in self.document.parameters
        )
        if parameters:
            block.append(Paragraph(parameters, self.meta_style))
        block.append(Paragraph(escape(self._generated_line()), self.meta_style))
        block.append(Spacer(1, 3 * mm))
        return block

    def _generated_line(self) -> str:
        colon = COLON.text(self.language)
        generated = format_datetime(self.document.generated_at)
        line = f"{GENERATED.text(self.language)}{colon}{generated}"
        if self.document.site_name:
            line += f"　{SITE.text(self.language)}{colon}{self.document.site_name}"
        return line

    def _header_table(self) -> Table:
        cells = [
            Paragraph(
                escape(column.header.text(self.language)),
                self.header_right_style if column.kind.is_numeric else self.header_style,
            )
            for column in self.document.columns
        ]
        table = Table([cells], colWidths=self.widths)
        table.setStyle(
            TableStyle(
                [
                    *_CELL_PADDING,
                    ("FONT", (0, 0), (-1, -1), self.font, BODY_SIZE, BODY_LEADING),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (-1, -1), HEADER_BACKGROUND),
                    ("GRID", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
                ]
            )
        )
        return table

    def _next_flowables(self, rows: Iterator[Mapping[str, object]]) -> list[Flowable]:
        """The next chunk of the table, the closing row count, then nothing."""
        if self._finished:
            return []
        batch = list(islice(rows, CHUNK_ROWS))
        if batch:
            table = self._chunk_table(batch, self.rows_built)
            self.rows_built += len(batch)
            return [table]
        self._finished = True
        if self.rows_built == 0:
            closing = NO_ROWS.text(self.language)
        else:
            closing = ROW_TOTAL.text(self.language).format(count=f"{self.rows_built:,}")
        return [Spacer(1, 2 * mm), Paragraph(escape(closing), self.meta_style)]

    def _chunk_table(self, batch: list[Mapping[str, object]], first_index: int) -> Table:
        data = [
            [self._cell(row.get(key), kind, width) for key, kind, width in self.specs]
            for row in batch
        ]
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.font, BODY_SIZE, BODY_LEADING),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
            *_CELL_PADDING,
        ]
        for index, kind in enumerate(self.kinds):
            if kind.is_numeric:
                commands.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
        # Zebra by the row's place in the whole report, so stripes run on across chunks.
        for offset in range((first_index + 1) % 2, len(batch), 2):
            commands.append(("BACKGROUND", (0, offset), (-1, offset), ZEBRA_BACKGROUND))
        table = Table(data, colWidths=self.widths, splitByRow=1)
        table.setStyle(TableStyle(commands))
        return table

    def _cell(self, value: object, kind: ColumnKind, width: float) -> str | Paragraph:
        text = format_cell(value, kind, self.language)
        if kind is not ColumnKind.TEXT:
            return text
        if len(text) > MAX_CELL_CHARACTERS:
            text = text[: MAX_CELL_CHARACTERS - 1] + "…"
        # Plain strings draw much faster than paragraphs; wrap only what does not fit.
        if "\n" not in text and (
            stringWidth(text, self.font, BODY_SIZE) <= width - 2 * CELL_PADDING
        ):
            return text
        return Paragraph(escape(text).replace("\n", "<br/>"), self.cell_style)


_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
_CELL_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` shortened with an ellipsis to fit `width` on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class _ChunkedDocTemplate(BaseDocTemplate):
    """A document that asks for the next flowables when the story runs out.

    The table is read from its row iterator one chunk at a time, so a large report neither
    holds all its rows at once nor lays out one huge table.
    """

    def __init__(self, filename: str, *, next_flowables: Callable[[], list[Flowable]], **kw: Any):
        super().__init__(filename, **kw)
        self._next_flowables = next_flowables
        self._story: list[Flowable] | None = None

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        self._story = flowables
        super().build(flowables, *args, **kwargs)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        super().handle_flowable(flowables)
        # reportlab also passes its own list of hanging flowables here: feed only the story.
        if flowables is self._story and not flowables:
            flowables.extend(self._next_flowables())


def _numbered_canvas(draw_footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages until the end, so each footer can say 'of M'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                draw_footer(self, number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
