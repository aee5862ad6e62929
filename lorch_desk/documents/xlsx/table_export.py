"""A TableDocument exported as an Excel workbook, streamed in openpyxl's write-only mode."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from lorch_desk.documents.files import replace_atomically
from lorch_desk.domain.labels import Label
from lorch_desk.domain.progress import Progress, SilentProgress
from lorch_desk.domain.tables import (
    NO,
    YES,
    Column,
    ColumnKind,
    TableDocument,
    format_datetime,
    format_text,
    to_display_time,
)

PROGRESS_EVERY_ROWS = 1_000
MONEY_FORMAT = "#,##0.00"
INTEGER_FORMAT = "0"
DECIMAL_FORMAT = "General"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel refuses sheet names longer than 31 characters or containing any of []:*?/\
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_LENGTH = 31

ABOUT_SHEET = Label("说明", "About")
TITLE = Label("标题", "Title")
GENERATED = Label("生成时间", "Generated")
SITE = Label("中心", "Site")
ROW_COUNT = Label("行数", "Rows")

_BOLD = Font(bold=True)

CellValue = object
Converter = Callable[[object], CellValue]


def export_table_xlsx(
    document: TableDocument,
    path: Path,
    *,
    language: str = "zh_CN",
    progress: Progress | None = None,
) -> Path:
    """Export `document` to `path` as .xlsx; a cancelled or failed export leaves no file there.

    Row 1 holds the column headers, so the sheet is a clean table to sort and filter; the title,
    parameters and generation time go to the workbook properties and the "说明" sheet.
    """
    progress = progress or SilentProgress()
    with replace_atomically(path) as partial:
        workbook = Workbook(write_only=True)
        try:
            _write(workbook, document, language, progress)
            workbook.save(partial)
        except BaseException:
            _discard(workbook)
            raise
    return path


def _write(workbook: Workbook, document: TableDocument, language: str, progress: Progress) -> None:
    title = document.title.text(language)
    total = document.row_count_hint or 0
    progress.report(0, total)
    _set_properties(workbook, document, language)

    sheet: WriteOnlyWorksheet = workbook.create_sheet(_sheet_name(title))
    # Write-only sheets take their view and columns before the first row is written.
    sheet.freeze_panes = "A2"
    for index, column in enumerate(document.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(column.width, 4)
    sheet.append([_bold(sheet, column.header.text(language)) for column in document.columns])

    converters = [(column.key, _converter(sheet, column, language)) for column in document.columns]
    written = 0
    for row in document.rows:
        sheet.append([convert(row.get(key)) for key, convert in converters])
        written += 1
        if written % PROGRESS_EVERY_ROWS == 0:
            progress.report(written, max(total, written))

    _write_about(workbook, document, language, written)
    progress.report(written, max(total, written))


def _converter(sheet: WriteOnlyWorksheet, column: Column, language: str) -> Converter:
    """How one column's values become typed cells."""
    kind = column.kind

    def formatted(value: object, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell

    def convert(value: object) -> CellValue:
        if value is None or value == "":
            return None
        if isinstance(value, Label):
            return _text(sheet, value.text(language))
        if kind is ColumnKind.BOOLEAN and isinstance(value, bool):
            return (YES if value else NO).text(language)
        if kind is ColumnKind.MONEY and isinstance(value, Decimal | int | float):
            return formatted(value, MONEY_FORMAT)
        if kind is ColumnKind.INTEGER and isinstance(value, int) and not isinstance(value, bool):
            return formatted(value, INTEGER_FORMAT)
        if kind is ColumnKind.DECIMAL and isinstance(value, Decimal | int | float):
            return formatted(value, DECIMAL_FORMAT)
        if kind is ColumnKind.DATETIME and isinstance(value, datetime):
            # Excel has no time zones: write the clinic's wall-clock time.
            return formatted(to_display_time(value).replace(tzinfo=None), DATETIME_FORMAT)
        if kind is ColumnKind.DATE and isinstance(value, date):
            if isinstance(value, datetime):
                value = to_display_time(value).date()
            return formatted(value, DATE_FORMAT)
        return _text(sheet, str(value))

    return convert


def _text(sheet: WriteOnlyWorksheet, text: str) -> CellValue:
    """Text as text: control characters dropped, and never read by Excel as a formula."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if text.startswith("=") or text in ERROR_CODES:
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        return cell
    return text


def _bold(sheet: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", text))
    cell.data_type = "s"
    cell.font = _BOLD
    return cell


def _set_properties(workbook: Workbook, document: TableDocument, language: str) -> None:
    properties = workbook.properties
    properties.title = document.title.text(language)
    properties.subject = document.site_name or None
    properties.creator = "Lorch Desk"
    properties.created = document.generated_at.astimezone(UTC).replace(tzinfo=None)
    parameters = "; ".join(
        f"{label.text(language)}: {format_text(value, language)}"
        for label, value in document.parameters
    )
    properties.description = parameters or None


def _write_about(workbook: Workbook, document: TableDocument, language: str, rows: int) -> None:
    """The second sheet: what the table is, with which parameters, when and where it was made."""
    sheet: WriteOnlyWorksheet = workbook.create_sheet(_sheet_name(ABOUT_SHEET.text(language)))
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 50
    lines: list[tuple[Label, object]] = [(TITLE, document.title.text(language))]
    lines += [(label, format_text(value, language)) for label, value in document.parameters]
    lines.append((GENERATED, format_datetime(document.generated_at)))
    if document.site_name:
        lines.append((SITE, document.site_name))
    lines.append((ROW_COUNT, rows))
    for label, value in lines:
        shown = _text(sheet, value) if isinstance(value, str) else value
        sheet.append([_bold(sheet, label.text(language)), shown])


def _sheet_name(text: str) -> str:
    name = _SHEET_NAME_FORBIDDEN.sub(" ", text).strip().strip("'")
    return name[:_SHEET_NAME_LENGTH] or "Sheet1"


def _discard(workbook: Workbook) -> None:
    """Close and remove the temporary files openpyxl streams unsaved sheets into."""
    for sheet in workbook.worksheets:
        # openpyxl keeps a write-only sheet's rows in a temp file until save and removes such
        # files only at interpreter exit; a long-running desk app must not collect them.
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        rows = getattr(sheet, "_rows", None)
        if rows is not None:
            rows.close()  # ends the sheet's row stream before its file is closed
        writer.close()
        if os.path.exists(writer.out):
            writer.cleanup()
