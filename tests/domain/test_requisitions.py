"""The order of a requisition's steps and the split of a received line (pure)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lorch_desk.domain.errors import RequisitionOutOfOrder
from lorch_desk.domain.requisitions import (
    RequisitionState,
    RequisitionStep,
    check_step,
    requisition_state,
    split_receipt,
)


def test_the_state_follows_what_exists() -> None:
    assert (
        requisition_state(approved=None, shipped=False, received=False)
        is RequisitionState.REQUESTED
    )
    assert (
        requisition_state(approved=True, shipped=False, received=False) is RequisitionState.APPROVED
    )
    assert (
        requisition_state(approved=False, shipped=False, received=False)
        is RequisitionState.REJECTED
    )
    assert (
        requisition_state(approved=True, shipped=True, received=False) is RequisitionState.SHIPPED
    )
    assert (
        requisition_state(approved=True, shipped=True, received=True) is RequisitionState.RECEIVED
    )


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        (RequisitionState.REQUESTED, RequisitionStep.DECIDE),
        (RequisitionState.APPROVED, RequisitionStep.SHIP),
        (RequisitionState.SHIPPED, RequisitionStep.RECEIVE),
        (RequisitionState.REJECTED, None),
        (RequisitionState.RECEIVED, None),
    ],
)
def test_each_state_allows_one_step(
    state: RequisitionState, allowed: RequisitionStep | None
) -> None:
    for step in RequisitionStep:
        if step is allowed:
            check_step("SH-2026-000001", state, step)
        else:
            with pytest.raises(RequisitionOutOfOrder):
                check_step("SH-2026-000001", state, step)


quantities = st.integers(min_value=0, max_value=50).map(Decimal)


@given(shipped=quantities, received=quantities, data=st.data())
def test_the_moves_out_of_transit_always_add_up_to_what_was_shipped(
    shipped: Decimal, received: Decimal, data: st.DataObject
) -> None:
    damaged = Decimal(data.draw(st.integers(min_value=0, max_value=int(min(shipped, received)))))
    split = split_receipt(shipped, received, damaged)
    assert split.to_store + split.to_scrap + split.to_loss == shipped
    assert split.to_store + split.to_scrap + split.extra == received
    assert min(split.to_store, split.to_scrap, split.to_loss, split.extra) >= 0


def test_more_damaged_than_arrived_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        split_receipt(Decimal(5), Decimal(2), Decimal(3))
