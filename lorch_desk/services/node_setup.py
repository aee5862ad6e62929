"""First start of a database: this node's identity, its site and the administrator."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import AlreadyInitialised, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.models.node import NodeSetting
from lorch_desk.models.organisation import Site
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import passwords
from lorch_desk.services.membership_tiers import seed_default_tiers

_SITE_CODE = re.compile(r"^[A-Z]{2,6}$")


@dataclass(frozen=True, slots=True)
class NodeIdentity:
    """Which database this is and which site it belongs to."""

    node_id: uuid.UUID
    site_id: uuid.UUID
    site_code: str
    site_name: str


@dataclass(frozen=True, slots=True)
class InitialiseNodeInput:
    site_code: str
    site_name: str
    city: str
    is_headquarters: bool
    admin_username: str
    admin_display_name: str
    admin_password: str


def find_node_identity(uow: UnitOfWork) -> NodeIdentity | None:
    """This database's identity, or None before its first start."""
    values = dict(uow.session.execute(select(NodeSetting.key, NodeSetting.value)).all())
    if "node_id" not in values:
        return None
    site = uow.session.get(Site, uuid.UUID(values["site_id"]))
    return NodeIdentity(
        node_id=uuid.UUID(values["node_id"]),
        site_id=uuid.UUID(values["site_id"]),
        site_code=site.code if site else values["site_code"],
        site_name=site.name if site else "",
    )


def initialise_node(uow: UnitOfWork, data: InitialiseNodeInput) -> NodeIdentity:
    """Make this database a node of the site of the system actor, with its first administrator.

    The unit of work's actor must be `Actor.system` carrying the new node and site ids.
    """
    if find_node_identity(uow) is not None:
        raise AlreadyInitialised()
    code = data.site_code.strip().upper()
    if not _SITE_CODE.match(code):
        raise ValidationFailed(field="site_code", rule="site_code")
    if not data.site_name.strip():
        raise ValidationFailed(field="site_name", rule="required")
    passwords.check_strength(data.admin_password)
    username = passwords.check_username(data.admin_username)
    actor = uow.actor
    uow.session.add(
        Site(
            id=actor.site_id,
            code=code,
            name=data.site_name.strip(),
            city=data.city.strip(),
            is_headquarters=data.is_headquarters,
        )
    )
    uow.session.add(
        UserAccount(
            username=username,
            display_name=data.admin_display_name.strip() or username,
            role=Role.HQ_ADMIN if data.is_headquarters else Role.BRANCH_MANAGER,
            password_hash=passwords.hash_password(data.admin_password),
        )
    )
    for key, value in (
        ("node_id", str(actor.node_id)),
        ("site_id", str(actor.site_id)),
        ("site_code", code),
    ):
        uow.session.add(NodeSetting(key=key, value=value))
    if data.is_headquarters:
        seed_default_tiers(uow)  # seed 002's tiers: central data, so headquarters writes them
    uow.session.flush()
    return NodeIdentity(actor.node_id, actor.site_id, code, data.site_name.strip())


def actor_for_new_node(site_code: str) -> Actor:
    """The system actor that sets up a new database: fresh node and site ids."""
    return Actor.system(site_id=new_id(), site_code=site_code.strip().upper(), node_id=new_id())


def node_actor(identity: NodeIdentity) -> Actor:
    """The system actor of an initialised node (start-up work, logging in)."""
    return Actor.system(
        site_id=identity.site_id, site_code=identity.site_code, node_id=identity.node_id
    )
