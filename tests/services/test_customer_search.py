"""Search as the front desk types: names, pinyin, mobile tails, card and file numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import Gender, age_on, clinic_today
from lorch_desk.domain.permissions import Role
from lorch_desk.models.customer import Customer
from lorch_desk.services.customer_search import (
    QueryKind,
    SearchPlan,
    count_customers,
    plan_search,
    search_customers,
)
from lorch_desk.services.customers import (
    CustomerDetail,
    CustomerInput,
    merge_customers,
    register_customer,
)
from lorch_desk.services.search_keys import name_keys

YEAR = clinic_today().year

# Registered in this order; the mobile's last four digits are unique.
REGISTRY = [
    ("张伟", "13800001234", ""),
    ("张伟明", "13800005678", ""),
    ("李伟", "13911112222", ""),
    ("曾小明", "13922223333", ""),
    ("单田芳", "13933334444", ""),
    ("欧阳娜娜", "13944445555", ""),
    ("Anna Li", "13955556666", ""),
    ("赵敏", "13966667777", "VIP-0001"),
    ("孙浩", "13977778888", "62000001"),
]


@dataclass
class Registry:
    """A clinic whose registry holds REGISTRY, searched as one role or another."""

    database: Database
    make_actor: Callable[[Role], Actor]
    customers: dict[str, CustomerDetail]

    def search(self, query: str, role: Role = Role.RECEPTIONIST, **page: int) -> list[str]:
        return [row.name for row in self.rows(query, role, **page)]

    def rows(self, query: str, role: Role = Role.RECEPTIONIST, **page: int):
        result, _ = self.database.run(
            self.make_actor(role),
            lambda uow, _p: search_customers(uow, query=query, **page),
            read_only=True,
        )
        return result

    def run(self, role: Role, operation: Callable[..., object], /, **kwargs: object):
        result, _ = self.database.run(
            self.make_actor(role), lambda uow, _p: operation(uow, **kwargs)
        )
        return result


def _fill(database: Database, make_actor: Callable[[Role], Actor]) -> Registry:
    registry = Registry(database, make_actor, {})
    for name, mobile, card in REGISTRY:
        data = CustomerInput(
            name=name, gender=Gender.FEMALE, mobile=mobile, channel="walk_in", card_number=card
        )
        registry.customers[name] = registry.run(
            Role.RECEPTIONIST, register_customer, data=data, allow_duplicates=True
        )
    return registry


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def registry(request: pytest.FixtureRequest) -> Registry:
    """The same registry on the embedded SQLite file and on a site's PostgreSQL."""
    if request.param == "sqlite":
        return _fill(request.getfixturevalue("database"), request.getfixturevalue("actor_for"))
    return _fill(request.getfixturevalue("pg_database"), request.getfixturevalue("pg_actor_for"))


# --- what a query means -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "plan"),
    [
        ("", SearchPlan(QueryKind.RECENT)),
        ("  \t ", SearchPlan(QueryKind.RECENT)),
        ("\x00", SearchPlan(QueryKind.RECENT)),
        ("张 伟", SearchPlan(QueryKind.NAME, "张伟")),
        ("Anna李", SearchPlan(QueryKind.NAME, "anna李")),
        ("ZW", SearchPlan(QueryKind.PINYIN, "zw")),
        ("zhang wei", SearchPlan(QueryKind.PINYIN, "zhangwei")),
        ("xi'an", SearchPlan(QueryKind.PINYIN, "xian")),
        ("ｚｗ", SearchPlan(QueryKind.PINYIN, "zw")),
        ("1234", SearchPlan(QueryKind.DIGITS, "1234")),
        ("１２３４", SearchPlan(QueryKind.DIGITS, "1234")),
        ("+86 138-0000-1234", SearchPlan(QueryKind.DIGITS, "13800001234")),
        ("bj-2026-42", SearchPlan(QueryKind.NUMBER, "BJ-2026-42", "BJ-2026-000042")),
        ("vip-0001", SearchPlan(QueryKind.NUMBER, "VIP-0001")),
    ],
)
def test_what_a_typed_query_is_taken_for(typed: str, plan: SearchPlan) -> None:
    assert plan_search(typed) == plan


# --- names --------------------------------------------------------------------------------------


def test_a_name_is_found_by_any_of_its_characters_newest_first(registry: Registry) -> None:
    assert registry.search("伟") == ["李伟", "张伟明", "张伟"]
    assert registry.search("张伟") == ["张伟明", "张伟"]
    assert registry.search("张伟明") == ["张伟明"]
    assert registry.search("伟明") == ["张伟明"]
    assert registry.search("田芳") == ["单田芳"]
    assert registry.search("明伟") == []
    assert registry.search("欧阳娜娜") == ["欧阳娜娜"]


def test_odd_queries_find_nothing_rather_than_fail(registry: Registry) -> None:
    for query in ['"', '""', "。", "%", "_", "\\", "*", "NEAR(张 伟)", "张 OR 李", "张伟明明"]:
        assert registry.search(query) == [], query
    # Full-text syntax and LIKE wildcards are taken as plain characters, never as operators.
    for query in ['"伟明"', '张"伟', "伟%", "张_", "张*", "伟 明", "(伟)"]:
        assert set(registry.search(query)) <= {"张伟", "张伟明", "李伟"}, query


# --- pinyin -------------------------------------------------------------------------------------


