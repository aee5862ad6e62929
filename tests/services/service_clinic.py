"""A small clinic for complaint and call-centre tests: staff with accounts, one customer."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.permissions import Role
from lorch_desk.services.auth import CreateUserInput, create_user
from lorch_desk.services.customers import CustomerInput, register_customer

DAY = date(2026, 11, 23)
CUSTOMER_MOBILE = "13912345678"


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A time of the clinic's day on its wall clock."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=clinic_time_zone())


@dataclass
class ServiceClinic:
    """Accounts of a health manager (客服), a consultant and a supervisor; customer 赵敏."""

    database: Database
    make_actor: Callable[..., Actor]

    def __post_init__(self) -> None:
        admin = self.make_actor(Role.HQ_ADMIN, "孙强")
        self.agent = self._hire(admin, "chenjing", "陈静", Role.CUSTOMER_SERVICE)
        self.supervisor = self._hire(admin, "zhuguan", "刘主管", Role.BRANCH_MANAGER)
        self.consultant = self._hire(admin, "lina", "李娜", Role.CONSULTANT)
        self.customer_id = self.run(
            self.agent,
            register_customer,
            data=CustomerInput(
                name="赵敏", gender=Gender.FEMALE, mobile=CUSTOMER_MOBILE, channel="walk_in"
            ),
        ).id

    def run(self, actor: Actor, operation: Callable[..., object], /, **kwargs: object):  # noqa: ANN201
        result, _ = self.database.run(actor, lambda uow, _progress: operation(uow, **kwargs))
        return result

    def _hire(self, admin: Actor, username: str, name: str, role: Role) -> Actor:
        user = self.run(
            admin, create_user, data=CreateUserInput(username, name, role, "Pass2026!x")
        )
        actor = self.make_actor(role, name)
        return Actor(user.id, username, name, role, actor.site_id, actor.site_code, actor.node_id)

    def id_of(self, actor: Actor) -> uuid.UUID:
        assert actor.user_id is not None
        return actor.user_id
