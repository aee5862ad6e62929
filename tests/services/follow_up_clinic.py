"""A clinic for follow-up and survey tests: a consultant, a health manager, items, sales."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.models.cashier import Sale, SaleLine
from lorch_desk.services.service_items import ServiceItemInput, add_service_item
from tests.services.consultant_clinic import ConsultantClinic


class FollowUpClinic(ConsultantClinic):
    """The consultant's clinic plus a customer-service agent and a medical-aesthetics item."""

    def __init__(self, database: Database, make_actor: Callable[..., Actor]) -> None:
        super().__init__(database, make_actor)
        self.consultant = self.hire("王芳")
        self.agent = self.hire("陈客服", Role.CUSTOMER_SERVICE)
        self.stock_catalogue()
        self.services["光子嫩肤"] = self.run(
            self.admin,
            add_service_item,
            data=ServiceItemInput("S101", "光子嫩肤", "医学美容", Decimal("2980.00")),
        ).id

    def sell(
        self,
        customer_id: uuid.UUID,
        item: str,
        day: date,
        paid_at: datetime,
        *,
        total: str = "2980.00",
        kind: str = "sale",
    ) -> uuid.UUID:
        """A paid sale of one service item, written as the cashier's service will write it."""
        sale_id = new_id()

        def write(uow, _progress):  # noqa: ANN001, ANN202
            amount = Decimal(total)
            uow.session.add(
                Sale(
                    id=sale_id,
                    number=f"BJ-2026-{sale_id.hex[-6:]}",
                    kind=kind,
                    customer_id=customer_id,
                    cashier_id=self.consultant.user_id,
                    consultant_id=self.consultant.user_id,
                    paid_at=paid_at,
                    day=day,
                    list_total=amount,
                    discount_total=Decimal("0.00"),
                    total=amount,
                )
            )
            uow.session.flush()
            uow.session.add(
                SaleLine(
                    sale_id=sale_id,
                    line_no=1,
                    kind="service",
                    service_item_id=self.services[item],
                    name=item,
                    quantity=Decimal(1),
                    unit_price=amount,
                    amount=amount,
                )
            )

        self.database.run(self.admin, write)
        return sale_id
