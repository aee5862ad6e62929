"""呼叫中心 rules: quality scores and call lengths."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.domain.calls import check_duration, check_score, quality_percent
from lorch_desk.domain.errors import ValidationFailed


def test_scores_are_whole_numbers_from_one_to_five() -> None:
    assert check_score(1, "courtesy") == 1 and check_score(5, "courtesy") == 5
    for bad in (0, 6, -1, 2.5, True):
        with pytest.raises(ValidationFailed) as refused:
            check_score(bad, "courtesy")  # type: ignore[arg-type]
        assert refused.value.params == {"rule": "range", "minimum": 1, "maximum": 5}


def test_a_review_is_a_percentage_of_the_best_scores() -> None:
    assert quality_percent([5, 5, 5, 5]) == Decimal("100.0")
    assert quality_percent([4, 3, 5, 4]) == Decimal("80.0")
    assert quality_percent([1, 1, 1, 2]) == Decimal("25.0")


def test_a_call_lasts_zero_seconds_to_four_hours() -> None:
    assert check_duration(0) == 0 and check_duration(4 * 3600) == 4 * 3600
    for bad in (-1, 4 * 3600 + 1):
        with pytest.raises(ValidationFailed):
            check_duration(bad)
