"""Exporting a table to Excel: a clean typed sheet, an About sheet, streaming, cancel, no halves."""

from __future__ import annotations

import glob
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from lorch_desk.documents.xlsx import export_table_xlsx, table_export
from lorch_desk.domain.errors import Cancelled
from lorch_desk.domain.labels import Label
from lorch_desk.domain.tables import Column, ColumnKind, TableDocument
from tests.documents.samples import COLUMNS, RecordingProgress, customer_row, customer_table


def openpyxl_temp_files() -> set[str]:
    return set(glob.glob(str(Path(tempfile.gettempdir()) / "openpyxl.*")))


def test_row_one_is_the_bold_frozen_header_and_cells_are_typed(tmp_path: Path) -> None:
    path = export_table_xlsx(customer_table(count=3), tmp_path / "客户名单.xlsx")

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["客户名单", "说明"]
    sheet = workbook["客户名单"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "档案号",
        "姓名",
        "性别",
        "年龄",
        "生日",
        "储值余额",
        "会员",
        "备注",
        "登记时间",
    ]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.max_row == 4

    first = {column.key: cell for column, cell in zip(COLUMNS, sheet[2], strict=True)}
    assert first["file_number"].value == "BJ-2026-000001"
    assert first["name"].value == "张三丰"
    assert first["gender"].value == "男"
    assert first["age"].value == 31
    assert first["age"].data_type == "n"
    assert first["birthday"].is_date
    assert first["birthday"].value.date() == date(1990, 1, 2)
    assert first["birthday"].number_format == "yyyy-mm-dd"
    assert first["balance"].data_type == "n"
    assert first["balance"].value == pytest.approx(1235.50)
    assert first["balance"].number_format == "#,##0.00"
    assert first["is_member"].value == "否"
    assert first["notes"].value is None
    # Excel has no time zones: the clinic's wall-clock time, 16:30 UTC = 00:30 next day.
    assert first["registered_at"].is_date
    assert first["registered_at"].value == datetime(2026, 3, 2, 0, 30)
    assert first["registered_at"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["G4"].value == "是"


def test_column_widths_follow_the_document(tmp_path: Path) -> None:
    path = export_table_xlsx(customer_table(count=1), tmp_path / "list.xlsx")

    sheet = openpyxl.load_workbook(path).worksheets[0]
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHI"]
    assert widths == [float(column.width) for column in COLUMNS]


def test_title_and_parameters_go_to_properties_and_the_about_sheet(tmp_path: Path) -> None:
    path = export_table_xlsx(customer_table(count=3), tmp_path / "list.xlsx")

    workbook = openpyxl.load_workbook(path)
    assert workbook.properties.title == "客户名单"
    assert "开发渠道: 网络" in workbook.properties.description
    about = dict(workbook["说明"].iter_rows(values_only=True))
    assert about["标题"] == "客户名单"
    assert about["开发渠道"] == "网络"
    assert about["登记日期从"] == "2026-01-01"
    assert about["生成时间"] == "2026-03-02 09:05"
    assert about["中心"] == "北京总部"
    assert about["行数"] == 3
    assert all(cell.font.b for cell in workbook["说明"]["A"])


def test_english_export(tmp_path: Path) -> None:
    path = export_table_xlsx(customer_table(count=3), tmp_path / "list.xlsx", language="en")

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Customer list", "About"]
    sheet = workbook["Customer list"]
    assert sheet["A1"].value == "File no."
    assert sheet["C2"].value == "Male"
    assert sheet["G2"].value == "No"
    assert sheet["G4"].value == "Yes"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    rows = [customer_row(1, name='=HYPERLINK("http://x")', notes="#N/A\x07 bell")]
    table = customer_table(rows, count=1)

    path = export_table_xlsx(table, tmp_path / "list.xlsx")

    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet["B2"].data_type == "s"
    assert sheet["B2"].value == '=HYPERLINK("http://x")'
    assert sheet["H2"].value == "#N/A bell"


def test_a_sheet_name_excel_would_refuse_is_cleaned(tmp_path: Path) -> None:
    table = TableDocument(
        title=Label("2026/03 客户名单：北京[总部]，包括全部渠道与全部会员类型的明细", "x"),
        columns=(Column("n", Label("数", "n"), ColumnKind.DECIMAL, 8),),
        rows=[{"n": Decimal("1.250")}],
    )

    path = export_table_xlsx(table, tmp_path / "list.xlsx")

    workbook = openpyxl.load_workbook(path)
    name = workbook.sheetnames[0]
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    assert workbook.worksheets[0]["A2"].value == pytest.approx(1.25)
    assert workbook.properties.title.startswith("2026/03 客户名单")


def test_twenty_thousand_rows_stream_with_progress(tmp_path: Path) -> None:
    columns = (
        Column("file_number", Label("档案号", "File no."), ColumnKind.TEXT, 16),
        Column("age", Label("年龄", "Age"), ColumnKind.INTEGER, 6),
        Column("balance", Label("余额", "Balance"), ColumnKind.MONEY, 12),
    )

    def rows() -> Iterator[dict[str, object]]:
        for index in range(20_000):
            yield {"file_number": f"BJ-{index:06d}", "age": index % 90, "balance": Decimal(index)}

    table = TableDocument(Label("大表", "Big"), columns, rows(), row_count_hint=20_000)
    progress = RecordingProgress()

    path = export_table_xlsx(table, tmp_path / "big.xlsx", progress=progress)

    assert len(progress.reports) >= 20
    done = [done for done, _total in progress.reports]
    assert done == sorted(done)
    assert progress.reports[-1] == (20_000, 20_000)
    workbook = openpyxl.load_workbook(path, read_only=True)
    written = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    assert len(written) == 20_001
    assert written[-1] == ("BJ-019999", 19_999 % 90, 19_999)


def test_cancelling_leaves_no_file_and_no_temporary_files(tmp_path: Path) -> None:
    before = openpyxl_temp_files()
    progress = RecordingProgress(cancel_at=2)
    count = 3 * table_export.PROGRESS_EVERY_ROWS

    with pytest.raises(Cancelled):
        export_table_xlsx(customer_table(count=count), tmp_path / "list.xlsx", progress=progress)

    assert progress.reports == [(0, count), (table_export.PROGRESS_EVERY_ROWS, count)]
    assert list(tmp_path.iterdir()) == []
    assert openpyxl_temp_files() <= before


def test_a_failed_export_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"yesterday's export")

    def failing_rows() -> Iterator[dict[str, object]]:
        yield customer_row(1)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        export_table_xlsx(customer_table(failing_rows(), count=2), target)

    assert target.read_bytes() == b"yesterday's export"
    assert list(tmp_path.iterdir()) == [target]
