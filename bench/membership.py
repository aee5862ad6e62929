"""The quarterly tier re-evaluation at chain scale, beside the bare SQL aggregate.

    python bench/membership.py                                 (1,000,000 customers, 5,000,000 sales)
    python bench/membership.py --customers 100000 --no-results (a quick run)

Creates a migrated SQLite database in a temporary directory (or --database), made the Beijing
headquarters (with seed 002's three tiers), and writes with bulk inserts N customers and 5·N
sales spread over 2022–2026 (about 3 % of them refunds with negative totals), and the tier
changes of the earlier re-evaluations (everyone's tier by spend up to 2026-09-30, as if the
third quarter had been re-evaluated). Then it times the fourth quarter of 2026:

* floor: the bare aggregate with the sqlite3 module, every customer's spend up to the quarter's
  last day (`GROUP BY customer_id`), all rows fetched;
* the preview (`preview_evaluation`: the same aggregate, the tier each spend gives, counted);
* the re-evaluation (`run_evaluation` in `Database.run`: one aggregate query that returns only
  the customers whose tier changes, then a tier change, an outgoing message, their audit and
  outbox rows for each, and the commit).

Prints a Markdown table and appends it, with the command, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import shlex
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lorch_desk.db.engine import make_engine  # noqa: E402
from lorch_desk.db.migrate import upgrade  # noqa: E402
from lorch_desk.db.unit_of_work import Database  # noqa: E402
from lorch_desk.domain.actor import Actor  # noqa: E402
from lorch_desk.domain.permissions import Role  # noqa: E402
from lorch_desk.models.base import new_id  # noqa: E402
from lorch_desk.services.membership_evaluation import (  # noqa: E402
    preview_evaluation,
    run_evaluation,
)
from lorch_desk.services.node_setup import (  # noqa: E402
    InitialiseNodeInput,
    find_node_identity,
    initialise_node,
)

RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Membership re-evaluation"
BATCH = 100_000
SALES_PER_CUSTOMER = 5
REFUND_SHARE = 0.03
FIRST_DAY, DAYS = date(2022, 1, 1), (date(2026, 12, 31) - date(2022, 1, 1)).days + 1
Q3_LAST = date(2026, 9, 30)
AFTER_Q4 = datetime(2027, 1, 6, 2, 0, tzinfo=UTC)
FLOOR_SQL = (
    "SELECT customer_id, ROUND(SUM(total), 2) FROM sale WHERE deleted_at IS NULL "
    "AND kind IN ('sale', 'refund') AND day <= ? GROUP BY customer_id"
)
_TEXT_TYPES = ("VARCHAR", "TEXT", "CHAR", "DATE", "JSON")


def create_database(path: Path) -> tuple[Database, Actor]:
    """A migrated headquarters database; the system actor of its node."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    database = Database(engine)
    bootstrap = Actor.system(site_id=new_id(), site_code="BJ", node_id=new_id())
    database.run(
        bootstrap,
        lambda uow, _p: initialise_node(
            uow,
            InitialiseNodeInput("BJ", "北京总部", "北京", True, "admin", "管理员", "Bench2026!"),
        ),
    )
    with database.unit_of_work(bootstrap, read_only=True) as uow:
        node = find_node_identity(uow)
    assert node is not None
    return database, Actor.system(site_id=node.site_id, site_code="BJ", node_id=node.node_id)


def _hex(value: uuid.UUID) -> str:
    return value.hex  # how SQLAlchemy's Uuid type stores a key in SQLite


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


class BulkWriter:
    """Inserts rows with the bare sqlite3 module, filling NOT NULL columns it is not given."""

    def __init__(self, connection: sqlite3.Connection, table: str, given: list[str]) -> None:
        info = connection.execute(f"PRAGMA table_info({table})").fetchall()
        self.filler: dict[str, object] = {}
        for _cid, name, kind, not_null, default, _pk in info:
            if name in given or not not_null or default is not None:
                continue
            self.filler[name] = "" if kind.upper().startswith(_TEXT_TYPES) else 0
        columns = [*given, *self.filler]
        self.sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
        self.tail = tuple(self.filler.values())
        self.connection = connection

    def write(self, rows: Iterator[tuple[object, ...]]) -> None:
        self.connection.executemany(self.sql, (row + self.tail for row in rows))


def generate(path: Path, actor: Actor, customers: int, seed: int) -> int:
    """N customers and 5·N sales (and refunds) over 2026Q3 and Q4; returns the sales written."""
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    cashier = connection.execute("SELECT id FROM user_account WHERE username = 'admin'").fetchone()
    site, node = _hex(actor.site_id), _hex(actor.node_id)
    now = _stamp(datetime(2026, 6, 1, tzinfo=UTC))
    people = BulkWriter(
        connection,
        "customer",
        ["id", "file_number", "name", "gender", "site_id", "origin_node_id", "created_at",
         "updated_at", "row_version", "sms_consent"],
    )  # fmt: skip
    sales = BulkWriter(
        connection,
        "sale",
        ["id", "number", "kind", "customer_id", "cashier_id", "paid_at", "day", "tier_code",
         "discount_rate", "list_total", "discount_total", "total", "site_id", "origin_node_id",
         "created_at", "updated_at", "row_version"],
    )  # fmt: skip
    written = 0
    for start in range(0, customers, BATCH):
        ids = [new_id() for _ in range(min(BATCH, customers - start))]
        people.write(
            (_hex(cid), f"BJ-2026-{start + n:07d}", f"客户{start + n}", "female", site, node, now,
             now, 1, 1)
            for n, cid in enumerate(ids)
        )  # fmt: skip
        rows: list[tuple[object, ...]] = []
        for cid in ids:
            # Each customer spends at their own level: most below 20,000 yuan, a tail above.
            level = rng.lognormvariate(7.6, 0.9)
            for _ in range(SALES_PER_CUSTOMER):
                written += 1
                day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
                total = round(level * rng.uniform(0.5, 1.5), 2)
                kind = "sale"
                if rng.random() < REFUND_SHARE:
                    kind, total = "refund", -round(total / 2, 2)
                paid = _stamp(datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC))
                rows.append(
                    (_hex(new_id()), f"BJ-{day.year}-{written:08d}", kind, _hex(cid), cashier[0],
                     paid, day.isoformat(), "", 0, abs(total), 0, total, site, node, paid, paid, 1)
                )  # fmt: skip
        sales.write(iter(rows))
        connection.commit()
        print(f"  {start + len(ids):,} customers, {written:,} sales", file=sys.stderr)
    _earlier_evaluations(connection, site, node)
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()
    return written


