"""Reports of the audit area: who changed, opened or revealed what, and when (审计日志)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Select, func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.table_names import TABLE_NAMES, table_name_label
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.audit import AuditEntry
from lorch_desk.services.report_queries import stream_rows, within_clinic_days
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

AREA = "audit"

ACTION_LABELS: dict[str, Label] = {
    "create": Label("新建", "Created"),
    "update": Label("修改", "Changed"),
    "delete": Label("删除", "Deleted"),
    "read": Label("查阅健康档案", "Opened health file"),
    "reveal": Label("查看完整号码", "Revealed contact"),
}

AUDIT_LOG_PARAMETERS = (
    ReportParameter("from_date", Label("日期从", "From"), ParameterKind.DATE),
    ReportParameter("to_date", Label("日期至", "To"), ParameterKind.DATE),
    ReportParameter(
        "action",
        Label("操作", "Action"),
        ParameterKind.CHOICE,
        choices=tuple(ACTION_LABELS.items()),
    ),
    ReportParameter(
        "table",
        Label("对象", "Record kind"),
        ParameterKind.CHOICE,
        choices=tuple(TABLE_NAMES.items()),
    ),
    ReportParameter("user", Label("操作人", "User"), ParameterKind.TEXT),
)

AUDIT_LOG_COLUMNS = (
    Column("at", Label("时间", "Time"), ColumnKind.DATETIME, 16),
    Column("user", Label("操作人", "User"), ColumnKind.TEXT, 12),
    Column("action", Label("操作", "Action"), ColumnKind.TEXT, 12),
    Column("table", Label("对象", "Record kind"), ColumnKind.TEXT, 10),
    Column("row_id", Label("记录编号", "Record id"), ColumnKind.TEXT, 20),
    Column("changes", Label("变更内容", "Changes"), ColumnKind.TEXT, 60),
)


def list_audit_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Audit entries matching the filters, newest first."""
    statement = _filtered(
        select(
            AuditEntry.created_at,
            AuditEntry.actor_name,
            AuditEntry.action,
            AuditEntry.table_name,
            AuditEntry.row_id,
            AuditEntry.changes,
        ),
        parameters,
    ).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    return _rows(uow, statement)


def count_audit_rows(uow: UnitOfWork, parameters: Mapping[str, object]) -> int:
    return int(uow.session.execute(_filtered(select(func.count()), parameters)).scalar_one())


def describe_changes(changes: Mapping[str, Any]) -> str:
    """`field: before → after` for each changed field, in one line."""
    parts = []
    for field, values in changes.items():
        is_pair = isinstance(values, list) and len(values) == 2
        before, after = values if is_pair else (None, values)
        parts.append(f"{field}: {_shown(before)} → {_shown(after)}")
    return "; ".join(parts)


AUDIT_LOG = ReportDefinition(
    key="audit.audit_log",
    area=AREA,
    title=Label("审计日志", "Audit log"),
    parameters=AUDIT_LOG_PARAMETERS,
    columns=AUDIT_LOG_COLUMNS,
    action=Action.AUDIT_VIEW,
    run=list_audit_rows,
    count=count_audit_rows,
)

REPORTS = (AUDIT_LOG,)


def _shown(value: object) -> str:
    return "∅" if value in (None, "") else str(value)


def _filtered(statement: Select[Any], parameters: Mapping[str, object]) -> Select[Any]:
    statement = within_clinic_days(
        statement.select_from(AuditEntry),
        AuditEntry.created_at,
        parameters,
        start_key="from_date",
        end_key="to_date",
    )
    if parameters.get("action"):
        statement = statement.where(AuditEntry.action == parameters["action"])
    if parameters.get("table"):
        statement = statement.where(AuditEntry.table_name == parameters["table"])
    user = parameters.get("user")
    if isinstance(user, str) and user.strip():
        statement = statement.where(AuditEntry.actor_name == user.strip())
    return statement


def _rows(uow: UnitOfWork, statement: Select[Any]) -> Iterator[dict[str, object]]:
    def make_row(row: Any) -> dict[str, object]:
        at, user, action, table, row_id, changes = row
        return {
            "at": at,
            "user": user,
            "action": ACTION_LABELS.get(action, action),
            "table": table_name_label(table),
            "row_id": row_id,
            "changes": describe_changes(changes or {}),
        }

    return stream_rows(uow, statement, make_row)
