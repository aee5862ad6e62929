"""The first start of a new database: its site, its node identity and the first administrator."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import AlreadyInitialised, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.models.node import NodeSetting
from lorch_desk.models.organisation import Site
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import auth, passwords
from lorch_desk.services.node_setup import (
    InitialiseNodeInput,
    find_node_identity,
    initialise_node,
)

SHANGHAI = InitialiseNodeInput(
    site_code="sh",
    site_name="上海静安中心",
    city="上海",
    is_headquarters=False,
    admin_username="Manager",
    admin_display_name="王店长",
    admin_password="Jingan2026",
)


def _new_node_actor(site_code: str = "SH") -> Actor:
    return Actor.system(site_id=new_id(), site_code=site_code, node_id=new_id())


def _snapshot(database: Database) -> dict[str, object]:
    def read(uow, _progress):  # noqa: ANN001, ANN202
        session = uow.session
        return {
            "identity": find_node_identity(uow),
            "has_users": auth.has_users(uow),
            "sites": session.scalar(select(func.count()).select_from(Site)),
            "settings": dict(session.execute(select(NodeSetting.key, NodeSetting.value)).all()),
            "users": list(session.scalars(select(UserAccount))),
        }

    result, _changes = database.run(_new_node_actor(), read, read_only=True)
    return result


def test_a_new_database_has_no_identity_and_no_users(empty_database: Database) -> None:
    before = _snapshot(empty_database)
    assert before["identity"] is None
    assert before["has_users"] is False  # no default account, no default password
    assert before["sites"] == 0 and before["settings"] == {} and before["users"] == []


def test_the_first_start_makes_the_site_the_node_and_the_administrator(
    empty_database: Database,
) -> None:
    actor = _new_node_actor()
    identity, changes = empty_database.run(actor, lambda uow, _p: initialise_node(uow, SHANGHAI))

    assert identity.node_id == actor.node_id
    assert identity.site_id == actor.site_id
    assert (identity.site_code, identity.site_name) == ("SH", "上海静安中心")
    assert {"site", "user_account", "node_setting"} <= changes.tables

    after = _snapshot(empty_database)
    assert after["identity"] == identity
    assert after["has_users"] is True
    assert after["settings"] == {
        "node_id": str(actor.node_id),
        "site_id": str(actor.site_id),
        "site_code": "SH",
    }
    (admin,) = after["users"]
    assert admin.username == "manager"
    assert admin.display_name == "王店长"
    assert admin.role == Role.BRANCH_MANAGER  # a branch's first user runs the branch
    assert admin.site_id == actor.site_id
    assert admin.password_hash.startswith("$argon2id$")
    assert passwords.verify_password(admin.password_hash, "Jingan2026")

    site, _changes = empty_database.run(
        actor, lambda uow, _p: uow.session.get(Site, actor.site_id), read_only=True
    )
    assert (site.code, site.city, site.is_headquarters) == ("SH", "上海", False)


def test_the_headquarters_administrator_is_an_hq_admin(empty_database: Database) -> None:
    data = dataclasses.replace(SHANGHAI, site_code="BJ", is_headquarters=True)
    empty_database.run(_new_node_actor("BJ"), lambda uow, _p: initialise_node(uow, data))
    (admin,) = _snapshot(empty_database)["users"]
    assert admin.role == Role.HQ_ADMIN


def test_the_administrator_can_log_in_after_the_first_start(empty_database: Database) -> None:
    actor = _new_node_actor()
    empty_database.run(actor, lambda uow, _p: initialise_node(uow, SHANGHAI))
    attempt, _changes = empty_database.run(
        actor, lambda uow, _p: auth.attempt_log_in(uow, username="manager", password="Jingan2026")
    )
    assert attempt.actor_or_raise().role is Role.BRANCH_MANAGER


def test_a_second_initialise_is_refused(empty_database: Database) -> None:
    empty_database.run(_new_node_actor(), lambda uow, _p: initialise_node(uow, SHANGHAI))
    before = _snapshot(empty_database)

    other = dataclasses.replace(SHANGHAI, site_code="GZ", admin_username="other")
    with pytest.raises(AlreadyInitialised):
        empty_database.run(_new_node_actor("GZ"), lambda uow, _p: initialise_node(uow, other))

    after = _snapshot(empty_database)
    assert after["identity"] == before["identity"]
    assert after["sites"] == 1
    assert [user.username for user in after["users"]] == ["manager"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"site_code": "S"}, "site_code"),
        ({"site_code": "SH1"}, "site_code"),
        ({"site_code": "上海"}, "site_code"),
        ({"site_code": "SHANGHAI"}, "site_code"),
        ({"site_name": "  "}, "site_name"),
        ({"admin_password": "short1"}, "password"),
        ({"admin_password": "NoDigitsHere"}, "password"),
        ({"admin_username": "9manager"}, "username"),
    ],
)
def test_bad_first_start_details_are_refused_and_nothing_is_written(
    empty_database: Database, changes: dict[str, str], field: str
) -> None:
    data = dataclasses.replace(SHANGHAI, **changes)
    with pytest.raises(ValidationFailed) as refused:
        empty_database.run(_new_node_actor(), lambda uow, _p: initialise_node(uow, data))
    assert refused.value.field == field

    after = _snapshot(empty_database)
    assert after["identity"] is None
    assert after["has_users"] is False
    assert after["sites"] == 0 and after["settings"] == {} and after["users"] == []
