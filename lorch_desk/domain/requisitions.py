"""Branch requisitions and shipment receipts: the order of the steps and the discrepancy split.

A requisition is requested by a branch, approved (or rejected) by headquarters, shipped
(goods in the branch's transit location) and received by the branch, each step once.

At receipt the branch's transit always settles to zero for the shipment (SYNC.md: "transit
settles"): what arrived sound goes to the store, what arrived damaged goes to scrap, what did
not arrive goes to the branch's adjustment (loss) location, and goods that arrived beyond what
was shipped come from that adjustment location; the receipt line keeps every figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from lorch_desk.domain.errors import RequisitionOutOfOrder

ZERO = Decimal(0)


class RequisitionState(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    SHIPPED = "shipped"
    RECEIVED = "received"


class RequisitionStep(StrEnum):
    DECIDE = "decide"
    SHIP = "ship"
    RECEIVE = "receive"


# The state each step needs.
_NEEDS = {
    RequisitionStep.DECIDE: RequisitionState.REQUESTED,
    RequisitionStep.SHIP: RequisitionState.APPROVED,
    RequisitionStep.RECEIVE: RequisitionState.SHIPPED,
}
OPEN_STATES = frozenset({RequisitionState.REQUESTED, RequisitionState.APPROVED})


def requisition_state(*, approved: bool | None, shipped: bool, received: bool) -> RequisitionState:
    """The state from what exists: the decision (None: none yet), the shipment, the receipt."""
    if received:
        return RequisitionState.RECEIVED
    if shipped:
        return RequisitionState.SHIPPED
    if approved is None:
        return RequisitionState.REQUESTED
    return RequisitionState.APPROVED if approved else RequisitionState.REJECTED


def check_step(number: str, state: RequisitionState, step: RequisitionStep) -> None:
    """Refuse a step the requisition is not ready for (or has already taken)."""
    if state is not _NEEDS[step]:
        raise RequisitionOutOfOrder(number=number, state=state.value, step=step.value)


@dataclass(frozen=True, slots=True)
class ReceiptSplit:
    """Where the goods of one shipped line go when the branch receives it."""

    to_store: Decimal  # transit -> store
    to_scrap: Decimal  # transit -> scrap (arrived damaged)
    to_loss: Decimal  # transit -> adjustment (did not arrive)
    extra: Decimal  # adjustment -> store (arrived beyond what was shipped)


def split_receipt(shipped: Decimal, received: Decimal, damaged: Decimal) -> ReceiptSplit:
    """Split a line: `received` counts damaged goods too; damaged <= min(received, shipped).

    The moves out of transit always add up to `shipped`.
    """
    if received < ZERO or damaged < ZERO or damaged > min(received, shipped):
        raise ValueError("damaged must lie between 0 and min(received, shipped)")
    arrived = min(received, shipped)
    return ReceiptSplit(
        to_store=arrived - damaged,
        to_scrap=damaged,
        to_loss=shipped - arrived,
        extra=received - arrived,
    )
