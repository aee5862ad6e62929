"""A stateful property test: 2–4 branches register and edit customers, sync in any order,
drop off the network and lose push answers; afterwards every database holds the same
customers and every clash is a conflict row (hypothesis prints the failing steps)."""

from __future__ import annotations

import contextlib
import itertools
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from lorch_desk.models.customer import Customer
from lorch_desk.models.sync import OutboxEntry, SyncAppliedOp, SyncConflict
from lorch_desk.sync.client import SyncClient
from tests.sync.conftest import Branch, Headquarters, _nobody
from tests.sync.test_end_to_end import _count, _edit, _register

pytestmark = pytest.mark.postgres
FIELDS = ("address", "occupation", "notes")
VALUES = ("北京市朝阳区", "上海市徐汇区", "广州市天河区", "教师", "工程师", "")


class _Flaky(httpx.HTTPTransport):
    """Loses the answer of the next push when told to (HQ applied it, the node never heard)."""

    lose_next = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.endswith("/push") and self.lose_next:
            self.lose_next = False
            response.read()
            raise httpx.ReadError("answer lost", request=request)
        return response


def _snapshot(database: Any) -> dict[Any, tuple]:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        return {
            row.id: (row.name, row.mobile, row.address, row.occupation, row.notes, row.file_number)
            for row in uow.session.scalars(select(Customer))
        }


def test_any_interleaving_of_edits_syncs_partitions_and_lost_answers_converges(
    headquarters: Headquarters, make_branch: Any
) -> None:
    pool = [make_branch(code, f"{code}分院") for code in ("SH", "GZ", "SZ", "HZ")]
    transports = [_Flaky() for _ in pool]
    clients = [
        SyncClient(branch.database, headquarters.url, _token(branch), transport=transport)
        for branch, transport in zip(pool, transports, strict=True)
    ]
    numbers = itertools.count(1)

    class Chain(RuleBasedStateMachine):
        @initialize(size=st.integers(min_value=2, max_value=4))
        def choose_nodes(self, size: int) -> None:
            self.nodes = list(range(size))
            self.offline: set[int] = set()
            self.customers: list[Any] = []

        def _sync(self, node: int) -> None:
            if node in self.offline:
                return
            # A lost answer: the next sync sends the same ops again.
            with contextlib.suppress(httpx.ReadError):
                clients[node].sync_once()

        @rule(data=st.data())
        def register(self, data: st.DataObject) -> None:
            node = data.draw(st.sampled_from(self.nodes))
            number = next(numbers)
            detail = _register(pool[node], f"客户{number}", f"1360000{number:04d}")
            self.customers.append(detail.id)

        @rule(data=st.data(), field=st.sampled_from(FIELDS), value=st.sampled_from(VALUES))
        def edit(self, data: st.DataObject, field: str, value: str) -> None:
            node = data.draw(st.sampled_from(self.nodes))
            known = _snapshot(pool[node].database)
            candidates = [c for c in self.customers if c in known]
            if candidates:
                _edit(pool[node], data.draw(st.sampled_from(candidates)), **{field: value})

        @rule(data=st.data())
        def sync(self, data: st.DataObject) -> None:
            self._sync(data.draw(st.sampled_from(self.nodes)))

        @rule(data=st.data())
        def go_offline(self, data: st.DataObject) -> None:
            self.offline.add(data.draw(st.sampled_from(self.nodes)))

        @rule()
        def reconnect(self) -> None:
            self.offline.clear()

        @rule(data=st.data())
        def lose_next_answer(self, data: st.DataObject) -> None:
            transports[data.draw(st.sampled_from(self.nodes))].lose_next = True

        @invariant()
        def nothing_is_pushed_twice(self) -> None:
            for node in self.nodes:
                node_id = pool[node].identity.node_id
                acked = _count(pool[node].database, OutboxEntry, OutboxEntry.acked_at.is_not(None))
                applied = _count(
                    headquarters.database, SyncAppliedOp, SyncAppliedOp.node_id == node_id
                )
                assert applied >= acked

        def teardown(self) -> None:
            self.offline.clear()
            for transport in transports:
                transport.lose_next = False
            for _ in range(2):
                for node in self.nodes:
                    clients[node].sync_once()
            central = _snapshot(headquarters.database)
            for node in self.nodes:
                assert _snapshot(pool[node].database) == central
                assert _count(pool[node].database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0
            with headquarters.database.unit_of_work(headquarters.admin, read_only=True) as uow:
                for conflict in uow.session.scalars(select(SyncConflict)):
                    assert conflict.other_value in VALUES and conflict.kept_value in VALUES

    try:
        run_state_machine_as_test(
            Chain,
            settings=settings(
                max_examples=8,
                stateful_step_count=12,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    finally:
        for client in clients:
            client.close()


def _token(branch: Branch) -> str:
    return branch.client.http.headers["Authorization"].removeprefix("Bearer ")
