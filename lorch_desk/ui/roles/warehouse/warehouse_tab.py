"""The warehouse tab (库房): pick a warehouse, then its stock, receipts, counts, destruction."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from lorch_desk.domain.permissions import Action
from lorch_desk.services import catalogue
from lorch_desk.services.catalogue import WarehouseRow
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.count_page import CountPage
from lorch_desk.ui.roles.warehouse.destruction_page import DestructionPage
from lorch_desk.ui.roles.warehouse.dispensing_page import DispensingPage
from lorch_desk.ui.roles.warehouse.receipt_page import ReceiptPage
from lorch_desk.ui.roles.warehouse.requisition_page import RequisitionPage
from lorch_desk.ui.roles.warehouse.shipment_page import ShipmentPage
from lorch_desk.ui.roles.warehouse.stock_page import StockPage
from lorch_desk.ui.roles.warehouse.suggestion_page import SuggestionPage


class WarehouseTabWidget(QWidget):
    """One warehouse at a time: headquarters sees every warehouse, a branch its own."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.warehouse_combo = QComboBox()
        self.warehouse_combo.setObjectName("warehouse")
        self.warehouse_combo.setMinimumWidth(220)
        self.warehouse_combo.currentIndexChanged.connect(self._on_warehouse_changed)
        self.stock_page = StockPage(context)
        self.receipt_page = ReceiptPage(context)
        self.count_page = CountPage(context)
        self.destruction_page = DestructionPage(context)
        self.shipment_page = ShipmentPage(context)
        self.requisition_page = RequisitionPage(context)
        self.suggestion_page = SuggestionPage(context)
        self.pages = QTabWidget()
        self.pages.addTab(self.stock_page, self.tr("Stock on hand"))
        self.pages.addTab(self.receipt_page, self.tr("Purchase receipts"))
        self.pages.addTab(self.count_page, self.tr("Stock counts"))
        self.pages.addTab(self.destruction_page, self.tr("Destruction"))
        self.pages.addTab(self.shipment_page, self.tr("Shipments"))
        self.pages.addTab(self.requisition_page, self.tr("Requisitions"))
        self.pages.addTab(self.suggestion_page, self.tr("Purchase suggestion"))
        self.dispensing_page: DispensingPage | None = None
        if context.actor.may(Action.STOCK_DISPENSE) and context.actor.may(Action.PRESCRIPTION_VIEW):
            self.dispensing_page = DispensingPage(context)
            self.pages.insertTab(1, self.dispensing_page, self.tr("Dispensing"))
        self.status = StatusLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Warehouse:")))
        top.addWidget(self.warehouse_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        self._context.tasks.run(
            lambda uow, _p: catalogue.visible_warehouses(uow),
            on_done=self._on_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, warehouses: list[WarehouseRow]) -> None:
        self.warehouse_combo.blockSignals(True)
        self.warehouse_combo.clear()
        for warehouse in warehouses:
            self.warehouse_combo.addItem(warehouse.name, warehouse.warehouse_id)
        self.warehouse_combo.blockSignals(False)
        if not warehouses:
            self.status.say(self.tr("No warehouse is set up for this site yet."))
        self._on_warehouse_changed()

    def _on_warehouse_changed(self, *_args: Any) -> None:
        warehouse_id = self.warehouse_combo.currentData()
        pages = [self.stock_page, self.receipt_page, self.count_page, self.destruction_page]
        pages += [self.shipment_page, self.requisition_page, self.suggestion_page]
        if self.dispensing_page is not None:
            pages.append(self.dispensing_page)
        for page in pages:
            page.set_warehouse(warehouse_id)
