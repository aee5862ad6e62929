"""呼叫中心: log inbound calls (the caller matched to a customer by number) and outbound calls."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.calls import CallDirection, CallOutcome, CallTopic, check_duration
from lorch_desk.domain.clock import clinic_midnight
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.calls import CallLog
from lorch_desk.models.customer import Customer
from lorch_desk.services.access import require
from lorch_desk.services.call_reviews import latest_reviews
from lorch_desk.services.customer_search import search_customers
from lorch_desk.services.customer_validation import normalise_mobile
from lorch_desk.services.customers import CustomerRow

_E = TypeVar("_E", bound=StrEnum)

NUMBER_MAX_LENGTH = 30
NAME_MAX_LENGTH = 50
SUMMARY_MAX_LENGTH = 2000
MATCH_LIMIT = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class CallInput:
    """One call as the agent logs it; an outbound call is always to a registered customer."""

    direction: CallDirection | str
    topic: CallTopic | str
    outcome: CallOutcome | str
    number: str = ""
    customer_id: uuid.UUID | None = None
    caller_name: str = ""
    summary: str = ""
    duration_seconds: int = 0
    called_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CallRow:
    """One line of the call log, with the newest quality review if there is one."""

    id: uuid.UUID
    called_at: datetime
    direction: CallDirection
    agent_id: uuid.UUID | None
    agent_name: str
    number_display: str
    customer_id: uuid.UUID | None
    caller_name: str
    topic: CallTopic
    outcome: CallOutcome
    summary: str
    duration_seconds: int
    review_percent: Decimal | None = None
    review_comment: str = ""


def match_caller(uow: UnitOfWork, *, number: str) -> list[CustomerRow]:
    """The customers registered with exactly this mobile number (the caller ID of a call)."""
    require(uow.actor, Action.CALL_LOG)
    mobile = normalise_mobile(number)
    if mobile is None:
        return []
    exact = set(_customers_with_mobile(uow, mobile))
    return [
        row for row in search_customers(uow, query=mobile, limit=MATCH_LIMIT) if row.id in exact
    ]


def log_call(uow: UnitOfWork, *, data: CallInput, now: datetime | None = None) -> CallRow:
    """Write one inbound or outbound call to the call log (a ledger: never edited)."""
    require(uow.actor, Action.CALL_LOG)
    now = now or utc_now()
    called_at = data.called_at or now
    if called_at > now:
        raise ValidationFailed(field="called_at", rule="in_the_future")
    direction = _choice(CallDirection, data.direction, "direction")
    topic = _choice(CallTopic, data.topic, "topic")
    outcome = _choice(CallOutcome, data.outcome, "outcome")
    number = data.number.strip()
    customer = _customer(uow, data.customer_id)
    if direction is CallDirection.OUTBOUND and customer is None:
        raise ValidationFailed(field="customer_id", rule="required")
    if customer is None and number:
        matches = _customers_with_mobile(uow, normalise_mobile(number) or "")
        customer = uow.session.get(Customer, matches[0]) if len(matches) == 1 else None
    if not number and customer is not None:
        number = customer.mobile or customer.phone
    if not number:
        raise ValidationFailed(field="number", rule="required")
    caller_name = data.caller_name.strip() or (customer.name if customer else "")
    for value, field, maximum in (
        (number, "number", NUMBER_MAX_LENGTH),
        (caller_name, "caller_name", NAME_MAX_LENGTH),
        (data.summary.strip(), "summary", SUMMARY_MAX_LENGTH),
    ):
        if len(value) > maximum:
            raise ValidationFailed(field=field, rule="too_long", maximum=maximum)
    call = CallLog(
        direction=direction.value,
        called_at=called_at,
        agent_id=uow.actor.user_id,
        agent_name=uow.actor.display_name,
        number=number,
        customer_id=customer.id if customer else None,
        caller_name=caller_name,
        topic=topic.value,
        outcome=outcome.value,
        summary=data.summary.strip(),
        duration_seconds=check_duration(data.duration_seconds),
    )
    uow.session.add(call)
    uow.session.flush()
    return call_row(uow, call)


def list_calls(
    uow: UnitOfWork,
    *,
    start: date,
    end: date,
    direction: CallDirection | None = None,
    customer_id: uuid.UUID | None = None,
) -> list[CallRow]:
    """This site's calls of the clinic days `start`..`end`, newest first, with their reviews."""
    if not (uow.actor.may(Action.CALL_LOG) or uow.actor.may(Action.CALL_REVIEW)):
        raise PermissionDenied(action=Action.CALL_LOG.value, role=uow.actor.role.value)
    statement = select(CallLog).where(
        CallLog.site_id == uow.actor.site_id,
        CallLog.called_at >= clinic_midnight(start),
        CallLog.called_at < clinic_midnight(end + timedelta(days=1)),
    )
    if direction is not None:
        statement = statement.where(CallLog.direction == direction.value)
    if customer_id is not None:
        statement = statement.where(CallLog.customer_id == customer_id)
    calls = uow.session.scalars(statement.order_by(CallLog.called_at.desc())).all()
    reviews = latest_reviews(uow, [call.id for call in calls])
    return [call_row(uow, call, reviews.get(call.id)) for call in calls]


def call_row(uow: UnitOfWork, call: CallLog, review: tuple[Decimal, str] | None = None) -> CallRow:
    """The log line of `call`; the number masked for roles that do not phone customers."""
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    return CallRow(
        id=call.id,
        called_at=call.called_at,
        direction=CallDirection(call.direction),
        agent_id=call.agent_id,
        agent_name=call.agent_name,
        number_display=mask_mobile(call.number) if masked else call.number,
        customer_id=call.customer_id,
        caller_name=call.caller_name,
        topic=CallTopic(call.topic),
        outcome=CallOutcome(call.outcome),
        summary=call.summary,
        duration_seconds=call.duration_seconds,
        review_percent=review[0] if review else None,
        review_comment=review[1] if review else "",
    )


def _customers_with_mobile(uow: UnitOfWork, mobile: str) -> list[uuid.UUID]:
    if not mobile:
        return []
    return list(
        uow.session.scalars(
            select(Customer.id)
            .where(
                Customer.mobile == mobile,
                Customer.deleted_at.is_(None),
                Customer.merged_into_id.is_(None),
            )
            .limit(MATCH_LIMIT)
        )
    )


def _customer(uow: UnitOfWork, customer_id: uuid.UUID | None) -> Customer | None:
    if customer_id is None:
        return None
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationFailed(field="customer_id", rule="not_found")
    return customer


def _choice(enum: type[_E], value: object, field: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        raise ValidationFailed(field=field, rule="choice") from None
