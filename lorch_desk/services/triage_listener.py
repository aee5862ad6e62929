"""Hearing another PC's triage step at once: LISTEN on PostgreSQL (no Qt; the ui runs it in a
thread). On SQLite there is nothing to listen to: the queue board polls `last_sequence`.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import psycopg
from psycopg import sql

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.permissions import Action
from lorch_desk.services.access import require
from lorch_desk.services.triage_log import NOTIFY_CHANNEL, notify_payload


@dataclass(frozen=True, slots=True)
class ListenTarget:
    """The server to LISTEN on (a libpq connection string) and the site whose steps count."""

    conninfo: str
    site_id: uuid.UUID


def listen_target(uow: UnitOfWork) -> ListenTarget | None:
    """Where to hear the site's triage steps; None on SQLite (poll `last_sequence` there)."""
    require(uow.actor, Action.ARRIVAL_VIEW)
    if uow.dialect != "postgresql":
        return None
    url = uow.session.get_bind().engine.url.set(drivername="postgresql")
    return ListenTarget(url.render_as_string(hide_password=False), uow.actor.site_id)


def listen_for_steps(
    target: ListenTarget,
    *,
    stop: threading.Event,
    on_step: Callable[[date], None],
    ready: threading.Event | None = None,
    poll_seconds: float = 0.5,
) -> None:
    """Call `on_step(day)` for each committed triage step of the site until `stop` is set.

    Blocks; raises psycopg.Error when the server goes away (the caller falls back to polling).
    """
    prefix = notify_payload(target.site_id, date.min).split("/")[0] + "/"
    with psycopg.connect(target.conninfo, autocommit=True) as connection:
        connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(NOTIFY_CHANNEL)))
        if ready is not None:
            ready.set()
        while not stop.is_set():
            for note in connection.notifies(timeout=poll_seconds):
                if note.payload.startswith(prefix):
                    on_step(date.fromisoformat(note.payload[len(prefix) :]))
