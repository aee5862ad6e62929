"""New, returning and potential customers by seed 004 §2, every case the definitions list."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lorch_desk.domain.customer_classes import (
    CustomerClass,
    CustomerClassReason,
    Purchase,
    Visit,
    classify_customer,
)
from lorch_desk.domain.visit_classes import VisitClass

MARCH_3 = date(2026, 3, 3)
MARCH_10 = date(2026, 3, 10)
APRIL_2 = date(2026, 4, 2)


def paid(
    on: date,
    checkout: str,
    item: str,
    amount: str = "1000",
    *,
    deposit: bool = False,
    course: str | None = None,
    course_session: bool = False,
) -> Purchase:
    return Purchase(
        paid_on=on,
        session_id=checkout,
        item=item,
        amount=Decimal(amount),
        is_deposit=deposit,
        course_id=course,
        is_course_session=course_session,
    )


# --- 2.1 新客户: 初次消费客户 -------------------------------------------------------------


def test_one_item_bought_once_makes_a_new_customer() -> None:
    result = classify_customer([paid(MARCH_3, "R-001", "photorejuvenation")], [], 0)

    assert result.customer_class is CustomerClass.NEW
    assert result.reason is CustomerClassReason.ONE_PURCHASE
    assert result.first_purchase_on == MARCH_3
    assert result.became_returning_on is None


def test_several_items_in_one_checkout_are_one_first_purchase() -> None:
    # 一次性消费一个或多个项目者
    checkout = [
        paid(MARCH_3, "R-001", "hyaluronic_acid"),
        paid(MARCH_3, "R-001", "botox"),
        paid(MARCH_3, "R-001", "vitamin_c_drip"),
    ]

    assert classify_customer(checkout, [], 0).customer_class is CustomerClass.NEW


def test_one_item_on_several_body_areas_in_one_checkout_is_new() -> None:
    # 一次性消费一个项目多个部位者: forehead, crow's feet and frown lines on one receipt.
    checkout = [
        paid(MARCH_3, "R-001", "botox", "1800"),
        paid(MARCH_3, "R-001", "botox", "1200"),
        paid(MARCH_3, "R-001", "botox", "1200"),
    ]

    assert classify_customer(checkout, [], 0).customer_class is CustomerClass.NEW


def test_several_courses_of_one_item_bought_at_once_is_new() -> None:
    # 一次性消费一个项目多个疗程者
    checkout = [
        paid(MARCH_3, "R-001", "acupuncture", "3000", course="C-1"),
        paid(MARCH_3, "R-001", "acupuncture", "3000", course="C-2"),
    ]

    assert classify_customer(checkout, [], 0).customer_class is CustomerClass.NEW


def test_a_deposit_then_coming_back_to_pay_for_the_treatment_is_still_new() -> None:
    # 初次消费先交定金后续来院交费治疗者
    history = [
        paid(MARCH_3, "R-001", "double_eyelid", "2000", deposit=True),
        paid(MARCH_10, "R-007", "double_eyelid", "12000"),
    ]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.NEW
    assert result.reason is CustomerClassReason.DEPOSIT_THEN_PAYMENT
    assert result.first_purchase_on == MARCH_3


def test_a_deposit_for_a_course_settled_by_its_first_session_is_new() -> None:
    history = [
        paid(MARCH_3, "R-001", "moxibustion", "500", deposit=True, course="C-9"),
        paid(MARCH_10, "R-007", "moxibustion", "800", course="C-9", course_session=True),
    ]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.NEW
    assert result.reason is CustomerClassReason.DEPOSIT_THEN_PAYMENT


def test_a_deposit_paid_and_settled_on_the_same_day_is_one_purchase() -> None:
    history = [
        paid(MARCH_3, "R-002", "double_eyelid", "12000"),
        paid(MARCH_3, "R-001", "double_eyelid", "2000", deposit=True),
    ]

    assert classify_customer(history, [], 0).customer_class is CustomerClass.NEW


def test_a_deposit_alone_already_makes_a_new_customer() -> None:
    history = [paid(MARCH_3, "R-001", "double_eyelid", "2000", deposit=True)]

    result = classify_customer(history, [], 1)

    assert result.customer_class is CustomerClass.NEW
    assert result.reason is CustomerClassReason.DEPOSIT_ONLY


def test_after_a_deposit_is_settled_the_next_purchase_makes_a_returning_customer() -> None:
    history = [
        paid(MARCH_3, "R-001", "double_eyelid", "2000", deposit=True),
        paid(MARCH_10, "R-007", "double_eyelid", "12000"),
        paid(APRIL_2, "R-019", "double_eyelid", "3000"),
    ]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.RETURNING
    assert result.became_returning_on == APRIL_2


def test_a_deposit_for_one_item_and_a_later_purchase_of_another_make_a_returning_customer() -> None:
    # Only the payment for what the deposit reserved completes the first purchase.
    history = [
        paid(MARCH_3, "R-001", "double_eyelid", "2000", deposit=True),
        paid(MARCH_10, "R-007", "vitamin_c_drip", "800"),
    ]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.RETURNING
    assert result.reason is CustomerClassReason.PURCHASES_ON_DIFFERENT_DATES


def test_consulting_several_times_before_the_first_purchase_stays_new() -> None:
    # The seed's very point: 咨询多次后初次消费客户 must not end up as returning.
    visits = [
        Visit(date(2026, 2, 1), VisitClass.FIRST_VISIT),
        Visit(date(2026, 2, 15), VisitClass.FIRST_VISIT),
        Visit(MARCH_3, VisitClass.FIRST_VISIT),
    ]

    result = classify_customer([paid(MARCH_3, "R-001", "thermage")], visits, 4)

    assert result.customer_class is CustomerClass.NEW


def test_revisits_and_rechecks_after_the_first_purchase_keep_the_customer_new() -> None:
    # 杜绝了手术后复查、复诊 ... 都归结到老客户的混乱情况
    visits = [
        Visit(MARCH_3, VisitClass.FIRST_VISIT),
        Visit(MARCH_10, VisitClass.REVISIT),
        Visit(APRIL_2, VisitClass.REVISIT),
        Visit(date(2026, 5, 2), VisitClass.OTHER),
    ]

    result = classify_customer([paid(MARCH_3, "R-001", "rhinoplasty", "30000")], visits, 0)

    assert result.customer_class is CustomerClass.NEW
    assert result.reason is CustomerClassReason.ONE_PURCHASE


def test_a_course_paid_up_front_and_treated_over_many_visits_stays_new() -> None:
    history = [paid(MARCH_3, "R-001", "acupuncture", "6000", course="C-1")]
    visits = [Visit(MARCH_3, VisitClass.FIRST_VISIT)] + [
        Visit(date(2026, 3, day), VisitClass.REVISIT) for day in (10, 17, 24, 31)
    ]

    assert classify_customer(history, visits, 0).customer_class is CustomerClass.NEW


def test_a_gift_from_the_clinic_is_not_a_purchase() -> None:
    history = [paid(MARCH_3, "R-001", "skin_test", "0")]
    visits = [Visit(MARCH_3, VisitClass.OTHER)]

    result = classify_customer(history, visits, 0)

    assert result.customer_class is CustomerClass.POTENTIAL
    assert result.reason is CustomerClassReason.ARRIVED_WITHOUT_PURCHASE


def test_a_free_gift_on_another_day_does_not_make_a_buyer_returning() -> None:
    history = [
        paid(MARCH_3, "R-001", "botox"),
        paid(MARCH_10, "R-007", "birthday_facial", "0"),
    ]

    assert classify_customer(history, [], 0).customer_class is CustomerClass.NEW


# --- 2.2 老客户: 再次消费客户 -------------------------------------------------------------


def test_two_items_bought_on_different_dates_make_a_returning_customer() -> None:
    # 不同日期消费两个项目以上者
    history = [paid(MARCH_3, "R-001", "botox"), paid(MARCH_10, "R-007", "vitamin_c_drip")]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.RETURNING
    assert result.reason is CustomerClassReason.PURCHASES_ON_DIFFERENT_DATES
    assert result.first_purchase_on == MARCH_3
    assert result.became_returning_on == MARCH_10


def test_the_same_item_bought_twice_on_different_dates_makes_a_returning_customer() -> None:
    # 不同日期消费同一个项目两次以上者
    history = [paid(MARCH_3, "R-001", "botox"), paid(APRIL_2, "R-019", "botox")]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.RETURNING
    assert result.reason is CustomerClassReason.SAME_ITEM_ON_DIFFERENT_DATES


def test_two_separate_checkouts_on_one_day_make_a_returning_customer() -> None:
    # 同一日期不同时间消费者: bought a facial in the morning, came back to buy a drip at five.
    history = [paid(MARCH_3, "R-001", "facial"), paid(MARCH_3, "R-004", "vitamin_c_drip")]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.RETURNING
    assert result.reason is CustomerClassReason.SEPARATE_PURCHASES_ON_ONE_DATE
    assert result.became_returning_on == MARCH_3


def test_paying_a_course_session_by_session_makes_a_returning_customer() -> None:
    # 消费疗程内分次来院交费治疗者
    history = [
        paid(MARCH_3, "R-001", "acupuncture", "600", course="C-1", course_session=True),
        paid(MARCH_10, "R-007", "acupuncture", "600", course="C-1", course_session=True),
    ]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.RETURNING
    assert result.reason is CustomerClassReason.COURSE_PAID_PER_SESSION


def test_the_first_session_payment_of_a_course_alone_is_still_new() -> None:
    history = [paid(MARCH_3, "R-001", "acupuncture", "600", course="C-1", course_session=True)]

    assert classify_customer(history, [], 0).customer_class is CustomerClass.NEW


def test_a_course_session_of_a_course_without_an_id_is_matched_by_its_item() -> None:
    history = [
        paid(MARCH_3, "R-001", "cupping", "300", course_session=True),
        paid(MARCH_10, "R-007", "cupping", "300", course_session=True),
    ]

    result = classify_customer(history, [], 0)

    assert result.reason is CustomerClassReason.COURSE_PAID_PER_SESSION


def test_the_order_of_the_history_does_not_change_the_class() -> None:
    history = [paid(MARCH_10, "R-007", "vitamin_c_drip"), paid(MARCH_3, "R-001", "botox")]

    result = classify_customer(history, [], 0)

    assert result.customer_class is CustomerClass.RETURNING
    assert result.first_purchase_on == MARCH_3
    assert result.became_returning_on == MARCH_10


_checkout_days = {"R-001": MARCH_3, "R-002": MARCH_3, "R-003": MARCH_10, "R-004": APRIL_2}
_history_line = st.builds(
    lambda checkout, item, amount, deposit, course, course_session: paid(
        _checkout_days[checkout],
        checkout,
        item,
        amount,
        deposit=deposit,
        course=course,
        course_session=course_session,
    ),
    st.sampled_from(sorted(_checkout_days)),
    st.sampled_from(["botox", "acupuncture"]),
    st.sampled_from(["0", "300", "2000"]),
    st.booleans(),
    st.sampled_from([None, "C-1", "C-2"]),
    st.booleans(),
)


@given(st.lists(_history_line, max_size=7), st.randoms(use_true_random=False))
def test_the_order_the_cashier_history_arrives_in_never_changes_the_result(
    history: list[Purchase], shuffler: random.Random
) -> None:
    shuffled = history[:]
    shuffler.shuffle(shuffled)

    assert classify_customer(shuffled, [], 0) == classify_customer(history, [], 0)


# --- 2.3 潜在客户: 咨询未消费客户 ---------------------------------------------------------


def test_an_inquiry_without_arriving_makes_a_potential_customer() -> None:
    # 客户咨询后未到院者
    result = classify_customer([], [], 2)

    assert result.customer_class is CustomerClass.POTENTIAL
    assert result.reason is CustomerClassReason.INQUIRY_WITHOUT_ARRIVAL
    assert result.first_purchase_on is None


def test_arriving_and_consulting_without_buying_makes_a_potential_customer() -> None:
    # 客户到院咨询未消费者
    visits = [Visit(MARCH_3, VisitClass.FIRST_VISIT), Visit(MARCH_10, VisitClass.FIRST_VISIT)]

    result = classify_customer([], visits, 1)

    assert result.customer_class is CustomerClass.POTENTIAL
    assert result.reason is CustomerClassReason.ARRIVED_WITHOUT_PURCHASE


def test_a_customer_file_without_any_contact_counts_as_potential() -> None:
    # The seed has three classes only; someone in the registry who never bought is potential.
    result = classify_customer([], [], 0)

    assert result.customer_class is CustomerClass.POTENTIAL
    assert result.reason is CustomerClassReason.NO_CONTACT_RECORDED


def test_a_negative_inquiry_count_is_a_bug() -> None:
    with pytest.raises(ValueError):
        classify_customer([], [], -1)
