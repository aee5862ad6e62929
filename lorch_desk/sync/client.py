"""The node side of sync: hello, push the outbox, pull and integrate the feed (SYNC.md).

Every step is its own local transaction with its own cursor, so after any failure the
client simply runs again: a push that HQ applied but whose answer was lost is answered
"duplicate" the second time; a pull page is integrated and its cursor advanced together.
"""

from __future__ import annotations

import json
import os
import signal
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson
from sqlalchemy import update

from lorch_desk.db.outbox import SKIP_OUTBOX_KEY
from lorch_desk.db.unit_of_work import Database, UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.models.base import utc_now
from lorch_desk.models.node import NodeSetting
from lorch_desk.models.sync import OutboxEntry
from lorch_desk.services import sync_status as state
from lorch_desk.services.node_setup import find_node_identity, node_actor
from lorch_desk.sync import protocol as p
from lorch_desk.sync.integrate import integrate
from lorch_desk.sync.queue import acknowledge, forget_old_acknowledged, next_batch, push_body
from lorch_desk.sync.site_counts import mismatches, site_counts

_outbox = OutboxEntry.__table__
# Tests kill the syncing process at a named point (SYNC.md: "kill -9 at named points").
CRASH_ENV = "LORCH_SYNC_CRASH_AT"
CRASH_POINTS = ("push_answered", "push_acknowledged", "pull_fetched", "pull_integrated")
_NOBODY = uuid.UUID(int=0)


@dataclass
class SyncReport:
    """What one sync did."""

    pushed: int = 0
    pulled: int = 0
    skipped: int = 0
    conflicts: int = 0
    rejected: int = 0
    clock_warning: bool = False
    epoch_changed: bool = False
    # Tables whose row counts for this site differ from headquarters' after the sync.
    mismatched: list[str] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)


def _crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def _bootstrap_actor() -> Actor:
    return Actor.system(site_id=_NOBODY, site_code="XX", node_id=_NOBODY)


