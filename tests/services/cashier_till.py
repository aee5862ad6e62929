"""A till for the cashier's tests: a clinic with a cashier, a manager, tiers, items, a customer."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.cashier import LineKind, PaymentInput, PaymentMethod
from lorch_desk.domain.permissions import Role
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, SaleLine, StoredValueEntry
from lorch_desk.models.membership import MemberTier, TierChange
from lorch_desk.services import payments, sales, sales_refunds
from lorch_desk.services.sales_lines import LineInput
from tests.services.consultant_clinic import ConsultantClinic, at

LEDGERS = (Sale, SaleLine, Payment, StoredValueEntry, PointsEntry)


def cash(amount: str) -> PaymentInput:
    return PaymentInput(PaymentMethod.CASH, Decimal(amount))


def pay(method: PaymentMethod, amount: str) -> PaymentInput:
    return PaymentInput(method, Decimal(amount))


@dataclass
class Till:
    clinic: ConsultantClinic
    cashier: Actor
    manager: Actor
    customer_id: uuid.UUID

    @property
    def database(self) -> Database:
        return self.clinic.database

    def item(self, name: str) -> uuid.UUID:
        return self.clinic.services[name]

    def service(self, name: str, **values: object) -> LineInput:
        return LineInput(LineKind.SERVICE, service_item_id=self.item(name), **values)  # type: ignore[arg-type]

    def course(self, name: str = "艾灸疗程", **values: object) -> LineInput:
        return LineInput(LineKind.COURSE, service_item_id=self.item(name), **values)  # type: ignore[arg-type]

    def checkout(
        self,
        *lines: LineInput,
        paid: list[PaymentInput] | None = None,
        when: datetime | None = None,
        customer_id: uuid.UUID | None = None,
        warehouse_id: uuid.UUID | None = None,
    ) -> sales.SaleResult:
        data = sales.CheckoutInput(
            customer_id=customer_id or self.customer_id,
            lines=lines,
            payments=paid or [],
            warehouse_id=warehouse_id,
        )
        return self.clinic.run(self.cashier, sales.checkout, data=data, now=when or at(10, 0))

    def deposit(self, name: str, amount: str, when: datetime | None = None) -> sales.SaleResult:
        return self.clinic.run(
            self.cashier,
            sales.take_deposit,
            customer_id=self.customer_id,
            service_item_id=self.item(name),
            amount=Decimal(amount),
            payments=[cash(amount)],
            now=when or at(9, 0),
        )

    def top_up(self, amount: str, when: datetime | None = None) -> sales.SaleResult:
        return self.clinic.run(
            self.cashier,
            sales.top_up,
            customer_id=self.customer_id,
            amount=Decimal(amount),
            payments=[pay(PaymentMethod.WECHAT, amount)],
            now=when or at(9, 0),
        )

    def refund(self, sale_id: uuid.UUID, **values: object) -> sales.SaleResult:
        values.setdefault("now", at(16, 0))
        return self.clinic.run(self.manager, sales_refunds.refund_sale, sale_id=sale_id, **values)

    def balances(self, customer_id: uuid.UUID | None = None) -> payments.Balances:
        return self.clinic.run(
            self.cashier, payments.balances, customer_id=customer_id or self.customer_id
        )

    def count(self, model: type) -> int:
        with self.database.unit_of_work(self.manager, read_only=True) as uow:
            return uow.session.scalar(select(func.count()).select_from(model)) or 0

    def rows(self, model: type, **where: object) -> list:  # type: ignore[type-arg]
        """The rows of `model` (detached), filtered by column values."""
        with self.database.unit_of_work(self.manager, read_only=True) as uow:
            query = select(model)
            for name, value in where.items():
                query = query.where(getattr(model, name) == value)
            rows = list(uow.session.scalars(query))
            uow.session.expunge_all()
            return rows

    def ledger_counts(self) -> tuple[int, ...]:
        return tuple(self.count(model) for model in LEDGERS)

    def give_tier(self, code: str, customer_id: uuid.UUID | None = None) -> None:
        def change(uow, _progress):  # noqa: ANN001, ANN202
            uow.session.add(
                TierChange(
                    customer_id=customer_id or self.customer_id,
                    from_tier_code="silver",
                    to_tier_code=code,
                    cumulative_spend=Decimal("30000.00"),
                    changed_at=at(8, 0),
                    reason="manual",
                )
            )

        self.database.run(self.manager, change)


TIERS = (
    ("silver", "银卡", 1, "0", "0.00", "1.00"),
    ("platinum", "铂金卡", 2, "20000", "0.05", "1.50"),
    ("premier", "尊享卡", 3, "50000", "0.10", "2.00"),
)


def build_till(database: Database, make_actor: Callable[..., Actor]) -> Till:
    clinic = ConsultantClinic(database, make_actor)
    clinic.stock_catalogue()
    cashier = clinic.hire("前台王芳", Role.RECEPTIONIST)
    manager = clinic.hire("店长赵磊", Role.BRANCH_MANAGER)

    def tiers(uow, _progress):  # noqa: ANN001, ANN202
        """The tiers of these tests, whatever the defaults seeded at start say."""
        for code, name, rank, spend, rate, points in TIERS:
            tier = uow.session.scalar(select(MemberTier).where(MemberTier.code == code))
            if tier is None:
                tier = MemberTier(code=code)
                uow.session.add(tier)
            tier.name, tier.rank, tier.min_spend = name, rank, Decimal(spend)
            tier.discount_rate, tier.points_per_yuan = Decimal(rate), Decimal(points)

    database.run(clinic.admin, tiers)
    return Till(clinic, cashier, manager, clinic.register("李秀英"))


@pytest.fixture(name="till")
def till_fixture(database: Database, actor_for: Callable[..., Actor]) -> Till:
    return build_till(database, actor_for)
