"""The cashier's reports: the day's takings per cashier and payment method (收银日报), and
revenue by day, consultant, item and payment method.

Revenue is what customers paid for goods and services: sales less refunds (the kinds that
make spend). Deposits and stored-value top-ups are money taken, shown in the cash report and
beside revenue, but become revenue only when a sale applies them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.cashier import SPEND_KINDS, LineKind, PaymentMethod, SaleKind
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.cashier import Payment, Sale, SaleLine
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.reports import ParameterKind, ReportDefinition, ReportParameter

AREA = "cashier"
METHOD_LABELS = {
    PaymentMethod.CASH.value: Label("现金", "Cash"),
    PaymentMethod.BANK_CARD.value: Label("银行卡", "Bank card"),
    PaymentMethod.WECHAT.value: Label("微信支付", "WeChat Pay"),
    PaymentMethod.ALIPAY.value: Label("支付宝", "Alipay"),
    PaymentMethod.STORED_VALUE.value: Label("储值", "Stored value"),
    PaymentMethod.DEPOSIT.value: Label("定金抵扣", "Deposit applied"),
    PaymentMethod.POINTS.value: Label("积分抵现", "Points"),
}
KIND_LABELS = {
    LineKind.SERVICE.value: Label("服务项目", "Service"),
    LineKind.COURSE.value: Label("疗程", "Course"),
    LineKind.COURSE_SESSION.value: Label("疗程次", "Course session"),
    LineKind.PRODUCT.value: Label("产品", "Product"),
    LineKind.DEPOSIT.value: Label("定金", "Deposit"),
}
NO_CONSULTANT = Label("未指定", "None named")
_SPEND = [kind.value for kind in SPEND_KINDS]
_DAYS = (
    ReportParameter("day_from", Label("日期从", "From"), ParameterKind.DATE),
    ReportParameter("day_to", Label("日期至", "To"), ParameterKind.DATE),
)


def _on_days(statement: Select, parameters: Mapping[str, object]) -> Select:  # type: ignore[type-arg]
    start, end = parameters.get("day_from"), parameters.get("day_to")
    statement = statement.where(Sale.deleted_at.is_(None))
    if isinstance(start, date):
        statement = statement.where(Sale.day >= start)
    if isinstance(end, date):
        statement = statement.where(Sale.day <= end)
    return statement


def _money(value: object) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def cash_report_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per day, cashier and method: money taken in, paid back, and the net (all documents)."""
    cashier = aliased(UserAccount)
    statement = _on_days(
        select(
            Sale.day,
            cashier.display_name,
            Payment.method,
            func.count(func.distinct(Sale.id)),
            func.sum(case((Payment.amount > 0, Payment.amount), else_=0)),
            func.sum(case((Payment.amount < 0, Payment.amount), else_=0)),
            func.sum(case((Sale.kind == SaleKind.TOP_UP.value, Payment.amount), else_=0)),
            func.sum(Payment.amount),
        )
        .join(Sale, Sale.id == Payment.sale_id)
        .join(cashier, cashier.id == Payment.cashier_id)
        .where(Sale.site_id == uow.actor.site_id)
        .group_by(Sale.day, cashier.display_name, Payment.method)
        .order_by(Sale.day, cashier.display_name, Payment.method),
        parameters,
    )
    for day, name, method, documents, taken, paid_back, top_ups, net in uow.session.execute(
        statement
    ):
        yield {
            "day": day,
            "cashier": name,
            "method": METHOD_LABELS.get(method, method),
            "documents": int(documents),
            "taken": _money(taken),
            "paid_back": _money(paid_back),
            "top_ups": _money(top_ups),
            "net": _money(net),
        }


