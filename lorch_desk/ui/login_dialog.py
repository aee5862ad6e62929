"""Log in with user name and password; on the demo database the demo accounts are listed.

The dialog shows before the database is open (the program feels started at once); `set_node`
enables it when the database is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import DomainError
from lorch_desk.ui import errors
from lorch_desk.ui.common.role_names import role_label
from lorch_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from lorch_desk.services.auth import LoginAttempt, UserRow


class LoginDialog(QDialog):
    """Emits `logged_in(actor)` (then is accepted) once the password was right."""

    logged_in = Signal(object)

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        last_username: str = "",
        locked_username: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._node_actor: Actor | None = None
        self._demo_password = ""
        self.actor: Actor | None = None
        locked = locked_username is not None
        self.setWindowTitle(self.tr("Screen locked") if locked else self.tr("Lorch Desk — log in"))
        self.heading = QLabel("<h2>Lorch Desk</h2>", self)
        self.site = QLabel(self.tr("Opening the database…"), self)
        self.site.setObjectName("login_site")
        self.username = QLineEdit(locked_username or last_username, self)
        self.username.setObjectName("login_username")
        self.username.setReadOnly(locked)
        self.password = QLineEdit(self)
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("login_message")
        self.message.setStyleSheet("color: #d9363e;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Unlock") if locked else self.tr("Log in")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.demo_hint = QLabel(self)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.hide()
        self.demo_list = QListWidget(self)
        self.demo_list.setObjectName("demo_accounts")
        self.demo_list.hide()
        self.demo_list.itemClicked.connect(self._on_demo_list_item_clicked)
        self.demo_list.itemActivated.connect(self._on_demo_list_item_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.site)
        if locked:
            layout.addWidget(
                QLabel(
                    self.tr("The screen was locked after a pause. Enter your password to go on."),
                    self,
                )
            )
        layout.addLayout(form)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.demo_list)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if self.username.text() else self.username).setFocus()
        self.resize(420, 240)

    @property
    def is_ready(self) -> bool:
        return self._node_actor is not None

    def set_node(
        self,
        node_actor: Actor,
        *,
        site_name: str,
        demo_accounts: list[UserRow] | None = None,
        demo_password: str = "",
    ) -> None:
        """The database is open: name the site, list demo accounts, allow logging in."""
        self._node_actor = node_actor
        self._demo_password = demo_password
        self.site.setText(site_name)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if demo_accounts:
            for account in demo_accounts:
                item = QListWidgetItem(
                    f"{account.display_name}  ·  {role_label(account.role)}  ·  {account.username}"
                )
                item.setData(Qt.ItemDataRole.UserRole, account.username)
                self.demo_list.addItem(item)
            self.demo_hint.setText(
                self.tr("Demo database: pick an account; every demo password is %1").replace(
                    "%1", demo_password
                )
            )
            self.demo_hint.show()
            self.demo_list.show()
            self.resize(420, 520)

    def show_failure(self, text: str) -> None:
        """The database could not be opened: say so and keep the dialog closed to logins."""
        self.site.setText("")
        self.message.setText(text)

    def _on_demo_list_item_clicked(self, item: QListWidgetItem) -> None:
        self.username.setText(item.data(Qt.ItemDataRole.UserRole))
        self.password.setText(self._demo_password)

    def _on_demo_list_item_activated(self, item: QListWidgetItem) -> None:
        self._on_demo_list_item_clicked(item)
        self._on_buttons_accepted()

    def _on_buttons_accepted(self) -> None:
        if self._node_actor is None:
            return
        username, password = self.username.text(), self.password.text()
        if not username.strip() or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        from lorch_desk.services import auth

        self.buttons.setEnabled(False)
        self.message.clear()
        self._tasks.run(
            lambda uow, _progress: auth.attempt_log_in(uow, username=username, password=password),
            on_done=self._on_attempt_done,
            on_error=self._show_refusal,
            parent=self,
            actor=self._node_actor,
        )

    def _on_attempt_done(self, attempt: LoginAttempt) -> None:
        self.buttons.setEnabled(True)
        if attempt.refusal is not None:
            self._show_refusal(attempt.refusal)
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = attempt.actor
        self.logged_in.emit(self.actor)
        self.accept()

    def _show_refusal(self, error: DomainError) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(errors.message_for(error))
