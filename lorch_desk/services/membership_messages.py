"""Members' messages through the message outbox: tier notices and event invitations."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.appointment_messages import MessageKind, addressed_name
from lorch_desk.domain.membership import render_event_invitation, render_tier_notice
from lorch_desk.models.messages import OutgoingMessage
from lorch_desk.services.messages import PENDING

TIER_CHANGED = MessageKind.TIER_CHANGED.value
EVENT_INVITATION = MessageKind.MEMBER_EVENT_INVITATION.value


def tier_notice_row(
    *,
    customer_id: uuid.UUID,
    name: str,
    gender: str,
    mobile: str | None,
    last_day: date,
    spend: Decimal,
    from_tier: str,
    to_tier: str,
) -> dict[str, Any]:
    """The outbox message that tells a customer of their new tier (for a bulk insert)."""
    body = render_tier_notice(
        name=addressed_name(name, gender),
        last_day=last_day,
        spend=spend,
        from_tier=from_tier,
        to_tier=to_tier,
    )
    return {
        "kind": TIER_CHANGED,
        "customer_id": customer_id,
        "recipient_name": name,
        "mobile": mobile,
        "body": body,
        "status": PENDING,
    }


def queue_event_invitation(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    name: str,
    gender: str,
    mobile: str | None,
    title: str,
    when: str,
    place: str,
) -> OutgoingMessage:
    """Invite a member to a member event."""
    body = render_event_invitation(
        name=addressed_name(name, gender), title=title, when=when, place=place
    )
    return _queue(uow, EVENT_INVITATION, customer_id, name, mobile, body)


def _queue(
    uow: UnitOfWork,
    kind: str,
    customer_id: uuid.UUID,
    name: str,
    mobile: str | None,
    body: str,
) -> OutgoingMessage:
    message = OutgoingMessage(
        kind=kind,
        customer_id=customer_id,
        recipient_name=name,
        mobile=mobile,
        body=body,
        status=PENDING,
    )
    uow.session.add(message)
    return message
