"""电话网络咨询: register leads, log every later contact, link them to customers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import Channel, Gender
from lorch_desk.domain.errors import NotFound
from lorch_desk.domain.inquiries import ContactMethod, InquiryStatus, IntakeType
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action, Role
from lorch_desk.models.base import utc_now
from lorch_desk.models.customer import Customer
from lorch_desk.models.inquiries import Inquiry, InquiryContact
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.customer_validation import normalise_mobile
from lorch_desk.services.inquiry_settings import required_inquiry_fields
from lorch_desk.services.inquiry_validation import (
    check_choice,
    check_gender,
    check_mobile,
    check_moment,
    check_staff,
    check_text,
)
from lorch_desk.services.numbering import next_number

NUMBER_KIND = "inquiry"


@dataclass(frozen=True, slots=True, kw_only=True)
class InquiryInput:
    """What the inquiry form sends; a lead may give only a surname (王女士)."""

    customer_name: str
    mobile: str
    gender: Gender | str = Gender.UNKNOWN
    region: str = ""
    referrer_name: str = ""
    channel: Channel | str = ""
    intake_type: IntakeType | str = ""
    developer_id: uuid.UUID | None = None
    consultant_id: uuid.UUID | None = None
    item_type: str = ""
    appointment_at: datetime | None = None
    status: InquiryStatus | str = InquiryStatus.FOLLOWING
    source: str = ""
    notes: str = ""
    customer_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class InquiryRow:
    """One lead in the inquiry list (also what the front desk is offered at an arrival)."""

    id: uuid.UUID
    number: str
    inquired_at: datetime
    customer_id: uuid.UUID | None
    customer_name: str
    gender: Gender
    mobile_display: str
    channel: str
    intake_type: str
    developer_id: uuid.UUID | None
    developer_name: str
    consultant_id: uuid.UUID | None
    consultant_name: str
    item_type: str
    appointment_at: datetime | None
    status: InquiryStatus
    source: str
    region: str
    referrer_name: str
    notes: str
    contact_count: int
    # Pre-booked by its consultant with surname, phone, channel and item: not a triage turn.
    is_consultant_pre_booking: bool


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One logged contact with a lead."""

    id: uuid.UUID
    contacted_at: datetime
    contacted_by_name: str
    method: ContactMethod
    content: str
    next_contact_on: date | None


def register_inquiry(
    uow: UnitOfWork, *, data: InquiryInput, now: datetime | None = None
) -> InquiryRow:
    """Register a new lead with the fields the inquiry desk must fill."""
    require(uow.actor, Action.INQUIRY_REGISTER)
    now = now or utc_now()
    inquiry = Inquiry(number=next_number(uow, kind=NUMBER_KIND, when=now), inquired_at=now)
    _apply(uow, inquiry, data)
    uow.session.add(inquiry)
    uow.session.flush()
    return _row(uow, inquiry)


def update_inquiry(uow: UnitOfWork, *, inquiry_id: uuid.UUID, data: InquiryInput) -> InquiryRow:
    """Change a lead's details (status, appointment time, consultant...)."""
    require(uow.actor, Action.INQUIRY_REGISTER)
    inquiry = _live_inquiry(uow, inquiry_id)
    _apply(uow, inquiry, data)
    uow.session.flush()
    return _row(uow, inquiry)


def log_contact(
    uow: UnitOfWork,
    *,
    inquiry_id: uuid.UUID,
    method: ContactMethod | str,
    content: str,
    next_contact_on: date | None = None,
    new_status: InquiryStatus | str | None = None,
    now: datetime | None = None,
) -> ContactRow:
    """Log a later contact with a lead (a ledger entry); optionally move its status."""
    require(uow.actor, Action.INQUIRY_REGISTER)
    inquiry = _live_inquiry(uow, inquiry_id)
    text = check_text(content, "content", required=True, limit=2000, multiline=True)
    contact = InquiryContact(
        inquiry_id=inquiry.id,
        contacted_at=now or utc_now(),
        contacted_by_name=uow.actor.display_name,
        method=check_choice(method, ContactMethod, "method", required=True),
        content=text,
        next_contact_on=next_contact_on,
    )
    if new_status:
        inquiry.status = check_choice(new_status, InquiryStatus, "status", required=True)
    uow.session.add(contact)
    uow.session.flush()
    return _contact_row(contact)


