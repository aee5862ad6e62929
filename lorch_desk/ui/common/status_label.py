"""One line under a page saying what just happened, or why it was refused."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from lorch_desk.domain.errors import DomainError
from lorch_desk.ui import errors
from lorch_desk.ui.common.field_errors import ERROR_STYLE


class StatusLabel(QLabel):
    """`say` what was done; `refuse` shows a refusal's translated message in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status")
        self.setWordWrap(True)

    def say(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)

    def refuse(self, error: DomainError) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(errors.message_for(error))
