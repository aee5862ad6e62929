"""Satisfaction reports: a month's rate per centre and per consultant (with the triage verdict)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.satisfaction import VISIT_DIMENSIONS, Verdict
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.services.follow_up_reports import AREA, MONTH_RANGE, month_range
from lorch_desk.services.reports import ReportDefinition
from lorch_desk.services.satisfaction import (
    SatisfactionSummaryRow,
    centre_summaries,
    consultant_summaries,
)

DIMENSION_LABELS = {
    "service_quality": Label("服务质量", "Service quality"),
    "service_effect": Label("服务效果", "Effect of the service"),
    "products": Label("产品", "Products"),
    "service_attitude": Label("服务态度", "Service attitude"),
    "follow_up_service": Label("后续服务跟进", "Follow-up service"),
    "problem_solving": Label("问题解决", "Problem solving"),
}
VERDICT_LABELS = {
    Verdict.KEEP: Label("正常", "Keep"),
    Verdict.SUSPEND_A_WEEK: Label("停诊一周", "Suspend for a week"),
    Verdict.OFF_THE_POST: Label("调离岗位", "Off the post"),
    Verdict.TOO_FEW_SURVEYS: Label("样本不足", "Too few surveys"),
}
_COUNTS = (
    Column("month", Label("月份", "Month"), ColumnKind.TEXT, 8),
    Column("name", Label("名称", "Name"), ColumnKind.TEXT, 12),
    Column("surveys", Label("调查数", "Surveys"), ColumnKind.INTEGER, 8),
    Column("satisfied", Label("满意数", "Satisfied"), ColumnKind.INTEGER, 8),
    Column("rate", Label("满意率%", "Satisfaction %"), ColumnKind.DECIMAL, 9),
    Column("overall", Label("平均分", "Mean score"), ColumnKind.DECIMAL, 8),
)
_DIMENSIONS = tuple(
    Column(dimension, DIMENSION_LABELS[dimension], ColumnKind.DECIMAL, 8)
    for dimension in VISIT_DIMENSIONS
)


def _months(parameters: Mapping[str, object]) -> Iterator[date]:
    month, last = month_range(parameters)
    while month < last:
        yield month
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _row(summary: SatisfactionSummaryRow) -> dict[str, object]:
    return {
        "month": summary.month.strftime("%Y-%m"),
        "name": summary.name,
        "surveys": summary.surveys,
        "satisfied": summary.satisfied,
        "rate": summary.rate,
        "overall": summary.overall,
        **dict(summary.dimensions),
        "verdict": VERDICT_LABELS[summary.verdict] if summary.verdict else None,
    }


def centre_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per month and centre: surveys, satisfied, rate, mean scores."""
    for month in _months(parameters):
        yield from (_row(summary) for summary in centre_summaries(uow, month=month))


def consultant_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per month and consultant: the rate and what it means for the rotation."""
    for month in _months(parameters):
        yield from (_row(summary) for summary in consultant_summaries(uow, month=month))


BY_CENTRE = ReportDefinition(
    key="customer_service.satisfaction_by_centre",
    area=AREA,
    title=Label("客户满意度(按中心、月份)", "Customer satisfaction by centre and month"),
    parameters=MONTH_RANGE,
    columns=_COUNTS + _DIMENSIONS,
    action=Action.SURVEY_VIEW,
    run=centre_rows,
)
BY_CONSULTANT = ReportDefinition(
    key="customer_service.satisfaction_by_consultant",
    area=AREA,
    title=Label("咨询师满意度(按月份)", "Consultants' satisfaction by month"),
    parameters=MONTH_RANGE,
    columns=_COUNTS
    + (Column("verdict", Label("分诊处理", "Triage consequence"), ColumnKind.TEXT, 10),),
    action=Action.SURVEY_VIEW,
    run=consultant_rows,
)

REPORTS = (BY_CENTRE, BY_CONSULTANT)