def list_contacts(uow: UnitOfWork, *, inquiry_id: uuid.UUID) -> list[ContactRow]:
    """Every contact logged with a lead, oldest first."""
    require(uow.actor, Action.INQUIRY_VIEW)
    _live_inquiry(uow, inquiry_id)
    rows = uow.session.scalars(
        select(InquiryContact)
        .where(InquiryContact.inquiry_id == inquiry_id)
        .order_by(InquiryContact.contacted_at, InquiryContact.id)
    )
    return [_contact_row(row) for row in rows]


def link_customer(uow: UnitOfWork, *, inquiry_id: uuid.UUID, customer_id: uuid.UUID) -> InquiryRow:
    """Link a lead to the customer record found or registered for them."""
    require(uow.actor, Action.INQUIRY_REGISTER)
    inquiry = _live_inquiry(uow, inquiry_id)
    inquiry.customer_id = _live_customer(uow, customer_id).id
    uow.session.flush()
    return _row(uow, inquiry)


def get_inquiry(uow: UnitOfWork, *, inquiry_id: uuid.UUID) -> InquiryRow:
    """One lead of this site."""
    require(uow.actor, Action.INQUIRY_VIEW)
    return _row(uow, _live_inquiry(uow, inquiry_id))


def list_inquiries(
    uow: UnitOfWork,
    *,
    text: str = "",
    status: InquiryStatus | str | None = None,
    limit: int = 500,
) -> list[InquiryRow]:
    """This site's leads, newest first; `text` matches name, mobile, number or item."""
    require(uow.actor, Action.INQUIRY_VIEW)
    statement = select(Inquiry).where(
        Inquiry.site_id == uow.actor.site_id, Inquiry.deleted_at.is_(None)
    )
    if status:
        statement = statement.where(Inquiry.status == InquiryStatus(status).value)
    text = text.strip()
    if text:
        like = f"%{text}%"
        statement = statement.where(
            or_(
                Inquiry.customer_name.like(like),
                Inquiry.mobile.like(like),
                Inquiry.number.like(like),
                Inquiry.item_type.like(like),
            )
        )
    statement = statement.order_by(Inquiry.inquired_at.desc()).limit(limit)
    return [_row(uow, inquiry) for inquiry in uow.session.scalars(statement)]


def find_inquiries_for_arrival(
    uow: UnitOfWork, *, customer_id: uuid.UUID | None = None, mobile: str = ""
) -> list[InquiryRow]:
    """The open leads (not yet arrived, not lost) of a customer or a mobile number, newest first.

    The front desk calls them up when the customer arrives, so nothing is typed twice.
    """
    require(uow.actor, Action.INQUIRY_VIEW)
    matches = []
    if customer_id is not None:
        matches.append(Inquiry.customer_id == customer_id)
        customer = uow.session.get(Customer, customer_id)
        if customer is not None and customer.mobile:
            matches.append(Inquiry.mobile == customer.mobile)
    number = normalise_mobile(mobile) if mobile else None
    if number:
        matches.append(Inquiry.mobile == number)
    if not matches:
        return []
    statement = (
        select(Inquiry)
        .where(
            Inquiry.site_id == uow.actor.site_id,
            Inquiry.deleted_at.is_(None),
            Inquiry.status.in_([InquiryStatus.FOLLOWING.value, InquiryStatus.BOOKED.value]),
            or_(*matches),
        )
        .order_by(Inquiry.inquired_at.desc())
    )
    return [_row(uow, inquiry) for inquiry in uow.session.scalars(statement)]


def is_consultant_pre_booking(inquiry: Inquiry) -> bool:
    """Seed 003: pre-booked by the consultant themself, with surname, phone, channel and item."""
    return (
        inquiry.consultant_id is not None
        and inquiry.created_by == inquiry.consultant_id
        and all((inquiry.customer_name.strip(), inquiry.mobile, inquiry.channel, inquiry.item_type))
    )


def live_inquiry(uow: UnitOfWork, inquiry_id: uuid.UUID) -> Inquiry:
    """A lead of this site, for the services that build on it (arrivals, appointments)."""
    return _live_inquiry(uow, inquiry_id)


# --- checks ----------------------------------------------------------------------------------


