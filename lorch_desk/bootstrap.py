"""The database side of starting: open and migrate, find the node, make the demo database.

Imported after the first window is on screen: SQLAlchemy and the models take most of a start.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lorch_desk import config
from lorch_desk.db.backup import backup_into, restore_sqlite, take_daily_backup
from lorch_desk.db.engine import make_engine
from lorch_desk.db.migrate import upgrade
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.services import auth, node_setup
from lorch_desk.services.auth import UserRow
from lorch_desk.services.node_setup import InitialiseNodeInput, NodeIdentity

DEMO_CUSTOMERS = 5000


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    database: Database
    identity: NodeIdentity | None


def open_database(choice: config.DatabaseChoice) -> Database:
    """Connect and bring the schema to the newest revision (an older SQLite file is backed up)."""
    engine = make_engine(choice.url)
    upgrade(engine, backup_dir=choice.backup_dir, sqlite_path=choice.sqlite_path)
    return Database(engine)


def open_and_identify(choice: config.DatabaseChoice) -> OpenedDatabase:
    """Open the database and read which node it is (None before its first start)."""
    database = open_database(choice)
    return OpenedDatabase(database, find_identity(database))


def find_identity(database: Database) -> NodeIdentity | None:
    anonymous = Actor.system(site_id=uuid.UUID(int=0), site_code="", node_id=uuid.UUID(int=0))
    with database.unit_of_work(anonymous, read_only=True) as uow:
        return node_setup.find_node_identity(uow)


def demo_accounts(database: Database, identity: NodeIdentity) -> list[UserRow]:
    """The accounts the login dialog lists on the demo database."""
    with database.unit_of_work(node_setup.node_actor(identity), read_only=True) as uow:
        return auth.list_demo_logins(uow)


def seed_demo(
    database: Database, *, customers: int = DEMO_CUSTOMERS, progress: Any = None
) -> NodeIdentity:
    """Make a new demo database: Beijing headquarters, two branches, staff and customers."""
    from lorch_desk.services import demo_data

    founder = node_setup.actor_for_new_node("BJ")
    identity, _ = database.run(
        founder,
        lambda uow, _progress: node_setup.initialise_node(
            uow,
            InitialiseNodeInput(
                site_code="BJ",
                site_name="北京总部",
                city="北京",
                is_headquarters=True,
                admin_username="admin",
                admin_display_name="总部管理员",
                admin_password=config.DEMO_PASSWORD,
            ),
        ),
    )
    database.run(
        node_setup.node_actor(identity),
        lambda uow, work_progress: demo_data.seed_demo_database(
            uow, customers=customers, progress=work_progress
        ),
        progress=progress,
    )
    return identity


def daily_backup(choice: config.DatabaseChoice) -> Path | None:
    """Today's backup of an SQLite database, once a day, keeping the last 14."""
    path = choice.sqlite_path
    if path is None or not path.exists():
        return None
    return take_daily_backup(path, choice.backup_dir)


def restore_backup(choice: config.DatabaseChoice, backup: Path) -> None:
    """Replace the SQLite database by `backup`, keeping the current one in the backups folder."""
    path = choice.sqlite_path
    if path is None:
        raise ValueError("only an SQLite database is restored from a backup file")
    backup_into(path, choice.backup_dir, "before-restore")
    restore_sqlite(backup, path)


def customer_with_health_file(database: Database, actor: Actor) -> uuid.UUID | None:
    """A customer whose health file has entries (screenshots show what a file holds)."""
    from sqlalchemy import select

    from lorch_desk.models.customer import HealthRecordEntry

    with database.unit_of_work(actor, read_only=True) as uow:
        statement = select(HealthRecordEntry.customer_id).order_by(HealthRecordEntry.created_at)
        return uow.session.scalars(statement.limit(1)).first()


def log_in_directly(
    database: Database, identity: NodeIdentity, username: str, password: str
) -> Actor:
    """Log in without a dialog (self-test and screenshots)."""
    with database.unit_of_work(node_setup.node_actor(identity)) as uow:
        actor = auth.attempt_log_in(uow, username=username, password=password).actor_or_raise()
        uow.session.commit()
    return actor
