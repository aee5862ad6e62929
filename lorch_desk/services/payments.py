"""Payments and the customer's balances: points, stored value and deposits, all from ledgers.

Every payment is a `Payment` row; a payment by stored value is also a `StoredValueEntry`, one
by points a `PointsEntry`. Balances are sums of those rows, never stored. Checks come before any
write, so a refused payment leaves nothing behind.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import PaymentMethod, SaleKind, points_for
from lorch_desk.domain.errors import (
    InsufficientDeposit,
    InsufficientPoints,
    InsufficientStoredValue,
)
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, StoredValueEntry


@dataclass(frozen=True, slots=True)
class Balances:
    """What a customer holds with the clinic."""

    points: int
    stored_value: Decimal
    deposit: Decimal


def points_balance(uow: UnitOfWork, customer_id: uuid.UUID) -> int:
    return int(
        uow.session.scalar(
            select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
                PointsEntry.customer_id == customer_id
            )
        )
        or 0
    )


def stored_value_balance(uow: UnitOfWork, customer_id: uuid.UUID) -> Decimal:
    total = uow.session.scalar(
        select(func.sum(StoredValueEntry.amount)).where(StoredValueEntry.customer_id == customer_id)
    )
    return Decimal(total or 0).quantize(Decimal("0.01"))


def deposit_balance(uow: UnitOfWork, customer_id: uuid.UUID) -> Decimal:
    """Deposits paid (less deposits refunded) less what deposits have paid for."""
    kinds = (SaleKind.DEPOSIT.value, SaleKind.DEPOSIT_REFUND.value)
    paid_in = uow.session.scalar(
        select(func.sum(Sale.total)).where(Sale.customer_id == customer_id, Sale.kind.in_(kinds))
    )
    used = uow.session.scalar(
        select(func.sum(Payment.amount)).where(
            Payment.customer_id == customer_id, Payment.method == PaymentMethod.DEPOSIT.value
        )
    )
    return (Decimal(paid_in or 0) - Decimal(used or 0)).quantize(Decimal("0.01"))


def balances(uow: UnitOfWork, customer_id: uuid.UUID) -> Balances:
    """The customer's points, stored value and unused deposits."""
    return Balances(
        points_balance(uow, customer_id),
        stored_value_balance(uow, customer_id),
        deposit_balance(uow, customer_id),
    )


def check_balances(
    uow: UnitOfWork, customer_id: uuid.UUID, by_method: Mapping[PaymentMethod, Decimal]
) -> None:
    """Refuse charges above the points, stored value or deposit the customer holds."""
    if PaymentMethod.POINTS in by_method:
        held = points_balance(uow, customer_id)
        asked = points_for(by_method[PaymentMethod.POINTS])
        if asked > held:
            raise InsufficientPoints(method="points", balance=str(held), asked=str(asked))
    for method, balance_of, refusal in (
        (PaymentMethod.STORED_VALUE, stored_value_balance, InsufficientStoredValue),
        (PaymentMethod.DEPOSIT, deposit_balance, InsufficientDeposit),
    ):
        if method in by_method:
            held_amount = balance_of(uow, customer_id)
            if by_method[method] > held_amount:
                raise refusal(
                    method=method.value, balance=str(held_amount), asked=str(by_method[method])
                )


def post_payments(
    uow: UnitOfWork,
    sale: Sale,
    by_method: Mapping[PaymentMethod, Decimal],
    *,
    sign: int,
    references: Mapping[PaymentMethod, str] | None = None,
) -> None:
    """Write one payment per method (negative when `sign` is -1: paid back) and the stored-value
    and points entries they move. The caller has checked the amounts and balances."""
    references = references or {}
    for method, amount in by_method.items():
        signed = amount * sign
        uow.session.add(
            Payment(
                sale_id=sale.id,
                customer_id=sale.customer_id,
                cashier_id=sale.cashier_id,
                method=method.value,
                amount=signed,
                paid_at=sale.paid_at,
                reference=references.get(method, "")[:60],
            )
        )
        if method is PaymentMethod.STORED_VALUE:
            add_stored_value(uow, sale, -signed, "charge" if sign > 0 else "refund")
        elif method is PaymentMethod.POINTS:
            add_points(
                uow, sale, -sign * points_for(amount), "redeemed" if sign > 0 else "refund_reversal"
            )


def add_stored_value(uow: UnitOfWork, sale: Sale, amount: Decimal, reason: str) -> None:
    uow.session.add(
        StoredValueEntry(
            customer_id=sale.customer_id,
            amount=amount,
            reason=reason,
            sale_id=sale.id,
            recorded_at=sale.paid_at,
            note=sale.number,
        )
    )


def add_points(uow: UnitOfWork, sale: Sale, points: int, reason: str) -> None:
    if points:
        uow.session.add(
            PointsEntry(
                customer_id=sale.customer_id,
                points=points,
                reason=reason,
                sale_id=sale.id,
                recorded_at=sale.paid_at,
                note=sale.number,
            )
        )


def paid_by_method(uow: UnitOfWork, sale_ids: list[uuid.UUID]) -> dict[PaymentMethod, Decimal]:
    """Net paid per method over some sales (a sale and its refunds)."""
    rows = uow.session.execute(
        select(Payment.method, func.sum(Payment.amount))
        .where(Payment.sale_id.in_(sale_ids))
        .group_by(Payment.method)
    )
    return {PaymentMethod(method): Decimal(total or 0) for method, total in rows}
