"""Stock counts (盘点): create with a snapshot, enter counts, variance, approve, post.

The workflow is open -> submitted -> approved -> posted (or cancelled); a manager approves.
Posting writes one adjustment move per line with a variance, all in the caller's transaction,
so a failure anywhere leaves the count unposted and no move written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.bulk import collector_paused
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, MoveDocument, ProductCategory
from lorch_desk.domain.errors import (
    NotFound,
    NotInCount,
    StockDocumentState,
    UnknownBarcode,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress, SilentProgress
from lorch_desk.domain.stock_count import CountScope, CountStatus, Variance, balance_at_snapshot
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Location, Product, Warehouse
from lorch_desk.models.stock import StockBalance, StockMove
from lorch_desk.models.stock_count import StockCount, StockCountLine
from lorch_desk.services.access import require
from lorch_desk.services.catalogue import get_warehouse, parse_decimal, virtual_location
from lorch_desk.services.numbering import next_number
from lorch_desk.services.stock_ledger import MoveSpec, cached_quantities, post_moves

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class CountSummary:
    count_id: uuid.UUID
    number: str
    warehouse_name: str
    scope: CountScope
    scope_label: str
    snapshot_at: datetime
    blind: bool
    status: CountStatus
    line_count: int
    counted_lines: int


@dataclass(frozen=True, slots=True)
class CountLineRow:
    """One line of a count; `snapshot_quantity` is None on a blind count not yet submitted."""

    line_id: uuid.UUID
    product_id: uuid.UUID
    product_code: str
    barcode: str | None
    product_name: str
    specification: str
    unit: str
    location_code: str
    location_name: str
    batch: str
    expiry: date | None
    snapshot_quantity: Decimal | None
    counted_quantity: Decimal | None
    recount: bool


@dataclass(frozen=True, slots=True)
class VarianceLine:
    line_id: uuid.UUID
    product_id: uuid.UUID
    location_id: uuid.UUID
    product_code: str
    product_name: str
    unit: str
    location_name: str
    batch: str
    expiry: date | None
    variance: Variance


@dataclass(frozen=True, slots=True)
class VarianceReport:
    count: CountSummary
    lines: tuple[VarianceLine, ...]

    @property
    def differing(self) -> tuple[VarianceLine, ...]:
        return tuple(line for line in self.lines if line.variance.quantity != 0)

    @property
    def gain_value(self) -> Decimal:
        return sum(
            (ln.variance.value for ln in self.lines if ln.variance.value > 0), Decimal("0.00")
        )

    @property
    def loss_value(self) -> Decimal:
        return sum(
            (ln.variance.value for ln in self.lines if ln.variance.value < 0), Decimal("0.00")
        )

    @property
    def net_value(self) -> Decimal:
        return self.gain_value + self.loss_value


def create_count(
    uow: UnitOfWork,
    *,
    warehouse_id: uuid.UUID,
    scope: CountScope = CountScope.WAREHOUSE,
    category: ProductCategory | None = None,
    location_id: uuid.UUID | None = None,
    blind: bool = False,
    now: datetime | None = None,
) -> CountSummary:
    """Open a count: snapshot every batch lying in the scope's storage locations now."""
    require(uow.actor, Action.STOCK_COUNT)
    now = now or utc_now()
    warehouse = get_warehouse(uow, warehouse_id)
    scope = CountScope(scope)
    category = ProductCategory(category) if category else None
    if scope is CountScope.CATEGORY and category is None:
        raise ValidationFailed(field="category", rule="required")
    locations = select(Location.id).where(
        Location.warehouse_id == warehouse.id, Location.kind == LocationKind.STORAGE.value
    )
    if scope is CountScope.LOCATION:
        location = uow.session.get(Location, location_id) if location_id else None
        if location is None or location.warehouse_id != warehouse.id:
            raise ValidationFailed(field="location", rule="required")
        locations = locations.where(Location.id == location.id)
    count = StockCount(
        number=next_number(uow, kind="stock_count", when=now),
        warehouse_id=warehouse.id,
        scope=scope.value,
        category=category.value if scope is CountScope.CATEGORY and category else None,
        location_id=location_id if scope is CountScope.LOCATION else None,
        snapshot_at=now,
        blind=blind,
        status=CountStatus.OPEN.value,
    )
    uow.session.add(count)
    uow.session.flush()
    query = (
        select(StockBalance, Product.cost)
        .join(Product, Product.id == StockBalance.product_id)
        .where(StockBalance.location_id.in_(locations), StockBalance.quantity != 0)
    )
    if scope is CountScope.CATEGORY and category is not None:
        query = query.where(Product.category == category.value)
    for balance, cost in uow.session.execute(query).all():
        uow.session.add(
            StockCountLine(
                count_id=count.id,
                product_id=balance.product_id,
                location_id=balance.location_id,
                batch=balance.batch,
                expiry=balance.expiry,
                snapshot_quantity=balance.quantity,
                unit_cost=cost,
                recount=False,
            )
        )
    uow.session.flush()
    return count_summary(uow, count.id)


