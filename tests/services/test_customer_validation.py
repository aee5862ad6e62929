"""What the customer form accepts, how it is stored, and what each department must fill."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from stdnum.cn import ric

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import (
    CUSTOMER_FORM_FIELDS,
    DEFAULT_REQUIRED_FIELDS,
    Department,
    Gender,
    MemberType,
    clinic_today,
)
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.services.customer_settings import (
    list_required_fields,
    required_fields,
    set_required_fields,
)
from lorch_desk.services.customer_validation import (
    MAX_LENGTHS,
    normalise_customer,
    normalise_mobile,
    read_resident_id,
    validate_customer,
)
from lorch_desk.services.customers import CustomerInput, register_customer

TODAY = date(2026, 11, 23)
NOTHING_REQUIRED: frozenset[str] = frozenset({"name"})


def resident_id(birthday: date, sequence: str = "123", region: str = "110105") -> str:
    """A valid 18-digit resident ID; an odd last sequence digit is a man, even a woman."""
    body = f"{region}{birthday:%Y%m%d}{sequence}"
    return body + ric.calc_check_digit(body + "0")


def form(**values: object) -> CustomerInput:
    values.setdefault("name", "王芳")
    values.setdefault("gender", Gender.FEMALE)
    return CustomerInput(**values)  # type: ignore[arg-type]


def check(data: CustomerInput, required: frozenset[str] = NOTHING_REQUIRED):
    return normalise_customer(data, required=required, today=TODAY)


def refusal(data: CustomerInput, required: frozenset[str] = NOTHING_REQUIRED) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        check(data, required)
    return caught.value


def test_the_form_fields_are_the_inputs_fields() -> None:
    assert tuple(CustomerInput.__dataclass_fields__) == CUSTOMER_FORM_FIELDS


# --- mobile numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "+86 138 0013 8000",
        "138-0013-8000",
        "138 0013 8000",
        "8613800138000",
        "+86 (138) 0013-8000",
        "１３８００１３８０００",
    ],
)
def test_a_chinese_mobile_typed_any_usual_way_is_stored_as_eleven_digits(typed: str) -> None:
    assert check(form(mobile=typed)).mobile == "13800138000"


@pytest.mark.parametrize(
    "typed",
    [
        "010 1234 5678",  # a Beijing landline
        "12345678901",  # no such mobile range
        "1380013800",  # ten digits
        "138001380001",  # twelve digits
        "+1 650 253 0000",  # not a Chinese number
        "138OO138OOO",  # letters O for zeros
        "13800138000x",
        "call me",
    ],
)
def test_anything_but_a_chinese_mobile_is_refused(typed: str) -> None:
    error = refusal(form(mobile=typed))
    assert (error.field, error.params["rule"]) == ("mobile", "mobile")


def test_normalise_mobile_says_none_for_nonsense() -> None:
    assert normalise_mobile("") is None
    assert normalise_mobile("\x00") is None
    assert normalise_mobile("1" * 500) is None


# --- resident ID numbers ------------------------------------------------------------------------


def test_an_id_number_fills_birthday_and_sex_when_the_form_leaves_them_empty() -> None:
    number = resident_id(date(1980, 1, 1), "123")  # 3 is odd: a man
    valid = check(form(gender=Gender.UNKNOWN, id_number=number))
    assert valid.birthday == date(1980, 1, 1)
    assert valid.gender is Gender.MALE
    woman = check(form(gender=Gender.UNKNOWN, id_number=resident_id(date(1995, 12, 31), "002")))
    assert (woman.gender, woman.birthday) == (Gender.FEMALE, date(1995, 12, 31))


def test_an_id_number_is_stored_compact_with_an_upper_case_x() -> None:
    assert read_resident_id("11010519491231002X") is not None
    valid = check(form(id_number=" 110105 1949 1231 002x "))
    assert valid.id_number == "11010519491231002X"


def test_a_birthday_that_contradicts_the_id_number_is_refused() -> None:
    number = resident_id(date(1980, 1, 1))
    error = refusal(form(birthday=date(1980, 1, 2), id_number=number))
    assert (error.field, error.params["rule"]) == ("birthday", "id_birthday_mismatch")
    assert check(form(birthday=date(1980, 1, 1), id_number=number)).birthday == date(1980, 1, 1)


@pytest.mark.parametrize(
    "typed",
    [
        "110105198001011230",  # wrong check digit
        "11010519800101123",  # seventeen digits
        "110105198013011234",  # thirteenth month
        "ABCDEFGHIJKLMNOPQR",
        "1101051980010112\x003",
    ],
)
def test_an_invalid_id_number_is_refused(typed: str) -> None:
    error = refusal(form(id_number=typed))
    assert (error.field, error.params["rule"]) == ("id_number", "id_number")


def test_an_id_number_born_in_the_future_is_refused() -> None:
    error = refusal(form(id_number=resident_id(TODAY + timedelta(days=1))))
    assert (error.field, error.params["rule"]) == ("id_number", "id_number")


# --- other formats ------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["wang.fang@example.cn", "a@b.co", "王芳@例子.中国"])
def test_plain_email_addresses_are_accepted(typed: str) -> None:
    assert check(form(email=f" {typed} ")).email == typed


@pytest.mark.parametrize("typed", ["wang", "wang@", "@example.cn", "a@b", "a b@c.cn", "a@@b.cn"])
def test_malformed_email_addresses_are_refused(typed: str) -> None:
    error = refusal(form(email=typed))
    assert (error.field, error.params["rule"]) == ("email", "email")


def test_a_landline_needs_digits() -> None:
    assert check(form(phone="010-6512 3456 转 801")).phone == "010-6512 3456 转 801"
    error = refusal(form(phone="office"))
    assert (error.field, error.params["rule"]) == ("phone", "phone")


def test_birthdays_lie_between_1900_and_today() -> None:
    assert check(form(birthday=TODAY)).birthday == TODAY
    assert check(form(birthday=datetime(1990, 5, 6, 7, 8))).birthday == date(1990, 5, 6)
    future = refusal(form(birthday=TODAY + timedelta(days=1)))
    assert (future.field, future.params["rule"]) == ("birthday", "birthday_future")
    early = refusal(form(birthday=date(1899, 12, 31)))
    assert (early.field, early.params["rule"]) == ("birthday", "birthday_too_early")
    typed = refusal(form(birthday="1990-05-06"))
    assert (typed.field, typed.params["rule"]) == ("birthday", "invalid_date")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("gender", "woman"),
        ("member_type", "gold"),
        ("channel", "tv"),
        ("income_level", "rich"),
        ("sms_consent", "yes"),
    ],
)
def test_choices_must_be_among_the_known_values(field: str, value: str) -> None:
    error = refusal(form(**{field: value}))
    assert (error.field, error.params["rule"]) == (field, "invalid_choice")


def test_choices_may_be_given_as_their_string_values() -> None:
    valid = check(
        form(gender="male", member_type="silver", channel="referral", income_level="high")
    )
    assert (valid.gender, valid.member_type) == (Gender.MALE, MemberType.SILVER)
    assert (valid.channel, valid.income_level) == ("referral", "high")
    assert check(form(member_type="")).member_type is MemberType.ORDINARY


@pytest.mark.parametrize("field", sorted(MAX_LENGTHS))
def test_text_longer_than_its_column_is_refused(field: str) -> None:
    maximum = MAX_LENGTHS[field]
    error = refusal(form(**{field: "1" * (maximum + 1)}))
    assert (error.field, error.params["rule"], error.params["maximum"]) == (
        field,
        "too_long",
        maximum,
    )


@pytest.mark.parametrize("name", ["王\x00芳", "王\x1b芳", "王\u200b芳", "王\ue000芳", "\x07"])
def test_control_and_invisible_characters_in_a_name_are_refused(name: str) -> None:
    error = refusal(form(name=name))
    assert (error.field, error.params["rule"]) == ("name", "invalid_characters")


def test_notes_and_addresses_may_span_lines_but_hold_no_control_characters() -> None:
    valid = check(form(notes="对青霉素过敏\n每周三复诊", address="北京市朝阳区\n建国路 88 号"))
    assert valid.notes == "对青霉素过敏\n每周三复诊"
    error = refusal(form(notes="ok\x00"))
    assert (error.field, error.params["rule"]) == ("notes", "invalid_characters")
    error = refusal(form(region="北京\n朝阳"))
    assert (error.field, error.params["rule"]) == ("region", "invalid_characters")


def test_names_are_trimmed_and_inner_spaces_collapsed() -> None:
    assert check(form(name="  Anna   Li ")).name == "Anna Li"
    error = refusal(form(name="   "))
    assert (error.field, error.params["rule"]) == ("name", "required")


def test_card_numbers_are_letters_digits_and_dashes_stored_upper_case() -> None:
    assert check(form(card_number=" vip-0001 ")).card_number == "VIP-0001"
    assert check(form(card_number="")).card_number is None
    error = refusal(form(card_number="VIP 0001"))
    assert (error.field, error.params["rule"]) == ("card_number", "card_number")


def test_text_fields_refuse_values_that_are_not_text() -> None:
    error = refusal(form(mobile=13800138000))
    assert (error.field, error.params["rule"]) == ("mobile", "invalid_type")


# --- required fields and the order of refusals --------------------------------------------------


def test_the_first_failing_field_in_form_order_is_reported() -> None:
    error = refusal(form(name="", mobile="nonsense", email="nonsense"))
    assert error.field == "name"
    error = refusal(form(mobile="nonsense", email="nonsense"))
    assert error.field == "mobile"


def test_inquiry_desk_must_fill_what_seed_004_lists() -> None:
    required = DEFAULT_REQUIRED_FIELDS[Department.INQUIRY_DESK]
    complete = form(
        mobile="13800138000",
        notes="咨询抗衰项目",
        address="北京市朝阳区",
        region="北京",
        referrer_name="李娜",
        channel="online",
        developer_name="赵敏",
    )
    assert check(complete, required).mobile == "13800138000"
    for field in ("mobile", "notes", "address", "region", "referrer_name", "channel"):
        error = refusal(replace(complete, **{field: ""}), required)
        assert (error.field, error.params["rule"]) == (field, "required")
    error = refusal(replace(complete, gender=Gender.UNKNOWN), required)
    assert (error.field, error.params["rule"]) == ("gender", "required")


def test_a_required_birthday_or_sex_is_met_by_the_id_number() -> None:
    required = frozenset({"name", "gender", "birthday"})
    number = resident_id(date(1970, 3, 4), "457")
    valid = check(form(gender=Gender.UNKNOWN, id_number=number), required)
    assert (valid.gender, valid.birthday) == (Gender.MALE, date(1970, 3, 4))
    error = refusal(form(gender=Gender.FEMALE), required)
    assert (error.field, error.params["rule"]) == ("birthday", "required")


def test_departments_default_to_seed_004_and_administrators_change_them(
    database: Database, actor_for: Callable[[Role], Actor], run: Callable[..., object]
) -> None:
    admin = actor_for(Role.HQ_ADMIN)
    assert (
        run(admin, required_fields, department=Department.FRONT_DESK)
        == (DEFAULT_REQUIRED_FIELDS[Department.FRONT_DESK])
    )
    run(
        admin,
        set_required_fields,
        department=Department.FRONT_DESK,
        fields=["gender", "mobile", "birthday"],
    )
    assert run(admin, required_fields, department="front_desk") == {
        "name",
        "gender",
        "mobile",
        "birthday",
    }
    everything = run(admin, list_required_fields)
    assert everything[Department.CONSULTING] == DEFAULT_REQUIRED_FIELDS[Department.CONSULTING]

    reception = actor_for(Role.RECEPTIONIST)
    with pytest.raises(ValidationFailed) as caught:
        run(
            reception,
            register_customer,
            data=form(mobile="13800138000", channel="walk_in"),
            department=Department.FRONT_DESK,
        )
    assert (caught.value.field, caught.value.params["rule"]) == ("birthday", "required")


def test_only_headquarters_administrators_change_required_fields(
    actor_for: Callable[[Role], Actor], run: Callable[..., object]
) -> None:
    with pytest.raises(PermissionDenied):
        run(
            actor_for(Role.BRANCH_MANAGER),
            set_required_fields,
            department=Department.FRONT_DESK,
            fields=["mobile"],
        )
    with pytest.raises(ValidationFailed) as caught:
        run(
            actor_for(Role.HQ_ADMIN),
            set_required_fields,
            department=Department.FRONT_DESK,
            fields=["mobile", "shoe_size"],
        )
    assert caught.value.params == {"rule": "unknown_field", "name": "shoe_size"}
    with pytest.raises(ValidationFailed):
        run(actor_for(Role.HQ_ADMIN), required_fields, department="kitchen")


def test_a_card_number_held_by_another_customer_is_taken(
    database: Database, actor_for: Callable[[Role], Actor], run: Callable[..., object]
) -> None:
    reception = actor_for(Role.RECEPTIONIST)
    first = run(
        reception,
        register_customer,
        data=form(mobile="13800138000", channel="walk_in", card_number="VIP-0001"),
    )
    with database.unit_of_work(reception) as uow:
        with pytest.raises(ValidationFailed) as caught:
            validate_customer(uow, data=replace(first.as_input(), card_number="vip-0001"))
        assert (caught.value.field, caught.value.params["rule"]) == ("card_number", "card_taken")
        # The holder may keep their own card when their form is saved again.
        valid = validate_customer(uow, data=first.as_input(), exclude_id=first.id)
        assert valid.card_number == "VIP-0001"


def test_today_is_the_clinics_date() -> None:
    assert abs((clinic_today() - date.today()).days) <= 1
