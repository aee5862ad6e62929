"""Member events (seed 002, 会员活动): invitations to target tiers, sign-in, a summary."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.appointment_messages import spoken_time
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.customer import Customer
from lorch_desk.models.member_events import MemberEvent, MemberEventInvitation, PartnerMerchant
from lorch_desk.services.access import require
from lorch_desk.services.membership import (
    current_tier_statement,
    lowest_tier_code,
    tier_names,
    tier_rules,
)
from lorch_desk.services.membership_messages import queue_event_invitation

MAX_SUMMARY_LENGTH = 4000


@dataclass(frozen=True, slots=True)
class MemberEventInput:
    """What the event form sends; `target_tiers` are tier codes."""

    title: str
    starts_at: datetime
    place: str
    merchant_id: uuid.UUID | None
    target_tiers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MemberEventRow:
    """An event as the list shows it, with its invitation and sign-in counts."""

    id: uuid.UUID
    title: str
    starts_at: datetime
    place: str
    merchant_name: str
    target_tier_names: str
    invited: int
    signed_in: int
    summary: str


@dataclass(frozen=True, slots=True)
class InvitationRow:
    """One invited member and whether they signed in."""

    id: uuid.UUID
    customer_id: uuid.UUID
    name: str
    file_number: str
    invited_at: datetime
    signed_in_at: datetime | None


@dataclass(frozen=True, slots=True)
class InviteResult:
    """Invitations written now; members of the tiers left out for lack of SMS consent."""

    invited: int
    without_consent: int


def create_member_event(
    uow: UnitOfWork, *, data: MemberEventInput, now: datetime | None = None
) -> MemberEventRow:
    """Plan a member event for some tiers, optionally with a partner merchant."""
    require(uow.actor, Action.MEMBER_EVENT_MANAGE)
    title, place = data.title.strip(), data.place.strip()
    if not title:
        raise ValidationFailed(field="title", rule="required")
    if len(title) > 100:
        raise ValidationFailed(field="title", rule="too_long", maximum=100)
    if not place:
        raise ValidationFailed(field="place", rule="required")
    if len(place) > 200:
        raise ValidationFailed(field="place", rule="too_long", maximum=200)
    if data.starts_at.tzinfo is None:
        raise ValidationFailed(field="starts_at", rule="needs_time_zone")
    if data.starts_at < (now or utc_now()):
        raise ValidationFailed(field="starts_at", rule="in_the_past")
    known = {rule.code for rule in tier_rules(uow)}
    targets = tuple(code for code in dict.fromkeys(data.target_tiers) if code)
    if not targets:
        raise ValidationFailed(field="target_tiers", rule="required")
    if not set(targets) <= known:
        raise ValidationFailed(field="target_tiers", rule="not_found")
    if data.merchant_id is not None:
        merchant = uow.session.get(PartnerMerchant, data.merchant_id)
        if merchant is None or merchant.deleted_at is not None:
            raise ValidationFailed(field="merchant_id", rule="not_found")
    event = MemberEvent(
        title=title,
        starts_at=data.starts_at,
        place=place,
        merchant_id=data.merchant_id,
        target_tiers=",".join(targets),
    )
    uow.session.add(event)
    uow.session.flush()
    return _rows(uow, [event])[0]


def list_member_events(uow: UnitOfWork, *, limit: int = 100) -> list[MemberEventRow]:
    """The site's member events, newest first."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    events = uow.session.scalars(
        select(MemberEvent)
        .where(MemberEvent.site_id == uow.actor.site_id, MemberEvent.deleted_at.is_(None))
        .order_by(MemberEvent.starts_at.desc())
        .limit(limit)
    ).all()
    return _rows(uow, list(events))


def invite_members(uow: UnitOfWork, *, event_id: uuid.UUID) -> InviteResult:
    """Invite the site's customers of the target tiers who consented to messages (once each)."""
    require(uow.actor, Action.MEMBER_EVENT_MANAGE)
    event = _event(uow, event_id)
    rules = tier_rules(uow)
    current = current_tier_statement().subquery()
    held = func.coalesce(current.c.tier_code, lowest_tier_code(rules))
    invited = select(MemberEventInvitation.customer_id).where(
        MemberEventInvitation.event_id == event.id, MemberEventInvitation.deleted_at.is_(None)
    )
    members = (
        select(Customer)
        .outerjoin(current, current.c.customer_id == Customer.id)
        .where(
            Customer.site_id == uow.actor.site_id,
            Customer.deleted_at.is_(None),
            Customer.merged_into_id.is_(None),
            held.in_(event.target_tiers.split(",")),
            Customer.id.not_in(invited),
        )
        .order_by(Customer.name)
    )
    when = spoken_time(clinic_time(event.starts_at))
    count = without_consent = 0
    for customer in uow.session.scalars(members):
        if not customer.sms_consent:
            without_consent += 1
            continue
        message = queue_event_invitation(
            uow,
            customer_id=customer.id,
            name=customer.name,
            gender=customer.gender,
            mobile=customer.mobile,
            title=event.title,
            when=when,
            place=event.place,
        )
        uow.session.add(
            MemberEventInvitation(
                event_id=event.id,
                customer_id=customer.id,
                message_id=message.id,
                invited_at=utc_now(),
            )
        )
        count += 1
        if count % 500 == 0:
            uow.session.flush()
    uow.session.flush()
    return InviteResult(count, without_consent)