def list_counts(uow: UnitOfWork, warehouse_id: uuid.UUID) -> list[CountSummary]:
    """The counts of a warehouse, newest first."""
    require(uow.actor, Action.STOCK_VIEW)
    ids = uow.session.scalars(
        select(StockCount.id)
        .where(StockCount.warehouse_id == warehouse_id)
        .order_by(StockCount.snapshot_at.desc())
    )
    return [count_summary(uow, count_id) for count_id in list(ids)]


def count_summary(uow: UnitOfWork, count_id: uuid.UUID) -> CountSummary:
    count = _count(uow, count_id)
    warehouse = uow.session.get(Warehouse, count.warehouse_id)
    counted = [
        q
        for (q,) in uow.session.execute(
            select(StockCountLine.counted_quantity).where(StockCountLine.count_id == count.id)
        ).all()
    ]
    scope = CountScope(count.scope)
    label = ""
    if scope is CountScope.CATEGORY:
        label = count.category or ""
    elif scope is CountScope.LOCATION and count.location_id:
        location = uow.session.get(Location, count.location_id)
        label = location.name if location else ""
    return CountSummary(
        count.id,
        count.number,
        warehouse.name if warehouse else "",
        scope,
        label,
        count.snapshot_at,
        count.blind,
        CountStatus(count.status),
        len(counted),
        sum(1 for q in counted if q is not None),
    )


def count_lines(uow: UnitOfWork, count_id: uuid.UUID) -> list[CountLineRow]:
    """The lines of a count in sheet order (location, product code, expiry)."""
    require(uow.actor, Action.STOCK_VIEW)
    count = _count(uow, count_id)
    hide = count.blind and count.status == CountStatus.OPEN.value
    rows = uow.session.execute(
        select(StockCountLine, Product, Location)
        .join(Product, Product.id == StockCountLine.product_id)
        .join(Location, Location.id == StockCountLine.location_id)
        .where(StockCountLine.count_id == count.id)
        .order_by(Location.code, Product.code, StockCountLine.expiry, StockCountLine.batch)
    ).all()
    return [
        CountLineRow(
            line.id,
            product.id,
            product.code,
            product.barcode,
            product.name,
            product.specification,
            product.unit,
            location.code,
            location.name,
            line.batch,
            line.expiry,
            None if hide else line.snapshot_quantity,
            line.counted_quantity,
            line.recount,
        )
        for line, product, location in rows
    ]


def lines_for_code(uow: UnitOfWork, count_id: uuid.UUID, code: str) -> list[uuid.UUID]:
    """The lines of the product a scanner read, uncounted ones first (earliest expiry first)."""
    code = code.strip()
    product_id = uow.session.scalar(
        select(Product.id).where((Product.barcode == code) | (Product.code == code)).limit(1)
    )
    if not code or product_id is None:
        raise UnknownBarcode(barcode=code)
    lines = uow.session.scalars(
        select(StockCountLine).where(
            StockCountLine.count_id == count_id, StockCountLine.product_id == product_id
        )
    ).all()
    if not lines:
        product = uow.session.get(Product, product_id)
        raise NotInCount(product=product.name if product else code)
    lines = sorted(
        lines,
        key=lambda ln: (
            ln.counted_quantity is not None and not ln.recount,
            ln.expiry or date.max,
            ln.batch,
        ),
    )
    return [line.id for line in lines]


