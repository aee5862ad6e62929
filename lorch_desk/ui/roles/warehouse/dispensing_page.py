"""发药: the pharmacy's queue of signed prescriptions, dispensed earliest expiry first."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.services import dispensing, prescriptions
from lorch_desk.services.dispensing import DispenseResult
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import quantity_text


class DispensingPage(QWidget):
    """Prescriptions waiting for the pharmacy; Dispense takes what lies in this warehouse."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._warehouse_id: uuid.UUID | None = None
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Number"), lambda r: r.number),
                TableColumn(self.tr("Customer"), lambda r: r.customer_name),
                TableColumn(
                    self.tr("Kind"),
                    lambda r: self.tr("Chinese herbs") if r.kind == "tcm" else self.tr("Western"),
                ),
                TableColumn(self.tr("Lines"), lambda r: r.line_count, True),
                TableColumn(self.tr("Signed"), lambda r: r.signed_at),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.dispense_button = QPushButton(self.tr("Dispense"))
        self.dispense_button.setObjectName("dispense")
        self.dispense_button.clicked.connect(self.dispense_selected)
        self.result_label = QLabel()
        self.result_label.setObjectName("dispensed")
        self.result_label.setWordWrap(True)
        self.status = StatusLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.dispense_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)

    def set_warehouse(self, warehouse_id: uuid.UUID | None) -> None:
        self._warehouse_id = warehouse_id
        self.reload()

    def reload(self) -> None:
        self._context.tasks.run(
            lambda uow, _p: prescriptions.prescriptions_awaiting_dispensing(uow),
            on_done=self.model.set_rows,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def dispense_selected(self) -> None:
        """Dispense the selected prescription from the chosen warehouse."""
        row = self.view.selected_row()
        warehouse_id = self._warehouse_id
        if row is None or warehouse_id is None:
            return
        self._context.tasks.run(
            lambda uow, _p: dispensing.dispense(uow, row.id, warehouse_id=warehouse_id),
            on_done=self._on_dispensed,
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_dispensed(self, result: DispenseResult) -> None:
        parts = []
        for item in result.items:
            batches = ", ".join(f"{batch} ×{quantity_text(q)}" for batch, q in item.batches) or "-"
            text = f"{item.product_name}: {quantity_text(item.dispensed)}/{quantity_text(item.required)}{item.unit} ({batches})"
            if item.outstanding:
                text += " " + self.tr("%1 outstanding").replace(
                    "%1", quantity_text(item.outstanding)
                )
            parts.append(text)
        head = (
            self.tr("%1 dispensed in full.")
            if result.complete
            else self.tr("%1 dispensed in part.")
        )
        self.result_label.setText(head.replace("%1", result.number) + "\n" + "\n".join(parts))

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("prescription", "stock_move"):
            self.reload()
