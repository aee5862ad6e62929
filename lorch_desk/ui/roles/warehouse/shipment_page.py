"""发货: the shipments out of and into the warehouse; print the delivery note; ship; receive.

A new shipment is typed in the form on the right (shipment_form.py). A shipment from another
warehouse into this one that has not arrived yet is received in the box under the list.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from lorch_desk.documents.delivery_notes import print_branch_receipt_note, print_delivery_note
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import shipment_receipts, shipments
from lorch_desk.services.shipments import ShipmentDetail, ShipmentKind
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import ask_save_path
from lorch_desk.ui.roles.warehouse.receive_box import ReceiveShipmentBox
from lorch_desk.ui.roles.warehouse.shipment_form import ShipmentForm


class ShipmentPage(QWidget):
    """The shipments of a warehouse (newest first) beside the form of a new one."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._warehouse_id: uuid.UUID | None = None
        self.status = StatusLabel()
        self.shipments_model = DtoTableModel(
            [
                TableColumn(self.tr("Number"), lambda s: s.number),
                TableColumn(self.tr("To"), self._kind_text),
                TableColumn(self.tr("Recipient"), lambda s: s.destination),
                TableColumn(self.tr("Shipped"), lambda s: s.shipped_at),
                TableColumn(self.tr("Lines"), lambda s: len(s.lines), True),
                TableColumn(self.tr("Received"), self._received_text),
            ],
            self,
        )
        self.shipments_view = DtoTableView(self.shipments_model)
        self.shipments_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.print_button = QPushButton(self.tr("Print delivery note…"))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.print_receipt_button = QPushButton(self.tr("Print branch receipt note…"))
        self.print_receipt_button.clicked.connect(self._on_print_receipt_clicked)
        self.receive_box = ReceiveShipmentBox(context, self.status)
        self.form = ShipmentForm(context, self.status)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.shipments_view, 1)
        prints = QHBoxLayout()
        prints.addWidget(self.print_button)
        prints.addWidget(self.print_receipt_button)
        left_layout.addLayout(prints)
        left_layout.addWidget(self.receive_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)

    def _kind_text(self, shipment: ShipmentDetail) -> str:
        return self.tr("Customer") if shipment.kind is ShipmentKind.CUSTOMER else self.tr("Branch")

    def _received_text(self, shipment: ShipmentDetail) -> str:
        if shipment.kind is ShipmentKind.CUSTOMER:
            return ""
        return self.tr("Yes") if shipment.received else self.tr("In transit")

    def set_warehouse(self, warehouse_id: uuid.UUID | None) -> None:
        self._warehouse_id = warehouse_id
        self.receive_box.show_shipment(None)
        self.reload()

    def reload(self) -> None:
        warehouse_id = self._warehouse_id
        if warehouse_id is None:
            return
        self._context.tasks.run(
            lambda uow, _p: (
                shipments.list_shipments(uow, warehouse_id, limit=100),
                shipments.other_warehouses(uow, warehouse_id),
            ),
            on_done=self._on_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, result: tuple[Any, ...]) -> None:
        rows, warehouses = result
        self.shipments_model.set_rows(rows)
        self.form.set_warehouse(self._warehouse_id, warehouses)

    def _on_selection_changed(self, *_args: Any) -> None:
        shipment: ShipmentDetail | None = self.shipments_view.selected_row()
        incoming = (
            shipment is not None
            and shipment.to_warehouse_id == self._warehouse_id
            and not shipment.received
        )
        self.receive_box.show_shipment(shipment if incoming else None, self._warehouse_id)

    def _on_print_clicked(self) -> None:
        detail = self.shipments_view.selected_row()
        if detail is not None:
            path = ask_save_path(
                self, self.tr("Print delivery note"), f"{detail.number}.pdf", "PDF (*.pdf)"
            )
            if path:
                self.print_note(detail, path)

    def print_note(self, detail: ShipmentDetail, path: Path) -> None:
        """Print the delivery note of `detail` to `path`."""
        self._context.tasks.call_in_background(
            lambda _p: print_delivery_note(detail, path),
            on_done=self._on_saved,
            on_failure=self._on_print_failed,
            parent=self,
        )

    def _on_print_receipt_clicked(self) -> None:
        detail = self.shipments_view.selected_row()
        if detail is None or not detail.received:
            self.status.say(self.tr("Choose a shipment a branch has received."))
            return
        path = ask_save_path(
            self, self.tr("Print branch receipt note"), f"{detail.number}-签收.pdf", "PDF (*.pdf)"
        )
        if path:
            self.print_receipt_note(detail, path)

    def print_receipt_note(self, detail: ShipmentDetail, path: Path) -> None:
        """Print the branch's receipt of `detail` (shipped, received, damaged) to `path`."""
        shipment_id = detail.shipment_id
        self._context.tasks.run(
            lambda uow, _p: print_branch_receipt_note(
                shipment_receipts.receipt_of_shipment(uow, shipment_id), path
            ),
            on_done=self._on_saved,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_saved(self, written: Path) -> None:
        self.status.say(self.tr("Saved to %1").replace("%1", str(written)))

    def _on_print_failed(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            self.status.refuse(error)
        else:
            self.status.say(str(error))

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("shipment", "shipment_receipt", "warehouse"):
            self.reload()
