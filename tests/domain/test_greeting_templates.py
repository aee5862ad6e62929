"""Message templates: placeholders per purpose, clear refusals, the filled-in text."""

from __future__ import annotations

from datetime import date

import pytest

from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.greeting_holidays import Holiday, holidays_between
from lorch_desk.domain.greeting_templates import (
    GreetingPurpose,
    GreetingValues,
    check_template,
    render_greeting,
)


def test_the_placeholders_fill_in_name_title_date_centre_and_occasion() -> None:
    values = GreetingValues("王女士", "female", date(2027, 2, 6), "上海中心", holiday="春节")
    text = render_greeting("尊敬的{name}{title},{date}{holiday},{centre}恭祝{{新春}}!", values)
    assert text == "尊敬的王女士,2月6日春节,上海中心恭祝{新春}!"
    unknown = GreetingValues("李明", "", date(2027, 1, 1), "北京总部")
    assert render_greeting("{name}{title}", unknown) == "李明先生/女士"


@pytest.mark.parametrize(
    ("body", "rule", "placeholder"),
    [
        ("{name}{item}", "unknown_placeholder", "{item}"),
        ("{name!r}", "unknown_placeholder", "{name}"),
        ("{}", "unknown_placeholder", "{}"),
        ("{name", "template_braces", None),
        ("   ", "required", None),
        ("好" * 501, "too_long", None),
    ],
)
def test_a_template_with_an_unknown_placeholder_is_refused(
    body: str, rule: str, placeholder: str | None
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_template(body, GreetingPurpose.BIRTHDAY)
    assert refused.value.field == "body"
    assert refused.value.params["rule"] == rule
    if placeholder:
        assert refused.value.params["placeholder"] == placeholder


def test_a_festival_of_several_days_off_is_one_greeting_and_swapped_days_are_not() -> None:
    assert holidays_between(date(2026, 9, 20), date(2026, 10, 31)) == [
        Holiday("中秋节", date(2026, 9, 25)),
        Holiday("国庆节", date(2026, 10, 1)),
    ]
