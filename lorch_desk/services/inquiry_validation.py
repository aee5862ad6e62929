"""The checks of the inquiry form: texts, choices, mobile numbers and staff members."""

from __future__ import annotations

import uuid
from datetime import datetime

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.masking import mask_mobile
from lorch_desk.domain.permissions import Role
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.customer_validation import has_control_characters, normalise_mobile

TEXT_LIMITS = {
    "customer_name": 50,
    "region": 50,
    "referrer_name": 50,
    "item_type": 100,
    "source": 50,
    "notes": 2000,
}


def check_text(
    value: str,
    field: str,
    required: bool,
    *,
    limit: int | None = None,
    multiline: bool = False,
) -> str:
    """A trimmed text of the form, refused when required and empty, too long or odd."""
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationFailed(field=field, rule="required")
        return ""
    if len(text) > (limit or TEXT_LIMITS.get(field, 200)):
        raise ValidationFailed(field=field, rule="too_long", maximum=limit or TEXT_LIMITS[field])
    check = text.replace("\n", "").replace("\t", "") if multiline else text
    if has_control_characters(check):
        raise ValidationFailed(field=field, rule="control_characters")
    return text


def check_gender(value: Gender | str, required: bool) -> str:
    """The gender value; "unknown" does not fill a required gender."""
    gender = check_choice(value or Gender.UNKNOWN.value, Gender, "gender", True)
    if required and gender == Gender.UNKNOWN.value:
        raise ValidationFailed(field="gender", rule="required")
    return gender


def check_mobile(value: str, required: bool, *, current: str | None = None) -> str | None:
    """The 11 digits of a mobile; the masked number a role was shown keeps the stored one."""
    if current and (value or "").strip() == mask_mobile(current):
        return current  # a role seeing 138****5678 saved the lead without retyping it
    if not (value or "").strip():
        if required:
            raise ValidationFailed(field="mobile", rule="required")
        return None
    number = normalise_mobile(value)
    if number is None:
        raise ValidationFailed(field="mobile", rule="invalid_mobile")
    return number


def check_choice(value: object, kind: type, field: str, required: bool) -> str:
    """The value of one of `kind`'s members, "" when left empty and allowed."""
    text = str(value or "").strip()
    if not text:
        if required:
            raise ValidationFailed(field=field, rule="required")
        return ""
    try:
        return kind(text).value
    except ValueError:
        raise ValidationFailed(field=field, rule="invalid_choice") from None


def check_moment(value: datetime | None, required: bool) -> datetime | None:
    """An aware time (the appointment time of the lead)."""
    if value is None:
        if required:
            raise ValidationFailed(field="appointment_at", rule="required")
        return None
    if value.tzinfo is None:
        raise ValidationFailed(field="appointment_at", rule="needs_time_zone")
    return value


def check_staff(
    uow: UnitOfWork,
    user_id: uuid.UUID | None,
    field: str,
    required: frozenset[str],
    *,
    role: Role | None,
) -> uuid.UUID | None:
    """An active member of staff (a consultant when `role` says so)."""
    if user_id is None:
        if field in required:
            raise ValidationFailed(field=field, rule="required")
        return None
    user = uow.session.get(UserAccount, user_id)
    if user is None or not user.is_active or (role is not None and user.role != role.value):
        raise ValidationFailed(field=field, rule="not_a_consultant" if role else "unknown_user")
    return user.id
