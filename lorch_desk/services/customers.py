"""The customer registry: register, edit, find duplicates, merge, reveal a masked contact."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Date, Select, and_, cast, func, or_, select, type_coerce

from lorch_desk.db.session_rules import audit_entry
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import (
    CLINIC_TIME_ZONE,
    CUSTOMER_FORM_FIELDS,
    Department,
    Gender,
    MemberType,
    age_on,
    clinic_time_zone,
    clinic_today,
)
from lorch_desk.domain.errors import (
    DuplicatesFound,
    MergeRefused,
    NotFound,
    StaleRecord,
)
from lorch_desk.domain.masking import mask_id_number, mask_mobile
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.customer import Customer
from lorch_desk.models.organisation import Site
from lorch_desk.services import search_keys
from lorch_desk.services.access import require
from lorch_desk.services.customer_validation import (
    ValidCustomer,
    has_control_characters,
    normalise_mobile,
    read_resident_id,
    validate_customer,
)
from lorch_desk.services.numbering import next_number
from lorch_desk.services.record_edits import apply_edits

MAX_DUPLICATE_CANDIDATES = 20
FILE_NUMBER_KIND = "file"

_customer = Customer.__table__
_site = Site.__table__
_c = _customer.c


@dataclass(frozen=True, slots=True)
class CustomerInput:
    """What the customer form sends; every text field may be left empty ("")."""

    name: str
    gender: Gender | str
    birthday: date | None = None
    mobile: str = ""
    phone: str = ""
    email: str = ""
    wechat: str = ""
    address: str = ""
    region: str = ""
    id_number: str = ""
    occupation: str = ""
    income_level: str = ""
    member_type: MemberType | str = MemberType.ORDINARY
    channel: str = ""
    developer_name: str = ""
    referrer_name: str = ""
    sms_consent: bool = False
    notes: str = ""
    card_number: str = ""


class CustomerRow(NamedTuple):
    """One line of a customer list or picker.

    A named tuple, not a frozen dataclass: a search page builds hundreds of them per keystroke
    and a tuple is built four times faster. The key stays the 32 hex digits the database holds
    until someone asks for `id` (a page shows many rows and opens one).
    """

    id_hex: str
    file_number: str
    card_number: str
    name: str
    gender: Gender
    birthday: date | None
    age: int | None
    mobile_display: str
    mobile_tail: str
    member_type: MemberType
    channel: str
    site_code: str
    registered_on: date

    @property
    def id(self) -> uuid.UUID:
        return uuid.UUID(self.id_hex)


@dataclass(frozen=True, slots=True)
class CustomerDetail:
    """A customer's form; mobile and ID number are masked for roles that do not need them."""

    id: uuid.UUID
    file_number: str
    card_number: str
    name: str
    gender: Gender
    birthday: date | None
    age: int | None
    mobile: str
    phone: str
    email: str
    wechat: str
    address: str
    region: str
    id_number: str
    occupation: str
    income_level: str
    member_type: MemberType
    channel: str
    developer_name: str
    referrer_name: str
    sms_consent: bool
    notes: str
    contact_masked: bool
    merged_into_id: uuid.UUID | None
    row_version: int
    created_at: datetime
    site_code: str

    def as_input(self) -> CustomerInput:
        """The form's values, ready to edit and send back to `update_customer`."""
        return CustomerInput(**{field: getattr(self, field) for field in CUSTOMER_FORM_FIELDS})


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """A registered customer who may be the same person, and why (mobile, id_number, ...)."""

    row: CustomerRow
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RevealedContact:
    mobile: str
    id_number: str


# --- rows for lists and pickers (Core columns, no ORM entities) -------------------------------

ROW_COLUMNS = (
    _c.id,
    _c.file_number,
    _c.card_number,
    _c.name,
    _c.gender,
    _c.birthday,
    _c.mobile,
    _c.member_type,
    _c.channel,
)


def registered_on_column(postgres: bool) -> ColumnElement[date]:
    """The clinic's date of `created_at`, computed by the database (cheaper than per row)."""
    if postgres:
        return cast(func.timezone(CLINIC_TIME_ZONE, _c.created_at), Date)
    # SQLite keeps UTC text; China has one offset all year, so a fixed shift is exact.
    offset = datetime.now(clinic_time_zone()).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    return type_coerce(func.date(_c.created_at, f"{minutes:+d} minutes"), Date)


