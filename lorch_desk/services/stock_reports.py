"""Reports of the warehouse: stock on hand, movement ledger, count variance, expiry list."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, ProductCategory
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.catalogue import Location, Product, Warehouse
from lorch_desk.models.stock import StockBalance, StockMove
from lorch_desk.models.stock_count import StockCount
from lorch_desk.services.report_queries import stream_rows, within_clinic_days
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter
from lorch_desk.services.stock_counts import variance_report

AREA = "warehouse"

CATEGORY_LABELS: dict[str, Label] = {
    ProductCategory.NUTRIENT: Label("营养素", "Nutrient"),
    ProductCategory.DRUG: Label("药品", "Drug"),
    ProductCategory.HERB: Label("中药饮片", "Herb"),
    ProductCategory.CONSUMABLE: Label("耗材", "Consumable"),
    ProductCategory.SERVICE_MATERIAL: Label("服务材料", "Service material"),
}
DOCUMENT_LABELS: dict[str, Label] = {
    "purchase_receipt": Label("采购入库", "Purchase receipt"),
    "stock_count": Label("盘点", "Stock count"),
    "destruction": Label("销毁", "Destruction"),
    "correction": Label("冲正", "Correction"),
    "dispense": Label("发药", "Dispense"),
    "transfer": Label("调拨", "Transfer"),
    "shipment": Label("发货", "Shipment"),
    "shipment_receipt": Label("调拨签收", "Branch receipt"),
}

_WAREHOUSE = ReportParameter("warehouse", Label("仓库代码", "Warehouse code"), ParameterKind.TEXT)
_CATEGORY = ReportParameter(
    "category",
    Label("类别", "Category"),
    ParameterKind.CHOICE,
    choices=tuple((c.value, CATEGORY_LABELS[c]) for c in ProductCategory),
)
_PRODUCT_COLUMNS = (
    Column("code", Label("编码", "Code"), ColumnKind.TEXT, 10),
    Column("name", Label("品名", "Product"), ColumnKind.TEXT, 18),
    Column("unit", Label("单位", "Unit"), ColumnKind.TEXT, 5),
)


def _warehouse_filter(statement: Select[Any], parameters: Mapping[str, object]) -> Select[Any]:
    code = parameters.get("warehouse")
    if isinstance(code, str) and code.strip():
        statement = statement.where(Warehouse.code == code.strip().upper())
    return statement


# -- stock on hand -----------------------------------------------------------------------------


def _on_hand_statement(parameters: Mapping[str, object]) -> Select[Any]:
    statement = (
        select(
            Warehouse.name,
            Location.name,
            Product.code,
            Product.name,
            Product.specification,
            Product.unit,
            Product.category,
            StockBalance.batch,
            StockBalance.expiry,
            StockBalance.quantity,
            Product.cost,
        )
        .select_from(StockBalance)
        .join(Location, Location.id == StockBalance.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .join(Product, Product.id == StockBalance.product_id)
        .where(Location.kind == LocationKind.STORAGE.value, StockBalance.quantity != 0)
    )
    if parameters.get("category"):
        statement = statement.where(Product.category == parameters["category"])
    return _warehouse_filter(statement, parameters).order_by(
        Warehouse.code, Location.code, Product.code, StockBalance.batch
    )


def stock_on_hand_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Every batch in storage with its value at cost."""

    def make_row(row: Any) -> dict[str, object]:
        warehouse, location, code, name, spec, unit, category, batch, expiry, quantity, cost = row
        return {
            "warehouse": warehouse,
            "location": location,
            "code": code,
            "name": name,
            "specification": spec,
            "unit": unit,
            "category": CATEGORY_LABELS.get(category, category),
            "batch": batch,
            "expiry": expiry,
            "quantity": quantity,
            "unit_cost": cost,
            "value": (quantity * cost).quantize(Decimal("0.01")),
        }

    return stream_rows(uow, _on_hand_statement(parameters), make_row)


STOCK_ON_HAND = ReportDefinition(
    key="warehouse.stock_on_hand",
    area=AREA,
    title=Label("库存结存表", "Stock on hand"),
    parameters=(_WAREHOUSE, _CATEGORY),
    columns=(
        Column("warehouse", Label("仓库", "Warehouse"), ColumnKind.TEXT, 12),
        Column("location", Label("库位", "Location"), ColumnKind.TEXT, 10),
        *_PRODUCT_COLUMNS[:2],
        Column("specification", Label("规格", "Specification"), ColumnKind.TEXT, 12),
        _PRODUCT_COLUMNS[2],
        Column("category", Label("类别", "Category"), ColumnKind.TEXT, 8),
        Column("batch", Label("批号", "Batch"), ColumnKind.TEXT, 10),
        Column("expiry", Label("有效期至", "Expiry"), ColumnKind.DATE, 11),
        Column("quantity", Label("数量", "Quantity"), ColumnKind.DECIMAL, 9),
        Column("unit_cost", Label("成本单价", "Unit cost"), ColumnKind.MONEY, 9),
        Column("value", Label("金额", "Value"), ColumnKind.MONEY, 11),
    ),
    action=Action.STOCK_VIEW,
    run=stock_on_hand_rows,
)


