"""Text typed into staff and institution forms: trimmed, within its column, phones as digits."""

from __future__ import annotations

import pytest

from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.models.organisation import Institution
from lorch_desk.models.staff import StaffProfile
from lorch_desk.services.text_rules import check_length, column_text, phone_digits


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("010-6587 1234", "01065871234"),
        ("+86 138 0013 8000", "+8613800138000"),
        ("  ", ""),
        ("110", "110"),
        ("1" * 20, "1" * 20),
    ],
)
def test_a_phone_is_stored_as_its_digits(typed: str, stored: str) -> None:
    assert phone_digits(typed, field="phone", column=StaffProfile.phone) == stored


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("12", "invalid_characters"),
        ("138-abc-2001", "invalid_characters"),
        ("1" * 21, "too_long"),
        ("138+0013", "invalid_characters"),
        ("１３８００１３８０００", "invalid_characters"),
    ],
)
def test_anything_but_3_to_column_length_digits_is_refused(typed: str, rule: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        phone_digits(typed, field="phone", column=StaffProfile.phone)
    assert (refused.value.field, refused.value.params["rule"]) == ("phone", rule)


def test_the_longest_phone_follows_its_column() -> None:
    assert phone_digits("1" * 30, field="phone", column=Institution.phone) == "1" * 30
    with pytest.raises(ValidationFailed):
        phone_digits("1" * 31, field="phone", column=Institution.phone)


def test_column_text_is_trimmed_and_kept_within_its_column() -> None:
    assert column_text("  周建国 ", field="head", column=Institution.head) == "周建国"
    assert column_text("", field="head", column=Institution.head) == ""
    assert column_text("周" * 50, field="head", column=Institution.head) == "周" * 50
    with pytest.raises(ValidationFailed) as refused:
        column_text("周" * 51, field="head", column=Institution.head)
    assert refused.value.params == {"rule": "too_long", "maximum": 50}


def test_a_required_text_of_only_spaces_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        column_text(" \t ", field="name", column=Institution.name, required=True)
    assert (refused.value.field, refused.value.params["rule"]) == ("name", "required")


def test_check_length_allows_exactly_the_maximum() -> None:
    check_length("abc", field="file", maximum=3)
    with pytest.raises(ValidationFailed) as refused:
        check_length("abcd", field="file", maximum=3)
    assert refused.value.field == "file"


def test_a_phone_with_a_plus_must_still_fit_its_column() -> None:
    import pytest

    from lorch_desk.domain.errors import ValidationFailed
    from lorch_desk.models.staff import StaffProfile
    from lorch_desk.services.text_rules import phone_digits

    assert phone_digits("+" + "8" * 19, field="phone", column=StaffProfile.phone) == "+" + "8" * 19
    with pytest.raises(ValidationFailed) as refused:
        phone_digits("+" + "8" * 20, field="phone", column=StaffProfile.phone)
    assert refused.value.params["rule"] == "too_long"
