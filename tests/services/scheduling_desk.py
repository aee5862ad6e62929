"""A clinic for inquiry and appointment tests: staff hired once, actors of every desk."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest

from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.services.auth import CreateUserInput, create_user, list_users
from lorch_desk.services.customers import CustomerInput, register_customer
from lorch_desk.services.node_setup import NodeIdentity, find_node_identity
from tests.conftest import actors_at

DAY = date(2026, 11, 23)
STAFF = (
    ("lina", "李娜", Role.CONSULTANT),
    ("yangfan", "杨帆", Role.CONSULTANT),
    ("zhangwei", "张伟", Role.DOCTOR),
    ("qianmin", "钱敏", Role.MARKETING),
)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A time of the clinic's day on its wall clock."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=clinic_time_zone())


@dataclass
class SchedulingDesk:
    """One clinic database with its staff by display name and a helper to run services."""

    database: Database
    make_actor: Callable[..., Actor]
    staff: dict[str, Actor] = field(default_factory=dict)
    _mobiles: int = 0

    def __post_init__(self) -> None:
        self.receptionist = self.make_actor(Role.RECEPTIONIST, "王丽")
        self.manager = self.make_actor(Role.BRANCH_MANAGER, "店长")
        self.admin = self.make_actor(Role.HQ_ADMIN, "孙强")

    def run(self, actor: Actor, operation: Callable[..., object], /, **kwargs: object):
        result, _ = self.database.run(actor, lambda uow, _progress: operation(uow, **kwargs))
        return result

    def id_of(self, name: str) -> uuid.UUID:
        return self.staff[name].user_id  # type: ignore[return-value]

    def register(self, name: str, gender: Gender = Gender.FEMALE) -> uuid.UUID:
        self._mobiles += 1
        data = CustomerInput(
            name=name, gender=gender, mobile=f"1391111{self._mobiles:04d}", channel="walk_in"
        )
        return self.run(self.receptionist, register_customer, data=data).id

    def mobile_of(self, index: int) -> str:
        return f"1391111{index:04d}"


def hire(database: Database, node: NodeIdentity) -> None:
    desk = SchedulingDesk(database, actors_at(node))
    for username, name, role in STAFF:
        desk.run(desk.admin, create_user, data=CreateUserInput(username, name, role, "Pass2026!x"))


def desk_at(database: Database, node: NodeIdentity) -> SchedulingDesk:
    desk = SchedulingDesk(database, actors_at(node))
    for user in desk.run(desk.admin, list_users):
        if user.username in {username for username, _n, _r in STAFF}:
            desk.staff[user.display_name] = Actor(
                user.id,
                user.username,
                user.display_name,
                user.role,
                node.site_id,
                node.site_code,
                node.node_id,
            )
    return desk


@pytest.fixture(scope="module")
def scheduling_template(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template database with the consultants, a doctor and an inquiry-desk clerk hired."""
    path = tmp_path_factory.mktemp("scheduling") / "scheduling.sqlite3"
    shutil.copy(template_database, path)
    database = Database(make_engine(f"sqlite:///{path}"))
    with database.unit_of_work(
        Actor.system(site_id=new_id(), site_code="XX", node_id=new_id())
    ) as uow:
        node = find_node_identity(uow)
    assert node is not None
    hire(database, node)
    database.dispose()
    return path


@pytest.fixture()
def database_path(scheduling_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "lorch.sqlite3"
    shutil.copy(scheduling_template, path)
    return path
