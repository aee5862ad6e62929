"""服务质量评估: the supervisor scores the chosen call, and sees each agent's month."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.calls import SCORE_MAX, SCORE_MIN
from lorch_desk.domain.clock import clinic_today
from lorch_desk.services.call_reviews import (
    AgentMonthRow,
    CallReviewInput,
    CallReviewRow,
    agent_month_summary,
    review_call,
)
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


def _score_spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(SCORE_MIN, SCORE_MAX)
    spin.setValue(SCORE_MAX)
    return spin


class CallReviewBox(QGroupBox):
    """Scores 1 to 5 for the call chosen in the list; `call_reviewed(CallReviewRow)`."""

    call_reviewed = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Quality review"))
        self._context = context
        self._call_id: uuid.UUID | None = None
        self.errors = FieldErrors()
        self.call_label = QLabel(self.tr("Choose a call in the list."))
        self.call_label.setObjectName("review_call")
        self.courtesy_spin = _score_spin("review_courtesy")
        self.knowledge_spin = _score_spin("review_knowledge")
        self.resolution_spin = _score_spin("review_resolution")
        self.process_spin = _score_spin("review_process")
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("review_comment")
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("Save review"))
        self.save_button.setObjectName("save_review")
        self.save_button.clicked.connect(self.save)
        self.month_edit = QDateEdit(QDate(clinic_today()))
        self.month_edit.setObjectName("review_month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.dateChanged.connect(lambda _d: self.load_month())
        self.month_model = DtoTableModel(
            [
                TableColumn(self.tr("Agent"), lambda r: r.agent_name),
                TableColumn(self.tr("Inbound"), lambda r: r.inbound, True),
                TableColumn(self.tr("Outbound"), lambda r: r.outbound, True),
                TableColumn(self.tr("Reviewed"), lambda r: r.reviewed, True),
                TableColumn(self.tr("Average quality %"), lambda r: r.average_percent, True),
            ],
            self,
        )
        self.month_view = DtoTableView(self.month_model)

        form = QFormLayout()
        form.addRow(self.tr("Call:"), self.call_label)
        form.addRow(self.tr("Courtesy:"), self.errors.cell(self.courtesy_spin, "courtesy"))
        form.addRow(self.tr("Knowledge:"), self.errors.cell(self.knowledge_spin, "knowledge"))
        form.addRow(
            self.tr("Problem solved:"), self.errors.cell(self.resolution_spin, "resolution")
        )
        form.addRow(self.tr("Process followed:"), self.errors.cell(self.process_spin, "process"))
        form.addRow(self.tr("Comment:"), self.errors.cell(self.comment_edit, "comment"))
        month_row = QHBoxLayout()
        month_row.addWidget(QLabel(self.tr("Agents in month:")))
        month_row.addWidget(self.month_edit)
        month_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.save_button)
        layout.addLayout(month_row)
        layout.addWidget(self.month_view, 1)
        self.set_call(None, "")
        self.load_month()

    def set_call(self, call_id: uuid.UUID | None, description: str) -> None:
        self._call_id = call_id
        self.errors.clear()
        self.call_label.setText(description or self.tr("Choose a call in the list."))
        self.save_button.setEnabled(call_id is not None)

    def save(self) -> None:
        """Save the scores of the chosen call (a new review replaces an older one)."""
        call_id = self._call_id
        if call_id is None:
            return
        self.errors.clear()
        data = CallReviewInput(
            courtesy=self.courtesy_spin.value(),
            knowledge=self.knowledge_spin.value(),
            resolution=self.resolution_spin.value(),
            process=self.process_spin.value(),
            comment=self.comment_edit.toPlainText(),
        )
        self._context.tasks.run(
            lambda uow, _p: review_call(uow, call_id=call_id, data=data),
            on_done=self._on_saved,
            on_error=self.errors.show_refusal,
            parent=self,
        )

    def load_month(self) -> None:
        """Each agent's calls and average quality in the chosen month."""
        chosen = self.month_edit.date()
        month = date(chosen.year(), chosen.month(), 1)
        self._context.tasks.run(
            lambda uow, _p: agent_month_summary(uow, year=month.year, month=month.month),
            on_done=self._on_month_loaded,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_month_loaded(self, rows: list[AgentMonthRow]) -> None:
        self.month_model.set_rows(rows)

    def _on_saved(self, review: CallReviewRow) -> None:
        self.comment_edit.clear()
        self.errors.show(None, self.tr("Review saved: %1 %.").replace("%1", str(review.percent)))
        self.call_reviewed.emit(review)
        self.load_month()
