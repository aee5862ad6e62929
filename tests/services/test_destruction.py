"""Destruction (销毁): request, manager approval, witness, moves to scrap, signed record."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.documents.warehouse_forms import print_destruction_record
from lorch_desk.domain.catalogue import DestructionReason, DestructionStatus
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import (
    NegativeStock,
    PermissionDenied,
    StockDocumentState,
    ValidationFailed,
)
from lorch_desk.services import destruction, stock_ledger
from lorch_desk.services.destruction import DestructionLineInput
from tests.documents.samples import pdf_text
from tests.services.stock_world import World, world_fixture  # noqa: F401


def _request(
    database: Database, world: World, quantity: str = "4"
) -> destruction.DestructionDetail:
    line = DestructionLineInput(
        product_id=world.products["VC"], location_id=world.shelf_a, batch="B1", quantity=quantity
    )
    detail, _ = database.run(
        world.clerk,
        lambda uow, _p: destruction.request_destruction(
            uow,
            warehouse_id=world.warehouse_id,
            reason=DestructionReason.DAMAGED,
            reason_note="运输途中瓶身破裂",
            lines=[line],
        ),
    )
    return detail


def _on_shelf(database: Database, world: World) -> Decimal:
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        return stock_ledger.product_quantity(uow, world.products["VC"], [world.shelf_a])


def test_an_approved_destruction_moves_the_goods_to_scrap_and_prints_a_signed_record(
    database: Database, world: World, tmp_path: Path
) -> None:
    world.receive(database, "VC", "10", expiry=clinic_today() + timedelta(days=30))
    requested = _request(database, world)
    assert requested.status is DestructionStatus.REQUESTED
    assert _on_shelf(database, world) == 10
    with pytest.raises(PermissionDenied):
        database.run(
            world.clerk,
            lambda uow, _p: destruction.decide_destruction(
                uow, requested.destruction_id, approve=True
            ),
        )
    with pytest.raises(StockDocumentState):
        database.run(
            world.clerk,
            lambda uow, _p: destruction.post_destruction(
                uow, requested.destruction_id, witness_name="王丽"
            ),
        )
    database.run(
        world.manager,
        lambda uow, _p: destruction.decide_destruction(uow, requested.destruction_id, approve=True),
    )
    for witness, rule in (("  ", "required"), ("冯洁", "witness_self")):
        with pytest.raises(ValidationFailed) as refused:
            database.run(
                world.clerk,
                lambda uow, _p, w=witness: destruction.post_destruction(
                    uow, requested.destruction_id, witness_name=w
                ),
            )
        assert refused.value.params["rule"] == rule
    posted, _ = database.run(
        world.clerk,
        lambda uow, _p: destruction.post_destruction(
            uow, requested.destruction_id, witness_name="王丽"
        ),
    )
    assert posted.status is DestructionStatus.POSTED
    assert _on_shelf(database, world) == 6
    with database.unit_of_work(world.clerk, read_only=True) as uow:
        assert stock_ledger.product_quantity(uow, world.products["VC"], [world.scrap]) == 4
    text = pdf_text(print_destruction_record(posted, tmp_path / "销毁.pdf"))
    for expected in (
        "销毁记录",
        posted.number,
        "破损",
        "运输途中瓶身破裂",
        "维生素C片",
        "冯洁",
        "赵磊",
        "王丽",
        "监销人签字",
        "¥140.00",
    ):
        assert expected in text, expected
    with pytest.raises(StockDocumentState):
        database.run(
            world.clerk,
            lambda uow, _p: destruction.post_destruction(
                uow, requested.destruction_id, witness_name="王丽"
            ),
        )


def test_more_than_lies_there_cannot_be_requested_and_a_rejected_one_never_moves(
    database: Database, world: World
) -> None:
    world.receive(database, "VC", "3")
    with pytest.raises(NegativeStock):
        _request(database, world, "5")
    requested = _request(database, world, "3")
    rejected, _ = database.run(
        world.manager,
        lambda uow, _p: destruction.decide_destruction(
            uow, requested.destruction_id, approve=False
        ),
    )
    assert rejected.status is DestructionStatus.REJECTED
    with pytest.raises(StockDocumentState):
        database.run(
            world.clerk,
            lambda uow, _p: destruction.post_destruction(
                uow, requested.destruction_id, witness_name="王丽"
            ),
        )
    assert _on_shelf(database, world) == 3
