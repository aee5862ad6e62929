"""Stock moves stored by sync (pulled at a node, pushed to HQ) added to the balance cache.

A move written by `stock_ledger.post_moves` updates the cache itself; a move that arrives
through sync is written with Core statements, so the cache is updated here, in the same
transaction, for the moves that were not stored before (SYNC.md: cached balances are
recomputed when rows are integrated).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from lorch_desk.models.stock import StockMove
from lorch_desk.services.stock_ledger import upsert_balances

_moves = StockMove.__table__
_CHUNK = 500  # ids per IN list: well below SQLite's parameter limit


def stored_move_ids(connection: Connection, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of `ids` are stock moves this database holds."""
    wanted = list(ids)
    found: set[uuid.UUID] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(connection.scalars(select(_moves.c.id).where(_moves.c.id.in_(chunk))))
    return found


def add_to_balances(connection: Connection, moves: Iterable[dict[str, Any]]) -> None:
    """Add each new move (a row's values) to the balances of both its locations."""
    deltas: dict[tuple[Any, Any, str], Decimal] = {}
    expiries: dict[tuple[Any, Any, str], Any] = {}
    for move in moves:
        for location, sign in ((move["from_location_id"], -1), (move["to_location_id"], 1)):
            key = (move["product_id"], location, move.get("batch") or "")
            deltas[key] = deltas.get(key, Decimal(0)) + sign * Decimal(move["quantity"])
            expiries.setdefault(key, move.get("expiry"))
    upsert_balances(connection, deltas, expiries)
