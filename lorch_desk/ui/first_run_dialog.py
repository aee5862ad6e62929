"""First start on a new database: name the site and set the administrator's password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.errors import DomainError
from lorch_desk.ui import errors
from lorch_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from lorch_desk.services.node_setup import NodeIdentity

_ERROR_STYLE = "border: 2px solid #d9363e; border-radius: 3px;"


class FirstRunDialog(QDialog):
    """Accepted with `identity` once the site and its first administrator exist."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.identity: NodeIdentity | None = None
        self.setWindowTitle(self.tr("Set up Lorch Desk"))
        intro = QLabel(
            self.tr(
                "This database is new. Name the centre it belongs to and choose the administrator's "
                "password. There is no default password."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, placeholder in (
            ("site_code", self.tr("Site code"), "BJ"),
            ("site_name", self.tr("Site name"), self.tr("e.g. Beijing headquarters")),
            ("city", self.tr("City"), ""),
            ("username", self.tr("Administrator user name"), "admin"),
            ("display_name", self.tr("Administrator name"), ""),
            ("password", self.tr("Password"), self.tr("at least 8 characters, letters and digits")),
            ("password_again", self.tr("Password again"), ""),
        ):
            line = QLineEdit(self)
            line.setObjectName(f"setup_{key}")
            line.setPlaceholderText(placeholder)
            if key.startswith("password"):
                line.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[key] = line
            form.addRow(label, line)
        self.fields["username"].setText("admin")
        self.is_headquarters = QCheckBox(self.tr("This is the headquarters"), self)
        self.is_headquarters.setChecked(True)
        form.addRow("", self.is_headquarters)
        self.message = QLabel(self)
        self.message.setObjectName("setup_message")
        self.message.setStyleSheet("color: #d9363e;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, 360)

    def _on_buttons_accepted(self) -> None:
        for line in self.fields.values():
            line.setStyleSheet("")
        # Imported here: the dialog opens before the database layer has been loaded.
        from lorch_desk.services import node_setup
        from lorch_desk.services.node_setup import InitialiseNodeInput

        values = {key: line.text() for key, line in self.fields.items()}
        if values["password"] != values["password_again"]:
            self._mark("password_again", self.tr("The two passwords differ."))
            return
        data = InitialiseNodeInput(
            site_code=values["site_code"],
            site_name=values["site_name"],
            city=values["city"],
            is_headquarters=self.is_headquarters.isChecked(),
            admin_username=values["username"],
            admin_display_name=values["display_name"],
            admin_password=values["password"],
        )
        self.buttons.setEnabled(False)
        self._tasks.run(
            lambda uow, _progress: node_setup.initialise_node(uow, data),
            on_done=self._on_done,
            on_error=self._on_refused,
            parent=self,
            actor=node_setup.actor_for_new_node(values["site_code"]),
        )

    def _on_done(self, identity: NodeIdentity) -> None:
        self.identity = identity
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        self.buttons.setEnabled(True)
        field = {"admin_username": "username"}.get(error.field or "", error.field or "")
        self._mark(field, errors.message_for(error))

    def _mark(self, field: str, message: str) -> None:
        self.message.setText("⚠ " + message)
        line = self.fields.get(field)
        if line is not None:
            line.setStyleSheet(_ERROR_STYLE)
            line.setFocus()
