"""Whose birthday is today and in the coming week, by the solar or the lunar calendar (seed 000)."""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, and_, extract, or_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import NotFound
from lorch_desk.domain.greeting_templates import GreetingPurpose, occasion_key
from lorch_desk.domain.lunar_birthdays import (
    LUNAR_DRIFT_DAYS,
    age_on,
    birthday_between,
    days_of,
    lunar_birth,
)
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action
from lorch_desk.models.customer import Customer
from lorch_desk.models.greetings import Greeting
from lorch_desk.services.access import require

BIRTHDAY_WINDOW_DAYS = 7  # today and the six days after it
LUNAR_DRIFT = timedelta(days=LUNAR_DRIFT_DAYS)


@dataclass(frozen=True, slots=True)
class BirthdayRow:
    """A customer whose birthday falls in the window, and whether they were greeted."""

    customer_id: uuid.UUID
    name: str
    gender: str
    mobile_display: str
    birthday: date
    is_lunar: bool
    lunar_text: str  # 十月初五 for a lunar birthday, else ""
    celebrates_on: date
    age: int
    is_today: bool
    is_greeted: bool


@dataclass(frozen=True, slots=True)
class BirthdayMatch:
    """A live customer of this centre and the day in the window their birthday falls on."""

    customer: Customer
    on: date


def list_birthdays(
    uow: UnitOfWork, *, today: date | None = None, days: int = BIRTHDAY_WINDOW_DAYS
) -> list[BirthdayRow]:
    """This centre's birthdays from today on for `days` days, soonest first."""
    require(uow.actor, Action.GREETING_SEND)
    today = today or clinic_today()
    matches = find_birthdays(uow, first=today, last=today + timedelta(days=days - 1))
    greeted = _greeted(uow, matches)
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    rows = [_row(match, today, greeted, masked=masked) for match in matches]
    return sorted(rows, key=lambda row: (row.celebrates_on, row.name))


def find_birthdays(uow: UnitOfWork, *, first: date, last: date) -> list[BirthdayMatch]:
    """Live customers of this centre whose birthday is celebrated between `first` and `last`."""
    solar = _centre_customers(uow).where(
        Customer.celebrates_lunar_birthday.is_(False), _month_day_in(first, last)
    )
    lunar = _centre_customers(uow).where(
        Customer.celebrates_lunar_birthday.is_(True),
        _month_day_near(first - LUNAR_DRIFT, last + LUNAR_DRIFT),
    )
    matches: list[BirthdayMatch] = []
    for statement in (solar, lunar):
        for customer in uow.session.scalars(statement):
            on = _celebrated_on(customer, first, last)
            if on is not None:
                matches.append(BirthdayMatch(customer, on))
    return matches


def _centre_customers(uow: UnitOfWork) -> Select[tuple[Customer]]:
    return select(Customer).where(
        Customer.site_id == uow.actor.site_id,
        Customer.deleted_at.is_(None),
        Customer.merged_into_id.is_(None),
        Customer.birthday.is_not(None),
    )


def _month_day_in(first: date, last: date):  # noqa: ANN202 - a SQL condition
    """Solar birthdays whose month and day fall in the window (29 February on a common 28th)."""
    pairs = {(day.month, day.day) for day in days_of(first, last)}
    pairs |= {(2, 29) for day in days_of(first, last) if _is_common_feb_28(day)}
    month, day = extract("month", Customer.birthday), extract("day", Customer.birthday)
    return or_(*(and_(month == m, day == d) for m, d in sorted(pairs)))


def _month_day_near(start: date, end: date):  # noqa: ANN202 - a SQL condition
    """Birthdays whose month and day lie from `start` to `end` (across the new year too)."""
    key = extract("month", Customer.birthday) * 100 + extract("day", Customer.birthday)
    low, high = start.month * 100 + start.day, end.month * 100 + end.day
    return key.between(low, high) if low <= high else or_(key >= low, key <= high)


def _is_common_feb_28(day: date) -> bool:
    return (day.month, day.day) == (2, 28) and not calendar.isleap(day.year)


def _celebrated_on(customer: Customer, first: date, last: date) -> date | None:
    assert customer.birthday is not None
    return birthday_between(
        customer.birthday, first, last, lunar=customer.celebrates_lunar_birthday
    )


def _greeted(uow: UnitOfWork, matches: list[BirthdayMatch]) -> set[tuple[uuid.UUID, str]]:
    keys = {occasion_key(GreetingPurpose.BIRTHDAY, match.on) for match in matches}
    if not keys:
        return set()
    rows = uow.session.execute(
        select(Greeting.customer_id, Greeting.occasion).where(
            Greeting.occasion.in_(keys), Greeting.deleted_at.is_(None)
        )
    )
    return {(customer_id, occasion) for customer_id, occasion in rows}


def _row(
    match: BirthdayMatch, today: date, greeted: set[tuple[uuid.UUID, str]], *, masked: bool
) -> BirthdayRow:
    customer, on = match.customer, match.on
    assert customer.birthday is not None
    is_lunar = customer.celebrates_lunar_birthday
    birth = lunar_birth(customer.birthday) if is_lunar else None
    return BirthdayRow(
        customer_id=customer.id,
        name=customer.name,
        gender=customer.gender,
        mobile_display=mask_mobile(customer.mobile) if masked else (customer.mobile or ""),
        birthday=customer.birthday,
        is_lunar=is_lunar,
        lunar_text=birth.text if birth is not None else "",
        celebrates_on=on,
        age=age_on(customer.birthday, on, lunar=is_lunar),
        is_today=on == today,
        is_greeted=(customer.id, occasion_key(GreetingPurpose.BIRTHDAY, on)) in greeted,
    )


@dataclass(frozen=True, slots=True)
class BirthdayCalendar:
    """Which calendar a customer's birthday is kept by, and the lunar date of birth."""

    customer_id: uuid.UUID
    name: str
    birthday: date | None
    celebrates_lunar_birthday: bool
    lunar_text: str  # 十月十五, "" without a birthday or outside the library's range


def get_birthday_calendar(uow: UnitOfWork, *, customer_id: uuid.UUID) -> BirthdayCalendar:
    """A customer's birthday and whether it is celebrated by the lunar calendar."""
    require(uow.actor, Action.CUSTOMER_VIEW)
    return _calendar(_live_customer(uow, customer_id))


def set_lunar_birthday(
    uow: UnitOfWork, *, customer_id: uuid.UUID, celebrates: bool
) -> BirthdayCalendar:
    """Record whether a customer celebrates the lunar birthday (the audit log keeps the change)."""
    require(uow.actor, Action.CUSTOMER_EDIT)
    customer = _live_customer(uow, customer_id)
    customer.celebrates_lunar_birthday = celebrates
    uow.session.flush()
    return _calendar(customer)


def _live_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> Customer:
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(customer_id=str(customer_id))
    return customer


def _calendar(customer: Customer) -> BirthdayCalendar:
    birth = lunar_birth(customer.birthday) if customer.birthday else None
    return BirthdayCalendar(
        customer_id=customer.id,
        name=customer.name,
        birthday=customer.birthday,
        celebrates_lunar_birthday=customer.celebrates_lunar_birthday,
        lunar_text=birth.text if birth is not None else "",
    )
