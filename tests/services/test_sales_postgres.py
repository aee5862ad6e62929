"""The till on PostgreSQL: a split checkout with points and stored value, a course session,
a refund; balances from the ledgers, the customer row locked while it pays."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.cashier import LineKind, PaymentMethod
from lorch_desk.domain.errors import InsufficientStoredValue
from lorch_desk.services.customer_class import classify
from lorch_desk.services.sales_lines import LineInput
from tests.services.cashier_till import build_till, cash, pay
from tests.services.consultant_clinic import DAY, at


def test_checkout_and_refund_on_postgresql(pg_database: Database, pg_actor_for) -> None:  # noqa: ANN001
    till = build_till(pg_database, pg_actor_for)
    till.give_tier("platinum")
    till.top_up("1000.00")
    sold = till.checkout(
        till.course(),
        LineInput(LineKind.COURSE_SESSION, service_item_id=till.item("艾灸疗程")),
        till.service("针灸"),
        paid=[pay(PaymentMethod.STORED_VALUE, "1000.00"), cash("482.00")],
    )
    assert sold.total == Decimal("1482.00")  # (1280 + 0 + 280) less 5 %
    held = till.balances()
    assert (held.stored_value, held.points) == (Decimal("0.00"), 2223)
    with pytest.raises(InsufficientStoredValue):
        till.checkout(till.service("推拿"), paid=[pay(PaymentMethod.STORED_VALUE, "188.10")])
    refund = till.refund(sold.sale_id, line_ids=[sold.line_ids[2]])
    assert refund.total == Decimal("-266.00")
    later = LineInput(LineKind.COURSE_SESSION, course_line_id=sold.line_ids[0])
    till.checkout(later, when=at(10, 0, DAY.replace(day=30)))
    found = till.clinic.run(till.cashier, classify, customer_id=till.customer_id)
    assert found.customer_class.value == "new"
