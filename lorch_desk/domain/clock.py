"""The clinic's clock: times are stored in UTC and read in China's one time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Every clinic of the chain is in mainland China, which keeps one zone without daylight saving.
CLINIC_TIME_ZONE = "Asia/Shanghai"


@cache
def clinic_time_zone() -> tzinfo:
    """The clinic's zone (a fixed UTC+8 where the system has no time-zone database)."""
    try:
        return ZoneInfo(CLINIC_TIME_ZONE)
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=8), "CST")


def clinic_today() -> date:
    """Today's date at the clinic, whatever the computer's own zone."""
    return datetime.now(clinic_time_zone()).date()


def clinic_midnight(day: date) -> datetime:
    """The start of `day` at the clinic as an aware time (to compare with stored UTC times)."""
    return datetime.combine(day, time.min, tzinfo=clinic_time_zone())


def clinic_time(moment: datetime) -> datetime:
    """A stored (UTC) time as the clinic's wall clock shows it."""
    return moment.astimezone(clinic_time_zone())
