"""The membership tab (会员): member lookup, tiers, re-evaluation, events and partner merchants,
each page shown to the roles that may use it."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from lorch_desk.domain.permissions import Action
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.membership.evaluation_page import EvaluationPage
from lorch_desk.ui.roles.membership.events_page import EventsPage
from lorch_desk.ui.roles.membership.member_page import MemberPage
from lorch_desk.ui.roles.membership.partners_page import PartnersPage
from lorch_desk.ui.roles.membership.tiers_page import TiersPage


class MembershipTabWidget(QWidget):
    """Members, their tiers and the events and partner discounts they enjoy."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        actor = context.actor
        self.pages = QTabWidget()
        self.member_page = MemberPage(context)
        self.pages.addTab(self.member_page, self.tr("Member lookup"))
        self.tiers_page = TiersPage(context)
        self.pages.addTab(self.tiers_page, self.tr("Tiers"))
        self.evaluation_page: EvaluationPage | None = None
        if actor.may(Action.TIER_EVALUATE):
            self.evaluation_page = EvaluationPage(context)
            self.pages.addTab(self.evaluation_page, self.tr("Re-evaluation"))
        self.events_page: EventsPage | None = None
        if actor.may(Action.MEMBER_EVENT_MANAGE):
            self.events_page = EventsPage(context)
            self.pages.addTab(self.events_page, self.tr("Member events"))
        self.partners_page = PartnersPage(context)
        self.pages.addTab(self.partners_page, self.tr("Partner merchants"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
