"""A service-attitude complaint suspends the consultant complained about for a day (seed 003).

The supervisor applies it from the complaint once its cause is recorded; the triage service
keeps it as a stored suspension (kind "complaint", the complaint as its source) and takes the
consultant out of today's rotation if they are on it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.complaints import ATTITUDE_SUSPENSION, ComplaintStepKind
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.services import triage
from lorch_desk.services.access import require
from lorch_desk.services.complaint_queries import ComplaintDetail, get_complaint, load_complaint
from lorch_desk.services.complaints import write_step
from lorch_desk.services.triage_suspensions import SuspensionKind


def suspend_consultant_for_complaint(
    uow: UnitOfWork, *, complaint_id: uuid.UUID, now: datetime | None = None
) -> ComplaintDetail:
    """停诊一天: take the consultant of a service-attitude complaint off the rotation for a day."""
    require(uow.actor, Action.TRIAGE_DIRECT)
    now = now or utc_now()
    today = clinic_time(now).date()
    detail = get_complaint(uow, complaint_id=complaint_id, today=today)
    if not detail.may_suspend_consultant or detail.about_staff_id is None:
        raise ValidationFailed(field="cause", rule="no_attitude_suspension")
    until = now + ATTITUDE_SUSPENSION
    triage.suspend_consultant(
        uow,
        consultant_id=detail.about_staff_id,
        until=until,
        now=now,
        reason=f"complaint {detail.row.number}",
        kind=SuspensionKind.COMPLAINT,
        source_id=complaint_id,
    )
    write_step(
        uow,
        load_complaint(uow, complaint_id),
        ComplaintStepKind.SUSPEND_CONSULTANT,
        now,
        staff_id=detail.about_staff_id,
        deadline=clinic_time(until).date(),
    )
    return get_complaint(uow, complaint_id=complaint_id, today=today)
