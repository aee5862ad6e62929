"""The evening list (seed 001): tomorrow's bookings per doctor, for the health manager's round."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action
from lorch_desk.models.appointments import Appointment, Room
from lorch_desk.models.organisation import Site
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.appointments import AppointmentStatus


@dataclass(frozen=True, slots=True)
class EveningLine:
    """One booking on the list."""

    starts: str
    ends: str
    customer_name: str
    gender: str
    mobile: str
    item: str
    room_name: str
    notes: str


@dataclass(frozen=True, slots=True)
class EveningGroup:
    """The bookings of one doctor or consultant (staff name "" for rooms booked alone)."""

    staff_name: str
    staff_role: str
    lines: tuple[EveningLine, ...]


@dataclass(frozen=True, slots=True)
class EveningList:
    day: date
    site_name: str
    groups: tuple[EveningGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(group.lines) for group in self.groups)


def evening_list(uow: UnitOfWork, *, day: date) -> EveningList:
    """The open bookings of `day` at this site, grouped per person, each group by time."""
    require(uow.actor, Action.APPOINTMENT_VIEW)
    rows = uow.session.execute(
        select(Appointment, UserAccount.display_name, UserAccount.role, Room.name)
        .outerjoin(UserAccount, UserAccount.id == Appointment.staff_id)
        .outerjoin(Room, Room.id == Appointment.room_id)
        .where(
            Appointment.site_id == uow.actor.site_id,
            Appointment.day == day,
            Appointment.status == AppointmentStatus.BOOKED.value,
            Appointment.deleted_at.is_(None),
        )
        .order_by(UserAccount.role, UserAccount.display_name, Appointment.starts_at)
    ).all()
    masked = uow.actor.role in ROLES_SEEING_MASKED_CONTACT
    groups: dict[tuple[str, str], list[EveningLine]] = {}
    for appointment, staff_name, staff_role, room_name in rows:
        groups.setdefault((staff_name or "", staff_role or ""), []).append(
            EveningLine(
                starts=clinic_time(appointment.starts_at).strftime("%H:%M"),
                ends=clinic_time(appointment.ends_at).strftime("%H:%M"),
                customer_name=appointment.customer_name,
                gender=appointment.gender,
                mobile=mask_mobile(appointment.mobile) if masked else appointment.mobile or "",
                item=appointment.item,
                room_name=room_name or "",
                notes=appointment.notes,
            )
        )
    site = uow.session.get(Site, uow.actor.site_id)
    return EveningList(
        day=day,
        site_name=site.name if site else "",
        groups=tuple(
            EveningGroup(name, role, tuple(lines)) for (name, role), lines in groups.items()
        ),
    )
