"""Birthday lists: solar and lunar birthdays of the coming week, checked day by day for a year."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from lunardate import LunarDate

from lorch_desk.domain.errors import PermissionDenied
from lorch_desk.domain.permissions import Role
from lorch_desk.services import customers
from lorch_desk.services.customers import CustomerInput
from lorch_desk.services.greeting_birthdays import list_birthdays, set_lunar_birthday

# Born across 1990 (its lunar year has a leap 5th month, 闰五月) and in 2020's 闰四月.
LUNAR_BIRTHDAYS = [date(1990, 1, 1) + timedelta(days=n) for n in range(0, 365, 3)] + [
    date(2020, 5, 23) + timedelta(days=n) for n in range(0, 30, 2)
]
SOLAR_BIRTHDAYS = [date(1992, 2, 29), date(1985, 2, 28), date(1985, 3, 1), date(1979, 12, 31)]


def _register(run, actor, birthday: date, number: int, *, lunar: bool) -> None:  # noqa: ANN001
    detail = run(
        actor,
        customers.register_customer,
        data=CustomerInput(
            name=f"客户{number}",
            gender="female",
            birthday=birthday,
            mobile=f"139{number:08d}",
            channel="walk_in",
        ),
        allow_duplicates=True,
    )
    if lunar:
        run(actor, set_lunar_birthday, customer_id=detail.id, celebrates=True)


@pytest.fixture()
def customer_service(actor_for):  # noqa: ANN001, ANN201
    return actor_for(Role.CUSTOMER_SERVICE)


@pytest.fixture()
def born(run, customer_service) -> dict[str, date]:  # noqa: ANN001
    """Customers by name with their solar birthdays; the LUNAR_BIRTHDAYS celebrate lunar."""
    names: dict[str, date] = {}
    for number, birthday in enumerate(LUNAR_BIRTHDAYS):
        _register(run, customer_service, birthday, number, lunar=True)
        names[f"客户{number}"] = birthday
    for number, birthday in enumerate(SOLAR_BIRTHDAYS, start=1000):
        _register(run, customer_service, birthday, number, lunar=False)
        names[f"客户{number}"] = birthday
    return names


def _lunar_expected(birthday: date, day: date) -> bool:
    """Straight from the library: the ordinary lunar month and day of birth (30th → last day)."""
    birth = LunarDate.from_solar_date(birthday.year, birthday.month, birthday.day)
    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    if lunar.is_leap_month or lunar.month != birth.month:
        return False
    tomorrow = day + timedelta(days=1)
    month_ends_today = (
        LunarDate.from_solar_date(tomorrow.year, tomorrow.month, tomorrow.day).day == 1
    )
    return lunar.day == birth.day or (birth.day == 30 and lunar.day == 29 and month_ends_today)


def _solar_expected(birthday: date, day: date) -> bool:
    if (birthday.month, birthday.day) == (day.month, day.day):
        return True
    leap_baby = (birthday.month, birthday.day) == (2, 29)
    return leap_baby and (day.month, day.day) == (2, 28) and not calendar.isleap(day.year)


@pytest.mark.parametrize("year", [2027, 2028])
def test_the_birthday_list_agrees_with_the_library_for_every_day_of_a_year(
    run, customer_service, born, year: int
) -> None:  # noqa: ANN001
    lunar_names = {f"客户{n}" for n in range(len(LUNAR_BIRTHDAYS))}
    seen_lunar = 0
    for offset in range(366 if calendar.isleap(year) else 365):
        day = date(year, 1, 1) + timedelta(days=offset)
        rows = run(customer_service, list_birthdays, today=day, days=1)
        shown = {row.name for row in rows}
        expected = {
            name
            for name, birthday in born.items()
            if (_lunar_expected if name in lunar_names else _solar_expected)(birthday, day)
        }
        assert shown == expected, day
        assert all(row.celebrates_on == day and row.is_today for row in rows)
        seen_lunar += sum(row.is_lunar for row in rows)
    # Every lunar customer is greeted exactly once in the year, leap-month babies included.
    assert seen_lunar == len(LUNAR_BIRTHDAYS)


def test_the_week_lists_solar_and_lunar_birthdays_soonest_first(run, customer_service) -> None:  # noqa: ANN001
    # 2026-11-23 is 十月十五 of the lunar year 2026.
    _register(run, customer_service, date(1980, 11, 25), 1, lunar=False)
    _register(run, customer_service, date(1975, 11, 27), 2, lunar=True)  # 十月廿五: not this week
    _register(run, customer_service, date(1988, 11, 23), 3, lunar=True)  # 十月十五 → today
    rows = run(customer_service, list_birthdays, today=date(2026, 11, 23))
    assert [(row.name, row.celebrates_on, row.is_lunar) for row in rows] == [
        ("客户3", date(2026, 11, 23), True),
        ("客户1", date(2026, 11, 25), False),
    ]
    assert rows[0].lunar_text == "十月十五"
    assert rows[0].is_today and not rows[1].is_today
    assert rows[1].age == 46
    assert rows[0].mobile_display == "13900000003"


def test_only_greeting_staff_see_the_birthday_list(run, actor_for) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        run(actor_for(Role.PHARMACIST), list_birthdays, today=date(2026, 11, 23))
