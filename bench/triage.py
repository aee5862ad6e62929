"""A simulated triage day at a 30-consultant clinic: offer, accept and the queue board.

    python bench/triage.py                         (SQLite, and PostgreSQL if reachable)
    python bench/triage.py --arrivals 200          (a quick run)
    python bench/triage.py --pg-url postgresql://postgres@127.0.0.1:5432/postgres

Creates a migrated database (a temporary SQLite file; a new PostgreSQL database on the given
server, dropped afterwards), 30 consultants on the rotation from 08:30, and 600 arrivals
spread over the day (09:00-19:30). For each arrival the front desk offers (`offer_next`);
each offered consultant accepts 1-4 minutes later (one in ten declines), is busy for 20-60
minutes, then free again. Every service call runs as its own committed operation
(`Database.run`), as the TaskRunner does. Then, on a new day, 100 customers wait and the
queue board (`queue_board`, and the change counter `last_sequence`) is read 100 times.
Targets: p95 of offer and accept <= 20 ms on SQLite; the board with 100 waiting <= 30 ms.
Appends a Markdown table with the command to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import heapq
import os
import random
import shlex
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from lorch_desk.db.engine import make_engine  # noqa: E402
from lorch_desk.db.migrate import upgrade  # noqa: E402
from lorch_desk.db.unit_of_work import Database, UnitOfWork  # noqa: E402
from lorch_desk.domain.actor import Actor  # noqa: E402
from lorch_desk.domain.clock import clinic_time_zone  # noqa: E402
from lorch_desk.domain.errors import DomainError  # noqa: E402
from lorch_desk.domain.permissions import Role  # noqa: E402
from lorch_desk.models.base import new_id  # noqa: E402
from lorch_desk.models.customer import Customer  # noqa: E402
from lorch_desk.models.staff import UserAccount  # noqa: E402
from lorch_desk.services import triage  # noqa: E402
from lorch_desk.services.arrivals import ArrivalInput, record_arrival  # noqa: E402
from lorch_desk.services.node_setup import InitialiseNodeInput, initialise_node  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Triage day"
DAY = date(2026, 11, 23)
BOARD_DAY = DAY + timedelta(days=1)
PG_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def clinic(day: date, minutes: float) -> datetime:
    """`minutes` after midnight of the clinic's `day`, as an aware time."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=clinic_time_zone())
    return midnight + timedelta(minutes=minutes)


def create(url: str, consultants: int, customers: int) -> tuple[Database, Actor, list[Actor]]:
    """A migrated headquarters database with consultants and customers (no password hashing)."""
    database = Database(make_engine(url))
    upgrade(database.engine)
    system = Actor.system(site_id=new_id(), site_code="BJ", node_id=new_id())
    identity, _ = database.run(
        system,
        lambda uow, _p: initialise_node(
            uow,
            InitialiseNodeInput("BJ", "北京总部", "北京", True, "admin", "管理员", "Bench2026!"),
        ),
    )
    system = Actor.system(
        site_id=identity.site_id, site_code=identity.site_code, node_id=identity.node_id
    )

    def populate(uow: UnitOfWork, _p: object) -> list[Actor]:
        made = []
        for index in range(consultants):
            user = UserAccount(
                username=f"consultant{index:02d}",
                display_name=f"咨询师{index:02d}",
                role=Role.CONSULTANT.value,
                password_hash="-",
            )
            uow.session.add(user)
            uow.session.flush()
            made.append(
                Actor(user.id, user.username, user.display_name, Role.CONSULTANT,
                      system.site_id, system.site_code, system.node_id)
            )  # fmt: skip
        for index in range(customers):
            uow.session.add(
                Customer(
                    file_number=f"BJ-2026-{index:06d}", name=f"客户{index:04d}", gender="female"
                )
            )
        return made

    people, _ = database.run(system, populate)
    return database, system, people


def timed(
    database: Database, actor: Actor, operation: Callable[[UnitOfWork], Any]
) -> tuple[float, Any]:
    """Milliseconds of one committed operation, and its result (None if refused)."""
    start = time.perf_counter()
    try:
        result, _ = database.run(actor, lambda uow, _p: operation(uow))
    except DomainError:
        result = None
    return (time.perf_counter() - start) * 1000, result


