"""The customer service tab (客服): one page per duty, each shown to the roles that may use it."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from lorch_desk.domain.permissions import Action
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.calls_page import CallsPage
from lorch_desk.ui.roles.customer_service.complaints_page import ComplaintsPage
from lorch_desk.ui.roles.customer_service.follow_up_calls_page import FollowUpCallsPage
from lorch_desk.ui.roles.customer_service.follow_up_rules_page import FollowUpRulesPage
from lorch_desk.ui.roles.customer_service.greetings_page import GreetingsPageWidget
from lorch_desk.ui.roles.customer_service.institution_surveys_page import InstitutionSurveysPage
from lorch_desk.ui.roles.customer_service.surveys_page import SurveysPage


class CustomerServiceTabWidget(QWidget):
    """Follow-up calls, surveys, complaints, greetings and calls, page by page."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QTabWidget()
        # Each area adds its page here, guarded by the action that page needs.
        if context.actor.may(Action.FOLLOW_UP_VIEW):
            self.pages.addTab(FollowUpCallsPage(context), self.tr("Follow-up calls"))
        if context.actor.may(Action.SURVEY_RECORD) or context.actor.may(Action.SURVEY_VIEW):
            self.pages.addTab(SurveysPage(context), self.tr("Satisfaction surveys"))
        if context.actor.may(Action.SURVEY_VIEW):
            self.pages.addTab(InstitutionSurveysPage(context), self.tr("Institution surveys"))
        if context.actor.may(Action.FOLLOW_UP_RULES_EDIT):
            self.pages.addTab(FollowUpRulesPage(context), self.tr("Follow-up rules"))
        if context.actor.may(Action.GREETING_SEND):
            self.pages.addTab(GreetingsPageWidget(context), self.tr("Greetings"))
        if context.actor.may(Action.COMPLAINT_VIEW):
            self.pages.addTab(ComplaintsPage(context), self.tr("Complaints"))
        if context.actor.may(Action.CALL_LOG) or context.actor.may(Action.CALL_REVIEW):
            self.pages.addTab(CallsPage(context), self.tr("Call centre"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
