"""The demo database: branch sites, logins of every role, staff files, partners, customers.

Everything is drawn from one `random.Random(seed)`, so a seed always gives the same people.
The pools (names, districts, health notes, staff) are in resources/demo/.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from stdnum.cn import ric

from lorch_desk.config import DEMO_PASSWORD
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import Channel, Gender, HealthSection, IncomeLevel, MemberType
from lorch_desk.domain.errors import (
    AlreadyInitialised,
    NotInitialised,
    PermissionDenied,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.domain.progress import Progress
from lorch_desk.models.base import new_id
from lorch_desk.models.customer import Customer, HealthRecordEntry
from lorch_desk.models.node import NumberCounter
from lorch_desk.models.organisation import Site
from lorch_desk.models.staff import UserAccount
from lorch_desk.resources_path import resource_path
from lorch_desk.services import (
    demo_cashier,
    demo_complaints,
    demo_consultations,
    demo_follow_ups,
    demo_front_desk,
    demo_greetings,
    demo_inquiries,
    demo_membership,
    demo_sync,
    demo_warehouse,
    passwords,
)
from lorch_desk.services.access import require
from lorch_desk.services.institutions import InstitutionInput, save_institution
from lorch_desk.services.node_setup import find_node_identity
from lorch_desk.services.search_keys import name_keys, reversed_digits
from lorch_desk.services.staff import StaffProfileInput, save_staff_profile

# The one password of every demo login; the demo database only, listed by the login dialog.
DEMO_SEED = 20261123
BATCH_SIZE = 500
REGISTRATION_YEARS = 3
BIRTHDAYS = (date(1950, 1, 1), date(2005, 12, 31))

MAX_CUSTOMERS = 1_000_000
# The demo's headquarters plays Beijing whatever its code: its pools and logins say "BJ".
HEADQUARTERS_POOL = "BJ"

# Shares of customers; the numbers are weights. Keys are the pools of resources/demo.
SITE_WEIGHTS = {HEADQUARTERS_POOL: 45, "SH": 35, "CD": 20}
FEMALE_SHARE = 0.62
TWO_CHARACTER_GIVEN_NAME_SHARE = 0.72
ID_NUMBER_SHARE = 0.45
HEALTH_FILE_SHARE = 1 / 3
MEMBER_WEIGHTS = {
    MemberType.ORDINARY: 65,
    MemberType.SILVER: 20,
    MemberType.PLATINUM: 11,
    MemberType.PREMIER: 4,
}
CHANNEL_WEIGHTS = {
    Channel.WALK_IN: 25,
    Channel.REFERRAL: 20,
    Channel.ONLINE: 20,
    Channel.HOTLINE: 10,
    Channel.MARKET: 10,
    Channel.AGENCY: 8,
    Channel.INSTITUTION: 7,
}
INCOME_WEIGHTS = {"": 40, IncomeLevel.LOW: 12, IncomeLevel.MIDDLE: 35, IncomeLevel.HIGH: 13}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo seeding added."""

    site_codes: tuple[str, ...]
    usernames: tuple[str, ...]
    staff_profiles: int
    institutions: int
    customers: int
    health_record_entries: int


