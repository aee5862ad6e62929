"""呼叫中心月报: each agent's calls of a month and the supervisor's average quality score."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.services.call_reviews import agent_month_summary
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

AREA = "customer_service"


def agent_month_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """One line per agent: inbound and outbound calls, calls reviewed, average quality."""
    month = parameters.get("month")
    month = month if isinstance(month, date) else clinic_today()
    for row in agent_month_summary(uow, year=month.year, month=month.month):
        yield {
            "agent": row.agent_name,
            "inbound": row.inbound,
            "outbound": row.outbound,
            "reviewed": row.reviewed,
            "quality": row.average_percent,
        }


AGENT_MONTH = ReportDefinition(
    key="customer_service.call_agents_month",
    area=AREA,
    title=Label("呼叫中心坐席月度质量", "Call centre agents of the month"),
    parameters=(
        ReportParameter("month", Label("月份(任一天)", "Month (any day)"), ParameterKind.DATE),
    ),
    columns=(
        Column("agent", Label("坐席", "Agent"), ColumnKind.TEXT, 10),
        Column("inbound", Label("呼入", "Inbound"), ColumnKind.INTEGER, 8),
        Column("outbound", Label("呼出", "Outbound"), ColumnKind.INTEGER, 8),
        Column("reviewed", Label("已评估", "Reviewed"), ColumnKind.INTEGER, 8),
        Column("quality", Label("平均质量分%", "Average quality %"), ColumnKind.DECIMAL, 12),
    ),
    action=Action.CALL_REVIEW,
    run=agent_month_rows,
)

REPORTS = (AGENT_MONTH,)
