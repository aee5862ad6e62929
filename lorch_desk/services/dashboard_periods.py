"""The periods of the manager's dashboard: 30 days, 12 weeks or 12 months up to today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DashboardPeriod(StrEnum):
    DAYS_30 = "days_30"
    WEEKS_12 = "weeks_12"
    MONTHS_12 = "months_12"


@dataclass(frozen=True, slots=True)
class Bucket:
    """One point of a chart: the days from `first` to `last`, inclusive."""

    first: date
    last: date


def buckets_for(period: DashboardPeriod, today: date) -> list[Bucket]:
    """The points of `period` ending with the one that holds today, oldest first."""
    if period is DashboardPeriod.DAYS_30:
        return [Bucket(day, day) for day in (today - timedelta(days=n) for n in range(29, -1, -1))]
    if period is DashboardPeriod.WEEKS_12:
        monday = today - timedelta(days=today.weekday())
        starts = [monday - timedelta(weeks=n) for n in range(11, -1, -1)]
        return [Bucket(start, start + timedelta(days=6)) for start in starts]
    starts = [_month_start(today, back) for back in range(11, -1, -1)]
    return [Bucket(start, _month_start(start, -1) - timedelta(days=1)) for start in starts]


def bucket_index(buckets: list[Bucket]) -> dict[date, int]:
    """Which bucket each day of the period falls in."""
    return {
        bucket.first + timedelta(days=n): index
        for index, bucket in enumerate(buckets)
        for n in range((bucket.last - bucket.first).days + 1)
    }


def _month_start(day: date, months_back: int) -> date:
    months = day.year * 12 + day.month - 1 - months_back
    return date(months // 12, months % 12 + 1, 1)