def test_initials_and_full_pinyin_find_names(registry: Registry) -> None:
    assert registry.search("zw") == ["张伟", "张伟明"]
    assert registry.search("ZWM") == ["张伟明"]
    assert registry.search("zhangwei") == ["张伟", "张伟明"]
    assert registry.search("zhang wei m") == ["张伟明"]
    assert registry.search("lw") == ["李伟"]
    assert registry.search("ouyang") == ["欧阳娜娜"]
    assert registry.search("oynn") == ["欧阳娜娜"]
    assert registry.search("anna") == ["Anna Li"]
    assert registry.search("q") == []


def test_polyphonic_surnames_are_read_as_surnames(registry: Registry) -> None:
    assert registry.search("zeng") == ["曾小明"]
    assert registry.search("zxm") == ["曾小明"]
    assert registry.search("ceng") == []
    assert registry.search("shan") == ["单田芳"]
    assert registry.search("stf") == ["单田芳"]
    assert registry.search("dan") == []


def test_initials_come_before_full_pinyin_and_pages_follow_on(registry: Registry) -> None:
    # 孙浩's initials are "sh"; 单田芳's pinyin starts with "sh".
    assert registry.search("sh") == ["孙浩", "单田芳"]
    assert registry.search("sh", limit=1) == ["孙浩"]
    assert registry.search("sh", limit=1, offset=1) == ["单田芳"]
    assert registry.search("sh", limit=1, offset=2) == []


# --- numbers ------------------------------------------------------------------------------------


def test_a_mobile_is_found_by_its_tail_or_whole(registry: Registry) -> None:
    assert registry.search("1234") == ["张伟"]
    assert registry.search("01234") == ["张伟"]
    assert registry.search("13800001234") == ["张伟"]
    assert registry.search("+86 138 0000 1234") == ["张伟"]
    assert registry.search("9999") == []


def test_card_numbers_are_found_exactly_or_by_their_start(registry: Registry) -> None:
    assert registry.search("VIP-0001") == ["赵敏"]
    assert registry.search("vip-0001") == ["赵敏"]
    assert registry.search("VIP-00") == ["赵敏"]
    assert registry.search("62000001") == ["孙浩"]
    assert registry.search("620000") == ["孙浩"]


def test_file_numbers_are_found_whole_or_by_their_sequence(registry: Registry) -> None:
    li_wei = registry.customers["李伟"]
    assert li_wei.file_number == f"BJ-{YEAR}-000003"
    assert registry.search(li_wei.file_number) == ["李伟"]
    assert registry.search(li_wei.file_number.lower()) == ["李伟"]
    assert registry.search(f"BJ-{YEAR}-3") == ["李伟"]
    assert registry.search("000003") == ["李伟"]
    assert registry.search("3") == ["李伟"]
    assert registry.search(f"SH-{YEAR}-000003") == []


# --- the list without a query -------------------------------------------------------------------


def test_an_empty_query_lists_the_newest_customers_page_by_page(registry: Registry) -> None:
    everyone = [name for name, _, _ in reversed(REGISTRY)]
    assert registry.search("") == everyone
    pages = [registry.search("  ", limit=4, offset=offset) for offset in (0, 4, 8)]
    assert [name for page in pages for name in page] == everyone
    assert registry.search("", limit=0) == []


def test_rows_carry_what_a_picker_shows(registry: Registry) -> None:
    [row] = registry.rows("赵敏")
    detail = registry.customers["赵敏"]
    assert (row.id, row.file_number, row.card_number) == (detail.id, detail.file_number, "VIP-0001")
    assert (row.gender, row.age, row.birthday) == (Gender.FEMALE, None, None)
    assert (row.mobile_display, row.mobile_tail) == ("13966667777", "7777")
    assert (row.site_code, row.registered_on, row.channel) == ("BJ", clinic_today(), "walk_in")
    [masked] = registry.rows("赵敏", Role.PHARMACIST)
    assert (masked.mobile_display, masked.mobile_tail) == ("139****7777", "7777")


def test_merged_customers_leave_the_search_and_the_count(registry: Registry) -> None:
    assert registry.run(Role.RECEPTIONIST, count_customers) == len(REGISTRY)
    keep, gone = registry.customers["张伟"], registry.customers["张伟明"]
    registry.run(Role.BRANCH_MANAGER, merge_customers, keep_id=keep.id, merge_id=gone.id)
    assert registry.search("张伟") == ["张伟"]
    assert registry.search("5678") == []
    assert "张伟明" not in registry.search("")
    assert registry.run(Role.RECEPTIONIST, count_customers) == len(REGISTRY) - 1


def test_the_registration_date_is_the_clinics_date_not_utcs(registry: Registry) -> None:
    # 17:30 UTC on New Year's Day is already 01:30 on 2 January in Beijing.
    evening = datetime(2026, 1, 1, 17, 30, tzinfo=UTC)
    with registry.database.unit_of_work(registry.make_actor(Role.HQ_ADMIN)) as uow:
        keys = name_keys("夜班客")
        uow.session.add(
            Customer(
                file_number="BJ-2026-900001",
                name="夜班客",
                gender="male",
                birthday=date(1990, 6, 1),
                name_pinyin=keys.pinyin,
                name_initials=keys.initials,
                name_tokens=keys.tokens,
                created_at=evening,
            )
        )
        uow.session.commit()
    [row] = registry.rows("夜班客")
    assert row.registered_on == date(2026, 1, 2)
    assert row.age == age_on(date(1990, 6, 1), clinic_today())
