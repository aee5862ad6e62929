"""Kept replayed days: a rolled-back step is never remembered as part of the day."""

from __future__ import annotations

import uuid

import pytest

from lorch_desk.domain.errors import DomainError
from lorch_desk.services import triage, triage_days
from tests.services import test_triage_service as story
from tests.services.test_triage_service import DAY, FrontDesk, at

staffed_template = story.staffed_template
database_path = story.database_path
desk = story.desk


class _Abandon(DomainError):
    code = "test_abandon"


def test_a_rolled_back_step_is_forgotten_and_the_day_goes_on(desk: FrontDesk) -> None:
    desk.open_rotation(at(8, 30))
    fang = desk.arrive(desk.register("王芳"), at(9, 0))

    def offer_then_fail(uow, _progress):  # noqa: ANN001, ANN202
        triage.offer_next(uow, now=at(9, 1))
        triage.load_day(uow, day=DAY, lock=False)  # remembered with the uncommitted offer
        raise _Abandon()

    with pytest.raises(_Abandon):
        desk.database.run(desk.receptionist, offer_then_fail)

    assert [row.kind for row in desk.stored()][-1] == "ArrivalQueued"
    assert desk.board(at(9, 2)).waiting[0].offered_to_id is None
    assert desk.offer(at(9, 2)) == [(fang, "王")]


def test_a_kept_day_equals_the_day_replayed_from_scratch(desk: FrontDesk) -> None:
    desk.open_rotation(at(8, 30))
    for minute, name in enumerate(("王芳", "李娜", "赵敏")):
        desk.arrive(desk.register(name), at(9, minute))
        desk.offer(at(9, minute))
    with desk.database.unit_of_work(desk.receptionist, read_only=True) as uow:
        kept = triage.load_day(uow, day=DAY, lock=False)
        triage_days.forget()
        fresh = triage.load_day(uow, day=DAY, lock=False)
    assert kept == fresh
    assert len(kept.events) == len(desk.stored())
    assert uuid.UUID(kept.arrivals()[0].arrival_id)
