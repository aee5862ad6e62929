"""The Chinese public holidays the clinic greets its customers on, from the `holidays` library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import holidays


@dataclass(frozen=True, slots=True)
class Holiday:
    """One festival to greet on: its Chinese name and its first day (春节 2027-02-06)."""

    name: str
    on: date

    @property
    def key(self) -> str:
        """What one greeting batch is for: a customer is greeted once per festival."""
        return f"{self.on.isoformat()} {self.name}"


def holidays_between(first: date, last: date) -> list[Holiday]:
    """The festivals whose first day lies between `first` and `last`, in date order.

    A festival of several days off (国庆节 1-3 October) is one greeting on its first day; the
    working days swapped into rest days (调休) are not festivals and are left out.
    """
    calendar = holidays.country_holidays(
        "CN", years=range(first.year - 1, last.year + 1), language="zh_CN", observed=False
    )
    swapped = calendar.tr(calendar.substituted_label).split("%s")[0]
    found: list[Holiday] = []
    previous: tuple[date, str] | None = None
    for on, name in sorted(calendar.items()):
        if name.startswith(swapped):
            continue
        continues = previous is not None and previous[1] == name and (on - previous[0]).days == 1
        previous = (on, name)
        if not continues and first <= on <= last:
            found.append(Holiday(name, on))
    return found
