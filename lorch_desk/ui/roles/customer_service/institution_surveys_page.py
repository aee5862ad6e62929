"""Partner-institution surveys and third-party reports, side by side."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.institution_survey_box import InstitutionSurveyBox
from lorch_desk.ui.roles.customer_service.survey_reports_box import SurveyReportsBox


class InstitutionSurveysPage(QWidget):
    """Shown to those who read surveys (customer service, managers)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.institutions = InstitutionSurveyBox(context, self)
        self.reports = SurveyReportsBox(context, self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.institutions, 1)
        layout.addWidget(self.reports, 1)