def row_select(postgres: bool, *extra: Any, source: Any = None) -> Select[Any]:
    """SELECT of what a CustomerRow needs (then `extra`), from `source` or the customer table."""
    joined = (_customer if source is None else source).outerjoin(_site, _site.c.id == _c.site_id)
    columns = (*ROW_COLUMNS, _site.c.code, registered_on_column(postgres), *extra)
    return select(*columns).select_from(joined)


_GENDERS = {gender.value: gender for gender in Gender}
_MEMBER_TYPES = {member_type.value: member_type for member_type in MemberType}


class RowBuilder:
    """Turns result rows of `row_select` into CustomerRows for one actor, today.

    Rows come typed from SQLAlchemy or, with `sqlite_text=True`, as SQLite stores them (hex
    keys, ISO dates) from the DBAPI cursor of the search's hot path.
    """

    __slots__ = ("masked", "today", "sqlite_text")

    def __init__(self, actor: Actor, *, sqlite_text: bool = False) -> None:
        self.masked = actor.role in ROLES_SEEING_MASKED_CONTACT
        self.today = clinic_today()
        self.sqlite_text = sqlite_text

    def __call__(self, row: Sequence[Any]) -> CustomerRow:
        (id_, file_number, card, name, gender, birthday, mobile, member, channel, site, on) = row[
            :11
        ]
        if self.sqlite_text:
            birthday = date.fromisoformat(birthday) if birthday else None
            on = date.fromisoformat(on)
        else:
            id_ = id_.hex
        return CustomerRow(
            id_,
            file_number,
            card or "",
            name,
            _GENDERS.get(gender, Gender.UNKNOWN),
            birthday,
            age_on(birthday, self.today),
            (mask_mobile(mobile) if self.masked else mobile) if mobile else "",
            mobile[-4:] if mobile else "",
            _MEMBER_TYPES.get(member, MemberType.ORDINARY),
            channel,
            site or "",
            on,
        )

    def all(self, rows: Sequence[Sequence[Any]]) -> list[CustomerRow]:
        return [self(row) for row in rows]


# --- commands and queries ----------------------------------------------------------------------


def register_customer(
    uow: UnitOfWork,
    *,
    data: CustomerInput,
    department: Department | str = Department.FRONT_DESK,
    allow_duplicates: bool = False,
) -> CustomerDetail:
    """Register a new customer with the next file number; refuses likely duplicates unless told."""
    require(uow.actor, Action.CUSTOMER_CREATE)
    valid = validate_customer(uow, data=data, department=department)
    if not allow_duplicates:
        candidates = _duplicates(
            uow, valid.name, valid.birthday, valid.mobile, valid.id_number, exclude_id=None
        )
        if candidates:
            raise DuplicatesFound(candidates=candidates)
    # The number comes last: a refused form must not use one up.
    file_number = next_number(uow, kind=FILE_NUMBER_KIND, when=datetime.now(clinic_time_zone()))
    customer = Customer(file_number=file_number, **_stored_values(valid))
    _write_search_keys(customer)
    uow.session.add(customer)
    uow.session.flush()
    return _detail(uow, customer)


def update_customer(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    data: CustomerInput,
    department: Department | str = Department.FRONT_DESK,
    expected_row_version: int | None = None,
) -> CustomerDetail:
    """Save an edited customer form; the audit log keeps what changed."""
    require(uow.actor, Action.CUSTOMER_EDIT)
    customer = _load_live(uow, customer_id, for_update=True)
    if expected_row_version is not None and customer.row_version != expected_row_version:
        raise StaleRecord(expected=expected_row_version, current=customer.row_version)
    if _sees_masked_contact(uow.actor):
        data = _unmask(data, customer)
    valid = validate_customer(uow, data=data, department=department, exclude_id=customer.id)
    if apply_edits(customer, _stored_values(valid)):
        _write_search_keys(customer)
        uow.session.flush()
    return _detail(uow, customer)


def get_customer(uow: UnitOfWork, *, customer_id: uuid.UUID) -> CustomerDetail:
    """A customer's form (NotFound for an unknown, deleted or merged customer)."""
    require(uow.actor, Action.CUSTOMER_VIEW)
    return _detail(uow, _load_live(uow, customer_id))


def get_customer_row(uow: UnitOfWork, *, customer_id: uuid.UUID) -> CustomerRow:
    """A customer's list line (NotFound for an unknown, deleted or merged customer)."""
    require(uow.actor, Action.CUSTOMER_VIEW)
    uow.session.flush()
    statement = row_select(uow.dialect == "postgresql").where(
        _c.id == customer_id, _c.deleted_at.is_(None)
    )
    row = uow.session.connection().execute(statement).first()
    if row is None:
        raise NotFound(what="customer")
    return RowBuilder(uow.actor)(row)


