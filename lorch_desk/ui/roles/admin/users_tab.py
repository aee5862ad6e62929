"""The administrator's list of logins: create one, reset a password, disable or enable."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.services import auth
from lorch_desk.services.auth import CreateUserInput, UserRow
from lorch_desk.ui import errors
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.role_names import role_label
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class _UserAccountDialog(QDialog):
    """A new login (`user` None) or a new password for `user`; refusals appear in place."""

    def __init__(self, context: UiContext, user: UserRow | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._context = context
        self._user = user
        self._busy = False
        self._errors = FieldErrors()
        self._form = QFormLayout()
        self.username_edit = QLineEdit()
        self.display_name_edit = QLineEdit()
        self.role_combo = QComboBox()
        self.password_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for name, field in (
            ("username", self.username_edit),
            ("display_name", self.display_name_edit),
            ("role", self.role_combo),
            ("password", self.password_edit),
            ("password_repeat", self.repeat_edit),
        ):
            field.setObjectName(name)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        if user is None:
            self.setObjectName("new_user_dialog")
            self.setWindowTitle(self.tr("New user"))
            self.username_edit.setPlaceholderText(
                self.tr("lowercase letters and digits, e.g. wangfang")
            )
            for role in Role:
                self.role_combo.addItem(role_label(role), role.value)
            self._add_row(self.tr("User name:"), self.username_edit, "username")
            self._add_row(self.tr("Display name:"), self.display_name_edit, "display_name")
            self._add_row(self.tr("Role:"), self.role_combo, "role")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        else:
            self.setObjectName("reset_password_dialog")
            self.setWindowTitle(self.tr("Reset password"))
            intro = QLabel(
                self.tr("New password for {name} ({username}):").format(
                    name=user.display_name, username=user.username
                )
            )
            self._form.addRow(intro)
        self._add_row(self.tr("Password:"), self.password_edit, "password")
        self._add_row(self.tr("Repeat password:"), self.repeat_edit, "password_repeat")

        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._errors.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def reject(self) -> None:
        # The operation is already running: closing now would lose its answer.
        if not self._busy:
            super().reject()

    def _add_row(self, label: str, field: QWidget, name: str) -> None:
        self._form.addRow(label, self._errors.cell(field, name))

    def _on_buttons_accepted(self) -> None:
        self._errors.clear()
        if self.password_edit.text() != self.repeat_edit.text():
            self._errors.show(
                "password_repeat",
                self.tr("The two passwords differ. Type the same password twice."),
            )
            self.repeat_edit.setFocus()
            return
        self._set_busy(True)
        password = self.password_edit.text()
        if self._user is None:
            data = CreateUserInput(
                username=self.username_edit.text(),
                display_name=self.display_name_edit.text(),
                role=Role(self.role_combo.currentData()),
                password=password,
            )

            def operation(uow: Any, _progress: Any) -> object:
                return auth.create_user(uow, data)

        else:
            user_id = self._user.id

            def operation(uow: Any, _progress: Any) -> object:
                auth.set_password(uow, user_id=user_id, password=password)
                return None

        self._context.tasks.run(
            operation,
            on_done=self._on_operation_done,
            on_error=self._on_operation_refused,
            parent=self,
        )

    def _on_operation_done(self, _result: object) -> None:
        self._set_busy(False)
        self.accept()

    def _on_operation_refused(self, error: DomainError) -> None:
        self._set_busy(False)
        self._errors.show_refusal(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)


class UsersTabWidget(QWidget):
    """Every login with its role and state; headquarters administrators may change them."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._may_edit = context.actor.may(Action.USER_ADMIN)
        self._selected_id: uuid.UUID | None = None

        self.new_button = QPushButton(self.tr("New user…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.active_button = QPushButton(self.tr("Disable"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        if not self._may_edit:
            reason = self.tr("Your role may see user accounts but not change them.")
            for button in (self.new_button, self.reset_button, self.active_button):
                button.setToolTip(reason)

        self.model = DtoTableModel(
            [
                TableColumn(self.tr("User name"), lambda row: row.username),
                TableColumn(self.tr("Display name"), lambda row: row.display_name),
                TableColumn(self.tr("Role"), lambda row: role_label(row.role)),
                TableColumn(self.tr("Status"), self._status_text),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)

        self.empty_label = QLabel(self.tr('No user accounts yet. Click "New user…" to add one.'))
        self.empty_label.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status_label)

        context.events.data_changed.connect(self._on_events_data_changed)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        """Read the list of logins again."""
        self._context.tasks.run(
            lambda uow, _progress: auth.list_users(uow),
            on_done=self._on_users_loaded,
            parent=self,
            read_only=True,
        )

    def selected_user(self) -> UserRow | None:
        return self.view.selected_row()

    def _status_text(self, row: UserRow) -> str:
        return self.tr("Active") if row.is_active else self.tr("Disabled")

    def _on_users_loaded(self, users: list[UserRow]) -> None:
        keep = self._selected_id
        self.model.set_rows(users)
        self.empty_label.setVisible(not users)
        for number, user in enumerate(users):
            if user.id == keep:
                self.view.selectRow(number)
                break
        self._update_buttons()

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("user_account"):
            self.reload()

    def _on_view_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        user = self.selected_user()
        self._selected_id = user.id if user else None
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected_user()
        self.new_button.setEnabled(self._may_edit)
        self.reset_button.setEnabled(self._may_edit and user is not None)
        self.active_button.setEnabled(self._may_edit and user is not None)
        if user is not None and not user.is_active:
            self.active_button.setText(self.tr("Enable"))
        else:
            self.active_button.setText(self.tr("Disable"))

    def _on_new_button_clicked(self) -> None:
        dialog = _UserAccountDialog(self._context, None, self)
        dialog.accepted.connect(self._on_new_user_dialog_accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_new_user_dialog_accepted(self) -> None:
        self.status_label.setText(self.tr("The new user can log in now."))

    def _on_reset_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = _UserAccountDialog(self._context, user, self)
        dialog.accepted.connect(self._on_reset_password_dialog_accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_reset_password_dialog_accepted(self) -> None:
        self.status_label.setText(self.tr("The new password is set."))

    def _on_active_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.is_active:
            title = self.tr("Disable user")
            question = self.tr(
                "Disable the login of {name} ({username})? They cannot log in until it is "
                "enabled again."
            )
        else:
            title = self.tr("Enable user")
            question = self.tr("Enable the login of {name} ({username}) again?")
        answer = QMessageBox.question(
            self, title, question.format(name=user.display_name, username=user.username)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user_id, make_active = user.id, not user.is_active
        self._context.tasks.run(
            lambda uow, _progress: auth.set_active(uow, user_id=user_id, is_active=make_active),
            on_error=self._on_refused,
            parent=self,
        )

    def _on_refused(self, error: DomainError) -> None:
        self.status_label.setText(errors.message_for(error))
