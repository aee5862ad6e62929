"""The demo database: a realistic chain that every role can log in to."""

from __future__ import annotations

import shutil
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import phonenumbers
import pytest
from sqlalchemy import func, select
from stdnum.cn import ric

from lorch_desk.config import DEMO_PASSWORD
from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import AlreadyInitialised, Cancelled, PermissionDenied
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.customer import Customer, HealthRecordEntry
from lorch_desk.models.organisation import Institution, Site
from lorch_desk.models.staff import StaffProfile, UserAccount
from lorch_desk.resources_path import resource_path
from lorch_desk.services.auth import attempt_log_in
from lorch_desk.services.demo_data import DemoSummary, seed_demo_database
from lorch_desk.services.node_setup import find_node_identity
from lorch_desk.services.numbering import next_number

CUSTOMERS = 300
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Seeded:
    database: Database
    system: Actor
    summary: DemoSummary


class RecordingProgress(SilentProgress):
    def __init__(self) -> None:
        super().__init__()
        self.reports: list[tuple[int, int, str]] = []

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reports.append((done, total, label))
        super().report(done, total, label)


def _open_copy(template: Path, target: Path) -> tuple[Database, Actor]:
    shutil.copy(template, target)
    database = Database(make_engine(f"sqlite:///{target}"))
    probe = Actor.system(site_id=uuid.UUID(int=0), site_code="XX", node_id=uuid.UUID(int=0))
    with database.unit_of_work(probe, read_only=True) as uow:
        identity = find_node_identity(uow)
    assert identity is not None
    system = Actor.system(
        site_id=identity.site_id, site_code=identity.site_code, node_id=identity.node_id
    )
    return database, system


def _seed(database: Database, system: Actor, **kwargs: object) -> DemoSummary:
    summary, _changes = database.run(
        system, lambda uow, progress: seed_demo_database(uow, progress=progress, **kwargs)
    )
    return summary


