"""The rules a customer form must meet, and the normalised values that are stored.

Checks run in the form's order (name first) and stop at the first failing field, which a
`ValidationFailed(field=..., rule=...)` names. Mobile numbers are checked against China's
numbering plan by `phonenumbers`; resident ID numbers by `stdnum.cn.ric`, which also gives the
birthday and, from the 17th digit, the sex.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

import phonenumbers
from sqlalchemy import select
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import (
    CUSTOMER_FORM_FIELDS,
    Channel,
    Department,
    Gender,
    IncomeLevel,
    MemberType,
    clinic_today,
)
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.models.customer import Customer
from lorch_desk.services.customer_settings import required_fields
from lorch_desk.services.text_rules import check_length

if TYPE_CHECKING:
    from lorch_desk.services.customers import CustomerInput

E = TypeVar("E", bound=StrEnum)

EARLIEST_BIRTHDAY = date(1900, 1, 1)
# Notes are free text without a column limit; this keeps a pasted document out of the form.
NOTES_MAX_LENGTH = 2000
# Longer than any way of writing a Chinese mobile ("+86 (138) 0013-8000" and the like).
MOBILE_INPUT_MAX_LENGTH = 30


def _column_length(name: str) -> int:
    length = getattr(Customer.__table__.c[name].type, "length", None)
    return int(length) if length else NOTES_MAX_LENGTH


MAX_LENGTHS: dict[str, int] = {
    name: _column_length(name)
    for name in (
        "name",
        "phone",
        "email",
        "wechat",
        "address",
        "region",
        "occupation",
        "developer_name",
        "referrer_name",
        "notes",
        "card_number",
    )
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_MOBILE_CHARACTERS = re.compile(r"^[0-9０-９+＋\-－ \u3000()（）.]+$")
_PHONE = re.compile(
    r"^[0-9０-９+＋\-－ \u3000()（）#*/,.转分机xX]+$|^[0-9+\- ()]+ ?ext\.? ?[0-9]+$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_ID_SEPARATORS = re.compile(r"[\s\-]")
_CARD_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]*$")


@dataclass(frozen=True, slots=True)
class ValidCustomer:
    """A customer form that passed every rule, in the form it is stored."""

    name: str
    gender: Gender
    birthday: date | None
    mobile: str | None
    phone: str
    email: str
    wechat: str
    address: str
    region: str
    id_number: str | None
    occupation: str
    income_level: str
    member_type: MemberType
    channel: str
    developer_name: str
    referrer_name: str
    sms_consent: bool
    notes: str
    card_number: str | None


@dataclass(frozen=True, slots=True)
class ResidentId:
    """What a valid resident ID number says about its holder."""

    number: str
    birthday: date
    gender: Gender


def validate_customer(
    uow: UnitOfWork,
    *,
    data: CustomerInput,
    department: Department | str = Department.FRONT_DESK,
    exclude_id: uuid.UUID | None = None,
) -> ValidCustomer:
    """Check a customer form for `department`; the stored values, or the first refusal."""
    valid = normalise_customer(
        data, required=required_fields(uow, department), today=clinic_today()
    )
    if valid.card_number is not None:
        taken = select(Customer.id).where(Customer.card_number == valid.card_number)
        if exclude_id is not None:
            taken = taken.where(Customer.id != exclude_id)
        if uow.session.execute(taken.limit(1)).first() is not None:
            raise ValidationFailed(field="card_number", rule="card_taken")
    return valid


def normalise_customer(data: Any, *, required: frozenset[str], today: date) -> ValidCustomer:
    """The pure checks of a form (no database): formats, lengths, choices, required fields."""
    resident = read_resident_id(_text(data, "id_number"))
    values: dict[str, Any] = {}
    for field in CUSTOMER_FORM_FIELDS:
        values[field] = _CHECKS[field](data, field, field in required, resident, today)
    return ValidCustomer(**values)


def read_resident_id(text: str) -> ResidentId | None:
    """The holder's birthday and sex from a valid resident ID number, else None."""
    if not text or _CONTROL.search(text) or len(text) > 40:
        return None
    text = _ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    try:
        number = ric.validate(text)
        birthday = ric.get_birth_date(number)
    except (StdnumValidationError, ValueError):
        return None
    gender = Gender.MALE if int(number[16]) % 2 == 1 else Gender.FEMALE
    return ResidentId(number, birthday, gender)


