"""The rooms of every site, as headquarters keeps them (central data): list, add, rename, retire.

Adding is `appointments.add_room`; a retired room leaves the booking lists, its bookings stay.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.appointments import Room
from lorch_desk.models.organisation import Site
from lorch_desk.services import appointments
from lorch_desk.services.access import require


@dataclass(frozen=True, slots=True)
class RoomRow:
    id: uuid.UUID
    site_id: uuid.UUID
    site_name: str
    code: str
    name: str
    is_active: bool


@dataclass(frozen=True, slots=True)
class SiteChoice:
    id: uuid.UUID
    code: str
    name: str


def list_sites(uow: UnitOfWork) -> list[SiteChoice]:
    """The sites rooms can belong to, headquarters first."""
    require(uow.actor, Action.SETTINGS_EDIT)
    sites = uow.session.scalars(
        select(Site)
        .where(Site.deleted_at.is_(None))
        .order_by(Site.is_headquarters.desc(), Site.code)
    )
    return [SiteChoice(site.id, site.code, site.name) for site in sites]


def list_rooms(uow: UnitOfWork) -> list[RoomRow]:
    """Every room of every site, retired ones too, by site and code."""
    require(uow.actor, Action.SETTINGS_EDIT)
    rows = uow.session.execute(
        select(Room, Site.name)
        .join(Site, Site.id == Room.site_id)
        .where(Room.deleted_at.is_(None))
        .order_by(Site.code, Room.code)
    )
    return [_row(room, site_name) for room, site_name in rows]


def add_room(uow: UnitOfWork, *, site_id: uuid.UUID, code: str, name: str) -> RoomRow:
    """Add a room to `site_id` (the rules are appointments.add_room's)."""
    added = appointments.add_room(uow, code=code, name=name, site_id=site_id)
    return _room_row(uow, added.id)


def update_room(uow: UnitOfWork, *, room_id: uuid.UUID, name: str, is_active: bool) -> RoomRow:
    """Rename a room, or retire it (`is_active` False) / bring it back."""
    require(uow.actor, Action.SETTINGS_EDIT)
    room = uow.session.get(Room, room_id, with_for_update=True)
    if room is None or room.deleted_at is not None:
        raise NotFound(room_id=str(room_id))
    if not name.strip():
        raise ValidationFailed(field="name", rule="required")
    room.name = name.strip()
    room.is_active = is_active
    uow.session.flush()
    return _room_row(uow, room.id)


def _room_row(uow: UnitOfWork, room_id: uuid.UUID) -> RoomRow:
    room = uow.session.get(Room, room_id)
    assert room is not None
    site = uow.session.get(Site, room.site_id)
    return _row(room, site.name if site else "")


def _row(room: Room, site_name: str) -> RoomRow:
    return RoomRow(room.id, room.site_id, site_name, room.code, room.name, room.is_active)