def _earlier_evaluations(connection: sqlite3.Connection, site: str, node: str) -> None:
    """Tier changes as the earlier re-evaluations left them: each tier by spend to Q3's end."""
    tiers = connection.execute(
        "SELECT code, min_spend FROM member_tier WHERE deleted_at IS NULL ORDER BY rank"
    ).fetchall()
    changes = BulkWriter(
        connection,
        "tier_change",
        ["id", "customer_id", "from_tier_code", "to_tier_code", "cumulative_spend", "changed_at",
         "reason", "site_id", "origin_node_id", "created_at", "updated_at", "row_version"],
    )  # fmt: skip
    when = _stamp(datetime(2026, 10, 8, 2, 0, tzinfo=UTC))
    rows = []
    for customer_id, spend in connection.execute(FLOOR_SQL, (Q3_LAST.isoformat(),)).fetchall():
        code = [tiers[0][0], *(code for code, low in tiers if spend >= low)][-1]
        if code != tiers[0][0]:
            rows.append(
                (_hex(new_id()), customer_id, tiers[0][0], code, spend, when, "quarterly", site,
                 node, when, when, 1)
            )  # fmt: skip
    changes.write(iter(rows))
    connection.commit()
    print(f"  {len(rows):,} earlier tier changes", file=sys.stderr)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def floor(path: Path, last_day: date) -> tuple[float, int]:
    """The bare aggregate: every customer's spend up to `last_day`, all rows fetched."""
    connection = sqlite3.connect(path)
    try:
        elapsed, rows = timed(
            lambda: connection.execute(FLOOR_SQL, (last_day.isoformat(),)).fetchall()
        )
    finally:
        connection.close()
    return elapsed, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database", type=Path, help="keep the generated database here")
    parser.add_argument("--no-results", action="store_true", help="print only, do not append")
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="lorch-bench-membership-"))
    path = args.database or directory / "membership.sqlite3"
    path.unlink(missing_ok=True)
    database, system = create_database(path)
    manager = Actor(
        new_id(), "bench", "店长", Role.BRANCH_MANAGER, system.site_id, "BJ", system.node_id
    )
    generation_ms, sales = timed(lambda: generate(path, system, args.customers, args.seed))

    def evaluate() -> Any:
        result, _ = database.run(
            manager, lambda uow, _p: run_evaluation(uow, year=2026, number=4, now=AFTER_Q4)
        )
        return result

    floor_ms, floor_rows = floor(path, date(2026, 12, 31))
    preview_ms, preview = timed(
        lambda: database.run(
            manager,
            lambda uow, _p: preview_evaluation(uow, year=2026, number=4, now=AFTER_Q4),
            read_only=True,
        )[0]
    )
    run_ms, result = timed(evaluate)
    floor_again_ms, _ = floor(path, date(2026, 12, 31))
    base = min(floor_ms, floor_again_ms)
    lines = [
        "| measure | result | time | floor | ratio (target ≤ 2×) |",
        "|---|---|---|---|---|",
        f"| bare aggregate, spend up to 2026-12-31 (sqlite3, all rows) | {floor_rows:,} customers "
        f"| {base:,.0f} ms | | |",
        f"| preview of 2026Q4 (read only) | {preview.upgrades:,} up, {preview.downgrades:,} down "
        f"| {preview_ms:,.0f} ms | {base:,.0f} ms | {preview_ms / base:.2f}× |",
        f"| re-evaluation of 2026Q4, committed | {result.upgrades:,} up, {result.downgrades:,} "
        f"down of {result.customers:,} | {run_ms:,.0f} ms | {base:,.0f} ms | "
        f"{run_ms / base:.2f}× |",
    ]
    table = "\n".join(lines)
    print(table)
    command = "python bench/membership.py " + shlex.join(sys.argv[1:])
    if not args.no_results:
        append_results(table, command.strip(), generation_ms / 1000, sales)
    database.dispose()


def append_results(table: str, command: str, generation_s: float, sales: int) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION not in text:
        text += (
            f"\n{SECTION}\n\n`bench/membership.py`: customers and their sales (sales and refunds) "
            "over 2022–2026 written with bulk inserts, with the tier changes of earlier "
            "quarters; the quarterly re-evaluation (`services/membership_evaluation.py`) beside the bare `GROUP BY customer_id` "
            "aggregate of the same totals with the sqlite3 module. Target (issue 5): ≤ 2×.\n"
        )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text += (
        f"\n### {stamp}: `{command}`\n\nSQLite {sqlite3.sqlite_version}, Python "
        f"{sys.version.split()[0]}; {sales:,} sales; generation {generation_s:,.0f} s.\n\n"
        f"{table}\n"
    )
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