def has_control_characters(text: str) -> bool:
    """True if `text` holds control characters (NUL, escapes) or lone surrogates."""
    return _CONTROL.search(text) is not None


def normalise_mobile(text: str) -> str | None:
    """The 11 digits of a Chinese mobile number as typed in any usual way, else None."""
    text = text.strip()
    if not text or len(text) > MOBILE_INPUT_MAX_LENGTH or not _MOBILE_CHARACTERS.fullmatch(text):
        return None
    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 86 or not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        return None
    digits = str(number.national_number)
    return digits if len(digits) == 11 else None


# --- one check per form field, in form order -------------------------------------------------


def _check_name(data: Any, field: str, _required: bool, _id: Any, _today: date) -> str:
    text = _plain_text(data, field, strict=True)
    if not text:
        raise ValidationFailed(field=field, rule="required")
    return " ".join(text.split())


def _check_gender(data: Any, field: str, required: bool, resident: Any, _today: date) -> Gender:
    raw = getattr(data, field, None)
    gender = Gender.UNKNOWN if raw in (None, "") else _choice(field, raw, Gender)
    if gender is Gender.UNKNOWN and resident is not None:
        gender = resident.gender
    if required and gender is Gender.UNKNOWN:
        raise ValidationFailed(field=field, rule="required")
    return gender


def _check_birthday(
    data: Any, field: str, required: bool, resident: ResidentId | None, today: date
) -> date | None:
    birthday = getattr(data, field, None)
    if isinstance(birthday, datetime):
        birthday = birthday.date()
    if birthday is not None and not isinstance(birthday, date):
        raise ValidationFailed(field=field, rule="invalid_date")
    if birthday is None:
        if resident is not None:
            return resident.birthday
        if required:
            raise ValidationFailed(field=field, rule="required")
        return None
    if birthday > today:
        raise ValidationFailed(field=field, rule="birthday_future")
    if birthday < EARLIEST_BIRTHDAY:
        raise ValidationFailed(
            field=field, rule="birthday_too_early", minimum=EARLIEST_BIRTHDAY.isoformat()
        )
    if resident is not None and resident.birthday != birthday:
        raise ValidationFailed(
            field=field, rule="id_birthday_mismatch", id_birthday=resident.birthday.isoformat()
        )
    return birthday


def _check_mobile(data: Any, field: str, required: bool, _id: Any, _today: date) -> str | None:
    text = _text(data, field).strip()
    if not text:
        if required:
            raise ValidationFailed(field=field, rule="required")
        return None
    mobile = normalise_mobile(text)
    if mobile is None:
        raise ValidationFailed(field=field, rule="mobile")
    return mobile


def _check_phone(data: Any, field: str, required: bool, _id: Any, _today: date) -> str:
    text = _required_text(data, field, required)
    if text and (not _PHONE.fullmatch(text) or sum(ch.isdigit() for ch in text) < 3):
        raise ValidationFailed(field=field, rule="phone")
    return text


def _check_email(data: Any, field: str, required: bool, _id: Any, _today: date) -> str:
    text = _required_text(data, field, required)
    if text and not _EMAIL.fullmatch(text):
        raise ValidationFailed(field=field, rule="email")
    return text


def _check_free_text(data: Any, field: str, required: bool, _id: Any, _today: date) -> str:
    return _required_text(data, field, required)


def _check_person_name(data: Any, field: str, required: bool, _id: Any, _today: date) -> str:
    text = _required_text(data, field, required, strict=True)
    return " ".join(text.split())


def _check_multiline(data: Any, field: str, required: bool, _id: Any, _today: date) -> str:
    return _required_text(data, field, required, multiline=True)


