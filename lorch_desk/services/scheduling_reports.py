"""Reports of inquiries and appointments: leads by channel and their conversion; show / no-show."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import case, func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.inquiries import InquiryStatus
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.appointments import Appointment
from lorch_desk.models.base import utc_now
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.inquiries import Inquiry
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.appointments import AppointmentStatus
from lorch_desk.services.customer_reports import CHANNEL_LABELS
from lorch_desk.services.report_queries import within_clinic_days
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

AREA = "front_desk"
NO_CHANNEL = Label("未填写", "Not given")
NOBODY = Label("仅房间", "Room only")

_INQUIRY_PARAMETERS = (
    ReportParameter("inquired_from", Label("咨询日期从", "Inquired from"), ParameterKind.DATE),
    ReportParameter("inquired_to", Label("咨询日期至", "Inquired to"), ParameterKind.DATE),
)
_INQUIRY_COLUMNS = (
    Column("channel", Label("开发渠道", "Channel"), ColumnKind.TEXT, 12),
    Column("inquiries", Label("咨询数", "Inquiries"), ColumnKind.INTEGER, 8),
    Column("booked", Label("已预约", "Booked"), ColumnKind.INTEGER, 8),
    Column("arrived", Label("已到院", "Arrived"), ColumnKind.INTEGER, 8),
    Column("lost", Label("无效", "Lost"), ColumnKind.INTEGER, 8),
    Column(
        "potential", Label("潜在客户(未到院)", "Potential (never arrived)"), ColumnKind.INTEGER, 12
    ),
    Column("conversion", Label("到院转化率%", "Conversion to arrival %"), ColumnKind.DECIMAL, 10),
)


def inquiry_conversion_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per channel: leads, booked, arrived (an arrival references the lead), lost, potential."""
    arrived = select(Arrival.id).where(Arrival.inquiry_id == Inquiry.id).limit(1).exists()
    booked = select(Appointment.id).where(Appointment.inquiry_id == Inquiry.id).limit(1).exists()
    statement = within_clinic_days(
        select(
            Inquiry.channel,
            func.count(),
            func.sum(case((booked, 1), else_=0)),
            func.sum(case((arrived, 1), else_=0)),
            func.sum(case((Inquiry.status == InquiryStatus.LOST.value, 1), else_=0)),
        )
        .where(Inquiry.site_id == uow.actor.site_id, Inquiry.deleted_at.is_(None))
        .group_by(Inquiry.channel)
        .order_by(func.count().desc(), Inquiry.channel),
        Inquiry.inquired_at,
        parameters,
        start_key="inquired_from",
        end_key="inquired_to",
    )
    for channel, total, booked_count, arrived_count, lost in uow.session.execute(statement):
        arrived_count = int(arrived_count or 0)
        yield {
            "channel": CHANNEL_LABELS.get(channel, channel) if channel else NO_CHANNEL,
            "inquiries": int(total),
            "booked": int(booked_count or 0),
            "arrived": arrived_count,
            "lost": int(lost or 0),
            "potential": int(total) - arrived_count,
            "conversion": _percent(arrived_count, int(total)),
        }


INQUIRY_CONVERSION = ReportDefinition(
    key="front_desk.inquiry_conversion",
    area=AREA,
    title=Label("咨询渠道及到院转化", "Inquiries by channel and conversion to arrivals"),
    parameters=_INQUIRY_PARAMETERS,
    columns=_INQUIRY_COLUMNS,
    action=Action.REPORT_RUN,
    run=inquiry_conversion_rows,
)

_SHOW_PARAMETERS = (
    ReportParameter("day_from", Label("预约日期从", "Booked for, from"), ParameterKind.DATE),
    ReportParameter("day_to", Label("预约日期至", "Booked for, to"), ParameterKind.DATE),
)
_SHOW_COLUMNS = (
    Column("day", Label("日期", "Date"), ColumnKind.DATE, 11),
    Column("staff", Label("医生/咨询师", "Doctor / consultant"), ColumnKind.TEXT, 12),
    Column("booked", Label("预约数", "Booked"), ColumnKind.INTEGER, 8),
    Column("shown", Label("到诊", "Show"), ColumnKind.INTEGER, 8),
    Column("no_show", Label("爽约", "No-show"), ColumnKind.INTEGER, 8),
    Column("cancelled", Label("取消", "Cancelled"), ColumnKind.INTEGER, 8),
    Column("show_rate", Label("到诊率%", "Show rate %"), ColumnKind.DECIMAL, 9),
)


def show_no_show_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per day and person: bookings, shows (checked in), no-shows (past, never checked in)."""
    now = utc_now()
    status = Appointment.status
    statement = (
        select(
            Appointment.day,
            UserAccount.display_name,
            func.sum(case((status != AppointmentStatus.CANCELLED.value, 1), else_=0)),
            func.sum(case((status == AppointmentStatus.CHECKED_IN.value, 1), else_=0)),
            func.sum(
                case(
                    ((status == AppointmentStatus.BOOKED.value) & (Appointment.ends_at < now), 1),
                    else_=0,
                )
            ),
            func.sum(case((status == AppointmentStatus.CANCELLED.value, 1), else_=0)),
        )
        .outerjoin(UserAccount, UserAccount.id == Appointment.staff_id)
        .where(Appointment.site_id == uow.actor.site_id, Appointment.deleted_at.is_(None))
        .group_by(Appointment.day, UserAccount.display_name)
        .order_by(Appointment.day, UserAccount.display_name)
    )
    start, end = parameters.get("day_from"), parameters.get("day_to")
    if isinstance(start, date):
        statement = statement.where(Appointment.day >= start)
    if isinstance(end, date):
        statement = statement.where(Appointment.day <= end)
    for day, staff, booked, shown, no_show, cancelled in uow.session.execute(statement):
        shown, no_show = int(shown or 0), int(no_show or 0)
        yield {
            "day": day,
            "staff": staff or NOBODY,
            "booked": int(booked or 0),
            "shown": shown,
            "no_show": no_show,
            "cancelled": int(cancelled or 0),
            "show_rate": _percent(shown, shown + no_show),
        }


SHOW_NO_SHOW = ReportDefinition(
    key="front_desk.appointment_show_rate",
    area=AREA,
    title=Label("预约到诊与爽约", "Appointments: show and no-show"),
    parameters=_SHOW_PARAMETERS,
    columns=_SHOW_COLUMNS,
    action=Action.REPORT_RUN,
    run=show_no_show_rows,
)

REPORTS = (INQUIRY_CONVERSION, SHOW_NO_SHOW)


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
