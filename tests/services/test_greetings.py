"""Greetings: templates HQ words, birthday/holiday/marketing batches queued to the outbox."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.greeting_holidays import Holiday
from lorch_desk.domain.greeting_templates import GreetingPurpose
from lorch_desk.domain.permissions import Role
from lorch_desk.models.customer import Customer
from lorch_desk.models.greetings import Greeting
from lorch_desk.models.messages import OutgoingMessage
from lorch_desk.services import customers
from lorch_desk.services.customers import CustomerInput
from lorch_desk.services.greeting_birthdays import set_lunar_birthday
from lorch_desk.services.greetings import (
    ComposeGreetingInput,
    list_upcoming_holidays,
    preview_greetings,
    queue_greetings,
)
from lorch_desk.services.message_templates import (
    SaveTemplateInput,
    list_templates,
    preview_template,
    save_template,
)
from lorch_desk.services.messages import list_messages

TODAY = date(2026, 11, 23)  # lunar 十月十五
SPRING_FESTIVAL = Holiday("春节", date(2027, 2, 6))


@pytest.fixture()
def hq(actor_for):  # noqa: ANN001, ANN201
    return actor_for(Role.HQ_ADMIN)


@pytest.fixture()
def desk(actor_for):  # noqa: ANN001, ANN201
    return actor_for(Role.CUSTOMER_SERVICE)


@pytest.fixture()
def people(run, desk, database) -> dict[str, object]:  # noqa: ANN001
    """王芳 (birthday today, consented), 李强 (lunar birthday today), 赵敏 (no mobile)."""
    made = {}
    for name, gender, birthday, mobile, consent in (
        ("王芳", "female", date(1985, 11, 23), "13800138001", True),
        ("李强", "male", date(1988, 11, 23), "13800138002", False),
    ):
        made[name] = run(
            desk,
            customers.register_customer,
            data=CustomerInput(
                name=name,
                gender=gender,
                birthday=birthday,
                mobile=mobile,
                sms_consent=consent,
                channel="walk_in",
            ),
        ).id
    run(desk, set_lunar_birthday, customer_id=made["李强"], celebrates=True)
    # Imported from the old system without a mobile (the desks' forms always ask for one).
    no_mobile = Customer(
        file_number="OLD-0001", name="赵敏", gender="female", birthday=date(1990, 11, 24)
    )
    no_mobile.sms_consent = True
    database.run(desk, lambda uow, _p: uow.session.add(no_mobile))
    made["赵敏"] = no_mobile.id
    return made


def _template(run, hq, purpose: GreetingPurpose, body: str):  # noqa: ANN001, ANN202
    return run(
        hq, save_template, data=SaveTemplateInput(purpose=purpose, title=purpose.value, body=body)
    )


def _count(database, actor, model) -> int:  # noqa: ANN001
    with database.unit_of_work(actor, read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_hq_words_a_template_and_unknown_placeholders_are_refused(run, hq, desk) -> None:  # noqa: ANN001
    row = _template(run, hq, GreetingPurpose.BIRTHDAY, "尊敬的{name}{title},{centre}祝您生日快乐!")
    assert [t.title for t in run(desk, list_templates)] == ["birthday"]
    sample = run(desk, preview_template, body=row.body, purpose=GreetingPurpose.BIRTHDAY)
    assert sample == "尊敬的王芳女士,北京总部祝您生日快乐!"
    with pytest.raises(ValidationFailed) as refused:
        _template(run, hq, GreetingPurpose.BIRTHDAY, "{name},{holiday}快乐")
    assert refused.value.params["rule"] == "unknown_placeholder"
    assert refused.value.params["placeholder"] == "{holiday}"
    assert refused.value.params["allowed"] == "{name}, {title}, {date}, {centre}"
    with pytest.raises(ValidationFailed) as refused:
        _template(run, hq, GreetingPurpose.HOLIDAY, "{name 节日快乐")
    assert refused.value.params["rule"] == "template_braces"
    with pytest.raises(PermissionDenied):
        _template(run, desk, GreetingPurpose.BIRTHDAY, "{name}生日快乐")
    assert len(run(desk, list_templates)) == 1


def test_birthday_greetings_go_once_to_the_chosen_birthday_customers(
    run, hq, desk, people, database
) -> None:  # noqa: ANN001
    template = _template(run, hq, GreetingPurpose.BIRTHDAY, "{name}{title},{date}生日快乐!")
    data = ComposeGreetingInput(
        template_id=template.id, customer_ids=(people["王芳"], people["李强"], people["赵敏"])
    )
    preview = run(desk, preview_greetings, data=data, today=TODAY)
    assert (preview.count, preview.without_mobile) == (2, 1)
    assert {line.body for line in preview.lines} == {
        "王芳女士,11月23日生日快乐!",
        "李强先生,11月23日生日快乐!",
    }
    assert _count(database, desk, OutgoingMessage) == 0  # a preview writes nothing

    queued = run(desk, queue_greetings, data=data, today=TODAY)
    assert queued.count == 2
    outbox = run(desk, list_messages)
    assert sorted((m.recipient_name, m.kind.value) for m in outbox) == [
        ("李强", "birthday_greeting"),
        ("王芳", "birthday_greeting"),
    ]
    again = run(desk, preview_greetings, data=data, today=TODAY)
    assert (again.count, again.already_greeted) == (0, 2)
    with pytest.raises(ValidationFailed) as refused:
        run(desk, queue_greetings, data=data, today=TODAY)
    assert refused.value.params["rule"] == "no_recipients"
    assert _count(database, desk, Greeting) == 2


def test_holiday_greetings_use_the_holiday_library(run, hq, desk, people) -> None:  # noqa: ANN001
    holidays = run(desk, list_upcoming_holidays, today=date(2026, 12, 1), days=90)
    assert [(h.name, h.on) for h in holidays] == [
        ("元旦", date(2027, 1, 1)),
        ("农历除夕", date(2027, 2, 5)),
        ("春节", date(2027, 2, 6)),
    ]
    template = _template(
        run, hq, GreetingPurpose.HOLIDAY, "{name}{title}:{centre}祝您{holiday}快乐!"
    )
    data = ComposeGreetingInput(template_id=template.id, holiday=SPRING_FESTIVAL)
    queued = run(desk, queue_greetings, data=data, today=TODAY)
    assert (queued.count, queued.without_mobile, queued.without_consent) == (2, 1, 0)
    assert "王芳女士:北京总部祝您春节快乐!" in {line.body for line in queued.lines}
    with pytest.raises(ValidationFailed):
        run(
            desk,
            preview_greetings,
            data=ComposeGreetingInput(
                template_id=template.id, holiday=Holiday("春节", date(2027, 3, 1))
            ),
            today=TODAY,
        )


def test_marketing_goes_only_to_customers_who_consented(run, hq, desk, people) -> None:  # noqa: ANN001
    template = _template(run, hq, GreetingPurpose.MARKETING, "{name}{title}:{date}起{item}八折。")
    with pytest.raises(ValidationFailed) as refused:
        run(desk, preview_greetings, data=ComposeGreetingInput(template_id=template.id))
    assert refused.value.field == "item"
    data = ComposeGreetingInput(template_id=template.id, item="冬季养生套餐", on=date(2026, 12, 1))
    queued = run(desk, queue_greetings, data=data, today=TODAY)
    assert (queued.count, queued.without_consent, queued.without_mobile) == (1, 1, 1)
    assert [line.body for line in queued.lines] == ["王芳女士:12月1日起冬季养生套餐八折。"]
    assert [m.recipient_name for m in run(desk, list_messages)] == ["王芳"]
