"""Two branch SQLite nodes and HQ's PostgreSQL through the real sync service."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update

from lorch_desk.domain.permissions import Role
from lorch_desk.models.customer import Customer
from lorch_desk.models.organisation import Site
from lorch_desk.models.staff import UserAccount
from lorch_desk.models.sync import OutboxEntry, SyncAppliedOp, SyncConflict
from lorch_desk.services.customers import CustomerInput, register_customer, update_customer
from lorch_desk.services.sync_conflicts import TAKE_OTHER, list_conflicts, resolve_conflict
from lorch_desk.services.sync_status import sync_status
from lorch_desk.sync.worker import SyncWorker
from tests.sync.conftest import Branch, Headquarters, _nobody

pytestmark = pytest.mark.postgres


def _register(branch: Branch, name: str, mobile: str) -> Any:
    detail, _ = branch.database.run(
        branch.actor(Role.RECEPTIONIST),
        lambda uow, _p: register_customer(
            uow, data=CustomerInput(name=name, gender="female", mobile=mobile, channel="walk_in")
        ),
    )
    return detail


def _edit(branch: Branch, customer_id: Any, **fields: str) -> None:
    def operation(uow, _progress):  # noqa: ANN001, ANN202
        row = uow.session.get(Customer, customer_id)
        values = {
            name: getattr(row, name)
            for name in ("name", "gender", "mobile", "address", "email", "occupation", "channel")
        }
        values.update(fields)
        update_customer(uow, customer_id=customer_id, data=CustomerInput(**values))

    branch.database.run(branch.actor(Role.BRANCH_MANAGER), operation)


def _customer(database: Any, customer_id: Any) -> Customer:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        row = uow.session.get(Customer, customer_id)
        assert row is not None
        uow.session.expunge(row)
        return row


def _count(database: Any, model: type, *where: Any) -> int:
    with database.unit_of_work(_nobody(), read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_a_new_node_downloads_central_data_on_its_first_sync(
    headquarters: Headquarters, make_branch: Any
) -> None:
    branch = make_branch("SH", "上海分院")
    assert branch.identity.site_code == "SH"
    assert _count(branch.database, Site) == 2  # HQ and its own site
    assert _count(branch.database, UserAccount, UserAccount.username == "admin") == 1
    assert _count(branch.database, OutboxEntry) == 0


def test_a_customer_registered_at_one_branch_appears_at_the_other(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    guangzhou = make_branch("GZ", "广州分院")
    customer = _register(shanghai, "林晓燕", "13812345678")
    report = shanghai.client.sync_once()
    assert report.pushed >= 2  # the customer and its audit entry
    assert report.mismatched == []
    guangzhou.client.sync_once()
    copy = _customer(guangzhou.database, customer.id)
    assert copy.name == "林晓燕"
    assert copy.file_number == customer.file_number
    assert copy.file_number.startswith("SH-")
    assert copy.server_seq is not None
    assert _customer(headquarters.database, customer.id).mobile == "13812345678"
    # Nothing pulled is pushed back.
    assert _count(guangzhou.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0


@pytest.mark.parametrize("first", ["SH", "GZ"])
def test_the_same_field_edited_at_two_branches_becomes_a_conflict_row(
    headquarters: Headquarters, make_branch: Any, first: str
) -> None:
    branches = {"SH": make_branch("SH", "上海分院"), "GZ": make_branch("GZ", "广州分院")}
    customer = _register(branches["SH"], "林晓燕", "13812345678")
    branches["SH"].client.sync_once()
    branches["GZ"].client.sync_once()
    _edit(branches["SH"], customer.id, address="上海市徐汇区")
    _edit(branches["GZ"], customer.id, address="广州市天河区")
    second = "GZ" if first == "SH" else "SH"
    branches[first].client.sync_once()
    report = branches[second].client.sync_once()
    assert report.conflicts == 1
    winner = "上海市徐汇区" if first == "SH" else "广州市天河区"
    loser = "广州市天河区" if first == "SH" else "上海市徐汇区"
    with headquarters.database.unit_of_work(headquarters.admin, read_only=True) as uow:
        conflicts = uow.session.scalars(select(SyncConflict)).all()
        assert [(c.field, c.kept_value, c.other_value) for c in conflicts] == [
            ("address", winner, loser)
        ]
    assert _count(branches[second].database, SyncConflict) == 1
    for branch in branches.values():
        branch.client.sync_once()
        assert _customer(branch.database, customer.id).address == winner


def test_edits_of_different_fields_at_two_branches_merge(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    guangzhou = make_branch("GZ", "广州分院")
    customer = _register(shanghai, "林晓燕", "13812345678")
    shanghai.client.sync_once()
    guangzhou.client.sync_once()
    _edit(shanghai, customer.id, address="上海市徐汇区")
    _edit(guangzhou, customer.id, occupation="教师")
    shanghai.client.sync_once()
    assert guangzhou.client.sync_once().conflicts == 0
    shanghai.client.sync_once()
    for database in (shanghai.database, guangzhou.database, headquarters.database):
        row = _customer(database, customer.id)
        assert (row.address, row.occupation) == ("上海市徐汇区", "教师")
    assert _count(headquarters.database, SyncConflict) == 0


class _LoseAnswers(httpx.HTTPTransport):
    """The network drops the answer of the next `drops` pushes after HQ received them."""

    def __init__(self, drops: int) -> None:
        super().__init__()
        self.drops = drops

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.endswith("/push") and self.drops > 0:
            self.drops -= 1
            response.read()
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def test_a_lost_push_answer_loses_nothing_and_duplicates_nothing(
    headquarters: Headquarters, make_branch: Any
) -> None:
    flaky = _LoseAnswers(drops=1)
    shanghai = make_branch("SH", "上海分院", transport=flaky)
    customers = [_register(shanghai, f"客户{i}", f"1381234{i:04d}") for i in range(5)]
    with pytest.raises(httpx.ReadError):
        shanghai.client.sync_once()
    assert _count(shanghai.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) > 0
    report = shanghai.client.sync_once()
    assert report.pushed > 0
    assert {r["result"] for r in report.results} == {"duplicate"}
    assert _count(shanghai.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0
    ids = [c.id for c in customers]
    assert _count(headquarters.database, Customer, Customer.id.in_(ids)) == 5
    pushed = _count(shanghai.database, OutboxEntry)
    node_ops = _count(
        headquarters.database, SyncAppliedOp, SyncAppliedOp.node_id == shanghai.identity.node_id
    )
    assert node_ops == pushed


def test_an_administrator_applies_the_other_value_and_every_node_gets_it(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    guangzhou = make_branch("GZ", "广州分院")
    customer = _register(shanghai, "林晓燕", "13812345678")
    shanghai.client.sync_once()
    guangzhou.client.sync_once()
    _edit(shanghai, customer.id, address="上海市徐汇区")
    _edit(guangzhou, customer.id, address="广州市天河区")
    shanghai.client.sync_once()
    guangzhou.client.sync_once()
    conflicts, _ = headquarters.database.run(
        headquarters.admin, lambda uow, _p: list_conflicts(uow)
    )
    assert [(c.record.split()[-1], c.kept_value, c.other_value) for c in conflicts] == [
        ("林晓燕", "上海市徐汇区", "广州市天河区")
    ]
    headquarters.database.run(
        headquarters.admin,
        lambda uow, _p: resolve_conflict(uow, conflict_id=conflicts[0].id, choice=TAKE_OTHER),
    )
    for branch in (shanghai, guangzhou):
        branch.client.sync_once()
        assert _customer(branch.database, customer.id).address == "广州市天河区"
    left, _ = headquarters.database.run(headquarters.admin, lambda uow, _p: list_conflicts(uow))
    assert left == []


def test_the_background_worker_syncs_when_asked(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    _register(shanghai, "林晓燕", "13812345678")
    finished = threading.Event()
    outcomes: list[Any] = []

    def done(report: Any, error: Any) -> None:
        outcomes.append((report, error))
        finished.set()

    worker = SyncWorker(shanghai.database, interval=3600, first_delay=3600, on_done=done)
    worker.start()
    worker.sync_now()
    assert finished.wait(30)
    worker.stop()
    report, error = outcomes[0]
    assert error is None and report.pushed >= 2
    assert _count(shanghai.database, OutboxEntry, OutboxEntry.acked_at.is_(None)) == 0


def test_rows_lost_at_a_node_mark_it_as_needing_a_resync(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    customer = _register(shanghai, "林晓燕", "13812345678")
    shanghai.client.sync_once()
    with shanghai.database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM customer WHERE id = ?", (customer.id.hex,))
    assert shanghai.client.sync_once().mismatched == ["customer"]
    status, _ = shanghai.database.run(
        shanghai.actor(Role.BRANCH_MANAGER), lambda uow, _p: sync_status(uow), read_only=True
    )
    assert status.needs_resync == ("customer",)


def test_acknowledged_outbox_rows_are_kept_two_weeks_then_dropped(
    headquarters: Headquarters, make_branch: Any
) -> None:
    shanghai = make_branch("SH", "上海分院")
    _register(shanghai, "林晓燕", "13812345678")
    shanghai.client.sync_once()
    kept = _count(shanghai.database, OutboxEntry)
    assert kept >= 2
    old = datetime.now(UTC) - timedelta(days=15)
    with shanghai.database.engine.begin() as connection:
        connection.execute(
            update(OutboxEntry.__table__)
            .where(OutboxEntry.__table__.c.id == select(func.min(OutboxEntry.id)).scalar_subquery())
            .values(acked_at=old)
        )
    shanghai.client.sync_once()
    assert _count(shanghai.database, OutboxEntry) == kept - 1
