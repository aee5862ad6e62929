"""营养素申请: a branch requests nutrients; a manager approves; the centre ships; the branch receives.

The buttons a user sees follow their role; a step out of order is refused with the service's
message. The receipt of a shipped requisition uses the same box as any branch shipment.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
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

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.requisitions import RequisitionState
from lorch_desk.services import catalogue, requisitions, shipments
from lorch_desk.services.catalogue import ProductRow
from lorch_desk.services.requisitions import RequisitionLineInput, RequisitionRow
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import quantity_text
from lorch_desk.ui.roles.warehouse.labels import label
from lorch_desk.ui.roles.warehouse.receive_box import ReceiveShipmentBox

STATE_NAMES = {
    RequisitionState.REQUESTED: QT_TRANSLATE_NOOP("warehouse", "Awaiting approval"),
    RequisitionState.APPROVED: QT_TRANSLATE_NOOP("warehouse", "Approved, to ship"),
    RequisitionState.REJECTED: QT_TRANSLATE_NOOP("warehouse", "Rejected"),
    RequisitionState.SHIPPED: QT_TRANSLATE_NOOP("warehouse", "In transit"),
    RequisitionState.RECEIVED: QT_TRANSLATE_NOOP("warehouse", "Received"),
}


def lines_text(row: RequisitionRow) -> str:
    return "; ".join(
        f"{line.product_name} {quantity_text(line.quantity)}{line.unit}" for line in row.lines
    )


class RequisitionPage(QWidget):
    """The requisitions a warehouse made or supplies, their steps, and a new request."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._warehouse_id: uuid.UUID | None = None
        self._product: ProductRow | None = None
        self._pending: list[tuple[ProductRow, str]] = []
        self.status = StatusLabel()
        self.list_model = DtoTableModel(
            [
                TableColumn(self.tr("Number"), lambda r: r.number),
                TableColumn(self.tr("Branch"), lambda r: r.warehouse_name),
                TableColumn(self.tr("State"), lambda r: label(STATE_NAMES, r.state)),
                TableColumn(self.tr("Requested"), lambda r: r.requested_at),
                TableColumn(self.tr("Goods"), lines_text),
                TableColumn(self.tr("Shipment"), lambda r: r.shipment_number or ""),
            ],
            self,
        )
        self.list_view = DtoTableView(self.list_model)
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        actor = context.actor
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve_requisition")
        self.approve_button.clicked.connect(lambda: self.decide(approve=True))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.clicked.connect(lambda: self.decide(approve=False))
        for button in (self.approve_button, self.reject_button):
            button.setVisible(actor.may(Action.REQUISITION_APPROVE))
        self.ship_button = QPushButton(self.tr("Ship (earliest expiry first)"))
        self.ship_button.setObjectName("ship_requisition")
        self.ship_button.clicked.connect(self.ship)
        self.ship_button.setVisible(actor.may(Action.STOCK_SHIP))
        self.receive_box = ReceiveShipmentBox(context, self.status)

        self.request_box = QGroupBox(self.tr("New requisition of nutrients"))
        self.request_box.setVisible(False)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        self.code_edit.returnPressed.connect(self._on_code_entered)
        self.product_label = QLabel()
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setObjectName("quantity")
        self.quantity_edit.returnPressed.connect(self.add_line)
        self.notes_edit = QLineEdit()
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending_lines")
        self.pending_label.setWordWrap(True)
        self.request_button = QPushButton(self.tr("Send requisition"))
        self.request_button.setObjectName("send_requisition")
        self.request_button.clicked.connect(self.request)
        self.request_button.setEnabled(actor.may(Action.REQUISITION_REQUEST))
        form = QFormLayout()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.product_label, 1)
        form.addRow(self.tr("Product:"), code_row)
        form.addRow(self.tr("Quantity:"), self.quantity_edit)
        form.addRow(self.tr("Note:"), self.notes_edit)
        form.addRow(self.tr("Lines:"), self.pending_label)
        box_layout = QVBoxLayout(self.request_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.request_button, 0, Qt.AlignmentFlag.AlignRight)

        steps = QHBoxLayout()
        for button in (self.approve_button, self.reject_button, self.ship_button):
            steps.addWidget(button)
        steps.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_view, 1)
        left_layout.addLayout(steps)
        left_layout.addWidget(self.receive_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.request_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)

    def set_warehouse(self, warehouse_id: uuid.UUID | None) -> None:
        self._warehouse_id = warehouse_id
        self._pending.clear()
        self.pending_label.clear()
        self.receive_box.show_shipment(None)
        self.reload()

    def reload(self) -> None:
        warehouse_id = self._warehouse_id
        if warehouse_id is None:
            return
        self._context.tasks.run(
            lambda uow, _p: (
                requisitions.list_requisitions(uow, warehouse_id),
                not catalogue.get_warehouse(uow, warehouse_id).is_central,
            ),
            on_done=self._on_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, result: tuple[list[RequisitionRow], bool]) -> None:
        rows, is_branch = result
        self.list_model.set_rows(rows)
        self.request_box.setVisible(is_branch)

    def _selected(self) -> RequisitionRow | None:
        return self.list_view.selected_row()

    def _on_selection_changed(self, *_args: Any) -> None:
        row = self._selected()
        if (
            row is None
            or row.state is not RequisitionState.SHIPPED
            or row.warehouse_id != self._warehouse_id
            or row.shipment_id is None
        ):
            self.receive_box.show_shipment(None)
            return
        shipment_id, warehouse_id = row.shipment_id, self._warehouse_id
        self._context.tasks.run(
            lambda uow, _p: shipments.shipment_detail(uow, shipment_id),
            on_done=lambda detail: self.receive_box.show_shipment(detail, warehouse_id),
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    # -- steps -------------------------------------------------------------------------------

    def decide(self, *, approve: bool) -> None:
        """Approve or reject the selected requisition."""
        row = self._selected()
        if row is None:
            return
        self._context.tasks.run(
            lambda uow, _p: requisitions.decide_requisition(
                uow, row.requisition_id, approve=approve
            ),
            on_done=self._on_step_done,
            on_error=self.status.refuse,
            parent=self,
        )

    def ship(self) -> None:
        """Ship the selected approved requisition; the goods go into the branch's transit."""
        row = self._selected()
        if row is None:
            return
        self._context.tasks.run(
            lambda uow, _p: requisitions.ship_requisition(uow, row.requisition_id),
            on_done=lambda detail: self.status.say(
                self.tr("Shipped as %1; the goods are in transit.").replace("%1", detail.number)
            ),
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_step_done(self, row: RequisitionRow) -> None:
        self.status.say(f"{row.number}: {label(STATE_NAMES, row.state)}")

    # -- a new requisition -------------------------------------------------------------------

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
        self.product_label.setText(f"{product.name} ({product.unit})")
        self.quantity_edit.setFocus()

    def _on_code_refused(self, error: DomainError) -> None:
        self.status.refuse(error)
        self.code_edit.selectAll()
        self.code_edit.setFocus()

    def add_line(self) -> None:
        """Put the typed product and quantity on the requisition."""
        if self._product is None:
            self.code_edit.setFocus()
            return
        self._pending.append((self._product, self.quantity_edit.text().strip()))
        self.pending_label.setText("; ".join(f"{p.name} {q}{p.unit}" for p, q in self._pending))
        self._product = None
        self.code_edit.clear()
        self.quantity_edit.clear()
        self.product_label.clear()
        self.code_edit.setFocus()

    def request(self) -> None:
        """Send the requisition to the central warehouse."""
        warehouse_id = self._warehouse_id
        if warehouse_id is None or not self._pending:
            return
        lines = [
            RequisitionLineInput(product_id=p.product_id, quantity=q) for p, q in self._pending
        ]
        notes = self.notes_edit.text()
        self._context.tasks.run(
            lambda uow, _p: requisitions.request_requisition(
                uow, warehouse_id=warehouse_id, lines=lines, notes=notes
            ),
            on_done=self._on_requested,
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_requested(self, row: RequisitionRow) -> None:
        self._pending.clear()
        self.pending_label.clear()
        self.notes_edit.clear()
        self.status.say(self.tr("Requisition %1 sent.").replace("%1", row.number))

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("requisition", "requisition_decision", "shipment", "shipment_receipt"):
            self.reload()
