"""Masked mobile and ID numbers for roles that do not need them."""

from __future__ import annotations

import pytest

from lorch_desk.domain.masking import mask_id_number, mask_mobile, mobile_tail


@pytest.mark.parametrize(
    ("mobile", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+8613812345678", "+86*******5678"),
        ("01012345678", "010****5678"),
        ("1381234", "*******"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mobile_keeps_the_first_three_and_last_four_digits(mobile: str | None, masked: str) -> None:
    assert mask_mobile(mobile) == masked


@pytest.mark.parametrize(
    ("id_number", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("440524188001010014", "440524********0014"),
        ("1101051949", "**********"),
        ("", ""),
        (None, ""),
    ],
)
def test_id_number_keeps_the_region_and_last_four_characters(
    id_number: str | None, masked: str
) -> None:
    assert mask_id_number(id_number) == masked


@pytest.mark.parametrize("value", ["13812345678", "11010519491231002X"])
def test_masking_keeps_the_length_and_hides_the_middle(value: str) -> None:
    for masked in (mask_mobile(value), mask_id_number(value)):
        assert len(masked) == len(value)
        assert "*" in masked
        assert value not in masked


def test_mobile_tail_is_the_last_four_digits() -> None:
    assert mobile_tail("13812345678") == "5678"
    assert mobile_tail("") == ""
    assert mobile_tail(None) == ""
