"""SQLite with desk writers, the sync worker and a long reader at once: never "locked"."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from lorch_desk.models.customer import Customer
from lorch_desk.models.sync import OutboxEntry
from tests.sync.conftest import Headquarters, _nobody
from tests.sync.test_end_to_end import _count, _register

pytestmark = pytest.mark.postgres


def test_writers_sync_and_a_reader_share_one_sqlite_file_without_lock_errors(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    errors: list[BaseException] = []
    writing = threading.Event()

    def guarded(work: Any) -> Any:
        def run() -> None:
            try:
                work()
            except BaseException as error:  # noqa: BLE001 - reported by the test
                errors.append(error)

        return threading.Thread(target=run)

    def desk(index: int) -> None:
        for number in range(12):
            _register(shanghai, f"客户{index}-{number}", f"135{index:02d}00{number:04d}")

    def syncing() -> None:
        while writing.is_set():
            shanghai.client.sync_once()

    def reading() -> None:
        while writing.is_set():
            with shanghai.database.unit_of_work(_nobody(), read_only=True) as uow:
                list(uow.session.scalars(select(Customer)))

    writing.set()
    desks = [guarded(lambda i=i: desk(i)) for i in range(2)]
    others = [guarded(syncing), guarded(reading)]
    for thread in desks + others:
        thread.start()
    for thread in desks:
        thread.join()
    writing.clear()
    for thread in others:
        thread.join()
    assert errors == []
    shanghai.client.sync_once()
    assert _count(shanghai.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0
    assert (
        _count(headquarters.database, Customer, Customer.site_id == shanghai.identity.site_id) == 24
    )
