"""Stored-value top-ups (储值充值) and deposits (定金) of the chosen customer."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from lorch_desk.domain.cashier import MONEY_METHODS, LineKind, PaymentInput, PaymentMethod
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import sales
from lorch_desk.services.sales import SaleResult
from lorch_desk.services.sales_queries import SellableItem
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.cashier.labels import METHOD_NAMES, parse_money, tr


class MoneyBox(QGroupBox):
    """An amount and a method: top it up into stored value, or take it as a deposit."""

    def __init__(
        self,
        context: UiContext,
        *,
        customer_id: Callable[[], uuid.UUID | None],
        chosen_item: Callable[[], SellableItem | None],
        on_done: Callable[[SaleResult], None],
        on_refused: Callable[[DomainError], None],
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Stored value and deposits"))
        self._context = context
        self._customer_id, self._chosen_item = customer_id, chosen_item
        self._on_done, self._on_refused, self._say = on_done, on_refused, say
        self.amount = QLineEdit()
        self.amount.setObjectName("top_up_amount")
        self.method = QComboBox()
        self.method.setObjectName("top_up_method")
        for method in PaymentMethod:
            if method in MONEY_METHODS:
                self.method.addItem(tr(METHOD_NAMES[method]), method)
        self.top_up_button = QPushButton(self.tr("Top up stored value"))
        self.top_up_button.setObjectName("top_up")
        self.top_up_button.clicked.connect(self.top_up)
        self.deposit_button = QPushButton(self.tr("Take a deposit for the chosen item"))
        self.deposit_button.setObjectName("take_deposit")
        self.deposit_button.clicked.connect(self.take_deposit)
        row = QHBoxLayout(self)
        row.addWidget(QLabel(self.tr("Amount:")))
        row.addWidget(self.amount)
        row.addWidget(self.method)
        row.addWidget(self.top_up_button)
        row.addWidget(self.deposit_button)

    def set_enabled_for_customer(self, chosen: bool) -> None:
        self.top_up_button.setEnabled(chosen)
        self.deposit_button.setEnabled(chosen)

    def top_up(self) -> None:
        amount, customer_id = parse_money(self.amount.text()), self._customer_id()
        if customer_id is None or amount is None:
            self._say(self.tr("Type the amount first."))
            return
        payment = PaymentInput(self.method.currentData(), amount)
        self._run(
            lambda uow, _p: sales.top_up(
                uow, customer_id=customer_id, amount=amount, payments=[payment]
            )
        )

    def take_deposit(self) -> None:
        amount, customer_id, item = (
            parse_money(self.amount.text()),
            self._customer_id(),
            self._chosen_item(),
        )
        if customer_id is None or amount is None or item is None:
            self._say(self.tr("Choose the item and type the amount first."))
            return
        if item.kind is LineKind.PRODUCT:
            self._say(self.tr("A deposit reserves a service item or course."))
            return
        payment = PaymentInput(self.method.currentData(), amount)
        self._run(
            lambda uow, _p: sales.take_deposit(
                uow,
                customer_id=customer_id,
                service_item_id=item.item_id,
                amount=amount,
                payments=[payment],
            )
        )

    def _run(self, operation: Callable) -> None:  # type: ignore[type-arg]
        self._context.tasks.run(
            operation, on_done=self._done, on_error=self._on_refused, parent=self
        )

    def _done(self, result: SaleResult) -> None:
        self.amount.clear()
        self._on_done(result)
