"""The stock world plus a branch centre (上海分中心) with its warehouse, and a customer."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.catalogue import LocationKind
from lorch_desk.domain.customers import Gender
from lorch_desk.models.organisation import Site
from lorch_desk.services import catalogue, stock_ledger
from lorch_desk.services.customers import CustomerInput, register_customer
from lorch_desk.services.node_setup import NodeIdentity
from tests.services.stock_world import World, build_world


@dataclass(frozen=True)
class ShipWorld:
    hq: World
    branch_id: uuid.UUID  # the branch warehouse
    branch_shelf: uuid.UUID
    branch_transit: uuid.UUID
    branch_loss: uuid.UUID
    branch_scrap: uuid.UUID
    customer_id: uuid.UUID

    def quantity(self, database: Database, code: str, location: uuid.UUID) -> Decimal:
        with database.unit_of_work(self.hq.clerk, read_only=True) as uow:
            return stock_ledger.product_quantity(uow, self.hq.products[code], [location])


def build_ship_world(
    database: Database, node: NodeIdentity, actor_for: Callable[..., Actor]
) -> ShipWorld:
    hq = build_world(database, node, actor_for)
    system = Actor.system(site_id=node.site_id, site_code=node.site_code, node_id=node.node_id)

    def setup(uow, _progress):  # noqa: ANN001, ANN202
        site = Site(code="SH", name="上海分中心", city="上海", is_headquarters=False)
        uow.session.add(site)
        uow.session.flush()
        branch = catalogue.create_warehouse(
            uow, code="SH-WH", name="上海分中心库房", branch_site_id=site.id
        )
        shelf = catalogue.list_locations(uow, branch.warehouse_id)[0].location_id
        ends = {
            kind: catalogue.virtual_location(uow, branch.warehouse_id, kind)
            for kind in (LocationKind.TRANSIT, LocationKind.ADJUSTMENT, LocationKind.SCRAP)
        }
        customer = register_customer(
            uow,
            data=CustomerInput(
                name="王丽",
                channel="walk_in",
                gender=Gender.FEMALE,
                mobile="13812345678",
                address="北京市朝阳区建国路88号",
            ),
        )
        return branch.warehouse_id, shelf, ends, customer.id

    (branch, shelf, ends, customer), _ = database.run(system, setup)
    return ShipWorld(
        hq,
        branch,
        shelf,
        ends[LocationKind.TRANSIT],
        ends[LocationKind.ADJUSTMENT],
        ends[LocationKind.SCRAP],
        customer,
    )


@pytest.fixture(name="ship_world")
def ship_world_fixture(
    database: Database, node: NodeIdentity, actor_for: Callable[..., Actor]
) -> ShipWorld:
    return build_ship_world(database, node, actor_for)
