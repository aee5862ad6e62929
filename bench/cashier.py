"""The till's checkout of a 10-line order on a database holding a chain's sales history.

    python bench/cashier.py                              (SQLite, and PostgreSQL if reachable)
    python bench/cashier.py --customers 1000000 --payments 5000000     (the issue's size)
    python bench/cashier.py --pg-url postgresql://postgres@127.0.0.1:5432/postgres
    python bench/cashier.py --sqlite-only      (or --postgresql-only)

Creates a migrated headquarters database (a temporary SQLite file; a new PostgreSQL database
on the given server, dropped afterwards) with 20 service items, a cashier, customers and a
history of sales written with bulk inserts: one sale line and one payment per sale, every
other sale with its earned points. Then it checks out `--orders` orders of 10 lines each
(services, a course and a session of it paid ahead, several quantities) for random
customers, paid by WeChat Pay, points and cash, each as its own committed operation
(`Database.run`, as the till's TaskRunner does): pricing at the tier discount, balance
checks, numbering, lines, payments, points, audit and outbox. Target (issue 5): checkout of a
10-line order ≤ 50 ms p95. Prints a Markdown table; the lead copies it to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from lorch_desk.db.engine import make_engine  # noqa: E402
from lorch_desk.db.migrate import upgrade  # noqa: E402
from lorch_desk.db.unit_of_work import Database  # noqa: E402
from lorch_desk.domain.actor import Actor  # noqa: E402
from lorch_desk.domain.cashier import LineKind, PaymentInput, PaymentMethod, price_line  # noqa: E402
from lorch_desk.domain.permissions import Role  # noqa: E402
from lorch_desk.models.base import new_id  # noqa: E402
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, SaleLine  # noqa: E402
from lorch_desk.models.customer import Customer  # noqa: E402
from lorch_desk.models.service_items import ServiceItem  # noqa: E402
from lorch_desk.models.staff import UserAccount  # noqa: E402
from lorch_desk.services.membership import checkout_terms  # noqa: E402
from lorch_desk.services.node_setup import InitialiseNodeInput, initialise_node  # noqa: E402
from lorch_desk.services.sales import CheckoutInput, checkout  # noqa: E402
from lorch_desk.services.sales_lines import LineInput  # noqa: E402

PG_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
BATCH = 20_000
TARGET_MS = 50.0


def create(url: str) -> tuple[Database, Actor]:
    """A migrated headquarters database and its system actor."""
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
    actor = Actor.system(
        site_id=identity.site_id, site_code=identity.site_code, node_id=identity.node_id
    )
    return database, actor


def _sync(actor: Actor, when: datetime) -> dict[str, Any]:
    return {
        "site_id": actor.site_id,
        "origin_node_id": actor.node_id,
        "created_at": when,
        "updated_at": when,
        "row_version": 1,
    }


def generate(
    database: Database, system: Actor, customers: int, payments: int, seed: int
) -> tuple[Actor, list[uuid.UUID], dict[str, uuid.UUID]]:
    """The cashier, the customers and the service items; the sales history in bulk."""
    rng = random.Random(seed)
    now = datetime.now(UTC)

    def staff_and_items(uow: Any, _p: Any) -> tuple[Actor, dict[str, uuid.UUID]]:
        user = UserAccount(
            username="cashier", display_name="收银员", role=Role.RECEPTIONIST.value,
            password_hash="-",
        )  # fmt: skip
        uow.session.add(user)
        items = {}
        for index in range(20):
            sessions = 10 if index == 0 else None
            item = ServiceItem(
                code=f"SV{index:03d}", name=f"项目{index:02d}", category="理疗",
                unit_price=Decimal(100 + 20 * index), sessions_per_course=sessions,
            )  # fmt: skip
            uow.session.add(item)
            uow.session.flush()
            items[item.code] = item.id
        cashier = Actor(
            user.id, user.username, user.display_name, Role.RECEPTIONIST,
            system.site_id, system.site_code, system.node_id,
        )  # fmt: skip
        return cashier, items

    (cashier, items), _ = database.run(system, staff_and_items)
    customer_ids = [new_id() for _ in range(customers)]
    for start in range(0, customers, BATCH):
        with database.engine.begin() as connection:
            connection.execute(
                insert(Customer),
                [
                    {"id": cid, "file_number": f"BJ-2025-{start + i:07d}",
                     "name": f"客户{start + i}", "gender": "female", **_sync(system, now)}
                    for i, cid in enumerate(customer_ids[start : start + BATCH])
                ],
            )  # fmt: skip
        print(f"  {min(start + BATCH, customers):,} customers", end="\r", flush=True)
    item_ids = list(items.values())
    first_day = date.today() - timedelta(days=730)
    for start in range(0, payments, BATCH):
        sales, lines, paid, points = [], [], [], []
        for index in range(start, min(start + BATCH, payments)):
            customer = customer_ids[rng.randrange(customers)]
            day = first_day + timedelta(days=rng.randrange(730))
            when = datetime(day.year, day.month, day.day, 3, tzinfo=UTC)
            amount = Decimal(rng.randrange(100, 3000))
            sale_id = new_id()
            sales.append({
                "id": sale_id, "number": f"BJ-H-{index:09d}", "kind": "sale",
                "customer_id": customer, "cashier_id": cashier.user_id, "paid_at": when,
                "day": day, "tier_code": "", "discount_rate": Decimal(0),
                "list_total": amount, "discount_total": Decimal(0), "total": amount,
                "notes": "", **_sync(cashier, when),
            })  # fmt: skip
            lines.append({
                "id": new_id(), "sale_id": sale_id, "line_no": 1, "kind": "service",
                "service_item_id": item_ids[rng.randrange(1, len(item_ids))], "name": "项目",
                "quantity": Decimal(1), "unit_price": amount, "discount": Decimal(0),
                "amount": amount, "sessions": 0, **_sync(cashier, when),
            })  # fmt: skip
            paid.append({
                "id": new_id(), "sale_id": sale_id, "customer_id": customer,
                "cashier_id": cashier.user_id, "method": "cash", "amount": amount,
                "paid_at": when, "reference": "", **_sync(cashier, when),
            })  # fmt: skip
            if index % 2 == 0:
                points.append({
                    "id": new_id(), "customer_id": customer, "points": int(amount),
                    "reason": "earned", "sale_id": sale_id, "recorded_at": when, "note": "",
                    **_sync(cashier, when),
                })  # fmt: skip
        with database.engine.begin() as connection:
            for model, rows in ((Sale, sales), (SaleLine, lines), (Payment, paid)):
                connection.execute(insert(model), rows)
            if points:
                connection.execute(insert(PointsEntry), points)
        print(f"  {min(start + BATCH, payments):,} payments", end="\r", flush=True)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    print()
    return cashier, customer_ids, items


def order(items: dict[str, uuid.UUID], rng: random.Random) -> list[LineInput]:
    """Ten lines: a course and a session of it, eight services in various quantities."""
    course = items["SV000"]
    lines = [
        LineInput(LineKind.COURSE, course),
        LineInput(LineKind.COURSE_SESSION, course),
    ]
    others = [items[f"SV{i:03d}"] for i in rng.sample(range(1, 20), 8)]
    lines += [
        LineInput(LineKind.SERVICE, item, quantity=Decimal(rng.randint(1, 3))) for item in others
    ]
    return lines


def measure(
    database: Database, cashier: Actor, customers: list[uuid.UUID],
    items: dict[str, uuid.UUID], orders: int, seed: int,
) -> tuple[list[float], list[float]]:  # fmt: skip
    """Milliseconds of each committed checkout of a 10-line order: wall clock, and the CPU time
    of this thread (what the checkout costs when the machine is not shared)."""
    rng = random.Random(seed + 1)
    prices = {}
    with database.unit_of_work(cashier, read_only=True) as uow:
        for item_id in items.values():
            prices[item_id] = uow.session.get(ServiceItem, item_id).unit_price
    times: list[float] = []
    cpu_times: list[float] = []
    for _ in range(orders):
        customer = customers[rng.randrange(len(customers))]
        lines = order(items, rng)

        with database.unit_of_work(cashier, read_only=True) as uow:
            rate = checkout_terms(uow, customer_id=customer).discount_rate

        def sell(uow: Any, _p: Any, customer: uuid.UUID = customer, lines=lines, rate=rate) -> Any:  # noqa: ANN001
            total = sum(
                (
                    price_line(line.quantity, Decimal(0) if line.kind is LineKind.COURSE_SESSION
                               else prices[line.service_item_id], rate).amount
                    for line in lines
                ),
                Decimal(0),
            )  # fmt: skip
            payments = [
                PaymentInput(PaymentMethod.WECHAT, Decimal(500)),
                PaymentInput(PaymentMethod.CASH, total - Decimal(500)),
            ]
            return checkout(uow, data=CheckoutInput(customer, lines, payments))

        start, cpu = time.perf_counter(), time.thread_time()
        database.run(cashier, sell)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.thread_time() - cpu) * 1000)
    return times, cpu_times


def run(url: str, label: str, args: argparse.Namespace) -> str:
    database, system = create(url)
    print(f"{label}: generating {args.customers:,} customers and {args.payments:,} payments")
    start = time.perf_counter()
    cashier, customers, items = generate(database, system, args.customers, args.payments, args.seed)
    generation = time.perf_counter() - start
    times, cpu_times = measure(database, cashier, customers, items, args.orders, args.seed)
    database.dispose()
    p95 = percentile(times, 95)
    verdict = "met" if p95 <= TARGET_MS else "MISSED"
    return (
        f"| {label} | {args.customers:,} | {args.payments:,} | {args.orders} | "
        f"{statistics.median(times):.1f} ms | {p95:.1f} ms | {max(times):.1f} ms | "
        f"{percentile(cpu_times, 95):.1f} ms | ≤ {TARGET_MS:.0f} ms: {verdict} | "
        f"{generation:.0f} s |"
    )


def percentile(values: list[float], share: int) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share / 100) - 1)]


def pg_reachable(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--payments", type=int, default=500_000)
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--pg-url", default=PG_SERVER)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgresql-only", action="store_true")
    args = parser.parse_args()
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="lorch-bench-cashier-"))
    try:
        if not args.postgresql_only:
            rows.append(run(f"sqlite:///{folder / 'cashier.sqlite3'}", "SQLite", args))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not args.sqlite_only and pg_reachable(args.pg_url):
        name = f"lorch_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(args.pg_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            url = args.pg_url.rsplit("/", 1)[0] + f"/{name}"
            rows.append(
                run(url.replace("postgresql://", "postgresql+psycopg://"), "PostgreSQL", args)
            )
        finally:
            with psycopg.connect(args.pg_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(
        "| database | customers | payment rows | orders | p50 | p95 | max | CPU p95 | target (p95) "
        "| generation |\n|---|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows)
    )


if __name__ == "__main__":
    main()
