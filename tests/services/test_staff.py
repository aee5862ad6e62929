"""Staff files: managers keep doctors' and consultants' files, everyone reads them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import ALLOWED_ROLES, Action, Role
from lorch_desk.domain.staff import MAX_CERTIFICATE_BYTES, MAX_PHOTO_BYTES, Position
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.staff import Attachment, StaffProfile, UserAccount
from lorch_desk.services.staff import (
    StaffProfileInput,
    attach_certificate,
    get_attachment,
    get_staff_profile,
    list_staff_profiles,
    save_staff_profile,
    set_staff_photo,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"\x00" * 64
GIF = b"GIF89a" + b"\x00" * 64

DOCTOR = StaffProfileInput(
    name="张伟",
    gender="male",
    position=Position.DOCTOR,
    phone="138 0101 2001",
    is_full_time=False,
    service_area="北京总部 功能医学科",
    specialities="功能医学, 慢病管理",
    years_of_practice=18,
    introduction="主任医师",
    training_history="北京协和医学院",
    success_cases="糖化血红蛋白降至正常",
)

EDITORS = ALLOWED_ROLES[Action.STAFF_EDIT]


@pytest.fixture()
def manager(actor_for: Callable[..., Actor]) -> Actor:
    """Headquarters keeps the staff files: they are central data (SYNC.md)."""
    return actor_for(Role.HQ_ADMIN, "孙强")


@pytest.fixture()
def doctor_file(run: Callable[..., object], manager: Actor) -> uuid.UUID:
    detail = run(manager, save_staff_profile, profile_id=None, data=DOCTOR)
    return detail.id  # type: ignore[attr-defined]


@pytest.fixture()
def send_file(
    run: Callable[..., object], manager: Actor, doctor_file: uuid.UUID
) -> Callable[..., Any]:
    """Send a file to the doctor's file through `service`, as headquarters unless told."""

    def send(
        service: Callable[..., object],
        file_name: str,
        content: bytes,
        media_type: str,
        *,
        actor: Actor | None = None,
    ) -> Any:
        return run(
            actor or manager,
            service,
            profile_id=doctor_file,
            file_name=file_name,
            content=content,
            media_type=media_type,
        )

    return send


def test_headquarters_opens_a_doctor_file_that_everyone_can_read(
    run: Callable[..., object], manager: Actor, actor_for: Callable[..., Actor]
) -> None:
    detail = run(manager, save_staff_profile, profile_id=None, data=DOCTOR)

    assert detail.name == "张伟"
    assert detail.position is Position.DOCTOR
    assert detail.phone == "13801012001"
    assert detail.is_full_time is False
    assert detail.years_of_practice == 18
    assert detail.photo is None
    assert detail.certificates == ()
    for role in Role:
        rows = run(actor_for(role), list_staff_profiles)
        assert [row.name for row in rows] == ["张伟"]
        assert run(actor_for(role), get_staff_profile, profile_id=detail.id).id == detail.id


@pytest.mark.parametrize("role", list(Role))
def test_only_headquarters_may_edit_staff_files(
    role: Role,
    run: Callable[..., object],
    actor_for: Callable[..., Actor],
    count_rows: Callable[[type], int],
) -> None:
    actor = actor_for(role)
    if role in EDITORS:
        assert run(actor, save_staff_profile, profile_id=None, data=DOCTOR).name == "张伟"
        assert count_rows(StaffProfile) == 1
    else:
        with pytest.raises(PermissionDenied):
            run(actor, save_staff_profile, profile_id=None, data=DOCTOR)
        assert count_rows(StaffProfile) == 0


@pytest.mark.parametrize("role", [role for role in Role if role not in EDITORS])
def test_roles_that_may_not_edit_cannot_attach_files_either(
    role: Role,
    send_file: Callable[..., Any],
    actor_for: Callable[..., Actor],
    count_rows: Callable[[type], int],
) -> None:
    actor = actor_for(role)
    with pytest.raises(PermissionDenied):
        send_file(set_staff_photo, "a.png", PNG, "image/png", actor=actor)
    with pytest.raises(PermissionDenied):
        send_file(attach_certificate, "a.pdf", PDF, "application/pdf", actor=actor)
    assert count_rows(Attachment) == 0


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"name": "  "}, "name", "required"),
        ({"name": "张" * 51}, "name", "too_long"),
        ({"years_of_practice": -1}, "years_of_practice", "range"),
        ({"years_of_practice": 71}, "years_of_practice", "range"),
        ({"phone": "138-abc-2001"}, "phone", "invalid_characters"),
        ({"position": "surgeon"}, "position", "choice"),
        ({"gender": "x"}, "gender", "choice"),
        ({"service_area": "区" * 101}, "service_area", "too_long"),
        ({"user_id": uuid.UUID(int=7)}, "user_id", "choice"),
    ],
)
def test_a_refused_staff_file_writes_nothing(
    changes: dict[str, object],
    field: str,
    rule: str,
    run: Callable[..., object],
    manager: Actor,
    count_rows: Callable[[type], int],
) -> None:
    audit_before = count_rows(AuditEntry)
    data = StaffProfileInput(**{**_as_dict(DOCTOR), **changes})

    with pytest.raises(ValidationFailed) as refused:
        run(manager, save_staff_profile, profile_id=None, data=data)

    assert refused.value.field == field
    assert refused.value.params["rule"] == rule
    assert count_rows(StaffProfile) == 0
    assert count_rows(AuditEntry) == audit_before


