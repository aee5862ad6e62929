"""A month's satisfaction per centre and per consultant, with what it means for the rotation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.permissions import Action
from lorch_desk.domain.satisfaction import VISIT_DIMENSIONS
from lorch_desk.services.satisfaction import (
    SatisfactionSummaryRow,
    centre_summaries,
    consultant_summaries,
)
from lorch_desk.services.satisfaction_suspension import suspend_consultant_for_satisfaction
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.follow_up_labels import DIMENSIONS, VERDICTS, choice_text


class SatisfactionSummaryBox(QGroupBox):
    """Choose a month; the centres' and consultants' rates show below."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Monthly satisfaction"), parent)
        self._context = context
        self.month = QDateEdit(QDate.currentDate(), self)
        self.month.setObjectName("summary_month")
        self.month.setDisplayFormat("yyyy-MM")
        show = QPushButton(self.tr("S&how"), self)
        show.clicked.connect(self.reload)
        counts = [
            TableColumn(self.tr("Surveys"), lambda r: r.surveys, True),
            TableColumn(self.tr("Satisfied"), lambda r: r.satisfied, True),
            TableColumn(self.tr("Satisfaction %"), lambda r: r.rate, True),
            TableColumn(self.tr("Mean score"), lambda r: r.overall, True),
        ]
        dimensions = [
            TableColumn(choice_text(DIMENSIONS, d), lambda r, d=d: dict(r.dimensions)[d], True)
            for d in VISIT_DIMENSIONS
        ]
        self.centres = DtoTableModel(
            [TableColumn(self.tr("Centre"), lambda r: r.name), *counts, *dimensions], self
        )
        self.consultants = DtoTableModel(
            [
                TableColumn(self.tr("Consultant"), lambda r: r.name),
                *counts,
                TableColumn(self.tr("Rotation"), lambda r: choice_text(VERDICTS, r.verdict)),
            ],
            self,
        )
        self.consultant_view = DtoTableView(self.consultants)
        self.suspend_button = QPushButton(self.tr("Suspend for a &week…"), self)
        self.suspend_button.setObjectName("suspend_for_satisfaction")
        self.suspend_button.setVisible(context.actor.may(Action.TRIAGE_DIRECT))
        self.suspend_button.clicked.connect(self.suspend_selected)
        self.status = StatusLabel(self)
        top = QHBoxLayout()
        month_label = QLabel(self.tr("&Month"), self)
        month_label.setBuddy(self.month)
        top.addWidget(month_label)
        top.addWidget(self.month)
        top.addWidget(show)
        top.addStretch(1)
        top.addWidget(self.suspend_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(DtoTableView(self.centres), 1)
        layout.addWidget(self.consultant_view, 2)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        month = self.month.date().toPython()
        self._context.tasks.run(
            lambda uow, _p: (
                centre_summaries(uow, month=month),
                consultant_summaries(uow, month=month),
            ),
            on_done=self._show,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def suspend_selected(self) -> None:
        """After a confirmation, suspend the selected consultant for a week (seed 003)."""
        row = self.consultant_view.selected_row()
        if row is None:
            self.status.say(self.tr("Choose the consultant first."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Suspend for a week"),
            self.tr("Take %1 off the rotation for a week for this month's satisfaction?").replace(
                "%1", row.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        consultant_id, month = row.consultant_id, row.month
        self._context.tasks.run(
            lambda uow, _p: suspend_consultant_for_satisfaction(
                uow, consultant_id=consultant_id, month=month
            ),
            on_done=lambda done: self.status.say(
                self.tr("%1 is suspended for a week.").replace("%1", done.name)
            ),
            on_error=self.status.refuse,
            parent=self,
        )

    def set_month(self, month: date) -> None:
        self.month.setDate(QDate(month.year, month.month, 1))
        self.reload()

    def _show(
        self, result: tuple[list[SatisfactionSummaryRow], list[SatisfactionSummaryRow]]
    ) -> None:
        self.centres.set_rows(result[0])
        self.consultants.set_rows(result[1])
