"""The unit of work: one Session, the acting user and the ChangeSet of one operation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from lorch_desk.db import session_rules
from lorch_desk.db.engine import writer
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.progress import Progress, SilentProgress

T = TypeVar("T")


class UnitOfWork:
    """What a service receives: `session` to work in and `actor` to act as; never commits."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self.changes: ChangeSet = session.info[session_rules.CHANGES_KEY]

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name


class Database:
    """Opens units of work on one engine: writers take the SQLite write lock at BEGIN."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writes = sessionmaker(writer(engine), expire_on_commit=False)
        self._reads = sessionmaker(engine, expire_on_commit=False)
        session_rules.install(self._writes)
        session_rules.install(self._reads)

    @contextmanager
    def unit_of_work(self, actor: Actor, *, read_only: bool = False) -> Iterator[UnitOfWork]:
        """A unit of work that is rolled back unless the caller commits it."""
        factory = self._reads if read_only else self._writes
        session = factory(
            info={session_rules.ACTOR_KEY: actor, session_rules.CHANGES_KEY: ChangeSet()}
        )
        try:
            yield UnitOfWork(session, actor)
        finally:
            session.rollback()
            session.close()

    def run(
        self,
        actor: Actor,
        operation: Callable[[UnitOfWork, Progress], T],
        *,
        progress: Progress | None = None,
        read_only: bool = False,
    ) -> tuple[T, ChangeSet]:
        """Run one operation in its own transaction, commit it once, say what changed."""
        with self.unit_of_work(actor, read_only=read_only) as uow:
            result = operation(uow, progress or SilentProgress())
            uow.session.commit()
            return result, uow.changes

    def dispose(self) -> None:
        self.engine.dispose()
