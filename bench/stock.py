"""The stock ledger at chain scale: balance queries, stock on hand, count posting, rebuild.

    python bench/stock.py                                  (10,000 products, 1,000,000 moves)
    python bench/stock.py --products 2000 --moves 100000   (a quick run)

Creates a migrated SQLite database in a temporary directory with a central warehouse of three
storage locations, 10,000 products and 1,000,000 moves (receipts from the supplier, transfers
between shelves, dispenses to customers; no balance ever below zero), rebuilds the balance
cache from them (timed), then times:

* the balance of one product (`stock_ledger.balances`, every batch and location) over 500
  random products, beside the floor: the same SELECT with the bare sqlite3 module;
* the stock-on-hand report of the warehouse, all rows (the Reports tab's query, and the tab's
  own `stock_queries.stock_on_hand` with ORM rows);
* posting an approved 10,000-line count (`stock_counts.post_count` in `Database.run`: variance
  as of the snapshot, moves and their sync outbox rows, balance cache, the count's audit row,
  commit) beside the bare bulk insert of the same 10,000 moves with sqlite3 `executemany` in
  one committed transaction. `--profile FILE` writes a cProfile of the posting.

Prints a Markdown table and appends it, with the command, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import cProfile
import random
import shlex
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from lorch_desk.db.engine import make_engine  # noqa: E402
from lorch_desk.db.migrate import upgrade  # noqa: E402
from lorch_desk.db.unit_of_work import Database  # noqa: E402
from lorch_desk.domain.actor import Actor  # noqa: E402
from lorch_desk.domain.catalogue import LocationKind  # noqa: E402
from lorch_desk.domain.progress import SilentProgress  # noqa: E402
from lorch_desk.domain.stock_count import CountScope  # noqa: E402
from lorch_desk.models.base import new_id  # noqa: E402
from lorch_desk.models.catalogue import Product  # noqa: E402
from lorch_desk.models.stock import StockMove  # noqa: E402
from lorch_desk.services import (  # noqa: E402  # noqa: E402
    catalogue,
    report_catalogue,
    reports,
    stock_counts,
    stock_ledger,
    stock_queries,
)
from lorch_desk.services.node_setup import (  # noqa: E402
    InitialiseNodeInput,
    find_node_identity,
    initialise_node,
)

RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Stock ledger"
BATCH = 50_000


def create_database(path: Path) -> tuple[Database, Actor]:
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


def _sync_columns(actor: Actor, when: datetime) -> dict[str, Any]:
    return {
        "site_id": actor.site_id,
        "origin_node_id": actor.node_id,
        "created_at": when,
        "updated_at": when,
        "row_version": 1,
    }


def generate(
    database: Database, actor: Actor, products: int, moves: int, seed: int
) -> dict[str, Any]:
    """Products and moves written with bulk inserts; returns ids the timings need."""
    rng = random.Random(seed)
    warehouse, _ = database.run(
        actor,
        lambda uow, _p: catalogue.create_warehouse(
            uow,
            code="BJ-WH",
            name="北京总库房",
            branch_site_id=actor.site_id,
            is_central=True,
            storage=(("A01", "常温区"), ("B01", "阴凉区"), ("C01", "中药饮片库")),
        ),
    )

    def locations(uow: Any, _p: Any) -> dict[str, uuid.UUID]:
        found = {
            loc.code: loc.location_id
            for loc in catalogue.list_locations(uow, warehouse.warehouse_id, kind=None)
        }
        return found

    ids, _ = database.run(actor, locations)
    shelves = [ids["A01"], ids["B01"], ids["C01"]]
    supplier, customer = ids["SUP"], ids["CUS"]
    now = datetime.now(UTC)
    product_ids = [new_id() for _ in range(products)]
    with database.engine.begin() as connection:
        connection.execute(
            insert(Product),
            [
                {
                    "id": pid,
                    "code": f"P{i:06d}",
                    "barcode": f"69{i:011d}",
                    "name": f"产品{i}",
                    "name_initials": f"cp{i}",
                    "specification": "",
                    "unit": "盒",
                    "category": "nutrient",
                    "sale_price": Decimal("20.00"),
                    "cost": Decimal("10.00"),
                    "reorder_point": Decimal(0),
                    "shelf_life_warning_days": 90,
                    "ingredients": "",
                    "allergens": "",
                    "active": True,
                    **_sync_columns(actor, now),
                }
                for i, pid in enumerate(product_ids)
            ],
        )
    # Every product gets one batch on A01 (so a count of A01 has one line per product), and
    # its further moves are random receipts, transfers and dispenses that never go negative.
    start = now - timedelta(days=365)
    balance: dict[tuple[int, int, int], int] = {}
    rows: list[dict[str, Any]] = []
    written = 0

    def move(p: int, batch: int, source: uuid.UUID, target: uuid.UUID, quantity: int) -> None:
        nonlocal written
        when = start + timedelta(seconds=written * 30)
        rows.append(
            {
                "id": new_id(),
                "product_id": product_ids[p],
                "batch": f"B{batch}",
                "expiry": (now + timedelta(days=200 + 100 * batch)).date(),
                "from_location_id": source,
                "to_location_id": target,
                "quantity": Decimal(quantity),
                "unit_cost": Decimal("10.00"),
                "document_type": "bench",
                "document_id": None,
                "moved_at": when,
                "reverses_move_id": None,
                **_sync_columns(actor, when),
            }
        )
        written += 1
        if len(rows) >= BATCH:
            flush()

    def flush() -> None:
        with database.engine.begin() as connection:
            connection.execute(insert(StockMove), rows)
        rows.clear()
        print(f"  {written:,} moves", end="\r", flush=True)

    for p in range(products):
        move(p, 0, supplier, shelves[0], 100)
        balance[(p, 0, 0)] = 100
    # Receipts and transfers use B01 and C01 (batches 1-3); A01 keeps its one batch per product
    # and only gives to customers, so a count of A01 has exactly one line per product.
    while written < moves:
        p, batch = rng.randrange(products), rng.randrange(1, 4)
        kind = rng.random()
        if kind < 0.2:
            shelf, quantity = rng.randrange(1, 3), rng.randint(20, 200)
            move(p, batch, supplier, shelves[shelf], quantity)
            balance[(p, batch, shelf)] = balance.get((p, batch, shelf), 0) + quantity
            continue
        if kind > 0.95:
            batch = 0
        held = [(s, q) for s in range(3) if (q := balance.get((p, batch, s), 0)) > 0]
        if not held:
            continue
        shelf, quantity = rng.choice(held)
        take = rng.randint(1, min(quantity, 10))
        if quantity - take < 1 and shelf == 0:
            continue  # the A01 batch stays, so the count keeps one line per product
        balance[(p, batch, shelf)] = quantity - take
        if kind < 0.35 and shelf != 0:
            other = 3 - shelf
            move(p, batch, shelves[shelf], shelves[other], take)
            balance[(p, batch, other)] = balance.get((p, batch, other), 0) + take
        else:
            move(p, batch, shelves[shelf], customer, take)
    if rows:
        flush()
    print()
    return {"warehouse_id": warehouse.warehouse_id, "shelves": shelves, "products": product_ids}


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--moves", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-results", action="store_true", help="print only, do not append")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the posting here")
    args = parser.parse_args()
    command = " ".join(["python bench/stock.py", shlex.join(sys.argv[1:])]).strip()
    folder = Path(tempfile.mkdtemp(prefix="lorch-bench-stock-"))
    path = folder / "stock.sqlite3"
    database, actor = create_database(path)
    print(f"generating {args.products:,} products and {args.moves:,} moves in {path}")
    generation_ms, world = timed(
        lambda: generate(database, actor, args.products, args.moves, args.seed)
    )
    lines: list[str] = []

    rebuild_ms, rebuilt = timed(
        lambda: database.run(actor, lambda uow, _p: stock_ledger.rebuild_balances(uow))[0]
    )
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    lines.append(
        f"| rebuild of the balance cache from {args.moves:,} moves | {rebuilt:,} balances | {rebuild_ms:,.0f} ms | | |"
    )

    # -- balance of one product
    rng = random.Random(args.seed)
    sample = [rng.choice(world["products"]) for _ in range(500)]
    service: list[float] = []
    bare = sqlite3.connect(path)
    floor: list[float] = []
    sql = (
        "SELECT stock_balance.product_id, stock_balance.location_id, stock_balance.batch, "
        "stock_balance.expiry, stock_balance.quantity FROM stock_balance JOIN location ON "
        "location.id = stock_balance.location_id WHERE location.kind IN (?, ?) AND "
        "stock_balance.product_id = ? AND stock_balance.quantity != 0"
    )
    with database.unit_of_work(actor, read_only=True) as uow:
        for product_id in sample:
            service.append(timed(lambda p=product_id: stock_ledger.balances(uow, product_id=p))[0])
            floor.append(
                timed(
                    lambda p=product_id: bare.execute(
                        sql, (LocationKind.STORAGE.value, LocationKind.TRANSIT.value, p.hex)
                    ).fetchall()
                )[0]
            )
    lines.append(
        f"| balance of one product (500 random) | median {statistics.median(service):.2f} ms, "
        f"p95 {percentile(service, 0.95):.2f} ms | floor median {statistics.median(floor):.2f} ms, "
        f"p95 {percentile(floor, 0.95):.2f} ms | p95 ≤ 5 ms | "
        f"{percentile(service, 0.95) / max(percentile(floor, 0.95), 1e-9):.1f}× |"
    )

    # -- stock on hand of the warehouse
    report_catalogue.load_all()
    with database.unit_of_work(actor, read_only=True) as uow:
        report_ms, count = timed(
            lambda: len(
                list(
                    reports.get_report("warehouse.stock_on_hand").run(
                        uow, {"warehouse": "BJ-WH"}, SilentProgress()
                    )
                )
            )
        )
        tab_ms, tab_rows = timed(
            lambda: len(stock_queries.stock_on_hand(uow, world["warehouse_id"]))
        )
    lines.append(
        f"| stock-on-hand report of the warehouse (Reports tab query) | {count:,} rows | {report_ms:,.0f} ms | ≤ 2 s | |"
    )
    lines.append(
        f"| stock_queries.stock_on_hand, whole warehouse (the tab asks for 2,001 rows at most) | {tab_rows:,} rows | {tab_ms:,.0f} ms | ≤ 2 s | |"
    )

    # -- a 10,000-line count: prepare, post, and the bare bulk insert of the same moves
    shelf = world["shelves"][0]

    def prepare(uow: Any, _p: Any) -> uuid.UUID:
        count = stock_counts.create_count(
            uow, warehouse_id=world["warehouse_id"], scope=CountScope.LOCATION, location_id=shelf
        )
        lines_ = stock_counts.count_lines(uow, count.count_id)
        # Every line one more or one less than the snapshot: one adjustment move per line.
        stock_counts.enter_counts(
            uow,
            count.count_id,
            [
                (
                    ln.line_id,
                    (ln.snapshot_quantity or 0) + (1 if i % 2 or not ln.snapshot_quantity else -1),
                )
                for i, ln in enumerate(lines_)
            ],
        )
        stock_counts.submit_count(uow, count.count_id)
        stock_counts.approve_count(uow, count.count_id)
        return count.count_id

    prepare_ms, count_id = timed(lambda: database.run(actor, prepare)[0])
    with database.unit_of_work(actor, read_only=True) as uow:
        variance = stock_counts.variance_report(uow, count_id)
    adjust = catalogue_adjustment(database, actor, world["warehouse_id"])
    when = datetime.now(UTC).isoformat(sep=" ")
    bare_rows = [
        (
            uuid.uuid4().hex,
            line.product_id.hex,
            line.batch,
            line.expiry.isoformat() if line.expiry else None,
            adjust.hex if line.variance.quantity < 0 else line.location_id.hex,
            line.location_id.hex if line.variance.quantity < 0 else adjust.hex,
            str(abs(line.variance.quantity)),
            str(line.variance.unit_cost),
            "bench_floor",
            count_id.hex,
            when,
            None,
            actor.site_id.hex,
            actor.node_id.hex,
            when,
            when,
            1,
        )
        for line in variance.differing
    ]

    def bulk_insert() -> None:
        bare.execute("BEGIN IMMEDIATE")
        bare.executemany(
            "INSERT INTO stock_move (id, product_id, batch, expiry, from_location_id, to_location_id, "
            "quantity, unit_cost, document_type, document_id, moved_at, reverses_move_id, site_id, "
            "origin_node_id, created_at, updated_at, row_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            bare_rows,
        )
        bare.commit()

    floor_ms, _ = timed(bulk_insert)
    bare.execute("DELETE FROM stock_move WHERE document_type = 'bench_floor'")
    bare.commit()
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    post_ms, posted = timed(
        lambda: database.run(
            actor, lambda uow, progress: stock_counts.post_count(uow, count_id, progress=progress)
        )[0]
    )
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    lines.append(
        f"| entering, submitting and approving the {len(variance.lines):,}-line count | | {prepare_ms:,.0f} ms | | |"
    )
    lines.append(
        f"| posting the {len(posted.differing):,}-line count vs bare bulk insert of the same moves | "
        f"{post_ms:,.0f} ms | floor {floor_ms:,.0f} ms | ≤ 3× | {post_ms / floor_ms:.1f}× |"
    )
    with database.unit_of_work(actor, read_only=True) as uow:
        check_ms, mismatches = timed(lambda: stock_ledger.balance_mismatches(uow))
    lines.append(
        f"| cache = sum of moves check after posting | {len(mismatches)} mismatches | {check_ms:,.0f} ms | 0 | |"
    )
    bare.close()
    database.dispose()
    shutil.rmtree(folder)  # the database of 1,000,000 moves takes about 760 MB

    table = (
        "| measure | result | time / floor | target | ratio |\n|---|---|---|---|---|\n"
        + "\n".join(lines)
    )
    print(table)
    if not args.no_results:
        append_results(table, command, generation_ms / 1000)


def catalogue_adjustment(database: Database, actor: Actor, warehouse_id: uuid.UUID) -> uuid.UUID:
    with database.unit_of_work(actor, read_only=True) as uow:
        return catalogue.virtual_location(uow, warehouse_id, LocationKind.ADJUSTMENT)


SECTION_INTRO = """\
`bench/stock.py`: a central warehouse with three storage locations, generated products and
moves (receipts, shelf transfers, dispenses; never below zero) written with bulk inserts, the
balance cache rebuilt from them. *Floor* for the balance query: the same SELECT with the bare
sqlite3 module. *Floor* for posting: the same adjustment moves inserted with sqlite3
`executemany` in one committed transaction; the service also computes the variance as of the
snapshot, updates the balance cache, writes one outbox row per move and commits. Targets
(issue 4): balance p95 ≤ 5 ms, stock on hand ≤ 2 s, posting ≤ 3× the bare insert."""


def append_results(table: str, command: str, generation_s: float) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION not in text:
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{SECTION_INTRO}\n"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"\n### {stamp}: `{command}`\n\n"
        f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}; "
        f"generation {generation_s:.0f} s.\n\n{table}\n"
    )
    head, _, rest = text.partition(SECTION)
    body, marker, tail = rest.partition("\n## ")
    text = head + SECTION + body.rstrip("\n") + "\n" + block + (("\n## " + tail) if marker else "")
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