def enter_counts(
    uow: UnitOfWork, count_id: uuid.UUID, entries: Sequence[tuple[uuid.UUID, Decimal | str]]
) -> int:
    """Record counted quantities (line id, quantity) of an open count; all or nothing."""
    require(uow.actor, Action.STOCK_COUNT)
    count = _count(uow, count_id)
    _require_status(count, CountStatus.OPEN)
    parsed = [(line_id, parse_decimal(value, field="quantity")) for line_id, value in entries]
    lines = _lines_by_id(uow, count.id, [line_id for line_id, _ in parsed])
    now = utc_now()
    for line_id, quantity in parsed:
        line = lines.get(line_id)
        if line is None:
            raise NotInCount(product=str(line_id))
        line.counted_quantity = quantity
        line.counted_at = now
        line.counted_by = uow.actor.user_id
        line.recount = False
    uow.session.flush()
    return len(parsed)


def enter_count(
    uow: UnitOfWork, count_id: uuid.UUID, line_id: uuid.UUID, quantity: Decimal | str
) -> None:
    """Record the counted quantity of one line."""
    enter_counts(uow, count_id, [(line_id, quantity)])


def flag_recount(uow: UnitOfWork, count_id: uuid.UUID, line_ids: Sequence[uuid.UUID]) -> None:
    """Ask for lines to be counted again; a submitted count goes back to open."""
    require(uow.actor, Action.STOCK_COUNT)
    count = _count(uow, count_id)
    if count.status not in (CountStatus.OPEN.value, CountStatus.SUBMITTED.value):
        raise StockDocumentState(number=count.number, state=count.status)
    lines = _lines_by_id(uow, count.id, line_ids)
    for line_id in line_ids:
        if line_id not in lines:
            raise NotInCount(product=str(line_id))
        lines[line_id].recount = True
    count.status = CountStatus.OPEN.value
    uow.session.flush()


def submit_count(uow: UnitOfWork, count_id: uuid.UUID) -> CountSummary:
    """Hand a fully counted count to the manager; refused while a line is uncounted or flagged."""
    require(uow.actor, Action.STOCK_COUNT)
    count = _count(uow, count_id)
    _require_status(count, CountStatus.OPEN)
    pending = uow.session.scalars(
        select(StockCountLine.id).where(
            StockCountLine.count_id == count.id,
            StockCountLine.counted_quantity.is_(None) | StockCountLine.recount.is_(True),
        )
    ).all()
    if pending:
        raise ValidationFailed(field="counted_quantity", rule="uncounted", lines=len(pending))
    count.status = CountStatus.SUBMITTED.value
    uow.session.flush()
    return count_summary(uow, count.id)


def approve_count(
    uow: UnitOfWork, count_id: uuid.UUID, *, now: datetime | None = None
) -> CountSummary:
    """A manager accepts the variance of a submitted count."""
    require(uow.actor, Action.STOCK_COUNT_APPROVE)
    count = _count(uow, count_id)
    _require_status(count, CountStatus.SUBMITTED)
    count.status = CountStatus.APPROVED.value
    count.approved_by = uow.actor.user_id
    count.approved_at = now or utc_now()
    uow.session.flush()
    return count_summary(uow, count.id)


def cancel_count(uow: UnitOfWork, count_id: uuid.UUID) -> None:
    """Abandon a count that is not posted; nothing moves."""
    require(uow.actor, Action.STOCK_COUNT)
    count = _count(uow, count_id)
    if count.status in (CountStatus.POSTED.value, CountStatus.CANCELLED.value):
        raise StockDocumentState(number=count.number, state=count.status)
    count.status = CountStatus.CANCELLED.value
    uow.session.flush()


def variance_report(uow: UnitOfWork, count_id: uuid.UUID) -> VarianceReport:
    """Counted vs the ledger balance as of the snapshot, per line, in quantity and value."""
    require(uow.actor, Action.STOCK_VIEW)
    count = _count(uow, count_id)
    query = (
        select(
            StockCountLine.id,
            StockCountLine.product_id,
            StockCountLine.location_id,
            StockCountLine.batch,
            StockCountLine.expiry,
            StockCountLine.counted_quantity,
            StockCountLine.unit_cost,
            Product.code,
            Product.name,
            Product.unit,
            Location.name,
        )
        .join(Product, Product.id == StockCountLine.product_id)
        .join(Location, Location.id == StockCountLine.location_id)
        .where(StockCountLine.count_id == count.id, StockCountLine.counted_quantity.is_not(None))
        .order_by(Location.code, Product.code, StockCountLine.batch)
    )
    uow.session.flush()
    # Plain rows of columns: the connection skips the ORM's row handling (10,000 lines).
    rows = uow.session.connection().execute(query).all()
    system = _balances_at_snapshot(uow, count, {(r[1], r[2], r[3]) for r in rows})
    lines = tuple(
        VarianceLine(
            line_id,
            product_id,
            location_id,
            code,
            name,
            unit,
            location_name,
            batch,
            expiry,
            Variance(system[(product_id, location_id, batch)], counted, unit_cost),
        )
        for (
            line_id,
            product_id,
            location_id,
            batch,
            expiry,
            counted,
            unit_cost,
            code,
            name,
            unit,
            location_name,
        ) in rows
    )
    return VarianceReport(count_summary(uow, count.id), lines)


