"""Suspensions that outlast the day: a week's 停诊 keeps a consultant out of every rotation
they join until it ends; one made before they join today applies when they do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.triage_policy import ConsultantState
from lorch_desk.models.front_desk import ConsultantSuspension
from lorch_desk.services import triage
from lorch_desk.services.triage_suspensions import SuspensionKind, SuspensionPeriod, period_end
from tests.services import test_triage_service as story
from tests.services.test_triage_service import DAY, FrontDesk, at

staffed_template = story.staffed_template
database_path = story.database_path
desk = story.desk


def _state_of(desk: FrontDesk, name: str, when) -> ConsultantState:  # noqa: ANN001
    board = desk.board(when)
    return next(c.state for c in board.consultants if c.consultant_id == desk.id_of(name))


def _join(desk: FrontDesk, name: str, when) -> None:  # noqa: ANN001
    desk.run(
        desk.receptionist,
        triage.join_rotation,
        consultant_id=desk.id_of(name),
        rotation_order=1,
        now=when,
    )


def test_a_week_suspension_follows_the_consultant_into_later_days_until_it_ends(
    desk: FrontDesk,
) -> None:
    desk.open_rotation(at(9, 0))
    desk.run(
        desk.manager,
        triage.suspend_consultant,
        consultant_id=desk.id_of("王"),
        until=period_end(SuspensionPeriod.ONE_WEEK, at(10, 0)),
        now=at(10, 0),
        reason="十月满意度 86%",
        kind=SuspensionKind.SATISFACTION,
    )
    assert _state_of(desk, "王", at(10, 1)) is ConsultantState.SUSPENDED

    three_days_later = DAY + timedelta(days=3)
    _join(desk, "王", at(9, 0, three_days_later))
    assert _state_of(desk, "王", at(9, 1, three_days_later)) is ConsultantState.SUSPENDED
    assert [row.kind for row in desk.stored(three_days_later)] == [
        "ConsultantJoined",
        "ConsultantSuspended",
    ]

    eight_days_later = DAY + timedelta(days=8)
    _join(desk, "王", at(9, 0, eight_days_later))
    assert _state_of(desk, "王", at(9, 1, eight_days_later)) is not ConsultantState.SUSPENDED


def test_a_consultant_suspended_before_joining_today_is_suspended_on_joining(
    desk: FrontDesk,
) -> None:
    desk.run(
        desk.manager,
        triage.suspend_consultant,
        consultant_id=desk.id_of("李"),
        until=period_end(SuspensionPeriod.ONE_DAY, at(8, 0)),
        now=at(8, 0),
        reason="服务态度投诉",
        kind=SuspensionKind.COMPLAINT,
    )
    assert desk.stored() == []
    _join(desk, "李", at(9, 0))
    assert _state_of(desk, "李", at(9, 1)) is ConsultantState.SUSPENDED


def test_a_suspension_ending_before_now_is_refused_and_nothing_is_written(
    desk: FrontDesk,
) -> None:
    desk.open_rotation(at(9, 0))
    before = desk.stored()
    with pytest.raises(ValidationFailed) as refused:
        desk.run(
            desk.manager,
            triage.suspend_consultant,
            consultant_id=desk.id_of("张"),
            until=at(8, 0),
            now=at(9, 30),
            reason="培训",
        )
    assert refused.value.field == "suspended_until"
    assert desk.stored() == before
    with desk.database.unit_of_work(desk.manager, read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(ConsultantSuspension)) == 0


def test_the_periods_end_at_the_clinics_midnight_after_a_day_and_after_a_week() -> None:
    now = at(23, 30)
    rest_of_today = clinic_time(period_end(SuspensionPeriod.REST_OF_TODAY, now))
    assert (rest_of_today.date(), rest_of_today.hour, rest_of_today.minute) == (
        DAY + timedelta(days=1),
        0,
        0,
    )
    assert period_end(SuspensionPeriod.ONE_DAY, now) - now == timedelta(days=1)
    assert period_end(SuspensionPeriod.ONE_WEEK, now) - now == timedelta(days=7)
