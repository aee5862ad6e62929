"""When a customer's birthday falls, by the solar or the lunar calendar (农历生日).

The lunar dates come from the `lunardate` library (1900-2099), never from our own tables.
Rules for the dates a calendar lacks in some years:
- born on 29 February: celebrated on 28 February in a common year;
- born in a leap lunar month (闰月): celebrated in the ordinary month of the same number, once
  a year, also in years that repeat that month;
- born on the 30th of a lunar month: celebrated on the 29th when that month has 29 days that
  year (the month's last day, as 腊月三十 becomes 除夕 on 腊月廿九);
- born outside the library's range (1900-01-31 to early 2100): no lunar birthday.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from lunardate import LunarDate

FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR = 1900, 2099  # what `lunardate` covers
# A lunar birthday falls at most about a month (32 days, leap months included) from the month
# and day of the solar date of birth; lists look this far around a window first.
LUNAR_DRIFT_DAYS = 40
_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DIGITS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class LunarBirth:
    """The lunar month and day a customer was born on."""

    month: int
    day: int
    is_leap_month: bool

    @property
    def text(self) -> str:
        """闰四月初八 / 腊月三十: how the clinic writes a lunar date."""
        return lunar_date_text(self.month, self.day, is_leap_month=self.is_leap_month)


@lru_cache(maxsize=65536)  # a birthday list converts every lunar customer's birthday
def lunar_birth(birthday: date) -> LunarBirth | None:
    """The lunar date of a solar birthday, or None outside the library's range."""
    first, last = _library_range()
    if not first <= birthday <= last:
        return None  # the library answers nonsense rather than refusing out there
    lunar = LunarDate.from_solar_date(birthday.year, birthday.month, birthday.day)
    return LunarBirth(lunar.month, lunar.day, lunar.is_leap_month)


@cache
def _library_range() -> tuple[date, date]:
    """The solar days the library converts: lunar 1900 正月初一 to the end of lunar 2099."""
    first = LunarDate(FIRST_LUNAR_YEAR, 1, 1).to_solar_date()
    last = LunarDate(LAST_LUNAR_YEAR, 12, 29).to_solar_date()
    with suppress(ValueError):
        last = LunarDate(LAST_LUNAR_YEAR, 12, 30).to_solar_date()
    return first, last


def lunar_date_text(month: int, day: int, *, is_leap_month: bool = False) -> str:
    """The Chinese words of a lunar month and day: 正月初一, 闰四月十五, 冬月廿三."""
    prefix = "闰" if is_leap_month else ""
    return f"{prefix}{_MONTHS[month - 1]}月{_day_text(day)}"


def _day_text(day: int) -> str:
    if day <= 10:
        return "初" + _DIGITS[day - 1]
    if day < 20:
        return "十" + _DIGITS[day - 11]
    if day == 20:
        return "二十"
    if day < 30:
        return "廿" + _DIGITS[day - 21]
    return "三十"


def solar_birthday_in(birthday: date, year: int) -> date:
    """The solar birthday in `year` (29 February moves to the 28th in a common year)."""
    try:
        return birthday.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


@cache  # at most 384 lunar days of birth × 200 years
def lunar_birthday_in(birth: LunarBirth, lunar_year: int) -> date | None:
    """The solar date of the lunar birthday in `lunar_year`, or None outside the library's range."""
    try:
        return LunarDate(lunar_year, birth.month, birth.day).to_solar_date()
    except ValueError:
        if birth.day != 30:
            return None
    try:
        return LunarDate(lunar_year, birth.month, 29).to_solar_date()
    except ValueError:
        return None


def birthday_between(birthday: date, first: date, last: date, *, lunar: bool) -> date | None:
    """The date between `first` and `last` (inclusive) on which the birthday is celebrated."""
    if lunar:
        birth = lunar_birth(birthday)
        if birth is None:
            return None
        years = range(first.year - 1, last.year + 1)
        candidates = [lunar_birthday_in(birth, year) for year in years]
    else:
        candidates = [
            solar_birthday_in(birthday, year) for year in range(first.year, last.year + 1)
        ]
    return next((on for on in candidates if on is not None and first <= on <= last), None)


def age_on(birthday: date, on: date, *, lunar: bool) -> int:
    """The age a birthday celebrated on `on` marks (lunar years for a lunar birthday)."""
    if lunar:
        born = LunarDate.from_solar_date(birthday.year, birthday.month, birthday.day)
        return LunarDate.from_solar_date(on.year, on.month, on.day).year - born.year
    return on.year - birthday.year


def days_of(first: date, last: date) -> list[date]:
    """Every date from `first` to `last`, inclusive."""
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
