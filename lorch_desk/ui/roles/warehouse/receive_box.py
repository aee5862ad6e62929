"""Receive a branch shipment: per line how much arrived and how much is damaged, then save.

Every line starts as "arrived as shipped"; the clerk overwrites the received and damaged cells
(Tab moves between them) and notes what happened. The service keeps every discrepancy.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.services import catalogue
from lorch_desk.services.shipment_receipts import ReceivedLineInput, receive_shipment
from lorch_desk.services.shipments import ShipmentDetail
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import quantity_text

SHIPPED, RECEIVED, DAMAGED, NOTE = 2, 3, 4, 5


class ReceiveShipmentBox(QGroupBox):
    """Shown for a shipment into this warehouse that is not received yet; `received(detail)`."""

    received = Signal(object)

    def __init__(self, context: UiContext, status: StatusLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Receive shipment"))
        self._context = context
        self._status = status
        self._shipment: ShipmentDetail | None = None
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("receive_location")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("receive_lines")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Batch"),
                self.tr("Shipped"),
                self.tr("Received"),
                self.tr("Damaged"),
                self.tr("Note"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.receive_button = QPushButton(self.tr("Receive into stock"))
        self.receive_button.setObjectName("receive_shipment")
        self.receive_button.clicked.connect(self._on_receive_clicked)
        form = QFormLayout()
        form.addRow(self.tr("Into location:"), self.location_combo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.receive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setVisible(False)

    def show_shipment(
        self, shipment: ShipmentDetail | None, warehouse_id: uuid.UUID | None = None
    ) -> None:
        """Offer `shipment` for receipt into `warehouse_id`, or hide the box (None)."""
        self._shipment = shipment if warehouse_id is not None else None
        self.setVisible(self._shipment is not None)
        if shipment is None or warehouse_id is None:
            return
        self.table.setRowCount(len(shipment.lines))
        for row, line in enumerate(shipment.lines):
            cells = (
                f"{line.product_name} ({line.unit})",
                line.batch,
                quantity_text(line.quantity),
                quantity_text(line.quantity),
                "0",
                "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column < RECEIVED:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self._context.tasks.run(
            lambda uow, _p: catalogue.list_locations(uow, warehouse_id),
            on_done=self._on_locations,
            on_error=self._status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_locations(self, locations: list[Any]) -> None:
        self.location_combo.clear()
        for location in locations:
            self.location_combo.addItem(f"{location.code} {location.name}", location.location_id)

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Type `text` into a cell (what the clerk does with the keyboard)."""
        self.table.item(row, column).setText(text)

    def _discrepancies(self) -> int:
        """Lines whose typed figures differ from what was shipped (as typed, unchecked)."""
        return sum(
            1
            for row in range(self.table.rowCount())
            if self.table.item(row, RECEIVED).text().strip() != self.table.item(row, SHIPPED).text()
            or self.table.item(row, DAMAGED).text().strip() not in ("", "0")
        )

    def _on_receive_clicked(self) -> None:
        differing = self._discrepancies()
        if differing:
            answer = QMessageBox.question(
                self,
                self.tr("Receive with discrepancies"),
                self.tr(
                    "%n line(s) differ from the shipment. Shortages are written off as a loss "
                    "and damaged goods go to scrap. Receive now?",
                    "",
                    differing,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.receive()

    def receive(self) -> None:
        """Save the receipt: the goods leave transit for the chosen location."""
        shipment = self._shipment
        if shipment is None:
            return
        lines = [
            ReceivedLineInput(
                shipment_line_id=line.line_id,
                received=self.table.item(row, RECEIVED).text(),
                damaged=self.table.item(row, DAMAGED).text() or "0",
                note=self.table.item(row, NOTE).text(),
            )
            for row, line in enumerate(shipment.lines)
        ]
        location_id = self.location_combo.currentData()
        self._context.tasks.run(
            lambda uow, _p: receive_shipment(
                uow, shipment.shipment_id, location_id=location_id, lines=lines
            ),
            on_done=self._on_received,
            on_error=self._status.refuse,
            parent=self,
        )

    def _on_received(self, detail: Any) -> None:
        self._status.say(
            self.tr(
                "Received %1: %n line(s) with a discrepancy.", "", len(detail.discrepancies)
            ).replace("%1", detail.shipment_number)
        )
        self.show_shipment(None)
        self.received.emit(detail)
