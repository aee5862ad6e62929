"""Another PC's triage step is heard at once on PostgreSQL (LISTEN/NOTIFY, the real server)."""

from __future__ import annotations

import queue
import threading
import uuid
from collections.abc import Callable
from datetime import date

import psycopg

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Role
from lorch_desk.services import triage, triage_listener
from lorch_desk.services.triage_log import NOTIFY_CHANNEL
from tests.services.test_triage_service import DAY, at


def test_a_committed_step_is_heard_and_other_sites_are_not(
    pg_database: Database, pg_actor_for: Callable[..., Actor], pg_url: str
) -> None:
    receptionist = pg_actor_for(Role.RECEPTIONIST)
    target, _ = pg_database.run(
        receptionist, lambda uow, _p: triage_listener.listen_target(uow), read_only=True
    )
    assert target is not None and target.site_id == receptionist.site_id
    heard: queue.Queue[date] = queue.Queue()
    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(
        target=triage_listener.listen_for_steps,
        args=(target,),
        kwargs={"stop": stop, "on_step": heard.put, "ready": ready},
        daemon=True,
    )
    thread.start()
    try:
        assert ready.wait(5)
        with psycopg.connect(pg_url, autocommit=True) as other_site:
            other_site.execute(
                "SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, f"{uuid.uuid4()}/2026-11-23")
            )
        pg_database.run(
            receptionist,
            lambda uow, _p: triage.join_rotation(
                uow, consultant_id=uuid.uuid4(), rotation_order=1, now=at(8, 30)
            ),
        )
        assert heard.get(timeout=2) == DAY
        assert heard.empty()
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()


def test_an_offer_round_that_records_nothing_sends_nothing(
    pg_database: Database, pg_actor_for: Callable[..., Actor], pg_url: str
) -> None:
    receptionist = pg_actor_for(Role.RECEPTIONIST)
    with psycopg.connect(pg_url, autocommit=True) as listener:
        listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        result, _ = pg_database.run(
            receptionist, lambda uow, _p: triage.offer_next(uow, now=at(9, 0))
        )
        assert result.steps == ()
        assert list(listener.notifies(timeout=0.5)) == []


def test_sqlite_has_no_listen_target(
    run: Callable[..., object], actor_for: Callable[..., Actor]
) -> None:
    assert run(actor_for(Role.RECEPTIONIST), triage_listener.listen_target) is None
