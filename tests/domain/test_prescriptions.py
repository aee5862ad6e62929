"""TCM totals and allergy matching, without a database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.domain.consultations import check_outcome, conversion_rate
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.prescriptions import (
    HerbLine,
    allergy_matches,
    grams_per_dose_total,
    herb_totals,
)


def test_each_herb_is_weighed_for_every_dose() -> None:
    lines = [HerbLine("黄芪", Decimal("30")), HerbLine("当归", Decimal("12.5"))]
    totals = herb_totals(lines, 7)
    assert [(t.name, t.total_grams) for t in totals] == [
        ("黄芪", Decimal("210")),
        ("当归", Decimal("87.5")),
    ]
    assert grams_per_dose_total(lines) == Decimal("42.5")


def test_a_prescription_has_at_least_one_dose() -> None:
    with pytest.raises(ValueError):
        herb_totals([HerbLine("黄芪", Decimal("30"))], 0)


@pytest.mark.parametrize(
    ("ingredients", "allergens", "allergies", "expected"),
    [
        ("阿莫西林(青霉素类)", "", ["青霉素过敏"], ["青霉素"]),
        ("维生素D3, 大豆油", "大豆", ["对大豆、花生过敏"], ["大豆"]),
        ("黄芪", "", ["青霉素过敏", "海鲜"], []),
        ("Fish oil", "fish", ["fish, shellfish"], ["fish", "shellfish"]),
        ("当归", "", [], []),
    ],
)
def test_allergies_match_ingredients_and_allergens(
    ingredients: str, allergens: str, allergies: list[str], expected: list[str]
) -> None:
    assert (
        allergy_matches(ingredients=ingredients, allergens=allergens, allergies=allergies)
        == expected
    )


def test_not_closed_needs_a_reason_from_the_list() -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_outcome("not_closed", None, "")
    assert refused.value.field == "not_closed_reason"
    with pytest.raises(ValidationFailed):
        check_outcome("not_closed", "because", "")
    with pytest.raises(ValidationFailed) as refused:
        check_outcome("maybe", None, "")
    assert refused.value.field == "outcome"
    assert check_outcome("deal_closed", "price", "")[1] is None


def test_conversion_rate() -> None:
    assert conversion_rate(3, 4) == 0.75
    assert conversion_rate(0, 0) is None
