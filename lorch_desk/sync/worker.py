"""The background sync worker: push then pull on a timer and on demand, backing off on failure.

No Qt here: the app's status bar asks `services.sync_status` what to show and calls
`sync_now()`; the worker runs in its own daemon thread with its own database sessions.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from lorch_desk.db.unit_of_work import Database
from lorch_desk.sync.client import SyncReport, client_for

log = logging.getLogger(__name__)


def next_delay(failures: int, *, interval: float, ceiling: float) -> float:
    """The wait before the next sync: the interval after a success; after `failures` failures
    in a row a quarter of it, doubling each time up to `ceiling`."""
    if failures == 0:
        return interval
    return min(interval / 4 * 2 ** (failures - 1), ceiling)


class SyncWorker:
    """Runs `sync_once` every `interval` seconds (and when asked) until stopped."""

    def __init__(
        self,
        database: Database,
        *,
        interval: float = 60.0,
        ceiling: float = 900.0,
        first_delay: float = 5.0,
        on_done: Callable[[SyncReport | None, Exception | None], None] | None = None,
    ) -> None:
        self.database = database
        self.interval = interval
        self.ceiling = ceiling
        self.first_delay = first_delay
        self.on_done = on_done
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lorch-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def sync_now(self) -> None:
        """Sync as soon as possible (a button, a payment just taken)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def run_once(self) -> SyncReport | None:
        """One sync; None when this node was never joined to headquarters."""
        client = client_for(self.database)
        if client is None:
            return None
        try:
            return client.sync_once()
        finally:
            client.close()

    def _run(self) -> None:
        failures = 0
        self._wake.wait(self.first_delay)
        self._wake.clear()
        while not self._stop.is_set():
            report, error = None, None
            try:
                report = self.run_once()
            except Exception as caught:  # noqa: BLE001 - a failed sync is retried later
                error = caught
                log.warning("sync failed: %s", caught)
            failures = failures + 1 if error is not None else 0
            delay = next_delay(failures, interval=self.interval, ceiling=self.ceiling)
            if self.on_done is not None:
                self.on_done(report, error)
            self._wake.wait(delay)
            self._wake.clear()