class SyncClient:
    """Talks to the sync service for one node database."""

    def __init__(
        self,
        database: Database,
        server_url: str,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.database = database
        self.http = httpx.Client(
            base_url=server_url.rstrip("/"),
            headers={
                "Authorization": f"Bearer {token}",
                p.VERSION_HEADER: str(p.PROTOCOL_VERSION),
                p.SCHEMA_HEADER: p.SCHEMA_VERSION,
            },
            transport=transport,
            timeout=timeout,
        )

    def close(self) -> None:
        self.http.close()

    # --- one request -------------------------------------------------------------------
    def _post(
        self, path: str, body: dict[str, Any] | bytes, *, timeout: float | None = None
    ) -> Any:
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        response = self.http.post(
            path,
            content=content,
            headers={"Content-Type": "application/json"},
            timeout=timeout or self.http.timeout,
        )
        if response.status_code in (401, 409):
            answer = response.json()
            raise p.SyncRefused(answer.get("error", "refused"), answer.get("message", ""))
        response.raise_for_status()
        return orjson.loads(response.content)

    def hello(self) -> dict[str, Any]:
        return self._post(p.HELLO_PATH, {"node_time": utc_now().isoformat()})

    # --- the whole cycle ---------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        """Hello, push everything, pull everything; records success or the error."""
        self._record_attempt()
        try:
            report = SyncReport()
            answer = self.hello()
            report.clock_warning = bool(answer.get("clock_warning"))
            report.epoch_changed = self._check_epoch(answer)
            self.push(report)
            self.pull(report)
            report.mismatched = self.check()
            self._write(forget_old_acknowledged)
        except Exception as error:
            self._record_error(error)
            raise
        self._record_success()
        return report

    def _actor(self) -> Actor:
        with self.database.unit_of_work(_bootstrap_actor(), read_only=True) as uow:
            identity = find_node_identity(uow)
        return node_actor(identity) if identity else _bootstrap_actor()

    def _write(self, work: Any) -> Any:
        with self.database.unit_of_work(self._actor()) as uow:
            uow.session.info[SKIP_OUTBOX_KEY] = True
            result = work(uow)
            uow.session.commit()
            return result

    def _record_attempt(self) -> None:
        self._write(lambda uow: state.write_value(uow, state.LAST_ATTEMPT, utc_now().isoformat()))

    def _record_success(self) -> None:
        def record(uow: UnitOfWork) -> None:
            attempt = state.read_value(uow, state.LAST_ATTEMPT) or utc_now().isoformat()
            state.write_value(uow, state.LAST_SUCCESS, attempt)
            state.write_value(uow, state.LAST_ERROR, "")

        self._write(record)

    def _record_error(self, error: Exception) -> None:
        message = f"{type(error).__name__}: {error}"[:500]
        self._write(lambda uow: state.write_value(uow, state.LAST_ERROR, message))

    # --- post-sync check -----------------------------------------------------------------
    def check(self) -> list[str]:
        """Compare this site's row counts with HQ's; a difference marks "needs resync"."""
        central = self._post(p.CHECK_PATH, {})["counts"]

        def compare(uow: UnitOfWork) -> list[str]:
            local = site_counts(
                uow.session.connection(), uow.actor.site_id, excluding_rejected=True
            )
            differing = mismatches(local, central)
            state.write_value(uow, state.NEEDS_RESYNC, ",".join(differing))
            return differing

        return self._write(compare)

    # --- epoch -------------------------------------------------------------------------
    def _check_epoch(self, answer: dict[str, Any]) -> bool:
        """After HQ was restored from a backup: re-push what it lost, re-pull everything."""

        def check(uow: UnitOfWork) -> bool:
            known = state.read_value(uow, state.EPOCH)
            state.write_value(uow, state.EPOCH, answer["epoch"])
            if known is None or known == answer["epoch"]:
                return False
            uow.session.connection().execute(
                update(_outbox)
                .where(_outbox.c.id > answer["last_applied"])
                .values(acked_at=None, result=None)
            )
            state.write_value(uow, state.CURSOR, "0")
            return True

        return self._write(check)

    # --- push --------------------------------------------------------------------------
    def push(self, report: SyncReport | None = None) -> SyncReport:
        """Send the outbox in batches of whole transactions until HQ acknowledged it all."""
        report = report or SyncReport()
        while True:
            ops = self._write(next_batch)
            if not ops:
                return report
            answer = self._post(p.PUSH_PATH, push_body(ops))
            _crash_point("push_answered")
            self._write(lambda uow, ops=ops, answer=answer: acknowledge(uow, ops, answer))
            _crash_point("push_acknowledged")
            report.pushed += len(ops)
            report.results.extend(answer["results"])
            for result in answer["results"]:
                report.conflicts += len(result.get("conflicts") or [])
                report.rejected += result["result"] == p.REJECTED

    # --- pull --------------------------------------------------------------------------
    def pull(self, report: SyncReport | None = None, *, wait: float = 0) -> SyncReport:
        """Fetch and integrate the feed page by page; each page with its cursor."""
        report = report or SyncReport()
        while True:

            def cursor_of(uow: UnitOfWork) -> int:
                return int(state.read_value(uow, state.CURSOR) or 0)

            cursor = self._write(cursor_of)
            page = self._post(
                p.PULL_PATH,
                {"cursor": cursor, "wait": wait, "limit": p.PULL_BATCH},
                timeout=self.http.timeout.read + wait if self.http.timeout.read else None,
            )
            _crash_point("pull_fetched")
            integrated, skipped = self._write(
                lambda uow, page=page: integrate(uow, page["changes"], page["cursor"])
            )
            _crash_point("pull_integrated")
            report.pulled += integrated
            report.skipped += skipped
            if not page["more"]:
                return report


def join(
    database: Database,
    server_url: str,
    token: str,
    *,
    transport: httpx.BaseTransport | None = None,
) -> SyncReport:
    """Make an empty, migrated database a node of the enrolment `token`; first download."""
    client = SyncClient(database, server_url, token, transport=transport)
    try:
        answer = client.hello()

        def remember(uow: UnitOfWork) -> None:
            for key, value in (
                ("node_id", answer["node_id"]),
                ("site_id", answer["site_id"]),
                ("site_code", answer["site_code"]),
            ):
                uow.session.merge(NodeSetting(key=key, value=value))
            state.write_value(uow, state.SERVER_URL, server_url)
            state.write_value(uow, state.TOKEN, token)

        client._write(remember)
        return client.sync_once()
    finally:
        client.close()


def client_for(database: Database, **kwargs: Any) -> SyncClient | None:
    """A client with the server address and token this node was joined with; None if not."""
    with database.unit_of_work(_bootstrap_actor(), read_only=True) as uow:
        url = state.read_value(uow, state.SERVER_URL)
        token = state.read_value(uow, state.TOKEN)
    if not url or not token:
        return None
    return SyncClient(database, url, token, **kwargs)
