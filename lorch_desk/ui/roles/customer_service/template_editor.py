"""Headquarters words the message templates: purpose, title, text with placeholders, preview."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.greeting_templates import GreetingPurpose, allowed_placeholders
from lorch_desk.services import message_templates
from lorch_desk.services.message_templates import SaveTemplateInput, TemplateRow
from lorch_desk.ui import errors
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext

PURPOSE_LABELS: dict[GreetingPurpose, str] = {
    GreetingPurpose.BIRTHDAY: QT_TRANSLATE_NOOP("greetings", "Birthday greeting"),
    GreetingPurpose.HOLIDAY: QT_TRANSLATE_NOOP("greetings", "Holiday greeting"),
    GreetingPurpose.MARKETING: QT_TRANSLATE_NOOP("greetings", "Marketing message"),
}


def purpose_label(purpose: GreetingPurpose) -> str:
    """The translated name of a template's purpose."""
    return QCoreApplication.translate("greetings", PURPOSE_LABELS[purpose])


class TemplateEditorWidget(QWidget):
    """The list of templates and a form to add one or reword the selected one."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._editing: TemplateRow | None = None
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Purpose"), lambda t: purpose_label(t.purpose)),
                TableColumn(self.tr("Title"), lambda t: t.title),
                TableColumn(self.tr("In use"), lambda t: self.tr("Yes") if t.is_active else ""),
                TableColumn(self.tr("Text"), lambda t: t.body),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.view.setObjectName("template_list")
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._on_selected())
        self.purpose_combo = QComboBox()
        self.purpose_combo.setObjectName("template_purpose")
        for purpose in GreetingPurpose:
            self.purpose_combo.addItem(purpose_label(purpose), purpose)
        self.purpose_combo.currentIndexChanged.connect(lambda _i: self._show_placeholders())
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("template_title")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("template_body")
        self.body_edit.setMaximumHeight(100)
        self.active_box = QCheckBox(self.tr("In use"))
        self.active_box.setChecked(True)
        self.placeholders_label = QLabel()
        self.preview_label = QLabel()
        self.preview_label.setObjectName("template_preview")
        self.preview_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("template_preview_button")
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.save_button = QPushButton(self.tr("Save template"))
        self.save_button.setObjectName("template_save")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        form = QFormLayout()
        form.addRow(self.tr("Purpose"), self.purpose_combo)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Text"), self.body_edit)
        form.addRow("", self.placeholders_label)
        form.addRow("", self.active_box)
        form.addRow(self.tr("Preview"), self.preview_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._show_placeholders()
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        """Read every template again."""
        self._context.tasks.run(
            lambda uow, _p: message_templates.list_templates(uow),
            on_done=self.model.set_rows,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _purpose(self) -> GreetingPurpose:
        return GreetingPurpose(self.purpose_combo.currentData())

    def _show_placeholders(self) -> None:
        self.placeholders_label.setText(
            self.tr("Placeholders: %1").replace("%1", allowed_placeholders(self._purpose()))
        )

    def _on_selected(self) -> None:
        row = self.view.selected_row()
        if row is None:
            return
        self._editing = row
        self.purpose_combo.setCurrentIndex(self.purpose_combo.findData(row.purpose))
        self.title_edit.setText(row.title)
        self.body_edit.setPlainText(row.body)
        self.active_box.setChecked(row.is_active)
        self.preview_label.clear()

    def _on_new_button_clicked(self) -> None:
        self._editing = None
        self.view.clearSelection()
        self.title_edit.clear()
        self.body_edit.clear()
        self.active_box.setChecked(True)
        self.preview_label.clear()
        self.title_edit.setFocus()

    def _on_preview_button_clicked(self) -> None:
        body, purpose = self.body_edit.toPlainText(), self._purpose()
        self._context.tasks.run(
            lambda uow, _p: message_templates.preview_template(uow, body=body, purpose=purpose),
            on_done=self.preview_label.setText,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _on_save_button_clicked(self) -> None:
        data = SaveTemplateInput(
            purpose=self._purpose(),
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            is_active=self.active_box.isChecked(),
            id=self._editing.id if self._editing is not None else None,
        )
        self._context.tasks.run(
            lambda uow, _p: message_templates.save_template(uow, data=data),
            on_done=self._on_saved,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_saved(self, row: TemplateRow) -> None:
        self._editing = row
        self.preview_label.setText(self.tr("Saved: %1").replace("%1", row.title))

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("message_template"):
            self.reload()

    def _on_refused(self, error: DomainError) -> None:
        self.preview_label.setText(errors.message_for(error))