def _balances_at_snapshot(
    uow: UnitOfWork, count: StockCount, keys: set[tuple[uuid.UUID, uuid.UUID, str]]
) -> dict[tuple[uuid.UUID, uuid.UUID, str], Decimal]:
    """Ledger balance of each batch as of the snapshot: today's less what moved since."""
    current = cached_quantities(uow, keys)
    since: dict[tuple[uuid.UUID, uuid.UUID, str], Decimal] = {}
    # Few moves follow a snapshot: read them by time, then keep those touching the lines.
    moves = uow.session.execute(
        select(
            StockMove.product_id,
            StockMove.from_location_id,
            StockMove.to_location_id,
            StockMove.batch,
            StockMove.quantity,
        ).where(StockMove.moved_at > count.snapshot_at)
    ).all()
    for product_id, source, target, batch, quantity in moves:
        for location_id, sign in ((target, 1), (source, -1)):
            key = (product_id, location_id, batch)
            if key in keys:
                since[key] = since.get(key, Decimal(0)) + sign * quantity
    zero = Decimal(0)
    return {key: balance_at_snapshot(current.get(key, zero), since.get(key, zero)) for key in keys}


def post_count(
    uow: UnitOfWork,
    count_id: uuid.UUID,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> VarianceReport:
    """Write the approved variance as adjustment moves; the count is then posted, once.

    The moves are written in bulk (`post_moves`) and carry who, when and which count
    themselves; the posting's audit record is the count's own row (status -> posted).
    """
    require(uow.actor, Action.STOCK_COUNT)
    progress = progress or SilentProgress()
    count = _count(uow, count_id)
    _require_status(count, CountStatus.APPROVED)
    with collector_paused():
        return _post_variance(uow, count, progress, now or utc_now())


def _post_variance(
    uow: UnitOfWork, count: StockCount, progress: Progress, now: datetime
) -> VarianceReport:
    report = variance_report(uow, count.id)
    adjustment = virtual_location(uow, count.warehouse_id, LocationKind.ADJUSTMENT)
    specs = []
    for line in report.differing:
        found = line.variance.quantity > 0
        specs.append(
            MoveSpec(
                product_id=line.product_id,
                from_location_id=adjustment if found else line.location_id,
                to_location_id=line.location_id if found else adjustment,
                quantity=abs(line.variance.quantity),
                batch=line.batch,
                expiry=line.expiry,
                unit_cost=line.variance.unit_cost,
            )
        )
    post_moves(
        uow,
        specs,
        document_type=MoveDocument.COUNT,
        document_id=count.id,
        moved_at=now,
        progress=progress,
    )
    count.status = CountStatus.POSTED.value
    count.posted_by = uow.actor.user_id
    count.posted_at = now
    uow.session.flush()
    return VarianceReport(replace(report.count, status=CountStatus.POSTED), report.lines)


def _count(uow: UnitOfWork, count_id: uuid.UUID) -> StockCount:
    count = uow.session.get(StockCount, count_id)
    if count is None:
        raise NotFound(table="stock_count", id=str(count_id))
    return count


def _require_status(count: StockCount, status: CountStatus) -> None:
    if count.status != status.value:
        raise StockDocumentState(number=count.number, state=count.status)


def _lines_by_id(
    uow: UnitOfWork, count_id: uuid.UUID, line_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, StockCountLine]:
    wanted = sorted(set(line_ids))
    found: dict[uuid.UUID, StockCountLine] = {}
    for start in range(0, len(wanted), _CHUNK):
        for line in uow.session.scalars(
            select(StockCountLine).where(
                StockCountLine.count_id == count_id,
                StockCountLine.id.in_(wanted[start : start + _CHUNK]),
            )
        ):
            found[line.id] = line
    return found
