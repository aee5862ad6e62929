"""The demo's personal care: headquarters' message templates and lunar birthdays this week."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.greeting_templates import GreetingPurpose
from lorch_desk.domain.lunar_birthdays import birthday_between, days_of
from lorch_desk.models.customer import Customer
from lorch_desk.services.greeting_birthdays import BIRTHDAY_WINDOW_DAYS
from lorch_desk.services.message_templates import SaveTemplateInput, save_template

TEMPLATES: tuple[tuple[GreetingPurpose, str, str], ...] = (
    (GreetingPurpose.BIRTHDAY, "生日祝福", "尊敬的{name}{title},{centre}全体同仁祝您生日快乐,身体健康,万事如意!"),
    (GreetingPurpose.HOLIDAY, "节日问候", "尊敬的{name}{title},{holiday}将至,{centre}祝您和家人节日快乐,阖家安康!"),
    (GreetingPurpose.MARKETING, "冬季养生活动", "尊敬的{name}{title},{centre}{date}起推出{item},会员享专属优惠,欢迎预约。回T退订"),
)  # fmt: skip
LUNAR_CUSTOMERS = 3  # customers of headquarters who keep the lunar birthday


def seed_demo_greetings(uow: UnitOfWork, *, now: datetime) -> int:
    """Add the templates and give a few customers a lunar birthday this week; how many."""
    for purpose, title, body in TEMPLATES:
        save_template(uow, data=SaveTemplateInput(purpose=purpose, title=title, body=body))
    today = clinic_time(now).date()
    last = today + timedelta(days=BIRTHDAY_WINDOW_DAYS - 1)
    customers = uow.session.scalars(
        select(Customer)
        .where(
            Customer.site_id == uow.actor.site_id,
            Customer.deleted_at.is_(None),
            Customer.birthday.is_not(None),
            Customer.mobile.is_not(None),
        )
        .order_by(Customer.file_number)
    ).all()
    # Those born on such a day first; else customers without an ID number (whose birthday no
    # ID number must match) are given one in their year of birth.
    chosen = [c for c in customers if _lunar_only(c.birthday, today, last)][:LUNAR_CUSTOMERS]
    for customer in customers:
        if len(chosen) == LUNAR_CUSTOMERS:
            break
        if customer in chosen or customer.id_number is not None:
            continue
        assert customer.birthday is not None
        year_start = date(customer.birthday.year, 1, 1)
        born = next(
            (day for day in days_of(year_start, date(year_start.year, 12, 31))
             if _lunar_only(day, today, last)),
            None,
        )  # fmt: skip
        if born is not None:
            customer.birthday = born
            chosen.append(customer)
    for customer in chosen:
        customer.celebrates_lunar_birthday = True
        customer.sms_consent = True
    uow.session.flush()
    return len(chosen)


def _lunar_only(birthday: date | None, first: date, last: date) -> bool:
    """Whether the lunar birthday falls in the window and the solar one does not."""
    if birthday is None:
        return False
    lunar = birthday_between(birthday, first, last, lunar=True)
    return lunar is not None and birthday_between(birthday, first, last, lunar=False) is None