def seed_demo_database(
    uow: UnitOfWork,
    *,
    customers: int = 5000,
    seed: int = DEMO_SEED,
    progress: Progress,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill a newly initialised headquarters node with a realistic clinic chain.

    The unit of work's actor is the system actor of the node (node_setup.initialise_node has
    run); `now` anchors registration dates (default: the current time).
    """
    require(uow.actor, Action.USER_ADMIN)
    if not 0 <= customers <= MAX_CUSTOMERS:
        raise ValidationFailed(field="customers", rule="range", minimum=0, maximum=MAX_CUSTOMERS)
    headquarters = _headquarters(uow)
    organisation = _load_json("organisation.json")
    pools = _load_json("names.json")
    codes = [site["code"] for site in organisation["sites"]]
    if uow.session.scalars(select(Site.id).where(Site.code.in_(codes))).first() is not None:
        raise AlreadyInitialised(what="demo")
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    progress.report(0, customers, "organisation")

    sites = {HEADQUARTERS_POOL: headquarters}
    for data in organisation["sites"]:
        site_id = new_id()
        # A site row belongs to the site it describes, as node_setup makes the first one.
        sites[data["code"]] = Site(
            id=site_id, site_id=site_id, code=data["code"], name=data["name"], city=data["city"]
        )
        uow.session.add(sites[data["code"]])
    users = _add_users(uow, organisation["users"], sites)
    for data in organisation["staff_profiles"]:
        values = dict(data)
        user = users.get(values.pop("username") or "")
        save_staff_profile(
            uow,
            profile_id=None,
            data=StaffProfileInput(**values, user_id=user.id if user else None),
        )
    for data in organisation["institutions"]:
        values = dict(data)
        signed_on = date.fromisoformat(values.pop("signed_on"))
        save_institution(
            uow, institution_id=None, data=InstitutionInput(**values, signed_on=signed_on)
        )
    consultants: dict[str, list[str]] = defaultdict(list)
    for data in organisation["users"]:
        if data["role"] == Role.CONSULTANT:
            consultants[data["site"]].append(data["display_name"])

    people = _CustomerMaker(rng, pools, now, consultants).make(customers)
    _give_numbers(uow, people, sites)
    entries = _write_customers(uow, people, sites, progress)
    demo_front_desk.seed_demo_front_desk(uow, now=now)
    demo_warehouse.seed_demo_warehouse(uow, now=now)
    demo_consultations.seed_demo_consultations(uow, now=now)
    demo_inquiries.seed_demo_inquiries(uow, now=now)
    demo_follow_ups.seed_demo_follow_ups(uow, now=now)
    demo_greetings.seed_demo_greetings(uow, now=now)
    demo_complaints.seed_demo_complaints(uow, now=now)
    demo_sync.seed_demo_sync(uow, now=now)
    demo_membership.seed_demo_membership(uow, now=now)  # card tiers priced at the till
    demo_cashier.seed_demo_cashier(uow, now=now)
    return DemoSummary(
        site_codes=tuple(site.code for site in sites.values()),
        usernames=tuple(users),
        staff_profiles=len(organisation["staff_profiles"]),
        institutions=len(organisation["institutions"]),
        customers=len(people),
        health_record_entries=entries,
    )


def _headquarters(uow: UnitOfWork) -> Site:
    """This node's site, which must be headquarters: only it may add sites and partners."""
    identity = find_node_identity(uow)
    if identity is None:
        raise NotInitialised()
    site = uow.session.get(Site, identity.site_id)
    if site is None or not site.is_headquarters:
        raise PermissionDenied(
            action=Action.USER_ADMIN.value, role=uow.actor.role.value, site=identity.site_code
        )
    return site


