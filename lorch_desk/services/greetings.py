"""Greeting batches: birthdays, Chinese holidays and marketing, written to the message outbox.

Decision (seeds 000 §个性化服务, DOMAIN.md "Personal care"): birthday and holiday greetings are
personal care and go to every customer of the centre with a mobile; marketing goes only to
customers who gave their SMS consent (短信服务, `Customer.sms_consent`). A customer is greeted
once per birthday and once per festival, whoever queues the batch.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.greeting_holidays import Holiday, holidays_between
from lorch_desk.domain.greeting_templates import (
    MESSAGE_KINDS,
    GreetingPurpose,
    GreetingValues,
    occasion_key,
    render_greeting,
)
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress, SilentProgress
from lorch_desk.models.base import new_id
from lorch_desk.models.customer import Customer
from lorch_desk.models.greetings import Greeting, MessageTemplate
from lorch_desk.models.messages import OutgoingMessage
from lorch_desk.services.access import require
from lorch_desk.services.greeting_birthdays import BIRTHDAY_WINDOW_DAYS, find_birthdays
from lorch_desk.services.message_templates import centre_name, get_template
from lorch_desk.services.messages import PENDING

# How far ahead the holiday list looks: past 92 days, so 2 October still sees 1 January.
HOLIDAY_HORIZON_DAYS = 100
PREVIEW_LINES = 20


@dataclass(frozen=True, slots=True)
class ComposeGreetingInput:
    """A batch from one template: birthday customers, a holiday, or a marketing item and day."""

    template_id: uuid.UUID
    customer_ids: tuple[uuid.UUID, ...] = ()  # birthday: the customers chosen from the list
    holiday: Holiday | None = None  # holiday: the festival greeted
    item: str = ""  # marketing: what is offered ({item})
    on: date | None = None  # marketing: the day it speaks of ({date}); today when not given


@dataclass(frozen=True, slots=True)
class GreetingLine:
    """One message of a batch as the preview shows it."""

    customer_id: uuid.UUID
    recipient_name: str
    mobile_display: str
    body: str


@dataclass(frozen=True, slots=True)
class GreetingPreview:
    """How many messages a batch writes, who is left out and why, and the first few texts."""

    purpose: GreetingPurpose
    count: int
    without_mobile: int
    already_greeted: int
    without_consent: int
    lines: tuple[GreetingLine, ...]


@dataclass(frozen=True, slots=True)
class _Recipient:
    customer: Customer
    on: date
    occasion: str


def list_upcoming_holidays(
    uow: UnitOfWork, *, today: date | None = None, days: int = HOLIDAY_HORIZON_DAYS
) -> list[Holiday]:
    """The Chinese festivals from today on for `days` days, to greet customers on."""
    require(uow.actor, Action.GREETING_SEND)
    today = today or clinic_today()
    return holidays_between(today, today + timedelta(days=days - 1))


def preview_greetings(
    uow: UnitOfWork, *, data: ComposeGreetingInput, today: date | None = None
) -> GreetingPreview:
    """What queueing the batch would write, without writing anything."""
    require(uow.actor, Action.GREETING_SEND)
    return _compose(uow, data, today or clinic_today(), write=False, progress=SilentProgress())


def queue_greetings(
    uow: UnitOfWork,
    *,
    data: ComposeGreetingInput,
    today: date | None = None,
    progress: Progress | None = None,
) -> GreetingPreview:
    """Write the batch's messages to the outbox (one per customer and occasion); says how many."""
    require(uow.actor, Action.GREETING_SEND)
    preview = _compose(
        uow, data, today or clinic_today(), write=True, progress=progress or SilentProgress()
    )
    if preview.count == 0:
        raise ValidationFailed(field="recipients", rule="no_recipients")
    return preview


