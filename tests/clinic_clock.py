"""The wall clock under test: a test that scripts a clinic day in minutes before "now" runs
at a fixed hour of today, whatever the hour the suite happens to start at."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta

import time_machine

from lorch_desk.domain.clock import clinic_midnight, clinic_today


def clinic_time_today(hour: int, minute: int = 0) -> datetime:
    """Today's `hour:minute` at the clinic, as an aware time."""
    return clinic_midnight(clinic_today()) + timedelta(hours=hour, minutes=minute)


@contextmanager
def clinic_clock_at(moment: time) -> Iterator[None]:
    """Run the block as if it started at `moment` of the clinic's today; the clock keeps ticking."""
    with time_machine.travel(clinic_time_today(moment.hour, moment.minute), tick=True):
        yield
