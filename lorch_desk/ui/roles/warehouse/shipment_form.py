"""The form of a new shipment: to a customer (picker, recipient, address) or to a branch.

Keyboard first: code + Enter moves to the quantity, Enter adds the line (batches are picked
earliest expiry first unless a batch is typed) and returns to the code for the next item.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.errors import DomainError
from lorch_desk.services import catalogue, shipments
from lorch_desk.services.catalogue import ProductRow
from lorch_desk.services.customers import CustomerRow
from lorch_desk.services.shipment_picking import ShipLineInput
from lorch_desk.services.shipments import CustomerShipmentInput, ShipmentDetail, ShipmentKind
from lorch_desk.ui.common.customer_picker import CustomerPicker, picker_text
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import quantity_text


class _PendingLine:
    def __init__(self, product: ProductRow, quantity: str, batch: str) -> None:
        self.product = product
        self.quantity = quantity
        self.batch = batch


class ShipmentForm(QGroupBox):
    """Type the lines, choose where they go, ship; `shipped(ShipmentDetail)` when saved."""

    shipped = Signal(object)

    def __init__(self, context: UiContext, status: StatusLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("New shipment"))
        self._context = context
        self._status = status
        self._warehouse_id: uuid.UUID | None = None
        self._product: ProductRow | None = None
        self._customer: CustomerRow | None = None
        self._pending: list[_PendingLine] = []

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("shipment_kind")
        self.kind_combo.addItem(self.tr("To a customer"), ShipmentKind.CUSTOMER)
        self.kind_combo.addItem(self.tr("To a branch"), ShipmentKind.BRANCH)
        self.picker = CustomerPicker(context)
        self.picker.customer_selected.connect(self._on_customer_selected)
        self.picker.results.setMaximumHeight(120)
        self.customer_label = QLabel(self.tr("No customer chosen"))
        self.customer_label.setObjectName("shipment_customer")
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setPlaceholderText(self.tr("Blank: the customer"))
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("address")
        self.address_edit.setPlaceholderText(self.tr("Blank: the address on the customer's file"))
        customer_box = QWidget()
        customer_form = QFormLayout(customer_box)
        customer_form.setContentsMargins(0, 0, 0, 0)
        customer_form.addRow(self.tr("Customer:"), self.picker)
        customer_form.addRow("", self.customer_label)
        customer_form.addRow(self.tr("Recipient:"), self.recipient_edit)
        customer_form.addRow(self.tr("Phone:"), self.phone_edit)
        customer_form.addRow(self.tr("Address:"), self.address_edit)
        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("to_warehouse")
        branch_box = QWidget()
        branch_form = QFormLayout(branch_box)
        branch_form.setContentsMargins(0, 0, 0, 0)
        branch_form.addRow(self.tr("To warehouse:"), self.branch_combo)
        self.destination = QStackedWidget()
        self.destination.addWidget(customer_box)
        self.destination.addWidget(branch_box)
        self.kind_combo.currentIndexChanged.connect(self.destination.setCurrentIndex)

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        self.code_edit.returnPressed.connect(self._on_code_entered)
        self.product_label = QLabel()
        self.product_label.setObjectName("product")
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setObjectName("quantity")
        self.quantity_edit.returnPressed.connect(self.add_line)
        self.batch_edit = QLineEdit()
        self.batch_edit.setObjectName("batch")
        self.batch_edit.setPlaceholderText(self.tr("Blank: earliest expiry first"))
        self.batch_edit.returnPressed.connect(self.add_line)
        self.lines_model = DtoTableModel(
            [
                TableColumn(self.tr("Code"), lambda p: p.product.code),
                TableColumn(self.tr("Product"), lambda p: p.product.name),
                TableColumn(self.tr("Quantity"), lambda p: f"{p.quantity} {p.product.unit}", True),
                TableColumn(self.tr("Batch"), lambda p: p.batch or self.tr("earliest expiry")),
            ],
            self,
        )
        self.lines_view = DtoTableView(self.lines_model)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.ship_button = QPushButton(self.tr("Ship"))
        self.ship_button.setObjectName("ship")
        self.ship_button.clicked.connect(self.ship)

        top = QFormLayout()
        top.addRow(self.tr("Ship:"), self.kind_combo)
        form = QFormLayout()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.product_label, 1)
        form.addRow(self.tr("Product:"), code_row)
        form.addRow(self.tr("Quantity:"), self.quantity_edit)
        form.addRow(self.tr("Batch:"), self.batch_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ship_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.destination)
        layout.addLayout(form)
        layout.addWidget(self.lines_view)
        layout.addLayout(buttons)

    def set_warehouse(
        self, warehouse_id: uuid.UUID | None, branches: list[tuple[uuid.UUID, str]]
    ) -> None:
        """Ship out of `warehouse_id`, to a customer or one of `branches` (id, name)."""
        if warehouse_id != self._warehouse_id:
            self._pending.clear()
            self.lines_model.set_rows([])
        self._warehouse_id = warehouse_id
        kept = self.branch_combo.currentData()
        self.branch_combo.clear()
        for branch_id, name in branches:
            self.branch_combo.addItem(name, branch_id)
        self.branch_combo.setCurrentIndex(max(self.branch_combo.findData(kept), 0))

    def _on_customer_selected(self, customer: CustomerRow) -> None:
        self._customer = customer
        self.customer_label.setText(picker_text(customer))
        self.code_edit.setFocus()

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
        self._status.say("")
        self.quantity_edit.setFocus()

    def _on_code_refused(self, error: DomainError) -> None:
        self._status.refuse(error)
        self.code_edit.selectAll()
        self.code_edit.setFocus()

    def add_line(self) -> None:
        """Put the typed line on the shipment (checked against the stock when shipped)."""
        if self._product is None:
            self.code_edit.setFocus()
            return
        quantity, batch = self.quantity_edit.text().strip(), self.batch_edit.text().strip()
        self._pending.append(_PendingLine(self._product, quantity, batch))
        self.lines_model.set_rows(self._pending)
        self._product = None
        for edit in (self.code_edit, self.quantity_edit, self.batch_edit):
            edit.clear()
        self.product_label.clear()
        self.code_edit.setFocus()

    def _on_remove_clicked(self) -> None:
        row = self.lines_view.selected_row()
        if row is not None:
            self._pending.remove(row)
            self.lines_model.set_rows(self._pending)

    def ship(self) -> None:
        """Ship the lines: to the chosen customer's address, or into the branch's transit."""
        warehouse_id = self._warehouse_id
        if warehouse_id is None or not self._pending:
            return
        lines = tuple(
            ShipLineInput(
                product_id=p.product.product_id, quantity=p.quantity, batch=p.batch or None
            )
            for p in self._pending
        )
        if self.kind_combo.currentData() == ShipmentKind.CUSTOMER:
            if self._customer is None:
                self._status.say(self.tr("Choose the customer first."))
                self.picker.query.setFocus()
                return
            data = CustomerShipmentInput(
                warehouse_id=warehouse_id,
                customer_id=self._customer.id,
                lines=lines,
                address=self.address_edit.text(),
                recipient=self.recipient_edit.text(),
                phone=self.phone_edit.text(),
            )

            def operation(uow: Any, _p: Any) -> ShipmentDetail:
                return shipments.ship_to_customer(uow, data)
        else:
            to_warehouse = self.branch_combo.currentData()

            def operation(uow: Any, _p: Any) -> ShipmentDetail:
                return shipments.ship_to_branch(
                    uow, warehouse_id=warehouse_id, to_warehouse_id=to_warehouse, lines=lines
                )

        self._context.tasks.run(
            operation, on_done=self._on_shipped, on_error=self._status.refuse, parent=self
        )

    def _on_shipped(self, detail: ShipmentDetail) -> None:
        self._pending.clear()
        self.lines_model.set_rows([])
        batches = ", ".join(f"{ln.batch} ×{quantity_text(ln.quantity)}" for ln in detail.lines)
        self._status.say(
            self.tr("Shipment %1 saved to %2: %3.")
            .replace("%1", detail.number)
            .replace("%2", detail.destination)
            .replace("%3", batches)
        )
        self.code_edit.setFocus()
        self.shipped.emit(detail)
