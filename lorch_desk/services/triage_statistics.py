"""Triage statistics per consultant per day or month (分诊统计), from the stored triage days.

Turns, skips, directed and reassigned customers and waits come from replaying each day's
triage events; consultations and deals closed come from the consultation records (their
newest versions), so the conversion rate is deals closed per consultation recorded.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import case, func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain import triage as engine
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.consultations import ConsultationOutcome, conversion_rate
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.front_desk import RecordedTriageEvent
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import triage
from lorch_desk.services.access import require
from lorch_desk.services.consultations import current_records
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

AREA = "triage"
# A report spans at most this many days: each day is replayed from its events.
MAX_DAYS = 400
BY_DAY, BY_MONTH = "day", "month"


@dataclass(slots=True)
class ConsultantPeriodStats:
    """One consultant's figures over a day or a month."""

    period: str
    consultant_id: str
    first_visits_received: int = 0
    counted_turns: int = 0
    not_counted_received: int = 0
    skips: int = 0
    directed: int = 0
    reassigned_in: int = 0
    reassigned_out: int = 0
    waits: list[timedelta] = field(default_factory=list)
    consultations: int = 0
    deals_closed: int = 0

    @property
    def average_wait_minutes(self) -> float | None:
        if not self.waits:
            return None
        return round(sum(self.waits, timedelta()).total_seconds() / 60 / len(self.waits), 1)

    @property
    def longest_wait_minutes(self) -> float | None:
        return round(max(self.waits).total_seconds() / 60, 1) if self.waits else None

    @property
    def conversion_rate(self) -> float | None:
        return conversion_rate(self.deals_closed, self.consultations)


def consultant_statistics(
    uow: UnitOfWork, *, start: date, end: date, by: str = BY_DAY
) -> list[ConsultantPeriodStats]:
    """Each consultant's triage and conversion figures per day or month from start to end."""
    require(uow.actor, Action.REPORT_RUN)
    if start > end:
        raise ValidationFailed(field="date_to", rule="date_range")
    if (end - start).days >= MAX_DAYS:
        raise ValidationFailed(field="date_to", rule="too_large", maximum=MAX_DAYS)
    if by not in (BY_DAY, BY_MONTH):
        raise ValidationFailed(field="period", rule="invalid_choice")
    table: dict[tuple[str, str], ConsultantPeriodStats] = {}

    def entry(day: date, consultant_id: str) -> ConsultantPeriodStats:
        period = day.isoformat() if by == BY_DAY else f"{day:%Y-%m}"
        key = (period, consultant_id)
        if key not in table:
            table[key] = ConsultantPeriodStats(period, consultant_id)
        return table[key]

    for day in _triage_days(uow, start, end):
        state = triage.load_day(uow, day=day, lock=False)
        for consultant_id, stats in engine.statistics(state).items():
            row = entry(day, consultant_id)
            row.first_visits_received += stats.first_visits_received
            row.counted_turns += stats.counted_turns + stats.small_rotation_turns
            row.not_counted_received += stats.not_counted_received
            row.skips += stats.skips
            row.directed += stats.directed
            row.reassigned_in += stats.reassigned_in
            row.reassigned_out += stats.reassigned_out
            row.waits.extend(stats.waits)
    records = current_records().subquery()
    closed = func.sum(
        case((records.c.outcome == ConsultationOutcome.DEAL_CLOSED.value, 1), else_=0)
    )
    for day, consultant_id, count, deals in uow.session.execute(
        select(records.c.day, records.c.consultant_id, func.count(), closed)
        .where(
            records.c.site_id == uow.actor.site_id,
            records.c.day >= start,
            records.c.day <= end,
        )
        .group_by(records.c.day, records.c.consultant_id)
    ):
        row = entry(day, str(consultant_id))
        row.consultations += count
        row.deals_closed += int(deals or 0)
    return sorted(table.values(), key=lambda r: (r.period, r.consultant_id))


