"""The list side of a list-and-form tab: the records, a "New …" button, a line when empty."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lorch_desk.domain.errors import DomainError
from lorch_desk.ui import errors
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel


class RecordListWidget(QWidget):
    """Records (DTOs with an `id`) the user picks one of to show in the form beside the list.

    Reloading keeps the picked record selected without announcing it again, so the form keeps
    what the user typed meanwhile.
    """

    record_selected = Signal(object)

    def __init__(self, model: DtoTableModel, new_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restoring = False
        self.model = model
        self.view = DtoTableView(model)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.new_button = QPushButton(new_text)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

    def show_records(
        self, rows: Sequence[Any], *, keep_id: uuid.UUID | None, empty_text: str
    ) -> bool:
        """Show `rows` (or `empty_text` if none); reselect `keep_id`, False if it has gone."""
        self._restoring = True
        try:
            self.model.set_rows(rows)
            kept = next((number for number, row in enumerate(rows) if row.id == keep_id), None)
            if kept is not None:
                self.view.selectRow(kept)
        finally:
            self._restoring = False
        self.empty_label.setText(empty_text)
        self.empty_label.setVisible(not rows)
        return kept is not None

    def show_refusal(self, error: DomainError) -> None:
        """Empty the list and say why it could not be read."""
        self.model.set_rows([])
        self.empty_label.setText(errors.message_for(error))
        self.empty_label.show()

    def selected_record(self) -> Any | None:
        """The DTO of the selected record, or None."""
        return self.view.selected_row()

    def _on_view_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        row = self.view.selected_row()
        if not self._restoring and row is not None:
            self.record_selected.emit(row)
