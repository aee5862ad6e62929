"""库存: what lies in the warehouse, near-expiry batches and products below reorder point."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.services import stock_queries
from lorch_desk.services.stock_queries import ReorderRow, StockRow
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import quantity_text

# Batches the page shows at most; the Reports tab lists every one.
ROW_LIMIT = 2_000


class StockPage(QWidget):
    """Stock on hand by location and batch; near expiry in orange, expired in red."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._warehouse_id: uuid.UUID | None = None
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("stock_search")
        self.search_edit.setPlaceholderText(
            self.tr("Code, barcode, name, pinyin initials or batch")
        )
        self.search_edit.returnPressed.connect(self.reload)
        self.near_expiry_check = QCheckBox(self.tr("Near expiry only"))
        self.near_expiry_check.toggled.connect(self.reload)
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Location"), lambda r: r.location_name),
                TableColumn(self.tr("Code"), lambda r: r.product_code),
                TableColumn(self.tr("Product"), lambda r: r.product_name),
                TableColumn(self.tr("Specification"), lambda r: r.specification),
                TableColumn(self.tr("Unit"), lambda r: r.unit),
                TableColumn(self.tr("Batch"), lambda r: r.batch),
                TableColumn(self.tr("Expiry"), lambda r: self._expiry_text(r)),
                TableColumn(self.tr("Quantity"), lambda r: quantity_text(r.quantity), True),
                TableColumn(self.tr("Value"), lambda r: r.value, True),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.reorder_model = DtoTableModel(
            [
                TableColumn(self.tr("Code"), lambda r: r.product_code),
                TableColumn(self.tr("Product"), lambda r: r.product_name),
                TableColumn(self.tr("On hand"), lambda r: quantity_text(r.on_hand), True),
                TableColumn(
                    self.tr("Reorder point"), lambda r: quantity_text(r.reorder_point), True
                ),
            ],
            self,
        )
        self.reorder_view = DtoTableView(self.reorder_model)
        self.total_label = QLabel()
        self.status = StatusLabel()

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.near_expiry_check)
        reorder_box = QWidget()
        reorder_layout = QVBoxLayout(reorder_box)
        reorder_layout.setContentsMargins(0, 0, 0, 0)
        reorder_layout.addWidget(QLabel(self.tr("Below reorder point")))
        reorder_layout.addWidget(self.reorder_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(reorder_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)

    def set_warehouse(self, warehouse_id: uuid.UUID | None) -> None:
        self._warehouse_id = warehouse_id
        self.reload()

    def reload(self) -> None:
        warehouse_id = self._warehouse_id
        if warehouse_id is None:
            return
        text = self.search_edit.text()
        near = self.near_expiry_check.isChecked()

        def operation(uow: Any, _p: Any) -> tuple[list[StockRow], list[ReorderRow]]:
            return (
                stock_queries.stock_on_hand(
                    uow, warehouse_id, text=text, only_near_expiry=near, limit=ROW_LIMIT + 1
                ),
                stock_queries.below_reorder(uow, warehouse_id),
            )

        self._context.tasks.run(
            operation,
            on_done=self._on_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, result: tuple[list[StockRow], list[ReorderRow]]) -> None:
        rows, reorder = result
        truncated = len(rows) > ROW_LIMIT
        rows = rows[:ROW_LIMIT]
        self.model.set_rows(rows)
        self.reorder_model.set_rows(reorder)
        total = sum((row.value for row in rows), start=0)
        text = self.tr("%n batch(es), value %1", "", len(rows)).replace("%1", f"¥{total:,.2f}")
        if truncated:
            text += " " + self.tr(
                "Only the first %1 are shown: search to narrow the list."
            ).replace("%1", str(ROW_LIMIT))
        self.total_label.setText(text)

    def _expiry_text(self, row: StockRow) -> str:
        text = row.expiry.isoformat() if row.expiry else ""
        if row.expired:
            return self.tr("%1 (expired)").replace("%1", text)
        if row.near_expiry:
            return self.tr("%1 (near expiry)").replace("%1", text)
        return text

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("stock_move") or changes.touches("product"):
            self.reload()