# -- movement ledger ---------------------------------------------------------------------------


def movement_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Every move of the period, oldest first, with both ends named."""
    source, target = aliased(Location), aliased(Location)
    statement = (
        select(
            StockMove.moved_at,
            StockMove.document_type,
            Product.code,
            Product.name,
            Product.unit,
            StockMove.batch,
            source.name,
            target.name,
            StockMove.quantity,
            StockMove.unit_cost,
        )
        .select_from(StockMove)
        .join(Product, Product.id == StockMove.product_id)
        .join(source, source.id == StockMove.from_location_id)
        .join(target, target.id == StockMove.to_location_id)
        .join(Warehouse, Warehouse.id == target.warehouse_id)
    )
    statement = within_clinic_days(
        statement, StockMove.moved_at, parameters, start_key="date_from", end_key="date_to"
    )
    code = parameters.get("product")
    if isinstance(code, str) and code.strip():
        statement = statement.where(Product.code == code.strip())
    statement = _warehouse_filter(statement, parameters).order_by(StockMove.moved_at, StockMove.id)

    def make_row(row: Any) -> dict[str, object]:
        moved_at, document, code, name, unit, batch, src, dst, quantity, cost = row
        return {
            "moved_at": moved_at,
            "document": DOCUMENT_LABELS.get(document, document),
            "code": code,
            "name": name,
            "unit": unit,
            "batch": batch,
            "from": src,
            "to": dst,
            "quantity": quantity,
            "value": (quantity * cost).quantize(Decimal("0.01")),
        }

    return stream_rows(uow, statement, make_row)


MOVEMENTS = ReportDefinition(
    key="warehouse.movements",
    area=AREA,
    title=Label("出入库流水", "Stock movement ledger"),
    parameters=(
        ReportParameter("date_from", Label("日期从", "From"), ParameterKind.DATE),
        ReportParameter("date_to", Label("日期至", "To"), ParameterKind.DATE),
        _WAREHOUSE,
        ReportParameter("product", Label("产品编码", "Product code"), ParameterKind.TEXT),
    ),
    columns=(
        Column("moved_at", Label("时间", "Time"), ColumnKind.DATETIME, 15),
        Column("document", Label("单据类型", "Document"), ColumnKind.TEXT, 9),
        *_PRODUCT_COLUMNS,
        Column("batch", Label("批号", "Batch"), ColumnKind.TEXT, 10),
        Column("from", Label("从", "From"), ColumnKind.TEXT, 10),
        Column("to", Label("到", "To"), ColumnKind.TEXT, 10),
        Column("quantity", Label("数量", "Quantity"), ColumnKind.DECIMAL, 9),
        Column("value", Label("金额", "Value"), ColumnKind.MONEY, 10),
    ),
    action=Action.STOCK_VIEW,
    run=movement_rows,
)


# -- count variance ----------------------------------------------------------------------------


def variance_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Each counted line of one count: snapshot balance, counted, difference and its value."""
    number = str(parameters.get("count") or "").strip()
    if not number:
        raise ValidationFailed(field="count", rule="required")
    count_id = uow.session.scalar(select(StockCount.id).where(StockCount.number == number))
    if count_id is None:
        raise NotFound(table="stock_count", number=number)
    report = variance_report(uow, count_id)
    for line in report.lines:
        yield {
            "location": line.location_name,
            "code": line.product_code,
            "name": line.product_name,
            "unit": line.unit,
            "batch": line.batch,
            "system": line.variance.system,
            "counted": line.variance.counted,
            "difference": line.variance.quantity,
            "value": line.variance.value,
        }


COUNT_VARIANCE = ReportDefinition(
    key="warehouse.count_variance",
    area=AREA,
    title=Label("盘点差异表", "Stock count variance"),
    parameters=(
        ReportParameter(
            "count", Label("盘点单号", "Count number"), ParameterKind.TEXT, required=True
        ),
    ),
    columns=(
        Column("location", Label("库位", "Location"), ColumnKind.TEXT, 10),
        *_PRODUCT_COLUMNS,
        Column("batch", Label("批号", "Batch"), ColumnKind.TEXT, 10),
        Column("system", Label("账面数量", "System"), ColumnKind.DECIMAL, 9),
        Column("counted", Label("实盘数量", "Counted"), ColumnKind.DECIMAL, 9),
        Column("difference", Label("差异数量", "Difference"), ColumnKind.DECIMAL, 9),
        Column("value", Label("差异金额", "Difference value"), ColumnKind.MONEY, 10),
    ),
    action=Action.STOCK_VIEW,
    run=variance_rows,
)


# -- expiry list -------------------------------------------------------------------------------


