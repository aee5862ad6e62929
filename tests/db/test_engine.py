"""Two writers on one SQLite file: BEGIN IMMEDIATE serialises them, nothing is lost or locked."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, event

from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.models.node import NumberCounter
from lorch_desk.services.numbering import next_number

WRITERS = 2
INCREMENTS = 200
YEAR_2026 = datetime(2026, 5, 1, tzinfo=UTC)


def _in_parallel(work: Callable[[], str | None]) -> list[str | None]:
    """Run `work` INCREMENTS times in each of WRITERS threads that start together."""
    start = threading.Barrier(WRITERS)

    def writer() -> list[str | None]:
        start.wait()
        return [work() for _ in range(INCREMENTS)]

    with ThreadPoolExecutor(WRITERS) as pool:
        futures = [pool.submit(writer) for _ in range(WRITERS)]
        return [value for future in futures for value in future.result()]


def _statements(engine: Engine) -> list[str]:
    seen: list[str] = []
    event.listen(
        engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_rest: seen.append(statement),
    )
    return seen


def test_two_writers_taking_numbers_lose_nothing(database_path: Path, system_actor: Actor) -> None:
    database = Database(make_engine(f"sqlite:///{database_path}"))

    def take() -> str:
        number, _changes = database.run(
            system_actor, lambda uow, _p: next_number(uow, kind="receipt", when=YEAR_2026)
        )
        return number

    numbers = _in_parallel(take)

    assert len(numbers) == len(set(numbers)) == WRITERS * INCREMENTS
    expected = {f"BJ-2026-{n:06d}" for n in range(1, WRITERS * INCREMENTS + 1)}
    assert set(numbers) == expected
    database.dispose()


def test_two_writers_reading_then_writing_lose_no_increment(
    database_path: Path, system_actor: Actor
) -> None:
    """The classic lost update: read a value, add one, write it back, in two threads."""
    database = Database(make_engine(f"sqlite:///{database_path}"))
    database.run(
        system_actor,
        lambda uow, _p: uow.session.add(NumberCounter(kind="visit", year=2026, last_value=0)),
    )

    def increment(uow, _progress) -> None:  # noqa: ANN001
        counter = uow.session.get(NumberCounter, ("visit", 2026))
        counter.last_value = counter.last_value + 1

    _in_parallel(lambda: database.run(system_actor, increment) and None)

    with database.unit_of_work(system_actor, read_only=True) as uow:
        final = uow.session.get(NumberCounter, ("visit", 2026)).last_value
    assert final == WRITERS * INCREMENTS
    database.dispose()


def test_writers_begin_immediate_and_readers_do_not(
    database_path: Path, system_actor: Actor
) -> None:
    engine = make_engine(f"sqlite:///{database_path}")
    database = Database(engine)
    seen = _statements(engine)

    database.run(system_actor, lambda uow, _p: next_number(uow, kind="file"))
    assert "BEGIN IMMEDIATE" in seen
    seen.clear()
    with database.unit_of_work(system_actor, read_only=True) as uow:
        uow.session.get(NumberCounter, ("file", 2026))
    assert "BEGIN" in seen and "BEGIN IMMEDIATE" not in seen
    database.dispose()