def simulate_day(
    database: Database, desk: Actor, consultants: list[Actor], arrivals: int, seed: int
) -> dict[str, list[float]]:
    """The day of the module docstring; the milliseconds of every offer, accept and arrival."""
    rng = random.Random(seed)
    by_id = {actor.user_id: actor for actor in consultants}
    times: dict[str, list[float]] = {"arrival": [], "offer": [], "accept": [], "decline": []}
    for order, actor in enumerate(consultants, start=1):
        database.run(desk, lambda uow, _p, a=actor, o=order: triage.join_rotation(
            uow, consultant_id=a.user_id, rotation_order=o, now=clinic(DAY, 510)))  # fmt: skip
    customer_ids = database.run(
        desk, lambda uow, _p: list(uow.session.scalars(Customer.__table__.select().with_only_columns(Customer.id)))
    )[0]  # fmt: skip
    # (minute, order, kind, payload): arrivals, answers and the end of a consultation.
    agenda: list[tuple[float, int, str, Any]] = []
    for index in range(arrivals):
        minute = 540 + index * (630 / arrivals) + rng.uniform(0, 0.5)
        heapq.heappush(agenda, (minute, len(agenda), "arrive", customer_ids[index]))
    while agenda:
        minute, _, kind, payload = heapq.heappop(agenda)
        now = clinic(DAY, minute)
        if kind == "arrive":
            data = ArrivalInput(form_completed_at=now - timedelta(seconds=30), channel="walk_in")
            ms, _ = timed(database, desk, lambda uow, c=payload, d=data, n=now: record_arrival(
                uow, customer_id=c, data=d, now=n))  # fmt: skip
            times["arrival"].append(ms)
        elif kind == "answer":
            arrival_id, consultant_id, accept = payload
            actor = by_id[consultant_id]
            operation = triage.accept_offer if accept else triage.decline_offer
            ms, result = timed(database, actor, lambda uow, op=operation, a=arrival_id, n=now: op(
                uow, arrival_id=a, now=n))  # fmt: skip
            if result is not None:
                times["accept" if accept else "decline"].append(ms)
                if accept:
                    database.run(desk, lambda uow, _p, c=consultant_id, n=now: triage.set_busy(
                        uow, consultant_id=c, busy=True, now=n))  # fmt: skip
                    end = minute + rng.uniform(20, 60)
                    heapq.heappush(agenda, (end, len(agenda), "free", consultant_id))
        elif kind == "free":
            database.run(desk, lambda uow, _p, c=payload, n=now: triage.set_busy(
                uow, consultant_id=c, busy=False, now=n))  # fmt: skip
        ms, result = timed(database, desk, lambda uow, n=now: triage.offer_next(uow, now=n))
        times["offer"].append(ms)
        for step in result.offers if result else ():
            answer = minute + rng.uniform(1, 4)
            accept = rng.random() >= 0.1
            heapq.heappush(
                agenda,
                (answer, len(agenda), "answer", (step.arrival_id, step.consultant_id, accept)),
            )
    return times


def board_refresh(
    database: Database, desk: Actor, consultants: list[Actor], waiting: int
) -> dict[str, list[float]]:
    """A new day with `waiting` customers queued and nobody offered: the board read 100 times."""
    for order, actor in enumerate(consultants, start=1):
        database.run(desk, lambda uow, _p, a=actor, o=order: triage.join_rotation(
            uow, consultant_id=a.user_id, rotation_order=o, now=clinic(BOARD_DAY, 510)))  # fmt: skip
    customer_ids = database.run(
        desk, lambda uow, _p: list(uow.session.scalars(Customer.__table__.select().with_only_columns(Customer.id)))
    )[0]  # fmt: skip
    for index in range(waiting):
        now = clinic(BOARD_DAY, 540 + index * 0.1)
        data = ArrivalInput(form_completed_at=now, channel="walk_in")
        database.run(desk, lambda uow, _p, c=customer_ids[index], d=data, n=now: record_arrival(
            uow, customer_id=c, data=d, now=n))  # fmt: skip
    times: dict[str, list[float]] = {"board": [], "counter": []}
    now = clinic(BOARD_DAY, 560)
    for _ in range(100):
        start = time.perf_counter()
        board, _ = database.run(
            desk, lambda uow, _p: triage.queue_board(uow, day=BOARD_DAY, now=now), read_only=True
        )
        times["board"].append((time.perf_counter() - start) * 1000)
        assert len(board.waiting) == waiting
        start = time.perf_counter()
        database.run(desk, lambda uow, _p: triage.last_sequence(uow, day=BOARD_DAY), read_only=True)
        times["counter"].append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def run(
    url: str, arrivals: int, consultants: int, waiting: int, seed: int
) -> dict[str, list[float]]:
    database, system, people = create(url, consultants, arrivals + waiting)
    desk = Actor(
        new_id(),
        "desk",
        "前台",
        Role.RECEPTIONIST,
        system.site_id,
        system.site_code,
        system.node_id,
    )
    try:
        times = simulate_day(database, desk, people, arrivals, seed)
        events = database.run(
            desk, lambda uow, _p: triage.last_sequence(uow, day=DAY), read_only=True
        )[0]
        times.update(board_refresh(database, desk, people, waiting))
        times["events"] = [float(events)]
        return times
    finally:
        database.dispose()


