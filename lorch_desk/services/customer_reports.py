"""Reports of the customers area: the customer list (客户名单)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Select, func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import Channel, Gender, MemberType, age_on, clinic_today
from lorch_desk.domain.labels import Label
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.customer import Customer
from lorch_desk.models.organisation import Site
from lorch_desk.services.report_queries import stream_rows, within_clinic_days
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

AREA = "customers"

GENDER_LABELS: dict[str, Label] = {
    Gender.MALE: Label("男", "Male"),
    Gender.FEMALE: Label("女", "Female"),
    Gender.UNKNOWN: Label("未知", "Unknown"),
}
MEMBER_TYPE_LABELS: dict[str, Label] = {
    MemberType.ORDINARY: Label("普通", "Ordinary"),
    MemberType.SILVER: Label("银卡", "Silver"),
    MemberType.PLATINUM: Label("白金卡", "Platinum"),
    MemberType.PREMIER: Label("尊享", "Premier"),
}
CHANNEL_LABELS: dict[str, Label] = {
    Channel.AGENCY: Label("渠道商", "Agency"),
    Channel.INSTITUTION: Label("机构", "Institution"),
    Channel.WALK_IN: Label("散客", "Walk-in"),
    Channel.HOTLINE: Label("400热线", "400 hotline"),
    Channel.ONLINE: Label("网络", "Online"),
    Channel.MARKET: Label("市场", "Market"),
    Channel.REFERRAL: Label("转介绍", "Referral"),
}

CUSTOMER_LIST_PARAMETERS = (
    ReportParameter("registered_from", Label("登记日期从", "Registered from"), ParameterKind.DATE),
    ReportParameter("registered_to", Label("登记日期至", "Registered to"), ParameterKind.DATE),
    ReportParameter(
        "channel",
        Label("开发渠道", "Channel"),
        ParameterKind.CHOICE,
        choices=tuple((channel.value, CHANNEL_LABELS[channel]) for channel in Channel),
    ),
    ReportParameter(
        "member_type",
        Label("会员类型", "Member type"),
        ParameterKind.CHOICE,
        choices=tuple((member.value, MEMBER_TYPE_LABELS[member]) for member in MemberType),
    ),
    ReportParameter("site", Label("中心代码", "Site code"), ParameterKind.TEXT),
)

CUSTOMER_LIST_COLUMNS = (
    Column("file_number", Label("档案号", "File no."), ColumnKind.TEXT, 16),
    Column("name", Label("姓名", "Name"), ColumnKind.TEXT, 12),
    Column("gender", Label("性别", "Gender"), ColumnKind.TEXT, 6),
    Column("age", Label("年龄", "Age"), ColumnKind.INTEGER, 6),
    Column("birthday", Label("生日", "Birthday"), ColumnKind.DATE, 11),
    Column("mobile", Label("手机", "Mobile"), ColumnKind.TEXT, 13),
    Column("member_type", Label("会员类型", "Member type"), ColumnKind.TEXT, 10),
    Column("channel", Label("渠道", "Channel"), ColumnKind.TEXT, 10),
    Column("site", Label("所属中心", "Site"), ColumnKind.TEXT, 14),
    Column("registered_at", Label("登记时间", "Registered"), ColumnKind.DATETIME, 16),
)


def list_customer_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """The customers matching the filters by file number, mobiles masked for roles that must."""
    statement = _filtered(
        select(
            Customer.file_number,
            Customer.name,
            Customer.gender,
            Customer.birthday,
            Customer.mobile,
            Customer.member_type,
            Customer.channel,
            Site.name,
            Customer.created_at,
        ),
        parameters,
    ).order_by(Customer.file_number)
    # Checked before the first row is asked for, so a bad range fails at once, not mid-export.
    return _rows(uow, statement)


def count_customer_rows(uow: UnitOfWork, parameters: Mapping[str, object]) -> int:
    """How many customers the list with these filters has."""
    statement = _filtered(select(func.count()), parameters)
    return int(uow.session.execute(statement).scalar_one())


CUSTOMER_LIST = ReportDefinition(
    key="customers.customer_list",
    area=AREA,
    title=Label("客户名单", "Customer list"),
    parameters=CUSTOMER_LIST_PARAMETERS,
    columns=CUSTOMER_LIST_COLUMNS,
    action=Action.REPORT_RUN,
    run=list_customer_rows,
    count=count_customer_rows,
)

REPORTS = (CUSTOMER_LIST,)


def _filtered(statement: Select[Any], parameters: Mapping[str, object]) -> Select[Any]:
    statement = statement.select_from(Customer).join(Site, Site.id == Customer.site_id)
    statement = statement.where(Customer.deleted_at.is_(None))
    statement = within_clinic_days(
        statement,
        Customer.created_at,
        parameters,
        start_key="registered_from",
        end_key="registered_to",
    )
    if parameters.get("channel"):
        statement = statement.where(Customer.channel == parameters["channel"])
    if parameters.get("member_type"):
        statement = statement.where(Customer.member_type == parameters["member_type"])
    site = parameters.get("site")
    if isinstance(site, str) and site:
        statement = statement.where(Site.code == site.upper())
    return statement


def _rows(uow: UnitOfWork, statement: Select[Any]) -> Iterator[dict[str, object]]:
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    today = clinic_today()

    def make_row(row: Any) -> dict[str, object]:
        file_number, name, gender, birthday, mobile, member, channel, site, created = row
        return {
            "file_number": file_number,
            "name": name,
            "gender": GENDER_LABELS.get(gender, GENDER_LABELS[Gender.UNKNOWN]),
            "age": age_on(birthday, today),
            "birthday": birthday,
            "mobile": mask_mobile(mobile) if masked else (mobile or ""),
            "member_type": MEMBER_TYPE_LABELS.get(member, member),
            "channel": CHANNEL_LABELS.get(channel, channel),
            "site": site,
            "registered_at": created,
        }

    return stream_rows(uow, statement, make_row)
