"""预约: book, move, cancel and check in appointments; no person or room is booked twice."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.appointment_messages import MessageKind
from lorch_desk.domain.clock import clinic_midnight, clinic_time
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import (
    AppointmentConflict,
    AppointmentNotOpen,
    NotFound,
    ValidationFailed,
)
from lorch_desk.domain.inquiries import InquiryStatus
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action, Role
from lorch_desk.models.appointments import Appointment, Room
from lorch_desk.models.base import utc_now
from lorch_desk.models.customer import Customer
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.arrivals import ArrivalDetail, ArrivalInput, record_arrival
from lorch_desk.services.customer_validation import normalise_mobile
from lorch_desk.services.inquiries import live_inquiry
from lorch_desk.services.messages import queue_appointment_message
from lorch_desk.services.numbering import next_number

NUMBER_KIND = "appointment"
LONGEST_APPOINTMENT = timedelta(hours=8)
BOOKABLE_ROLES = frozenset({Role.CONSULTANT, Role.DOCTOR})


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"


class AppointmentPurpose(StrEnum):
    """What the visit is for; revisits and report readings are booked the same way (001)."""

    CONSULTATION = "consultation"
    TREATMENT = "treatment"
    REVISIT = "revisit"
    REPORT_READING = "report_reading"


@dataclass(frozen=True, slots=True, kw_only=True)
class AppointmentInput:
    """What the booking dialog sends; name and mobile come from the customer or lead if empty."""

    starts_at: datetime
    ends_at: datetime
    item: str
    staff_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    inquiry_id: uuid.UUID | None = None
    customer_name: str = ""
    gender: Gender | str = ""
    mobile: str = ""
    email: str = ""
    purpose: AppointmentPurpose | str = AppointmentPurpose.CONSULTATION
    notes: str = ""


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    """One appointment in a day or week view."""

    id: uuid.UUID
    number: str
    day: date
    starts_at: datetime
    ends_at: datetime
    customer_id: uuid.UUID | None
    inquiry_id: uuid.UUID | None
    customer_name: str
    gender: Gender
    mobile_display: str
    purpose: AppointmentPurpose
    item: str
    staff_id: uuid.UUID | None
    staff_name: str
    room_id: uuid.UUID | None
    room_name: str
    status: AppointmentStatus
    is_no_show: bool
    arrival_id: uuid.UUID | None
    notes: str


@dataclass(frozen=True, slots=True)
class Bookable:
    """A person or room that appointments can book."""

    id: uuid.UUID
    name: str
    kind: str  # "consultant", "doctor" or "room"


def book_appointment(
    uow: UnitOfWork, *, data: AppointmentInput, now: datetime | None = None
) -> AppointmentRow:
    """Book a customer (or a lead) with a person and/or room; write the confirmation message."""
    require(uow.actor, Action.APPOINTMENT_BOOK)
    now = now or utc_now()
    appointment = Appointment(
        number=next_number(uow, kind=NUMBER_KIND, when=now),
        status=AppointmentStatus.BOOKED.value,
        booked_by_name=uow.actor.display_name,
    )
    _fill_person(uow, appointment, data)
    appointment.purpose = _purpose(data.purpose)
    appointment.item = _item(data.item)
    appointment.notes = data.notes.strip()
    _place(uow, appointment, data.starts_at, data.ends_at, data.staff_id, data.room_id, now)
    uow.session.add(appointment)
    uow.session.flush()
    if appointment.inquiry_id is not None:
        inquiry = live_inquiry(uow, appointment.inquiry_id)
        inquiry.status = InquiryStatus.BOOKED.value
        inquiry.appointment_at = appointment.starts_at
    queue_appointment_message(uow, appointment=appointment, kind=MessageKind.APPOINTMENT_CONFIRMED)
    uow.session.flush()
    return _row(uow, appointment, now=now)


def move_appointment(
    uow: UnitOfWork,
    *,
    appointment_id: uuid.UUID,
    starts_at: datetime,
    ends_at: datetime,
    staff_id: uuid.UUID | None,
    room_id: uuid.UUID | None,
    now: datetime | None = None,
) -> AppointmentRow:
    """Move a booking to another time, person or room; the customer gets a new confirmation."""
    require(uow.actor, Action.APPOINTMENT_BOOK)
    now = now or utc_now()
    appointment = _open(uow, appointment_id)
    _place(uow, appointment, starts_at, ends_at, staff_id, room_id, now)
    queue_appointment_message(uow, appointment=appointment, kind=MessageKind.APPOINTMENT_CONFIRMED)
    uow.session.flush()
    return _row(uow, appointment, now=now)


def cancel_appointment(
    uow: UnitOfWork, *, appointment_id: uuid.UUID, reason: str = "", now: datetime | None = None
) -> AppointmentRow:
    """Cancel a booking (kept, marked cancelled) and write the cancellation message."""
    require(uow.actor, Action.APPOINTMENT_BOOK)
    now = now or utc_now()
    appointment = _open(uow, appointment_id)
    appointment.status = AppointmentStatus.CANCELLED.value
    appointment.cancelled_at = now
    appointment.cancel_reason = reason.strip()[:200]
    queue_appointment_message(uow, appointment=appointment, kind=MessageKind.APPOINTMENT_CANCELLED)
    uow.session.flush()
    return _row(uow, appointment, now=now)


def check_in(
    uow: UnitOfWork,
    *,
    appointment_id: uuid.UUID,
    data: ArrivalInput | None = None,
    customer_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> ArrivalDetail:
    """The booked customer is here: record their arrival (with the inquiry) and mark it."""
    now = now or utc_now()
    appointment = _open(uow, appointment_id)
    if customer_id is not None:
        appointment.customer_id = _customer(uow, customer_id).id
    if appointment.customer_id is None:
        appointment.customer_id = _only_customer_with_mobile(uow, appointment.mobile)
    if appointment.customer_id is None:
        raise ValidationFailed(field="customer_id", rule="register_customer_first")
    data = data or ArrivalInput(form_completed_at=now, inquiry_item=appointment.item)
    inquiry_id = appointment.inquiry_id
    if (
        inquiry_id is not None
        and live_inquiry(uow, inquiry_id).status == InquiryStatus.ARRIVED.value
    ):
        inquiry_id = None
    arrival = record_arrival(
        uow, customer_id=appointment.customer_id, data=data, now=now, inquiry_id=inquiry_id
    )
    appointment.status = AppointmentStatus.CHECKED_IN.value
    appointment.arrival_id = arrival.arrival_id
    uow.session.flush()
    return arrival


def list_appointments(
    uow: UnitOfWork,
    *,
    first_day: date,
    days: int = 1,
    staff_id: uuid.UUID | None = None,
    room_id: uuid.UUID | None = None,
    include_cancelled: bool = False,
    now: datetime | None = None,
) -> list[AppointmentRow]:
    """The site's appointments of `days` days from `first_day`, for one person or room if given."""
    require(uow.actor, Action.APPOINTMENT_VIEW)
    statement = select(Appointment).where(
        Appointment.site_id == uow.actor.site_id,
        Appointment.day >= first_day,
        Appointment.day < first_day + timedelta(days=days),
        Appointment.deleted_at.is_(None),
    )
    if staff_id is not None:
        statement = statement.where(Appointment.staff_id == staff_id)
    if room_id is not None:
        statement = statement.where(Appointment.room_id == room_id)
    if not include_cancelled:
        statement = statement.where(Appointment.status != AppointmentStatus.CANCELLED.value)
    statement = statement.order_by(Appointment.starts_at, Appointment.number)
    moment = now or utc_now()
    return [_row(uow, row, now=moment) for row in uow.session.scalars(statement)]


