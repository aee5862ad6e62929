"""Lunar and solar birthdays: the dates a calendar lacks in some years."""

from __future__ import annotations

from datetime import date, timedelta

from lorch_desk.domain.lunar_birthdays import (
    LUNAR_DRIFT_DAYS,
    LunarBirth,
    birthday_between,
    lunar_birth,
    lunar_birthday_in,
    lunar_date_text,
    solar_birthday_in,
)


def test_born_on_29_february_is_celebrated_on_the_28th_in_a_common_year() -> None:
    assert solar_birthday_in(date(1992, 2, 29), 2027) == date(2027, 2, 28)
    assert solar_birthday_in(date(1992, 2, 29), 2028) == date(2028, 2, 29)


def test_born_on_the_30th_is_celebrated_on_the_last_day_of_a_29_day_month() -> None:
    birth = lunar_birth(date(1991, 2, 14))  # 1990 腊月三十 (除夕)
    assert birth == LunarBirth(12, 30, False)
    assert birth.text == "腊月三十"
    assert lunar_birthday_in(birth, 2026) == date(2027, 2, 5)  # 腊月廿九, that year's 除夕
    assert lunar_birthday_in(birth, 2029) == date(2030, 2, 2)  # 腊月三十


def test_born_in_a_leap_month_is_celebrated_in_the_ordinary_month_once_a_year() -> None:
    birth = lunar_birth(date(1990, 7, 2))  # 1990 闰五月初十
    assert birth == LunarBirth(5, 10, True)
    assert birth.text == "闰五月初十"
    # 2028 repeats the fifth month: the ordinary one is kept, the leap one (07-02) is not.
    assert birthday_between(date(1990, 7, 2), date(2028, 1, 1), date(2028, 12, 31), lunar=True) == (
        date(2028, 6, 2)
    )


def test_a_birthday_outside_the_librarys_range_has_no_lunar_date() -> None:
    assert lunar_birth(date(1899, 5, 1)) is None
    assert (
        birthday_between(date(1899, 5, 1), date(2026, 1, 1), date(2026, 12, 31), lunar=True) is None
    )


def test_lunar_dates_read_as_the_clinic_writes_them() -> None:
    assert lunar_date_text(1, 1) == "正月初一"
    assert lunar_date_text(11, 20) == "冬月二十"
    assert lunar_date_text(4, 15, is_leap_month=True) == "闰四月十五"
    assert lunar_date_text(8, 23) == "八月廿三"


def test_a_lunar_birthday_falls_within_the_drift_of_the_solar_month_and_day() -> None:
    born = date(1940, 1, 1)
    while born < date(2001, 1, 1):
        birth = lunar_birth(born)
        assert birth is not None
        for year in range(2026, 2036):
            on = lunar_birthday_in(birth, year)
            assert on is not None
            # Round the new year either way: 腊月 births are celebrated in January or February.
            distance = min(
                abs((on - solar_birthday_in(born, near)).days)
                for near in (on.year - 1, on.year, on.year + 1)
            )
            assert distance <= LUNAR_DRIFT_DAYS, (born, year, on)
        born += timedelta(days=5)
