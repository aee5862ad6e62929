"""Dispensing signed prescriptions by FEFO: expired batches refused, partial dispensing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.catalogue import LocationKind, MoveDocument
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import PermissionDenied, StockDocumentState
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.prescriptions import PrescriptionKind
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import (
    catalogue,
    dispensing,
    prescriptions,
    report_catalogue,
    reports,
    stock_ledger,
)
from lorch_desk.services.prescriptions import PrescriptionInput, PrescriptionLineInput
from tests.services.consultant_clinic import ConsultantClinic
from tests.services.stock_world import World, world_fixture  # noqa: F401


def _signed(database: Database, world: World, actor_for, data: PrescriptionInput):  # noqa: ANN001, ANN202
    clinic = ConsultantClinic(database, actor_for)
    doctor = clinic.hire("张伟", Role.DOCTOR)
    customer_id = clinic.register("李秀英")
    draft = clinic.run(
        doctor, prescriptions.save_prescription, customer_id=customer_id, arrival_id=None, data=data
    )
    return clinic.run(doctor, prescriptions.sign_prescription, prescription_id=draft.id)


def _pharmacist(actor_for):  # noqa: ANN001, ANN202
    return actor_for(Role.PHARMACIST, "刘洋")


def test_a_western_prescription_is_dispensed_earliest_expiry_first_never_expired(
    database: Database, world: World, actor_for
) -> None:  # noqa: ANN001
    today = clinic_today()
    world.receive(database, "VC", "5", batch="LATE", expiry=today + timedelta(days=300))
    world.receive(
        database, "VC", "3", batch="SOON", expiry=today + timedelta(days=30), location=world.shelf_b
    )
    # A batch that expired after it was received: it is never dispensed.
    from lorch_desk.services.receipts import ReceiptInput, ReceiptLineInput, receive

    old = ReceiptInput(
        supplier_id=world.supplier_id,
        warehouse_id=world.warehouse_id,
        location_id=world.shelf_a,
        lines=(
            ReceiptLineInput(
                product_id=world.products["VC"],
                batch="GONE",
                expiry=today - timedelta(days=1),
                quantity="9",
                unit_cost="1",
            ),
        ),
    )
    database.run(world.clerk, lambda uow, _p: receive(uow, old, now=_days_ago(400)))
    signed = _signed(
        database,
        world,
        actor_for,
        PrescriptionInput(
            kind=PrescriptionKind.WESTERN,
            lines=[
                PrescriptionLineInput(
                    product_id=world.products["VC"],
                    dose="1片",
                    frequency="每日一次",
                    quantity=Decimal(6),
                    duration_days=6,
                )
            ],
        ),
    )
    with pytest.raises(PermissionDenied):
        database.run(
            world.clerk,
            lambda uow, _p: dispensing.dispense(uow, signed.id, warehouse_id=world.warehouse_id),
        )
    result, _ = database.run(
        _pharmacist(actor_for),
        lambda uow, _p: dispensing.dispense(uow, signed.id, warehouse_id=world.warehouse_id),
    )
    assert result.complete
    assert result.items[0].batches == (("SOON", Decimal(3)), ("LATE", Decimal(3)))
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        left = {
            b.batch: b.quantity for b in stock_ledger.balances(uow, product_id=world.products["VC"])
        }
        assert left == {"LATE": 2, "GONE": 9}
        assert stock_ledger.balance_mismatches(uow) == []
    with pytest.raises(StockDocumentState):
        database.run(
            _pharmacist(actor_for),
            lambda uow, _p: dispensing.dispense(uow, signed.id, warehouse_id=world.warehouse_id),
        )


def test_a_tcm_prescription_short_of_stock_is_dispensed_in_part_then_completed(
    database: Database, world: World, actor_for
) -> None:  # noqa: ANN001
    world.receive(database, "HQ", "100", batch="H1")
    signed = _signed(
        database,
        world,
        actor_for,
        PrescriptionInput(
            kind=PrescriptionKind.TCM,
            doses=7,
            lines=[
                PrescriptionLineInput(product_id=world.products["HQ"], grams_per_dose=Decimal(30))
            ],
        ),
    )
    pharmacist = _pharmacist(actor_for)
    first, _ = database.run(
        pharmacist,
        lambda uow, _p: dispensing.dispense(uow, signed.id, warehouse_id=world.warehouse_id),
    )
    assert not first.complete
    assert (first.items[0].required, first.items[0].dispensed, first.items[0].outstanding) == (
        210,
        100,
        110,
    )
    with database.unit_of_work(pharmacist, read_only=True) as uow:
        assert [p.id for p in prescriptions.prescriptions_awaiting_dispensing(uow)] == [signed.id]
    world.receive(database, "HQ", "500", batch="H2")
    second, _ = database.run(
        pharmacist,
        lambda uow, _p: dispensing.dispense(uow, signed.id, warehouse_id=world.warehouse_id),
    )
    assert second.complete
    assert second.items[0].batches == (("H2", Decimal(110)),)
    with database.unit_of_work(pharmacist, read_only=True) as uow:
        assert prescriptions.prescriptions_awaiting_dispensing(uow) == []
    # What was sold is the customer's consumption: 210 g of 黄芪 at cost 0.12.
    report_catalogue.load_all()
    with database.unit_of_work(world.manager, read_only=True) as uow:
        rows = reports.run_report(
            uow, key="warehouse.consumption", values={}, progress=SilentProgress()
        ).rows
    assert [(r["name"], r["quantity"], r["value"]) for r in rows] == [
        ("黄芪", 210, Decimal("25.20"))
    ]
    # 10 g brought back (a refund at the till moves goods from the customer to the shelf): the
    # consumption is net of it.
    customer = _customer_location(database, world)
    database.run(
        world.manager,
        lambda uow, _p: stock_ledger.post_moves(
            uow,
            [
                stock_ledger.MoveSpec(
                    product_id=world.products["HQ"], from_location_id=customer,
                    to_location_id=world.shelf_a, quantity=Decimal(10), batch="H2",
                    unit_cost=Decimal("0.12"),
                )
            ],
            document_type=MoveDocument.DISPENSE,
            document_id=signed.id,
        ),
    )  # fmt: skip
    with database.unit_of_work(world.manager, read_only=True) as uow:
        rows = reports.run_report(
            uow, key="warehouse.consumption", values={}, progress=SilentProgress()
        ).rows
    assert [(r["name"], r["quantity"], r["value"]) for r in rows] == [
        ("黄芪", 200, Decimal("24.00"))
    ]


def _customer_location(database: Database, world: World):  # noqa: ANN202
    with database.unit_of_work(world.manager, read_only=True) as uow:
        return catalogue.virtual_location(uow, world.warehouse_id, LocationKind.CUSTOMER)


def _days_ago(days: int):  # noqa: ANN202
    from lorch_desk.models.base import utc_now

    return utc_now() - timedelta(days=days)
