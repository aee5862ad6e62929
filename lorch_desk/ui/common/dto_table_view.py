"""A read-only table of DTO rows from which the user picks one line."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lorch_desk.ui.common.table_model import DtoTableModel


class DtoTableView(QTableView):
    """Shows a DtoTableModel read-only; whole lines are selected, one at a time."""

    def __init__(self, model: DtoTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def selected_row(self) -> Any | None:
        """The DTO of the selected line, or None."""
        rows = self.selectionModel().selectedRows()
        return self._rows.row_at(rows[0].row()) if rows else None
