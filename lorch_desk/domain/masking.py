"""Masking of mobile and ID numbers for roles that do not need them."""

from __future__ import annotations


def mask_mobile(mobile: str | None) -> str:
    """138****5678: keep the first three and the last four digits."""
    if not mobile:
        return ""
    if len(mobile) <= 7:
        return "*" * len(mobile)
    return f"{mobile[:3]}{'*' * (len(mobile) - 7)}{mobile[-4:]}"


def mask_id_number(id_number: str | None) -> str:
    """110105********1234: keep the region code and the last four characters."""
    if not id_number:
        return ""
    if len(id_number) <= 10:
        return "*" * len(id_number)
    return f"{id_number[:6]}{'*' * (len(id_number) - 10)}{id_number[-4:]}"


def mobile_tail(mobile: str | None) -> str:
    """The last four digits, as pickers show beside a name."""
    return mobile[-4:] if mobile else ""
