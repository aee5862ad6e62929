"""Stock count (盘点) rules: scopes, the workflow, and the variance compared like with like.

A count is taken as of its snapshot time. Goods keep moving while the clerks count (sales,
receipts); those moves are separate ledger entries. So the variance of a line is

    counted - (ledger balance as of the snapshot)

and posting that difference makes the balance equal to what was counted plus every move since
the snapshot: nothing is counted twice and nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class CountScope(StrEnum):
    WAREHOUSE = "warehouse"
    CATEGORY = "category"
    LOCATION = "location"


class CountStatus(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    POSTED = "posted"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Variance:
    system: Decimal
    counted: Decimal
    unit_cost: Decimal

    @property
    def quantity(self) -> Decimal:
        """Counted minus the balance as of the snapshot: > 0 found, < 0 missing."""
        return self.counted - self.system

    @property
    def value(self) -> Decimal:
        return (self.quantity * self.unit_cost).quantize(Decimal("0.01"))


def balance_at_snapshot(current: Decimal, net_since_snapshot: Decimal) -> Decimal:
    """The ledger balance as of the snapshot, from today's balance and the moves since."""
    return current - net_since_snapshot
