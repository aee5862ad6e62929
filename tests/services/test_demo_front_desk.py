"""The demo's queue board is worth a screenshot: consultants in every state, timers, an offer."""

from __future__ import annotations

from datetime import UTC, datetime

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.triage_policy import ConsultantState, Rotation
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.services import triage
from lorch_desk.services.demo_data import seed_demo_database

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)  # 10:30 at the clinic


def test_the_demo_morning_has_waiting_customers_one_offer_and_one_received(
    database: Database, system_actor: Actor
) -> None:
    database.run(
        system_actor,
        lambda uow, progress: seed_demo_database(uow, customers=60, progress=progress, now=NOW),
    )

    board, _ = database.run(
        system_actor,
        lambda uow, _p: triage.queue_board(uow, day=triage.clinic_day(NOW), now=NOW),
        read_only=True,
    )

    assert [(w.minutes_waited, w.visit_class) for w in board.waiting] == [
        (2, VisitClass.REPEAT_PURCHASE),
        (6, VisitClass.REVISIT),
        (9, VisitClass.FIRST_VISIT),
        (4, VisitClass.OTHER),
    ]
    assert [w.rotation for w in board.waiting][-1] is Rotation.SMALL
    assert sum(1 for w in board.waiting if w.offered_to_id is not None) == 1
    assert [c.state for c in board.consultants] == [
        ConsultantState.BUSY,
        ConsultantState.OFFERED,
        ConsultantState.FREE,
    ]
    assert len(board.received) == 1
    assert all(w.customer_name for w in board.waiting)
