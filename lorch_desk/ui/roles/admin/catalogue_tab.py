"""Central catalogue headquarters keeps for the chain: service items and the sites' rooms."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from lorch_desk.domain.permissions import Action
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.admin.rooms_page import RoomsPage
from lorch_desk.ui.roles.admin.service_items_page import ServiceItemsPage


class CatalogueTabWidget(QWidget):
    """One page per catalogue the role may edit."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QTabWidget(self)
        self.service_items_page: ServiceItemsPage | None = None
        self.rooms_page: RoomsPage | None = None
        if context.actor.may(Action.SERVICE_ITEM_EDIT):
            self.service_items_page = ServiceItemsPage(context)
            self.pages.addTab(self.service_items_page, self.tr("Service items"))
        if context.actor.may(Action.SETTINGS_EDIT):
            self.rooms_page = RoomsPage(context)
            self.pages.addTab(self.rooms_page, self.tr("Rooms"))
        QVBoxLayout(self).addWidget(self.pages)
