"""The lines rung up for one checkout, priced at the customer's tier discount as they are added."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from lorch_desk.domain.cashier import price_line
from lorch_desk.services.sales_lines import LineInput
from lorch_desk.ui.roles.cashier.labels import LINE_KIND_NAMES, money_text, tr


@dataclass(frozen=True, slots=True)
class PendingLine:
    """A line to send, with what the table shows of it (the service prices it again)."""

    line: LineInput
    name: str
    unit_price: Decimal


class OrderLines(QTableWidget):
    """Item, kind, quantity, unit price, discount and amount of each line; `changed` on edits."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("lines")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Kind"),
                self.tr("Quantity"),
                self.tr("Unit price"),
                self.tr("Discount"),
                self.tr("Amount"),
            ]
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pending: list[PendingLine] = []
        self._rate = Decimal(0)

    def set_discount_rate(self, rate: Decimal) -> None:
        self._rate = rate
        self._show()

    def add(self, *lines: PendingLine) -> None:
        self.pending.extend(lines)
        self._show()

    def remove_current(self) -> None:
        row = self.currentRow()
        if 0 <= row < len(self.pending):
            del self.pending[row]
            self._show()

    def clear_lines(self) -> None:
        self.pending.clear()
        self._show()

    def inputs(self) -> list[LineInput]:
        return [p.line for p in self.pending]

    def total(self) -> Decimal:
        return sum(
            (price_line(p.line.quantity, p.unit_price, self._rate).amount for p in self.pending),
            Decimal(0),
        )

    def _show(self) -> None:
        self.setRowCount(len(self.pending))
        for row, pending in enumerate(self.pending):
            priced = price_line(pending.line.quantity, pending.unit_price, self._rate)
            values = (
                pending.name,
                tr(LINE_KIND_NAMES[pending.line.kind]),
                f"{pending.line.quantity:f}",
                money_text(pending.unit_price),
                money_text(priced.discount),
                money_text(priced.amount),
            )
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(value))
        self.changed.emit()