def list_invitations(uow: UnitOfWork, *, event_id: uuid.UUID) -> list[InvitationRow]:
    """Who was invited to the event, by name."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    rows = uow.session.execute(
        select(MemberEventInvitation, Customer.name, Customer.file_number)
        .join(Customer, Customer.id == MemberEventInvitation.customer_id)
        .where(
            MemberEventInvitation.event_id == event_id,
            MemberEventInvitation.deleted_at.is_(None),
        )
        .order_by(Customer.name)
    ).all()
    return [
        InvitationRow(
            invitation.id,
            invitation.customer_id,
            name,
            file_number,
            invitation.invited_at,
            invitation.signed_in_at,
        )
        for invitation, name, file_number in rows
    ]


def sign_in(
    uow: UnitOfWork, *, invitation_id: uuid.UUID, now: datetime | None = None
) -> InvitationRow:
    """Record that an invited member signed in at the event (seed 002: 会员签到)."""
    require(uow.actor, Action.MEMBER_EVENT_MANAGE)
    invitation = uow.session.get(MemberEventInvitation, invitation_id)
    if invitation is None or invitation.deleted_at is not None:
        raise NotFound(invitation_id=str(invitation_id))
    _event(uow, invitation.event_id)
    if invitation.signed_in_at is not None:
        raise ValidationFailed(field="invitation_id", rule="already_signed_in")
    invitation.signed_in_at = now or utc_now()
    uow.session.flush()
    return next(
        row
        for row in list_invitations(uow, event_id=invitation.event_id)
        if row.id == invitation.id
    )


def save_event_summary(uow: UnitOfWork, *, event_id: uuid.UUID, summary: str) -> MemberEventRow:
    """The short written summary after the event (seed 002: 总结评估)."""
    require(uow.actor, Action.MEMBER_EVENT_MANAGE)
    event = _event(uow, event_id)
    summary = summary.strip()
    if len(summary) > MAX_SUMMARY_LENGTH:
        raise ValidationFailed(field="summary", rule="too_long", maximum=MAX_SUMMARY_LENGTH)
    event.summary = summary
    uow.session.flush()
    return _rows(uow, [event])[0]


def _event(uow: UnitOfWork, event_id: uuid.UUID) -> MemberEvent:
    event = uow.session.get(MemberEvent, event_id)
    if event is None or event.deleted_at is not None or event.site_id != uow.actor.site_id:
        raise NotFound(event_id=str(event_id))
    return event


def _rows(uow: UnitOfWork, events: Sequence[MemberEvent]) -> list[MemberEventRow]:
    if not events:
        return []
    ids = [event.id for event in events]
    counts = {
        event_id: (int(invited), int(signed or 0))
        for event_id, invited, signed in uow.session.execute(
            select(
                MemberEventInvitation.event_id,
                func.count(),
                func.count(MemberEventInvitation.signed_in_at),
            )
            .where(
                MemberEventInvitation.event_id.in_(ids),
                MemberEventInvitation.deleted_at.is_(None),
            )
            .group_by(MemberEventInvitation.event_id)
        )
    }
    merchants = dict(
        uow.session.execute(
            select(PartnerMerchant.id, PartnerMerchant.name).where(
                PartnerMerchant.id.in_([e.merchant_id for e in events if e.merchant_id])
            )
        ).all()
    )
    names = tier_names(uow)
    return [
        MemberEventRow(
            id=event.id,
            title=event.title,
            starts_at=event.starts_at,
            place=event.place,
            merchant_name=merchants.get(event.merchant_id, "") if event.merchant_id else "",
            target_tier_names="、".join(
                names.get(code, code) for code in event.target_tiers.split(",")
            ),
            invited=counts.get(event.id, (0, 0))[0],
            signed_in=counts.get(event.id, (0, 0))[1],
            summary=event.summary,
        )
        for event in events
    ]