CASH_REPORT = ReportDefinition(
    key="cashier.cash_report",
    area=AREA,
    title=Label("收银日报(按收银员及支付方式)", "Daily takings by cashier and payment method"),
    parameters=_DAYS,
    columns=(
        Column("day", Label("日期", "Date"), ColumnKind.DATE, 11),
        Column("cashier", Label("收银员", "Cashier"), ColumnKind.TEXT, 10),
        Column("method", Label("支付方式", "Payment method"), ColumnKind.TEXT, 10),
        Column("documents", Label("单据数", "Documents"), ColumnKind.INTEGER, 8),
        Column("taken", Label("收款", "Taken"), ColumnKind.MONEY, 11),
        Column("paid_back", Label("退款", "Paid back"), ColumnKind.MONEY, 11),
        Column("top_ups", Label("其中储值充值", "Of which top-ups"), ColumnKind.MONEY, 11),
        Column("net", Label("净额", "Net"), ColumnKind.MONEY, 11),
    ),
    action=Action.REPORT_RUN,
    run=cash_report_rows,
)


def revenue_by_day_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per day: sales, list price, discounts, refunds and net revenue; deposits and top-ups."""

    def total_of(*kinds: SaleKind) -> object:
        return func.sum(case((Sale.kind.in_([k.value for k in kinds]), Sale.total), else_=0))

    statement = _on_days(
        select(
            Sale.day,
            func.sum(case((Sale.kind == SaleKind.SALE.value, 1), else_=0)),
            func.sum(case((Sale.kind == SaleKind.SALE.value, Sale.list_total), else_=0)),
            func.sum(case((Sale.kind.in_(_SPEND), Sale.discount_total), else_=0)),
            total_of(SaleKind.REFUND),
            total_of(*SPEND_KINDS),
            total_of(SaleKind.DEPOSIT, SaleKind.DEPOSIT_REFUND),
            total_of(SaleKind.TOP_UP, SaleKind.TOP_UP_REFUND),
        )
        .where(Sale.site_id == uow.actor.site_id)
        .group_by(Sale.day)
        .order_by(Sale.day),
        parameters,
    )
    for day, count, listed, discount, refunds, net, deposits, top_ups in uow.session.execute(
        statement
    ):
        yield {
            "day": day,
            "sales": int(count or 0),
            "list_total": _money(listed),
            "discount": _money(discount),
            "refunds": _money(refunds),
            "revenue": _money(net),
            "deposits": _money(deposits),
            "top_ups": _money(top_ups),
        }


REVENUE_BY_DAY = ReportDefinition(
    key="cashier.revenue_by_day",
    area=AREA,
    title=Label("营业收入(按日)", "Revenue by day"),
    parameters=_DAYS,
    columns=(
        Column("day", Label("日期", "Date"), ColumnKind.DATE, 11),
        Column("sales", Label("收费单数", "Sales"), ColumnKind.INTEGER, 8),
        Column("list_total", Label("原价合计", "List price"), ColumnKind.MONEY, 11),
        Column("discount", Label("会员优惠", "Member discount"), ColumnKind.MONEY, 11),
        Column("refunds", Label("退款", "Refunds"), ColumnKind.MONEY, 11),
        Column("revenue", Label("净收入", "Net revenue"), ColumnKind.MONEY, 12),
        Column("deposits", Label("定金(未抵扣)", "Deposits taken"), ColumnKind.MONEY, 11),
        Column("top_ups", Label("储值充值", "Stored-value top-ups"), ColumnKind.MONEY, 11),
    ),
    action=Action.REPORT_RUN,
    run=revenue_by_day_rows,
)


def revenue_by_consultant_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per consultant credited with the sales: sales, refunds and net revenue."""
    consultant = aliased(UserAccount)
    statement = _on_days(
        select(
            consultant.display_name,
            func.sum(case((Sale.kind == SaleKind.SALE.value, 1), else_=0)),
            func.sum(case((Sale.kind == SaleKind.REFUND.value, Sale.total), else_=0)),
            func.sum(Sale.total),
        )
        .outerjoin(consultant, consultant.id == Sale.consultant_id)
        .where(Sale.site_id == uow.actor.site_id, Sale.kind.in_(_SPEND))
        .group_by(consultant.display_name)
        .order_by(func.sum(Sale.total).desc()),
        parameters,
    )
    for name, count, refunds, net in uow.session.execute(statement):
        yield {
            "consultant": name or NO_CONSULTANT,
            "sales": int(count or 0),
            "refunds": _money(refunds),
            "revenue": _money(net),
        }


