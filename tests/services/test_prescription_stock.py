"""Stock on hand and the nearest expiry beside a prescribed product (the warehouse's ledger)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.permissions import Role
from lorch_desk.services.prescriptions import search_prescribable_products
from tests.services.stock_world import World, world_fixture  # noqa: F401


def test_a_herb_shows_what_this_site_holds_and_its_nearest_expiry(
    database,
    world: World,
    actor_for,  # noqa: ANN001
) -> None:
    soon = clinic_today() + timedelta(days=40)
    world.receive(database, "HQ", "500", batch="B1", expiry=clinic_today() + timedelta(days=400))
    world.receive(database, "HQ", "250", batch="B2", expiry=soon, location=world.shelf_b)
    doctor = actor_for(Role.DOCTOR, "张伟")
    (herb,), _ = database.run(doctor, lambda uow, _p: search_prescribable_products(uow, kind="tcm"))
    assert (herb.name, herb.on_hand, herb.nearest_expiry) == ("黄芪", Decimal("750"), soon)
    nutrients, _ = database.run(
        doctor, lambda uow, _p: search_prescribable_products(uow, kind="western")
    )
    assert [(p.name, p.on_hand, p.nearest_expiry) for p in nutrients] == [
        ("维生素C片", Decimal("0"), None)
    ]
