"""Staff vocabulary: positions, the files kept in a staff profile and what they may be."""

from __future__ import annotations

from enum import StrEnum


class Position(StrEnum):
    """What a member of staff does at the clinic (seed 000 people)."""

    DOCTOR = "doctor"  # 功能医师 / 医生
    CONSULTANT = "consultant"  # 咨询师
    HEALTH_MANAGER = "health_manager"  # 健康管理师
    NURSE = "nurse"  # 护士
    PHARMACIST = "pharmacist"  # 药师
    OTHER = "other"


class AttachmentPurpose(StrEnum):
    """Why a file is attached to a record."""

    PHOTO = "photo"
    CERTIFICATE = "certificate"


class MediaType(StrEnum):
    PNG = "image/png"
    JPEG = "image/jpeg"
    PDF = "application/pdf"


MAX_YEARS_OF_PRACTICE = 70
MEGABYTE = 1024 * 1024
MAX_PHOTO_BYTES = 5 * MEGABYTE
MAX_CERTIFICATE_BYTES = 10 * MEGABYTE

# What each purpose accepts, decided by the file's first bytes and never by its name.
ACCEPTED_MEDIA_TYPES: dict[AttachmentPurpose, frozenset[MediaType]] = {
    AttachmentPurpose.PHOTO: frozenset({MediaType.PNG, MediaType.JPEG}),
    AttachmentPurpose.CERTIFICATE: frozenset({MediaType.PNG, MediaType.JPEG, MediaType.PDF}),
}
MAX_BYTES: dict[AttachmentPurpose, int] = {
    AttachmentPurpose.PHOTO: MAX_PHOTO_BYTES,
    AttachmentPurpose.CERTIFICATE: MAX_CERTIFICATE_BYTES,
}

_MAGIC: tuple[tuple[bytes, MediaType], ...] = (
    (b"\x89PNG\r\n\x1a\n", MediaType.PNG),
    (b"\xff\xd8\xff", MediaType.JPEG),
    (b"%PDF-", MediaType.PDF),
)


def detect_media_type(content: bytes) -> MediaType | None:
    """The kind of file `content` is by its magic bytes, or None if it is none we know."""
    for magic, media_type in _MAGIC:
        if content.startswith(magic):
            return media_type
    return None