REVENUE_BY_CONSULTANT = ReportDefinition(
    key="cashier.revenue_by_consultant",
    area=AREA,
    title=Label("营业收入(按咨询师)", "Revenue by consultant"),
    parameters=_DAYS,
    columns=(
        Column("consultant", Label("咨询师", "Consultant"), ColumnKind.TEXT, 12),
        Column("sales", Label("收费单数", "Sales"), ColumnKind.INTEGER, 8),
        Column("refunds", Label("退款", "Refunds"), ColumnKind.MONEY, 11),
        Column("revenue", Label("净收入", "Net revenue"), ColumnKind.MONEY, 12),
    ),
    action=Action.REPORT_RUN,
    run=revenue_by_consultant_rows,
)


def revenue_by_item_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per item sold (service, course, session, product): net quantity, discount, revenue."""
    statement = _on_days(
        select(
            SaleLine.name,
            SaleLine.kind,
            func.sum(SaleLine.quantity),
            func.sum(SaleLine.discount),
            func.sum(SaleLine.amount),
        )
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(Sale.site_id == uow.actor.site_id, Sale.kind.in_(_SPEND))
        .group_by(SaleLine.name, SaleLine.kind)
        .order_by(func.sum(SaleLine.amount).desc(), SaleLine.name),
        parameters,
    )
    for name, kind, quantity, discount, amount in uow.session.execute(statement):
        yield {
            "item": name,
            "kind": KIND_LABELS.get(kind, kind),
            "quantity": Decimal(quantity or 0).normalize(),
            "discount": _money(discount),
            "revenue": _money(amount),
        }


REVENUE_BY_ITEM = ReportDefinition(
    key="cashier.revenue_by_item",
    area=AREA,
    title=Label("营业收入(按项目)", "Revenue by item"),
    parameters=_DAYS,
    columns=(
        Column("item", Label("项目/产品", "Item"), ColumnKind.TEXT, 16),
        Column("kind", Label("类别", "Kind"), ColumnKind.TEXT, 9),
        Column("quantity", Label("数量", "Quantity"), ColumnKind.DECIMAL, 8),
        Column("discount", Label("会员优惠", "Member discount"), ColumnKind.MONEY, 11),
        Column("revenue", Label("净收入", "Net revenue"), ColumnKind.MONEY, 12),
    ),
    action=Action.REPORT_RUN,
    run=revenue_by_item_rows,
)


def revenue_by_method_rows(
    uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per payment method: how revenue (sales less refunds) was paid."""
    statement = _on_days(
        select(Payment.method, func.count(), func.sum(Payment.amount))
        .join(Sale, Sale.id == Payment.sale_id)
        .where(Sale.site_id == uow.actor.site_id, Sale.kind.in_(_SPEND))
        .group_by(Payment.method)
        .order_by(func.sum(Payment.amount).desc()),
        parameters,
    )
    for method, count, amount in uow.session.execute(statement):
        yield {
            "method": METHOD_LABELS.get(method, method),
            "payments": int(count),
            "revenue": _money(amount),
        }


REVENUE_BY_METHOD = ReportDefinition(
    key="cashier.revenue_by_method",
    area=AREA,
    title=Label("营业收入(按支付方式)", "Revenue by payment method"),
    parameters=_DAYS,
    columns=(
        Column("method", Label("支付方式", "Payment method"), ColumnKind.TEXT, 12),
        Column("payments", Label("笔数", "Payments"), ColumnKind.INTEGER, 8),
        Column("revenue", Label("净收入", "Net revenue"), ColumnKind.MONEY, 12),
    ),
    action=Action.REPORT_RUN,
    run=revenue_by_method_rows,
)

REPORTS = (
    CASH_REPORT,
    REVENUE_BY_DAY,
    REVENUE_BY_CONSULTANT,
    REVENUE_BY_ITEM,
    REVENUE_BY_METHOD,
)
