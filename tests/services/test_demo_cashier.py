"""The demo's till: weeks of sales with every kind of payment, a refund, and sales today."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from lorch_desk.domain.clock import clinic_today
from lorch_desk.models.cashier import Payment, Sale, SaleLine, StoredValueEntry
from tests.services.test_demo_data import Seeded, _count, _open_copy, _seed


@pytest.fixture(scope="module")
def demo(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    database, system = _open_copy(
        template_database, tmp_path_factory.mktemp("demo-cashier") / "demo.sqlite3"
    )
    summary = _seed(database, system, customers=120)
    yield Seeded(database, system, summary)
    database.dispose()


def test_the_demo_till_has_every_kind_of_document_and_payment(demo: Seeded) -> None:
    with demo.database.unit_of_work(demo.system, read_only=True) as uow:
        kinds = set(uow.session.scalars(select(Sale.kind)))
        methods = set(uow.session.scalars(select(Payment.method)))
        lines = set(uow.session.scalars(select(SaleLine.kind)))
        today = list(uow.session.scalars(select(Sale.id).where(Sale.day == clinic_today())))
    assert kinds == {"sale", "refund", "deposit", "top_up"}
    assert {"cash", "wechat", "alipay", "bank_card", "stored_value", "deposit", "points"} <= methods
    assert {"service", "course", "course_session", "deposit"} <= lines
    assert len(today) == 2
    assert _count(demo, Sale) == 15 and _count(demo, StoredValueEntry) == 2
