"""采购入库: scan the goods received, give batch, expiry, quantity and cost, save, print the note.

Keyboard first: code + Enter moves to the batch, Enter to the expiry, quantity and cost; Enter
on the cost adds the line and returns to the code field for the next item.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.warehouse_forms import print_receipt_note
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import catalogue, receipts
from lorch_desk.services.catalogue import ProductRow
from lorch_desk.services.receipts import ReceiptDetail, ReceiptInput, ReceiptLineInput
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import ask_save_path, quantity_text


class _PendingLine:
    """A line typed in but not saved yet."""

    def __init__(self, product: ProductRow, data: ReceiptLineInput) -> None:
        self.product = product
        self.data = data


class ReceiptPage(QWidget):
    """The receipts of the warehouse and the form of a new one."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._warehouse_id: uuid.UUID | None = None
        self._product: ProductRow | None = None
        self._pending: list[_PendingLine] = []
        self._order_lines: dict[uuid.UUID, uuid.UUID] = {}  # product -> order line
        self._last: ReceiptDetail | None = None

        self.receipts_model = DtoTableModel(
            [
                TableColumn(self.tr("Number"), lambda r: r.number),
                TableColumn(self.tr("Supplier"), lambda r: r.supplier_name),
                TableColumn(self.tr("Purchase order"), lambda r: r.order_number or ""),
                TableColumn(self.tr("Received"), lambda r: r.received_at),
                TableColumn(self.tr("Lines"), lambda r: len(r.lines), True),
                TableColumn(self.tr("Total"), lambda r: r.total, True),
            ],
            self,
        )
        self.receipts_view = DtoTableView(self.receipts_model)
        self.print_button = QPushButton(self.tr("Print receipt note…"))
        self.print_button.clicked.connect(self._on_print_clicked)

        self.supplier_combo = QComboBox()
        self.supplier_combo.setObjectName("supplier")
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("location")
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("order")
        self.order_combo.currentIndexChanged.connect(self._on_order_changed)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        self.code_edit.returnPressed.connect(self._on_code_entered)
        self.product_label = QLabel()
        self.product_label.setObjectName("product")
        self.batch_edit = QLineEdit()
        self.batch_edit.setObjectName("batch")
        self.batch_edit.returnPressed.connect(lambda: self.expiry_edit.setFocus())
        self.expiry_edit = QDateEdit()
        self.expiry_edit.setObjectName("expiry")
        self.expiry_edit.setDisplayFormat("yyyy-MM-dd")
        self.expiry_edit.setCalendarPopup(True)
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setObjectName("quantity")
        self.quantity_edit.returnPressed.connect(lambda: self.cost_edit.setFocus())
        self.cost_edit = QLineEdit()
        self.cost_edit.setObjectName("unit_cost")
        self.cost_edit.returnPressed.connect(self.add_line)
        self.lines_model = DtoTableModel(
            [
                TableColumn(self.tr("Code"), lambda p: p.product.code),
                TableColumn(self.tr("Product"), lambda p: p.product.name),
                TableColumn(self.tr("Batch"), lambda p: p.data.batch),
                TableColumn(self.tr("Expiry"), lambda p: p.data.expiry),
                TableColumn(
                    self.tr("Quantity"), lambda p: f"{p.data.quantity} {p.product.unit}", True
                ),
                TableColumn(self.tr("Unit cost"), lambda p: p.data.unit_cost, True),
                TableColumn(
                    self.tr("Order line"), lambda p: self.tr("Yes") if p.data.order_line_id else ""
                ),
            ],
            self,
        )
        self.lines_view = DtoTableView(self.lines_model)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.save_button = QPushButton(self.tr("Save receipt"))
        self.save_button.setObjectName("save_receipt")
        self.save_button.clicked.connect(self.save)
        self.status = StatusLabel()

        form_box = QGroupBox(self.tr("New receipt"))
        form = QFormLayout()
        form.addRow(self.tr("Supplier:"), self.supplier_combo)
        form.addRow(self.tr("Into location:"), self.location_combo)
        form.addRow(self.tr("Purchase order:"), self.order_combo)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.product_label, 1)
        form.addRow(self.tr("Product:"), code_row)
        form.addRow(self.tr("Batch:"), self.batch_edit)
        form.addRow(self.tr("Expiry:"), self.expiry_edit)
        form.addRow(self.tr("Quantity:"), self.quantity_edit)
        form.addRow(self.tr("Unit cost:"), self.cost_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        box_layout = QVBoxLayout(form_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.lines_view)
        box_layout.addLayout(buttons)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.receipts_view)
        left_layout.addWidget(self.print_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._reset_line()

    def set_warehouse(self, warehouse_id: uuid.UUID | None) -> None:
        self._warehouse_id = warehouse_id
        self._pending.clear()
        self.lines_model.set_rows([])
        self.reload()

    def reload(self) -> None:
        warehouse_id = self._warehouse_id
        if warehouse_id is None:
            return

        def operation(uow: Any, _p: Any) -> tuple[Any, ...]:
            return (
                receipts.list_receipts(uow, warehouse_id, limit=100),
                receipts.list_suppliers(uow),
                catalogue.list_locations(uow, warehouse_id),
                receipts.list_open_orders(uow, warehouse_id),
            )

        self._context.tasks.run(
            operation,
            on_done=self._on_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, result: tuple[Any, ...]) -> None:
        rows, suppliers, locations, orders = result
        self.receipts_model.set_rows(rows)
        _refill(self.supplier_combo, [(name, sid) for sid, name in suppliers])
        _refill(
            self.location_combo, [(f"{loc.code} {loc.name}", loc.location_id) for loc in locations]
        )
        choices = [(self.tr("Direct receipt (no order)"), None)]
        choices += [(f"{o.number}  {o.supplier_name}", o.order_id) for o in orders]
        _refill(self.order_combo, choices)

    def _on_order_changed(self, *_args: Any) -> None:
        order_id = self.order_combo.currentData()
        self._order_lines = {}
        if order_id is None:
            return
        self._context.tasks.run(
            lambda uow, _p: receipts.order_lines(uow, order_id),
            on_done=self._on_order_lines,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_order_lines(self, lines: list[Any]) -> None:
        self._order_lines = {
            line.product_id: line.order_line_id for line in lines if line.outstanding > 0
        }
        outstanding = ", ".join(
            f"{line.product_name} {quantity_text(line.outstanding)}{line.unit}" for line in lines
        )
        self.status.say(self.tr("Outstanding on this order: %1").replace("%1", outstanding))

    # -- entering lines ----------------------------------------------------------------------

    def _on_code_entered(self) -> None:
        code = self.code_edit.text().strip()
        if not code:
            return
        self._context.tasks.run(
            lambda uow, _p: catalogue.product_by_barcode(uow, code),
            on_done=self._on_product_found,
            on_error=self._on_code_refused,
            parent=self,
            read_only=True,
        )

    def _on_product_found(self, product: ProductRow) -> None:
        self._product = product
        self.product_label.setText(f"{product.name} {product.specification} ({product.unit})")
        if not self.cost_edit.text():
            self.cost_edit.setText(f"{product.cost}")
        self.status.say("")
        self.batch_edit.setFocus()

    def _on_code_refused(self, error: DomainError) -> None:
        self.status.refuse(error)
        self.code_edit.selectAll()
        self.code_edit.setFocus()

    def add_line(self) -> None:
        """Put the typed line on the receipt (checked when the receipt is saved)."""
        if self._product is None:
            self.code_edit.setFocus()
            return
        chosen = self.expiry_edit.date()
        data = ReceiptLineInput(
            product_id=self._product.product_id,
            batch=self.batch_edit.text(),
            expiry=date(chosen.year(), chosen.month(), chosen.day()),
            quantity=self.quantity_edit.text(),
            unit_cost=self.cost_edit.text(),
            order_line_id=self._order_lines.get(self._product.product_id),
        )
        self._pending.append(_PendingLine(self._product, data))
        self.lines_model.set_rows(self._pending)
        self._reset_line()
        self.code_edit.setFocus()

    def _reset_line(self) -> None:
        self._product = None
        for edit in (self.code_edit, self.batch_edit, self.quantity_edit, self.cost_edit):
            edit.clear()
        self.product_label.clear()
        future = clinic_today().replace(year=clinic_today().year + 2)
        self.expiry_edit.setDate(QDate(future.year, future.month, min(future.day, 28)))

    def _on_remove_clicked(self) -> None:
        row = self.lines_view.selected_row()
        if row is not None:
            self._pending.remove(row)
            self.lines_model.set_rows(self._pending)

    def save(self) -> None:
        """Save the receipt with its lines: the goods are then in stock."""
        if self._warehouse_id is None or not self._pending:
            return
        data = ReceiptInput(
            supplier_id=self.supplier_combo.currentData(),
            warehouse_id=self._warehouse_id,
            location_id=self.location_combo.currentData(),
            purchase_order_id=self.order_combo.currentData(),
            lines=tuple(line.data for line in self._pending),
        )
        self._context.tasks.run(
            lambda uow, _p: receipts.receive(uow, data),
            on_done=self._on_saved,
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_saved(self, detail: ReceiptDetail) -> None:
        self._last = detail
        self._pending.clear()
        self.lines_model.set_rows([])
        self.status.say(
            self.tr("Receipt %1 saved: %n line(s), total %2.", "", len(detail.lines))
            .replace("%1", detail.number)
            .replace("%2", f"¥{detail.total:,.2f}")
        )
        self.code_edit.setFocus()

    def _on_print_clicked(self) -> None:
        detail = self.receipts_view.selected_row() or self._last
        if detail is not None:
            path = ask_save_path(
                self, self.tr("Print receipt note"), f"{detail.number}.pdf", "PDF (*.pdf)"
            )
            if path:
                self.print_note(detail, path)

    def print_note(self, detail: ReceiptDetail, path: Path) -> None:
        """Print the receipt note of `detail` to `path`."""
        self._context.tasks.call_in_background(
            lambda _p: print_receipt_note(detail, path),
            on_done=lambda written: self.status.say(
                self.tr("Saved to %1").replace("%1", str(written))
            ),
            on_failure=lambda error: (
                self.status.refuse(error)
                if isinstance(error, DomainError)
                else self.status.say(str(error))
            ),
            parent=self,
        )

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("purchase_receipt", "purchase_order", "supplier", "location"):
            self.reload()


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a combo's items, keeping the chosen one when it is still there."""
    kept = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(kept)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
