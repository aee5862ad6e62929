"""Third-party survey reports: file a report (PDF or picture) on a month, list those filed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.services.surveys import SurveyReportRow, file_survey_report, list_survey_reports
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class SurveyReportsBox(QGroupBox):
    """Agency, month, summary and the report's file; File report stores them together."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Third-party survey reports"), parent)
        self._context = context
        self.agency = QLineEdit(self)
        self.agency.setObjectName("report_agency")
        self.month = QDateEdit(QDate.currentDate(), self)
        self.month.setObjectName("report_month")
        self.month.setDisplayFormat("yyyy-MM")
        self.summary = QLineEdit(self)
        self.summary.setObjectName("report_summary")
        self.path = QLineEdit(self)
        self.path.setObjectName("report_path")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        self.file_button = QPushButton(self.tr("&File report"), self)
        self.file_button.setObjectName("file_report")
        self.file_button.clicked.connect(self.file_report)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Agency"), self.agency)
        form.addRow(self.tr("Month"), self.month)
        form.addRow(self.tr("Findings"), self.summary)
        form.addRow(self.tr("Report file"), path_row)
        form.addRow("", self.file_button)
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Month"), lambda r: r.month_start.strftime("%Y-%m")),
                TableColumn(self.tr("Agency"), lambda r: r.agency),
                TableColumn(self.tr("File"), lambda r: r.file_name),
                TableColumn(self.tr("Findings"), lambda r: r.summary),
            ],
            self,
        )
        self.status = StatusLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(DtoTableView(self.model), 1)
        self.reload()

    def reload(self) -> None:
        self._context.tasks.run(
            lambda uow, _p: list_survey_reports(uow),
            on_done=self.model.set_rows,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def file_report(self) -> None:
        """Read the chosen file and file it with the agency, month and findings."""
        path = Path(self.path.text().strip())
        if not self.path.text().strip() or not path.is_file():
            self.status.say(self.tr("Choose the report's file first."))
            return
        content = path.read_bytes()
        agency, summary = self.agency.text(), self.summary.text()
        month = self.month.date().toPython()
        self._context.tasks.run(
            lambda uow, _p: file_survey_report(
                uow,
                agency=agency,
                month=month,
                summary=summary,
                file_name=path.name,
                content=content,
            ),
            on_done=self._on_filed,
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_filed(self, row: SurveyReportRow) -> None:
        self.status.say(self.tr("Report %1 filed.").replace("%1", row.file_name))
        for field in (self.agency, self.summary, self.path):
            field.clear()
        self.reload()

    def _on_browse_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Survey report"), "", self.tr("Reports (*.pdf *.png *.jpg *.jpeg)")
        )
        if name:
            self.path.setText(name)
