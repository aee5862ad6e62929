"""Suspensions (停诊) that outlast one triage day: stored, and carried into each day's log."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_midnight, clinic_time
from lorch_desk.models.front_desk import ConsultantSuspension


class SuspensionKind(StrEnum):
    """Why a consultant is suspended (DOMAIN.md: triage, suspension)."""

    MANUAL = "manual"  # a supervisor's decision
    SATISFACTION = "satisfaction"  # the month's satisfaction below 90 %: a week
    COMPLAINT = "complaint"  # a service-attitude complaint: a day


class SuspensionPeriod(StrEnum):
    """The periods a supervisor picks from; the rules' own are a day and a week."""

    REST_OF_TODAY = "rest_of_today"
    ONE_DAY = "one_day"
    ONE_WEEK = "one_week"


def period_end(period: SuspensionPeriod, now: datetime) -> datetime:
    """When a suspension of `period` starting `now` ends (today's end is the clinic's midnight)."""
    if period is SuspensionPeriod.REST_OF_TODAY:
        return clinic_midnight(clinic_time(now).date() + timedelta(days=1))
    return now + timedelta(days=1 if period is SuspensionPeriod.ONE_DAY else 7)


def store_suspension(
    uow: UnitOfWork,
    *,
    consultant_id: uuid.UUID,
    starts_at: datetime,
    ends_at: datetime,
    kind: SuspensionKind,
    reason: str,
    source_id: uuid.UUID | None = None,
) -> ConsultantSuspension:
    """Keep a suspension at the acting site so later days of the rotation see it."""
    suspension = ConsultantSuspension(
        site_id=uow.actor.site_id,
        origin_node_id=uow.actor.node_id,
        consultant_id=consultant_id,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=kind.value,
        reason=reason,
        source_id=source_id,
    )
    uow.session.add(suspension)
    return suspension


def active_suspension(
    uow: UnitOfWork, *, consultant_id: uuid.UUID, at: datetime
) -> ConsultantSuspension | None:
    """The suspension of the consultant at this site that lasts longest past `at`, if any."""
    return uow.session.scalar(
        select(ConsultantSuspension)
        .where(
            ConsultantSuspension.site_id == uow.actor.site_id,
            ConsultantSuspension.consultant_id == consultant_id,
            ConsultantSuspension.deleted_at.is_(None),
            ConsultantSuspension.starts_at <= at,
            ConsultantSuspension.ends_at > at,
        )
        .order_by(ConsultantSuspension.ends_at.desc())
        .limit(1)
    )
