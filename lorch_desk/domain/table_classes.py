"""The classes of SYNC.md that every table belongs to."""

from __future__ import annotations

from enum import StrEnum


class TableClass(StrEnum):
    CENTRAL = "central"
    SITE_DOCUMENT = "site_document"
    LEDGER = "ledger"
    SHARED_MUTABLE = "shared_mutable"
    DERIVED = "derived"
    LOCAL_ONLY = "local_only"

    @property
    def is_replicated(self) -> bool:
        """Rows of this class travel to headquarters and carry the sync columns."""
        return self in {
            TableClass.CENTRAL,
            TableClass.SITE_DOCUMENT,
            TableClass.LEDGER,
            TableClass.SHARED_MUTABLE,
        }
