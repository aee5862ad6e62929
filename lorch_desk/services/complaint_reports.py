"""投诉月报: a month's complaints counted by cause, channel and status, overdue, days to close."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_midnight, clinic_time, clinic_today
from lorch_desk.domain.complaints import (
    ComplaintCause,
    ComplaintChannel,
    ComplaintStatus,
    days_to_close,
    is_overdue,
)
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.complaints import Complaint
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter
from lorch_desk.services.satisfaction import month_bounds

AREA = "customer_service"
TOTAL = Label("合计", "Total")
NOT_ANALYSED = Label("未分析", "Not analysed yet")
GROUPS = {
    "cause": Label("原因", "Cause"),
    "channel": Label("渠道", "Channel"),
    "status": Label("状态", "Status"),
}
CAUSES = {
    ComplaintCause.SERVICE: Label("服务", "Service"),
    ComplaintCause.COMMUNICATION: Label("沟通", "Communication"),
    ComplaintCause.PRODUCT: Label("产品", "Product"),
}
CHANNELS = {
    ComplaintChannel.VISIT: Label("来访", "Visit"),
    ComplaintChannel.PHONE: Label("电话", "Phone"),
    ComplaintChannel.WECHAT: Label("微信", "WeChat"),
    ComplaintChannel.ONLINE: Label("网络", "Online"),
    ComplaintChannel.LETTER: Label("信函", "Letter"),
}
STATUSES = {
    ComplaintStatus.RECEIVED: Label("已受理", "Received"),
    ComplaintStatus.ROUTED: Label("已分派", "Routed"),
    ComplaintStatus.INVESTIGATING: Label("调查中", "Investigating"),
    ComplaintStatus.PLANNED: Label("处理中", "Plan in progress"),
    ComplaintStatus.RESOLVED: Label("已解决", "Resolved"),
    ComplaintStatus.CAUSE_FOUND: Label("已分析原因", "Cause analysed"),
    ComplaintStatus.SUMMARISED: Label("已总结", "Summarised"),
    ComplaintStatus.CLOSED: Label("已结案", "Closed"),
}


def complaint_month_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """The month's complaints (by the day received): per cause, channel and status, and total."""
    month = parameters.get("month")
    first, after = month_bounds(month if isinstance(month, date) else clinic_today())
    complaints = uow.session.scalars(
        select(Complaint).where(
            Complaint.site_id == uow.actor.site_id,
            Complaint.deleted_at.is_(None),
            Complaint.received_at >= clinic_midnight(first),
            Complaint.received_at < clinic_midnight(after),
        )
    ).all()
    today = clinic_today()
    groups: dict[tuple[str, object], list[Complaint]] = defaultdict(list)
    for complaint in complaints:
        groups[("cause", complaint.cause or None)].append(complaint)
        groups[("channel", complaint.channel)].append(complaint)
        groups[("status", complaint.status)].append(complaint)
    orders = {
        "cause": [*CAUSES, None],
        "channel": list(CHANNELS),
        "status": list(STATUSES),
    }
    names: dict[str, dict] = {"cause": CAUSES, "channel": CHANNELS, "status": STATUSES}
    for group, values in orders.items():
        for value in values:
            members = groups.get((group, value))
            if members:
                label = names[group].get(value, NOT_ANALYSED)
                yield _row(GROUPS[group], label, members, today)
    yield _row(TOTAL, TOTAL, list(complaints), today)


def _row(group: Label, value: Label, members: list[Complaint], today: date) -> dict[str, object]:
    closed = [c for c in members if c.closed_at is not None]
    days = [
        days_to_close(clinic_time(c.received_at).date(), clinic_time(c.closed_at).date())
        for c in closed
        if c.closed_at is not None
    ]
    return {
        "group": group,
        "value": value,
        "complaints": len(members),
        "overdue": sum(
            is_overdue(ComplaintStatus(c.status), c.plan_deadline, today) for c in members
        ),
        "closed": len(closed),
        "days_to_close": (
            (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if days
            else None
        ),
    }


COMPLAINT_MONTH = ReportDefinition(
    key="customer_service.complaints_month",
    area=AREA,
    title=Label("投诉月报", "Complaints of the month"),
    parameters=(
        ReportParameter("month", Label("月份(任一天)", "Month (any day)"), ParameterKind.DATE),
    ),
    columns=(
        Column("group", Label("分组", "Grouped by"), ColumnKind.TEXT, 8),
        Column("value", Label("项目", "Value"), ColumnKind.TEXT, 12),
        Column("complaints", Label("投诉数", "Complaints"), ColumnKind.INTEGER, 8),
        Column("overdue", Label("逾期", "Overdue"), ColumnKind.INTEGER, 8),
        Column("closed", Label("已结案", "Closed"), ColumnKind.INTEGER, 8),
        Column(
            "days_to_close", Label("平均结案天数", "Average days to close"), ColumnKind.DECIMAL, 12
        ),
    ),
    action=Action.REPORT_RUN,
    run=complaint_month_rows,
)

REPORTS = (COMPLAINT_MONTH,)
