"""A small warehouse world for stock tests: products, a supplier, warehouses, locations."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.catalogue import LocationKind, ProductCategory
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.permissions import Role
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import catalogue
from lorch_desk.services.node_setup import NodeIdentity
from lorch_desk.services.receipts import ReceiptInput, ReceiptLineInput, receive


@dataclass(frozen=True)
class World:
    warehouse_id: uuid.UUID
    shelf_a: uuid.UUID
    shelf_b: uuid.UUID
    scrap: uuid.UUID
    supplier_id: uuid.UUID
    # code -> product id: VC (nutrient, 瓶), HQ (herb 黄芪, g), GZ (consumable 纱布)
    products: dict[str, uuid.UUID]
    clerk: Actor
    manager: Actor

    def receive(
        self,
        database: Database,
        code: str,
        quantity: str,
        *,
        batch: str = "B1",
        expiry: date | None = None,
        location: uuid.UUID | None = None,
        cost: str = "10.00",
    ) -> uuid.UUID:
        """Receive goods directly (no order); returns the receipt id."""
        data = ReceiptInput(
            supplier_id=self.supplier_id,
            warehouse_id=self.warehouse_id,
            location_id=location or self.shelf_a,
            lines=(
                ReceiptLineInput(
                    product_id=self.products[code],
                    batch=batch,
                    expiry=expiry or clinic_today() + timedelta(days=365),
                    quantity=Decimal(quantity),
                    unit_cost=Decimal(cost),
                ),
            ),
        )
        detail, _ = database.run(self.clerk, lambda uow, _p: receive(uow, data))
        return detail.receipt_id


def build_world(database: Database, node: NodeIdentity, actor_for: Callable[..., Actor]) -> World:
    system = Actor.system(site_id=node.site_id, site_code=node.site_code, node_id=node.node_id)

    def setup(uow, _progress):  # noqa: ANN001, ANN202
        products = {}
        for code, name, unit, category, cost in (
            ("VC", "维生素C片", "瓶", ProductCategory.NUTRIENT, "35.00"),
            ("HQ", "黄芪", "g", ProductCategory.HERB, "0.12"),
            ("GZ", "医用纱布", "包", ProductCategory.CONSUMABLE, "4.50"),
        ):
            row = catalogue.create_product(
                uow,
                catalogue.ProductInput(
                    code=code,
                    barcode=f"69{code}0001",
                    name=name,
                    unit=unit,
                    category=category,
                    cost=cost,
                    sale_price="99",
                    reorder_point="20",
                ),
            )
            products[code] = row.product_id
        supplier = catalogue.create_supplier(uow, code="S1", name="国药控股北京有限公司")
        warehouse = catalogue.create_warehouse(
            uow,
            code="BJ-C",
            name="北京总库房",
            branch_site_id=node.site_id,
            is_central=True,
            storage=(("A01", "A区货架"), ("B01", "B区冷藏")),
        )
        shelves = catalogue.list_locations(uow, warehouse.warehouse_id)
        scrap = catalogue.virtual_location(uow, warehouse.warehouse_id, LocationKind.SCRAP)
        return (
            warehouse.warehouse_id,
            shelves[0].location_id,
            shelves[1].location_id,
            scrap,
            supplier,
            products,
        )

    (warehouse_id, shelf_a, shelf_b, scrap, supplier, products), _ = database.run(system, setup)
    clerk = actor_for(Role.WAREHOUSE_CLERK, "冯洁")
    manager = actor_for(Role.BRANCH_MANAGER, "赵磊")

    def accounts(uow, _progress):  # noqa: ANN001, ANN202
        for actor in (clerk, manager):
            uow.session.add(
                UserAccount(
                    id=actor.user_id,
                    username=actor.role.value,
                    display_name=actor.display_name,
                    role=actor.role.value,
                    password_hash="-",
                    is_active=True,
                )
            )

    database.run(system, accounts)
    return World(warehouse_id, shelf_a, shelf_b, scrap, supplier, products, clerk, manager)


@pytest.fixture(name="world")
def world_fixture(database: Database, node: NodeIdentity, actor_for: Callable[..., Actor]) -> World:
    return build_world(database, node, actor_for)
