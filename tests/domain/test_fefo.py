"""FEFO picking and the count variance, without a database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from lorch_desk.domain.fefo import Lot, is_expired, near_expiry, pick_fefo
from lorch_desk.domain.stock_count import Variance, balance_at_snapshot

TODAY = date(2026, 11, 23)


def test_the_earliest_expiry_goes_first_and_expired_batches_never() -> None:
    lots = [
        Lot("A", "LATE", date(2027, 6, 1), Decimal(5)),
        Lot("A", "GONE", date(2026, 11, 22), Decimal(50)),
        Lot("B", "SOON", date(2026, 12, 1), Decimal(2)),
        Lot("A", "NONE", None, Decimal(9)),
    ]
    picking = pick_fefo(lots, Decimal(10), today=TODAY)
    assert [(p.lot.batch, p.quantity) for p in picking.picks] == [
        ("SOON", 2),
        ("LATE", 5),
        ("NONE", 3),
    ]
    assert picking.shortfall == 0
    assert pick_fefo(lots, Decimal(20), today=TODAY).shortfall == Decimal(4)


def test_a_batch_is_usable_on_its_expiry_day_and_warned_about_within_the_window() -> None:
    assert not is_expired(TODAY, TODAY)
    assert is_expired(date(2026, 11, 22), TODAY)
    assert near_expiry(date(2027, 1, 1), TODAY, 90)
    assert not near_expiry(date(2027, 6, 1), TODAY, 90)
    assert not near_expiry(None, TODAY, 90)


@given(
    quantities=st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=6),
    wanted=st.integers(min_value=1, max_value=200),
)
def test_picks_never_exceed_a_lot_and_add_up_to_the_quantity_less_the_shortfall(
    quantities: list[int], wanted: int
) -> None:
    lots = [Lot("A", f"B{i}", date(2027, 1, 1 + i), Decimal(q)) for i, q in enumerate(quantities)]
    picking = pick_fefo(lots, Decimal(wanted), today=TODAY)
    assert all(0 < p.quantity <= p.lot.quantity for p in picking.picks)
    assert sum(p.quantity for p in picking.picks) + picking.shortfall == wanted


def test_the_variance_compares_the_count_with_the_balance_as_of_the_snapshot() -> None:
    # 10 at the snapshot, 3 sold since (today's balance 7), 9 counted: one missing.
    system = balance_at_snapshot(Decimal(7), Decimal(-3))
    variance = Variance(system, Decimal(9), Decimal("35.00"))
    assert (variance.system, variance.quantity, variance.value) == (10, -1, Decimal("-35.00"))
