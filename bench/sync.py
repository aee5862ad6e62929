"""Push and pull of N changes through the real sync service, beside a bare psycopg upsert.

    python bench/sync.py                      (10,000 changes)
    python bench/sync.py --changes 2000       (a quick run)
    python bench/sync.py --pg-url postgresql://postgres@127.0.0.1:5432/postgres

Creates a new central PostgreSQL database (dropped afterwards) with the sync service on
127.0.0.1 (its own process), two branch SQLite nodes joined to it, registers N/2 customers at the first branch
in one transaction (N outbox ops: each customer and its audit entry), then times the first
branch's push and the second branch's pull. *Floor*: the same rows upserted into a third,
migrated PostgreSQL database with bare psycopg (`executemany` of INSERT ... ON CONFLICT DO
UPDATE, pipelined). Target: push and pull each <= 3x the floor. Appends to bench/RESULTS.md.
`--profile FILE` writes a cProfile of the push (the node's side; HQ's work shows as waiting).
"""

from __future__ import annotations

import argparse
import cProfile
import shlex
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from psycopg.types.json import Jsonb  # noqa: E402

from lorch_desk.db.engine import make_engine  # noqa: E402
from lorch_desk.db.migrate import upgrade  # noqa: E402
from lorch_desk.db.unit_of_work import Database  # noqa: E402
from lorch_desk.domain.actor import Actor  # noqa: E402
from lorch_desk.domain.permissions import Role  # noqa: E402
from lorch_desk.models.base import new_id  # noqa: E402
from lorch_desk.models.customer import Customer  # noqa: E402
from lorch_desk.models.registry import metadata  # noqa: E402
from lorch_desk.services.node_setup import InitialiseNodeInput, initialise_node  # noqa: E402
from lorch_desk.services.sync_enrolment import enrol_node  # noqa: E402
from lorch_desk.sync.client import join  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"


def _create_database(server_url: str) -> str:
    name = f"lorch_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url.rsplit('/', 1)[0]}/{name}"


def _drop_database(server_url: str, url: str) -> None:
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def _headquarters(url: str) -> tuple[Database, Actor]:
    database = Database(make_engine(url))
    upgrade(database.engine)
    system = Actor.system(site_id=new_id(), site_code="BJ", node_id=new_id())
    data = InitialiseNodeInput("BJ", "北京总部", "北京", True, "admin", "管理员", "Admin2026!")
    database.run(system, lambda uow, _p: initialise_node(uow, data))
    admin = Actor(new_id(), "admin", "admin", Role.HQ_ADMIN, system.site_id, "BJ", system.node_id)
    return database, admin


