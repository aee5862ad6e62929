"""The cashier tab (收银): the till, and the day's sales with receipts and refunds."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.cashier.checkout_page import CheckoutPage
from lorch_desk.ui.roles.cashier.sales_page import SalesPage


class CashierTabWidget(QWidget):
    """Checkout first; the day's sales beside it."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkout_page = CheckoutPage(context)
        self.sales_page = SalesPage(context)
        self.pages = QTabWidget()
        self.pages.addTab(self.checkout_page, self.tr("Checkout"))
        self.pages.addTab(self.sales_page, self.tr("Today's sales"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
