"""Seed 004 §2's customer classes from real sales: every case the definitions list, through the
cashier's services (deposits, several items, course sessions, revisits that must not count)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lorch_desk.domain.cashier import LineKind, PaymentMethod
from lorch_desk.domain.customer_classes import CustomerClass, CustomerClassReason
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.domain.visit_classes import VisitClass, VisitPurpose
from lorch_desk.services import report_catalogue
from lorch_desk.services.arrivals import ArrivalInput, record_arrival
from lorch_desk.services.customer_class import classify, has_purchased_before
from lorch_desk.services.reports import run_report
from lorch_desk.services.sales_lines import LineInput
from tests.services.cashier_till import Till, cash, pay, till_fixture  # noqa: F401
from tests.services.consultant_clinic import at

FIRST = date(2026, 10, 12)
LATER = date(2026, 10, 20)


def _class(till: Till) -> tuple[CustomerClass, CustomerClassReason]:
    found = till.clinic.run(till.cashier, classify, customer_id=till.customer_id)
    return found.customer_class, found.reason


def _arrive(till: Till, day: date, visit_class: VisitClass, purpose: VisitPurpose) -> None:
    when = at(9, 30, day)
    data = ArrivalInput(form_completed_at=when, purpose=purpose, visit_class=visit_class)
    till.clinic.run(
        till.clinic.receptionist,
        record_arrival,
        customer_id=till.customer_id,
        data=data,
        now=when,
    )


def test_a_consultation_without_purchase_is_potential(till: Till) -> None:
    assert _class(till) == (CustomerClass.POTENTIAL, CustomerClassReason.NO_CONTACT_RECORDED)
    _arrive(till, FIRST, VisitClass.FIRST_VISIT, VisitPurpose.CONSULTATION)
    assert _class(till) == (CustomerClass.POTENTIAL, CustomerClassReason.ARRIVED_WITHOUT_PURCHASE)


def test_several_items_in_one_checkout_are_one_purchase(till: Till) -> None:
    till.checkout(
        till.service("针灸"),
        till.service("推拿", quantity=Decimal(2)),
        till.course(),
        paid=[cash("1000.00"), pay(PaymentMethod.ALIPAY, "956.00")],
        when=at(10, 0, FIRST),
    )
    assert _class(till) == (CustomerClass.NEW, CustomerClassReason.ONE_PURCHASE)


def test_a_deposit_then_the_later_payment_is_one_first_purchase(till: Till) -> None:
    till.deposit("艾灸疗程", "300.00", when=at(10, 0, FIRST))
    assert _class(till) == (CustomerClass.NEW, CustomerClassReason.DEPOSIT_ONLY)
    till.checkout(
        till.course(),
        paid=[pay(PaymentMethod.DEPOSIT, "300.00"), cash("980.00")],
        when=at(10, 0, LATER),
    )
    assert _class(till) == (CustomerClass.NEW, CustomerClassReason.DEPOSIT_THEN_PAYMENT)


def test_two_checkouts_on_one_date_make_a_returning_customer(till: Till) -> None:
    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, FIRST))
    till.checkout(till.service("推拿"), paid=[cash("198.00")], when=at(15, 0, FIRST))
    assert _class(till) == (
        CustomerClass.RETURNING,
        CustomerClassReason.SEPARATE_PURCHASES_ON_ONE_DATE,
    )


def test_the_same_item_or_other_items_on_different_dates_make_a_returning_customer(
    till: Till,
) -> None:
    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, FIRST))
    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, LATER))
    assert _class(till)[1] is CustomerClassReason.SAME_ITEM_ON_DIFFERENT_DATES
    other = till.clinic.register("周婷")
    till.checkout(
        till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, FIRST), customer_id=other
    )
    till.checkout(
        till.service("推拿"), paid=[cash("198.00")], when=at(10, 0, LATER), customer_id=other
    )
    found = till.clinic.run(till.cashier, classify, customer_id=other)
    assert (found.customer_class, found.reason) == (
        CustomerClass.RETURNING,
        CustomerClassReason.PURCHASES_ON_DIFFERENT_DATES,
    )
    assert found.became_returning_on == LATER


def test_sessions_of_a_course_paid_per_session_make_a_returning_customer(till: Till) -> None:
    opened = till.checkout(
        till.course(pay_per_session=True),
        LineInput(LineKind.COURSE_SESSION, service_item_id=till.item("艾灸疗程")),
        paid=[cash("128.00")],
        when=at(10, 0, FIRST),
    )
    assert _class(till) == (CustomerClass.NEW, CustomerClassReason.ONE_PURCHASE)
    session = LineInput(LineKind.COURSE_SESSION, course_line_id=opened.line_ids[0])
    till.checkout(session, paid=[cash("128.00")], when=at(10, 0, LATER))
    assert _class(till) == (CustomerClass.RETURNING, CustomerClassReason.COURSE_PAID_PER_SESSION)


def test_sessions_of_a_course_paid_ahead_and_revisits_do_not_count(till: Till) -> None:
    bought = till.checkout(till.course(), paid=[cash("1280.00")], when=at(10, 0, FIRST))
    session = LineInput(LineKind.COURSE_SESSION, course_line_id=bought.line_ids[0])
    till.checkout(session, when=at(10, 0, LATER))
    _arrive(till, LATER, VisitClass.REVISIT, VisitPurpose.RECHECK)
    till.top_up("2000.00", when=at(11, 0, LATER))
    assert _class(till) == (CustomerClass.NEW, CustomerClassReason.ONE_PURCHASE)


def test_a_refunded_purchase_is_no_purchase(till: Till) -> None:
    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, FIRST))
    second = till.checkout(till.service("推拿"), paid=[cash("198.00")], when=at(10, 0, LATER))
    till.refund(second.sale_id, now=at(11, 0, LATER))
    assert _class(till) == (CustomerClass.NEW, CustomerClassReason.ONE_PURCHASE)


def test_has_purchased_before_looks_only_at_earlier_paid_sales(till: Till) -> None:
    def bought_before(day: date) -> bool:
        return till.clinic.run(
            till.cashier,
            has_purchased_before,
            customer_id=till.customer_id,
            before=at(0, 0, day),
        )

    sold = till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, FIRST))
    assert not bought_before(FIRST)
    assert bought_before(LATER)
    till.refund(sold.sale_id, now=at(12, 0, FIRST))
    assert not bought_before(LATER)


def test_an_arrival_after_a_purchase_on_an_earlier_day_is_suggested_as_repeat_purchase(
    till: Till,
) -> None:
    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, FIRST))
    when = at(9, 0, LATER)
    data = ArrivalInput(form_completed_at=when, purpose=VisitPurpose.CONSULTATION)
    detail = till.clinic.run(
        till.clinic.receptionist, record_arrival, customer_id=till.customer_id, data=data, now=when
    )
    assert detail.suggested_visit_class is VisitClass.REPEAT_PURCHASE


def test_the_report_lists_customers_by_class_and_filters_by_it(till: Till) -> None:
    report_catalogue.load_all()
    till.clinic.register("周婷")
    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, FIRST))
    till.checkout(till.service("推拿"), paid=[cash("198.00")], when=at(10, 0, LATER))
    till.deposit("艾灸疗程", "300.00", when=at(10, 0, LATER))
    _arrive(till, FIRST, VisitClass.FIRST_VISIT, VisitPurpose.CONSULTATION)

    def rows(**values: object) -> dict[str, tuple[str, str]]:
        result = till.clinic.run(
            till.manager,
            run_report,
            key="customers.customer_classes",
            values=values,
            progress=SilentProgress(),
        )
        return {r["name"]: (r["customer_class"].zh, r["reason"].zh) for r in result.rows}

    everyone = rows()
    assert everyone["李秀英"] == ("老客户", "不同日期消费多个项目")
    assert everyone["周婷"] == ("潜在客户", "无咨询到院消费记录")
    assert set(rows(customer_class="returning")) == {"李秀英"}
    assert "李秀英" not in rows(customer_class="potential")
