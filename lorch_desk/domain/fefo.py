"""FEFO picking: take the batch that expires first, never an expired one (pure)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Lot:
    """Goods of one batch at one place, as much as lies there."""

    place: Hashable
    batch: str
    expiry: date | None
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class Pick:
    lot: Lot
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class Picking:
    picks: tuple[Pick, ...]
    # What could not be picked from unexpired stock (0 when the whole quantity was found).
    shortfall: Decimal


def is_expired(expiry: date | None, today: date) -> bool:
    """A batch may be used up to and including its expiry date."""
    return expiry is not None and expiry < today


def pick_fefo(lots: Iterable[Lot], quantity: Decimal, *, today: date) -> Picking:
    """Picks for `quantity`, earliest expiry first (batches without expiry last)."""
    usable = sorted(
        (lot for lot in lots if lot.quantity > 0 and not is_expired(lot.expiry, today)),
        key=lambda lot: (lot.expiry is None, lot.expiry or date.max, lot.batch, str(lot.place)),
    )
    picks: list[Pick] = []
    remaining = quantity
    for lot in usable:
        if remaining <= 0:
            break
        take = min(lot.quantity, remaining)
        picks.append(Pick(lot, take))
        remaining -= take
    return Picking(tuple(picks), max(remaining, Decimal(0)))


def near_expiry(expiry: date | None, today: date, warning_days: int) -> bool:
    """The batch expires within the product's warning window (or already has)."""
    return expiry is not None and (expiry - today).days <= warning_days
