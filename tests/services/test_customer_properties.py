"""Whatever is typed into the customer form, registration refuses cleanly or saves it.

Hypothesis throws arbitrary text (control characters, NUL, scripts of every kind), dates and
numbers at every field: `register_customer` either succeeds or raises ValidationFailed or
DuplicatesFound, and a refusal leaves customers, audit log and number counters as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from stdnum.cn import ric

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import Channel, Gender, IncomeLevel, MemberType, clinic_today
from lorch_desk.domain.errors import DuplicatesFound, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.services.customer_search import search_customers
from lorch_desk.services.customers import CustomerInput, register_customer

EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _mostly(valid: st.SearchStrategy[object], wild: st.SearchStrategy[object]):
    """Values a real form holds nine times in ten, anything at all the tenth time.

    With every field wild at once, no form would ever pass and the saving path go untested.
    """
    return st.integers(0, 9).flatmap(lambda draw: wild if draw == 0 else valid)


def _resident_id(birthday: date, sequence: int) -> str:
    body = f"110105{birthday:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def _typed_mobile(prefix: str, number: int, style: int) -> str:
    digits = f"{prefix}{number:08d}"
    return [digits, f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}", f"{digits[:3]}-{digits[3:]}"][
        style
    ]


short_text = st.text(max_size=12)
names = st.text(alphabet="王李张曾单欧阳伟芳娜明 ·Anna", min_size=1, max_size=8)
mobiles = st.builds(
    _typed_mobile,
    st.sampled_from(["138", "139", "150", "186", "199"]),
    st.integers(0, 30),  # a small range, so some mobiles repeat and duplicates are found
    st.integers(0, 2),
)
id_numbers = st.one_of(
    st.just(""),
    st.builds(_resident_id, st.dates(date(1900, 1, 1), date(2030, 12, 31)), st.integers(0, 999)),
)
birthdays = _mostly(
    st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2025, 12, 31))),
    st.one_of(
        st.dates(date(1850, 1, 1), date(2100, 12, 31)),
        st.datetimes(datetime(1890, 1, 1), datetime(2050, 1, 1)),
    ),
)


def _choice(values: type) -> st.SearchStrategy[object]:
    return _mostly(st.sampled_from([*values, ""]), short_text)


def _plain(max_size: int) -> st.SearchStrategy[object]:
    """Usually empty or ordinary text; sometimes anything, a little too long included."""
    ordinary = st.one_of(st.just(""), st.text(alphabet="北京市朝阳区路号 abc123", max_size=10))
    return _mostly(ordinary, st.text(max_size=max_size))


forms = st.builds(
    CustomerInput,
    name=_mostly(names, st.text(max_size=60)),
    gender=_choice(Gender),
    birthday=birthdays,
    mobile=_mostly(mobiles, st.one_of(st.text(max_size=25), st.from_regex(r"1[0-9 -]{9,13}"))),
    phone=_mostly(st.sampled_from(["", "010-6512 3456", "0755 8888 1234"]), st.text(max_size=35)),
    email=_mostly(st.one_of(st.just(""), st.emails()), st.text(max_size=110)),
    wechat=_plain(55),
    address=_plain(210),
    region=_plain(55),
    id_number=_mostly(id_numbers, st.text(max_size=22)),
    occupation=_plain(55),
    income_level=_choice(IncomeLevel),
    member_type=_choice(MemberType),
    channel=_choice(Channel),
    developer_name=_plain(55),
    referrer_name=_plain(55),
    sms_consent=_mostly(st.booleans(), st.just("yes")),
    notes=_plain(300),
    card_number=_mostly(
        st.one_of(st.just(""), st.from_regex(r"[A-Z0-9]{2,6}", fullmatch=True)),
        st.text(max_size=32),
    ),
)


def _footprint(database: Database) -> tuple[object, ...]:
    with database.engine.connect() as connection:
        return (
            connection.execute(text("SELECT count(*) FROM customer")).scalar(),
            connection.execute(text("SELECT count(*) FROM audit_entry")).scalar(),
            tuple(connection.execute(text("SELECT * FROM number_counter ORDER BY 1, 2")).all()),
        )


@EXAMPLES
@given(data=forms, allow_duplicates=st.booleans())
def test_registration_saves_the_form_or_refuses_it_without_a_trace(
    database: Database,
    actor_for: Callable[[Role], Actor],
    data: CustomerInput,
    allow_duplicates: bool,
) -> None:
    before = _footprint(database)
    with database.unit_of_work(actor_for(Role.HQ_ADMIN)) as uow:
        try:
            detail = register_customer(
                uow, data=data, department="customer_service", allow_duplicates=allow_duplicates
            )
        except (ValidationFailed, DuplicatesFound) as refusal:
            event(f"refused: {refusal.code} {refusal.field or ''}")
            uow.session.commit()
            assert _footprint(database) == before, refusal
            return
        uow.session.commit()
    event("registered")
    customers, audits, _ = _footprint(database)
    assert customers == before[0] + 1
    assert audits > before[1]
    assert detail.name.strip() and len(detail.name) <= 50
    assert detail.birthday is None or date(1900, 1, 1) <= detail.birthday <= clinic_today()
    assert detail.mobile == "" or (len(detail.mobile) == 11 and detail.mobile.isdigit())


@EXAMPLES
@given(query=st.text(max_size=40), offset=st.integers(-5, 500), limit=st.integers(-5, 500))
def test_search_never_fails_whatever_is_typed(
    database: Database,
    actor_for: Callable[[Role], Actor],
    query: str,
    offset: int,
    limit: int,
) -> None:
    with database.unit_of_work(actor_for(Role.CONSULTANT), read_only=True) as uow:
        rows = search_customers(uow, query=query, limit=limit, offset=offset)
    assert len(rows) <= max(limit, 0)
