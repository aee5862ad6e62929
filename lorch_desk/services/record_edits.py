"""Edits of stored records: only values that really change are written."""

from __future__ import annotations

from collections.abc import Mapping


def apply_edits(record: object, values: Mapping[str, object]) -> bool:
    """Set the values that differ from the record's; True if any did.

    Equal values are left alone, so saving an unchanged form writes no audit row.
    """
    changed = False
    for field, value in values.items():
        if getattr(record, field) != value:
            setattr(record, field, value)
            changed = True
    return changed
