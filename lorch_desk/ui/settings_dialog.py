"""This PC's settings: language, database address, idle lock; at HQ, enrolling branch nodes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.permissions import Action
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.settings import UiSettings

if TYPE_CHECKING:
    from lorch_desk.ui.roles.admin.node_enrolment_box import NodeEnrolmentBox


class SettingsDialog(QDialog):
    """Saves to QSettings on OK; language and database take effect at the next start.

    Given the logged-in `context` of a headquarters administrator, it also enrols branch nodes
    (the same box as the Sync tab; an enrolment is saved at once, not on OK).
    """

    def __init__(
        self,
        settings: UiSettings,
        parent: QWidget | None = None,
        *,
        context: UiContext | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.setObjectName("settings_language")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.database_url = QLineEdit(settings.database_url, self)
        self.database_url.setObjectName("settings_database_url")
        self.database_url.setPlaceholderText(
            self.tr("empty: the database file on this PC; or postgresql://user@server/lorch")
        )
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setObjectName("settings_idle_minutes")
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Database address"), self.database_url)
        form.addRow(self.tr("Lock the screen after"), self.idle_minutes)
        note = QLabel(
            self.tr("Language and database address take effect when Lorch Desk is started again."),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        self.enrol_box: NodeEnrolmentBox | None = None
        if context is not None and context.actor.may(Action.SYNC_ENROL):
            # Loaded here: the login window's settings come before any database code.
            from lorch_desk.ui.roles.admin.node_enrolment_box import NodeEnrolmentBox

            self.enrol_box = NodeEnrolmentBox(context, self)
            layout.addWidget(self.enrol_box, 1)
        layout.addWidget(buttons)
        if self.enrol_box is None:
            self.resize(520, 200)
        else:
            self.resize(900, 480)

    def _on_buttons_accepted(self) -> None:
        self._settings.language = str(self.language.currentData())
        self._settings.database_url = self.database_url.text()
        self._settings.idle_lock_minutes = self.idle_minutes.value()
        self._settings.sync()
        self.accept()
