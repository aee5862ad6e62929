"""The visit class the front desk proposes for an arrival (seed 004 §3.2, seed 003 §3.7–3.8)."""

from __future__ import annotations

import dataclasses

import pytest

from lorch_desk.domain.visit_classes import (
    ArrivalFacts,
    VisitClass,
    VisitClassSettings,
    VisitPurpose,
    VisitReason,
    suggest_visit_class,
)

# --- 初诊 -----------------------------------------------------------------------------------


def test_a_stranger_walking_in_to_consult_is_a_first_visit() -> None:
    suggestion = suggest_visit_class(ArrivalFacts(age=32, purpose="consultation"))

    assert suggestion.visit_class is VisitClass.FIRST_VISIT
    assert suggestion.reasons == (VisitReason.FIRST_TIME_AT_CLINIC,)
    assert not suggestion.goes_to_small_rotation


def test_a_stranger_who_comes_to_buy_straight_away_is_a_first_visit() -> None:
    # 第一次到院客户 (成交/未成交): buying on the first day does not change the class.
    suggestion = suggest_visit_class(ArrivalFacts(age=28, purpose="purchase"))

    assert suggestion.visit_class is VisitClass.FIRST_VISIT


def test_consulting_for_the_third_time_without_ever_buying_is_still_a_first_visit() -> None:
    # 到院咨询多次仍未消费者
    facts = ArrivalFacts(age=45, purpose="consultation", has_arrived_before=True)

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.FIRST_VISIT
    assert suggestion.reasons == (VisitReason.CONSULTED_BEFORE_NEVER_BOUGHT,)


def test_asking_for_a_treatment_without_a_course_or_a_purchase_is_a_first_visit() -> None:
    facts = ArrivalFacts(age=30, purpose="treatment_session", has_arrived_before=True)

    assert suggest_visit_class(facts).visit_class is VisitClass.FIRST_VISIT


# --- 再消费 ---------------------------------------------------------------------------------


def test_a_customer_who_bought_before_and_comes_to_buy_is_a_repeat_purchase() -> None:
    facts = ArrivalFacts(
        age=38, purpose="purchase", has_purchased_before=True, has_arrived_before=True
    )

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.REPEAT_PURCHASE
    assert suggestion.reasons == (VisitReason.BOUGHT_BEFORE,)


def test_a_buyer_consulting_about_another_item_is_a_repeat_purchase() -> None:
    # Seed 003 §4.2: 再消费客户 (再咨询其它项目的客户).
    facts = ArrivalFacts(
        age=38, purpose="consultation", has_purchased_before=True, has_open_course=True
    )

    assert suggest_visit_class(facts).visit_class is VisitClass.REPEAT_PURCHASE


def test_a_buyer_asking_for_a_treatment_without_an_open_course_is_a_repeat_purchase() -> None:
    facts = ArrivalFacts(age=38, purpose="treatment_session", has_purchased_before=True)

    assert suggest_visit_class(facts).visit_class is VisitClass.REPEAT_PURCHASE


# --- 复诊 / 复查 ----------------------------------------------------------------------------


def test_the_fourth_session_of_an_acupuncture_course_is_a_revisit() -> None:
    # 同一项目分次治疗者
    facts = ArrivalFacts(
        age=52, purpose="treatment_session", has_open_course=True, has_purchased_before=True
    )

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.REVISIT
    assert suggestion.reasons == (VisitReason.COURSE_SESSION,)


def test_a_session_of_a_gifted_course_is_a_revisit_too() -> None:
    facts = ArrivalFacts(age=52, purpose="treatment_session", has_open_course=True)

    assert suggest_visit_class(facts).visit_class is VisitClass.REVISIT


def test_the_check_a_week_after_an_operation_is_a_revisit() -> None:
    facts = ArrivalFacts(age=29, purpose="recheck", has_purchased_before=True)

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.REVISIT
    assert suggestion.reasons == (VisitReason.POST_OP_RECHECK,)


# --- 其他: gifts (seed 004) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("purpose", "reason"),
    [("clinic_gift", VisitReason.CLINIC_GIFT), ("event_gift", VisitReason.EVENT_GIFT)],
)
def test_a_customer_coming_for_a_gift_is_other_but_not_small_rotation(
    purpose: str, reason: VisitReason
) -> None:
    # 其它客户: 医院特殊赠送者, 活动赠送者 — seed 003 does not send them to the small rotation.
    suggestion = suggest_visit_class(ArrivalFacts(age=40, purpose=purpose))

    assert suggestion.visit_class is VisitClass.OTHER
    assert suggestion.reasons == (reason,)
    assert not suggestion.goes_to_small_rotation


# --- 其他: the small rotation (seed 003 §3.7–3.8) -------------------------------------------


def test_a_16_year_old_without_a_parent_goes_to_the_small_rotation() -> None:
    suggestion = suggest_visit_class(ArrivalFacts(age=16, purpose="consultation"))

    assert suggestion.visit_class is VisitClass.OTHER
    assert suggestion.reasons == (VisitReason.MINOR_WITHOUT_PARENT,)
    assert suggestion.goes_to_small_rotation


def test_a_16_year_old_with_her_mother_is_triaged_normally() -> None:
    facts = ArrivalFacts(age=16, purpose="consultation", accompanied_by_parent=True)

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.FIRST_VISIT
    assert not suggestion.goes_to_small_rotation