def _check_id_number(
    data: Any, field: str, required: bool, resident: ResidentId | None, today: date
) -> str | None:
    text = _text(data, field).strip()
    if not text:
        if required:
            raise ValidationFailed(field=field, rule="required")
        return None
    if resident is None:
        raise ValidationFailed(field=field, rule="id_number")
    if not EARLIEST_BIRTHDAY <= resident.birthday <= today:
        raise ValidationFailed(field=field, rule="id_number")
    return resident.number


def _check_income_level(data: Any, field: str, required: bool, _id: Any, _today: date) -> str:
    return _optional_choice(data, field, required, IncomeLevel)


def _check_channel(data: Any, field: str, required: bool, _id: Any, _today: date) -> str:
    return _optional_choice(data, field, required, Channel)


def _check_member_type(data: Any, field: str, required: bool, _id: Any, _today: date) -> MemberType:
    raw = getattr(data, field, None)
    if raw in (None, ""):
        if required:
            raise ValidationFailed(field=field, rule="required")
        return MemberType.ORDINARY
    return _choice(field, raw, MemberType)


def _check_sms_consent(data: Any, field: str, _required: bool, _id: Any, _today: date) -> bool:
    # A tick box always has an answer, so "required" is met by either value.
    value = getattr(data, field, False)
    if not isinstance(value, bool):
        raise ValidationFailed(field=field, rule="invalid_choice")
    return value


def _check_card_number(data: Any, field: str, required: bool, _id: Any, _today: date) -> str | None:
    text = _required_text(data, field, required)
    if not text:
        return None
    if not _CARD_NUMBER.fullmatch(text):
        raise ValidationFailed(field=field, rule="card_number")
    return text.upper()


_CHECKS: dict[str, Callable[[Any, str, bool, Any, date], Any]] = {
    "name": _check_name,
    "gender": _check_gender,
    "birthday": _check_birthday,
    "mobile": _check_mobile,
    "phone": _check_phone,
    "email": _check_email,
    "wechat": _check_free_text,
    "address": _check_multiline,
    "region": _check_free_text,
    "id_number": _check_id_number,
    "occupation": _check_free_text,
    "income_level": _check_income_level,
    "member_type": _check_member_type,
    "channel": _check_channel,
    "developer_name": _check_person_name,
    "referrer_name": _check_person_name,
    "sms_consent": _check_sms_consent,
    "notes": _check_multiline,
    "card_number": _check_card_number,
}
assert tuple(_CHECKS) == CUSTOMER_FORM_FIELDS


# --- small pieces ------------------------------------------------------------------------


def _text(data: Any, field: str) -> str:
    value = getattr(data, field, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationFailed(field=field, rule="invalid_type")
    return value


def _plain_text(data: Any, field: str, *, strict: bool = False, multiline: bool = False) -> str:
    """The stripped text of a field, refused when too long or holding control characters."""
    text = _text(data, field).strip()
    check_length(text, field=field, maximum=MAX_LENGTHS[field])
    control = _CONTROL_MULTILINE if multiline else _CONTROL
    if control.search(text) or (strict and _has_invisible(text)):
        raise ValidationFailed(field=field, rule="invalid_characters")
    return text


def _required_text(
    data: Any, field: str, required: bool, *, strict: bool = False, multiline: bool = False
) -> str:
    text = _plain_text(data, field, strict=strict, multiline=multiline)
    if required and not text:
        raise ValidationFailed(field=field, rule="required")
    return text


def _has_invisible(text: str) -> bool:
    """Format, private-use or unassigned characters: nothing a person's name is written with."""
    return any(unicodedata.category(ch)[0] == "C" for ch in text)


def _choice(field: str, raw: Any, enum: type[E]) -> E:
    if isinstance(raw, enum):
        return raw
    try:
        return enum(raw)
    except ValueError:
        raise ValidationFailed(field=field, rule="invalid_choice") from None


def _optional_choice(data: Any, field: str, required: bool, enum: type[StrEnum]) -> str:
    raw = getattr(data, field, "")
    if raw in (None, ""):
        if required:
            raise ValidationFailed(field=field, rule="required")
        return ""
    return _choice(field, raw, enum).value
