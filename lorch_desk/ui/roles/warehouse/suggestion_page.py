"""采购建议: what the central warehouse should buy (seed 000's three-month rule), exportable.

The figures come from services/purchase_suggestion.py; the export runs the registered report
so the Excel and PDF files look like every other report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lorch_desk.documents.pdf import render_table_pdf
from lorch_desk.documents.xlsx.table_export import export_table_xlsx
from lorch_desk.services import reports
from lorch_desk.services.purchase_suggestion import (
    PURCHASE_SUGGESTION,
    SuggestionRow,
    branch_text,
    purchase_suggestion,
)
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import ask_save_path, quantity_text


class SuggestionPage(QWidget):
    """The purchase suggestion of the central warehouse, largest first."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Code"), lambda r: r.code),
                TableColumn(self.tr("Product"), lambda r: r.name),
                TableColumn(self.tr("Unit"), lambda r: r.unit),
                TableColumn(
                    self.tr("Used in 3 months"), lambda r: quantity_text(r.consumption), True
                ),
                TableColumn(self.tr("By branch"), branch_text),
                TableColumn(
                    self.tr("Open requisitions"),
                    lambda r: quantity_text(r.open_requisitions),
                    True,
                ),
                TableColumn(
                    self.tr("Reorder point"), lambda r: quantity_text(r.reorder_point), True
                ),
                TableColumn(self.tr("Central stock"), lambda r: quantity_text(r.on_hand), True),
                TableColumn(self.tr("On order"), lambda r: quantity_text(r.on_order), True),
                TableColumn(self.tr("Suggested"), lambda r: quantity_text(r.suggested), True),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.only_needed = QCheckBox(self.tr("Only what to buy"))
        self.only_needed.setChecked(True)
        self.only_needed.toggled.connect(lambda _on: self.reload())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        excel = QPushButton(self.tr("Export to Excel…"))
        excel.clicked.connect(lambda: self._on_export_clicked("xlsx"))
        pdf = QPushButton(self.tr("Print to PDF…"))
        pdf.clicked.connect(lambda: self._on_export_clicked("pdf"))
        rule = QLabel(
            self.tr(
                "Suggested = use in the last three months + open requisitions + reorder point "
                "− usable central stock − still on order (seed 000: three-month sales cycle)."
            )
        )
        rule.setWordWrap(True)
        self.status = StatusLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.only_needed)
        buttons.addStretch(1)
        for button in (refresh, excel, pdf):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def set_warehouse(self, _warehouse_id: Any) -> None:
        """The suggestion is for the central warehouse whichever one is chosen."""
        self.reload()

    def reload(self) -> None:
        only_needed = self.only_needed.isChecked()
        self._context.tasks.run(
            lambda uow, _p: purchase_suggestion(uow, only_needed=only_needed),
            on_done=self._on_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, rows: list[SuggestionRow]) -> None:
        self.model.set_rows(rows)
        self.status.say(self.tr("%n product(s) to buy.", "", sum(1 for r in rows if r.suggested)))

    def _on_export_clicked(self, kind: str) -> None:
        path = ask_save_path(
            self,
            self.tr("Export purchase suggestion"),
            f"采购建议.{kind}",
            "Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)",
        )
        if path:
            self.export_to(path, kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the suggestion report to `path` ("xlsx" or "pdf")."""
        values = {"only_needed": self.only_needed.isChecked()}
        site_name, language = self._context.site_name, self._context.language
        render = render_table_pdf if kind == "pdf" else export_table_xlsx

        def operation(uow: Any, progress: Any) -> Path:
            document = reports.build_document(
                uow,
                key=PURCHASE_SUGGESTION.key,
                values=values,
                site_name=site_name,
                progress=progress,
            )
            return render(document, path, language=language, progress=progress)

        self._context.tasks.run(
            operation,
            on_done=lambda written: self.status.say(
                self.tr("Saved to %1").replace("%1", str(written))
            ),
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )
