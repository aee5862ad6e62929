"""Replayed triage days kept between operations, so a command decodes only the newest events.

A day's log is append-only: the state after event N never changes. A cached day is reused
only if the stored event N still has the id seen when it was cached (a rolled-back
transaction's events, or another database, never match), and is handed out as a copy.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from lorch_desk.domain.triage import TriageDay, replay
from lorch_desk.domain.triage_policy import TriageEvent

# Days kept: a PC serves one site's today; a few more cover tests, reports and yesterday.
MAX_DAYS = 8

_lock = threading.Lock()
_days: OrderedDict[tuple[str, uuid.UUID, date], tuple[int, uuid.UUID, TriageDay]] = OrderedDict()


def cached(key: tuple[str, uuid.UUID, date]) -> tuple[int, uuid.UUID, TriageDay] | None:
    """The newest day kept for `key`: its last sequence, that event's id, and a copy."""
    with _lock:
        found = _days.get(key)
        if found is None:
            return None
        _days.move_to_end(key)
        sequence, event_id, day = found
        return sequence, event_id, day.copy()


def keep(
    key: tuple[str, uuid.UUID, date], sequence: int, event_id: uuid.UUID, day: TriageDay
) -> None:
    """Remember `day` as the state after event `sequence` (id `event_id`)."""
    with _lock:
        _days[key] = (sequence, event_id, day.copy())
        _days.move_to_end(key)
        while len(_days) > MAX_DAYS:
            _days.popitem(last=False)


def forget() -> None:
    """Drop every kept day (tests that rebuild a database at the same path)."""
    with _lock:
        _days.clear()


def rebuild(
    key: tuple[str, uuid.UUID, date],
    read_from: Callable[[int], list[Any]],
    decode: Callable[[str, dict[str, Any]], TriageEvent],
) -> TriageDay:
    """The day of `key`: a kept one brought up to date, else replayed from the first event.

    `read_from(n)` returns the rows (id, sequence, kind, payload) with sequence >= n, in order.
    """
    found = cached(key)
    if found is not None:
        sequence, event_id, day = found
        rows = read_from(sequence)
        if rows and rows[0].sequence == sequence and rows[0].id == event_id:
            _apply(day, (decode(r.kind, r.payload) for r in rows[1:]))
            _keep_last(key, rows, day)
            return day
    rows = read_from(1)
    day = replay(decode(r.kind, r.payload) for r in rows)
    _keep_last(key, rows, day)
    return day


def _apply(day: TriageDay, events: Iterable[TriageEvent]) -> None:
    for event in events:
        day.apply(event)


def _keep_last(key: tuple[str, uuid.UUID, date], rows: list[Any], day: TriageDay) -> None:
    if rows:
        keep(key, rows[-1].sequence, rows[-1].id, day)
