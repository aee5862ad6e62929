"""Translated names of the cashier's enums, and the small pieces its pages share."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from lorch_desk.domain.cashier import LineKind, PaymentMethod, SaleKind
from lorch_desk.domain.errors import DomainError
from lorch_desk.ui import errors

_CONTEXT = "cashier"

METHOD_NAMES = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("cashier", "Cash"),
    PaymentMethod.BANK_CARD: QT_TRANSLATE_NOOP("cashier", "Bank card"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("cashier", "WeChat Pay"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("cashier", "Alipay"),
    PaymentMethod.STORED_VALUE: QT_TRANSLATE_NOOP("cashier", "Stored value"),
    PaymentMethod.DEPOSIT: QT_TRANSLATE_NOOP("cashier", "Deposit"),
    PaymentMethod.POINTS: QT_TRANSLATE_NOOP("cashier", "Points"),
}
KIND_NAMES = {
    SaleKind.SALE: QT_TRANSLATE_NOOP("cashier", "Sale"),
    SaleKind.REFUND: QT_TRANSLATE_NOOP("cashier", "Refund"),
    SaleKind.DEPOSIT: QT_TRANSLATE_NOOP("cashier", "Deposit"),
    SaleKind.DEPOSIT_REFUND: QT_TRANSLATE_NOOP("cashier", "Deposit refund"),
    SaleKind.TOP_UP: QT_TRANSLATE_NOOP("cashier", "Stored-value top-up"),
    SaleKind.TOP_UP_REFUND: QT_TRANSLATE_NOOP("cashier", "Stored-value refund"),
}
LINE_KIND_NAMES = {
    LineKind.SERVICE: QT_TRANSLATE_NOOP("cashier", "Service"),
    LineKind.COURSE: QT_TRANSLATE_NOOP("cashier", "Course"),
    LineKind.COURSE_SESSION: QT_TRANSLATE_NOOP("cashier", "Course session"),
    LineKind.PRODUCT: QT_TRANSLATE_NOOP("cashier", "Product"),
    LineKind.DEPOSIT: QT_TRANSLATE_NOOP("cashier", "Deposit"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def money_text(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def parse_money(text: str) -> Decimal | None:
    """A typed amount (¥ and thousands separators allowed), or None when empty or not a number."""
    cleaned = text.strip().replace(",", "").replace("¥", "").replace("，", "")
    if not cleaned:
        return None
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


class StatusLabel(QLabel):
    """One line under a page saying what just happened, or why it was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status")
        self.setWordWrap(True)

    def say(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)

    def refuse(self, error: DomainError) -> None:
        self.setStyleSheet("color: #b00020;")
        self.setText(errors.message_for(error))
