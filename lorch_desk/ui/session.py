"""One running program: login window first, the database opened behind it, then the main window.

The database side of starting (opening, migrating, the demo, backups) is the app's
`StartupBackend` (lorch_desk.bootstrap), handed in so the ui never imports the database layer.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from lorch_desk import config
from lorch_desk.domain.actor import Actor
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.first_run_dialog import FirstRunDialog
from lorch_desk.ui.idle_watcher import IdleWatcher
from lorch_desk.ui.login_dialog import LoginDialog
from lorch_desk.ui.settings import UiSettings
from lorch_desk.ui.settings_dialog import SettingsDialog
from lorch_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from lorch_desk.services.auth import UserRow
    from lorch_desk.services.node_setup import NodeIdentity
    from lorch_desk.sync.worker import SyncWorker
    from lorch_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class StartupBackend(Protocol):
    """What the session needs from the database side of the program (lorch_desk.bootstrap)."""

    def open_and_identify(self, choice: config.DatabaseChoice) -> Any: ...

    def seed_demo(self, database: Any, *, progress: Any = None) -> NodeIdentity: ...

    def demo_accounts(self, database: Any, identity: NodeIdentity) -> list[UserRow]: ...

    def daily_backup(self, choice: config.DatabaseChoice) -> Path | None: ...

    def restore_backup(self, choice: config.DatabaseChoice, backup: Path) -> None: ...


class DesktopSession(QObject):
    """Owns the database, the task runner and the window of whoever is logged in."""

    def __init__(
        self,
        choice: config.DatabaseChoice,
        settings: UiSettings,
        language: str,
        backend: StartupBackend,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.choice = choice
        self.settings = settings
        self.language = language
        self.events = DataEvents(self)
        self.tasks = TaskRunner(None, self.events, self)
        self.database: Any = None
        self.identity: NodeIdentity | None = None
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.idle: IdleWatcher | None = None
        self.sync_worker: SyncWorker | None = None

    # Start: the login window at once, the database behind it
    def start(self) -> LoginDialog:
        """Show the login dialog and open the database in the background."""
        self.login = self._new_login_dialog()
        self.login.show()
        choice, backend = self.choice, self.backend
        self.tasks.call_in_background(
            lambda _progress: backend.open_and_identify(choice),
            on_done=self._on_database_opened,
            on_failure=self._on_database_failed,
        )
        return self.login

    def _new_login_dialog(self, **kwargs: Any) -> LoginDialog:
        dialog = LoginDialog(self.tasks, last_username=self.settings.last_username, **kwargs)
        dialog.logged_in.connect(self._on_login_logged_in)
        dialog.rejected.connect(self._on_login_rejected)
        return dialog

    def _on_database_opened(self, opened: Any) -> None:
        backend = self.backend
        self.database = opened.database
        self.tasks.attach_database(opened.database)
        if opened.identity is not None:
            self._on_identity_ready(opened.identity)
        elif self.choice.is_demo:
            database = opened.database
            self.tasks.call_in_background(
                lambda progress: backend.seed_demo(database, progress=progress),
                on_done=self._on_identity_ready,
                on_failure=self._on_database_failed,
                parent=self.login,
                progress_title=self.tr("Creating the demo database…"),
            )
        else:
            self._first_start()

    def _first_start(self) -> None:
        assert self.login is not None
        self.login.hide()
        dialog = FirstRunDialog(self.tasks)
        if not dialog.exec() or dialog.identity is None:
            QApplication.quit()
            return
        self.login.show()
        self._on_identity_ready(dialog.identity)

    def _on_identity_ready(self, identity: NodeIdentity) -> None:
        from lorch_desk.services import node_setup

        backend = self.backend
        self.identity = identity
        database, login = self.database, self.login
        assert database is not None and login is not None
        accounts = backend.demo_accounts(database, identity) if self.choice.is_demo else None
        login.set_node(
            node_setup.node_actor(identity),
            site_name=identity.site_name,
            demo_accounts=accounts,
            demo_password=config.DEMO_PASSWORD if self.choice.is_demo else "",
        )
        choice = self.choice
        self.tasks.call_in_background(
            lambda _progress: backend.daily_backup(choice),
            on_done=lambda _path: None,
            on_failure=lambda error: log.error("daily backup failed: %r", error),
        )

    def _on_database_failed(self, error: Exception) -> None:
        log.error("cannot open the database: %r", error)
        where = self.choice.url.split("@")[-1]
        text = self.tr(
            "The database could not be opened:\n%1\n\nCheck the address in the settings or LORCH_DATABASE_URL."
        ).replace("%1", f"{where}\n{type(error).__name__}: {error}")
        if self.login is not None:
            self.login.show_failure(text)

    def _on_login_logged_in(self, actor: Actor) -> None:
        self.settings.last_username = actor.username
        self.show_main_window(actor)

    def _on_login_rejected(self) -> None:
        if self.window is None:
            QApplication.quit()

    # The main window
    def context_for(self, actor: Actor) -> UiContext:
        assert self.identity is not None
        self.tasks.actor = actor
        label = (
            self.choice.sqlite_path.name
            if self.choice.sqlite_path
            else self.choice.url.split("@")[-1]
        )
        if self.choice.is_demo:
            label = self.tr("Demo database") + f" ({label})"
        return UiContext(
            tasks=self.tasks,
            events=self.events,
            actor=actor,
            site_name=self.identity.site_name,
            database_label=label,
            language=self.language,
            is_demo=self.choice.is_demo,
            sync=self._sync_worker(),
        )

    def _sync_worker(self) -> SyncWorker | None:
        """The background sync of this database, started once (idle until the node joins HQ)."""
        if self.sync_worker is None and self.database is not None and not self.choice.is_demo:
            from lorch_desk.sync.worker import SyncWorker

            self.sync_worker = SyncWorker(self.database)
            self.sync_worker.start()
        return self.sync_worker

    def _stop_sync(self) -> None:
        if self.sync_worker is not None:
            self.sync_worker.stop()
            self.sync_worker = None

    def show_main_window(self, actor: Actor) -> MainWindow:
        # Imported on first use: the tabs pull in printing and export, which login never needs.
        from lorch_desk.ui.main_window import MainWindow

        self.window = MainWindow(self.context_for(actor))
        self.window.log_out_requested.connect(self._on_window_log_out_requested)
        self.window.lock_requested.connect(self.lock)
        self.window.backup_requested.connect(self._on_window_backup_requested)
        self.window.restore_requested.connect(self._on_window_restore_requested)
        self.window.settings_requested.connect(self._on_window_settings_requested)
        self.idle = IdleWatcher(self.settings.idle_lock_minutes, self.window)
        self.idle.idle.connect(self.lock)
        self.window.show()
        return self.window

    def close_window(self) -> None:
        if self.idle is not None:
            self.idle.stop()
            self.idle = None
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None

    def _on_window_log_out_requested(self) -> None:
        from lorch_desk.services import node_setup

        assert self.identity is not None
        self.login = self._new_login_dialog()
        self.login.set_node(node_setup.node_actor(self.identity), site_name=self.identity.site_name)
        self.login.show()
        self.close_window()

    def lock(self) -> None:
        """Hide the work behind the password of the user who is logged in."""
        from lorch_desk.services import node_setup

        window = self.window
        if window is None or self.identity is None or not window.isVisible():
            return
        if self.idle is not None:
            self.idle.pause()
        window.centralWidget().setVisible(False)
        dialog = LoginDialog(
            self.tasks, locked_username=window.context.actor.username, parent=window
        )
        dialog.set_node(node_setup.node_actor(self.identity), site_name=self.identity.site_name)
        if dialog.exec() and dialog.actor is not None:
            window.centralWidget().setVisible(True)
            if self.idle is not None:
                self.idle.resume()
        else:
            self._on_window_log_out_requested()

    def _on_window_backup_requested(self) -> None:
        from lorch_desk.services import backups

        window, directory = self.window, self.choice.backup_dir
        self.tasks.run(
            lambda uow, _progress: backups.back_up_now(uow, directory=directory),
            on_done=lambda path: window.statusBar().showMessage(
                self.tr("Backup saved: %1").replace("%1", str(path))
            ),
            parent=window,
            progress_title=self.tr("Backing up…"),
            read_only=True,
        )

    def _on_window_restore_requested(self) -> None:
        window, database_path = self.window, self.choice.sqlite_path
        if window is None or database_path is None or self.database is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            window, self.tr("Choose a backup"), str(self.choice.backup_dir), "SQLite (*.sqlite3)"
        )
        if chosen:
            self.restore_from(Path(chosen), parent=window)

    def restore_from(self, backup: Path, *, parent: Any = None, confirmed: bool = False) -> bool:
        """Replace the database by `backup` after a confirmation; the user logs in again."""
        database_path = self.choice.sqlite_path
        if database_path is None or self.database is None:
            return False
        if not confirmed:
            answer = QMessageBox.warning(
                parent,
                self.tr("Restore from a backup"),
                self.tr(
                    "Replace the current database by the backup %1? Everything saved after that backup "
                    "is lost. The current database is backed up first."
                ).replace("%1", backup.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.tasks.wait_for_idle()
        self.close_window()
        self._stop_sync()
        self.database.dispose()
        self.backend.restore_backup(self.choice, backup)
        self.database = None
        self.start()
        return True

    def _on_window_settings_requested(self) -> None:
        context = self.window.context if self.window is not None else None
        dialog = SettingsDialog(self.settings, self.window, context=context)
        if dialog.exec() and self.idle is not None:
            self.idle.set_minutes(self.settings.idle_lock_minutes)

    def shut_down(self) -> None:
        self.tasks.wait_for_idle()
        self._stop_sync()
        if self.database is not None:
            self.database.dispose()