def _load_json(name: str) -> dict[str, Any]:
    with resource_path("demo", name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _add_users(
    uow: UnitOfWork, logins: list[dict[str, Any]], sites: dict[str, Site]
) -> dict[str, UserAccount]:
    # One hash for every login: they share DEMO_PASSWORD, and argon2 is slow on purpose.
    password_hash = passwords.hash_password(DEMO_PASSWORD)
    users: dict[str, UserAccount] = {}
    for data in logins:
        user = UserAccount(
            username=passwords.check_username(data["username"]),
            display_name=data["display_name"],
            role=Role(data["role"]).value,
            password_hash=password_hash,
            site_id=sites[data["site"]].id,
        )
        uow.session.add(user)
        users[user.username] = user
    uow.session.flush()
    return users


@dataclass(slots=True)
class _Person:
    """One demo customer before it is written."""

    pool: str  # the site's key in the pools: BJ (headquarters), SH or CD
    registered_at: datetime
    values: dict[str, Any]
    health: list[tuple[str, str, datetime]] = field(default_factory=list)
    wants_card: bool = False


class _CustomerMaker:
    """Draws customers from the pools, always in the same order for the same seed."""

    def __init__(
        self,
        rng: random.Random,
        pools: dict[str, Any],
        now: datetime,
        consultants: dict[str, list[str]],
    ) -> None:
        self.rng = rng
        self.pools = pools
        self.now = now
        self.consultants = consultants
        self.surnames = [surname for surname, _ in pools["surnames"]]
        self.surname_weights = list(accumulate(weight for _, weight in pools["surnames"]))
        self.mobile_prefixes = [prefix for prefix, _ in pools["mobile_prefixes"]]
        self.mobile_weights = list(accumulate(weight for _, weight in pools["mobile_prefixes"]))
        self.mobiles: set[str] = set()
        self.id_numbers: set[str] = set()
        self.names: list[str] = []

    def make(self, count: int) -> list[_Person]:
        return [self._person(index) for index in range(count)]

    def _pick(self, weights: dict[Any, int]) -> Any:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _person(self, index: int) -> _Person:
        rng = self.rng
        pool = self._pick(SITE_WEIGHTS)
        city = self.pools["cities"][pool]
        gender = Gender.FEMALE if rng.random() < FEMALE_SHARE else Gender.MALE
        showcase = self.pools["showcase_surnames"]
        surname = (
            showcase[index]
            if index < len(showcase)
            else rng.choices(self.surnames, cum_weights=self.surname_weights)[0]
        )
        name = surname + self._given_name(gender)
        birthday = BIRTHDAYS[0] + timedelta(
            days=rng.randrange((BIRTHDAYS[1] - BIRTHDAYS[0]).days + 1)
        )
        registered_at = self._registration_time()
        district = rng.choice(sorted(city["districts"]))
        street = rng.choice(city["districts"][district])
        address = f"{street}{rng.randint(1, 300)}号"
        if rng.random() < 0.7:
            building, unit = rng.randint(1, 20), rng.randint(1, 4)
            flat = rng.randint(1, 28) * 100 + rng.randint(1, 4)
            address += f"{building}号楼{unit}单元{flat}室"
        keys = name_keys(name)
        mobile = self._mobile()
        channel = self._pick(CHANNEL_WEIGHTS)
        member_type = self._pick(MEMBER_WEIGHTS)
        values: dict[str, Any] = {
            "name": name,
            "gender": gender.value,
            "birthday": birthday,
            "mobile": mobile,
            "phone": (
                f"{city['area_code']}{rng.randint(20_000_000, 89_999_999)}"
                if rng.random() < 0.1
                else ""
            ),
            "email": (
                f"{keys.pinyin}{rng.randint(1, 9999)}@{rng.choice(self.pools['email_domains'])}"
                if rng.random() < 0.3
                else ""
            ),
            "wechat": f"{keys.pinyin}_{rng.randint(100, 9999)}" if rng.random() < 0.5 else "",
            "address": address,
            "region": f"{city['city']}{district}",
            "id_number": self._id_number(pool, birthday, gender)
            if rng.random() < ID_NUMBER_SHARE
            else None,
            "occupation": rng.choice(self.pools["occupations"]) if rng.random() < 0.7 else "",
            "income_level": str(self._pick(INCOME_WEIGHTS)),
            "member_type": member_type.value,
            "card_number": None,
            "channel": channel.value,
            "developer_name": (
                rng.choice(self.consultants[pool])
                if self.consultants.get(pool) and rng.random() < 0.6
                else ""
            ),
            "referrer_name": (
                rng.choice(self.names) if channel is Channel.REFERRAL and self.names else ""
            ),
            "sms_consent": rng.random() < 0.7,
            "notes": rng.choice(self.pools["customer_notes"]) if rng.random() < 0.15 else "",
            "name_pinyin": keys.pinyin,
            "name_initials": keys.initials,
            "name_tokens": keys.tokens,
            "mobile_reversed": reversed_digits(mobile),
        }
        self.names.append(name)
        person = _Person(pool, registered_at, values)
        person.wants_card = member_type is not MemberType.ORDINARY
        if rng.random() < HEALTH_FILE_SHARE:
            person.health = self._health_entries(registered_at)
        return person

    def _given_name(self, gender: Gender) -> str:
        pool = self.pools["given_female" if gender is Gender.FEMALE else "given_male"]
        pool = pool + self.pools["given_neutral"]
        length = 2 if self.rng.random() < TWO_CHARACTER_GIVEN_NAME_SHARE else 1
        return "".join(self.rng.choice(pool) for _ in range(length))

    def _registration_time(self) -> datetime:
        """A moment in clinic hours (09:00-20:00 Beijing, 01:00-12:00 UTC) in recent years."""
        day = self.now - timedelta(days=self.rng.randrange(1, 365 * REGISTRATION_YEARS))
        start = day.replace(hour=1, minute=0, second=0, microsecond=0)
        return start + timedelta(seconds=self.rng.randrange(11 * 3600))

    def _mobile(self) -> str:
        while True:
            prefix = self.rng.choices(self.mobile_prefixes, cum_weights=self.mobile_weights)[0]
            mobile = f"{prefix}{self.rng.randrange(100_000_000):08d}"
            if mobile not in self.mobiles:
                self.mobiles.add(mobile)
                return mobile

    def _id_number(self, pool: str, birthday: date, gender: Gender) -> str:
        """A resident ID number stdnum.cn.ric accepts: birthplace, birthday, sex and check."""
        places = self.pools["birthplaces"]
        while True:
            local = self.rng.random() < 0.7
            for _attempt in range(10):
                region = self.rng.choice(places[pool] if local else places["elsewhere"])
                number = self._id_candidate(region, birthday, gender)
                if ric.is_valid(number) and number not in self.id_numbers:
                    self.id_numbers.add(number)
                    return number
            # Codes of newer districts are refused for older birth years: use a lasting one.
            number = self._id_candidate(self.rng.choice(places["always_valid"]), birthday, gender)
            if ric.is_valid(number) and number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def _id_candidate(self, region: str, birthday: date, gender: Gender) -> str:
        # The order code is odd for men and even for women.
        order = self.rng.randrange(500) * 2 + (1 if gender is Gender.MALE else 0)
        body = f"{region}{birthday:%Y%m%d}{order:03d}"
        return body + ric.calc_check_digit(body + "0")

    def _health_entries(self, registered_at: datetime) -> list[tuple[str, str, datetime]]:
        notes = self.pools["health_notes"]
        sections = self.rng.sample(list(HealthSection), self.rng.randint(1, 4))
        entries = []
        for section in sections:
            text = self.rng.choice(notes[section.value]).format(
                years=self.rng.randint(1, 15), bmi=round(self.rng.uniform(24.1, 29.9), 1)
            )
            # On the day of registration or at a visit in the following month.
            written = registered_at + timedelta(
                days=self.rng.choice((0, 0, self.rng.randint(1, 30))),
                minutes=self.rng.randint(5, 90),
            )
            entries.append((section.value, text, min(written, self.now)))
        return entries


def _give_numbers(uow: UnitOfWork, people: list[_Person], sites: dict[str, Site]) -> None:
    """File numbers, and card numbers of members, in registration order per site and year.

    Headquarters (this node) takes its numbers from its counter, so later registrations
    continue after them; the branches' numbers belong to their own nodes' counters.
    """
    in_order = sorted(people, key=lambda person: person.registered_at)
    for kind, column, holders in (
        ("file", "file_number", in_order),
        ("card", "card_number", [person for person in in_order if person.wants_card]),
    ):
        counts = Counter((person.pool, person.registered_at.year) for person in holders)
        next_value: dict[tuple[str, int], int] = {}
        for (pool, year), count in counts.items():
            first = 1
            if pool == HEADQUARTERS_POOL:
                first = _reserve(uow, kind=kind, year=year, count=count) - count + 1
            next_value[(pool, year)] = first
        for person in holders:
            key = (person.pool, person.registered_at.year)
            person.values[column] = f"{sites[person.pool].code}-{key[1]}-{next_value[key]:06d}"
            next_value[key] += 1


def _reserve(uow: UnitOfWork, *, kind: str, year: int, count: int) -> int:
    """Advance this node's counter of `kind` in `year` by `count`; the last value reserved."""
    insert = pg_insert if uow.dialect == "postgresql" else sqlite_insert
    statement = (
        insert(NumberCounter)
        .values(kind=kind, year=year, last_value=count)
        .on_conflict_do_update(
            index_elements=[NumberCounter.kind, NumberCounter.year],
            set_={"last_value": NumberCounter.last_value + count},
        )
        .returning(NumberCounter.last_value)
    )
    last = uow.session.execute(statement).scalar_one()
    uow.changes.touch(NumberCounter.__tablename__)
    return last


def _write_customers(
    uow: UnitOfWork, people: list[_Person], sites: dict[str, Site], progress: Progress
) -> int:
    """Customers and their health files in batches, through the flush rules (stamps, audit)."""
    entries = 0
    total = len(people)
    for start in range(0, total, BATCH_SIZE):
        batch = people[start : start + BATCH_SIZE]
        customers = [
            Customer(
                **person.values,
                id=new_id(),
                site_id=sites[person.pool].id,
                created_at=person.registered_at,
            )
            for person in batch
        ]
        uow.session.add_all(customers)
        # Customers first: health entries point at them without an ORM relationship.
        uow.session.flush()
        for person, customer in zip(batch, customers, strict=True):
            for section, content, written in person.health:
                uow.session.add(
                    HealthRecordEntry(
                        customer_id=customer.id,
                        section=section,
                        content=content,
                        site_id=customer.site_id,
                        created_at=written,
                    )
                )
                entries += 1
        uow.session.flush()
        progress.report(start + len(batch), total, "customers")
    return entries
