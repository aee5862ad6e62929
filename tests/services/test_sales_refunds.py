"""Refunds and voids as reversing sales: money back by the methods it came in, points taken
back, stored value and stock returned; refusals that write nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.cashier import LineKind, PaymentMethod
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import (
    AlreadyRefunded,
    CourseExhausted,
    InsufficientBalance,
    NegativeStock,
    PermissionDenied,
    RefundTooLarge,
)
from lorch_desk.models.cashier import Payment, Sale, SaleLine, StoredValueEntry
from lorch_desk.services import sales_refunds, stock_ledger
from lorch_desk.services.sales_lines import LineInput
from tests.services.cashier_till import Till, build_till, cash, pay, till_fixture  # noqa: F401
from tests.services.consultant_clinic import at
from tests.services.stock_world import World, world_fixture  # noqa: F401


def test_a_void_reverses_every_line_and_payment_and_the_points(till: Till) -> None:
    sold = till.checkout(
        till.service("针灸"),
        till.service("推拿"),
        paid=[cash("200.00"), pay(PaymentMethod.BANK_CARD, "278.00")],
    )
    assert till.balances().points == 478
    refund = till.refund(sold.sale_id, reason="顾客取消")
    assert (refund.kind, refund.total, refund.points_earned) == ("refund", Decimal("-478.00"), -478)
    (original,) = till.rows(Sale, id=sold.sale_id)
    (reversal,) = till.rows(Sale, reverses_sale_id=sold.sale_id)
    assert original.total == Decimal("478.00")  # never edited
    assert (reversal.total, reversal.notes) == (Decimal("-478.00"), "顾客取消")
    lines = till.rows(SaleLine, sale_id=reversal.id)
    assert sorted(line.amount for line in lines) == [Decimal("-280.00"), Decimal("-198.00")]
    assert {line.reverses_line_id for line in lines} == set(sold.line_ids)
    back = {p.method: p.amount for p in till.rows(Payment, sale_id=reversal.id)}
    assert back == {"cash": Decimal("-200.00"), "bank_card": Decimal("-278.00")}
    assert till.balances().points == 0
    with pytest.raises(AlreadyRefunded):
        till.refund(sold.sale_id)


def test_a_partial_refund_pays_back_by_a_chosen_method_never_above_what_it_brought(
    till: Till,
) -> None:
    till.top_up("300.00")
    sold = till.checkout(
        till.service("针灸"),
        till.service("推拿"),
        paid=[pay(PaymentMethod.STORED_VALUE, "300.00"), cash("178.00")],
    )
    before = till.ledger_counts()
    with pytest.raises(RefundTooLarge) as refused:
        till.refund(
            sold.sale_id, line_ids=[sold.line_ids[0]], payouts=[cash("280.00")]
        )  # only 178 came in cash
    assert refused.value.params == {"method": "cash", "left": "178.00"}
    assert till.ledger_counts() == before
    till.refund(
        sold.sale_id,
        line_ids=[sold.line_ids[0]],
        payouts=[pay(PaymentMethod.STORED_VALUE, "280.00")],
    )
    assert till.balances().stored_value == Decimal("280.00")
    assert [e.reason for e in till.rows(StoredValueEntry, reason="refund")] == ["refund"]
    # What is left: 推拿 198, paid back from the 20 of stored value and 178 of cash.
    rest = till.refund(sold.sale_id)
    assert rest.total == Decimal("-198.00")
    with pytest.raises(AlreadyRefunded):
        till.refund(sold.sale_id, line_ids=[sold.line_ids[1]])


def test_only_managers_refund(till: Till) -> None:
    sold = till.checkout(till.service("针灸"), paid=[cash("280.00")])
    with pytest.raises(PermissionDenied):
        till.clinic.run(till.cashier, sales_refunds.refund_sale, sale_id=sold.sale_id)


def test_a_course_with_sessions_taken_is_not_refunded(till: Till) -> None:
    sold = till.checkout(till.course(), paid=[cash("1280.00")])
    till.checkout(LineInput(LineKind.COURSE_SESSION, course_line_id=sold.line_ids[0]))
    with pytest.raises(CourseExhausted):
        till.refund(sold.sale_id)


def test_points_already_redeemed_are_not_taken_back_below_zero(till: Till) -> None:
    sold = till.checkout(till.service("针灸"), paid=[cash("280.00")])
    till.checkout(till.service("推拿"), paid=[pay(PaymentMethod.POINTS, "2.80"), cash("195.20")])
    assert till.balances().points == 195
    refund = till.refund(sold.sale_id)
    assert refund.points_earned == -195
    assert till.balances().points == 0


def test_a_used_deposit_cannot_be_refunded(till: Till) -> None:
    deposit = till.deposit("艾灸疗程", "500.00")
    till.checkout(till.course(), paid=[pay(PaymentMethod.DEPOSIT, "500.00"), cash("780.00")])
    with pytest.raises(InsufficientBalance):
        till.refund(deposit.sale_id)
    fresh = till.deposit("针灸", "100.00")
    assert till.refund(fresh.sale_id).kind == "deposit_refund"
    assert till.balances().deposit == Decimal("0.00")


def test_products_leave_the_shelf_earliest_expiry_first_and_come_back_on_refund(
    database: Database, world: World, actor_for: Callable[..., Actor]
) -> None:
    till = build_till(database, actor_for)
    today = clinic_today()
    world.receive(database, "VC", "3", batch="LATE", expiry=today + timedelta(days=300))
    world.receive(database, "VC", "1", batch="SOON", expiry=today + timedelta(days=30))
    vitamin = LineInput(LineKind.PRODUCT, product_id=world.products["VC"], quantity=Decimal(2))
    with pytest.raises(NegativeStock):
        till.checkout(
            LineInput(LineKind.PRODUCT, product_id=world.products["VC"], quantity=Decimal(5)),
            paid=[cash("495.00")],
            warehouse_id=world.warehouse_id,
        )
    sold = till.checkout(vitamin, paid=[cash("198.00")], warehouse_id=world.warehouse_id)

    def on_shelf() -> dict[str, Decimal]:
        def read(uow, _progress):  # noqa: ANN001, ANN202
            rows = stock_ledger.balances(uow, product_id=world.products["VC"])
            return {row.batch: row.quantity for row in rows}

        return database.run(world.manager, read)[0]

    assert on_shelf() == {"LATE": Decimal("2")}
    till.refund(sold.sale_id, now=at(17, 0))
    assert on_shelf() == {"LATE": Decimal("3"), "SOON": Decimal("1")}


def test_unspent_stored_value_is_paid_back_never_more_than_is_held(till: Till) -> None:
    topped = till.top_up("1000.00")
    till.checkout(till.service("针灸"), paid=[pay(PaymentMethod.STORED_VALUE, "280.00")])
    refund = till.refund(topped.sale_id, reason="顾客退储值")
    assert (refund.kind, refund.total) == ("top_up_refund", Decimal("-720.00"))
    assert till.balances().stored_value == Decimal("0.00")
    back = {p.method: p.amount for p in till.rows(Payment, sale_id=refund.sale_id)}
    assert back == {"wechat": Decimal("-720.00")}
    assert [e.amount for e in till.rows(StoredValueEntry, sale_id=refund.sale_id)] == [
        Decimal("-720.00")
    ]
    with pytest.raises(InsufficientBalance):
        till.refund(topped.sale_id)
    # A top-up is no spend, and neither is its refund.
    assert {s.kind for s in till.rows(Sale)} == {"top_up", "top_up_refund", "sale"}
