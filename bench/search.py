"""Customer search at chain scale: the service against the bare query on the same index.

    python bench/search.py --customers 1000000     (default; generation takes a few minutes)
    python bench/search.py --customers 100000      (a quick run)

Creates a migrated SQLite database in a temporary directory, fills it with customers whose
surnames follow China's frequencies, then times `search_customers` (median and p95 over 200
random queries of each kind) beside the floor: the very statements the service sent, replayed
with the bare sqlite3 module on its own connection. Prints a Markdown table and appends it,
with the command, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
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


from lorch_desk.db.engine import make_engine  # noqa: E402
from lorch_desk.db.migrate import upgrade  # noqa: E402
from lorch_desk.db.unit_of_work import Database, UnitOfWork  # noqa: E402
from lorch_desk.domain.actor import Actor  # noqa: E402
from lorch_desk.domain.permissions import Role  # noqa: E402
from lorch_desk.models.base import new_id  # noqa: E402
from lorch_desk.models.customer import Customer  # noqa: E402
from lorch_desk.models.organisation import Site  # noqa: E402
from lorch_desk.services.customer_search import count_customers, search_customers  # noqa: E402
from lorch_desk.services.node_setup import InitialiseNodeInput, initialise_node  # noqa: E402
from lorch_desk.services.search_keys import NameKeys, name_keys  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Customer search"
BATCH = 20_000

# The hundred most frequent surnames with their share in percent (2020 household register),
# plus 单 and 解, whose surname readings differ from their everyday ones.
SURNAMES = (
    "王7.12 李7.00 张6.74 刘5.10 陈4.61 杨3.22 黄2.45 赵2.19 吴2.00 周1.95 徐1.45 孙1.38 "
    "马1.29 朱1.26 胡1.16 郭1.15 何1.05 林1.03 高1.00 罗0.95 郑0.92 梁0.88 谢0.76 宋0.67 "
    "唐0.67 许0.64 韩0.61 冯0.60 邓0.59 曹0.57 彭0.56 曾0.55 肖0.52 田0.51 董0.51 潘0.48 "
    "袁0.48 蔡0.46 蒋0.46 余0.44 于0.44 杜0.42 叶0.42 程0.41 魏0.38 苏0.38 吕0.38 丁0.37 "
    "任0.36 卢0.35 姚0.35 沈0.35 钟0.34 姜0.33 崔0.33 谭0.33 陆0.32 范0.31 汪0.31 廖0.30 "
    "石0.30 金0.29 韦0.29 贾0.28 夏0.28 付0.27 方0.27 邹0.26 熊0.26 白0.25 孟0.25 秦0.24 "
    "邱0.24 侯0.24 江0.24 尹0.23 薛0.23 闫0.22 段0.22 雷0.22 龙0.21 黎0.21 史0.20 陶0.20 "
    "贺0.20 毛0.19 郝0.19 顾0.18 龚0.18 邵0.18 万0.17 覃0.17 武0.17 钱0.17 戴0.16 严0.16 "
    "欧0.16 莫0.15 孔0.15 向0.15 常0.14 单0.05 解0.03"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉力玲红梅琳鹏飞宇浩凯婷雪慧颖"
    "晶欣怡佳琪子涵梓轩晨博睿思雨嘉悦俊泽然一诺晓云海波斌峰亮琴萍燕春玉珍凤洁淑素荣健志成东"
    "新光金龙天宏振兴生德永福庆安宁佩丹蕾薇璐倩蓉莉鑫彤瑶萱菲妍馨瑞阳昊铭楠正祥清元毅晖松旭"
    "豪锋奇诚乐晴月露爽彬帆航烨哲翔"
)
MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "170",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "193",
    "195",
    "198",
    "199",
]
SITES = (("BJ", "北京总部"), ("SH", "上海分中心"), ("GZ", "广州分中心"), ("CD", "成都分中心"))
FIRST_YEAR = 2015


# --- the database ------------------------------------------------------------------------------


def create_database(path: Path) -> tuple[Database, Actor, dict[str, Any]]:
    """A migrated database initialised as headquarters, with three branch sites."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    database = Database(engine)
    system = Actor.system(site_id=new_id(), site_code="BJ", node_id=new_id())
    database.run(
        system,
        lambda uow, _progress: initialise_node(
            uow,
            InitialiseNodeInput("BJ", "北京总部", "北京", True, "admin", "管理员", "Bench2026!"),
        ),
    )

    def add_branches(uow: UnitOfWork, _progress: object) -> dict[str, Any]:
        sites = {"BJ": system.site_id}
        for code, name in SITES[1:]:
            site = Site(code=code, name=name, city=name[:2])
            uow.session.add(site)
            uow.session.flush()
            sites[code] = site.id
        return sites

    sites, _ = database.run(system, add_branches)
    return database, system, sites


