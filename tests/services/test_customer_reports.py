"""The customer list report: filters, masking by role, permission, and the printed list."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.documents.pdf import render_table_pdf
from lorch_desk.documents.xlsx import export_table_xlsx
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import clinic_today
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.models.base import new_id
from lorch_desk.models.customer import Customer
from lorch_desk.models.organisation import Site
from lorch_desk.services import report_catalogue
from lorch_desk.services.customer_reports import CUSTOMER_LIST
from lorch_desk.services.node_setup import NodeIdentity
from lorch_desk.services.reports import build_document, list_reports, run_report

KEY = CUSTOMER_LIST.key


@pytest.fixture(autouse=True)
def catalogue() -> None:
    report_catalogue.load_all()


@pytest.fixture()
def customers(database: Database, system_actor: Actor, node: NodeIdentity) -> None:
    """Four live customers at Beijing and Shanghai and one removed, registered over a quarter."""
    shanghai_id = new_id()

    def arrange(uow: Any, _progress: Any) -> None:
        uow.session.add(Site(id=shanghai_id, code="SH", name="上海中心", city="上海"))
        uow.session.flush()
        people = [
            ("BJ-2026-000001", "张三", "male", date(1980, 5, 1), "13812345678", "silver",
             "online", node.site_id, datetime(2026, 1, 10, 2, 0, tzinfo=UTC), None),
            # 16:30 UTC on 1 February is already 2 February in Beijing.
            ("BJ-2026-000002", "李四", "female", date(1992, 8, 8), "13900001111", "ordinary",
             "walk_in", node.site_id, datetime(2026, 2, 1, 16, 30, tzinfo=UTC), None),
            ("BJ-2026-000003", "王五", "unknown", None, None, "premier",
             "referral", node.site_id, datetime(2026, 3, 5, 1, 0, tzinfo=UTC), None),
            ("SH-2026-000001", "赵六", "female", date(1975, 1, 1), "13700002222", "platinum",
             "online", shanghai_id, datetime(2026, 1, 20, 3, 0, tzinfo=UTC), None),
            ("BJ-2026-000004", "钱七", "male", None, "13600003333", "ordinary",
             "online", node.site_id, datetime(2026, 1, 11, 3, 0, tzinfo=UTC),
             datetime(2026, 1, 12, tzinfo=UTC)),
        ]  # fmt: skip
        for (file_number, name, gender, birthday, mobile, member, channel, site_id,
             created, deleted) in people:  # fmt: skip
            uow.session.add(
                Customer(
                    file_number=file_number,
                    name=name,
                    gender=gender,
                    birthday=birthday,
                    mobile=mobile,
                    member_type=member,
                    channel=channel,
                    site_id=site_id,
                    created_at=created,
                    deleted_at=deleted,
                )
            )

    database.run(system_actor, arrange)


@pytest.fixture()
def preview(
    database: Database, actor_for: Callable[[Role], Actor], customers: None
) -> Callable[..., Any]:
    """The customer list's preview as `role` sees it with these filters."""

    def call(role: Role = Role.CUSTOMER_SERVICE, **values: object) -> Any:
        with database.unit_of_work(actor_for(role), read_only=True) as uow:
            return run_report(uow, key=KEY, values=values, progress=SilentProgress())

    return call


def names(result: Any) -> list[str]:
    return [row["name"] for row in result.rows]


def test_customer_service_sees_every_live_customer_by_file_number(
    preview: Callable[..., Any],
) -> None:
    result = preview()

    assert names(result) == ["张三", "李四", "王五", "赵六"]
    assert result.total == 4
    assert not result.truncated
    first = result.rows[0]
    assert first["file_number"] == "BJ-2026-000001"
    assert first["gender"] == Label("男", "Male")
    assert first["birthday"] == date(1980, 5, 1)
    today = clinic_today()
    assert first["age"] == today.year - 1980 - ((today.month, today.day) < (5, 1))
    assert first["mobile"] == "13812345678"
    assert first["member_type"] == Label("银卡", "Silver")
    assert first["channel"] == Label("网络", "Online")
    assert first["site"] == "北京总部"
    assert first["registered_at"] == datetime(2026, 1, 10, 2, 0, tzinfo=UTC)
    nobody = result.rows[2]
    assert nobody["gender"] == Label("未知", "Unknown")
    assert nobody["age"] is None and nobody["mobile"] == ""