@pytest.fixture(scope="module")
def seeded(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """One demo database of CUSTOMERS customers, seeded at the real current time."""
    database, system = _open_copy(
        template_database, tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    )
    summary = _seed(database, system, customers=CUSTOMERS)
    yield Seeded(database, system, summary)
    database.dispose()


def _rows(seeded: Seeded, *columns):  # noqa: ANN002, ANN202
    with seeded.database.unit_of_work(seeded.system, read_only=True) as uow:
        return uow.session.execute(select(*columns)).all()


def _count(seeded: Seeded, model: type) -> int:
    with seeded.database.unit_of_work(seeded.system, read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def test_the_summary_says_what_was_added(seeded: Seeded) -> None:
    summary = seeded.summary
    assert summary.site_codes == ("BJ", "SH", "CD")
    assert summary.customers == CUSTOMERS == _count(seeded, Customer)
    assert summary.health_record_entries == _count(seeded, HealthRecordEntry)
    assert summary.institutions == 3 == _count(seeded, Institution)
    assert summary.staff_profiles == _count(seeded, StaffProfile)


def test_two_branches_join_headquarters(seeded: Seeded) -> None:
    sites = {row.code: row for row in _rows(seeded, Site.code, Site.name, Site.city, Site.id)}
    assert (sites["SH"].name, sites["SH"].city) == ("上海分中心", "上海")
    assert (sites["CD"].name, sites["CD"].city) == ("成都分中心", "成都")
    assert sites["BJ"].name == "北京总部"
    per_site = Counter(row.site_id for row in _rows(seeded, Customer.site_id))
    assert set(per_site) == {site.id for site in sites.values()}
    assert all(count > CUSTOMERS // 10 for count in per_site.values())


def test_every_role_has_a_login_that_opens_with_the_demo_password(seeded: Seeded) -> None:
    users = _rows(seeded, UserAccount.username, UserAccount.role, UserAccount.display_name)
    demo = [user for user in users if user.username in seeded.summary.usernames]
    assert {Role(user.role) for user in demo} == set(Role)
    assert all(not user.display_name.isascii() for user in demo)
    # One login per role: argon2 makes every check slow on purpose.
    for user in {Role(user.role): user for user in demo}.values():
        with seeded.database.unit_of_work(seeded.system) as uow:
            attempt = attempt_log_in(uow, username=user.username, password=DEMO_PASSWORD)
            actor = attempt.actor_or_raise()
        assert (actor.username, actor.role) == (user.username, Role(user.role))


def test_doctors_and_consultants_have_staff_files_with_specialities(seeded: Seeded) -> None:
    logins = dict(_rows(seeded, UserAccount.id, UserAccount.role))
    profiles = _rows(seeded, StaffProfile.user_id, StaffProfile.position, StaffProfile.specialities)
    linked_roles = {logins[profile.user_id] for profile in profiles if profile.user_id}
    assert linked_roles == {Role.DOCTOR.value, Role.CONSULTANT.value}
    assert all(profile.specialities for profile in profiles)
    assert {"doctor", "consultant"} <= {profile.position for profile in profiles}
    clinical_logins = [key for key, role in logins.items() if role in {"doctor", "consultant"}]
    assert set(clinical_logins) <= {profile.user_id for profile in profiles}


def test_every_mobile_is_a_unique_chinese_mobile_number(seeded: Seeded) -> None:
    mobiles = [row.mobile for row in _rows(seeded, Customer.mobile)]
    assert len(set(mobiles)) == len(mobiles) == CUSTOMERS
    for mobile in mobiles:
        number = phonenumbers.parse(mobile, "CN")
        assert phonenumbers.is_valid_number(number), mobile
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE, mobile


def test_every_id_number_is_valid_and_agrees_with_birthday_and_sex(seeded: Seeded) -> None:
    rows = _rows(seeded, Customer.id_number, Customer.birthday, Customer.gender)
    with_id = [row for row in rows if row.id_number]
    assert CUSTOMERS // 4 < len(with_id) < CUSTOMERS * 3 // 4
    assert len({row.id_number for row in with_id}) == len(with_id)
    for row in with_id:
        assert ric.is_valid(row.id_number), row.id_number
        assert ric.get_birth_date(row.id_number) == row.birthday
        assert int(row.id_number[16]) % 2 == (1 if row.gender == "male" else 0)


def test_customers_look_like_real_people(seeded: Seeded) -> None:
    rows = _rows(
        seeded,
        Customer.name,
        Customer.birthday,
        Customer.region,
        Customer.name_pinyin,
        Customer.name_initials,
        Customer.mobile_reversed,
        Customer.mobile,
        Customer.sms_consent,
        Customer.channel,
        Customer.member_type,
    )
    assert all(2 <= len(row.name) <= 4 for row in rows)
    assert all(1950 <= row.birthday.year <= 2005 for row in rows)
    assert all(row.region.startswith(("北京市", "上海市", "成都市")) for row in rows)
    assert all(row.mobile_reversed == row.mobile[::-1] for row in rows)
    assert all(row.name_pinyin and row.name_initials for row in rows)
    assert {True, False} == {row.sms_consent for row in rows}
    assert len({row.channel for row in rows}) >= 5
    assert "ordinary" in {row.member_type for row in rows}
    assert Counter(row.name[0] for row in rows).most_common(1)[0][0] in "王李张刘陈"


def test_polyphonic_surnames_are_read_as_surnames(seeded: Seeded) -> None:
    readings = {
        row.name[0]: row.name_pinyin for row in _rows(seeded, Customer.name, Customer.name_pinyin)
    }
    assert readings["单"].startswith("shan")
    assert readings["曾"].startswith("zeng")
    assert readings["解"].startswith("xie")


def test_about_a_third_have_a_health_file(seeded: Seeded) -> None:
    rows = _rows(seeded, HealthRecordEntry.customer_id, HealthRecordEntry.section)
    owners = {row.customer_id for row in rows}
    assert CUSTOMERS * 0.25 < len(owners) < CUSTOMERS * 0.42
    assert {row.section for row in rows} == {
        "history",
        "allergies",
        "family_history",
        "assessment",
        "notes",
    }
    contents = {row.content for row in _rows(seeded, HealthRecordEntry.content)}
    assert all(content and "{" not in content for content in contents)


def test_seeding_is_audited_row_by_row(seeded: Seeded) -> None:
    created = Counter(
        row.table_name
        for row in _rows(seeded, AuditEntry.table_name, AuditEntry.action)
        if row.action == "create"
    )
    assert created["customer"] == CUSTOMERS
    assert created["health_record_entry"] == seeded.summary.health_record_entries
    assert created["institution"] == 3


def test_file_numbers_follow_the_numbering_and_later_registrations_do_not_collide(
    seeded: Seeded,
) -> None:
    numbers = {row.file_number for row in _rows(seeded, Customer.file_number)}
    cards = {row.card_number for row in _rows(seeded, Customer.card_number) if row.card_number}
    assert len(numbers) == CUSTOMERS
    assert cards
    years = {int(number.split("-")[1]) for number in numbers}
    assert all(number.split("-")[0] in {"BJ", "SH", "CD"} for number in numbers)
    assert all(len(number.split("-")[2]) == 6 for number in numbers)
    with seeded.database.unit_of_work(seeded.system) as uow:
        following = [next_number(uow, kind="file")]
        following += [
            next_number(uow, kind="file", when=datetime(year, 6, 1, tzinfo=UTC)) for year in years
        ]
        following_cards = [
            next_number(uow, kind="card", when=datetime(year, 6, 1, tzinfo=UTC)) for year in years
        ]
    assert all(number.startswith("BJ-") for number in following + following_cards)
    assert not set(following) & numbers
    assert not set(following_cards) & cards


def test_seeding_twice_is_refused(seeded: Seeded) -> None:
    with pytest.raises(AlreadyInitialised):
        _seed(seeded.database, seeded.system, customers=1)


def test_only_an_administrator_may_seed(seeded: Seeded) -> None:
    receptionist = replace(seeded.system, role=Role.RECEPTIONIST)
    with pytest.raises(PermissionDenied):
        _seed(seeded.database, receptionist, customers=1)


def test_the_same_seed_gives_the_same_people(template_database: Path, tmp_path: Path) -> None:
    people = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        database, system = _open_copy(template_database, tmp_path / f"{name}.sqlite3")
        _seed(database, system, customers=120, seed=seed, now=NOW)
        with database.unit_of_work(system, read_only=True) as uow:
            people.append(
                sorted(
                    uow.session.execute(
                        select(
                            Customer.file_number,
                            Customer.name,
                            Customer.mobile,
                            Customer.id_number,
                            Customer.birthday,
                        )
                    ).all()
                )
            )
        database.dispose()
    assert people[0] == people[1]
    assert people[0] != people[2]


def test_progress_is_reported_and_cancelling_keeps_nothing(
    template_database: Path, tmp_path: Path
) -> None:
    database, system = _open_copy(template_database, tmp_path / "p.sqlite3")
    progress = RecordingProgress()
    database.run(
        system,
        lambda uow, _: seed_demo_database(uow, customers=1200, progress=progress),
        progress=progress,
    )
    assert progress.reports[0] == (0, 1200, "organisation")
    assert progress.reports[-1] == (1200, 1200, "customers")
    database.dispose()

    database, system = _open_copy(template_database, tmp_path / "q.sqlite3")
    cancelled = SilentProgress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        database.run(
            system,
            lambda uow, progress: seed_demo_database(uow, customers=50, progress=progress),
            progress=cancelled,
        )
    with database.unit_of_work(system, read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Site)) == 1
    database.dispose()


def test_five_thousand_customers(template_database: Path, tmp_path: Path) -> None:
    database, system = _open_copy(template_database, tmp_path / "big.sqlite3")
    summary = _seed(database, system)
    with database.unit_of_work(system, read_only=True) as uow:
        customers = uow.session.scalar(select(func.count()).select_from(Customer))
        files = uow.session.scalar(select(func.count(func.distinct(Customer.file_number))))
    assert summary.customers == customers == files == 5000
    assert summary.health_record_entries > 5000 * 0.25
    database.dispose()


def test_demo_pools_are_found_in_the_repository_and_in_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resource_path("demo", "names.json").is_file()
    assert resource_path("demo", "organisation.json").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("demo", "names.json") == tmp_path / "resources" / "demo" / "names.json"