@pytest.mark.parametrize(("age", "small"), [(9, False), (10, True), (18, True), (19, False)])
def test_the_minor_rule_covers_ten_to_eighteen_inclusive(age: int, small: bool) -> None:
    # 10岁以上18岁以下: 以上 and 以下 include the number itself.
    suggestion = suggest_visit_class(ArrivalFacts(age=age, purpose="consultation"))

    assert (VisitReason.MINOR_WITHOUT_PARENT in suggestion.reasons) is small


def test_a_customer_who_refuses_to_leave_details_goes_to_the_small_rotation() -> None:
    suggestion = suggest_visit_class(ArrivalFacts(purpose="consultation", refused_details=True))

    assert suggestion.visit_class is VisitClass.OTHER
    assert suggestion.reasons == (VisitReason.REFUSED_DETAILS,)


@pytest.mark.parametrize("department", ["dental", "hair", "Hair "])
def test_a_transfer_from_the_dental_or_hair_department_goes_to_the_small_rotation(
    department: str,
) -> None:
    facts = ArrivalFacts(age=35, purpose="consultation", transferred_from=department)

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.OTHER
    assert suggestion.reasons == (VisitReason.TRANSFERRED_FROM_DEPARTMENT,)


def test_a_transfer_from_dermatology_is_triaged_normally() -> None:
    facts = ArrivalFacts(age=35, purpose="consultation", transferred_from="dermatology")

    assert suggest_visit_class(facts).visit_class is VisitClass.FIRST_VISIT


def test_stitch_removal_goes_to_the_small_rotation_even_for_a_buyer() -> None:
    facts = ArrivalFacts(age=27, purpose="stitch_removal", has_purchased_before=True)

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.OTHER
    assert suggestion.reasons == (VisitReason.STITCH_REMOVAL,)


@pytest.mark.parametrize(("age", "small"), [(70, False), (71, True), (85, True)])
def test_customers_over_seventy_go_to_the_small_rotation(age: int, small: bool) -> None:
    # 年龄超过70岁: 超过 leaves seventy itself out.
    facts = ArrivalFacts(age=age, purpose="treatment_session", has_open_course=True)

    suggestion = suggest_visit_class(facts)

    assert suggestion.goes_to_small_rotation is small
    assert suggestion.visit_class is (VisitClass.OTHER if small else VisitClass.REVISIT)


def test_a_customer_with_known_depression_goes_to_the_small_rotation() -> None:
    facts = ArrivalFacts(age=41, purpose="consultation", known_mental_illness=True)

    suggestion = suggest_visit_class(facts)

    assert suggestion.visit_class is VisitClass.OTHER
    assert suggestion.reasons == (VisitReason.KNOWN_MENTAL_ILLNESS,)


def test_every_small_rotation_case_an_arrival_meets_is_listed_in_the_seeds_order() -> None:
    facts = ArrivalFacts(
        age=15,
        purpose="stitch_removal",
        refused_details=True,
        transferred_from="hair",
        known_mental_illness=True,
    )

    assert suggest_visit_class(facts).reasons == (
        VisitReason.MINOR_WITHOUT_PARENT,
        VisitReason.REFUSED_DETAILS,
        VisitReason.TRANSFERRED_FROM_DEPARTMENT,
        VisitReason.STITCH_REMOVAL,
        VisitReason.KNOWN_MENTAL_ILLNESS,
    )


def test_an_unknown_age_triggers_no_age_rule() -> None:
    suggestion = suggest_visit_class(ArrivalFacts(age=None, purpose="consultation"))

    assert suggestion.visit_class is VisitClass.FIRST_VISIT


# --- settings and inputs --------------------------------------------------------------------


def test_an_administrator_can_move_the_age_limits_and_the_departments() -> None:
    settings = dataclasses.replace(
        VisitClassSettings(),
        minor_to_age=17,
        over_age_limit=75,
        small_rotation_departments=frozenset({"dental", "ophthalmology"}),
    )

    def small(facts: ArrivalFacts) -> bool:
        return suggest_visit_class(facts, settings).goes_to_small_rotation

    assert not small(ArrivalFacts(age=18, purpose="consultation"))
    assert not small(ArrivalFacts(age=72, purpose="consultation"))
    assert small(ArrivalFacts(age=76, purpose="consultation"))
    assert small(ArrivalFacts(age=30, purpose="consultation", transferred_from="ophthalmology"))
    assert not small(ArrivalFacts(age=30, purpose="consultation", transferred_from="hair"))


def test_the_purpose_is_read_from_plain_text_and_unknown_ones_are_refused() -> None:
    assert ArrivalFacts(purpose="recheck").purpose is VisitPurpose.RECHECK
    with pytest.raises(ValueError):
        ArrivalFacts(purpose="sightseeing")


def test_a_negative_age_is_refused() -> None:
    with pytest.raises(ValueError):
        ArrivalFacts(age=-1, purpose="consultation")


def test_visit_classes_keep_the_values_stored_in_the_database() -> None:
    assert [visit_class.value for visit_class in VisitClass] == [
        "first_visit",
        "revisit",
        "repeat_purchase",
        "other",
    ]
