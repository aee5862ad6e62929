"""Reports of follow-up calls: completion per staff member and month; each centre's top 10
customers by spend of a month, whom headquarters phones (seed 000)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_midnight, clinic_time
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.follow_ups import TaskStatus
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.satisfaction import rate_percent
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.base import utc_now
from lorch_desk.models.follow_ups import FollowUpCall, FollowUpTask
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.follow_up_top_customers import list_top_customers
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter
from lorch_desk.services.satisfaction import month_bounds

AREA = "customer_service"
POOL = Label("客服公共池", "Customer-service pool")

MONTH_RANGE = (
    ReportParameter(
        "month_from", Label("起始月份(任一天)", "From month (any day)"), ParameterKind.DATE
    ),
    ReportParameter(
        "month_to", Label("截止月份(任一天)", "To month (any day)"), ParameterKind.DATE
    ),
)


def month_range(parameters: Mapping[str, object]) -> tuple[date, date]:
    """First day of the first month and of the month after the last (this month by default)."""
    start = parameters.get("month_from")
    start = start if isinstance(start, date) else clinic_time(utc_now()).date()
    end = parameters.get("month_to")
    end = end if isinstance(end, date) else start
    first, last = month_bounds(start)[0], month_bounds(end)[1]
    if last <= first:
        raise ValidationFailed(field="month_to", rule="date_range")
    return first, last


def completion_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per month and staff member: calls due, done, the completion rate and effective calls."""
    first, last = month_range(parameters)
    tasks = uow.session.execute(
        select(FollowUpTask.due_on, FollowUpTask.status, UserAccount.display_name)
        .outerjoin(UserAccount, UserAccount.id == FollowUpTask.assignee_id)
        .where(
            FollowUpTask.site_id == uow.actor.site_id,
            FollowUpTask.due_on >= first,
            FollowUpTask.due_on < last,
            FollowUpTask.deleted_at.is_(None),
        )
    )
    due: Counter[tuple[date, str]] = Counter()
    done: Counter[tuple[date, str]] = Counter()
    for due_on, status, name in tasks:
        key = (due_on.replace(day=1), name or "")
        due[key] += 1
        done[key] += status == TaskStatus.DONE.value
    effective: Counter[tuple[date, str]] = Counter()
    calls = uow.session.execute(
        select(FollowUpCall.called_at, UserAccount.display_name)
        .join(UserAccount, UserAccount.id == FollowUpCall.caller_id)
        .where(
            FollowUpCall.site_id == uow.actor.site_id,
            FollowUpCall.is_effective.is_(True),
            FollowUpCall.called_at >= clinic_midnight(first),
            FollowUpCall.called_at < clinic_midnight(last),
        )
    )
    for called_at, name in calls:
        effective[(clinic_time(called_at).date().replace(day=1), name)] += 1
    for month, name in sorted(set(due) | set(effective)):
        key = (month, name)
        yield {
            "month": month.strftime("%Y-%m"),
            "staff": name or POOL,
            "due": due[key],
            "done": done[key],
            "completion": rate_percent(done[key], due[key]),
            "effective": effective[key],
        }


COMPLETION = ReportDefinition(
    key="customer_service.follow_up_completion",
    area=AREA,
    title=Label("回访完成情况(按人员、月份)", "Follow-up completion by staff and month"),
    parameters=MONTH_RANGE,
    columns=(
        Column("month", Label("月份", "Month"), ColumnKind.TEXT, 8),
        Column("staff", Label("回访人员", "Staff"), ColumnKind.TEXT, 12),
        Column("due", Label("应回访", "Due"), ColumnKind.INTEGER, 8),
        Column("done", Label("已完成", "Done"), ColumnKind.INTEGER, 8),
        Column("completion", Label("完成率%", "Completion %"), ColumnKind.DECIMAL, 9),
        Column("effective", Label("有效回访", "Effective calls"), ColumnKind.INTEGER, 9),
    ),
    action=Action.REPORT_RUN,
    run=completion_rows,
)


def top_customer_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Each centre's ten customers with the highest net spend of the month, highest first."""
    first, _last = month_range({"month_from": parameters.get("month")})
    for row in list_top_customers(uow, month=first):
        yield {
            "centre": row.centre,
            "rank": row.rank,
            "customer": row.customer_name,
            "file_number": row.file_number,
            "spend": row.spend,
            "sales": row.sales,
        }


TOP_SPENDERS = ReportDefinition(
    key="customer_service.top_customers",
    area=AREA,
    title=Label(
        "各中心月度消费前10名客户(总部回访)", "Top 10 customers by spend per centre (HQ calls)"
    ),
    parameters=(
        ReportParameter("month", Label("月份(任一天)", "Month (any day)"), ParameterKind.DATE),
    ),
    columns=(
        Column("centre", Label("中心", "Centre"), ColumnKind.TEXT, 12),
        Column("rank", Label("名次", "Rank"), ColumnKind.INTEGER, 6),
        Column("customer", Label("客户", "Customer"), ColumnKind.TEXT, 10),
        Column("file_number", Label("档案号", "File number"), ColumnKind.TEXT, 16),
        Column("spend", Label("消费金额", "Spend"), ColumnKind.MONEY, 12),
        Column("sales", Label("消费次数", "Sales"), ColumnKind.INTEGER, 8),
    ),
    action=Action.REPORT_RUN,
    run=top_customer_rows,
)

REPORTS = (COMPLETION, TOP_SPENDERS)
