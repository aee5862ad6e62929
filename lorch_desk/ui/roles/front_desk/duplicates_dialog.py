"""Warns that the customer being saved may already exist, and lets the receptionist choose."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.services.customers import CustomerRow, DuplicateCandidate
from lorch_desk.ui.common.customer_picker import picker_text

REASONS = {
    "mobile": QT_TRANSLATE_NOOP("DuplicatesDialog", "same mobile"),
    "id_number": QT_TRANSLATE_NOOP("DuplicatesDialog", "same ID number"),
    "name_birthday": QT_TRANSLATE_NOOP("DuplicatesDialog", "same name and birthday"),
}


class DuplicateChoice(Enum):
    CANCEL = "cancel"
    OPEN_EXISTING = "open_existing"
    REGISTER_ANYWAY = "register_anyway"


class DuplicatesDialog(QDialog):
    """Lists the possible duplicates; `choice` and `selected` tell what to do afterwards."""

    def __init__(self, candidates: list[DuplicateCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.choice = DuplicateChoice.CANCEL
        self.selected: CustomerRow | None = None
        intro = QLabel(
            self.tr(
                "These customers look like the one you are registering. Open one of them, or register a new customer anyway."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("duplicate_candidates")
        for candidate in candidates:
            reasons = ", ".join(
                QCoreApplication.translate("DuplicatesDialog", REASONS.get(reason, reason))
                for reason in candidate.reasons
            )
            item = QListWidgetItem(f"{picker_text(candidate.row)}   ({reasons})")
            item.setData(Qt.ItemDataRole.UserRole, candidate.row)
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)
        self.candidates.itemActivated.connect(
            lambda _item: self._finish(DuplicateChoice.OPEN_EXISTING)
        )
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("Open selected"), self)
        self.open_button.setObjectName("open_existing")
        self.register_button = QPushButton(self.tr("Register anyway"), self)
        self.register_button.setObjectName("register_anyway")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.clicked.connect(lambda: self._finish(DuplicateChoice.OPEN_EXISTING))
        self.register_button.clicked.connect(lambda: self._finish(DuplicateChoice.REGISTER_ANYWAY))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.candidates)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def _finish(self, choice: DuplicateChoice) -> None:
        self.choice = choice
        item = self.candidates.currentItem()
        self.selected = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.accept()