def test_years_of_practice_may_be_zero_or_seventy(
    run: Callable[..., object], manager: Actor
) -> None:
    for years in (0, 70):
        data = StaffProfileInput(**{**_as_dict(DOCTOR), "years_of_practice": years})
        assert (
            run(manager, save_staff_profile, profile_id=None, data=data).years_of_practice == years
        )


def test_changing_a_file_is_audited_with_before_and_after(
    run: Callable[..., object],
    manager: Actor,
    doctor_file: uuid.UUID,
    audit_of: Callable[[object], list[Any]],
) -> None:
    changed = StaffProfileInput(**{**_as_dict(DOCTOR), "years_of_practice": 19})

    detail = run(manager, save_staff_profile, profile_id=doctor_file, data=changed)

    assert detail.years_of_practice == 19
    entries = audit_of(doctor_file)
    assert [entry.action for entry in entries] == ["create", "update"]
    assert entries[0].actor_name == "孙强"
    assert entries[0].actor_id == manager.user_id
    assert entries[1].changes == {"years_of_practice": [18, 19]}


def test_saving_an_unchanged_file_writes_no_audit_row(
    run: Callable[..., object],
    manager: Actor,
    doctor_file: uuid.UUID,
    count_rows: Callable[[type], int],
) -> None:
    before = count_rows(AuditEntry)
    run(manager, save_staff_profile, profile_id=doctor_file, data=DOCTOR)
    assert count_rows(AuditEntry) == before


def test_an_unknown_file_is_not_found(run: Callable[..., object], manager: Actor) -> None:
    with pytest.raises(NotFound):
        run(manager, get_staff_profile, profile_id=uuid.UUID(int=1))
    with pytest.raises(NotFound):
        run(manager, save_staff_profile, profile_id=uuid.UUID(int=1), data=DOCTOR)


def test_the_list_can_show_one_position(run: Callable[..., object], manager: Actor) -> None:
    run(manager, save_staff_profile, profile_id=None, data=DOCTOR)
    consultant = StaffProfileInput(name="李娜", gender="female", position="consultant")
    run(manager, save_staff_profile, profile_id=None, data=consultant)

    assert [row.name for row in run(manager, list_staff_profiles)] == ["张伟", "李娜"]
    doctors = run(manager, list_staff_profiles, position="doctor")
    assert [row.name for row in doctors] == ["张伟"]
    assert run(manager, list_staff_profiles, position=Position.NURSE) == []
    with pytest.raises(ValidationFailed):
        run(manager, list_staff_profiles, position="surgeon")


def test_a_file_may_name_one_login_and_a_login_belongs_to_one_file(
    run: Callable[..., object], manager: Actor, database: Database, system_actor: Actor
) -> None:
    with database.unit_of_work(system_actor, read_only=True) as uow:
        admin_id = uow.session.scalars(select(UserAccount.id)).one()
    linked = StaffProfileInput(**{**_as_dict(DOCTOR), "user_id": admin_id})

    detail = run(manager, save_staff_profile, profile_id=None, data=linked)
    assert detail.user_id == admin_id
    # Saving the same file again keeps its own link.
    assert run(manager, save_staff_profile, profile_id=detail.id, data=linked).user_id == admin_id

    with pytest.raises(ValidationFailed) as refused:
        run(manager, save_staff_profile, profile_id=None, data=linked)
    assert refused.value.params["rule"] == "taken"


@pytest.mark.parametrize(("content", "media_type"), [(PNG, "image/png"), (JPEG, "image/jpeg")])
def test_a_photo_may_be_png_or_jpeg(
    content: bytes,
    media_type: str,
    send_file: Callable[..., Any],
    run: Callable[..., object],
    manager: Actor,
    doctor_file: uuid.UUID,
) -> None:
    row = send_file(set_staff_photo, r"C:\photos\zw.img", content, "application/octet-stream")

    assert row.file_name == "zw.img"
    assert row.media_type == media_type
    assert row.size == len(content)
    detail = run(manager, get_staff_profile, profile_id=doctor_file)
    assert detail.photo == content
    assert detail.photo_media_type == media_type
    assert run(manager, list_staff_profiles)[0].has_photo is True


