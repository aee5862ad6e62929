"""The message outbox: messages written with the booking they tell of, sent in a later step."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.appointment_messages import DEFAULT_TEMPLATES, MessageKind, render_message
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action
from lorch_desk.models.appointments import Appointment
from lorch_desk.models.base import utc_now
from lorch_desk.models.messages import MessageAttempt, OutgoingMessage
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services.access import require

PENDING = "pending"
SENT = "sent"
TEMPLATE_KEY_PREFIX = "message.template."
# Waits before the next try after 1, 2, 3, ... failures; the last one repeats.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
)


@dataclass(frozen=True, slots=True)
class MessageRow:
    """One message of the outbox as the desk lists it."""

    id: uuid.UUID
    kind: MessageKind
    created_at: datetime
    recipient_name: str
    mobile_display: str
    body: str
    is_sent: bool
    attempts: int
    last_error: str
    sent_at: datetime | None
    sent_via: str


@dataclass(frozen=True, slots=True)
class DueMessage:
    """A message a sender should try now (full number: it is going out)."""

    id: uuid.UUID
    mobile: str
    body: str


def queue_appointment_message(
    uow: UnitOfWork, *, appointment: Appointment, kind: MessageKind
) -> OutgoingMessage:
    """Write the confirmation or cancellation of `appointment` to the outbox (same transaction)."""
    message = OutgoingMessage(
        kind=kind.value,
        appointment_id=appointment.id,
        customer_id=appointment.customer_id,
        recipient_name=appointment.customer_name,
        mobile=appointment.mobile,
        body=render_message(
            _template(uow, kind),
            name=appointment.customer_name,
            gender=appointment.gender,
            local_start=clinic_time(appointment.starts_at),
            item=appointment.item,
        ),
        status=PENDING,
    )
    uow.session.add(message)
    return message


def list_messages(
    uow: UnitOfWork, *, unsent_only: bool = False, limit: int = 200
) -> list[MessageRow]:
    """This site's outbox, unsent first, newest first."""
    require(uow.actor, Action.APPOINTMENT_VIEW)
    statement = select(OutgoingMessage).where(OutgoingMessage.site_id == uow.actor.site_id)
    if unsent_only:
        statement = statement.where(OutgoingMessage.status == PENDING)
    statement = statement.order_by(
        (OutgoingMessage.status == SENT), OutgoingMessage.created_at.desc()
    ).limit(limit)
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    return [_row(message, masked=masked) for message in uow.session.scalars(statement)]


def mark_sent(uow: UnitOfWork, *, message_id: uuid.UUID, now: datetime | None = None) -> MessageRow:
    """Record that a member of staff sent the message by hand."""
    require(uow.actor, Action.MESSAGE_SEND)
    message = _message(uow, message_id)
    if message.status == SENT:
        raise ValidationFailed(field="message_id", rule="already_sent")
    now = now or utc_now()
    _record(uow, message, sender="manual", error="", now=now)
    message.sent_by_name = uow.actor.display_name
    uow.session.flush()
    return _row(message, masked=False)


def list_due_messages(uow: UnitOfWork, *, now: datetime, limit: int = 50) -> list[DueMessage]:
    """Unsent messages with a mobile whose next try is due, oldest first."""
    require(uow.actor, Action.MESSAGE_SEND)
    statement = (
        select(OutgoingMessage)
        .where(
            OutgoingMessage.site_id == uow.actor.site_id,
            OutgoingMessage.status == PENDING,
            OutgoingMessage.mobile.is_not(None),
            or_(OutgoingMessage.next_attempt_at.is_(None), OutgoingMessage.next_attempt_at <= now),
        )
        .order_by(OutgoingMessage.created_at)
        .limit(limit)
    )
    return [
        DueMessage(message.id, message.mobile or "", message.body)
        for message in uow.session.scalars(statement)
    ]


def record_attempt(
    uow: UnitOfWork, *, message_id: uuid.UUID, sender: str, error: str, now: datetime
) -> None:
    """Record one try of a sender: sent when `error` is empty, else kept for a later retry."""
    require(uow.actor, Action.MESSAGE_SEND)
    message = _message(uow, message_id)
    if message.status == SENT:
        return
    _record(uow, message, sender=sender, error=error, now=now)
    uow.session.flush()


def _record(
    uow: UnitOfWork, message: OutgoingMessage, *, sender: str, error: str, now: datetime
) -> None:
    uow.session.add(
        MessageAttempt(
            message_id=message.id,
            attempted_at=now,
            sender=sender,
            succeeded=not error,
            error=error[:2000],
        )
    )
    message.attempts += 1
    if error:
        message.last_error = error[:2000]
        delay = RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
        message.next_attempt_at = now + delay
    else:
        message.status = SENT
        message.sent_at = now
        message.sent_via = sender
        message.next_attempt_at = None


def _template(uow: UnitOfWork, kind: MessageKind) -> str:
    stored = uow.session.scalars(
        select(ClinicSetting.value).where(
            ClinicSetting.key == TEMPLATE_KEY_PREFIX + kind.value,
            ClinicSetting.deleted_at.is_(None),
        )
    ).first()
    return stored if isinstance(stored, str) and stored.strip() else DEFAULT_TEMPLATES[kind]


def _message(uow: UnitOfWork, message_id: uuid.UUID) -> OutgoingMessage:
    message = uow.session.get(OutgoingMessage, message_id)
    if message is None or message.site_id != uow.actor.site_id:
        raise NotFound(message_id=str(message_id))
    return message


def _row(message: OutgoingMessage, *, masked: bool) -> MessageRow:
    return MessageRow(
        id=message.id,
        kind=MessageKind(message.kind),
        created_at=message.created_at,
        recipient_name=message.recipient_name,
        mobile_display=mask_mobile(message.mobile) if masked else (message.mobile or ""),
        body=message.body,
        is_sent=message.status == SENT,
        attempts=message.attempts,
        last_error=message.last_error,
        sent_at=message.sent_at,
        sent_via=message.sent_via,
    )
