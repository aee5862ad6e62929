"""Rules for what is typed into a form's text fields: trimmed, as long as its column, phones."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import QueryableAttribute

from lorch_desk.domain.errors import ValidationFailed


def check_length(text: str, *, field: str, maximum: int) -> None:
    """Refuse `text` if it has more than `maximum` characters."""
    if len(text) > maximum:
        raise ValidationFailed(field=field, rule="too_long", maximum=maximum)


def column_text(
    value: str, *, field: str, column: QueryableAttribute[Any], required: bool = False
) -> str:
    """The trimmed text, refused if `required` and empty, or longer than its `column` holds."""
    text = value.strip()
    if required and not text:
        raise ValidationFailed(field=field, rule="required")
    maximum = _length(column)
    if maximum is not None:
        check_length(text, field=field, maximum=maximum)
    return text


def phone_digits(value: str, *, field: str, column: QueryableAttribute[Any]) -> str:
    """A phone number as its digits (spaces and dashes dropped, a leading + kept), or "".

    Refused unless it is 3 digits or more and, with its +, fits its `column`.
    """
    phone = "".join(value.replace("-", " ").split())
    if phone and not re.fullmatch(r"\+?[0-9]{3,}", phone):
        raise ValidationFailed(field=field, rule="invalid_characters")
    maximum = _length(column)
    if maximum is not None:
        check_length(phone, field=field, maximum=maximum)
    return phone


def _length(column: QueryableAttribute[Any]) -> int | None:
    return getattr(column.type, "length", None)
