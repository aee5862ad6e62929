"""Composition root: database and migrations, translators, first start, login, main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from lorch_desk import config
from lorch_desk.db.backup import restore_sqlite, take_daily_backup
from lorch_desk.db.engine import make_engine
from lorch_desk.db.migrate import upgrade
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.services import auth, backups, demo_data, node_setup
from lorch_desk.services.node_setup import InitialiseNodeInput, NodeIdentity
from lorch_desk.ui import i18n
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.first_run_dialog import FirstRunDialog
from lorch_desk.ui.idle_watcher import IdleWatcher
from lorch_desk.ui.login_dialog import LoginDialog
from lorch_desk.ui.main_window import MainWindow
from lorch_desk.ui.settings import UiSettings
from lorch_desk.ui.settings_dialog import SettingsDialog
from lorch_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
DEMO_CUSTOMERS = 5000
DEMO_ADMIN_PASSWORD = "Admin2026"


def configure_logging(*, interactive: bool = True) -> Path:
    """Unexpected errors go to a rotating log file in the data directory (and a message box)."""
    path = config.log_file()
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    sys.excepthook = _log_uncaught if interactive else _log_and_exit
    return path


def _log_and_exit(kind: type[BaseException], error: BaseException, trace: Any) -> None:
    """Headless commands have nobody to click a message box: log, print and stop."""
    log.critical("uncaught error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)
    sys.exit(1)


def _log_uncaught(kind: type[BaseException], error: BaseException, trace: Any) -> None:
    log.critical("uncaught error", exc_info=(kind, error, trace))
    if QApplication.instance() is not None:
        from lorch_desk.ui.errors import show_error

        show_error(None, error if isinstance(error, Exception) else RuntimeError(str(error)))


def open_database(choice: config.DatabaseChoice) -> Database:
    """Connect and bring the schema to the newest revision (an older SQLite file is backed up)."""
    engine = make_engine(choice.url)
    upgrade(engine, backup_dir=choice.backup_dir, sqlite_path=choice.sqlite_path)
    return Database(engine)


def find_identity(database: Database) -> NodeIdentity | None:
    with database.unit_of_work(_anonymous_actor(), read_only=True) as uow:
        return node_setup.find_node_identity(uow)


def _anonymous_actor() -> Actor:
    import uuid

    return Actor.system(site_id=uuid.UUID(int=0), site_code="", node_id=uuid.UUID(int=0))


def seed_demo(database: Database, *, customers: int, progress: Any = None) -> NodeIdentity:
    """Make a new demo database: Beijing headquarters, two branches, staff and customers."""
    founder = node_setup.actor_for_new_node("BJ")
    identity, _ = database.run(
        founder,
        lambda uow, _progress: node_setup.initialise_node(
            uow,
            InitialiseNodeInput(
                site_code="BJ",
                site_name="北京总部",
                city="北京",
                is_headquarters=True,
                admin_username="admin",
                admin_display_name="总部管理员",
                admin_password=DEMO_ADMIN_PASSWORD,
            ),
        ),
    )
    database.run(
        node_setup.node_actor(identity),
        lambda uow, work_progress: demo_data.seed_demo_database(
            uow, customers=customers, progress=work_progress
        ),
        progress=progress,
    )
    return identity


def wait_for(tasks: TaskRunner) -> None:
    """Spin the event loop until the runner has nothing left (start-up and rendering only)."""
    if not tasks.is_busy:
        return
    loop = QEventLoop()
    tasks.finished.connect(loop.quit)
    loop.exec()


class DesktopApp(QObject):
    """One running program: owns the database, the runner and the window of the logged-in user."""

    def __init__(self, choice: config.DatabaseChoice, settings: UiSettings, language: str) -> None:
        super().__init__()
        self.choice = choice
        self.settings = settings
        self.language = language
        self.events = DataEvents(self)
        self.database: Database | None = None
        self.tasks: TaskRunner | None = None
        self.identity: NodeIdentity | None = None
        self.window: MainWindow | None = None
        self.idle: IdleWatcher | None = None

    # Start-up
    def open(self) -> bool:
        """Open (and migrate) the database, then make sure it has a site and an administrator."""
        try:
            self.database = open_database(self.choice)
        except Exception as error:  # noqa: BLE001 - any driver error means "cannot open"
            log.exception("cannot open the database")
            QMessageBox.critical(
                None,
                self.tr("Database"),
                self.tr(
                    "The database could not be opened:\n%1\n\nCheck the address in the settings or LORCH_DATABASE_URL."
                ).replace(
                    "%1", f"{self.choice.url.split('@')[-1]}\n{type(error).__name__}: {error}"
                ),
            )
            return False
        self.tasks = TaskRunner(self.database, self.events, self)
        self.identity = find_identity(self.database)
        if self.identity is None and self.choice.is_demo:
            self.identity = self._seed_demo_with_progress()
        if self.identity is None:
            dialog = FirstRunDialog(self.tasks)
            if not dialog.exec() or dialog.identity is None:
                return False
            self.identity = dialog.identity
        self._take_daily_backup()
        return True

    def _seed_demo_with_progress(self) -> NodeIdentity | None:
        from PySide6.QtWidgets import QProgressDialog

        assert self.database is not None
        dialog = QProgressDialog(self.tr("Creating the demo database…"), "", 0, DEMO_CUSTOMERS)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(0)
        dialog.show()

        class _DialogProgress:
            def report(self, done: int, total: int, label: str = "") -> None:
                dialog.setMaximum(total)
                dialog.setValue(done)
                QApplication.processEvents()

        identity = seed_demo(self.database, customers=DEMO_CUSTOMERS, progress=_DialogProgress())
        dialog.close()
        return identity

    def _take_daily_backup(self) -> None:
        path, tasks = self.choice.sqlite_path, self.tasks
        if path is None or tasks is None or self.identity is None:
            return
        directory = self.choice.backup_dir
        tasks.run(
            lambda _uow, _progress: take_daily_backup(path, directory),
            actor=node_setup.node_actor(self.identity),
            read_only=True,
        )

    # Sessions
    def log_in(self) -> bool:
        """Show the login dialog; on success open the main window for that user."""
        assert self.tasks is not None and self.identity is not None
        node = node_setup.node_actor(self.identity)
        accounts, password = (
            (self._demo_accounts(node), demo_data.DEMO_PASSWORD)
            if self.choice.is_demo
            else (None, "")
        )
        dialog = LoginDialog(
            self.tasks,
            node,
            site_name=self.identity.site_name,
            last_username=self.settings.last_username,
            demo_accounts=accounts,
            demo_password=password,
        )
        if not dialog.exec() or dialog.actor is None:
            return False
        self.settings.last_username = dialog.actor.username
        self.show_main_window(dialog.actor)
        return True

    def _demo_accounts(self, node: Actor) -> list[auth.UserRow]:
        assert self.database is not None
        with self.database.unit_of_work(node, read_only=True) as uow:
            return auth.list_demo_logins(uow)

    def context_for(self, actor: Actor) -> UiContext:
        assert self.tasks is not None and self.identity is not None
        self.tasks.actor = actor
        label = (
            self.choice.sqlite_path.name
            if self.choice.sqlite_path
            else self.choice.url.split("@")[-1]
        )
        return UiContext(
            tasks=self.tasks,
            events=self.events,
            actor=actor,
            site_name=self.identity.site_name,
            database_label=self.tr("Demo database") + f" ({label})"
            if self.choice.is_demo
            else label,
            language=self.language,
            is_demo=self.choice.is_demo,
        )

    def show_main_window(self, actor: Actor) -> MainWindow:
        self.window = MainWindow(self.context_for(actor))
        self.window.log_out_requested.connect(self._on_window_log_out_requested)
        self.window.lock_requested.connect(self._on_lock)
        self.window.backup_requested.connect(self._on_window_backup_requested)
        self.window.restore_requested.connect(self._on_window_restore_requested)
        self.window.settings_requested.connect(self._on_window_settings_requested)
        self.idle = IdleWatcher(self.settings.idle_lock_minutes, self.window)
        self.idle.idle.connect(self._on_lock)
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
        self.close_window()
        if not self.log_in():
            QApplication.quit()

    def _on_lock(self) -> None:
        """Hide the work behind the password of the user who is logged in."""
        window = self.window
        if window is None or self.tasks is None or self.identity is None:
            return
        actor = window.context.actor
        if self.idle is not None:
            self.idle.pause()
        window.centralWidget().setVisible(False)
        dialog = LoginDialog(
            self.tasks,
            node_setup.node_actor(self.identity),
            site_name=self.identity.site_name,
            locked_username=actor.username,
            parent=window,
        )
        if dialog.exec() and dialog.actor is not None:
            window.centralWidget().setVisible(True)
            if self.idle is not None:
                self.idle.resume()
        else:
            self._on_window_log_out_requested()

    def _on_window_backup_requested(self) -> None:
        assert self.tasks is not None and self.window is not None
        window, directory = self.window, self.choice.backup_dir
        self.tasks.run(
            lambda uow, _progress: backups.back_up_now(uow, directory=directory),
            on_done=lambda path: QMessageBox.information(
                window, self.tr("Backup"), self.tr("Backup saved:\n%1").replace("%1", str(path))
            ),
            parent=window,
            progress_title=self.tr("Backing up…"),
            read_only=True,
        )

    def _on_window_restore_requested(self) -> None:
        window, database_path = self.window, self.choice.sqlite_path
        if window is None or database_path is None or self.database is None or self.tasks is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            window, self.tr("Choose a backup"), str(self.choice.backup_dir), "SQLite (*.sqlite3)"
        )
        if not chosen:
            return
        answer = QMessageBox.warning(
            window,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace the current database by the backup %1? Everything saved after that backup "
                "is lost. The current database is backed up first."
            ).replace("%1", Path(chosen).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        wait_for(self.tasks)
        self.close_window()
        self.database.dispose()
        from lorch_desk.db.backup import backup_into

        backup_into(database_path, self.choice.backup_dir, "before-restore")
        restore_sqlite(Path(chosen), database_path)
        if not self.open() or not self.log_in():
            QApplication.quit()

    def _on_window_settings_requested(self) -> None:
        window = self.window
        dialog = SettingsDialog(self.settings, window)
        if dialog.exec() and self.idle is not None:
            self.idle.set_minutes(self.settings.idle_lock_minutes)

    def shut_down(self) -> None:
        if self.tasks is not None:
            self.tasks.wait_for_idle()
        if self.database is not None:
            self.database.dispose()


def make_qt_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Lorch Desk")
    app.setOrganizationName(config.APP_AUTHOR)
    return app  # type: ignore[return-value]


def run_gui(*, demo: bool, language: str | None = None) -> int:
    """Start the desktop program; returns the exit code."""
    configure_logging()
    app = make_qt_app(sys.argv)
    settings = UiSettings()
    chosen_language = i18n.install_language(language or settings.language)
    choice = config.choose_database(demo=demo, saved_url=settings.database_url or None)
    desktop = DesktopApp(choice, settings, chosen_language)
    if not desktop.open() or not desktop.log_in():
        desktop.shut_down()
        return 0
    code = app.exec()
    desktop.shut_down()
    return code


def run_self_test() -> int:
    """Open the main window on a temporary demo database offscreen, then exit 0."""
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ[config.DATA_DIR_ENV] = tempfile.mkdtemp(prefix="lorch-self-test-")
    configure_logging(interactive=False)
    app = make_qt_app(sys.argv)
    language = i18n.install_language("zh_CN")
    choice = config.choose_database(demo=True)
    database = open_database(choice)
    identity = seed_demo(database, customers=200)
    desktop = DesktopApp(choice, UiSettings(), language)
    desktop.database, desktop.identity = database, identity
    desktop.tasks = TaskRunner(database, desktop.events, desktop)
    with database.unit_of_work(node_setup.node_actor(identity)) as uow:
        actor = auth.attempt_log_in(
            uow, username="admin", password=DEMO_ADMIN_PASSWORD
        ).actor_or_raise()
        uow.session.commit()
    window = desktop.show_main_window(actor)
    wait_for(desktop.tasks)
    app.processEvents()
    tab_count = window.tabs.count()
    window.close()
    desktop.shut_down()
    print(f"self-test: main window opened with {tab_count} tabs")
    return 0 if tab_count > 0 else 1


def render_screenshots(
    directory: Path, *, language: str = "zh_CN", on_saved: Callable[[Path], None] | None = None
) -> list[Path]:
    """Render every tab of every role's demo user on the demo database to PNG files."""
    from lorch_desk.screenshots import capture_all

    configure_logging(interactive=False)
    app = make_qt_app(sys.argv)
    chosen = i18n.install_language(language)
    choice = config.choose_database(demo=True)
    database = open_database(choice)
    identity = find_identity(database) or seed_demo(database, customers=DEMO_CUSTOMERS)
    desktop = DesktopApp(choice, UiSettings(), chosen)
    desktop.database, desktop.identity = database, identity
    desktop.tasks = TaskRunner(database, desktop.events, desktop)
    directory.mkdir(parents=True, exist_ok=True)
    saved = capture_all(desktop, directory, app, on_saved=on_saved)
    desktop.shut_down()
    return saved
