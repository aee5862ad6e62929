"""Reports of the front desk: arrivals by visit class and channel (到访分类统计)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.domain.triage_policy import Rotation
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.models.front_desk import Arrival
from lorch_desk.services.customer_reports import CHANNEL_LABELS
from lorch_desk.services.report_queries import stream_rows, within_clinic_days
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

AREA = "front_desk"

VISIT_CLASS_LABELS: dict[str, Label] = {
    VisitClass.FIRST_VISIT: Label("初诊", "First visit"),
    VisitClass.REVISIT: Label("复诊/复查", "Revisit / recheck"),
    VisitClass.REPEAT_PURCHASE: Label("再消费", "Repeat purchase"),
    VisitClass.OTHER: Label("其他", "Other"),
}
NO_CHANNEL = Label("未填写", "Not given")

PARAMETERS = (
    ReportParameter("arrived_from", Label("到访日期从", "Arrived from"), ParameterKind.DATE),
    ReportParameter("arrived_to", Label("到访日期至", "Arrived to"), ParameterKind.DATE),
)
COLUMNS = (
    Column("visit_class", Label("到访类型", "Visit class"), ColumnKind.TEXT, 12),
    Column("channel", Label("渠道", "Channel"), ColumnKind.TEXT, 12),
    Column("arrivals", Label("到访人次", "Arrivals"), ColumnKind.INTEGER, 10),
    Column("small_rotation", Label("小轮排", "Small rotation"), ColumnKind.INTEGER, 10),
    Column("not_counted", Label("不占诊", "No turn taken"), ColumnKind.INTEGER, 10),
)


def list_arrival_class_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Arrivals of the period at this site (each as its newest correction) by class and channel."""
    small = func.sum(case((Arrival.rotation == Rotation.SMALL.value, 1), else_=0))
    not_counted = func.sum(case((Arrival.not_counted_reason.is_not(None), 1), else_=0))
    statement = (
        _filtered(
            select(Arrival.visit_class, Arrival.channel, func.count(), small, not_counted),
            uow,
            parameters,
        )
        .group_by(Arrival.visit_class, Arrival.channel)
        .order_by(Arrival.visit_class, Arrival.channel)
    )

    def make_row(row: Any) -> dict[str, object]:
        visit_class, channel, count, small_count, not_counted_count = row
        return {
            "visit_class": VISIT_CLASS_LABELS.get(visit_class, visit_class),
            "channel": CHANNEL_LABELS.get(channel, channel) if channel else NO_CHANNEL,
            "arrivals": int(count),
            "small_rotation": int(small_count or 0),
            "not_counted": int(not_counted_count or 0),
        }

    return stream_rows(uow, statement, make_row)


def _filtered(
    statement: Select[Any], uow: UnitOfWork, parameters: Mapping[str, object]
) -> Select[Any]:
    newer = aliased(Arrival)
    statement = statement.select_from(Arrival).where(
        Arrival.site_id == uow.actor.site_id,
        Arrival.deleted_at.is_(None),
        ~exists().where(newer.corrects_arrival_id == Arrival.id),
    )
    return within_clinic_days(
        statement, Arrival.arrived_at, parameters, start_key="arrived_from", end_key="arrived_to"
    )


ARRIVALS_BY_CLASS = ReportDefinition(
    key="front_desk.arrivals_by_class",
    area=AREA,
    title=Label("到访分类统计(类型×渠道)", "Arrivals by class and channel"),
    parameters=PARAMETERS,
    columns=COLUMNS,
    action=Action.REPORT_RUN,
    run=list_arrival_class_rows,
)

REPORTS = (ARRIVALS_BY_CLASS,)