def _serve(url: str) -> tuple[str, subprocess.Popen]:
    """`lorch-desk sync-server` in its own process, as at headquarters."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lorch_desk",
            "sync-server",
            "--database-url",
            url,
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return f"http://127.0.0.1:{port}", process
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the sync service did not start")


def _branch(hq: Database, admin: Actor, url: str, code: str, folder: Path) -> Database:
    enrolled, _ = hq.run(admin, lambda uow, _p: enrol_node(uow, site_code=code, site_name=code))
    database = Database(make_engine(f"sqlite:///{folder / f'{code}.sqlite3'}"))
    upgrade(database.engine)
    join(database, url, enrolled.token)
    return database


def _floor(server_url: str, hq_url: str, site_code: str) -> float:
    """The same rows upserted with bare psycopg into a migrated database."""
    url = _create_database(server_url)
    try:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        plain = hq_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain) as source:
            tables = {}
            for name in ("customer", "audit_entry"):
                cursor = source.execute(
                    f"SELECT t.* FROM {name} t JOIN site s ON s.id = t.site_id WHERE s.code = %s",
                    (site_code,),
                )
                columns = [c.name for c in cursor.description]
                tables[name] = (columns, cursor.fetchall())
        json_columns = {
            c.name for t in metadata.tables.values() for c in t.c if "JSON" in repr(c.type)
        }
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as target:
            started = time.perf_counter()
            with target.cursor() as cursor:
                for name, (columns, rows) in tables.items():
                    marks = ", ".join(["%s"] * len(columns))
                    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
                    statement = (
                        f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks}) "
                        f"ON CONFLICT (id) DO UPDATE SET {updates}"
                    )
                    wrap = [c in json_columns for c in columns]
                    cursor.executemany(
                        statement,
                        [
                            [
                                Jsonb(v) if j and v is not None else v
                                for v, j in zip(row, wrap, strict=True)
                            ]
                            for row in rows
                        ],
                    )
            target.commit()
            return time.perf_counter() - started
    finally:
        _drop_database(server_url, url)


def run(changes: int, server_url: str, profile: Path | None = None) -> dict[str, Any]:
    hq_url = _create_database(server_url)
    try:
        hq, admin = _headquarters(hq_url)
        url, server = _serve(hq_url)
        with tempfile.TemporaryDirectory() as folder:
            shanghai = _branch(hq, admin, url, "SH", Path(folder))
            guangzhou = _branch(hq, admin, url, "GZ", Path(folder))
            from lorch_desk.services.node_setup import find_node_identity, node_actor
            from lorch_desk.sync.client import client_for

            with shanghai.unit_of_work(admin, read_only=True) as uow:
                identity = find_node_identity(uow)
            actor = node_actor(identity)

            def register(uow, _progress):  # noqa: ANN001, ANN202
                for number in range(changes // 2):
                    uow.session.add(
                        Customer(
                            file_number=f"SH-2026-{number:06d}",
                            name=f"客户{number}",
                            gender="female",
                            mobile=f"138{number:08d}",
                            address="上海市徐汇区漕溪北路201号",
                        )
                    )

            shanghai.run(actor, register)
            pusher = client_for(shanghai)
            puller = client_for(guangzhou)
            profiler = cProfile.Profile() if profile else None
            if profiler:
                profiler.enable()
            started = time.perf_counter()
            pushed = pusher.push().pushed
            push_seconds = time.perf_counter() - started
            if profiler:
                profiler.disable()
                profiler.dump_stats(profile)
            started = time.perf_counter()
            pulled = puller.pull().pulled
            pull_seconds = time.perf_counter() - started
            pusher.close()
            puller.close()
            shanghai.dispose()
            guangzhou.dispose()
        server.terminate()
        server.wait(10)
        hq.dispose()
        floor = _floor(server_url, hq_url, "SH")
    finally:
        _drop_database(server_url, hq_url)
    return {
        "pushed": pushed,
        "pulled": pulled,
        "push": push_seconds,
        "pull": pull_seconds,
        "floor": floor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    parser.add_argument(
        "--profile", type=Path, help="write a cProfile of the push (node side) here"
    )
    args = parser.parse_args()
    result = run(args.changes, args.pg_url, args.profile)
    floor = result["floor"]
    lines = [
        "",
        f"### {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: `python bench/sync.py "
        f"{shlex.join(sys.argv[1:])}`".replace(" `", " `").rstrip(" `")
        + "`",
        "",
        "| step | changes | seconds | per change (ms) | ÷ psycopg floor |",
        "|---|---:|---:|---:|---:|",
        f"| push (node → HQ) | {result['pushed']:,} | {result['push']:.2f} | "
        f"{1000 * result['push'] / max(result['pushed'], 1):.2f} | {result['push'] / floor:.1f}× |",
        f"| pull (HQ → node) | {result['pulled']:,} | {result['pull']:.2f} | "
        f"{1000 * result['pull'] / max(result['pulled'], 1):.2f} | {result['pull'] / floor:.1f}× |",
        f"| floor: psycopg executemany upsert | {result['pushed']:,} | {floor:.2f} | "
        f"{1000 * floor / max(result['pushed'], 1):.2f} | 1.0× |",
        "",
    ]
    print("\n".join(lines))
    if not args.no_record:
        text = RESULTS.read_text(encoding="utf-8")
        if "## Sync" not in text:
            text += "\n## Sync\n\n`bench/sync.py`: see its docstring. Target: push and pull <= 3x the floor.\n"
        RESULTS.write_text(text + "\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
