"""The stock ledger: append moves with their balance cache, reverse them, rebuild, verify.

A balance is the sum of moves into a location minus moves out of it, per product batch. The
`stock_balance` table caches that sum and is written in the same transaction as the moves;
`rebuild_balances` recomputes it from the ledger and `balance_mismatches` checks it.

Moves are written with the driver's executemany (`bulk.insert_many`), not ORM objects (a count
posts 10,000 at once), with the cyclic garbage collector paused: the outbox rows go through
`outbox.record_inserts`, the same codec and fields as the flush listener's. A ledger row is
its own audit record (who, when, site, node, document), so moves get no audit row each; the
document that caused them is audited.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    Insert,
    String,
    delete,
    func,
    insert,
    literal,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite

from lorch_desk.db import bulk, outbox
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, MoveDocument
from lorch_desk.domain.errors import NegativeStock, NotFound, StockDocumentState, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress, SilentProgress
from lorch_desk.models.base import new_id, utc_now
from lorch_desk.models.catalogue import Location, Product
from lorch_desk.models.stock import StockBalance, StockMove
from lorch_desk.services.access import require

_CHUNK = 500
_INSERT_CHUNK = 2000  # moves per executemany: progress between them
_moves = StockMove.__table__
_balances = StockBalance.__table__
_HOLDING_KINDS = [kind.value for kind in LocationKind if kind.holds_goods]

BalanceKey = tuple[uuid.UUID, uuid.UUID, str]  # product, location, batch


@dataclass(frozen=True, slots=True, kw_only=True)
class MoveSpec:
    """One move to append: `quantity` (> 0) of a product batch from one location to another."""

    product_id: uuid.UUID
    from_location_id: uuid.UUID
    to_location_id: uuid.UUID
    quantity: Decimal
    batch: str = ""
    expiry: date | None = None
    unit_cost: Decimal = Decimal("0.00")
    reverses_move_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class BalanceRow:
    product_id: uuid.UUID
    location_id: uuid.UUID
    batch: str
    expiry: date | None
    quantity: Decimal


def post_moves(
    uow: UnitOfWork,
    moves: Sequence[MoveSpec],
    *,
    document_type: MoveDocument,
    document_id: uuid.UUID | None,
    moved_at: datetime | None = None,
    progress: Progress | None = None,
) -> list[uuid.UUID]:
    """Append `moves` and update the balance cache; refuse a storage balance below zero.

    Callers check permission for their document; nothing is written when a check fails.
    """
    if not moves:
        return []
    with bulk.collector_paused():
        return _post_moves(uow, moves, document_type, document_id, moved_at, progress)


def _post_moves(
    uow: UnitOfWork,
    moves: Sequence[MoveSpec],
    document_type: MoveDocument,
    document_id: uuid.UUID | None,
    moved_at: datetime | None,
    progress: Progress | None,
) -> list[uuid.UUID]:
    progress = progress or SilentProgress()
    moved_at = moved_at or utc_now()
    for spec in moves:
        if spec.quantity <= 0:
            raise ValidationFailed(field="quantity", rule="positive")
        if spec.from_location_id == spec.to_location_id:
            raise ValidationFailed(field="location", rule="same_location")
    session = uow.session
    session.flush()  # rows the moves refer to, added earlier in this unit of work
    holds_goods = _locations_holding_goods(uow, moves)
    deltas: dict[BalanceKey, Decimal] = {}
    expiries: dict[BalanceKey, date | None] = {}
    for spec in moves:
        for location, sign in ((spec.from_location_id, -1), (spec.to_location_id, 1)):
            key = (spec.product_id, location, spec.batch)
            deltas[key] = deltas.get(key, Decimal(0)) + sign * spec.quantity
            expiries.setdefault(key, spec.expiry)
    # Only a storage balance that goes down can go below zero: read just those.
    falling = [key for key, delta in deltas.items() if delta < 0 and key[1] in holds_goods]
    cached = cached_quantities(uow, falling)
    for key in falling:
        before = cached.get(key, Decimal(0))
        if before + deltas[key] < 0:
            _refuse_negative(uow, key, before, -deltas[key])
    rows = _move_rows(uow, moves, document_type, document_id, moved_at)
    connection = session.connection()
    for start in range(0, len(rows), _INSERT_CHUNK):
        chunk = rows[start : start + _INSERT_CHUNK]
        bulk.insert_many(connection, insert(_moves), chunk)
        # The flush listener never sees a Core insert: the moves' outbox rows, same codec.
        outbox.record_inserts(session, _moves, chunk)
        progress.report(start + len(chunk), len(moves))
    _add_to_balances(uow, deltas, expiries)
    uow.changes.touch(StockMove.__tablename__, StockBalance.__tablename__)
    return [row["id"] for row in rows]


def _move_rows(
    uow: UnitOfWork,
    moves: Sequence[MoveSpec],
    document_type: MoveDocument,
    document_id: uuid.UUID | None,
    moved_at: datetime,
) -> list[dict[str, Any]]:
    """The values of each new move (other columns NULL): a ledger row records who, when,
    where and why itself."""
    actor = uow.actor
    now = utc_now()
    stamps = {
        "site_id": actor.site_id,
        "origin_node_id": actor.node_id,
        "created_at": now,
        "updated_at": now,
        "created_by": actor.user_id,
        "updated_by": actor.user_id,
        "row_version": 1,  # deleted_at and server_seq stay NULL: not sent, not bound
        "document_type": document_type.value,
        "document_id": document_id,
        "moved_at": moved_at,
    }
    return [
        {
            "id": new_id(),
            "product_id": spec.product_id,
            "batch": spec.batch,
            "expiry": spec.expiry,
            "from_location_id": spec.from_location_id,
            "to_location_id": spec.to_location_id,
            "quantity": spec.quantity,
            "unit_cost": spec.unit_cost,
            "reverses_move_id": spec.reverses_move_id,
            **stamps,
        }
        for spec in moves
    ]


def upsert_balances(
    connection: Connection,
    deltas: Mapping[BalanceKey, Decimal],
    expiries: Mapping[BalanceKey, date | None],
) -> None:
    """Add each delta to its cached balance, creating missing ones: one upsert executemany
    (also for moves that arrive by sync, lorch_desk/sync/stock_cache.py)."""
    if not deltas:
        return
    bulk.insert_many(
        connection,
        _balance_upsert(connection.dialect.name),
        [
            {
                "product_id": product_id,
                "location_id": location_id,
                "batch": batch,
                "expiry": expiries[(product_id, location_id, batch)],
                "quantity": delta,
            }
            for (product_id, location_id, batch), delta in deltas.items()
        ],
    )


def _add_to_balances(
    uow: UnitOfWork, deltas: dict[BalanceKey, Decimal], expiries: dict[BalanceKey, date | None]
) -> None:
    upsert_balances(uow.session.connection(), deltas, expiries)
    # ORM copies of balances loaded earlier in this session are now stale.
    for obj in list(uow.session.identity_map.values()):
        if isinstance(obj, StockBalance):
            uow.session.expire(obj)


@functools.cache
def _balance_upsert(dialect: str) -> Insert:
    """INSERT a balance or add to the one there (an expiry, once known, is kept)."""
    statement = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[dialect](_balances)
    return statement.on_conflict_do_update(
        index_elements=[_balances.c.product_id, _balances.c.location_id, _balances.c.batch],
        set_={
            "quantity": _balances.c.quantity + statement.excluded.quantity,
            "expiry": func.coalesce(_balances.c.expiry, statement.excluded.expiry),
        },
    )


def _locations_holding_goods(uow: UnitOfWork, moves: Sequence[MoveSpec]) -> set[uuid.UUID]:
    location_ids = {m.from_location_id for m in moves} | {m.to_location_id for m in moves}
    found = dict(
        uow.session.execute(
            select(Location.id, Location.kind).where(Location.id.in_(location_ids))
        ).all()
    )
    missing = location_ids - found.keys()
    if missing:
        raise NotFound(table="location", id=str(next(iter(missing))))
    return {loc for loc, kind in found.items() if LocationKind(kind).holds_goods}


def cached_quantities(uow: UnitOfWork, keys: Iterable[BalanceKey]) -> dict[BalanceKey, Decimal]:
    """The cached quantity of each key that has a balance row, in a few queries.

    Up to _CHUNK products of a location are looked up by key; more read the location whole
    (one index range), which is much cheaper than many lists of keys.
    """
    wanted = set(keys)
    by_location: dict[uuid.UUID, set[uuid.UUID]] = {}
    for product_id, location_id, _batch in wanted:
        by_location.setdefault(location_id, set()).add(product_id)
    found: dict[BalanceKey, Decimal] = {}
    uow.session.flush()
    connection = uow.session.connection()
    # Product ids are read as the driver stores them and matched to the wanted ones: a whole
    # location is mostly other products, not worth a UUID object each.
    dialect = connection.dialect
    stored_form = _balances.c.product_id.type.dialect_impl(dialect).bind_processor(dialect)
    raw_product = type_coerce(_balances.c.product_id, String)
    columns = (raw_product, _balances.c.batch, _balances.c.quantity)
    for location_id, product_ids in by_location.items():
        ordered = sorted(product_ids)
        by_stored = {stored_form(p) if stored_form else p: p for p in ordered}
        query = select(*columns).where(_balances.c.location_id == location_id)
        if len(ordered) <= _CHUNK:
            query = query.where(_balances.c.product_id.in_(ordered))
        for stored, batch, quantity in connection.execute(query):
            product_id = by_stored.get(stored)
            if product_id is not None and (product_id, location_id, batch) in wanted:
                found[(product_id, location_id, batch)] = quantity
    return found


def _refuse_negative(
    uow: UnitOfWork, key: BalanceKey, available: Decimal, requested: Decimal
) -> None:
    product = uow.session.get(Product, key[0])
    location = uow.session.get(Location, key[1])
    raise NegativeStock(
        product=product.name if product else str(key[0]),
        batch=key[2] or "-",
        location=location.name if location else str(key[1]),
        available=_plain(available),
        requested=_plain(requested),
    )


def _plain(quantity: Decimal) -> str:
    """3.000 -> 3, 2.500 -> 2.5: how a quantity is written in a message."""
    text = f"{quantity:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def reverse_move(uow: UnitOfWork, move_id: uuid.UUID) -> uuid.UUID:
    """Correct a move by a new move the other way; a move is reversed at most once."""
    require(uow.actor, Action.STOCK_CORRECT)
    move = uow.session.get(StockMove, move_id)
    if move is None:
        raise NotFound(table="stock_move", id=str(move_id))
    already = uow.session.scalar(select(StockMove.id).where(StockMove.reverses_move_id == move_id))
    if already is not None or move.reverses_move_id is not None:
        raise StockDocumentState(state="reversed")
    spec = MoveSpec(
        product_id=move.product_id,
        from_location_id=move.to_location_id,
        to_location_id=move.from_location_id,
        quantity=move.quantity,
        batch=move.batch,
        expiry=move.expiry,
        unit_cost=move.unit_cost,
        reverses_move_id=move.id,
    )
    return post_moves(uow, [spec], document_type=MoveDocument.CORRECTION, document_id=move.id)[0]


def balances(
    uow: UnitOfWork,
    *,
    product_id: uuid.UUID | None = None,
    location_ids: Sequence[uuid.UUID] | None = None,
    include_zero: bool = False,
) -> list[BalanceRow]:
    """Cached balances where goods lie (storage, transit), earliest expiry first."""
    query = (
        select(
            StockBalance.product_id,
            StockBalance.location_id,
            StockBalance.batch,
            StockBalance.expiry,
            StockBalance.quantity,
        )
        .join(Location, Location.id == StockBalance.location_id)
        .where(Location.kind.in_(_HOLDING_KINDS))
    )
    if product_id is not None:
        query = query.where(StockBalance.product_id == product_id)
    if location_ids is not None:
        query = query.where(StockBalance.location_id.in_(list(location_ids)))
    if not include_zero:
        query = query.where(StockBalance.quantity != 0)
    result = [BalanceRow(*row) for row in uow.session.execute(query).all()]
    return sorted(result, key=lambda r: (r.expiry is None, r.expiry or date.max, r.batch))


def product_quantity(
    uow: UnitOfWork, product_id: uuid.UUID, location_ids: Sequence[uuid.UUID]
) -> Decimal:
    """How much of a product lies in the given locations (all batches)."""
    total = uow.session.scalar(
        select(func.coalesce(func.sum(StockBalance.quantity), 0)).where(
            StockBalance.product_id == product_id, StockBalance.location_id.in_(list(location_ids))
        )
    )
    return Decimal(total)


def net_moves_after(
    uow: UnitOfWork, location_ids: Sequence[uuid.UUID], after: datetime
) -> dict[BalanceKey, Decimal]:
    """Net quantity moved into each product batch at these locations after `after`."""
    net: dict[BalanceKey, Decimal] = {}
    locations = list(location_ids)
    for column, sign in ((StockMove.to_location_id, 1), (StockMove.from_location_id, -1)):
        rows = uow.session.execute(
            select(StockMove.product_id, column, StockMove.batch, func.sum(StockMove.quantity))
            .where(column.in_(locations), StockMove.moved_at > after)
            .group_by(StockMove.product_id, column, StockMove.batch)
        ).all()
        for product_id, location_id, batch, quantity in rows:
            key = (product_id, location_id, batch)
            net[key] = net.get(key, Decimal(0)) + sign * Decimal(quantity)
    return net


def _ledger_sums():  # noqa: ANN202
    """SELECT product, location, batch, expiry, net quantity over the whole ledger."""
    into = select(
        StockMove.product_id.label("product_id"),
        StockMove.to_location_id.label("location_id"),
        StockMove.batch.label("batch"),
        StockMove.expiry.label("expiry"),
        StockMove.quantity.label("quantity"),
    )
    out = select(
        StockMove.product_id,
        StockMove.from_location_id,
        StockMove.batch,
        StockMove.expiry,
        (literal(0) - StockMove.quantity),
    )
    both = union_all(into, out).subquery()
    return select(
        both.c.product_id,
        both.c.location_id,
        both.c.batch,
        func.max(both.c.expiry),
        func.sum(both.c.quantity),
    ).group_by(both.c.product_id, both.c.location_id, both.c.batch)


def rebuild_balances(uow: UnitOfWork) -> int:
    """Throw the balance cache away and recompute it from the moves; returns rows written."""
    require(uow.actor, Action.STOCK_CORRECT)
    uow.session.execute(delete(StockBalance))
    uow.session.execute(
        insert(StockBalance).from_select(
            ["product_id", "location_id", "batch", "expiry", "quantity"], _ledger_sums()
        )
    )
    uow.changes.touch(StockBalance.__tablename__)
    return uow.session.scalar(select(func.count()).select_from(StockBalance)) or 0


def balance_mismatches(uow: UnitOfWork) -> list[tuple[BalanceKey, Decimal, Decimal]]:
    """Every (key, cached, ledger) where the cache differs from the sum of the moves."""
    uow.session.flush()
    ledger = {
        (p, loc, b): Decimal(q) for p, loc, b, _e, q in uow.session.execute(_ledger_sums()).all()
    }
    cache = {
        (r.product_id, r.location_id, r.batch): r.quantity
        for r in uow.session.scalars(select(StockBalance))
    }
    zero = Decimal(0)
    return [
        (key, cache.get(key, zero), ledger.get(key, zero))
        for key in sorted(ledger.keys() | cache.keys())
        if cache.get(key, zero) != ledger.get(key, zero)
    ]
