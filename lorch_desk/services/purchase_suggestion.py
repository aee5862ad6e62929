"""Purchase suggestion (采购建议) for the central warehouse, seed 000's rule.

Seed 000: "总库房采购各类产品，需由产品部经理根据各办事处、分中心销售周期情况（三个月）、以及库存、
客户需求，定期进行产品的购进." Read as one figure per product:

    suggested = consumption of the last three months (every branch and the central warehouse's
                own customers: net moves into customer locations, dispensing and shipments)
              + open requisitions (requested or approved, not shipped yet: branch demand)
              + reorder point (the central warehouse's safety stock)
              - usable central stock on hand (storage, not expired)
              - still outstanding on open purchase orders of the central warehouse

rounded up to a whole unit and never below zero. The three months' consumption stands for the
next three months' demand; each component is shown so the product manager can judge.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind
from lorch_desk.domain.clock import clinic_midnight, clinic_today
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.catalogue import Location, Product, Warehouse
from lorch_desk.models.purchasing import PurchaseOrder, PurchaseOrderLine, PurchaseReceiptLine
from lorch_desk.models.shipments import Requisition, RequisitionDecision, RequisitionLine, Shipment
from lorch_desk.models.stock import StockBalance, StockMove
from lorch_desk.services.access import require
from lorch_desk.services.receipts import ORDER_OPEN, ORDER_PARTIAL
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

MONTHS = 3
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    product_id: uuid.UUID
    code: str
    name: str
    unit: str
    consumption: Decimal
    by_branch: tuple[tuple[str, Decimal], ...]  # (warehouse name, consumption), largest first
    open_requisitions: Decimal
    reorder_point: Decimal
    on_hand: Decimal
    on_order: Decimal

    @property
    def suggested(self) -> Decimal:
        need = (
            self.consumption
            + self.open_requisitions
            + self.reorder_point
            - self.on_hand
            - self.on_order
        )
        return Decimal(math.ceil(need)) if need > 0 else ZERO


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for candidate in range(day.day, 0, -1):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def purchase_suggestion(
    uow: UnitOfWork, *, today: date | None = None, only_needed: bool = False
) -> list[SuggestionRow]:
    """Every active product with demand, stock or a suggestion; largest suggestion first."""
    require(uow.actor, Action.STOCK_VIEW)
    today = today or clinic_today()
    consumption = _consumption(uow, clinic_midnight(months_before(today, MONTHS)), today)
    requisitioned = _open_requisitions(uow)
    on_hand = _central_on_hand(uow, today)
    on_order = _on_order(uow)
    rows = []
    for product in uow.session.scalars(select(Product).where(Product.active.is_(True))):
        branches = consumption.get(product.id, {})
        row = SuggestionRow(
            product.id,
            product.code,
            product.name,
            product.unit,
            sum(branches.values(), ZERO),
            tuple(sorted(branches.items(), key=lambda item: (-item[1], item[0]))),
            requisitioned.get(product.id, ZERO),
            product.reorder_point,
            on_hand.get(product.id, ZERO),
            on_order.get(product.id, ZERO),
        )
        if row.suggested > 0 or (not only_needed and (row.consumption or row.open_requisitions)):
            rows.append(row)
    return sorted(rows, key=lambda r: (-r.suggested, r.code))


def _consumption(
    uow: UnitOfWork, start: object, today: date
) -> dict[uuid.UUID, dict[str, Decimal]]:
    end = clinic_midnight(date.fromordinal(today.toordinal() + 1))
    result: dict[uuid.UUID, dict[str, Decimal]] = {}
    for column, sign in ((StockMove.to_location_id, 1), (StockMove.from_location_id, -1)):
        customer = aliased(Location)
        rows = uow.session.execute(
            select(StockMove.product_id, Warehouse.name, func.sum(StockMove.quantity))
            .join(customer, customer.id == column)
            .join(Warehouse, Warehouse.id == customer.warehouse_id)
            .where(
                customer.kind == LocationKind.CUSTOMER.value,
                StockMove.moved_at >= start,
                StockMove.moved_at < end,
            )
            .group_by(StockMove.product_id, Warehouse.name)
        ).all()
        for product_id, warehouse, quantity in rows:
            branches = result.setdefault(product_id, {})
            branches[warehouse] = branches.get(warehouse, ZERO) + sign * Decimal(quantity)
    return result


def _open_requisitions(uow: UnitOfWork) -> dict[uuid.UUID, Decimal]:
    rows = uow.session.execute(
        select(RequisitionLine.product_id, func.sum(RequisitionLine.quantity))
        .join(Requisition, Requisition.id == RequisitionLine.requisition_id)
        .outerjoin(RequisitionDecision, RequisitionDecision.requisition_id == Requisition.id)
        .outerjoin(Shipment, Shipment.requisition_id == Requisition.id)
        .where(
            Shipment.id.is_(None),
            or_(RequisitionDecision.id.is_(None), RequisitionDecision.approved.is_(True)),
        )
        .group_by(RequisitionLine.product_id)
    ).all()
    return {product_id: Decimal(quantity) for product_id, quantity in rows}


def _central_on_hand(uow: UnitOfWork, today: date) -> dict[uuid.UUID, Decimal]:
    rows = uow.session.execute(
        select(StockBalance.product_id, func.sum(StockBalance.quantity))
        .join(Location, Location.id == StockBalance.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .where(
            Warehouse.is_central.is_(True),
            Location.kind == LocationKind.STORAGE.value,
            or_(StockBalance.expiry.is_(None), StockBalance.expiry >= today),
        )
        .group_by(StockBalance.product_id)
    ).all()
    return {product_id: Decimal(quantity) for product_id, quantity in rows}


def _on_order(uow: UnitOfWork) -> dict[uuid.UUID, Decimal]:
    received = (
        select(func.coalesce(func.sum(PurchaseReceiptLine.quantity), 0))
        .where(PurchaseReceiptLine.order_line_id == PurchaseOrderLine.id)
        .scalar_subquery()
    )
    rows = uow.session.execute(
        select(PurchaseOrderLine.product_id, PurchaseOrderLine.quantity, received)
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.order_id)
        .join(Warehouse, Warehouse.id == PurchaseOrder.warehouse_id)
        .where(
            Warehouse.is_central.is_(True),
            PurchaseOrder.status.in_([ORDER_OPEN, ORDER_PARTIAL]),
        )
    ).all()
    result: dict[uuid.UUID, Decimal] = {}
    for product_id, ordered, got in rows:
        outstanding = max(Decimal(ordered) - Decimal(got), ZERO)
        result[product_id] = result.get(product_id, ZERO) + outstanding
    return result


def branch_text(row: SuggestionRow) -> str:
    """上海分中心库房 12; 北京总库房 3 — where the consumption happened."""
    return "; ".join(f"{name} {quantity.normalize():f}" for name, quantity in row.by_branch)


# -- the report --------------------------------------------------------------------------------


def suggestion_report_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    as_of = parameters.get("as_of")
    for row in purchase_suggestion(
        uow,
        today=as_of if isinstance(as_of, date) else None,
        only_needed=bool(parameters.get("only_needed")),
    ):
        yield {
            "code": row.code,
            "name": row.name,
            "unit": row.unit,
            "consumption": row.consumption,
            "by_branch": branch_text(row),
            "open_requisitions": row.open_requisitions,
            "reorder_point": row.reorder_point,
            "on_hand": row.on_hand,
            "on_order": row.on_order,
            "suggested": row.suggested,
        }


PURCHASE_SUGGESTION = ReportDefinition(
    key="warehouse.purchase_suggestion",
    area="warehouse",
    title=Label("采购建议（总库房）", "Purchase suggestion (central warehouse)"),
    parameters=(
        ReportParameter("as_of", Label("截至日期", "As of"), ParameterKind.DATE),
        ReportParameter(
            "only_needed", Label("只列需采购", "Only what to buy"), ParameterKind.BOOLEAN
        ),
    ),
    columns=(
        Column("code", Label("编码", "Code"), ColumnKind.TEXT, 10),
        Column("name", Label("品名", "Product"), ColumnKind.TEXT, 18),
        Column("unit", Label("单位", "Unit"), ColumnKind.TEXT, 5),
        Column("consumption", Label("近三个月消耗", "Used in 3 months"), ColumnKind.DECIMAL, 11),
        Column("by_branch", Label("各分中心消耗", "By branch"), ColumnKind.TEXT, 28),
        Column("open_requisitions", Label("未发申请", "Open requisitions"), ColumnKind.DECIMAL, 10),
        Column("reorder_point", Label("安全库存", "Reorder point"), ColumnKind.DECIMAL, 9),
        Column("on_hand", Label("总库房库存", "Central stock"), ColumnKind.DECIMAL, 10),
        Column("on_order", Label("在途采购", "On order"), ColumnKind.DECIMAL, 9),
        Column("suggested", Label("建议采购", "Suggested"), ColumnKind.DECIMAL, 10),
    ),
    action=Action.STOCK_VIEW,
    run=suggestion_report_rows,
)

REPORTS = (PURCHASE_SUGGESTION,)
