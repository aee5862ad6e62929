"""kill -9 of a syncing process at each named point: nothing lost, nothing applied twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import select

from lorch_desk import config
from lorch_desk.models.customer import Customer
from lorch_desk.models.sync import OutboxEntry, SyncAppliedOp
from lorch_desk.sync.client import CRASH_ENV, CRASH_POINTS
from tests.sync.conftest import Branch, Headquarters, _nobody
from tests.sync.test_end_to_end import _count, _register

pytestmark = pytest.mark.postgres
RUNS_PER_POINT = 5  # 4 points: 20 kills in the default run


def _sync_process(branch: Branch, crash_at: str) -> int:
    environment = dict(os.environ)
    environment[config.DATABASE_URL_ENV] = str(branch.database.engine.url)
    environment[CRASH_ENV] = crash_at
    done = subprocess.run(
        [sys.executable, "-m", "lorch_desk", "sync"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode


def _customer_ids(database: Any, site_id: Any) -> set[Any]:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        return set(uow.session.scalars(select(Customer.id).where(Customer.site_id == site_id)))


def test_a_sync_killed_at_any_named_point_loses_and_duplicates_nothing(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    site_id = shanghai.identity.site_id
    runs = 0
    for point in CRASH_POINTS:
        for run in range(RUNS_PER_POINT):
            _register(shanghai, f"客户{runs}", f"1370000{runs:04d}")
            code = _sync_process(shanghai, point)
            assert code == -signal.SIGKILL, (point, run, code)
            shanghai.client.sync_once()
            runs += 1
            assert _count(shanghai.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0
            local = _customer_ids(shanghai.database, site_id)
            assert _customer_ids(headquarters.database, site_id) == local
            assert len(local) == runs
    applied = _count(
        headquarters.database, SyncAppliedOp, SyncAppliedOp.node_id == shanghai.identity.node_id
    )
    assert applied == _count(shanghai.database, OutboxEntry)
    assert _count(shanghai.database, Customer, Customer.server_seq.is_(None)) == 0