def _apply(uow: UnitOfWork, inquiry: Inquiry, data: InquiryInput) -> None:
    required = required_inquiry_fields(uow)
    values = {
        "customer_name": check_text(
            data.customer_name, "customer_name", "customer_name" in required
        ),
        "gender": check_gender(data.gender, "gender" in required),
        "mobile": check_mobile(data.mobile, "mobile" in required, current=inquiry.mobile),
        "region": check_text(data.region, "region", "region" in required),
        "referrer_name": check_text(
            data.referrer_name, "referrer_name", "referrer_name" in required
        ),
        "channel": check_choice(data.channel, Channel, "channel", "channel" in required),
        "intake_type": check_choice(
            data.intake_type, IntakeType, "intake_type", "intake_type" in required
        ),
        "developer_id": check_staff(uow, data.developer_id, "developer_id", required, role=None),
        "consultant_id": check_staff(
            uow, data.consultant_id, "consultant_id", required, role=Role.CONSULTANT
        ),
        "item_type": check_text(data.item_type, "item_type", "item_type" in required),
        "appointment_at": check_moment(data.appointment_at, "appointment_at" in required),
        "status": check_choice(data.status, InquiryStatus, "status", True),
        "source": check_text(data.source, "source", "source" in required),
        "notes": check_text(data.notes, "notes", "notes" in required, multiline=True),
    }
    developer = (
        uow.session.get(UserAccount, values["developer_id"]) if values["developer_id"] else None
    )
    for field, value in values.items():
        if getattr(inquiry, field, None) != value:
            setattr(inquiry, field, value)
    developer_name = developer.display_name if developer else ""
    if inquiry.developer_name != developer_name:
        inquiry.developer_name = developer_name
    if data.customer_id is not None and inquiry.customer_id != data.customer_id:
        inquiry.customer_id = _live_customer(uow, data.customer_id).id


def _live_inquiry(uow: UnitOfWork, inquiry_id: uuid.UUID) -> Inquiry:
    inquiry = uow.session.get(Inquiry, inquiry_id)
    if inquiry is None or inquiry.deleted_at is not None or inquiry.site_id != uow.actor.site_id:
        raise NotFound(inquiry_id=str(inquiry_id))
    return inquiry


def _live_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> Customer:
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None or customer.merged_into_id is not None:
        raise NotFound(customer_id=str(customer_id))
    return customer


def _row(uow: UnitOfWork, inquiry: Inquiry) -> InquiryRow:
    consultant = (
        uow.session.get(UserAccount, inquiry.consultant_id) if inquiry.consultant_id else None
    )
    contacts = uow.session.scalars(
        select(InquiryContact.id).where(InquiryContact.inquiry_id == inquiry.id)
    ).all()
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    return InquiryRow(
        id=inquiry.id,
        number=inquiry.number,
        inquired_at=inquiry.inquired_at,
        customer_id=inquiry.customer_id,
        customer_name=inquiry.customer_name,
        gender=Gender(inquiry.gender),
        mobile_display=(mask_mobile(inquiry.mobile) if masked else inquiry.mobile or ""),
        channel=inquiry.channel,
        intake_type=inquiry.intake_type,
        developer_id=inquiry.developer_id,
        developer_name=inquiry.developer_name,
        consultant_id=inquiry.consultant_id,
        consultant_name=consultant.display_name if consultant else "",
        item_type=inquiry.item_type,
        appointment_at=inquiry.appointment_at,
        status=InquiryStatus(inquiry.status),
        source=inquiry.source,
        region=inquiry.region,
        referrer_name=inquiry.referrer_name,
        notes=inquiry.notes,
        contact_count=len(contacts),
        is_consultant_pre_booking=is_consultant_pre_booking(inquiry),
    )


def _contact_row(contact: InquiryContact) -> ContactRow:
    return ContactRow(
        id=contact.id,
        contacted_at=contact.contacted_at,
        contacted_by_name=contact.contacted_by_name,
        method=ContactMethod(contact.method),
        content=contact.content,
        next_contact_on=contact.next_contact_on,
    )


@dataclass(frozen=True, slots=True)
class StaffChoice:
    """A member of staff a form can pick (developer, consultant)."""

    id: uuid.UUID
    name: str
    role: Role


def list_inquiry_staff(uow: UnitOfWork) -> list[StaffChoice]:
    """The active staff of this site, for the developer and consultant lists of the form."""
    require(uow.actor, Action.INQUIRY_VIEW)
    users = uow.session.scalars(
        select(UserAccount)
        .where(
            UserAccount.is_active.is_(True),
            UserAccount.deleted_at.is_(None),
            UserAccount.site_id == uow.actor.site_id,
        )
        .order_by(UserAccount.display_name)
    )
    return [StaffChoice(user.id, user.display_name, Role(user.role)) for user in users]
