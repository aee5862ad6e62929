"""Log in with user name and password; on the demo database the demo accounts are listed."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from lorch_desk.services import auth
from lorch_desk.services.auth import LoginAttempt, UserRow
from lorch_desk.ui import errors
from lorch_desk.ui.common.role_names import role_label
from lorch_desk.ui.tasks import TaskRunner


class LoginDialog(QDialog):
    """Accepted with `actor` set once the password was right."""

    def __init__(
        self,
        tasks: TaskRunner,
        node_actor: Actor,
        *,
        site_name: str,
        last_username: str = "",
        demo_accounts: list[UserRow] | None = None,
        demo_password: str = "",
        locked_username: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._node_actor = node_actor
        self._demo_password = demo_password
        self.actor: Actor | None = None
        self.setWindowTitle(
            self.tr("Lorch Desk — log in") if locked_username is None else self.tr("Screen locked")
        )
        heading = QLabel(f"<h2>Lorch Desk</h2><p>{site_name}</p>", self)
        self.username = QLineEdit(locked_username or last_username, self)
        self.username.setObjectName("login_username")
        self.username.setReadOnly(locked_username is not None)
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
            self.tr("Log in") if locked_username is None else self.tr("Unlock")
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if locked_username is not None:
            layout.addWidget(
                QLabel(
                    self.tr("The screen was locked after a pause. Enter your password to go on."),
                    self,
                )
            )
        layout.addLayout(form)
        if demo_accounts:
            self.demo_list = QListWidget(self)
            self.demo_list.setObjectName("demo_accounts")
            for account in demo_accounts:
                item = QListWidgetItem(
                    f"{account.display_name}  ·  {role_label(account.role)}  ·  {account.username}"
                )
                item.setData(Qt.ItemDataRole.UserRole, account.username)
                self.demo_list.addItem(item)
            self.demo_list.itemClicked.connect(self._on_demo_list_item_clicked)
            self.demo_list.itemActivated.connect(self._on_demo_list_item_activated)
            hint = QLabel(
                self.tr("Demo database: pick an account; every demo password is %1").replace(
                    "%1", demo_password
                ),
                self,
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
            layout.addWidget(self.demo_list)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if self.username.text() else self.username).setFocus()
        self.resize(420, 480 if demo_accounts else 220)

    def _on_demo_list_item_clicked(self, item: QListWidgetItem) -> None:
        self.username.setText(item.data(Qt.ItemDataRole.UserRole))
        self.password.setText(self._demo_password)

    def _on_demo_list_item_activated(self, item: QListWidgetItem) -> None:
        self._on_demo_list_item_clicked(item)
        self._on_buttons_accepted()

    def _on_buttons_accepted(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not username.strip() or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
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
        self.accept()

    def _show_refusal(self, error: DomainError) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(errors.message_for(error))