def list_bookables(uow: UnitOfWork) -> list[Bookable]:
    """The consultants, doctors and rooms of this site that can be booked."""
    require(uow.actor, Action.APPOINTMENT_VIEW)
    people = uow.session.scalars(
        select(UserAccount)
        .where(
            UserAccount.is_active.is_(True),
            UserAccount.deleted_at.is_(None),
            UserAccount.site_id == uow.actor.site_id,
            UserAccount.role.in_([role.value for role in BOOKABLE_ROLES]),
        )
        .order_by(UserAccount.role, UserAccount.display_name)
    )
    rooms = uow.session.scalars(
        select(Room)
        .where(
            Room.site_id == uow.actor.site_id, Room.is_active.is_(True), Room.deleted_at.is_(None)
        )
        .order_by(Room.code)
    )
    return [Bookable(user.id, user.display_name, user.role) for user in people] + [
        Bookable(room.id, room.name, "room") for room in rooms
    ]


def add_room(
    uow: UnitOfWork, *, code: str, name: str, site_id: uuid.UUID | None = None
) -> Bookable:
    """Add a bookable room to a site, this one unless given (administrators, who keep the
    central data)."""
    require(uow.actor, Action.SETTINGS_EDIT)
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationFailed(field="name" if code else "code", rule="required")
    site_id = site_id or uow.actor.site_id
    clash = uow.session.scalar(select(Room.id).where(Room.site_id == site_id, Room.code == code))
    if clash is not None:
        raise ValidationFailed(field="code", rule="taken")
    room = Room(code=code, name=name, site_id=site_id)
    uow.session.add(room)
    uow.session.flush()
    return Bookable(room.id, room.name, "room")


# --- rules ------------------------------------------------------------------------------------


def _place(
    uow: UnitOfWork,
    appointment: Appointment,
    starts_at: datetime,
    ends_at: datetime,
    staff_id: uuid.UUID | None,
    room_id: uuid.UUID | None,
    now: datetime,
) -> None:
    """Put the appointment at a time with a person and/or room, refusing double bookings."""
    for value, field in ((starts_at, "starts_at"), (ends_at, "ends_at")):
        if value.tzinfo is None:
            raise ValidationFailed(field=field, rule="needs_time_zone")
    if ends_at <= starts_at or ends_at - starts_at > LONGEST_APPOINTMENT:
        raise ValidationFailed(field="ends_at", rule="invalid_duration")
    if starts_at < now - timedelta(minutes=5) and appointment.starts_at != starts_at:
        raise ValidationFailed(field="starts_at", rule="in_the_past")
    if staff_id is None and room_id is None:
        raise ValidationFailed(field="staff_id", rule="required")
    _lock_resources(uow, staff_id, room_id)
    for field, column, value in (
        ("staff_id", Appointment.staff_id, staff_id),
        ("room_id", Appointment.room_id, room_id),
    ):
        if value is None:
            continue
        clash = uow.session.scalars(
            select(Appointment)
            .where(
                column == value,
                Appointment.id != appointment.id,
                Appointment.status != AppointmentStatus.CANCELLED.value,
                Appointment.deleted_at.is_(None),
                and_(Appointment.starts_at < ends_at, Appointment.ends_at > starts_at),
            )
            .limit(1)
        ).first()
        if clash is not None:
            raise AppointmentConflict(
                field=field,
                customer_name=clash.customer_name,
                starts=clinic_time(clash.starts_at).strftime("%H:%M"),
                ends=clinic_time(clash.ends_at).strftime("%H:%M"),
            )
    appointment.starts_at, appointment.ends_at = starts_at, ends_at
    appointment.day = clinic_time(starts_at).date()
    appointment.staff_id, appointment.room_id = staff_id, room_id


def _lock_resources(uow: UnitOfWork, staff_id: uuid.UUID | None, room_id: uuid.UUID | None) -> None:
    """Lock the person's and room's rows so two PCs cannot book them at once (PostgreSQL).

    SQLite needs nothing more: its write transactions begin IMMEDIATE, one at a time.
    """
    if staff_id is not None:
        user = uow.session.scalars(
            select(UserAccount).where(UserAccount.id == staff_id).with_for_update()
        ).first()
        if user is None or not user.is_active or user.role not in BOOKABLE_ROLES:
            raise ValidationFailed(field="staff_id", rule="not_bookable")
    if room_id is not None:
        room = uow.session.scalars(select(Room).where(Room.id == room_id).with_for_update()).first()
        if room is None or not room.is_active or room.site_id != uow.actor.site_id:
            raise ValidationFailed(field="room_id", rule="not_bookable")


def _fill_person(uow: UnitOfWork, appointment: Appointment, data: AppointmentInput) -> None:
    customer = _customer(uow, data.customer_id) if data.customer_id else None
    inquiry = live_inquiry(uow, data.inquiry_id) if data.inquiry_id else None
    if customer is None and inquiry is not None and inquiry.customer_id is not None:
        customer = _customer(uow, inquiry.customer_id)
    name = data.customer_name.strip() or (
        customer.name if customer else inquiry.customer_name if inquiry else ""
    )
    if not name:
        raise ValidationFailed(field="customer_name", rule="required")
    gender = str(data.gender or "") or (
        customer.gender if customer else inquiry.gender if inquiry else Gender.UNKNOWN.value
    )
    mobile_text = data.mobile.strip()
    if mobile_text:
        mobile = normalise_mobile(mobile_text)
        if mobile is None:
            raise ValidationFailed(field="mobile", rule="invalid_mobile")
    else:
        mobile = customer.mobile if customer else inquiry.mobile if inquiry else None
    appointment.customer_id = customer.id if customer else None
    appointment.inquiry_id = inquiry.id if inquiry else None
    appointment.customer_name = name[:50]
    appointment.gender = Gender(gender).value
    appointment.mobile = mobile
    appointment.email = data.email.strip() or (customer.email if customer else "")


def _purpose(value: AppointmentPurpose | str) -> str:
    try:
        return AppointmentPurpose(value).value
    except ValueError:
        raise ValidationFailed(field="purpose", rule="invalid_choice") from None


def _item(value: str) -> str:
    item = value.strip()
    if not item:
        raise ValidationFailed(field="item", rule="required")
    if len(item) > 100:
        raise ValidationFailed(field="item", rule="too_long", maximum=100)
    return item


def _open(uow: UnitOfWork, appointment_id: uuid.UUID) -> Appointment:
    appointment = uow.session.get(Appointment, appointment_id)
    if appointment is None or appointment.site_id != uow.actor.site_id:
        raise NotFound(appointment_id=str(appointment_id))
    if appointment.status != AppointmentStatus.BOOKED.value:
        raise AppointmentNotOpen(status=appointment.status, number=appointment.number)
    return appointment


def _only_customer_with_mobile(uow: UnitOfWork, mobile: str | None) -> uuid.UUID | None:
    """The one live customer registered with this mobile, so a booked name finds its file."""
    if not mobile:
        return None
    found = uow.session.scalars(
        select(Customer.id)
        .where(
            Customer.mobile == mobile,
            Customer.deleted_at.is_(None),
            Customer.merged_into_id.is_(None),
        )
        .limit(2)
    ).all()
    return found[0] if len(found) == 1 else None


def _customer(uow: UnitOfWork, customer_id: uuid.UUID) -> Customer:
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None or customer.merged_into_id is not None:
        raise NotFound(customer_id=str(customer_id))
    return customer


def _row(uow: UnitOfWork, appointment: Appointment, *, now: datetime) -> AppointmentRow:
    staff = uow.session.get(UserAccount, appointment.staff_id) if appointment.staff_id else None
    room = uow.session.get(Room, appointment.room_id) if appointment.room_id else None
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    status = AppointmentStatus(appointment.status)
    return AppointmentRow(
        id=appointment.id,
        number=appointment.number,
        day=appointment.day,
        starts_at=appointment.starts_at,
        ends_at=appointment.ends_at,
        customer_id=appointment.customer_id,
        inquiry_id=appointment.inquiry_id,
        customer_name=appointment.customer_name,
        gender=Gender(appointment.gender),
        mobile_display=mask_mobile(appointment.mobile) if masked else (appointment.mobile or ""),
        purpose=AppointmentPurpose(appointment.purpose),
        item=appointment.item,
        staff_id=appointment.staff_id,
        staff_name=staff.display_name if staff else "",
        room_id=appointment.room_id,
        room_name=room.name if room else "",
        status=status,
        is_no_show=status is AppointmentStatus.BOOKED and appointment.ends_at < now,
        arrival_id=appointment.arrival_id,
        notes=appointment.notes,
    )


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The clinic's day as a pair of aware times (start inclusive, end exclusive)."""
    return clinic_midnight(day), clinic_midnight(day + timedelta(days=1))


__all__ = [
    "AppointmentInput",
    "AppointmentPurpose",
    "AppointmentRow",
    "AppointmentStatus",
    "Bookable",
    "add_room",
    "book_appointment",
    "cancel_appointment",
    "check_in",
    "day_bounds",
    "list_appointments",
    "list_bookables",
    "move_appointment",
]