def test_a_new_photo_replaces_the_shown_one_and_keeps_the_old_file(
    send_file: Callable[..., Any],
    run: Callable[..., object],
    manager: Actor,
    doctor_file: uuid.UUID,
    count_rows: Callable[[type], int],
) -> None:
    send_file(set_staff_photo, "old.png", PNG, "image/png")
    send_file(set_staff_photo, "new.jpg", JPEG, "image/jpeg")

    assert run(manager, get_staff_profile, profile_id=doctor_file).photo == JPEG
    assert count_rows(Attachment) == 2


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        (PDF, "file_type"),
        (GIF, "file_type"),
        (b"just text", "file_type"),
        (b"", "required"),
        (None, "file_too_large"),
    ],
    ids=["pdf", "gif", "text", "empty", "one-byte-too-large"],
)
def test_a_refused_photo_writes_nothing(
    content: bytes | None,
    rule: str,
    send_file: Callable[..., Any],
    run: Callable[..., object],
    manager: Actor,
    doctor_file: uuid.UUID,
    count_rows: Callable[[type], int],
) -> None:
    if content is None:
        content = PNG + b"\x00" * (MAX_PHOTO_BYTES - len(PNG) + 1)
    with pytest.raises(ValidationFailed) as refused:
        send_file(set_staff_photo, "photo.png", content, "image/png")

    assert refused.value.field == "file"
    assert refused.value.params["rule"] == rule
    if rule == "file_too_large":
        assert refused.value.params["maximum_mb"] == 5
    assert count_rows(Attachment) == 0
    assert run(manager, get_staff_profile, profile_id=doctor_file).photo is None


def test_a_photo_of_exactly_the_limit_is_accepted(send_file: Callable[..., Any]) -> None:
    content = PNG + b"\x00" * (MAX_PHOTO_BYTES - len(PNG))
    row = send_file(set_staff_photo, "big.png", content, "image/png")
    assert row.size == MAX_PHOTO_BYTES


def test_certificates_are_listed_newest_first_and_can_be_opened(
    send_file: Callable[..., Any],
    run: Callable[..., object],
    doctor_file: uuid.UUID,
    actor_for: Callable[..., Actor],
) -> None:
    first = send_file(attach_certificate, "执业证书.pdf", PDF, "application/pdf")
    second = send_file(attach_certificate, "培训证书.jpg", JPEG, "image/jpeg")
    third = send_file(attach_certificate, "新执业证书.png", PNG, "image/png")

    detail = run(actor_for(Role.RECEPTIONIST), get_staff_profile, profile_id=doctor_file)
    assert [row.id for row in detail.certificates] == [third.id, second.id, first.id]
    assert [row.media_type for row in detail.certificates] == [
        "image/png",
        "image/jpeg",
        "application/pdf",
    ]
    assert detail.certificates[2].size == len(PDF)
    assert detail.certificates[2].purpose == "certificate"
    assert detail.photo is None
    opened = run(actor_for(Role.RECEPTIONIST), get_attachment, attachment_id=first.id)
    assert (opened.file_name, opened.media_type, opened.content) == (
        "执业证书.pdf",
        "application/pdf",
        PDF,
    )


@pytest.mark.parametrize(
    ("content", "rule"),
    [(GIF, "file_type"), (b"PK\x03\x04 a zip", "file_type"), (None, "file_too_large")],
    ids=["gif", "zip", "one-byte-too-large"],
)
def test_a_refused_certificate_writes_nothing(
    content: bytes | None,
    rule: str,
    send_file: Callable[..., Any],
    count_rows: Callable[[type], int],
) -> None:
    if content is None:
        content = PDF + b"\x00" * (MAX_CERTIFICATE_BYTES - len(PDF) + 1)
    with pytest.raises(ValidationFailed) as refused:
        send_file(attach_certificate, "c.pdf", content, "application/pdf")

    assert refused.value.params["rule"] == rule
    if rule == "file_too_large":
        assert refused.value.params["maximum_mb"] == 10
    assert count_rows(Attachment) == 0


def test_attaching_is_audited_without_copying_the_file(
    send_file: Callable[..., Any], audit_of: Callable[[object], list[Any]]
) -> None:
    row = send_file(attach_certificate, "c.pdf", PDF, "application/pdf")

    [entry] = audit_of(row.id)
    assert (entry.action, entry.table_name, entry.actor_name) == ("create", "attachment", "孙强")
    assert entry.changes["content"] == [None, f"<{len(PDF)} bytes>"]


def test_files_of_other_records_are_not_reachable_as_staff_files(
    run: Callable[..., object], manager: Actor, system_actor: Actor, database: Database
) -> None:
    def attach_to_customer(uow) -> uuid.UUID:  # noqa: ANN001
        attachment = Attachment(
            owner_table="customer",
            owner_id=uuid.UUID(int=5),
            purpose="report",
            file_name="report.pdf",
            media_type="application/pdf",
            content=PDF,
        )
        uow.session.add(attachment)
        uow.session.flush()
        return attachment.id

    customer_file = run(system_actor, attach_to_customer)

    with pytest.raises(NotFound):
        run(manager, get_attachment, attachment_id=customer_file)
    with pytest.raises(NotFound):
        run(manager, get_attachment, attachment_id=uuid.UUID(int=9))


def _as_dict(data: StaffProfileInput) -> dict[str, object]:
    return {name: getattr(data, name) for name in StaffProfileInput.__slots__}