def generate_customers(
    database: Database, system: Actor, sites: dict[str, Any], count: int, seed: int
) -> dict[str, list[str]]:
    """Insert `count` customers with Core executemany; returns samples to build queries from."""
    rng = random.Random(seed)
    surnames, weights = zip(
        *((entry[0], float(entry[1:])) for entry in SURNAMES.split()), strict=True
    )
    keys_cache: dict[str, NameKeys] = {}
    counters: dict[tuple[str, int], int] = {}
    site_codes = list(sites)
    site_weights = [4, 3, 2, 1][: len(site_codes)]
    now = datetime.now(UTC)
    start = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
    step = (now - start) / count
    samples: dict[str, list[str]] = {"names": [], "mobiles": []}
    insert = Customer.__table__.insert()
    next_card = 62_000_000
    made = 0
    begun = time.perf_counter()
    connection = database.engine.connect()
    # Loading only (the timed searches use a fresh engine with the app's settings): a large
    # page cache keeps the eleven indexes in memory, and nobody needs a sync per batch.
    driver = connection.connection.dbapi_connection
    assert driver is not None
    driver.execute("PRAGMA cache_size=-1000000")
    driver.execute("PRAGMA synchronous=OFF")
    building = 0.0
    while made < count:
        started = time.perf_counter()
        size = min(BATCH, count - made)
        family = rng.choices(surnames, weights, k=size)
        site_of = rng.choices(site_codes, site_weights, k=size)
        rows = []
        for index in range(size):
            given_length = 1 if rng.random() < 0.3 else 2
            name = family[index] + "".join(rng.choices(GIVEN, k=given_length))
            keys = keys_cache.get(name)
            if keys is None:
                keys = keys_cache[name] = name_keys(name)
            mobile = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"
            created = start + step * (made + index)
            code = site_of[index]
            counters[code, created.year] = counters.get((code, created.year), 0) + 1
            member = rng.random() < 0.25
            if member:
                next_card += rng.randrange(1, 4)
            rows.append(
                {
                    "id": new_id(),
                    "site_id": sites[code],
                    "origin_node_id": system.node_id,
                    "created_at": created,
                    "updated_at": created,
                    "created_by": None,
                    "updated_by": None,
                    "deleted_at": None,
                    "row_version": 1,
                    "server_seq": None,
                    "file_number": f"{code}-{created.year}-{counters[code, created.year]:06d}",
                    "card_number": str(next_card) if member else None,
                    "name": name,
                    "gender": rng.choice(("female", "male")),
                    "birthday": date(1940, 1, 1) + timedelta(days=rng.randrange(70 * 365)),
                    "mobile": mobile,
                    "phone": "",
                    "email": "",
                    "wechat": "",
                    "address": "",
                    "region": "",
                    "id_number": None,
                    "occupation": "",
                    "income_level": "",
                    "member_type": rng.choice(("silver", "platinum", "premier"))
                    if member
                    else "ordinary",
                    "channel": rng.choice(("walk_in", "referral", "online", "hotline")),
                    "developer_name": "",
                    "referrer_name": "",
                    "sms_consent": rng.random() < 0.6,
                    "notes": "",
                    "name_pinyin": keys.pinyin,
                    "name_initials": keys.initials,
                    "name_tokens": keys.tokens,
                    "mobile_reversed": mobile[::-1],
                    "merged_into_id": None,
                }
            )
            if rng.random() < 0.01:
                samples["names"].append(name)
                samples["mobiles"].append(mobile)
        building += time.perf_counter() - started
        with connection.begin():
            connection.execute(insert, rows)
        made += size
        elapsed = time.perf_counter() - begun
        print(
            f"\r  {made:,} customers in {elapsed:.0f} s ({building:.0f} s making rows)",
            end="",
            file=sys.stderr,
            flush=True,
        )
    driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    print(file=sys.stderr)
    return samples


def samples_of(path: Path) -> tuple[dict[str, list[str]], Any, Any]:
    """Names and mobiles of random customers of an existing bench database, and its node."""
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT name, mobile FROM customer WHERE rowid IN "
        "(SELECT abs(random()) % (SELECT max(rowid) FROM customer) + 1 FROM customer LIMIT 5000)"
    ).fetchall()
    settings = dict(connection.execute("SELECT key, value FROM node_setting").fetchall())
    connection.close()
    samples = {"names": [name for name, _ in rows], "mobiles": [mobile for _, mobile in rows]}
    return samples, uuid.UUID(settings["site_id"]), uuid.UUID(settings["node_id"])


def _count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM customer").fetchone()[0])
    finally:
        connection.close()


# --- queries -----------------------------------------------------------------------------------


def query_sets(samples: dict[str, list[str]], count: int, seed: int) -> dict[str, list[str]]:
    """Random queries of each kind, drawn from customers that exist."""
    rng = random.Random(seed)
    names = samples["names"]
    three = [name for name in names if len(name) == 3]

    def substring(name: str, length: int) -> str:
        at = rng.randrange(len(name) - length + 1)
        return name[at : at + length]

    def pick(make: Callable[[], str]) -> list[str]:
        return [make() for _ in range(count)]

    return {
        "name, 1–2 characters": pick(lambda: substring(rng.choice(names), rng.choice((1, 2)))),
        "name, 3 characters": pick(lambda: rng.choice(three)),
        "pinyin initials (2–3 letters)": pick(
            lambda: name_keys(rng.choice(three)).initials[: rng.choice((2, 3))]
        ),
        "full pinyin prefix": pick(lambda: _pinyin_prefix(rng, rng.choice(names))),
        "mobile tail (4 digits)": pick(lambda: rng.choice(samples["mobiles"])[-4:]),
        "recent (empty query)": pick(lambda: ""),
    }


def _pinyin_prefix(rng: random.Random, name: str) -> str:
    """The surname's pinyin and the start of the given name's ("zhangw")."""
    keys = name_keys(name)
    surname = name_keys(name[0]).pinyin
    return keys.pinyin[: len(surname) + rng.choice((1, 2))]


# --- timing ------------------------------------------------------------------------------------


