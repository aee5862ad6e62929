"""The payment of a checkout: one amount per method, several methods sharing it (split)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from lorch_desk.domain.cashier import PaymentInput, PaymentMethod
from lorch_desk.ui.roles.cashier.labels import METHOD_NAMES, money_text, parse_money, tr


class PaymentBox(QGroupBox):
    """Amounts typed per method; `changed` when any changes; Rest in cash fills the remainder."""

    changed = Signal()

    def __init__(self, total: Callable[[], Decimal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Payment (several methods may share it)"))
        self._total = total
        self.fields: dict[PaymentMethod, QLineEdit] = {}
        grid = QGridLayout(self)
        for index, method in enumerate(PaymentMethod):
            field = QLineEdit()
            field.setObjectName(f"pay_{method.value}")
            field.setPlaceholderText("0.00")
            field.textChanged.connect(lambda _text: self.changed.emit())
            self.fields[method] = field
            grid.addWidget(QLabel(tr(METHOD_NAMES[method])), index // 4, (index % 4) * 2)
            grid.addWidget(field, index // 4, (index % 4) * 2 + 1)
        self.rest_in_cash = QPushButton(self.tr("Rest in cash"))
        self.rest_in_cash.setObjectName("rest_in_cash")
        self.rest_in_cash.clicked.connect(self.fill_rest_in_cash)
        grid.addWidget(self.rest_in_cash, 1, 6, 1, 2)

    def payments(self) -> list[PaymentInput]:
        """The typed amounts above zero, one payment per method."""
        found = []
        for method, field in self.fields.items():
            amount = parse_money(field.text())
            if amount:
                found.append(PaymentInput(method, amount))
        return found

    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments()), Decimal(0))

    def fill_rest_in_cash(self) -> None:
        """Put what the other methods leave of the total into cash."""
        others = sum(
            (p.amount for p in self.payments() if p.method is not PaymentMethod.CASH), Decimal(0)
        )
        rest = self._total() - others
        self.fields[PaymentMethod.CASH].setText(
            money_text(rest).replace(",", "") if rest > 0 else ""
        )

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()
