"""A clinic for membership tests: customers registered through the service, sales as the
cashier writes them (a sale or a refund with its total), run as any role."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.permissions import Role
from lorch_desk.models.cashier import Sale
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.customers import CustomerInput, register_customer

# A day after the third quarter of 2026 ended: its re-evaluation may run.
AFTER_Q3 = datetime(2026, 10, 8, 10, 0, tzinfo=clinic_time_zone())
AFTER_Q4 = datetime(2027, 1, 6, 10, 0, tzinfo=clinic_time_zone())


@dataclass
class MembershipWorld:
    database: Database
    make_actor: Callable[..., Actor]
    _count: int = 0

    def __post_init__(self) -> None:
        self.manager = self.make_actor(Role.BRANCH_MANAGER, "店长")
        self.admin = self.make_actor(Role.HQ_ADMIN, "孙强")
        self.service = self.make_actor(Role.CUSTOMER_SERVICE, "客服小周")
        self.receptionist = self.make_actor(Role.RECEPTIONIST, "王丽")

    def run(self, actor: Actor, operation: Callable[..., object], /, **kwargs: object):
        result, _ = self.database.run(actor, lambda uow, _progress: operation(uow, **kwargs))
        return result

    def register(
        self, name: str, gender: Gender = Gender.FEMALE, *, sms_consent: bool = False
    ) -> uuid.UUID:
        self._count += 1
        data = CustomerInput(
            name=name,
            gender=gender,
            mobile=f"1392222{self._count:04d}",
            channel="walk_in",
            sms_consent=sms_consent,
        )
        return self.run(self.receptionist, register_customer, data=data).id

    def sell(
        self, customer_id: uuid.UUID, total: str, *, on: date, kind: str = "sale"
    ) -> uuid.UUID:
        """A paid sale (or a refund, with a negative total) as the cashier's service writes it."""
        self._count += 1
        number = f"BJ-{on.year}-S{self._count:06d}"

        def write(uow, _progress):  # noqa: ANN001
            cashier = uow.session.scalar(
                select(UserAccount.id).where(UserAccount.username == "admin")
            )
            amount = Decimal(total)
            sale = Sale(
                number=number,
                kind=kind,
                customer_id=customer_id,
                cashier_id=cashier,
                paid_at=datetime.combine(on, time(11), tzinfo=clinic_time_zone()),
                day=on,
                list_total=amount,
                discount_total=Decimal("0.00"),
                total=amount,
            )
            uow.session.add(sale)
            uow.session.flush()
            return sale.id

        sale_id, _ = self.database.run(self.admin, write)
        return sale_id
