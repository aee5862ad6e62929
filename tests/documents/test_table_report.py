"""Printing a table: Chinese on every page, page numbers, chunks with progress, no half files."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from lorch_desk.documents.pdf import render_table_pdf, table_report
from lorch_desk.domain.errors import Cancelled
from tests.documents.samples import (
    RecordingProgress,
    customer_row,
    customer_rows,
    customer_table,
    embedded_fonts,
    flat,
    pdf_text,
)


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.MULTILINE).group(1))


def test_a_short_list_prints_title_parameters_headers_rows_and_page_number(
    tmp_path: Path,
) -> None:
    pdf = render_table_pdf(customer_table(count=3), tmp_path / "客户名单.pdf")

    text = pdf_text(pdf)
    assert pdf == tmp_path / "客户名单.pdf"
    assert "客户名单" in text
    assert "开发渠道：网络" in text
    assert "登记日期从：2026-01-01" in text
    for header in ("档案号", "姓名", "性别", "年龄", "生日", "储值余额", "会员", "登记时间"):
        assert header in text
    assert "张三丰" in text
    assert "BJ-2026-000003" in text
    assert "1,235.50" in text  # money with thousands and two decimals
    assert "男" in text and "女" in text and "是" in text and "否" in text
    # Times are shown in Shanghai: 16:30 UTC is 00:30 the next morning.
    assert "2026-03-02 00:30" in text
    assert "生成时间：2026-03-02 09:05" in text
    assert "北京总部" in text
    # pdftotext keeps or drops the spaces between Chinese and digits as the layout falls.
    assert "第1页/共1页" in flat(text)
    assert "共3行" in flat(text)


def test_the_cjk_font_is_embedded(tmp_path: Path) -> None:
    pdf = render_table_pdf(customer_table(count=3), tmp_path / "list.pdf")

    fonts = embedded_fonts(pdf)
    assert len(fonts) == 1, fonts
    assert all(emb == "yes" for _name, emb in fonts), fonts


def test_english_prints_english_labels(tmp_path: Path) -> None:
    pdf = render_table_pdf(customer_table(count=3), tmp_path / "list.pdf", language="en")

    text = pdf_text(pdf)
    assert "Customer list" in text
    assert "Channel: Online" in text
    assert "File no." in text and "Stored value" in text
    assert "Male" in text and "Yes" in text and "No" in text
    assert "Page1of1" in flat(text)
    assert "3rows" in flat(text)
    assert "张三丰" in text  # names stay as they are


def test_a_long_list_repeats_the_header_on_every_page(tmp_path: Path) -> None:
    pdf = render_table_pdf(customer_table(count=300), tmp_path / "list.pdf")

    pages = page_count(pdf)
    assert pages > 5
    last = pdf_text(pdf, first=pages, last=pages)
    assert "档案号" in last and "登记时间" in last
    assert f"第{pages}页/共{pages}页" in flat(last)
    assert "BJ-2026-000300" in last
    assert "共300行" in flat(last)
    second = pdf_text(pdf, first=2, last=2)
    assert "档案号" in second and "客户名单" in second
    assert f"第2页/共{pages}页" in flat(second)
    everything = pdf_text(pdf)
    assert all(f"BJ-2026-{index:06d}" in everything for index in range(1, 301))


def test_long_text_wraps_inside_its_column(tmp_path: Path) -> None:
    note = "对青霉素过敏，曾于二〇二四年出现皮疹；" * 12
    table = customer_table([customer_row(1, notes=note), customer_row(2)], count=2)

    pdf = render_table_pdf(table, tmp_path / "list.pdf")

    lines = pdf_text(pdf).splitlines()
    assert sum("青霉素" in line for line in lines) > 3, "the note should take several lines"
    assert note[:40] in flat(pdf_text(pdf, first=1, last=1))


def test_text_longer_than_a_page_is_shortened_not_refused(tmp_path: Path) -> None:
    table = customer_table([customer_row(1, notes="很长的备注" * 3000)], count=1)

    pdf = render_table_pdf(table, tmp_path / "list.pdf")

    assert "张三丰" in pdf_text(pdf)


def test_markup_characters_in_data_print_as_typed(tmp_path: Path) -> None:
    table = customer_table([customer_row(1, notes="A&B <b>不是粗体</b> " * 6)], count=1)

    pdf = render_table_pdf(table, tmp_path / "list.pdf")

    assert "A&B <b>不是粗体</b>" in pdf_text(pdf)


def test_an_empty_list_says_so(tmp_path: Path) -> None:
    pdf = render_table_pdf(customer_table(iter(()), count=0), tmp_path / "list.pdf")

    text = pdf_text(pdf)
    assert "档案号" in text
    assert "没有符合条件的记录" in text


def test_progress_is_reported_per_chunk(tmp_path: Path) -> None:
    progress = RecordingProgress()

    render_table_pdf(customer_table(count=1_000), tmp_path / "list.pdf", progress=progress)

    done = [done for done, _total in progress.reports]
    assert len(done) >= 1_000 // table_report.CHUNK_ROWS
    assert done == sorted(done)
    assert progress.reports[0] == (0, 1_000)
    assert progress.reports[-1] == (1_000, 1_000)


def test_cancelling_leaves_no_file(tmp_path: Path) -> None:
    progress = RecordingProgress(cancel_at=2)

    with pytest.raises(Cancelled):
        render_table_pdf(customer_table(count=1_000), tmp_path / "list.pdf", progress=progress)

    assert len(progress.reports) == 2
    assert list(tmp_path.iterdir()) == []


def test_a_failed_print_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "list.pdf"
    target.write_bytes(b"%PDF yesterday's list")

    def failing_rows() -> Iterator[Mapping[str, object]]:
        yield from customer_rows(250)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        render_table_pdf(customer_table(failing_rows(), count=500), target)

    assert target.read_bytes() == b"%PDF yesterday's list"
    assert list(tmp_path.iterdir()) == [target]
