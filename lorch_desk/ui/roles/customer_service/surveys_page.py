"""满意度: the visit survey (front desk, health managers) beside the month's summary (managers)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.permissions import Action
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.satisfaction_summary_box import SatisfactionSummaryBox
from lorch_desk.ui.roles.customer_service.visit_survey_box import VisitSurveyBox


class SurveysPage(QWidget):
    """Each half shown only to the roles that may use it."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.entry = (
            VisitSurveyBox(context, self) if context.actor.may(Action.SURVEY_RECORD) else None
        )
        self.summary = (
            SatisfactionSummaryBox(context, self) if context.actor.may(Action.SURVEY_VIEW) else None
        )
        for box, stretch in ((self.entry, 2), (self.summary, 3)):
            if box is not None:
                layout.addWidget(box, stretch)
        context.events.data_changed.connect(self._on_events_data_changed)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if self.summary is not None and changes.touches("satisfaction_survey"):
            self.summary.reload()
