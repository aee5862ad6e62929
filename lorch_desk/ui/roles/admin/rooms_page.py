"""Rooms of every site that appointments book: headquarters adds, renames and retires them."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.services import rooms
from lorch_desk.services.rooms import RoomRow, SiteChoice
from lorch_desk.ui.common.appointment_dialog import combo_index
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.record_list_widget import RecordListWidget
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class RoomsPage(QWidget):
    """Every room by site, retired ones too; a room's code stays, its name may change."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._current_id: uuid.UUID | None = None
        self._errors = FieldErrors()
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Site"), lambda row: row.site_name),
                TableColumn(self.tr("Code"), lambda row: row.code),
                TableColumn(self.tr("Name"), lambda row: row.name),
                TableColumn(
                    self.tr("State"),
                    lambda row: self.tr("in use") if row.is_active else self.tr("retired"),
                ),
            ],
            self,
        )
        self.record_list = RecordListWidget(self.model, self.tr("New room"))
        self.record_list.record_selected.connect(self._show_room)
        self.record_list.new_button.clicked.connect(self._on_new_button_clicked)
        self.view = self.record_list.view

        self.site_combo = QComboBox()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.active_check = QCheckBox(self.tr("In use (appointments can book it)"))
        self.form_box = QGroupBox()
        form = QFormLayout()
        for label, field, name in (
            (self.tr("Site:"), self.site_combo, "site_id"),
            (self.tr("Code:"), self.code_edit, "code"),
            (self.tr("Name:"), self.name_edit, "name"),
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
        for field in (self.code_edit, self.name_edit):
            field.returnPressed.connect(self._on_save_button_clicked)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.record_list)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._show_room(None)
        self.reload()

    def reload(self) -> None:
        """Read the sites and their rooms again."""
        self._context.tasks.run(
            lambda uow, _progress: (rooms.list_sites(uow), rooms.list_rooms(uow)),
            on_done=self._on_rooms_loaded,
            on_error=self.record_list.show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_rooms_loaded(self, loaded: tuple[list[SiteChoice], list[RoomRow]]) -> None:
        sites, rows = loaded
        chosen = self.site_combo.currentData()
        self.site_combo.clear()
        for site in sites:
            self.site_combo.addItem(f"{site.name} ({site.code})", site.id)
        self.site_combo.setCurrentIndex(combo_index(self.site_combo, chosen))
        kept = self.record_list.show_records(
            rows,
            keep_id=self._current_id,
            empty_text=self.tr('No rooms yet. Click "New room" to add one.'),
        )
        if not kept and self._current_id is not None:
            self._show_room(None)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("room", "site"):
            self.reload()

    def _on_new_button_clicked(self) -> None:
        self.view.clearSelection()
        self._show_room(None)
        self.code_edit.setFocus()

    def _show_room(self, row: RoomRow | None) -> None:
        self._errors.clear()
        self.status_label.clear()
        self._current_id = row.id if row else None
        self.form_box.setTitle(row.name if row else self.tr("New room"))
        if row is not None:
            self.site_combo.setCurrentIndex(combo_index(self.site_combo, row.site_id))
        self.code_edit.setText(row.code if row else "")
        self.name_edit.setText(row.name if row else "")
        self.active_check.setChecked(row.is_active if row else True)
        for field in (self.site_combo, self.code_edit):
            field.setEnabled(row is None)
        self.active_check.setEnabled(row is not None)

    def _on_save_button_clicked(self) -> None:
        self._errors.clear()
        self.status_label.clear()
        room_id, site_id = self._current_id, self.site_combo.currentData()
        code, name, active = (
            self.code_edit.text(),
            self.name_edit.text(),
            self.active_check.isChecked(),
        )

        def operation(uow: Any, _progress: Any) -> RoomRow:
            if room_id is None:
                return rooms.add_room(uow, site_id=site_id, code=code, name=name)
            return rooms.update_room(uow, room_id=room_id, name=name, is_active=active)

        self.save_button.setEnabled(False)
        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _on_saved(self, row: RoomRow) -> None:
        self.save_button.setEnabled(True)
        self._show_room(row)
        self.status_label.setText(self.tr("Saved."))

    def _on_refused(self, error: DomainError) -> None:
        self.save_button.setEnabled(True)
        self._errors.show_refusal(error)
