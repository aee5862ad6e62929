"""The day's sales (今日收银): every document of a clinic day, receipts again, and refunds."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.pdf.receipt import ReceiptPaper
from lorch_desk.domain.cashier import REFUND_KIND_OF, PaymentMethod
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.permissions import Action
from lorch_desk.services import sales_queries, sales_refunds
from lorch_desk.services.sales import SaleResult
from lorch_desk.services.sales_queries import SaleDetail, SaleRow
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.cashier import receipt_printing
from lorch_desk.ui.roles.cashier.labels import KIND_NAMES, METHOD_NAMES, StatusLabel, money_text, tr


class SalesPage(QWidget):
    """One clinic day's documents, newest first; a manager refunds what is left of a sale."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.open_file = receipt_printing.open_with_system
        self.day = QDateEdit()
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = clinic_today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Number"), lambda r: r.number),
                TableColumn(self.tr("Kind"), lambda r: tr(KIND_NAMES[r.kind])),
                TableColumn(self.tr("Time"), lambda r: r.paid_at),
                TableColumn(self.tr("Customer"), lambda r: r.customer_name),
                TableColumn(self.tr("Cashier"), lambda r: r.cashier_name),
                TableColumn(self.tr("Total"), lambda r: r.total, True),
                TableColumn(self.tr("Paid by"), self._methods_text),
                TableColumn(self.tr("Refunded"), lambda r: self.tr("yes") if r.refunded else ""),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.view.setObjectName("sales")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("refund_reason")
        self.reason.setPlaceholderText(self.tr("Reason for the refund"))
        # The chosen sale's lines not refunded yet: tick some for a partial refund.
        self.lines = QListWidget()
        self.lines.setObjectName("sale_lines")
        self.lines.setMaximumHeight(110)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._load_lines())
        self.refund_button = QPushButton(self.tr("Refund the ticked lines (all when none)…"))
        self.refund_button.setObjectName("refund")
        self.refund_button.clicked.connect(self.refund_selected)
        self.refund_button.setVisible(context.actor.may(Action.SALE_REFUND))
        self.reason.setVisible(context.actor.may(Action.SALE_REFUND))
        self.lines.setVisible(context.actor.may(Action.SALE_REFUND))
        self.receipt_a5 = QPushButton(self.tr("Receipt (A5)"))
        self.receipt_a5.setObjectName("receipt_a5")
        self.receipt_a5.clicked.connect(lambda: self.print_selected(ReceiptPaper.A5))
        self.receipt_roll = QPushButton(self.tr("Receipt (80 mm)"))
        self.receipt_roll.setObjectName("receipt_80mm")
        self.receipt_roll.clicked.connect(lambda: self.print_selected(ReceiptPaper.ROLL_80))
        self.status = StatusLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt_a5)
        buttons.addWidget(self.receipt_roll)
        buttons.addStretch(1)
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def _methods_text(self, row: SaleRow) -> str:
        names = [tr(METHOD_NAMES[PaymentMethod(m)]) for m in row.methods.split(", ") if m]
        return ", ".join(dict.fromkeys(names))

    def reload(self) -> None:
        day = self.day.date().toPython()
        self._context.tasks.run(
            lambda uow, _p: (
                sales_queries.day_sales(uow, day=day),
                sales_queries.day_takings(uow, day=day),
            ),
            on_done=self._on_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, loaded: tuple[list[SaleRow], dict[PaymentMethod, Decimal]]) -> None:
        rows, takings = loaded
        self.model.set_rows(rows)
        by_method = " · ".join(
            f"{tr(METHOD_NAMES[method])} {money_text(amount)}"
            for method, amount in sorted(takings.items())
        )
        self.summary.setText(
            self.tr("%1 documents. Takings by method: %2")
            .replace("%1", str(len(rows)))
            .replace("%2", by_method or "-")
        )

    def _load_lines(self) -> None:
        self.lines.clear()
        row: SaleRow | None = self.view.selected_row()
        if row is None or row.kind not in REFUND_KIND_OF or not self.lines.isVisible():
            return
        self._context.tasks.run(
            lambda uow, _p: sales_queries.sale_detail(uow, sale_id=row.sale_id),
            on_done=self._show_lines,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _show_lines(self, detail: SaleDetail) -> None:
        selected: SaleRow | None = self.view.selected_row()
        if selected is None or selected.sale_id != detail.sale_id:
            return
        self.lines.clear()
        for line in detail.lines:
            if line.refunded:
                continue
            text = f"{line.name} ×{line.quantity.normalize()}  {money_text(line.amount)}"
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, line.line_id)
            self.lines.addItem(item)

    def _ticked_lines(self) -> list[uuid.UUID] | None:
        ticked = [
            self.lines.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.lines.count())
            if self.lines.item(i).checkState() == Qt.CheckState.Checked
        ]
        return ticked or None

    def refund_selected(self) -> None:
        """After a confirmation, refund the ticked lines of the chosen sale (none ticked: every
        line not yet refunded); the money goes back as it was paid."""
        row: SaleRow | None = self.view.selected_row()
        if row is None or row.kind not in REFUND_KIND_OF:
            self.status.say(self.tr("Choose a sale, deposit or top-up to refund."))
            return
        line_ids = self._ticked_lines()
        question = (
            self.tr("Refund what is left of %1 and pay it back as it was paid?")
            if line_ids is None
            else self.tr("Refund the ticked lines of %1 and pay them back as they were paid?")
        )
        answer = QMessageBox.question(self, self.tr("Refund"), question.replace("%1", row.number))
        if answer != QMessageBox.StandardButton.Yes:
            return
        reason = self.reason.text()
        self._context.tasks.run(
            lambda uow, _p: sales_refunds.refund_sale(
                uow, sale_id=row.sale_id, line_ids=line_ids, reason=reason
            ),
            on_done=self._on_refunded,
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_refunded(self, result: SaleResult) -> None:
        self.reason.clear()
        self.status.say(
            self.tr("%1 recorded: %2 paid back.")
            .replace("%1", result.number)
            .replace("%2", money_text(-result.total))
        )
        self.reload()

    def print_selected(self, paper: ReceiptPaper) -> None:
        row: SaleRow | None = self.view.selected_row()
        if row is None:
            return
        receipt_printing.print_receipt(
            self._context,
            row.sale_id,
            paper,
            parent=self,
            on_printed=self._on_printed,
            on_error=self.status.refuse,
        )

    def _on_printed(self, path: Path) -> None:
        self.status.say(self.tr("Receipt saved: %1").replace("%1", str(path)))
        self.open_file(path)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("sale"):
            self.reload()
