"""Numbers people read: SITECODE-YYYY-NNNNNN, one sequence per kind and year, never twice."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lorch_desk.db.engine import make_engine
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.services.node_setup import NodeIdentity
from lorch_desk.services.numbering import next_number

IN_2026 = datetime(2026, 3, 8, 10, 0, tzinfo=UTC)
IN_2027 = datetime(2027, 1, 2, 9, 0, tzinfo=UTC)


def _take(database: Database, actor: Actor, kind: str, when: datetime = IN_2026) -> str:
    number, changes = database.run(actor, lambda uow, _p: next_number(uow, kind=kind, when=when))
    assert changes.touches("number_counter")
    return number


def test_the_first_file_number_of_the_year(database: Database, system_actor: Actor) -> None:
    assert _take(database, system_actor, "file") == "BJ-2026-000001"
    assert _take(database, system_actor, "file") == "BJ-2026-000002"


def test_each_kind_has_its_own_sequence(database: Database, system_actor: Actor) -> None:
    assert _take(database, system_actor, "file") == "BJ-2026-000001"
    assert _take(database, system_actor, "card") == "BJ-2026-000001"
    assert _take(database, system_actor, "file") == "BJ-2026-000002"
    assert _take(database, system_actor, "receipt") == "BJ-2026-000001"
    assert _take(database, system_actor, "card") == "BJ-2026-000002"


def test_a_new_year_starts_again_at_one(database: Database, system_actor: Actor) -> None:
    assert _take(database, system_actor, "file", IN_2026) == "BJ-2026-000001"
    assert _take(database, system_actor, "file", IN_2026) == "BJ-2026-000002"
    assert _take(database, system_actor, "file", IN_2027) == "BJ-2027-000001"
    # A late entry dated in the old year continues the old year's sequence.
    assert _take(database, system_actor, "file", IN_2026) == "BJ-2026-000003"


def test_a_number_rolled_back_with_its_work_is_given_again(
    database: Database, system_actor: Actor
) -> None:
    with database.unit_of_work(system_actor) as uow:
        assert next_number(uow, kind="file", when=IN_2026) == "BJ-2026-000001"
    # Not committed: no gap in the sequence.
    assert _take(database, system_actor, "file") == "BJ-2026-000001"


def test_the_number_carries_the_actors_site_code(
    database: Database, system_actor: Actor, node: NodeIdentity
) -> None:
    branch = Actor.system(site_id=node.site_id, site_code="SH", node_id=node.node_id)
    assert _take(database, branch, "file") == "SH-2026-000001"


def _take_concurrently(database: Database, actor: Actor, threads: int, each: int) -> list[str]:
    start = threading.Barrier(threads)

    def worker() -> list[str]:
        start.wait()
        return [_take(database, actor, "file") for _ in range(each)]

    with ThreadPoolExecutor(threads) as pool:
        futures = [pool.submit(worker) for _ in range(threads)]
        return [number for future in futures for number in future.result()]


def test_no_duplicates_when_several_pcs_take_numbers_at_once_on_sqlite(
    database_path: Path, system_actor: Actor
) -> None:
    database = Database(make_engine(f"sqlite:///{database_path}"))
    numbers = _take_concurrently(database, system_actor, threads=4, each=50)
    database.dispose()
    assert sorted(numbers) == [f"BJ-2026-{n:06d}" for n in range(1, 201)]


@pytest.mark.postgres
def test_no_duplicates_when_several_pcs_take_numbers_at_once_on_postgresql(
    pg_database: Database, pg_node: NodeIdentity
) -> None:
    actor = Actor.system(
        site_id=pg_node.site_id, site_code=pg_node.site_code, node_id=pg_node.node_id
    )
    assert _take(pg_database, actor, "card") == "BJ-2026-000001"
    numbers = _take_concurrently(pg_database, actor, threads=6, each=50)
    assert sorted(numbers) == [f"BJ-2026-{n:06d}" for n in range(1, 301)]
