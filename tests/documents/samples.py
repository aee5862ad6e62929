"""A sample customer table and a progress that records reports or cancels on a given one."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from lorch_desk.domain.errors import Cancelled
from lorch_desk.domain.labels import Label
from lorch_desk.domain.tables import Column, ColumnKind, TableDocument

COLUMNS = (
    Column("file_number", Label("档案号", "File no."), ColumnKind.TEXT, 16),
    Column("name", Label("姓名", "Name"), ColumnKind.TEXT, 10),
    Column("gender", Label("性别", "Gender"), ColumnKind.TEXT, 6),
    Column("age", Label("年龄", "Age"), ColumnKind.INTEGER, 6),
    Column("birthday", Label("生日", "Birthday"), ColumnKind.DATE, 11),
    Column("balance", Label("储值余额", "Stored value"), ColumnKind.MONEY, 12),
    Column("is_member", Label("会员", "Member"), ColumnKind.BOOLEAN, 6),
    Column("notes", Label("备注", "Notes"), ColumnKind.TEXT, 30),
    Column("registered_at", Label("登记时间", "Registered"), ColumnKind.DATETIME, 16),
)
MALE = Label("男", "Male")
FEMALE = Label("女", "Female")


def customer_row(index: int, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "file_number": f"BJ-2026-{index:06d}",
        "name": "张三丰" if index == 1 else f"客户{index}",
        "gender": MALE if index % 2 else FEMALE,
        "age": 30 + index % 40,
        "birthday": date(1990, 1, 1) + timedelta(days=index),
        "balance": Decimal("1234.50") + index,
        "is_member": index % 3 == 0,
        "notes": "",
        # 16:30 UTC is half past midnight of the next day in Shanghai.
        "registered_at": datetime(2026, 3, 1, 16, 30, tzinfo=UTC),
    }
    row.update(changes)
    return row


def customer_rows(count: int) -> Iterator[Mapping[str, object]]:
    """A generator, as reports give: documents must read their rows once."""
    return (customer_row(index) for index in range(1, count + 1))


def customer_table(rows: object = None, *, count: int = 3) -> TableDocument:
    return TableDocument(
        title=Label("客户名单", "Customer list"),
        columns=COLUMNS,
        rows=customer_rows(count) if rows is None else rows,  # type: ignore[arg-type]
        parameters=(
            (Label("开发渠道", "Channel"), Label("网络", "Online")),
            (Label("登记日期从", "Registered from"), "2026-01-01"),
        ),
        generated_at=datetime(2026, 3, 2, 1, 5, tzinfo=UTC),
        site_name="北京总部",
        row_count_hint=count,
    )


class RecordingProgress:
    """Remembers every report; raises Cancelled at report number `cancel_at` (1-based)."""

    def __init__(self, cancel_at: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel_at = cancel_at

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reports.append((done, total))
        if self.cancel_at is not None and len(self.reports) >= self.cancel_at:
            raise Cancelled()


def flat(text: str) -> str:
    """`text` without any white space, to compare what pdftotext spaced as it pleased."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, *, first: int | None = None, last: int | None = None) -> str:
    """The text of a PDF as poppler's pdftotext reads it."""
    command = ["pdftotext", "-layout"]
    if first is not None:
        command += ["-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    return subprocess.run(
        [*command, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def embedded_fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, emb column) for every font pdffonts lists."""
    output = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = output.splitlines()[2:]
    fonts = []
    for row in rows:
        fields = row.split()
        # name, type words..., encoding, emb, sub, uni, object, generation
        fonts.append((fields[0], fields[-5]))
    return fonts
