"""呼叫中心 quality: the supervisor scores agents' calls; a monthly summary per agent (seed 000)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.calls import CallDirection, check_score, quality_percent
from lorch_desk.domain.clock import clinic_midnight
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.calls import CallLog, CallReview
from lorch_desk.services.access import require
from lorch_desk.services.satisfaction import month_bounds

COMMENT_MAX_LENGTH = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class CallReviewInput:
    """Scores 1 to 5 for courtesy, knowledge, solving the problem and following the process."""

    courtesy: int
    knowledge: int
    resolution: int
    process: int
    comment: str = ""


@dataclass(frozen=True, slots=True)
class CallReviewRow:
    call_id: uuid.UUID
    reviewed_at: datetime
    reviewer_name: str
    percent: Decimal
    comment: str


@dataclass(frozen=True, slots=True)
class AgentMonthRow:
    """One agent's month: calls taken and made, calls reviewed, their average quality."""

    agent_name: str
    inbound: int
    outbound: int
    reviewed: int
    average_percent: Decimal | None


def review_call(
    uow: UnitOfWork, *, call_id: uuid.UUID, data: CallReviewInput, now: datetime | None = None
) -> CallReviewRow:
    """服务质量评估: score one call; a later review of the same call replaces this one."""
    require(uow.actor, Action.CALL_REVIEW)
    call = uow.session.get(CallLog, call_id)
    if call is None or call.site_id != uow.actor.site_id:
        raise NotFound(entity="call", id=str(call_id))
    scores = [
        check_score(data.courtesy, "courtesy"),
        check_score(data.knowledge, "knowledge"),
        check_score(data.resolution, "resolution"),
        check_score(data.process, "process"),
    ]
    comment = data.comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationFailed(field="comment", rule="too_long", maximum=COMMENT_MAX_LENGTH)
    review = CallReview(
        call_id=call.id,
        reviewed_at=now or utc_now(),
        reviewer_name=uow.actor.display_name,
        courtesy=scores[0],
        knowledge=scores[1],
        resolution=scores[2],
        process=scores[3],
        comment=comment,
    )
    uow.session.add(review)
    uow.session.flush()
    return CallReviewRow(
        call.id, review.reviewed_at, review.reviewer_name, quality_percent(scores), comment
    )


def latest_reviews(
    uow: UnitOfWork, call_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[Decimal, str]]:
    """The newest review of each call: its percentage and comment."""
    latest: dict[uuid.UUID, tuple[Decimal, str]] = {}
    for start in range(0, len(call_ids), 500):
        reviews = uow.session.scalars(
            select(CallReview)
            .where(CallReview.call_id.in_(call_ids[start : start + 500]))
            .order_by(CallReview.reviewed_at, CallReview.id)
        )
        for review in reviews:
            latest[review.call_id] = (quality_percent(_scores(review)), review.comment)
    return latest


def agent_month_summary(uow: UnitOfWork, *, year: int, month: int) -> list[AgentMonthRow]:
    """Each agent's calls of one month at this site and the average of their reviewed calls."""
    require(uow.actor, Action.CALL_REVIEW)
    start, end = month_bounds(date(year, month, 1))
    calls = uow.session.scalars(
        select(CallLog).where(
            CallLog.site_id == uow.actor.site_id,
            CallLog.called_at >= clinic_midnight(start),
            CallLog.called_at < clinic_midnight(end),
        )
    ).all()
    reviews = latest_reviews(uow, [call.id for call in calls])
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    percents: dict[str, list[Decimal]] = defaultdict(list)
    for call in calls:
        counts[call.agent_name][call.direction] += 1
        if call.id in reviews:
            percents[call.agent_name].append(reviews[call.id][0])
    return [
        AgentMonthRow(
            agent_name=name,
            inbound=counts[name][CallDirection.INBOUND.value],
            outbound=counts[name][CallDirection.OUTBOUND.value],
            reviewed=len(percents[name]),
            average_percent=_average(percents[name]),
        )
        for name in sorted(counts)
    ]


def _average(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _scores(review: CallReview) -> list[int]:
    return [review.courtesy, review.knowledge, review.resolution, review.process]