def test_filter_by_channel(preview: Callable[..., Any]) -> None:
    assert names(preview(channel="online")) == ["张三", "赵六"]


def test_filter_by_member_type(preview: Callable[..., Any]) -> None:
    assert names(preview(member_type="premier")) == ["王五"]


def test_filter_by_site_code(preview: Callable[..., Any]) -> None:
    assert names(preview(site="sh")) == ["赵六"]


def test_registration_dates_are_days_in_beijing(preview: Callable[..., Any]) -> None:
    assert names(preview(registered_to="2026-02-01")) == ["张三", "赵六"]
    assert names(preview(registered_from="2026-02-02")) == ["李四", "王五"]
    assert names(preview(registered_from=date(2026, 1, 15), registered_to="2026-02-28")) == [
        "李四",
        "赵六",
    ]


def test_a_bad_date_is_refused(preview: Callable[..., Any]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        preview(registered_from="2026-02-30")

    assert refused.value.field == "registered_from"
    assert refused.value.params["rule"] == "date"


def test_a_range_that_ends_before_it_starts_is_refused(preview: Callable[..., Any]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        preview(registered_from="2026-03-01", registered_to="2026-02-01")

    assert refused.value.field == "registered_to"
    assert refused.value.params["rule"] == "date_range"


def test_an_unknown_channel_is_refused(preview: Callable[..., Any]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        preview(channel="pigeon")

    assert refused.value.params["rule"] == "choice"


def test_mobiles_are_masked_for_a_pharmacist_and_whole_for_a_receptionist(
    database: Database, actor_for: Callable[[Role], Actor], customers: None
) -> None:
    # Neither role may run reports (REPORT_RUN), so the row source is asked directly: it is
    # the rows, not the report screen, that must never carry a number the role may not see.
    def mobiles(role: Role) -> list[str]:
        with database.unit_of_work(actor_for(role), read_only=True) as uow:
            rows = CUSTOMER_LIST.run(uow, {}, SilentProgress())
            return [str(row["mobile"]) for row in rows]

    assert mobiles(Role.PHARMACIST) == ["138****5678", "139****1111", "", "137****2222"]
    assert mobiles(Role.RECEPTIONIST) == ["13812345678", "13900001111", "", "13700002222"]


def test_a_receptionist_neither_sees_nor_runs_the_report(
    preview: Callable[..., Any], actor_for: Callable[[Role], Actor]
) -> None:
    assert CUSTOMER_LIST not in list_reports(actor_for(Role.RECEPTIONIST))
    assert CUSTOMER_LIST in list_reports(actor_for(Role.BRANCH_MANAGER))

    with pytest.raises(PermissionDenied):
        preview(Role.RECEPTIONIST)


def test_the_manager_prints_and_exports_the_list(
    database: Database,
    actor_for: Callable[[Role], Actor],
    customers: None,
    tmp_path: Path,
) -> None:
    with database.unit_of_work(actor_for(Role.BRANCH_MANAGER), read_only=True) as uow:
        values = {"channel": "online"}
        document = build_document(
            uow, key=KEY, values=values, site_name="北京总部", progress=SilentProgress()
        )
        pdf = render_table_pdf(document, tmp_path / "客户名单.pdf")
        again = build_document(
            uow, key=KEY, values=values, site_name="北京总部", progress=SilentProgress()
        )
        xlsx = export_table_xlsx(again, tmp_path / "客户名单.xlsx")

    assert document.row_count_hint == 2
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "客户名单" in text
    assert "开发渠道：网络" in text
    for header in ("档案号", "姓名", "性别", "年龄", "手机", "会员类型", "所属中心", "登记时间"):
        assert header in text
    assert "张三" in text and "赵六" in text and "上海中心" in text
    assert "李四" not in text
    assert "2026-01-10 10:00" in text
    assert "第1页/共1页" in flat

    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    assert [cell.value for cell in sheet["B"]] == ["姓名", "张三", "赵六"]
    assert sheet["J2"].value == datetime(2026, 1, 10, 10, 0)
