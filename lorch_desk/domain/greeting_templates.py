"""Message templates of the personal care of seed 000: placeholders, checks and filling in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from string import Formatter

from lorch_desk.domain.appointment_messages import MessageKind, addressed_name
from lorch_desk.domain.errors import ValidationFailed

MAX_BODY_LENGTH = 500


class GreetingPurpose(StrEnum):
    """What a template is for; marketing alone needs the customer's consent (seed 000 §3)."""

    BIRTHDAY = "birthday"
    HOLIDAY = "holiday"
    MARKETING = "marketing"


MESSAGE_KINDS: dict[GreetingPurpose, MessageKind] = {
    GreetingPurpose.BIRTHDAY: MessageKind.BIRTHDAY_GREETING,
    GreetingPurpose.HOLIDAY: MessageKind.HOLIDAY_GREETING,
    GreetingPurpose.MARKETING: MessageKind.MARKETING,
}

_COMMON = ("name", "title", "date", "centre")
# The placeholders each purpose may use, in the order the editor lists them.
PLACEHOLDERS: dict[GreetingPurpose, tuple[str, ...]] = {
    GreetingPurpose.BIRTHDAY: _COMMON,
    GreetingPurpose.HOLIDAY: (*_COMMON, "holiday"),
    GreetingPurpose.MARKETING: (*_COMMON, "item"),
}


@dataclass(frozen=True, slots=True)
class GreetingValues:
    """What fills one message: the customer, the day it speaks of, the centre, the occasion."""

    name: str
    gender: str
    on: date
    centre: str
    holiday: str = ""
    item: str = ""


def allowed_placeholders(purpose: GreetingPurpose) -> str:
    """{name}, {title}, ...: the placeholders of a purpose as the editor shows them."""
    return ", ".join("{" + name + "}" for name in PLACEHOLDERS[purpose])


def check_template(body: str, purpose: GreetingPurpose) -> str:
    """The body stripped, or ValidationFailed naming the first placeholder that is not known."""
    body = body.strip()
    if not body:
        raise ValidationFailed(field="body", rule="required")
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationFailed(field="body", rule="too_long", maximum=MAX_BODY_LENGTH)
    allowed = allowed_placeholders(purpose)
    try:
        parts = list(Formatter().parse(body))
    except ValueError:
        raise ValidationFailed(field="body", rule="template_braces", allowed=allowed) from None
    for _text, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in PLACEHOLDERS[purpose] or spec or conversion:
            raise ValidationFailed(
                field="body",
                rule="unknown_placeholder",
                placeholder="{" + field + "}",
                allowed=allowed,
            )
    return body


def render_greeting(body: str, values: GreetingValues) -> str:
    """The text of one message: 尊敬的{name}{title} becomes 尊敬的王芳女士."""
    name = values.name.strip()
    return body.format(
        name=name,
        title=addressed_name(name, values.gender).removeprefix(name),
        date=f"{values.on.month}月{values.on.day}日",
        centre=values.centre,
        holiday=values.holiday,
        item=values.item.strip(),
    )


def occasion_key(purpose: GreetingPurpose, on: date, name: str = "") -> str:
    """What a greeting is for (birthday 2026-11-23, holiday 2027-02-06 春节): one per customer."""
    return " ".join(part for part in (purpose.value, on.isoformat(), name) if part)
