"""Shared fixtures: a migrated template database copied per test, actors of every role, PG."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from datetime import time
from pathlib import Path

# Before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LORCH_DATA_DIR"] = tempfile.mkdtemp(prefix="lorch-test-data-")

import psycopg
import pytest

from lorch_desk.db.engine import make_engine
from lorch_desk.db.migrate import upgrade
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.services.node_setup import InitialiseNodeInput, NodeIdentity, initialise_node
from tests.clinic_clock import clinic_clock_at

ADMIN_PASSWORD = "Admin2026!"
PG_SERVER_URL = os.environ.get("LORCH_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REQUIRE_PG = os.environ.get("LORCH_REQUIRE_POSTGRES") == "1"
# LORCH_CLINIC_CLOCK=HH:MM runs the whole suite as if started at that clinic hour of today, to
# show that no test depends on the hour it runs at (say 00:05, 12:58, 17:58, 23:58).
CLINIC_CLOCK = os.environ.get("LORCH_CLINIC_CLOCK")


@pytest.fixture(scope="session", autouse=True)
def _suite_clock() -> Iterator[None]:
    if not CLINIC_CLOCK:
        yield
        return
    with clinic_clock_at(time.fromisoformat(CLINIC_CLOCK)):
        yield


def initialise_headquarters(database: Database) -> NodeIdentity:
    """Make a new database the Beijing headquarters node with administrator `admin`."""
    system = Actor.system(site_id=new_id(), site_code="BJ", node_id=new_id())
    identity, _ = database.run(
        system,
        lambda uow, _progress: initialise_node(
            uow,
            InitialiseNodeInput(
                site_code="BJ",
                site_name="北京总部",
                city="北京",
                is_headquarters=True,
                admin_username="admin",
                admin_display_name="管理员",
                admin_password=ADMIN_PASSWORD,
            ),
        ),
    )
    return identity


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head and initialised once per test run."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    database = Database(engine)
    initialise_headquarters(database)
    database.dispose()
    return path


@pytest.fixture()
def database_path(template_database: Path, tmp_path: Path) -> Path:
    path = tmp_path / "lorch.sqlite3"
    shutil.copy(template_database, path)
    return path


@pytest.fixture()
def database(database_path: Path) -> Iterator[Database]:
    """A fresh copy of the template database for one test."""
    database = Database(make_engine(f"sqlite:///{database_path}"))
    yield database
    database.dispose()


@pytest.fixture()
def node(database: Database) -> NodeIdentity:
    return _node_of(database)


def _node_of(database: Database) -> NodeIdentity:
    from lorch_desk.services.node_setup import find_node_identity

    with database.unit_of_work(_bare_system_actor()) as uow:
        identity = find_node_identity(uow)
    assert identity is not None
    return identity


def _bare_system_actor() -> Actor:
    return Actor.system(site_id=uuid.UUID(int=0), site_code="XX", node_id=uuid.UUID(int=0))


def actors_at(node: NodeIdentity) -> Callable[..., Actor]:
    """Makes an actor of `role` at `node` (no account needed: services trust the actor)."""

    def make(role: Role, name: str = "") -> Actor:
        return Actor(
            user_id=new_id(),
            username=role.value,
            display_name=name or role.value,
            role=role,
            site_id=node.site_id,
            site_code=node.site_code,
            node_id=node.node_id,
        )

    return make


@pytest.fixture()
def actor_for(node: NodeIdentity) -> Callable[..., Actor]:
    """An actor of `role` at the test node (no account needed: services trust the actor)."""
    return actors_at(node)


@pytest.fixture()
def system_actor(node: NodeIdentity) -> Actor:
    return Actor.system(site_id=node.site_id, site_code=node.site_code, node_id=node.node_id)


@pytest.fixture()
def run(database: Database) -> Callable[..., object]:
    """Run `operation(uow, **kwargs)` as `actor` in one committed unit of work."""

    def call(actor: Actor, operation: Callable[..., object], /, **kwargs: object) -> object:
        result, _changes = database.run(actor, lambda uow, _progress: operation(uow, **kwargs))
        return result

    return call


def pg_available() -> bool:
    try:
        with psycopg.connect(PG_SERVER_URL, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture()
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server, dropped afterwards."""
    if not pg_available():
        message = (
            f"PostgreSQL is not reachable at {PG_SERVER_URL}: start it "
            "(pg_ctlcluster 15 main start) or set LORCH_TEST_PG_URL"
        )
        if REQUIRE_PG:
            pytest.fail(message)
        pytest.skip(message)
    name = f"lorch_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_SERVER_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base = PG_SERVER_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(PG_SERVER_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture()
def pg_database(pg_url: str) -> Iterator[Database]:
    """A new PostgreSQL database migrated to head and made the Beijing headquarters node."""
    database = Database(make_engine(pg_url))
    upgrade(database.engine)
    initialise_headquarters(database)
    yield database
    database.dispose()


@pytest.fixture()
def pg_node(pg_database: Database) -> NodeIdentity:
    return _node_of(pg_database)


@pytest.fixture()
def pg_actor_for(pg_node: NodeIdentity) -> Callable[..., Actor]:
    """An actor of `role` at the PostgreSQL headquarters node."""
    return actors_at(pg_node)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head but never started: no site, no node, no users."""
    path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture()
def empty_database(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the migrated, uninitialised database: what a first start finds."""
    path = tmp_path / "new.sqlite3"
    shutil.copy(migrated_template, path)
    database = Database(make_engine(f"sqlite:///{path}"))
    yield database
    database.dispose()
