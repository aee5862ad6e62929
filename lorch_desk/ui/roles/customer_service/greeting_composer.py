"""Compose a batch from a template: preview who gets what, then queue it after a confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.greeting_templates import GreetingPurpose
from lorch_desk.services import greetings, message_templates
from lorch_desk.services.greetings import ComposeGreetingInput, GreetingPreview
from lorch_desk.services.message_templates import TemplateRow
from lorch_desk.ui import errors
from lorch_desk.ui.context import UiContext

# Builds the batch from the page's choices (customers, holiday, item) for a template id.
InputBuilder = Callable[[object], ComposeGreetingInput | None]


class GreetingComposerWidget(QWidget):
    """Template choice, preview of the messages and the button that queues them to the outbox."""

    def __init__(
        self,
        context: UiContext,
        purpose: GreetingPurpose,
        build_input: InputBuilder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._purpose = purpose
        self._build_input = build_input
        self._preview: GreetingPreview | None = None
        self.template_combo = QComboBox()
        self.template_combo.setObjectName(f"{purpose.value}_template")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName(f"{purpose.value}_preview")
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.queue_button = QPushButton(self.tr("Queue messages"))
        self.queue_button.setObjectName(f"{purpose.value}_queue")
        self.queue_button.setEnabled(False)
        self.queue_button.clicked.connect(self._on_queue_button_clicked)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setMaximumHeight(160)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Template")))
        row.addWidget(self.template_combo, 1)
        row.addWidget(self.preview_button)
        row.addWidget(self.queue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.preview_text)
        layout.addWidget(self.status_label)
        self.template_combo.currentIndexChanged.connect(lambda _i: self._forget_preview())
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload_templates()

    def reload_templates(self) -> None:
        """Read the templates in use for this purpose again."""
        purpose = self._purpose
        self._context.tasks.run(
            lambda uow, _p: message_templates.list_templates(
                uow, purpose=purpose, active_only=True
            ),
            on_done=self._on_templates_loaded,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def choices_changed(self) -> None:
        """The page's choices changed: a shown preview no longer holds."""
        self._forget_preview()

    def _on_templates_loaded(self, rows: list[TemplateRow]) -> None:
        chosen = self.template_combo.currentData()
        self.template_combo.clear()
        for row in rows:
            self.template_combo.addItem(row.title, row.id)
        index = self.template_combo.findData(chosen)
        self.template_combo.setCurrentIndex(max(index, 0))
        if not rows:
            self.status_label.setText(self.tr("No template yet: headquarters adds them."))

    def _input(self) -> ComposeGreetingInput | None:
        template_id = self.template_combo.currentData()
        if template_id is None:
            self.status_label.setText(self.tr("Choose a template first."))
            return None
        return self._build_input(template_id)

    def _on_preview_button_clicked(self) -> None:
        data = self._input()
        if data is None:
            return
        self._context.tasks.run(
            lambda uow, _p: greetings.preview_greetings(uow, data=data),
            on_done=self._on_previewed,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _on_previewed(self, preview: GreetingPreview) -> None:
        self._preview = preview
        lines = [
            f"{line.recipient_name} {line.mobile_display}: {line.body}" for line in preview.lines
        ]
        if preview.count > len(preview.lines):
            lines.append("…")
        self.preview_text.setPlainText("\n".join(lines))
        self.status_label.setText(self._summary(preview))
        self.queue_button.setEnabled(preview.count > 0)

    def _summary(self, preview: GreetingPreview) -> str:
        text = self.tr("%n message(s) to queue.", "", preview.count)
        if preview.without_mobile:
            text += " " + self.tr("%n without a mobile.", "", preview.without_mobile)
        if preview.already_greeted:
            text += " " + self.tr("%n already greeted.", "", preview.already_greeted)
        if preview.without_consent:
            text += " " + self.tr(
                "%n left out: no consent to marketing messages.", "", preview.without_consent
            )
        return text

    def _on_queue_button_clicked(self) -> None:
        if self._preview is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Queue messages"),
            self.tr("Queue %n message(s) to the outbox?", "", self._preview.count),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        data = self._input()
        if data is None:
            return
        self._context.tasks.run(
            lambda uow, progress: greetings.queue_greetings(uow, data=data, progress=progress),
            on_done=self._on_queued,
            on_error=self._on_refused,
            parent=self,
            progress_title=self.tr("Queueing messages"),
        )

    def _on_queued(self, result: GreetingPreview) -> None:
        self._forget_preview()
        self.status_label.setText(self.tr("%n message(s) queued to the outbox.", "", result.count))

    def _forget_preview(self) -> None:
        self._preview = None
        self.queue_button.setEnabled(False)
        self.preview_text.clear()

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("message_template"):
            self.reload_templates()

    def _on_refused(self, error: DomainError) -> None:
        self.status_label.setText(errors.message_for(error))