def find_duplicates(
    uow: UnitOfWork, *, data: CustomerInput, exclude_id: uuid.UUID | None = None
) -> list[DuplicateCandidate]:
    """Registered customers sharing the mobile, the ID number, or the name and birthday."""
    require(uow.actor, Action.CUSTOMER_VIEW)
    name = data.name if isinstance(data.name, str) else ""
    name = "" if has_control_characters(name) else " ".join(name.split())
    mobile = normalise_mobile(data.mobile) if isinstance(data.mobile, str) else None
    resident = read_resident_id(data.id_number) if isinstance(data.id_number, str) else None
    birthday = data.birthday if isinstance(data.birthday, date) else None
    if isinstance(birthday, datetime):
        birthday = birthday.date()
    if birthday is None and resident is not None:
        birthday = resident.birthday
    return _duplicates(
        uow,
        name,
        birthday,
        mobile,
        resident.number if resident else None,
        exclude_id=exclude_id,
    )


def merge_customers(uow: UnitOfWork, *, keep_id: uuid.UUID, merge_id: uuid.UUID) -> CustomerDetail:
    """Fold a duplicate into the customer who carries on; the duplicate's history stays its own."""
    require(uow.actor, Action.CUSTOMER_MERGE)
    if keep_id == merge_id:
        raise MergeRefused(reason="same_customer")
    keep = _load(uow, keep_id, for_update=True)
    merged = _load(uow, merge_id, for_update=True)
    if keep.deleted_at is not None or keep.merged_into_id is not None:
        raise MergeRefused(reason="target_merged", customer_id=str(keep_id))
    if merged.deleted_at is not None or merged.merged_into_id is not None:
        raise MergeRefused(reason="already_merged", customer_id=str(merge_id))
    filled = _fill_from(keep, merged)
    card = merged.card_number if keep.card_number is None else None
    merged.merged_into_id = keep.id
    merged.deleted_at = utc_now()
    if card is not None:
        # The member card now belongs to the kept customer (card numbers are unique).
        merged.card_number = None
        uow.session.flush()
        filled["card_number"] = card
    for field, value in filled.items():
        setattr(keep, field, value)
    _write_search_keys(keep)
    uow.session.flush()
    return _detail(uow, keep)


def reveal_contact(uow: UnitOfWork, *, customer_id: uuid.UUID) -> RevealedContact:
    """The full mobile and ID number of a customer; every reveal is written to the audit log."""
    require(uow.actor, Action.CUSTOMER_REVEAL_CONTACT)
    customer = _load_live(uow, customer_id)
    uow.session.add(audit_entry(uow.actor, "reveal", Customer.__tablename__, customer.id, {}))
    uow.session.flush()
    return RevealedContact(customer.mobile or "", customer.id_number or "")


# --- internals ---------------------------------------------------------------------------------


def _sees_masked_contact(actor: Actor) -> bool:
    return actor.role in ROLES_SEEING_MASKED_CONTACT


def _load(uow: UnitOfWork, customer_id: uuid.UUID, *, for_update: bool = False) -> Customer:
    statement = select(Customer).where(Customer.id == customer_id)
    if for_update:
        statement = statement.with_for_update()
    customer = uow.session.scalars(statement).first()
    if customer is None:
        raise NotFound(what="customer")
    return customer


def _load_live(uow: UnitOfWork, customer_id: uuid.UUID, *, for_update: bool = False) -> Customer:
    customer = _load(uow, customer_id, for_update=for_update)
    if customer.deleted_at is not None:
        raise NotFound(what="customer")
    return customer


def _stored_values(valid: ValidCustomer) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in CUSTOMER_FORM_FIELDS:
        value = getattr(valid, field)
        values[field] = value.value if isinstance(value, Gender | MemberType) else value
    return values


_KEY_LENGTHS = {
    name: _c[name].type.length for name in ("name_pinyin", "name_initials", "name_tokens")
}


def _write_search_keys(customer: Customer) -> None:
    """Keep the pinyin, initials, name tokens and reversed mobile in step with name and mobile."""
    keys = search_keys.name_keys(customer.name)
    values = {
        "name_pinyin": keys.pinyin[: _KEY_LENGTHS["name_pinyin"]],
        "name_initials": keys.initials[: _KEY_LENGTHS["name_initials"]],
        "name_tokens": keys.tokens[: _KEY_LENGTHS["name_tokens"]],
        "mobile_reversed": search_keys.reversed_digits(customer.mobile),
    }
    apply_edits(customer, values)


