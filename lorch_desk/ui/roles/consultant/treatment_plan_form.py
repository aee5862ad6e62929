"""The treatment plan of one customer: service items with quantities, catalogue prices, total."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import service_items, treatment_plans
from lorch_desk.services.service_items import ServiceItemRow
from lorch_desk.services.treatment_plans import (
    PlanLineInput,
    TreatmentPlanDetail,
    TreatmentPlanInput,
    line_total,
)
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import display_text
from lorch_desk.ui.context import UiContext


class TreatmentPlanFormWidget(QWidget):
    """Builds a plan line by line; saving again makes a new version of the shown plan."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._arrival_id: uuid.UUID | None = None
        self._plans: list[TreatmentPlanDetail] = []
        self._lines: list[tuple[ServiceItemRow, Decimal]] = []
        self._items: list[ServiceItemRow] = []
        self.history = QListWidget(self)
        self.history.setObjectName("plan_history")
        self.history.setMaximumHeight(110)
        self.service = QComboBox(self)
        self.service.setObjectName("plan_service")
        self.quantity = QLineEdit("1", self)
        self.quantity.setObjectName("plan_quantity")
        self.quantity.setMaximumWidth(80)
        self.add_button = QPushButton(self.tr("Add line"), self)
        self.add_button.setObjectName("plan_add")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove line"), self)
        self.remove_button.setObjectName("plan_remove")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.lines = QTableWidget(0, 4, self)
        self.lines.setObjectName("plan_lines")
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Service item"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Amount")]
        )
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.total = QLabel(self)
        self.total.setObjectName("plan_total")
        self.notes = QLineEdit(self)
        self.notes.setObjectName("plan_notes")
        self.notes.setPlaceholderText(self.tr("Notes: schedule, course, remarks"))
        self.save_button = QPushButton(self.tr("Save plan"), self)
        self.save_button.setObjectName("plan_save")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.message = QLabel(self)
        self.message.setObjectName("plan_message")
        self.errors = FieldErrors()
        picker = QHBoxLayout()
        picker.addWidget(self.service, 1)
        picker.addWidget(QLabel(self.tr("Quantity"), self))
        picker.addWidget(self.quantity)
        picker.addWidget(self.add_button)
        picker.addWidget(self.remove_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notes, 1)
        bottom.addWidget(self.total)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Saved plans (newest version of each)"), self))
        layout.addWidget(self.history)
        layout.addLayout(picker)
        layout.addWidget(self.lines, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.message)
        may_write = context.actor.may(Action.CONSULTATION_RECORD)
        for widget in (self.add_button, self.remove_button, self.save_button):
            widget.setEnabled(may_write)
        self._show_total()

    def load(self, customer_id: uuid.UUID, arrival_id: uuid.UUID | None) -> None:
        """Show the customer's plans and the catalogue to build a new one from."""
        self._customer_id, self._arrival_id = customer_id, arrival_id
        self._lines = []
        self._show_lines()

        def read(uow, _progress):  # noqa: ANN001, ANN202
            return (
                service_items.list_service_items(uow),
                treatment_plans.list_treatment_plans(uow, customer_id=customer_id),
            )

        self._context.tasks.run(
            read, on_done=self._show, on_error=self.errors.show_refusal, parent=self, read_only=True
        )

    def add_line(self, service_name: str, quantity: str) -> None:
        """Pick a service item by name and add it with `quantity` (what the user does by keys)."""
        index = next((i for i, item in enumerate(self._items) if item.name == service_name), -1)
        self.service.setCurrentIndex(index)
        self.quantity.setText(quantity)
        self._on_add_button_clicked()

    def _show(self, loaded: tuple[list[ServiceItemRow], list[TreatmentPlanDetail]]) -> None:
        self._items, self._plans = loaded
        self.service.clear()
        for item in self._items:
            course = self.tr(" (%1 sessions)").replace("%1", str(item.sessions_per_course))
            self.service.addItem(
                f"{item.name} · ¥{display_text(item.unit_price)}"
                + (course if item.sessions_per_course else "")
            )
        self.history.clear()
        for plan in self._plans:
            names = "、".join(f"{line.name}×{line.quantity.normalize():f}" for line in plan.lines)
            version = self.tr("version %1").replace("%1", str(plan.version))
            self.history.addItem(
                f"{display_text(plan.day)} · {names} · ¥{display_text(plan.total)} · {version}"
            )

    def _on_add_button_clicked(self) -> None:
        self.errors.clear()
        index = self.service.currentIndex()
        if not 0 <= index < len(self._items):
            return
        try:
            quantity = Decimal(self.quantity.text().strip())
        except InvalidOperation:
            quantity = Decimal(0)
        if not quantity.is_finite() or quantity <= 0:
            self.errors.show(None, self.tr("The quantity must be a number above 0."))
            return
        self._lines.append((self._items[index], quantity))
        self._show_lines()

    def _on_remove_button_clicked(self) -> None:
        row = self.lines.currentRow()
        if 0 <= row < len(self._lines):
            del self._lines[row]
            self._show_lines()

    def _show_lines(self) -> None:
        self.lines.setRowCount(len(self._lines))
        for row, (item, quantity) in enumerate(self._lines):
            for column, text in enumerate(
                (
                    item.name,
                    f"{quantity.normalize():f}",
                    display_text(item.unit_price),
                    display_text(line_total(quantity, item.unit_price)),
                )
            ):
                self.lines.setItem(row, column, QTableWidgetItem(text))
        self._show_total()

    def _show_total(self) -> None:
        total = sum((line_total(q, item.unit_price) for item, q in self._lines), Decimal("0.00"))
        self.total.setText(self.tr("Total: ¥%1").replace("%1", display_text(total)))

    def _on_save_button_clicked(self) -> None:
        if self._customer_id is None:
            return
        self.errors.clear()
        customer_id, arrival_id = self._customer_id, self._arrival_id
        data = TreatmentPlanInput(
            [PlanLineInput(item.id, quantity) for item, quantity in self._lines], self.notes.text()
        )
        supersedes = (
            self._plans[0].id
            if self._plans and self._plans[0].arrival_id == arrival_id and arrival_id
            else None
        )
        self._context.tasks.run(
            lambda uow, _p: treatment_plans.save_treatment_plan(
                uow,
                customer_id=customer_id,
                arrival_id=arrival_id,
                data=data,
                supersedes_id=supersedes,
            ),
            on_done=self._on_saved,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_saved(self, plan: TreatmentPlanDetail) -> None:
        self.message.setText(
            self.tr("Plan saved: total ¥%1.").replace("%1", display_text(plan.total))
        )
        self.notes.clear()
        if self._customer_id is not None:
            self.load(self._customer_id, self._arrival_id)

    def _on_refused(self, error: DomainError) -> None:
        self.errors.show_refusal(error)