def expiry_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Batches in storage expiring within the chosen number of days (expired ones included)."""
    days = parameters.get("days")
    days = 90 if days in (None, "") else int(days)  # type: ignore[arg-type]
    today = clinic_today()
    statement = (
        _on_hand_statement(parameters)
        .where(
            StockBalance.expiry.is_not(None), StockBalance.expiry <= today + timedelta(days=days)
        )
        .order_by(None)
        .order_by(StockBalance.expiry, Product.code)
    )

    def make_row(row: Any) -> dict[str, object]:
        warehouse, location, code, name, _spec, unit, _cat, batch, expiry, quantity, cost = row
        return {
            "warehouse": warehouse,
            "location": location,
            "code": code,
            "name": name,
            "unit": unit,
            "batch": batch,
            "expiry": expiry,
            "days_left": (expiry - today).days,
            "quantity": quantity,
            "value": (quantity * cost).quantize(Decimal("0.01")),
        }

    return stream_rows(uow, statement, make_row)


EXPIRY_LIST = ReportDefinition(
    key="warehouse.expiry_list",
    area=AREA,
    title=Label("近效期清单", "Expiry list"),
    parameters=(
        ReportParameter(
            "days", Label("天数内到期", "Expiring within days"), ParameterKind.INTEGER, default=90
        ),
        _WAREHOUSE,
        _CATEGORY,
    ),
    columns=(
        Column("warehouse", Label("仓库", "Warehouse"), ColumnKind.TEXT, 12),
        Column("location", Label("库位", "Location"), ColumnKind.TEXT, 10),
        *_PRODUCT_COLUMNS,
        Column("batch", Label("批号", "Batch"), ColumnKind.TEXT, 10),
        Column("expiry", Label("有效期至", "Expiry"), ColumnKind.DATE, 11),
        Column("days_left", Label("剩余天数", "Days left"), ColumnKind.INTEGER, 8),
        Column("quantity", Label("数量", "Quantity"), ColumnKind.DECIMAL, 9),
        Column("value", Label("金额", "Value"), ColumnKind.MONEY, 10),
    ),
    action=Action.STOCK_VIEW,
    run=expiry_rows,
)

# -- consumption -------------------------------------------------------------------------------


def consumption_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """What was dispensed, sold or shipped to customers in the period, net of what came back
    (a refund at the till returns goods from the customer), per warehouse and product."""
    source, target = aliased(Location), aliased(Location)
    to_customer = target.kind == LocationKind.CUSTOMER.value
    signed = case((to_customer, StockMove.quantity), else_=-StockMove.quantity)
    quantity = func.sum(signed)
    value = func.sum(signed * StockMove.unit_cost)
    statement = (
        select(Warehouse.name, Product.code, Product.name, Product.unit, quantity, value)
        .select_from(StockMove)
        .join(Product, Product.id == StockMove.product_id)
        .join(source, source.id == StockMove.from_location_id)
        .join(target, target.id == StockMove.to_location_id)
        .join(
            Warehouse,
            Warehouse.id == case((to_customer, source.warehouse_id), else_=target.warehouse_id),
        )
        .where(
            or_(to_customer, source.kind == LocationKind.CUSTOMER.value),
            # Dispensed at the pharmacy or the till, or shipped to the customer's address.
            StockMove.document_type.in_(["dispense", "shipment"]),
        )
    )
    statement = within_clinic_days(
        statement, StockMove.moved_at, parameters, start_key="date_from", end_key="date_to"
    )
    statement = (
        _warehouse_filter(statement, parameters)
        .group_by(Warehouse.name, Product.code, Product.name, Product.unit)
        .order_by(Warehouse.name, Product.code)
    )

    def make_row(row: Any) -> dict[str, object]:
        warehouse, code, name, unit, total, cost = row
        return {
            "warehouse": warehouse,
            "code": code,
            "name": name,
            "unit": unit,
            "quantity": Decimal(total),
            "value": Decimal(cost).quantize(Decimal("0.01")),
        }

    return stream_rows(uow, statement, make_row)


CONSUMPTION = ReportDefinition(
    key="warehouse.consumption",
    area=AREA,
    title=Label("消耗统计（按产品和分中心）", "Consumption by product and branch"),
    parameters=(
        ReportParameter("date_from", Label("日期从", "From"), ParameterKind.DATE),
        ReportParameter("date_to", Label("日期至", "To"), ParameterKind.DATE),
        _WAREHOUSE,
    ),
    columns=(
        Column("warehouse", Label("仓库", "Warehouse"), ColumnKind.TEXT, 14),
        *_PRODUCT_COLUMNS,
        Column("quantity", Label("发出数量", "Quantity"), ColumnKind.DECIMAL, 10),
        Column("value", Label("成本金额", "Value at cost"), ColumnKind.MONEY, 11),
    ),
    action=Action.STOCK_VIEW,
    run=consumption_rows,
)

REPORTS = (STOCK_ON_HAND, MOVEMENTS, COUNT_VARIANCE, EXPIRY_LIST, CONSUMPTION)
