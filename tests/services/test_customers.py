"""The customer registry as the front desk, consultants and managers use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import pytest
from sqlalchemy import select, text
from stdnum.cn import ric

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import Gender, HealthSection, MemberType, clinic_today
from lorch_desk.domain.errors import (
    DomainError,
    DuplicatesFound,
    MergeRefused,
    NotFound,
    PermissionDenied,
    StaleRecord,
    ValidationFailed,
)
from lorch_desk.domain.permissions import ROLES_SEEING_MASKED_CONTACT, Role
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.base import new_id
from lorch_desk.models.customer import Customer
from lorch_desk.services.customer_search import search_customers
from lorch_desk.services.customers import (
    CustomerDetail,
    CustomerInput,
    find_duplicates,
    get_customer,
    merge_customers,
    register_customer,
    reveal_contact,
    update_customer,
)
from lorch_desk.services.health_file import add_health_entry, open_health_file

YEAR = clinic_today().year


def resident_id(birthday: date, sequence: str = "123", region: str = "110105") -> str:
    body = f"{region}{birthday:%Y%m%d}{sequence}"
    return body + ric.calc_check_digit(body + "0")


def walk_in(name: str = "王芳", mobile: str = "13800138000", **values: object) -> CustomerInput:
    """A front-desk form with what the front desk must fill."""
    values.setdefault("gender", Gender.FEMALE)
    values.setdefault("channel", "walk_in")
    return CustomerInput(name=name, mobile=mobile, **values)  # type: ignore[arg-type]


@dataclass
class Clinic:
    """One database with actors of every role, on SQLite or PostgreSQL."""

    database: Database
    make_actor: Callable[[Role], Actor]

    def run(self, role: Role | Actor, operation: Callable[..., object], /, **kwargs: object):
        actor = role if isinstance(role, Actor) else self.make_actor(role)
        result, _ = self.database.run(actor, lambda uow, _progress: operation(uow, **kwargs))
        return result

    def register(self, data: CustomerInput, **kwargs: object) -> CustomerDetail:
        return self.run(Role.RECEPTIONIST, register_customer, data=data, **kwargs)

    def attempt(self, role: Role, operation: Callable[..., object], /, **kwargs: object):
        """Call a service that is expected to refuse, then commit whatever it left behind."""
        with self.database.unit_of_work(self.make_actor(role)) as uow:
            try:
                operation(uow, **kwargs)
            except DomainError as error:
                uow.session.commit()
                return error
            uow.session.commit()
        raise AssertionError("the service did not refuse")

    def scalar(self, sql: str) -> object:
        with self.database.engine.connect() as connection:
            return connection.execute(text(sql)).scalar()

    def footprint(self) -> tuple[object, ...]:
        """What a refused registration must leave untouched."""
        with self.database.engine.connect() as connection:
            return (
                connection.execute(text("SELECT count(*) FROM customer")).scalar(),
                connection.execute(text("SELECT count(*) FROM audit_entry")).scalar(),
                tuple(
                    connection.execute(
                        text("SELECT kind, year, last_value FROM number_counter ORDER BY 1, 2")
                    ).all()
                ),
            )

    def audit(self, action: str, row_id: object) -> list[AuditEntry]:
        with self.database.unit_of_work(self.make_actor(Role.HQ_ADMIN)) as uow:
            entries = uow.session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == action, AuditEntry.row_id == str(row_id))
                .order_by(AuditEntry.created_at)
            ).all()
            uow.session.expunge_all()
            return list(entries)


@pytest.fixture()
def clinic(database: Database, actor_for: Callable[[Role], Actor]) -> Clinic:
    return Clinic(database, actor_for)


@pytest.fixture()
def pg_clinic(pg_database: Database, pg_actor_for: Callable[[Role], Actor]) -> Clinic:
    return Clinic(pg_database, pg_actor_for)


# --- registration -------------------------------------------------------------------------------


def test_registering_a_walk_in_with_an_id_card_fills_birthday_and_sex(clinic: Clinic) -> None:
    number = resident_id(date(1985, 6, 15), "246")
    detail = clinic.register(walk_in("张伟", gender=Gender.UNKNOWN, id_number=number.lower()))
    assert detail.file_number == f"BJ-{YEAR}-000001"
    assert (detail.gender, detail.birthday) == (Gender.FEMALE, date(1985, 6, 15))
    assert detail.age == _age(date(1985, 6, 15))
    assert detail.id_number == number.upper()
    assert (detail.site_code, detail.row_version, detail.contact_masked) == ("BJ", 1, False)
    second = clinic.register(walk_in("李娜", mobile="13912345678"))
    assert second.file_number == f"BJ-{YEAR}-000002"


def test_registration_writes_the_search_keys(clinic: Clinic) -> None:
    detail = clinic.register(walk_in("曾小明", mobile="+86 139 1234 5678"))
    with clinic.database.engine.connect() as connection:
        keys = connection.execute(
            select(
                Customer.name_pinyin,
                Customer.name_initials,
                Customer.name_tokens,
                Customer.mobile,
                Customer.mobile_reversed,
            ).where(Customer.id == detail.id)
        ).one()
    assert tuple(keys) == ("zengxiaoming", "zxm", "曾 小 明", "13912345678", "87654321931")


def test_registration_is_audited_as_a_create(clinic: Clinic) -> None:
    detail = clinic.register(walk_in())
    [created] = clinic.audit("create", detail.id)
    assert created.table_name == "customer"
    assert created.changes["name"] == [None, "王芳"]


REFUSED_FORMS = [
    pytest.param(walk_in(name=""), "name", "required", id="no name"),
    pytest.param(walk_in(name="王\x00芳"), "name", "invalid_characters", id="NUL in name"),
    pytest.param(walk_in(name="王" * 51), "name", "too_long", id="name too long"),
    pytest.param(walk_in(gender="woman"), "gender", "invalid_choice", id="unknown gender"),
    pytest.param(walk_in(gender=Gender.UNKNOWN), "gender", "required", id="no gender"),
    pytest.param(walk_in(birthday=date(2999, 1, 1)), "birthday", "birthday_future", id="future"),
    pytest.param(
        walk_in(birthday=date(1850, 1, 1)), "birthday", "birthday_too_early", id="before 1900"
    ),
    pytest.param(walk_in(mobile=""), "mobile", "required", id="no mobile"),
    pytest.param(walk_in(mobile="010 6512 3456"), "mobile", "mobile", id="landline as mobile"),
    pytest.param(walk_in(phone="call the office"), "phone", "phone", id="phone without digits"),
    pytest.param(walk_in(email="wang@"), "email", "email", id="bad email"),
    pytest.param(walk_in(address="路" * 201), "address", "too_long", id="address too long"),
    pytest.param(walk_in(id_number="110105198001011230"), "id_number", "id_number", id="bad ID"),
    pytest.param(
        walk_in(birthday=date(1980, 1, 2), id_number=resident_id(date(1980, 1, 1))),
        "birthday",
        "id_birthday_mismatch",
        id="birthday against ID",
    ),
    pytest.param(walk_in(income_level="rich"), "income_level", "invalid_choice", id="income"),
    pytest.param(walk_in(member_type="gold"), "member_type", "invalid_choice", id="member type"),
    pytest.param(walk_in(channel=""), "channel", "required", id="no channel"),
    pytest.param(walk_in(channel="tv"), "channel", "invalid_choice", id="unknown channel"),
    pytest.param(walk_in(notes="x" * 2001), "notes", "too_long", id="notes too long"),
    pytest.param(walk_in(card_number="VIP 1"), "card_number", "card_number", id="bad card"),
]


@pytest.mark.parametrize(("data", "field", "rule"), REFUSED_FORMS)
def test_a_refused_form_writes_nothing_and_uses_no_number(
    clinic: Clinic, data: CustomerInput, field: str, rule: str
) -> None:
    clinic.register(walk_in("赵敏", mobile="13700001111", card_number="VIP-0001"))
    before = clinic.footprint()
    error = clinic.attempt(Role.RECEPTIONIST, register_customer, data=data)
    assert isinstance(error, ValidationFailed)
    assert (error.field, error.params["rule"]) == (field, rule)
    assert clinic.footprint() == before
    after = clinic.register(walk_in("钱程", mobile="13600002222"))
    assert after.file_number == f"BJ-{YEAR}-000002"


def test_a_card_number_already_issued_is_refused_and_nothing_is_written(clinic: Clinic) -> None:
    clinic.register(walk_in("赵敏", mobile="13700001111", card_number="VIP-0001"))
    before = clinic.footprint()
    error = clinic.attempt(
        Role.RECEPTIONIST, register_customer, data=walk_in(card_number="vip-0001")
    )
    assert (error.field, error.params["rule"]) == ("card_number", "card_taken")
    assert clinic.footprint() == before


def test_a_pharmacist_cannot_register_customers(clinic: Clinic) -> None:
    before = clinic.footprint()
    error = clinic.attempt(Role.PHARMACIST, register_customer, data=walk_in())
    assert isinstance(error, PermissionDenied)
    assert clinic.footprint() == before


# --- duplicates ---------------------------------------------------------------------------------


def test_a_second_registration_with_the_same_mobile_is_stopped(clinic: Clinic) -> None:
    first = clinic.register(walk_in("王芳", mobile="13800138000"))
    before = clinic.footprint()
    error = clinic.attempt(
        Role.RECEPTIONIST, register_customer, data=walk_in("王小芳", mobile="138-0013-8000")
    )
    assert isinstance(error, DuplicatesFound)
    assert error.code == "duplicates_found"
    [candidate] = error.candidates
    assert (candidate.row.id, candidate.reasons) == (first.id, ("mobile",))
    assert clinic.footprint() == before


def test_duplicates_by_id_number_and_by_name_and_birthday(clinic: Clinic) -> None:
    number = resident_id(date(1990, 2, 3))
    by_id = clinic.register(walk_in("孙丽", mobile="13811112222", id_number=number))
    by_birthday = clinic.register(walk_in("周杰", mobile="13833334444", birthday=date(1979, 1, 18)))
    reception = Role.RECEPTIONIST
    found = clinic.run(
        reception, find_duplicates, data=walk_in("孙莉", mobile="13900000000", id_number=number)
    )
    assert [(c.row.id, c.reasons) for c in found] == [(by_id.id, ("id_number",))]
    found = clinic.run(
        reception, find_duplicates, data=walk_in("周杰", mobile="", birthday=date(1979, 1, 18))
    )
    assert [(c.row.id, c.reasons) for c in found] == [(by_birthday.id, ("name_birthday",))]
    # The birthday read from an ID number counts too, and every reason is given.
    found = clinic.run(
        reception,
        find_duplicates,
        data=walk_in("孙丽", mobile="13811112222", id_number=number),
    )
    assert found[0].reasons == ("mobile", "id_number", "name_birthday")
    assert clinic.run(reception, find_duplicates, data=by_id.as_input(), exclude_id=by_id.id) == []


def test_family_members_sharing_a_mobile_are_registered_when_the_desk_confirms(
    clinic: Clinic,
) -> None:
    mother = clinic.register(walk_in("陈静", mobile="13800138000"))
    daughter = clinic.register(
        walk_in("林小雨", mobile="13800138000", gender=Gender.FEMALE), allow_duplicates=True
    )
    assert daughter.id != mother.id
    assert daughter.file_number == f"BJ-{YEAR}-000002"


def test_merged_customers_are_not_duplicate_candidates(clinic: Clinic) -> None:
    keep = clinic.register(walk_in("王芳", mobile="13800138000"))
    twin = clinic.register(walk_in("王芳", mobile="13900139000"), allow_duplicates=True)
    clinic.run(Role.BRANCH_MANAGER, merge_customers, keep_id=keep.id, merge_id=twin.id)
    found = clinic.run(Role.RECEPTIONIST, find_duplicates, data=walk_in(mobile="13900139000"))
    assert found == []


# --- editing ------------------------------------------------------------------------------------


def test_an_edit_is_saved_and_audited_with_before_and_after(clinic: Clinic) -> None:
    detail = clinic.register(walk_in("王芳", mobile="13800138000", region="北京"))
    edited = clinic.run(
        Role.RECEPTIONIST,
        update_customer,
        customer_id=detail.id,
        data=replace(detail.as_input(), region="上海", email="wf@example.cn"),
        expected_row_version=detail.row_version,
    )
    assert (edited.region, edited.email, edited.row_version) == ("上海", "wf@example.cn", 2)
    [update] = clinic.audit("update", detail.id)
    assert update.changes == {"region": ["北京", "上海"], "email": ["", "wf@example.cn"]}
    assert update.actor_name == "receptionist"


def test_saving_an_unchanged_form_changes_nothing(clinic: Clinic) -> None:
    detail = clinic.register(walk_in())
    again = clinic.run(
        Role.RECEPTIONIST, update_customer, customer_id=detail.id, data=detail.as_input()
    )
    assert again.row_version == 1
    assert clinic.audit("update", detail.id) == []


def test_search_keys_follow_a_new_name_and_mobile(clinic: Clinic) -> None:
    detail = clinic.register(walk_in("王芳", mobile="13800138000"))
    clinic.run(
        Role.RECEPTIONIST,
        update_customer,
        customer_id=detail.id,
        data=replace(detail.as_input(), name="单田芳", mobile="13912345678"),
    )
    reception = Role.RECEPTIONIST
    assert [r.id for r in clinic.run(reception, search_customers, query="stf")] == [detail.id]
    assert [r.id for r in clinic.run(reception, search_customers, query="田芳")] == [detail.id]
    assert [r.id for r in clinic.run(reception, search_customers, query="5678")] == [detail.id]
    assert clinic.run(reception, search_customers, query="王芳") == []
    assert clinic.run(reception, search_customers, query="8000") == []


def test_a_form_opened_before_someone_else_saved_is_stale(clinic: Clinic) -> None:
    detail = clinic.register(walk_in())
    clinic.run(
        Role.RECEPTIONIST,
        update_customer,
        customer_id=detail.id,
        data=replace(detail.as_input(), region="北京"),
        expected_row_version=1,
    )
    error = clinic.attempt(
        Role.CONSULTANT,
        update_customer,
        customer_id=detail.id,
        data=replace(detail.as_input(), region="天津"),
        expected_row_version=1,
    )
    assert isinstance(error, StaleRecord)
    assert error.params == {"expected": 1, "current": 2}
    assert clinic.run(Role.RECEPTIONIST, get_customer, customer_id=detail.id).region == "北京"


def test_an_edit_is_validated_like_a_registration(clinic: Clinic) -> None:
    detail = clinic.register(walk_in())
    error = clinic.attempt(
        Role.RECEPTIONIST,
        update_customer,
        customer_id=detail.id,
        data=replace(detail.as_input(), mobile="12345"),
    )
    assert (error.field, error.params["rule"]) == ("mobile", "mobile")


def test_a_consultant_sending_back_masked_contacts_keeps_the_real_ones(clinic: Clinic) -> None:
    number = resident_id(date(1988, 8, 8))
    detail = clinic.register(walk_in(mobile="13800138000", id_number=number))
    seen = clinic.run(Role.CONSULTANT, get_customer, customer_id=detail.id)
    assert seen.contact_masked
    assert (seen.mobile, seen.id_number) == ("138****8000", f"110105********{number[-4:]}")
    clinic.run(
        Role.CONSULTANT,
        update_customer,
        customer_id=detail.id,
        data=replace(seen.as_input(), occupation="教师"),
    )
    stored = clinic.run(Role.RECEPTIONIST, get_customer, customer_id=detail.id)
    assert (stored.mobile, stored.id_number, stored.occupation) == ("13800138000", number, "教师")
    # A new number typed by the consultant does replace the old one.
    clinic.run(
        Role.CONSULTANT,
        update_customer,
        customer_id=detail.id,
        data=replace(seen.as_input(), mobile="13912345678"),
    )
    assert clinic.run(Role.RECEPTIONIST, get_customer, customer_id=detail.id).mobile == (
        "13912345678"
    )


def test_a_pharmacist_cannot_edit_customers(clinic: Clinic) -> None:
    detail = clinic.register(walk_in())
    error = clinic.attempt(
        Role.PHARMACIST, update_customer, customer_id=detail.id, data=detail.as_input()
    )
    assert isinstance(error, PermissionDenied)


def test_unknown_customers_are_not_found(clinic: Clinic) -> None:
    with pytest.raises(NotFound):
        clinic.run(Role.RECEPTIONIST, get_customer, customer_id=new_id())
    with pytest.raises(NotFound):
        clinic.run(Role.RECEPTIONIST, update_customer, customer_id=new_id(), data=walk_in())


# --- masking and reveal -------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_contacts_are_masked_exactly_for_roles_that_do_not_need_them(
    clinic: Clinic, role: Role
) -> None:
    detail = clinic.register(walk_in(mobile="13800138000"))
    masked = role in ROLES_SEEING_MASKED_CONTACT
    seen = clinic.run(role, get_customer, customer_id=detail.id)
    assert seen.contact_masked is masked
    assert seen.mobile == ("138****8000" if masked else "13800138000")
    [row] = clinic.run(role, search_customers, query="王芳")
    assert row.mobile_display == ("138****8000" if masked else "13800138000")
    assert row.mobile_tail == "8000"


def test_a_revealed_contact_is_written_to_the_audit_log(clinic: Clinic) -> None:
    number = resident_id(date(1975, 5, 5))
    detail = clinic.register(walk_in(mobile="13800138000", id_number=number))
    reception = clinic.make_actor(Role.RECEPTIONIST)
    revealed = clinic.run(reception, reveal_contact, customer_id=detail.id)
    assert (revealed.mobile, revealed.id_number) == ("13800138000", number)
    [reveal] = clinic.audit("reveal", detail.id)
    assert (reveal.table_name, reveal.actor_id, reveal.changes) == (
        "customer",
        reception.user_id,
        {},
    )


def test_a_consultant_may_not_reveal_a_contact(clinic: Clinic) -> None:
    detail = clinic.register(walk_in())
    error = clinic.attempt(Role.CONSULTANT, reveal_contact, customer_id=detail.id)
    assert isinstance(error, PermissionDenied)
    assert clinic.audit("reveal", detail.id) == []


# --- merging ------------------------------------------------------------------------------------


def test_merging_a_duplicate_keeps_both_histories_and_fills_empty_fields(clinic: Clinic) -> None:
    keep = clinic.register(walk_in("王芳", mobile="13800138000", region="北京"))
    twin = clinic.register(
        walk_in(
            "王芳",
            mobile="13900139000",
            email="wf@example.cn",
            region="天津",
            member_type=MemberType.SILVER,
            card_number="VIP-0007",
            birthday=date(1980, 3, 3),
        ),
        allow_duplicates=True,
    )
    doctor = Role.DOCTOR
    clinic.run(
        doctor,
        add_health_entry,
        customer_id=keep.id,
        section=HealthSection.HISTORY,
        content="高血压",
    )
    clinic.run(
        doctor,
        add_health_entry,
        customer_id=twin.id,
        section=HealthSection.ALLERGIES,
        content="青霉素",
    )

    merged = clinic.run(Role.BRANCH_MANAGER, merge_customers, keep_id=keep.id, merge_id=twin.id)

    assert (merged.mobile, merged.region) == ("13800138000", "北京")
    assert (merged.email, merged.birthday, merged.card_number) == (
        "wf@example.cn",
        date(1980, 3, 3),
        "VIP-0007",
    )
    assert merged.member_type is MemberType.SILVER
    file = clinic.run(doctor, open_health_file, customer_id=keep.id)
    assert [e.content for e in file.sections[HealthSection.HISTORY]] == ["高血压"]
    assert [e.content for e in file.sections[HealthSection.ALLERGIES]] == ["青霉素"]
    with pytest.raises(NotFound):
        clinic.run(Role.RECEPTIONIST, get_customer, customer_id=twin.id)
    reception = Role.RECEPTIONIST
    assert [r.id for r in clinic.run(reception, search_customers, query="王芳")] == [keep.id]
    assert [r.id for r in clinic.run(reception, search_customers, query="9000")] == []
    assert [r.id for r in clinic.run(reception, search_customers, query="VIP-0007")] == [keep.id]
    with clinic.database.engine.connect() as connection:
        gone = connection.execute(
            select(Customer.merged_into_id, Customer.deleted_at).where(Customer.id == twin.id)
        ).one()
    assert gone.merged_into_id == keep.id and gone.deleted_at is not None
    assert clinic.audit("delete", twin.id)


def test_merges_that_make_no_sense_are_refused(clinic: Clinic) -> None:
    first = clinic.register(walk_in("王芳", mobile="13800138000"))
    second = clinic.register(walk_in("王芳", mobile="13900139000"), allow_duplicates=True)
    third = clinic.register(walk_in("王芳", mobile="13700137000"), allow_duplicates=True)
    manager = Role.BRANCH_MANAGER
    error = clinic.attempt(manager, merge_customers, keep_id=first.id, merge_id=first.id)
    assert isinstance(error, MergeRefused) and error.params["reason"] == "same_customer"
    clinic.run(manager, merge_customers, keep_id=first.id, merge_id=second.id)
    error = clinic.attempt(manager, merge_customers, keep_id=second.id, merge_id=third.id)
    assert isinstance(error, MergeRefused) and error.params["reason"] == "target_merged"
    error = clinic.attempt(manager, merge_customers, keep_id=third.id, merge_id=second.id)
    assert isinstance(error, MergeRefused) and error.params["reason"] == "already_merged"
    error = clinic.attempt(manager, merge_customers, keep_id=first.id, merge_id=new_id())
    assert isinstance(error, NotFound)


def test_only_managers_merge_customers(clinic: Clinic) -> None:
    first = clinic.register(walk_in("王芳", mobile="13800138000"))
    second = clinic.register(walk_in("王芳", mobile="13900139000"), allow_duplicates=True)
    error = clinic.attempt(Role.RECEPTIONIST, merge_customers, keep_id=first.id, merge_id=second.id)
    assert isinstance(error, PermissionDenied)


# --- the same story on PostgreSQL ---------------------------------------------------------------


@pytest.mark.postgres
def test_the_registry_works_the_same_on_postgresql(pg_clinic: Clinic) -> None:
    clinic = pg_clinic
    number = resident_id(date(1985, 6, 15), "135")
    first = clinic.register(walk_in("张伟", gender=Gender.UNKNOWN, id_number=number))
    assert (first.file_number, first.gender) == (f"BJ-{YEAR}-000001", Gender.MALE)
    before = clinic.footprint()
    error = clinic.attempt(Role.RECEPTIONIST, register_customer, data=walk_in("张\x00伟"))
    assert (error.field, error.params["rule"]) == ("name", "invalid_characters")
    error = clinic.attempt(Role.RECEPTIONIST, register_customer, data=walk_in("张伟伟", mobile=""))
    assert (error.field, error.params["rule"]) == ("mobile", "required")
    error = clinic.attempt(
        Role.RECEPTIONIST, register_customer, data=walk_in(mobile="13800138000", name="张薇")
    )
    assert isinstance(error, DuplicatesFound)
    assert clinic.footprint() == before
    # Pinyin of a long foreign name is cut to its column, which PostgreSQL enforces.
    long_name = clinic.register(walk_in("庄" * 50, mobile="13912345678"))
    assert long_name.name == "庄" * 50

    twin = clinic.register(
        walk_in("张伟", mobile="13700137000", email="zw@example.cn"), allow_duplicates=True
    )
    edited = clinic.run(
        Role.RECEPTIONIST,
        update_customer,
        customer_id=first.id,
        data=replace(first.as_input(), region="北京"),
        expected_row_version=1,
    )
    assert edited.row_version == 2
    clinic.run(Role.DOCTOR, add_health_entry, customer_id=twin.id, section="notes", content="复诊")
    kept = clinic.run(Role.HQ_ADMIN, merge_customers, keep_id=first.id, merge_id=twin.id)
    assert kept.email == "zw@example.cn"
    file = clinic.run(Role.DOCTOR, open_health_file, customer_id=first.id)
    assert [e.content for e in file.sections[HealthSection.NOTES]] == ["复诊"]
    assert [r.id for r in clinic.run(Role.RECEPTIONIST, search_customers, query="张伟")] == [
        first.id
    ]
    [row] = clinic.run(Role.CONSULTANT, search_customers, query="zw")
    assert (row.registered_on, row.mobile_display) == (clinic_today(), "138****8000")
    assert clinic.run(Role.RECEPTIONIST, reveal_contact, customer_id=first.id).id_number == number
    assert clinic.audit("reveal", first.id)


def _age(birthday: date) -> int:
    today = clinic_today()
    return today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))
