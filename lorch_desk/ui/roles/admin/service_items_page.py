"""Service items (the central catalogue plans and the cashier price from): list and one form."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import service_items
from lorch_desk.services.service_items import ServiceItemInput, ServiceItemRow
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.record_list_widget import RecordListWidget
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class ServiceItemsPage(QWidget):
    """Every service item, retired ones too; headquarters adds, changes and retires them."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._current_id: uuid.UUID | None = None
        self._errors = FieldErrors()
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Code"), lambda row: row.code),
                TableColumn(self.tr("Name"), lambda row: row.name),
                TableColumn(self.tr("Category"), lambda row: row.category),
                TableColumn(self.tr("Unit price"), lambda row: row.unit_price, align_right=True),
                TableColumn(self.tr("Sessions"), lambda row: row.sessions_per_course),
                TableColumn(
                    self.tr("State"),
                    lambda row: self.tr("active") if row.is_active else self.tr("retired"),
                ),
            ],
            self,
        )
        self.record_list = RecordListWidget(self.model, self.tr("New service item"))
        self.record_list.record_selected.connect(self._show_item)
        self.record_list.new_button.clicked.connect(self._on_new_button_clicked)
        self.view = self.record_list.view

        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.category_edit = QLineEdit()
        self.category_edit.setMaxLength(30)
        self.category_edit.setPlaceholderText(self.tr("e.g. skin care, TCM therapy"))
        self.price_spin = QDoubleSpinBox()
        self.price_spin.setDecimals(2)
        self.price_spin.setRange(0, 9_999_999)
        self.price_spin.setPrefix("¥ ")
        self.sessions_spin = QSpinBox()
        self.sessions_spin.setRange(0, 200)
        self.sessions_spin.setSpecialValueText(self.tr("single service"))
        self.active_check = QCheckBox(self.tr("Offered (plans and the cashier list it)"))
        self.form_box = QGroupBox()
        form = QFormLayout()
        for label, field, name in (
            (self.tr("Code:"), self.code_edit, "code"),
            (self.tr("Name:"), self.name_edit, "name"),
            (self.tr("Category:"), self.category_edit, "category"),
            (self.tr("Unit price:"), self.price_spin, "unit_price"),
            (self.tr("Sessions per course:"), self.sessions_spin, "sessions_per_course"),
            ("", self.active_check, "is_active"),
        ):
            field.setObjectName(name)
            form.addRow(label, self._errors.cell(field, name))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self._errors.general)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.status_label)
        box_layout.addStretch(1)
        for field in (self.code_edit, self.name_edit, self.category_edit):
            field.returnPressed.connect(self._on_save_button_clicked)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.record_list)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._show_item(None)
        self.reload()

    def reload(self) -> None:
        """Read the catalogue again."""
        self._context.tasks.run(
            lambda uow, _progress: service_items.list_service_items(uow, include_inactive=True),
            on_done=self._on_items_loaded,
            on_error=self.record_list.show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_items_loaded(self, rows: list[ServiceItemRow]) -> None:
        kept = self.record_list.show_records(
            rows,
            keep_id=self._current_id,
            empty_text=self.tr('No service items yet. Click "New service item" to add one.'),
        )
        if not kept and self._current_id is not None:
            self._show_item(None)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("service_item"):
            self.reload()

    def _on_new_button_clicked(self) -> None:
        self.view.clearSelection()
        self._show_item(None)
        self.code_edit.setFocus()

    def _show_item(self, row: ServiceItemRow | None) -> None:
        self._errors.clear()
        self.status_label.clear()
        self._current_id = row.id if row else None
        self.form_box.setTitle(row.name if row else self.tr("New service item"))
        self.code_edit.setText(row.code if row else "")
        self.name_edit.setText(row.name if row else "")
        self.category_edit.setText(row.category if row else "")
        self.price_spin.setValue(float(row.unit_price) if row else 0)
        self.sessions_spin.setValue((row.sessions_per_course or 0) if row else 0)
        self.active_check.setChecked(row.is_active if row else True)
        self.active_check.setEnabled(row is not None)

    def _on_save_button_clicked(self) -> None:
        self._errors.clear()
        self.status_label.clear()
        data = ServiceItemInput(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            category=self.category_edit.text(),
            unit_price=Decimal(f"{self.price_spin.value():.2f}"),
            sessions_per_course=self.sessions_spin.value() or None,
        )
        item_id, active = self._current_id, self.active_check.isChecked()

        def operation(uow: Any, _progress: Any) -> ServiceItemRow:
            if item_id is None:
                return service_items.add_service_item(uow, data=data)
            return service_items.update_service_item(
                uow, item_id=item_id, data=data, is_active=active
            )

        self.save_button.setEnabled(False)
        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _on_saved(self, row: ServiceItemRow) -> None:
        self.save_button.setEnabled(True)
        self._show_item(row)
        self.status_label.setText(self.tr("Saved."))

    def _on_refused(self, error: DomainError) -> None:
        self.save_button.setEnabled(True)
        self._errors.show_refusal(error)