def _compose(
    uow: UnitOfWork, data: ComposeGreetingInput, today: date, *, write: bool, progress: Progress
) -> GreetingPreview:
    template = get_template(uow, data.template_id)
    if not template.is_active:
        raise ValidationFailed(field="template", rule="inactive")
    purpose = GreetingPurpose(template.purpose)
    if purpose is GreetingPurpose.MARKETING and "{item}" in template.body and not data.item.strip():
        raise ValidationFailed(field="item", rule="required")
    recipients = list(_recipients(uow, purpose, data, today))
    greeted = _already_greeted(uow, recipients)
    centre = centre_name(uow)
    counts = {"mobile": 0, "greeted": 0, "consent": 0}
    lines: list[GreetingLine] = []
    written = 0
    greetings: list[Greeting] = []
    for done, recipient in enumerate(recipients):
        customer = recipient.customer
        if not customer.mobile:
            counts["mobile"] += 1
            continue
        if (customer.id, recipient.occasion) in greeted:
            counts["greeted"] += 1
            continue
        if purpose is GreetingPurpose.MARKETING and not customer.sms_consent:
            counts["consent"] += 1
            continue
        body = render_greeting(template.body, _values(customer, recipient.on, centre, data))
        written += 1
        if len(lines) < PREVIEW_LINES:
            lines.append(GreetingLine(customer.id, customer.name, customer.mobile, body))
        if write:
            greetings.append(_write(uow, template, purpose, recipient, body))
            if done % 200 == 0:
                progress.report(done, len(recipients))
    # The messages first: a greeting refers to its message (no ORM relationship orders them).
    uow.session.flush()
    uow.session.add_all(greetings)
    uow.session.flush()
    return GreetingPreview(
        purpose=purpose,
        count=written,
        without_mobile=counts["mobile"],
        already_greeted=counts["greeted"],
        without_consent=counts["consent"],
        lines=tuple(_masked(line, uow) for line in lines),
    )


def _recipients(
    uow: UnitOfWork, purpose: GreetingPurpose, data: ComposeGreetingInput, today: date
) -> Iterator[_Recipient]:
    if purpose is GreetingPurpose.BIRTHDAY:
        chosen = set(data.customer_ids)
        if not chosen:
            raise ValidationFailed(field="recipients", rule="no_recipients")
        last = today + timedelta(days=BIRTHDAY_WINDOW_DAYS - 1)
        for match in find_birthdays(uow, first=today, last=last):
            if match.customer.id in chosen:
                occasion = occasion_key(purpose, match.on)
                yield _Recipient(match.customer, match.on, occasion)
        return
    if purpose is GreetingPurpose.HOLIDAY:
        holiday = data.holiday
        if holiday is None or holiday not in holidays_between(holiday.on, holiday.on):
            raise ValidationFailed(field="holiday", rule="required")
        on, occasion = holiday.on, occasion_key(purpose, holiday.on, holiday.name)
    else:
        on, occasion = data.on or today, occasion_key(purpose, today, new_id().hex)
    statement = (
        select(Customer)
        .where(
            Customer.site_id == uow.actor.site_id,
            Customer.deleted_at.is_(None),
            Customer.merged_into_id.is_(None),
        )
        .order_by(Customer.name_pinyin, Customer.id)
    )
    for customer in uow.session.scalars(statement):
        yield _Recipient(customer, on, occasion)


def _already_greeted(uow: UnitOfWork, recipients: list[_Recipient]) -> set[tuple[uuid.UUID, str]]:
    occasions = {recipient.occasion for recipient in recipients}
    if not occasions:
        return set()
    rows = uow.session.execute(
        select(Greeting.customer_id, Greeting.occasion).where(
            Greeting.occasion.in_(occasions), Greeting.deleted_at.is_(None)
        )
    )
    return {(customer_id, occasion) for customer_id, occasion in rows}


def _values(
    customer: Customer, on: date, centre: str, data: ComposeGreetingInput
) -> GreetingValues:
    holiday = data.holiday.name if data.holiday is not None else ""
    return GreetingValues(customer.name, customer.gender, on, centre, holiday, data.item)


def _write(
    uow: UnitOfWork,
    template: MessageTemplate,
    purpose: GreetingPurpose,
    recipient: _Recipient,
    body: str,
) -> Greeting:
    """Add the message to the outbox; the greeting that records it is returned, not added."""
    customer = recipient.customer
    message = OutgoingMessage(
        id=new_id(),
        kind=MESSAGE_KINDS[purpose].value,
        customer_id=customer.id,
        recipient_name=customer.name,
        mobile=customer.mobile,
        body=body,
        status=PENDING,
    )
    uow.session.add(message)
    return Greeting(
        customer_id=customer.id,
        purpose=purpose.value,
        occasion=recipient.occasion,
        occasion_on=recipient.on,
        template_id=template.id,
        message_id=message.id,
    )


def _masked(line: GreetingLine, uow: UnitOfWork) -> GreetingLine:
    if uow.actor.may(Action.CUSTOMER_REVEAL_CONTACT):
        return line
    return GreetingLine(
        line.customer_id, line.recipient_name, mask_mobile(line.mobile_display), line.body
    )