def _unmask(data: CustomerInput, customer: Customer) -> CustomerInput:
    """A masked value sent back unchanged means "keep the stored one"."""
    if customer.mobile and data.mobile == mask_mobile(customer.mobile):
        data = replace(data, mobile=customer.mobile)
    if customer.id_number and data.id_number == mask_id_number(customer.id_number):
        data = replace(data, id_number=customer.id_number)
    return data


def _duplicates(
    uow: UnitOfWork,
    name: str,
    birthday: date | None,
    mobile: str | None,
    id_number: str | None,
    *,
    exclude_id: uuid.UUID | None,
) -> list[DuplicateCandidate]:
    conditions = []
    if mobile:
        conditions.append(_c.mobile == mobile)
    if id_number:
        conditions.append(_c.id_number == id_number)
    if name and birthday is not None:
        conditions.append(and_(_c.name == name, _c.birthday == birthday))
    if not conditions:
        return []
    statement = row_select(uow.dialect == "postgresql", _c.id_number).where(
        or_(*conditions), _c.deleted_at.is_(None), _c.merged_into_id.is_(None)
    )
    if exclude_id is not None:
        statement = statement.where(_c.id != exclude_id)
    statement = statement.order_by(_c.created_at, _c.id).limit(MAX_DUPLICATE_CANDIDATES)
    uow.session.flush()
    build = RowBuilder(uow.actor)
    candidates = []
    for row in uow.session.connection().execute(statement):
        reasons = []
        if mobile and row.mobile == mobile:
            reasons.append("mobile")
        if id_number and row.id_number == id_number:
            reasons.append("id_number")
        if name and birthday is not None and row.name == name and row.birthday == birthday:
            reasons.append("name_birthday")
        candidates.append(DuplicateCandidate(build(row), tuple(reasons)))
    return candidates


_TIER_RANK = {member_type.value: rank for rank, member_type in enumerate(MemberType)}
_FILLABLE_TEXT = (
    "phone",
    "email",
    "wechat",
    "address",
    "region",
    "occupation",
    "income_level",
    "channel",
    "developer_name",
    "referrer_name",
    "notes",
)


def _fill_from(keep: Customer, merged: Customer) -> dict[str, Any]:
    """Values of the merged customer for the kept customer's empty fields."""
    filled: dict[str, Any] = {}
    for field in _FILLABLE_TEXT:
        if not getattr(keep, field) and getattr(merged, field):
            filled[field] = getattr(merged, field)
    for field in ("birthday", "mobile", "id_number"):
        if getattr(keep, field) is None and getattr(merged, field) is not None:
            filled[field] = getattr(merged, field)
    if keep.gender == Gender.UNKNOWN and merged.gender != Gender.UNKNOWN:
        filled["gender"] = merged.gender
    # A tier follows the spend of both records together: keep the higher one.
    if _TIER_RANK.get(merged.member_type, 0) > _TIER_RANK.get(keep.member_type, 0):
        filled["member_type"] = merged.member_type
    return filled


def _detail(uow: UnitOfWork, customer: Customer) -> CustomerDetail:
    masked = _sees_masked_contact(uow.actor)
    site_code = uow.session.scalar(select(Site.code).where(Site.id == customer.site_id)) or ""
    return CustomerDetail(
        id=customer.id,
        file_number=customer.file_number,
        card_number=customer.card_number or "",
        name=customer.name,
        gender=_GENDERS.get(customer.gender, Gender.UNKNOWN),
        birthday=customer.birthday,
        age=age_on(customer.birthday, clinic_today()),
        mobile=mask_mobile(customer.mobile) if masked else (customer.mobile or ""),
        phone=customer.phone,
        email=customer.email,
        wechat=customer.wechat,
        address=customer.address,
        region=customer.region,
        id_number=mask_id_number(customer.id_number) if masked else (customer.id_number or ""),
        occupation=customer.occupation,
        income_level=customer.income_level,
        member_type=_MEMBER_TYPES.get(customer.member_type, MemberType.ORDINARY),
        channel=customer.channel,
        developer_name=customer.developer_name,
        referrer_name=customer.referrer_name,
        sms_consent=customer.sms_consent,
        notes=customer.notes,
        contact_masked=masked,
        merged_into_id=customer.merged_into_id,
        row_version=customer.row_version,
        created_at=customer.created_at,
        site_code=site_code,
    )
