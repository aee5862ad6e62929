"""Doctors' and consultants' files (seed 000): practice, specialities, photo and certificates.

Attached files are a ledger: a certificate is never removed or replaced in place; a newer one
is attached and shown first. A new photo is a new attachment the profile points at.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.staff import (
    ACCEPTED_MEDIA_TYPES,
    MAX_BYTES,
    MAX_YEARS_OF_PRACTICE,
    MEGABYTE,
    AttachmentPurpose,
    Position,
    detect_media_type,
)
from lorch_desk.models.staff import Attachment, StaffProfile, UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.record_edits import apply_edits
from lorch_desk.services.text_rules import check_length, column_text, phone_digits

OWNER_TABLE = StaffProfile.__tablename__
_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class StaffProfileInput:
    """What the staff form gathers; `gender` and `position` take enum members or their values."""

    name: str
    gender: Gender | str
    position: Position | str
    phone: str = ""
    is_full_time: bool = True
    service_area: str = ""
    specialities: str = ""
    years_of_practice: int = 0
    introduction: str = ""
    training_history: str = ""
    success_cases: str = ""
    user_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class StaffProfileRow:
    id: uuid.UUID
    name: str
    gender: Gender
    position: Position
    phone: str
    is_full_time: bool
    service_area: str
    specialities: str
    years_of_practice: int
    user_id: uuid.UUID | None
    has_photo: bool


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: uuid.UUID
    file_name: str
    media_type: str
    size: int
    purpose: AttachmentPurpose
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AttachmentContent:
    file_name: str
    media_type: str
    content: bytes


@dataclass(frozen=True, slots=True)
class StaffProfileDetail:
    """A staff file as the form shows it; certificates newest first."""

    id: uuid.UUID
    name: str
    gender: Gender
    position: Position
    phone: str
    is_full_time: bool
    service_area: str
    specialities: str
    years_of_practice: int
    introduction: str
    training_history: str
    success_cases: str
    user_id: uuid.UUID | None
    photo: bytes | None
    photo_media_type: str | None
    certificates: tuple[AttachmentRow, ...]


def list_staff_profiles(uow: UnitOfWork, *, position: str | None = None) -> list[StaffProfileRow]:
    """Every current staff file, by name; only one position if given."""
    require(uow.actor, Action.STAFF_VIEW)
    statement = select(StaffProfile).where(StaffProfile.deleted_at.is_(None))
    if position is not None:
        wanted = _choice(Position, position, "position")
        statement = statement.where(StaffProfile.position == wanted.value)
    profiles = uow.session.scalars(statement.order_by(StaffProfile.name, StaffProfile.id))
    return [_row(profile) for profile in profiles]


def get_staff_profile(uow: UnitOfWork, *, profile_id: uuid.UUID) -> StaffProfileDetail:
    """One staff file with its photo and certificates."""
    require(uow.actor, Action.STAFF_VIEW)
    return _detail(uow, _load(uow, profile_id))


def save_staff_profile(
    uow: UnitOfWork, *, profile_id: uuid.UUID | None, data: StaffProfileInput
) -> StaffProfileDetail:
    """Create a staff file (profile_id None) or change one."""
    require(uow.actor, Action.STAFF_EDIT)
    values = _validated(uow, data, profile_id)
    if profile_id is None:
        profile = StaffProfile(**values)
        uow.session.add(profile)
    else:
        profile = _load(uow, profile_id)
        apply_edits(profile, values)
    uow.session.flush()
    return _detail(uow, profile)


def set_staff_photo(
    uow: UnitOfWork, *, profile_id: uuid.UUID, file_name: str, content: bytes, media_type: str
) -> AttachmentRow:
    """Give a staff file a new photo (PNG or JPEG); the previous photo stays in the ledger.

    `media_type` as claimed by the caller is not trusted: the file's bytes decide.
    """
    require(uow.actor, Action.STAFF_EDIT)
    profile = _load(uow, profile_id)
    attachment = _attach(uow, profile, AttachmentPurpose.PHOTO, file_name, content)
    profile.photo_id = attachment.id
    uow.session.flush()
    return _attachment_row(attachment, len(content))


def attach_certificate(
    uow: UnitOfWork, *, profile_id: uuid.UUID, file_name: str, content: bytes, media_type: str
) -> AttachmentRow:
    """Add a certificate (PDF, PNG or JPEG) to a staff file; the newest is shown first.

    `media_type` as claimed by the caller is not trusted: the file's bytes decide.
    """
    require(uow.actor, Action.STAFF_EDIT)
    profile = _load(uow, profile_id)
    attachment = _attach(uow, profile, AttachmentPurpose.CERTIFICATE, file_name, content)
    return _attachment_row(attachment, len(content))


def get_attachment(uow: UnitOfWork, *, attachment_id: uuid.UUID) -> AttachmentContent:
    """The stored file of a staff photo or certificate, to show or save."""
    require(uow.actor, Action.STAFF_VIEW)
    attachment = uow.session.get(Attachment, attachment_id)
    # Files of other records (customers' reports) are not reachable through staff files.
    if attachment is None or attachment.owner_table != OWNER_TABLE:
        raise NotFound(what="attachment")
    return AttachmentContent(attachment.file_name, attachment.media_type, attachment.content)


def _load(uow: UnitOfWork, profile_id: uuid.UUID) -> StaffProfile:
    profile = uow.session.get(StaffProfile, profile_id)
    if profile is None or profile.deleted_at is not None:
        raise NotFound(what="staff_profile")
    return profile


def _validated(
    uow: UnitOfWork, data: StaffProfileInput, profile_id: uuid.UUID | None
) -> dict[str, object]:
    name = column_text(data.name, field="name", column=StaffProfile.name, required=True)
    gender = _choice(Gender, data.gender, "gender")
    position = _choice(Position, data.position, "position")
    phone = phone_digits(data.phone, field="phone", column=StaffProfile.phone)
    years = data.years_of_practice
    if isinstance(years, bool) or not isinstance(years, int):
        raise ValidationFailed(field="years_of_practice", rule="integer")
    if not 0 <= years <= MAX_YEARS_OF_PRACTICE:
        raise ValidationFailed(
            field="years_of_practice", rule="range", minimum=0, maximum=MAX_YEARS_OF_PRACTICE
        )
    if data.user_id is not None:
        _check_user_link(uow, data.user_id, profile_id)
    return {
        "name": name,
        "gender": gender.value,
        "position": position.value,
        "phone": phone,
        "is_full_time": bool(data.is_full_time),
        "service_area": column_text(
            data.service_area, field="service_area", column=StaffProfile.service_area
        ),
        "specialities": column_text(
            data.specialities, field="specialities", column=StaffProfile.specialities
        ),
        "years_of_practice": years,
        "introduction": data.introduction.strip(),
        "training_history": data.training_history.strip(),
        "success_cases": data.success_cases.strip(),
        "user_id": data.user_id,
    }


def _check_user_link(uow: UnitOfWork, user_id: uuid.UUID, profile_id: uuid.UUID | None) -> None:
    """A profile may name one existing login, and a login belongs to one profile."""
    user = uow.session.get(UserAccount, user_id)
    if user is None or user.deleted_at is not None:
        raise ValidationFailed(field="user_id", rule="choice")
    statement = select(StaffProfile.id).where(
        StaffProfile.user_id == user_id, StaffProfile.deleted_at.is_(None)
    )
    if profile_id is not None:
        statement = statement.where(StaffProfile.id != profile_id)
    other = uow.session.scalars(statement).first()
    if other is not None:
        raise ValidationFailed(field="user_id", rule="taken")


def _choice(enum: type[_E], value: object, field: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        raise ValidationFailed(field=field, rule="choice") from None


def _attach(
    uow: UnitOfWork,
    profile: StaffProfile,
    purpose: AttachmentPurpose,
    file_name: str,
    content: bytes,
) -> Attachment:
    name = re.split(r"[\\/]", file_name.strip())[-1].strip()
    if not name or not content:
        raise ValidationFailed(field="file", rule="required")
    check_length(name, field="file", maximum=Attachment.file_name.type.length)
    if len(content) > MAX_BYTES[purpose]:
        raise ValidationFailed(
            field="file", rule="file_too_large", maximum_mb=MAX_BYTES[purpose] // MEGABYTE
        )
    detected = detect_media_type(content)
    if detected not in ACCEPTED_MEDIA_TYPES[purpose]:
        raise ValidationFailed(field="file", rule="file_type")
    attachment = Attachment(
        owner_table=OWNER_TABLE,
        owner_id=profile.id,
        purpose=purpose.value,
        file_name=name,
        media_type=detected.value,
        content=bytes(content),
    )
    uow.session.add(attachment)
    # Flushed before anything points at it: photo_id is a foreign key without a relationship.
    uow.session.flush()
    return attachment


def _shown_fields(profile: StaffProfile) -> dict[str, Any]:
    """What the list line and the form of a staff file both show."""
    return {
        "id": profile.id,
        "name": profile.name,
        "gender": Gender(profile.gender),
        "position": Position(profile.position),
        "phone": profile.phone,
        "is_full_time": profile.is_full_time,
        "service_area": profile.service_area,
        "specialities": profile.specialities,
        "years_of_practice": profile.years_of_practice,
        "user_id": profile.user_id,
    }


def _row(profile: StaffProfile) -> StaffProfileRow:
    return StaffProfileRow(**_shown_fields(profile), has_photo=profile.photo_id is not None)


def _detail(uow: UnitOfWork, profile: StaffProfile) -> StaffProfileDetail:
    photo = uow.session.get(Attachment, profile.photo_id) if profile.photo_id else None
    certificates = uow.session.execute(
        select(
            Attachment.id,
            Attachment.file_name,
            Attachment.media_type,
            func.length(Attachment.content),
            Attachment.purpose,
            Attachment.created_at,
        )
        .where(
            Attachment.owner_table == OWNER_TABLE,
            Attachment.owner_id == profile.id,
            Attachment.purpose == AttachmentPurpose.CERTIFICATE.value,
        )
        # UUIDv7 keys grow with time: the id breaks ties between equal timestamps.
        .order_by(Attachment.created_at.desc(), Attachment.id.desc())
    ).all()
    return StaffProfileDetail(
        **_shown_fields(profile),
        introduction=profile.introduction,
        training_history=profile.training_history,
        success_cases=profile.success_cases,
        photo=photo.content if photo is not None else None,
        photo_media_type=photo.media_type if photo is not None else None,
        certificates=tuple(
            AttachmentRow(
                id=row[0],
                file_name=row[1],
                media_type=row[2],
                size=int(row[3] or 0),
                purpose=AttachmentPurpose(row[4]),
                created_at=row[5],
            )
            for row in certificates
        ),
    )


def _attachment_row(attachment: Attachment, size: int) -> AttachmentRow:
    return AttachmentRow(
        id=attachment.id,
        file_name=attachment.file_name,
        media_type=attachment.media_type,
        size=size,
        purpose=AttachmentPurpose(attachment.purpose),
        created_at=attachment.created_at,
    )
