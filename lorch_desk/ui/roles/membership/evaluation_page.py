"""Tier re-evaluation: pick a quarter (or half-year), preview how many move up and down,
confirm, and run it with a progress bar; the runs so far are listed below."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import membership_evaluation
from lorch_desk.services.membership_evaluation import (
    EvaluationChoice,
    EvaluationPreview,
    EvaluationRow,
)
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class EvaluationPage(QWidget):
    """Managers re-evaluate the tiers of their site's customers for a period that has ended."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._preview: EvaluationPreview | None = None
        self._months = 3
        self._errors = FieldErrors()
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(2000, 2100)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.run_button = QPushButton(self.tr("Re-evaluate…"))
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("preview")
        self.preview_label.setWordWrap(True)
        self.year_spin.valueChanged.connect(self._forget_preview)
        self.period_combo.currentIndexChanged.connect(self._forget_preview)
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Period"), lambda row: row.period_label),
                TableColumn(self.tr("Run at"), lambda row: row.evaluated_at),
                TableColumn(self.tr("By"), lambda row: row.evaluated_by_name),
                TableColumn(self.tr("Customers"), lambda row: row.customers, True),
                TableColumn(self.tr("Upgrades"), lambda row: row.upgrades, True),
                TableColumn(self.tr("Downgrades"), lambda row: row.downgrades, True),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.period_combo)
        top.addWidget(self.preview_button)
        top.addWidget(self.run_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Each customer's cumulative spend up to the period's last day decides their "
                    "tier; every upgrade and downgrade is kept in the history and the customer "
                    "is sent a message."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.preview_label)
        layout.addWidget(self._errors.general)
        layout.addWidget(QLabel(self.tr("Re-evaluations so far")))
        layout.addWidget(self.view, 1)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._context.tasks.run(
            lambda uow, _progress: membership_evaluation.evaluation_choice(uow),
            on_done=self._on_choice_loaded,
            on_error=self._errors.show_refusal,
            parent=self,
            read_only=True,
        )
        self.reload()

    def reload(self) -> None:
        """Read the list of re-evaluations again."""
        self._context.tasks.run(
            lambda uow, _progress: membership_evaluation.list_evaluations(uow),
            on_done=self.model.set_rows,
            parent=self,
            read_only=True,
        )

    def _on_choice_loaded(self, choice: EvaluationChoice) -> None:
        self._months = choice.months
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        if choice.months == 3:
            for number in range(1, 5):
                self.period_combo.addItem(self.tr("Quarter %1").replace("%1", str(number)), number)
        else:
            self.period_combo.addItem(self.tr("First half-year"), 1)
            self.period_combo.addItem(self.tr("Second half-year"), 2)
        self.period_combo.setCurrentIndex(choice.number - 1)
        self.period_combo.blockSignals(False)
        self.year_spin.setValue(choice.year)
        self._forget_preview()

    def _forget_preview(self, *_args: object) -> None:
        self._preview = None
        self.run_button.setEnabled(False)
        self.preview_label.clear()

    def _chosen(self) -> tuple[int, int]:
        return self.year_spin.value(), int(self.period_combo.currentData() or 1)

    def _on_preview_button_clicked(self) -> None:
        self._errors.clear()
        self._forget_preview()
        year, number = self._chosen()
        self._context.tasks.run(
            lambda uow, _progress: membership_evaluation.preview_evaluation(
                uow, year=year, number=number
            ),
            on_done=self._on_previewed,
            on_error=self._errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_previewed(self, preview: EvaluationPreview) -> None:
        self._preview = preview
        self.preview_label.setText(
            self.tr("%1 (spend up to %2): %3 customers, %4 upgrades, %5 downgrades.")
            .replace("%1", preview.period_label)
            .replace("%2", preview.last_day.isoformat())
            .replace("%3", str(preview.customers))
            .replace("%4", str(preview.upgrades))
            .replace("%5", str(preview.downgrades))
        )
        self.run_button.setEnabled(True)

    def _on_run_button_clicked(self) -> None:
        preview = self._preview
        if preview is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Re-evaluate tiers"),
            self.tr(
                "Re-evaluate %1? %2 customers move up and %3 move down; each is sent a message."
            )
            .replace("%1", preview.period_label)
            .replace("%2", str(preview.upgrades))
            .replace("%3", str(preview.downgrades)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        year, number = self._chosen()
        expected = preview.upgrades + preview.downgrades
        self.run_button.setEnabled(False)

        def operation(uow: Any, progress: Any) -> EvaluationRow:
            return membership_evaluation.run_evaluation(
                uow, year=year, number=number, progress=progress, expected_changes=expected
            )

        self._context.tasks.run(
            operation,
            on_done=self._on_evaluated,
            on_error=self._on_refused,
            parent=self,
            progress_title=self.tr("Re-evaluating tiers…"),
        )

    def _on_evaluated(self, row: EvaluationRow) -> None:
        self._preview = None
        self.preview_label.setText(
            self.tr("%1 re-evaluated: %2 upgrades, %3 downgrades.")
            .replace("%1", row.period_label)
            .replace("%2", str(row.upgrades))
            .replace("%3", str(row.downgrades))
        )

    def _on_refused(self, error: DomainError) -> None:
        self._forget_preview()
        self._errors.show_refusal(error)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("tier_evaluation"):
            self.reload()
        if changes.touches("clinic_setting"):
            self._context.tasks.run(
                lambda uow, _progress: membership_evaluation.evaluation_choice(uow),
                on_done=self._on_choice_loaded,
                parent=self,
                read_only=True,
            )