class RecordingCursor(sqlite3.Cursor):
    """A driver cursor that hands what it executes to the connection's recorder."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        self.connection.record(sql, parameters)  # type: ignore[attr-defined]
        return super().execute(sql, parameters)


class RecordingConnection(sqlite3.Connection):
    """The sqlite3 connection the service's engine opens in the bench: it keeps the SQL and
    parameters sent through SQLAlchemy or straight to the driver, to replay them as the floor."""

    recording = False
    statements: list[tuple[str, Any]] = []

    def record(self, sql: str, parameters: Any) -> None:
        if RecordingConnection.recording:
            RecordingConnection.statements.append((sql, parameters))

    def cursor(self, factory: Any = RecordingCursor) -> sqlite3.Cursor:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)

    @classmethod
    def take(cls) -> list[tuple[str, Any]]:
        taken, cls.statements = cls.statements, []
        return taken


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    begun = time.perf_counter()
    result = function()
    return (time.perf_counter() - begun) * 1000, result


def measure(
    database: Database, actor: Actor, path: Path, queries: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """Per kind: service in an open unit of work, a whole read operation, and the floor."""
    recorder = RecordingConnection
    bare = sqlite3.connect(path)
    results = []
    with database.unit_of_work(actor, read_only=True) as uow:
        search_customers(uow, query="王")  # opens the transaction and warms the caches
        for kind, texts in queries.items():
            service, floor, whole, rows = [], [], [], []
            for text in texts:
                recorder.recording = True
                elapsed, found = timed(lambda text=text: search_customers(uow, query=text))
                recorder.recording = False
                service.append(elapsed)
                rows.append(len(found))
                statements = recorder.take()
                floor.append(timed(lambda s=statements: replay(bare, s))[0])
                whole.append(
                    timed(
                        lambda text=text: database.run(
                            actor,
                            lambda u, _p: search_customers(u, query=text),
                            read_only=True,
                        )
                    )[0]
                )
            results.append(summary(kind, service, whole, floor, rows))
        elapsed, total = timed(lambda: count_customers(uow))
        results.append({"kind": "count_customers", "count": total, "count_ms": elapsed})
    bare.close()
    return results


def replay(connection: sqlite3.Connection, statements: list[tuple[str, Any]]) -> int:
    """The statements the service sent, through the bare driver, every row fetched."""
    fetched = 0
    for statement, parameters in statements:
        fetched += len(connection.execute(statement, parameters).fetchall())
    return fetched


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(
    kind: str, service: list[float], whole: list[float], floor: list[float], rows: list[int]
) -> dict[str, Any]:
    return {
        "kind": kind,
        "service_median": statistics.median(service),
        "service_p95": percentile(service, 0.95),
        "whole_median": statistics.median(whole),
        "whole_p95": percentile(whole, 0.95),
        "floor_median": statistics.median(floor),
        "floor_p95": percentile(floor, 0.95),
        "rows": statistics.mean(rows),
    }


def markdown(results: list[dict[str, Any]], customers: int, queries: int) -> str:
    lines = [
        f"{customers:,} customers, {queries} random queries per kind, times in ms.",
        "",
        "| query | rows (mean) | service median | service p95 | floor median | floor p95 "
        "| service/floor (median, p95) | whole operation median / p95 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        if result["kind"] == "count_customers":
            continue
        lines.append(
            f"| {result['kind']} | {result['rows']:.0f} "
            f"| {result['service_median']:.2f} | {result['service_p95']:.2f} "
            f"| {result['floor_median']:.2f} | {result['floor_p95']:.2f} "
            f"| {result['service_median'] / result['floor_median']:.2f}× / "
            f"{result['service_p95'] / result['floor_p95']:.2f}× "
            f"| {result['whole_median']:.2f} / {result['whole_p95']:.2f} |"
        )
    for result in results:
        if result["kind"] == "count_customers":
            lines += ["", f"`count_customers`: {result['count']:,} in {result['count_ms']:.1f} ms."]
    return "\n".join(lines)


def append_results(table: str, command: str, generation_s: float) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION not in text:
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{SECTION_INTRO}\n"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"\n### {stamp}: `{command}`\n\n"
        f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}; "
        f"generation and load {generation_s:.0f} s.\n\n{table}\n"
    )
    # Runs go at the end of this section, before any section that follows it.
    head, _, rest = text.partition(SECTION)
    body, marker, tail = rest.partition("\n## ")
    text = head + SECTION + body.rstrip("\n") + "\n" + block + (("\n## " + tail) if marker else "")
    RESULTS.write_text(text, encoding="utf-8")


SECTION_INTRO = """\
`bench/search.py`: `search_customers` on a generated registry (surnames by their frequency in
China, 2–3 character names, mobiles 13x–19x, a quarter of them members with a card).
*Service*: the call inside an open unit of work (what a search-as-you-type keystroke costs
once the read transaction is open). *Whole operation*: `Database.run(..., read_only=True)`,
session and transaction included. *Floor*: the very statements the service sent, replayed
with the bare `sqlite3` module on its own connection, every row fetched. Targets: p95 ≤ 50 ms
and service ≤ 2× the floor."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200, help="random queries per kind")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--no-append", action="store_true", help="print only")
    parser.add_argument(
        "--database",
        type=Path,
        help="keep the generated database here; if the file exists, measure it as it is",
    )
    args = parser.parse_args(argv)
    command = "python bench/search.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="lorch-bench-search-") as directory:
        path = args.database or Path(directory) / "bench.sqlite3"
        begun = time.perf_counter()
        if path.exists():
            print(f"measuring the existing {path}", file=sys.stderr)
            samples, site_id, node_id = samples_of(path)
            args.customers = _count(path)
        else:
            print(f"generating {args.customers:,} customers in {path}", file=sys.stderr)
            database, system, sites = create_database(path)
            samples = generate_customers(database, system, sites, args.customers, args.seed)
            site_id, node_id = system.site_id, system.node_id
            database.dispose()
        generation_s = time.perf_counter() - begun
        # Measure on a fresh engine, as the app opens the file.
        database = Database(
            make_engine(f"sqlite:///{path}", connect_args={"factory": RecordingConnection})
        )
        actor = Actor(new_id(), "reception", "前台", Role.RECEPTIONIST, site_id, "BJ", node_id)
        results = measure(database, actor, path, query_sets(samples, args.queries, args.seed))
        database.dispose()
    table = markdown(results, args.customers, args.queries)
    print(table)
    if not args.no_append:
        append_results(table, command.strip(), generation_s)
        print(f"\nappended to {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
