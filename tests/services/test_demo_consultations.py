"""The demo's consultant desk: service items, records, plans and a signed TCM prescription."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from lorch_desk.domain.permissions import Role
from lorch_desk.domain.prescriptions import PrescriptionKind
from lorch_desk.models.consultations import ConsultationRecord, TreatmentPlan
from lorch_desk.models.service_items import ServiceItem
from lorch_desk.services.prescriptions import get_prescription, prescriptions_awaiting_dispensing
from tests.services.test_demo_data import Seeded, _count, _open_copy, _seed


@pytest.fixture(scope="module")
def demo(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    database, system = _open_copy(
        template_database, tmp_path_factory.mktemp("demo-consult") / "demo.sqlite3"
    )
    summary = _seed(database, system, customers=120)
    yield Seeded(database, system, summary)
    database.dispose()


def test_the_demo_has_service_items_records_and_plans(demo: Seeded) -> None:
    with demo.database.unit_of_work(demo.system, read_only=True) as uow:
        names = set(uow.session.scalars(select(ServiceItem.name)))
    assert {"针灸", "推拿", "光子嫩肤", "营养咨询"} <= names
    assert _count(demo, ConsultationRecord) >= 5
    assert _count(demo, TreatmentPlan) >= 3


def test_the_pharmacy_queue_holds_a_signed_tcm_prescription(demo: Seeded) -> None:
    pharmacist = demo.system.__class__(
        None, "pharmacist", "药房", Role.PHARMACIST, demo.system.site_id,
        demo.system.site_code, demo.system.node_id,
    )  # fmt: skip
    with demo.database.unit_of_work(pharmacist, read_only=True) as uow:
        queue = prescriptions_awaiting_dispensing(uow)
        assert queue and queue[0].kind is PrescriptionKind.TCM
        detail = get_prescription(uow, prescription_id=queue[0].id)
    assert detail.doses == 7 and detail.signed_by_name
    assert [line.product_name for line in detail.lines][:2] == ["党参", "白术"]
    assert detail.lines[0].total_grams == 70
