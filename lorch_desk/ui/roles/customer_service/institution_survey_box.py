"""Headquarters' quarterly survey of a partner institution, and the quarter's answers."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.permissions import Action
from lorch_desk.domain.satisfaction import INSTITUTION_DIMENSIONS, SCORE_MAX, SCORE_MIN
from lorch_desk.services.institutions import InstitutionRow, list_institutions
from lorch_desk.services.surveys import (
    InstitutionSurveyRow,
    list_institution_surveys,
    record_institution_survey,
)
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.follow_up_labels import DIMENSIONS, choice_text
from lorch_desk.ui.roles.customer_service.visit_survey_box import typed_scores


class InstitutionSurveyBox(QGroupBox):
    """Choose the institution and quarter, score the three modules of seed 000, Save."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Quarterly survey of partner institutions"), parent)
        self._context = context
        self.institution = QComboBox(self)
        self.institution.setObjectName("survey_institution")
        self.quarter = QDateEdit(QDate.currentDate(), self)
        self.quarter.setObjectName("survey_quarter")
        self.quarter.setDisplayFormat("yyyy-MM-dd")
        self.quarter.dateChanged.connect(lambda _d: self.reload())
        self.scores: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("&Institution"), self.institution)
        form.addRow(self.tr("Any day of the &quarter"), self.quarter)
        for dimension in INSTITUTION_DIMENSIONS:
            field = QLineEdit(self)
            field.setObjectName(f"institution_score_{dimension}")
            field.setMaxLength(2)
            field.setPlaceholderText(f"{SCORE_MIN}–{SCORE_MAX}")
            self.scores[dimension] = field
            form.addRow(choice_text(DIMENSIONS, dimension), field)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("institution_comment")
        self.comment.returnPressed.connect(self.save)
        form.addRow(self.tr("Opinions"), self.comment)
        self.save_button = QPushButton(self.tr("Save &institution survey"), self)
        self.save_button.setObjectName("save_institution_survey")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(context.actor.may(Action.INSTITUTION_SURVEY_RECORD))
        form.addRow("", self.save_button)
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Institution"), lambda r: r.institution_name),
                *(
                    TableColumn(choice_text(DIMENSIONS, d), lambda r, d=d: dict(r.scores)[d], True)
                    for d in INSTITUTION_DIMENSIONS
                ),
                TableColumn(self.tr("Mean"), lambda r: r.overall, True),
                TableColumn(self.tr("Opinions"), lambda r: r.comment),
            ],
            self,
        )
        self.status = StatusLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(DtoTableView(self.model), 1)
        context.tasks.run(
            lambda uow, _p: list_institutions(uow),
            on_done=self._show_institutions,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )
        self.reload()

    def reload(self) -> None:
        quarter = self.quarter.date().toPython()
        self._context.tasks.run(
            lambda uow, _p: list_institution_surveys(uow, quarter=quarter),
            on_done=self.model.set_rows,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def save(self) -> None:
        """Store the institution's answers; a score off the scale is refused, nothing saved."""
        institution_id = self.institution.currentData()
        if institution_id is None:
            self.status.say(self.tr("Choose the institution first."))
            return
        quarter = self.quarter.date().toPython()
        scores, comment = typed_scores(self.scores), self.comment.text()
        self._context.tasks.run(
            lambda uow, _p: record_institution_survey(
                uow, institution_id=institution_id, quarter=quarter, scores=scores, comment=comment
            ),
            on_done=self._on_saved,
            on_error=self.status.refuse,
            parent=self,
        )

    def _show_institutions(self, rows: list[InstitutionRow]) -> None:
        for row in rows:
            self.institution.addItem(row.name, row.id)

    def _on_saved(self, row: InstitutionSurveyRow) -> None:
        self.status.say(self.tr("Survey of %1 saved.").replace("%1", row.institution_name))
        for field in self.scores.values():
            field.clear()
        self.comment.clear()
        self.reload()
