"""A consultant's month below 90 % satisfaction suspends them for a week (seed 003).

The supervisor applies it from the monthly summary; the triage service keeps it as a stored
suspension (kind "satisfaction") whose source names the consultant's month, so one month
suspends once. Below 80 % the consultant is also to be moved off the post, which is the
manager's decision outside the software; the week's suspension applies meanwhile.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.satisfaction import Verdict
from lorch_desk.models.base import utc_now
from lorch_desk.models.front_desk import ConsultantSuspension
from lorch_desk.services import triage
from lorch_desk.services.access import require
from lorch_desk.services.satisfaction import SatisfactionSummaryRow, consultant_satisfaction
from lorch_desk.services.triage_suspensions import SuspensionKind

SATISFACTION_SUSPENSION = timedelta(days=7)
_SUSPENDING = frozenset({Verdict.SUSPEND_A_WEEK, Verdict.OFF_THE_POST})
_MONTH_NAMESPACE = uuid.UUID("0b4f5d1e-6c58-4d8e-9a43-3f3f1f6e2a90")


def month_source_id(consultant_id: uuid.UUID, month: date) -> uuid.UUID:
    """The stable id of a consultant's month, the source of its suspension."""
    return uuid.uuid5(_MONTH_NAMESPACE, f"{consultant_id}:{month:%Y-%m}")


def suspend_consultant_for_satisfaction(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, month: date, now: datetime | None = None
) -> SatisfactionSummaryRow:
    """停诊一周: take a consultant whose month fell below the rule off the rotation for a week."""
    require(uow.actor, Action.TRIAGE_DIRECT)
    now = now or utc_now()
    summary = consultant_satisfaction(uow, consultant_id=consultant_id, month=month)
    if summary is None or summary.verdict not in _SUSPENDING:
        raise ValidationFailed(field="consultant_id", rule="no_satisfaction_suspension")
    source_id = month_source_id(consultant_id, summary.month)
    already = uow.session.scalar(
        select(ConsultantSuspension.id).where(ConsultantSuspension.source_id == source_id)
    )
    if already is not None:
        raise ValidationFailed(field="consultant_id", rule="already_suspended")
    triage.suspend_consultant(
        uow,
        consultant_id=consultant_id,
        until=now + SATISFACTION_SUSPENSION,
        now=now,
        reason=f"satisfaction {summary.month:%Y-%m} {summary.rate}%",
        kind=SuspensionKind.SATISFACTION,
        source_id=source_id,
    )
    return summary
