"""The survey after a visit, typed from the keyboard: customer, consultant, scores, comment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from lorch_desk.domain.satisfaction import SCORE_MAX, SCORE_MIN, VISIT_DIMENSIONS
from lorch_desk.services.customers import CustomerRow
from lorch_desk.services.satisfaction import (
    StaffChoice,
    SurveyRow,
    VisitSurveyInput,
    list_survey_consultants,
    record_visit_survey,
)
from lorch_desk.ui.common.customer_picker import CustomerPicker, picker_text
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.follow_up_labels import DIMENSIONS, choice_text


def typed_scores(fields: dict[str, QLineEdit]) -> dict[str, int]:
    """The scores typed so far; a field left empty or not a number is left out (the service says so)."""
    scores = {}
    for dimension, field in fields.items():
        text = field.text().strip()
        if text.lstrip("-").isdigit():
            scores[dimension] = int(text)
    return scores


PICKER_RESULTS_HEIGHT = 120


class VisitSurveyBox(QGroupBox):
    """Pick the customer, name the consultant, score each dimension, Save (Enter)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Survey after a visit"), parent)
        self._context = context
        self._customer: CustomerRow | None = None
        self.picker = CustomerPicker(context, self)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)
        self.picker.results.setMaximumHeight(PICKER_RESULTS_HEIGHT)
        self.customer_label = QLabel(self.tr("No customer chosen"), self)
        self.customer_label.setObjectName("survey_customer")
        self.consultant = QComboBox(self)
        self.consultant.setObjectName("survey_consultant")
        self.consultant.addItem(self.tr("(none)"), None)
        hint = self.tr("%1 (worst) to %2 (best)").replace("%1", str(SCORE_MIN))
        self.scores = {}
        form = QFormLayout(self)
        form.addRow(self.tr("&Customer"), self.picker)
        form.addRow("", self.customer_label)
        form.addRow(self.tr("C&onsultant"), self.consultant)
        for dimension in VISIT_DIMENSIONS:
            field = QLineEdit(self)
            field.setObjectName(f"score_{dimension}")
            field.setMaxLength(2)
            field.setPlaceholderText(hint.replace("%2", str(SCORE_MAX)))
            field.returnPressed.connect(self.save)
            self.scores[dimension] = field
            form.addRow(choice_text(DIMENSIONS, dimension), field)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("survey_comment")
        self.comment.returnPressed.connect(self.save)
        form.addRow(self.tr("Co&mment"), self.comment)
        self.save_button = QPushButton(self.tr("&Save survey"), self)
        self.save_button.setObjectName("save_survey")
        self.save_button.clicked.connect(self.save)
        self.status = StatusLabel(self)
        form.addRow("", self.save_button)
        form.addRow(self.status)
        context.tasks.run(
            lambda uow, _p: list_survey_consultants(uow),
            on_done=self._show_consultants,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def save(self) -> None:
        """Store the survey; a missing or out-of-range score is refused and nothing is saved."""
        if self._customer is None:
            self.status.say(self.tr("Choose the customer first."))
            return
        data = VisitSurveyInput(
            customer_id=self._customer.id,
            consultant_id=self.consultant.currentData(),
            scores=typed_scores(self.scores),
            comment=self.comment.text(),
        )
        self._context.tasks.run(
            lambda uow, _p: record_visit_survey(uow, data=data),
            on_done=self._on_saved,
            on_error=self.status.refuse,
            parent=self,
        )

    def _show_consultants(self, consultants: list[StaffChoice]) -> None:
        for consultant in consultants:
            self.consultant.addItem(consultant.name, consultant.id)

    def _on_picker_customer_selected(self, row: CustomerRow) -> None:
        self._customer = row
        self.customer_label.setText(picker_text(row))
        self.consultant.setFocus()

    def _on_saved(self, row: SurveyRow) -> None:
        verdict = self.tr("satisfied") if row.is_satisfied else self.tr("not satisfied")
        self.status.say(
            self.tr("Survey of %1 saved: %2 points, %3.")
            .replace("%1", row.customer_name)
            .replace("%2", str(row.overall))
            .replace("%3", verdict)
        )
        for field in self.scores.values():
            field.clear()
        self.comment.clear()
        self._customer = None
        self.customer_label.setText(self.tr("No customer chosen"))
        self.picker.query.clear()
        self.picker.query.setFocus()
