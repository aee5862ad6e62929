"""The sync service's rules: ownership, ledgers, versions, clock, epoch, feed order."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import select

from lorch_desk import cli, config
from lorch_desk.domain.permissions import Role
from lorch_desk.models.appointments import Room
from lorch_desk.models.customer import Customer, HealthRecordEntry
from lorch_desk.models.sync import OutboxEntry, SyncChange, SyncRejection
from lorch_desk.services.customers import CustomerInput, register_customer
from lorch_desk.sync import protocol as p
from lorch_desk.sync.client import SyncClient
from lorch_desk.sync.server import start_new_epoch
from tests.conftest import PG_SERVER_URL
from tests.sync.conftest import Branch, Headquarters
from tests.sync.test_end_to_end import _count, _register

pytestmark = pytest.mark.postgres


def _add(branch: Branch, *rows: Any) -> None:
    branch.database.run(
        branch.actor(Role.BRANCH_MANAGER), lambda uow, _p: uow.session.add_all(rows)
    )


def test_a_branch_may_not_write_central_tables_or_other_sites_documents(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    guangzhou = make_branch("GZ", "广州分院")
    customer = _register(shanghai, "林晓燕", "13812345678")
    shanghai.client.sync_once()
    guangzhou.client.sync_once()
    _add(guangzhou, Room(**_room_values()))  # central: HQ alone writes rooms
    foreign = HealthRecordEntry(
        customer_id=customer.id,
        section="allergy",
        content="青霉素过敏",
        site_id=shanghai.identity.site_id,  # claims to be Shanghai's record
    )
    _add(guangzhou, foreign)
    later = _register(guangzhou, "周丽", "13912345678")
    report = guangzhou.client.sync_once()
    reasons = sorted(r["reason"] for r in report.results if r["result"] == p.REJECTED)
    assert reasons == [p.REJECT_CENTRAL_TABLE, p.REJECT_OTHER_SITE]
    # The rejections did not block the queue: what came after was applied.
    assert _count(headquarters.database, Customer, Customer.id == later.id) == 1
    assert _count(headquarters.database, Room) == 0
    assert _count(guangzhou.database, SyncRejection) == 2
    assert _count(headquarters.database, SyncRejection) == 2
    assert _count(guangzhou.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0


def _room_values() -> dict[str, Any]:
    from tests.db.generic_rows import generic_row

    row = generic_row(Room, {})
    return {
        c.key: getattr(row, c.key)
        for c in Room.__table__.columns
        if getattr(row, c.key, None) is not None
    }


def test_an_incompatible_node_and_an_unknown_token_are_refused_clearly(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    stranger = SyncClient(shanghai.database, headquarters.url, "not-a-token")
    with pytest.raises(p.SyncRefused) as refused:
        stranger.hello()
    assert refused.value.code == "unknown_node"
    shanghai.client.http.headers[p.SCHEMA_HEADER] = "0001"
    with pytest.raises(p.SyncRefused) as refused:
        shanghai.client.sync_once()
    assert refused.value.code == "incompatible_schema"
    assert "0001" in str(refused.value)
    stranger.close()


def test_a_clock_two_hours_off_is_warned_about(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    skewed = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    answer = shanghai.client._post(p.HELLO_PATH, {"node_time": skewed})
    assert answer["clock_warning"] is True
    assert 7100 < answer["clock_skew_seconds"] < 7300
    assert shanghai.client.hello()["clock_warning"] is False


def test_a_waiting_pull_answers_as_soon_as_a_change_arrives(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    guangzhou = make_branch("GZ", "广州分院")
    shanghai.client.sync_once()
    guangzhou.client.sync_once()
    timer = threading.Timer(
        0.5, lambda: (_register(shanghai, "林晓燕", "13812345678"), shanghai.client.push())
    )
    timer.start()
    started = datetime.now(UTC)
    report = guangzhou.client.pull(wait=10)
    timer.join()
    assert report.pulled >= 1
    assert (datetime.now(UTC) - started).total_seconds() < 8


def test_concurrent_pushes_leave_no_gap_in_the_feed(
    headquarters: Headquarters, make_branch: Any
) -> None:
    branches = [make_branch(code, f"{code}分院") for code in ("SH", "GZ", "SZ")]
    watcher = make_branch("HZ", "杭州分院")
    registered: list[Any] = []

    def work(branch: Branch, index: int) -> None:
        client = SyncClient(branch.database, headquarters.url, _token_of(branch))
        for round_ in range(4):
            registered.append(
                _register(branch, f"客户{index}{round_}", f"1390000{index}{round_:03d}")
            )
            client.push()
        client.close()

    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            watcher.client.pull()

    threads = [threading.Thread(target=work, args=(b, i)) for i, b in enumerate(branches)]
    observer = threading.Thread(target=watch)
    observer.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    observer.join()
    watcher.client.pull()
    ids = [c.id for c in registered]
    assert _count(watcher.database, Customer, Customer.id.in_(ids)) == len(ids) == 12
    with headquarters.database.unit_of_work(headquarters.admin, read_only=True) as uow:
        seqs = list(
            uow.session.scalars(select(SyncChange.server_seq).order_by(SyncChange.server_seq))
        )
    assert seqs == list(range(1, len(seqs) + 1))


def _token_of(branch: Branch) -> str:
    return branch.client.http.headers["Authorization"].removeprefix("Bearer ")


def test_after_hq_is_restored_from_an_older_backup_nodes_push_again(
    headquarters: Headquarters, make_branch: Any, pg_url: str
) -> None:
    shanghai = make_branch("SH", "上海分院")
    first = _register(shanghai, "林晓燕", "13812345678")
    shanghai.client.sync_once()
    name = pg_url.rsplit("/", 1)[1]
    headquarters.database.engine.dispose()
    with psycopg.connect(PG_SERVER_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}_bak" TEMPLATE "{name}"')
    second = _register(shanghai, "周丽", "13912345678")
    shanghai.client.sync_once()
    assert _count(headquarters.database, Customer, Customer.id == second.id) == 1
    # The central server dies; yesterday's backup is restored and given a new epoch.
    headquarters.database.engine.dispose()
    with psycopg.connect(PG_SERVER_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'ALTER DATABASE "{name}_bak" RENAME TO "{name}"')
    headquarters.database.engine.dispose()
    assert _count(headquarters.database, Customer, Customer.id == second.id) == 0
    start_new_epoch(pg_url)
    report = shanghai.client.sync_once()
    assert report.epoch_changed
    for customer in (first, second):
        assert _count(headquarters.database, Customer, Customer.id == customer.id) == 1
    assert _count(shanghai.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0


def test_the_sync_command_runs_headless(
    headquarters: Headquarters, make_branch: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    _register(shanghai, "林晓燕", "13812345678")
    url = str(shanghai.database.engine.url)
    monkeypatch.setenv(config.DATABASE_URL_ENV, url)
    assert cli.main(["sync"]) == 0
    assert "pushed 2" in capsys.readouterr().out
    assert _count(shanghai.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0


def test_a_row_hq_cannot_store_is_rejected_alone_and_the_rest_of_the_batch_applies(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    guangzhou = make_branch("GZ", "广州分院")
    for branch, mobile in ((shanghai, "13812345678"), (guangzhou, "13912345678")):
        branch.database.run(
            branch.actor(Role.RECEPTIONIST),
            lambda uow, _p, mobile=mobile: register_customer(
                uow,
                data=CustomerInput(
                    name="持卡人",
                    gender="female",
                    mobile=mobile,
                    channel="walk_in",
                    card_number="VIP-0001",
                ),
            ),
        )
    before = _register(guangzhou, "周丽", "13700000000")
    shanghai.client.sync_once()
    report = guangzhou.client.sync_once()
    rejected = [r for r in report.results if r["result"] == p.REJECTED]
    assert [r["reason"] for r in rejected] == [p.REJECT_INVALID]
    assert _count(headquarters.database, Customer, Customer.id == before.id) == 1
    assert _count(headquarters.database, Customer, Customer.card_number == "VIP-0001") == 1
    assert _count(guangzhou.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0
    # Shanghai's card holder clashes with Guangzhou's own: set aside, listed, the feed goes on.
    reasons = sorted(
        reason
        for (reason,) in guangzhou.database.run(
            guangzhou.actor(Role.BRANCH_MANAGER),
            lambda uow, _p: uow.session.execute(select(SyncRejection.reason)).all(),
            read_only=True,
        )[0]
    )
    assert reasons == [p.REJECT_INVALID, p.REJECT_PULLED_CLASH]
    assert _count(guangzhou.database, Customer, Customer.id == before.id) == 1
    assert report.pulled > 0


def test_the_sync_server_command_serves_the_central_database(
    pg_database: Any, pg_actor_for: Any, tmp_path: Any
) -> None:
    import socket
    import subprocess
    import sys
    import time

    from lorch_desk.services.sync_enrolment import enrol_node

    enrolled, _ = pg_database.run(
        pg_actor_for(Role.HQ_ADMIN),
        lambda uow, _p: enrol_node(uow, site_code="SH", site_name="上海分院"),
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = pg_database.engine.url.render_as_string(hide_password=False)
    server = subprocess.Popen(
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = SyncClient(pg_database, f"http://127.0.0.1:{port}", enrolled.token)
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = client.hello()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.2)
        assert answer["site_code"] == "SH" and answer["schema"] == p.SCHEMA_VERSION
        client.close()
    finally:
        server.terminate()
        server.wait(10)
