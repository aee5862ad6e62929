"""Demo data of the till (收银): a few weeks of sales at this node's site — split payments, a
deposit later applied, a course paid ahead and its sessions, a course paid per session, a
stored-value top-up spent, points redeemed, a refund — and two sales earlier today."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import LineKind, PaymentInput, PaymentMethod, price_line
from lorch_desk.domain.clock import clinic_midnight, clinic_time
from lorch_desk.domain.permissions import Role
from lorch_desk.models.customer import Customer
from lorch_desk.models.service_items import ServiceItem
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.demo_consultations import _acting
from lorch_desk.services.membership import checkout_terms
from lorch_desk.services.sales import CheckoutInput, SaleResult, checkout, take_deposit, top_up
from lorch_desk.services.sales_lines import LineInput, resolve_lines
from lorch_desk.services.sales_refunds import refund_sale

CUSTOMERS_SKIPPED = 20  # leave the first files to the front desk's demo day


def seed_demo_cashier(uow: UnitOfWork, *, now: datetime) -> int:
    """Write the till's demo documents at this node's site; returns how many were written."""
    cashier = _user(uow, Role.RECEPTIONIST)
    manager = _user(uow, Role.HQ_ADMIN) or _user(uow, Role.BRANCH_MANAGER)
    items = {
        item.name: item.id
        for item in uow.session.scalars(select(ServiceItem).where(ServiceItem.is_active.is_(True)))
    }
    customers = list(
        uow.session.scalars(
            select(Customer.id)
            .where(Customer.site_id == uow.actor.site_id, Customer.deleted_at.is_(None))
            .where(Customer.merged_into_id.is_(None))
            .order_by(Customer.file_number)
            .offset(CUSTOMERS_SKIPPED)
            .limit(6)
        )
    )
    wanted = ("针灸", "推拿", "艾灸疗程(10次)", "光子嫩肤", "水光针疗程(3次)", "营养咨询")
    if cashier is None or manager is None or len(customers) < 6 or not set(wanted) <= set(items):
        return 0
    till = _Till(_acting(uow, cashier), items, now)
    written = till.sales_on_earlier_days(customers)
    refund = till.sell(customers[5], 7, [("针灸", 1), ("推拿", 1)], PaymentMethod.CASH)
    refund_sale(
        _acting(uow, manager),
        sale_id=refund.sale_id,
        line_ids=[refund.line_ids[1]],
        reason="顾客临时取消一次治疗",
        now=till.on_day(7, 15),
    )
    till.sell(customers[0], 0, [("推拿", 1)], PaymentMethod.ALIPAY, today=0.6)
    till.sell(
        customers[5],
        0,
        [("营养咨询", 1)],
        PaymentMethod.CASH,
        fixed=[(PaymentMethod.POINTS, "2.00")],
        today=0.8,
    )
    return written + 4


class _Till:
    """Rings up sales as the demo's cashier at given days and times."""

    def __init__(self, uow: UnitOfWork, items: dict[str, uuid.UUID], now: datetime) -> None:
        self.uow, self.items, self.now = uow, items, now

    def on_day(self, days_ago: int, hour: int) -> datetime:
        day = clinic_time(self.now).date() - timedelta(days=days_ago)
        return clinic_midnight(day) + timedelta(hours=hour)

    def today(self, share: float) -> datetime:
        """A time earlier today: `share` of the clinic's day so far (never in the future)."""
        midnight = clinic_midnight(clinic_time(self.now).date())
        return midnight + (self.now - midnight) * share

    def sell(
        self,
        customer: uuid.UUID,
        days_ago: int,
        lines: Sequence[tuple[str, int]] | Sequence[LineInput],
        rest: PaymentMethod,
        *,
        fixed: Sequence[tuple[PaymentMethod, str]] = (),
        today: float | None = None,
    ) -> SaleResult:
        """A checkout of the lines: the `fixed` payments first, the `rest` method the remainder."""
        inputs = [line if isinstance(line, LineInput) else self._line(*line) for line in lines]
        payments = [PaymentInput(method, Decimal(amount)) for method, amount in fixed]
        left = self._total(customer, inputs) - sum((p.amount for p in payments), Decimal(0))
        if left > 0:
            payments.append(PaymentInput(rest, left))
        when = self.today(today) if today is not None else self.on_day(days_ago, 10)
        return checkout(self.uow, data=CheckoutInput(customer, inputs, payments), now=when)

    def _line(self, name: str, quantity: int) -> LineInput:
        return LineInput(
            _kind(self.uow, self.items[name]), self.items[name], quantity=Decimal(quantity)
        )

    def sales_on_earlier_days(self, customers: list[uuid.UUID]) -> int:
        first, deposit, stored, per_session, _points, _refund = customers
        self.sell(
            first,
            20,
            [("针灸", 1), ("推拿", 1)],
            PaymentMethod.CASH,
            fixed=[(PaymentMethod.WECHAT, "300.00")],
        )
        self.sell(first, 6, [("针灸", 1)], PaymentMethod.BANK_CARD)
        course = self.items["艾灸疗程(10次)"]
        take_deposit(
            self.uow,
            customer_id=deposit,
            service_item_id=course,
            amount=Decimal("500.00"),
            payments=[PaymentInput(PaymentMethod.CASH, Decimal("500.00"))],
            now=self.on_day(15, 11),
        )
        bought = self.sell(
            deposit,
            12,
            [("艾灸疗程(10次)", 1)],
            PaymentMethod.BANK_CARD,
            fixed=[(PaymentMethod.DEPOSIT, "500.00")],
        )
        session = LineInput(LineKind.COURSE_SESSION, course_line_id=bought.line_ids[0])
        for days_ago in (9, 5, 2):
            self.sell(deposit, days_ago, [session], PaymentMethod.CASH)
        top_up(
            self.uow,
            customer_id=stored,
            amount=Decimal("5000.00"),
            payments=[PaymentInput(PaymentMethod.WECHAT, Decimal("5000.00"))],
            now=self.on_day(10, 14),
        )
        self.sell(stored, 3, [("光子嫩肤", 1)], PaymentMethod.STORED_VALUE)
        water = self.items["水光针疗程(3次)"]
        opened = self.sell(
            per_session,
            8,
            [
                LineInput(LineKind.COURSE, water, pay_per_session=True),
                LineInput(LineKind.COURSE_SESSION, water),
            ],
            PaymentMethod.ALIPAY,
        )
        again = LineInput(LineKind.COURSE_SESSION, course_line_id=opened.line_ids[0])
        self.sell(per_session, 1, [again], PaymentMethod.ALIPAY)
        return 11

    def _total(self, customer: uuid.UUID, lines: Sequence[LineInput]) -> Decimal:
        rate = checkout_terms(self.uow, customer_id=customer).discount_rate
        return sum(
            (
                price_line(p.quantity, p.unit_price, rate).amount
                for p in resolve_lines(self.uow, customer, lines)
            ),
            Decimal(0),
        )


def _kind(uow: UnitOfWork, item_id: uuid.UUID) -> LineKind:
    item = uow.session.get(ServiceItem, item_id)
    return LineKind.COURSE if item is not None and item.sessions_per_course else LineKind.SERVICE


def _user(uow: UnitOfWork, role: Role) -> UserAccount | None:
    return uow.session.scalar(
        select(UserAccount)
        .where(UserAccount.role == role.value, UserAccount.is_active.is_(True))
        .where(UserAccount.site_id == uow.actor.site_id)
        .order_by(UserAccount.username)
        .limit(1)
    )