def _triage_days(uow: UnitOfWork, start: date, end: date) -> list[date]:
    return list(
        uow.session.scalars(
            select(RecordedTriageEvent.day)
            .where(
                RecordedTriageEvent.site_id == uow.actor.site_id,
                RecordedTriageEvent.day >= start,
                RecordedTriageEvent.day <= end,
            )
            .distinct()
            .order_by(RecordedTriageEvent.day)
        )
    )


# --- the report ---------------------------------------------------------------------------------

PARAMETERS = (
    ReportParameter("date_from", Label("日期从", "From"), ParameterKind.DATE),
    ReportParameter("date_to", Label("日期至", "To"), ParameterKind.DATE),
    ReportParameter(
        "period",
        Label("统计周期", "Period"),
        ParameterKind.CHOICE,
        choices=((BY_DAY, Label("按日", "By day")), (BY_MONTH, Label("按月", "By month"))),
        default=BY_DAY,
    ),
)
COLUMNS = (
    Column("period", Label("日期/月份", "Day / month"), ColumnKind.TEXT, 10),
    Column("consultant", Label("咨询师", "Consultant"), ColumnKind.TEXT, 10),
    Column("first_visits", Label("初诊接待", "First visits"), ColumnKind.INTEGER, 7),
    Column("counted_turns", Label("占诊轮次", "Counted turns"), ColumnKind.INTEGER, 7),
    Column("not_counted", Label("不占诊接待", "Not counted"), ColumnKind.INTEGER, 7),
    Column("skips", Label("跳诊", "Skips"), ColumnKind.INTEGER, 6),
    Column("directed", Label("点诊", "Directed"), ColumnKind.INTEGER, 6),
    Column("reassigned", Label("改派(入/出)", "Reassigned in/out"), ColumnKind.TEXT, 8),
    Column("average_wait", Label("平均等候(分)", "Avg wait (min)"), ColumnKind.DECIMAL, 8),
    Column("longest_wait", Label("最长等候(分)", "Max wait (min)"), ColumnKind.DECIMAL, 8),
    Column("consultations", Label("咨询记录", "Consultations"), ColumnKind.INTEGER, 7),
    Column("deals_closed", Label("成交", "Deals closed"), ColumnKind.INTEGER, 6),
    Column("conversion", Label("成交率(%)", "Conversion (%)"), ColumnKind.DECIMAL, 8),
)


def list_statistics_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """The report's rows; without dates, the current month up to today."""
    today = clinic_today()
    start = parameters.get("date_from")
    end = parameters.get("date_to")
    start = start if isinstance(start, date) else today.replace(day=1)
    end = end if isinstance(end, date) else today
    by = str(parameters.get("period") or BY_DAY)
    rows = consultant_statistics(uow, start=start, end=end, by=by)
    names = _names(uow, {r.consultant_id for r in rows})
    return iter(
        [
            {
                "period": row.period,
                "consultant": names.get(row.consultant_id, row.consultant_id),
                "first_visits": row.first_visits_received,
                "counted_turns": row.counted_turns,
                "not_counted": row.not_counted_received,
                "skips": row.skips,
                "directed": row.directed,
                "reassigned": f"{row.reassigned_in}/{row.reassigned_out}",
                "average_wait": row.average_wait_minutes,
                "longest_wait": row.longest_wait_minutes,
                "consultations": row.consultations,
                "deals_closed": row.deals_closed,
                "conversion": round(row.conversion_rate * 100, 1)
                if row.conversion_rate is not None
                else None,
            }
            for row in rows
        ]
    )


def _names(uow: UnitOfWork, ids: set[str]) -> dict[str, str]:
    valid = []
    for value in ids:
        try:
            valid.append(uuid.UUID(value))
        except ValueError:
            continue
    rows = uow.session.execute(
        select(UserAccount.id, UserAccount.display_name).where(UserAccount.id.in_(valid))
    )
    return {str(user_id): name for user_id, name in rows}


CONSULTANT_STATISTICS = ReportDefinition(
    key="triage.consultant_statistics",
    area=AREA,
    title=Label("咨询师分诊统计", "Triage statistics per consultant"),
    parameters=PARAMETERS,
    columns=COLUMNS,
    action=Action.REPORT_RUN,
    run=list_statistics_rows,
)

REPORTS = (CONSULTANT_STATISTICS,)
