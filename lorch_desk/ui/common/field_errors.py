"""Refusals shown in place: a red line under the field a refusal names, else under the form."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lorch_desk.domain.errors import DomainError
from lorch_desk.ui import errors

ERROR_STYLE = "color: #b3261e;"


class FieldErrorLabel(QLabel):
    """The hidden red line that shows why one field (object name `<name>_error`) was refused."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_error")
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show `text` on the line."""
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        """Empty the line and hide it again."""
        self.clear()
        self.hide()


def error_cell(field: QWidget, error: QLabel, *, natural_width: bool = False) -> QWidget:
    """`field` with its refusal line under it, as one form cell.

    With `natural_width` the field keeps its own width while the line may use the whole row.
    """
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if natural_width:
        field_row = QHBoxLayout()
        field_row.addWidget(field)
        field_row.addStretch(1)
        layout.addLayout(field_row)
    else:
        layout.addWidget(field)
    layout.addWidget(error)
    return cell


class FieldErrors:
    """The refusal lines of one form: one under each field, and a general one for the rest."""

    def __init__(self) -> None:
        self.general = FieldErrorLabel("general")
        self._by_field: dict[str, FieldErrorLabel] = {}

    def cell(self, field: QWidget, name: str) -> QWidget:
        """`field` over its own refusal line, which refusals naming `name` use."""
        label = FieldErrorLabel(name)
        self._by_field[name] = label
        return error_cell(field, label)

    def show(self, field: str | None, text: str) -> None:
        """Show `text` under `field`, or on the general line if the form has no such field."""
        self._by_field.get(field or "", self.general).show_message(text)

    def show_refusal(self, error: DomainError) -> None:
        """Say in words why the service refused, next to the field it names."""
        self.show(error.field, errors.message_for(error))

    def clear(self) -> None:
        """Hide every refusal of the form."""
        for label in (*self._by_field.values(), self.general):
            label.clear_message()
