"""The health file of one customer: sections of dated entries; a change is a new entry."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.customers import HealthSection
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import health_file
from lorch_desk.ui import errors
from lorch_desk.ui.common.choice_labels import HEALTH_SECTIONS, choice_label
from lorch_desk.ui.common.table_model import display_text
from lorch_desk.ui.context import UiContext


class HealthFileWidget(QWidget):
    """Opens (and so audits) the file only when asked to load; entries are appended."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._lists: dict[HealthSection, QListWidget] = {}
        may_edit = context.actor.may(Action.HEALTH_FILE_EDIT)
        self._sections = QTabWidget(self)
        for section in HealthSection:
            entries = QListWidget(self)
            entries.setObjectName(f"health_{section.value}")
            entries.setWordWrap(True)
            entries.setAlternatingRowColors(True)
            self._lists[section] = entries
            self._sections.addTab(entries, choice_label(HEALTH_SECTIONS, section))
        self._new_entry = QPlainTextEdit(self)
        self._new_entry.setObjectName("health_new_entry")
        self._new_entry.setPlaceholderText(self.tr("New entry for the section shown above"))
        self._new_entry.setFixedHeight(64)
        self._new_entry.setTabChangesFocus(True)
        self._add = QPushButton(self.tr("Add entry"), self)
        self._add.setObjectName("health_add")
        self._add.clicked.connect(self._on_add_clicked)
        self._message = QLabel(self)
        self._message.setObjectName("health_message")
        self._message.setWordWrap(True)
        for widget in (self._new_entry, self._add):
            widget.setEnabled(may_edit)
            if not may_edit:
                widget.setToolTip(self.tr("Only consultants and doctors add to the health file."))
        row = QHBoxLayout()
        row.addWidget(self._new_entry, 1)
        row.addWidget(self._add)
        layout = QVBoxLayout(self)
        layout.addWidget(self._sections, 1)
        layout.addLayout(row)
        layout.addWidget(self._message)
        context.events.data_changed.connect(self._on_events_data_changed)

    def load(self, customer_id: uuid.UUID) -> None:
        """Open the customer's health file (the opening is written to the audit log)."""
        self._customer_id = customer_id
        self._context.tasks.run(
            lambda uow, _progress: health_file.open_health_file(uow, customer_id=customer_id),
            on_done=self._show,
            on_error=self._show_refusal,
            parent=self,
        )

    def current_section(self) -> HealthSection:
        return list(HealthSection)[self._sections.currentIndex()]

    def select_section(self, section: HealthSection) -> None:
        self._sections.setCurrentIndex(list(HealthSection).index(section))

    def entries_shown(self, section: HealthSection) -> list[str]:
        entries = self._lists[section]
        return [entries.item(row).text() for row in range(entries.count())]

    def _show(self, view: health_file.HealthFileView) -> None:
        self._message.clear()
        for section, entries in self._lists.items():
            entries.clear()
            rows = view.sections.get(section, [])
            if not rows:
                entries.addItem(self.tr("No entries yet."))
            for entry in rows:
                author = f" · {entry.recorded_by_name}" if entry.recorded_by_name else ""
                entries.addItem(f"{display_text(entry.recorded_at)}{author}\n{entry.content}")

    def _show_refusal(self, error: DomainError) -> None:
        self._message.setText("⚠ " + errors.message_for(error))

    def _on_add_clicked(self) -> None:
        if self._customer_id is None:
            return
        customer_id, section = self._customer_id, self.current_section()
        content = self._new_entry.toPlainText().strip()

        def added(_entry: object) -> None:
            self._new_entry.clear()
            self._message.setText(self.tr("Entry added."))

        self._context.tasks.run(
            lambda uow, _progress: health_file.add_health_entry(
                uow, customer_id=customer_id, section=section, content=content
            ),
            on_done=added,
            on_error=self._show_refusal,
            parent=self,
        )

    def _on_events_data_changed(self, changes: object) -> None:
        if self._customer_id is not None and changes.touches("health_record_entry"):  # type: ignore[attr-defined]
            self.load(self._customer_id)
