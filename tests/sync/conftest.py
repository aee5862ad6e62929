"""Sync fixtures: the real sync service on loopback over a real PostgreSQL, branch nodes."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.services.node_setup import NodeIdentity, find_node_identity
from lorch_desk.services.sync_enrolment import EnrolledNode, enrol_node
from lorch_desk.sync.client import SyncClient, join
from lorch_desk.sync.server import SyncService


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Headquarters:
    database: Database
    url: str
    admin: Actor

    def enrol(self, site_code: str, site_name: str) -> EnrolledNode:
        enrolled, _ = self.database.run(
            self.admin,
            lambda uow, _p: enrol_node(
                uow, site_code=site_code, site_name=site_name, city="", name=f"{site_code}-PC1"
            ),
        )
        return enrolled


@pytest.fixture()
def headquarters(
    pg_database: Database, pg_actor_for: Callable[..., Actor]
) -> Iterator[Headquarters]:
    """HQ's PostgreSQL with the sync service running on 127.0.0.1 in a thread."""
    port = _free_port()
    app = SyncService(pg_database.engine).app()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the sync service did not start"
        time.sleep(0.05)
    yield Headquarters(pg_database, f"http://127.0.0.1:{port}", pg_actor_for(Role.HQ_ADMIN))
    server.should_exit = True
    thread.join(timeout=10)


@dataclass
class Branch:
    database: Database
    client: SyncClient

    @property
    def identity(self) -> NodeIdentity:
        with self.database.unit_of_work(_nobody()) as uow:
            identity = find_node_identity(uow)
        assert identity is not None
        return identity

    def actor(self, role: Role) -> Actor:
        identity = self.identity
        return Actor(
            user_id=new_id(),
            username=role.value,
            display_name=role.value,
            role=role,
            site_id=identity.site_id,
            site_code=identity.site_code,
            node_id=identity.node_id,
        )


def _nobody() -> Actor:
    import uuid

    return Actor.system(site_id=uuid.UUID(int=0), site_code="XX", node_id=uuid.UUID(int=0))


@pytest.fixture()
def make_branch(
    headquarters: Headquarters, migrated_template: Path, tmp_path: Path
) -> Iterator[Callable[..., Branch]]:
    """Enrols a branch site at HQ and joins a fresh SQLite node database to it."""
    made: list[Branch] = []

    def make(site_code: str, site_name: str, **client_options: object) -> Branch:
        enrolled = headquarters.enrol(site_code, site_name)
        path = tmp_path / f"{site_code}.sqlite3"
        shutil.copy(migrated_template, path)
        database = Database(make_engine(f"sqlite:///{path}"))
        join(database, headquarters.url, enrolled.token)
        client = SyncClient(database, headquarters.url, enrolled.token, **client_options)
        branch = Branch(database, client)
        made.append(branch)
        return branch

    yield make
    for branch in made:
        branch.client.close()
        branch.database.dispose()