def table(label: str, times: dict[str, list[float]]) -> list[str]:
    rows = []
    names = {
        "offer": "offer_next (time-outs + offers)",
        "accept": "accept_offer",
        "decline": "decline_offer",
        "arrival": "record_arrival (+ queue)",
        "board": "queue_board, 100 waiting",
        "counter": "last_sequence (change counter)",
    }
    for key, name in names.items():
        values = times.get(key, [])
        if values:
            rows.append(
                f"| {label} | {name} | {len(values)} | {statistics.median(values):.2f} "
                f"| {percentile(values, 0.95):.2f} | {max(values):.2f} |"
            )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arrivals", type=int, default=600)
    parser.add_argument("--consultants", type=int, default=30)
    parser.add_argument("--waiting", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--pg-url", default=PG_SERVER, help="server to create a database on")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-append", action="store_true", help="print only")
    args = parser.parse_args(argv)
    lines = [
        f"{args.consultants} consultants, {args.arrivals} arrivals, board with {args.waiting} "
        "waiting; each call a committed `Database.run`; times in ms.",
        "",
        "| database | operation | calls | median | p95 | max |",
        "|---|---|---:|---:|---:|---:|",
    ]
    notes = [f"Load average at the start: {os.getloadavg()[0]:.1f} (2 cores, shared)."]
    with tempfile.TemporaryDirectory() as folder:
        times = run(f"sqlite:///{Path(folder) / 'triage.sqlite3'}", args.arrivals,
                    args.consultants, args.waiting, args.seed)  # fmt: skip
    lines += table(f"SQLite {sqlite3.sqlite_version}", times)
    notes.append(f"SQLite day: {int(times['events'][0])} events stored.")
    if not args.no_pg:
        name = f"lorch_bench_{uuid.uuid4().hex[:10]}"
        try:
            with psycopg.connect(args.pg_url, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{name}"')
                version = connection.info.server_version
        except psycopg.OperationalError as error:
            notes.append(f"PostgreSQL not reachable ({error.__class__.__name__}): skipped.")
        else:
            try:
                url = args.pg_url.rsplit("/", 1)[0] + f"/{name}"
                times = run(url, args.arrivals, args.consultants, args.waiting, args.seed)
                lines += table(f"PostgreSQL {version // 10000}.{version % 10000}", times)
            finally:
                with psycopg.connect(args.pg_url, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    notes.append(f"Load average at the end: {os.getloadavg()[0]:.1f}.")
    text = "\n".join(lines + [""] + notes)
    print(text)
    if not args.no_append:
        command = "python bench/triage.py " + shlex.join(argv if argv is not None else sys.argv[1:])
        append_results(text, command.strip())


def append_results(text: str, command: str) -> None:
    """Add this run at the end of the triage section of bench/RESULTS.md (made if missing)."""
    results = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION not in results:
        results = (
            results.rstrip("\n")
            + f"\n\n{SECTION}\n\n{__doc__.split(chr(10) + chr(10))[-1].strip()}\n"
        )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = f"\n### {stamp}: `{command}`\n\nPython {sys.version.split()[0]}.\n\n{text}\n"
    head, _, rest = results.partition(SECTION)
    body, marker, tail = rest.partition("\n## ")
    results = (
        head + SECTION + body.rstrip("\n") + "\n" + block + (("\n## " + tail) if marker else "")
    )
    RESULTS.write_text(results, encoding="utf-8")


if __name__ == "__main__":
    main()
