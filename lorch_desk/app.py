"""Composition root: logging, the Qt application and its translators, then a DesktopSession."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from lorch_desk import config
from lorch_desk.ui import i18n
from lorch_desk.ui.session import DesktopSession
from lorch_desk.ui.settings import UiSettings

log = logging.getLogger(__name__)
SELF_TEST_CUSTOMERS = 200


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


def _log_uncaught(kind: type[BaseException], error: BaseException, trace: Any) -> None:
    log.critical("uncaught error", exc_info=(kind, error, trace))
    if QApplication.instance() is not None:
        from lorch_desk.ui.errors import show_error

        show_error(None, error if isinstance(error, Exception) else RuntimeError(str(error)))


def _log_and_exit(kind: type[BaseException], error: BaseException, trace: Any) -> None:
    """Headless commands have nobody to click a message box: log, print and stop."""
    log.critical("uncaught error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)
    sys.exit(1)


def make_qt_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Lorch Desk")
    app.setOrganizationName(config.APP_AUTHOR)
    return app  # type: ignore[return-value]


class LazyBootstrap:
    """lorch_desk.bootstrap, imported on first use: in the worker that opens the database.

    SQLAlchemy and the models are most of a start; the login window shows before they load.
    """

    def __getattr__(self, name: str) -> Any:
        from lorch_desk import bootstrap

        return getattr(bootstrap, name)


def run_gui(*, demo: bool, language: str | None = None) -> int:
    """Start the desktop program; returns the exit code."""
    configure_logging()
    app = make_qt_app(sys.argv)
    settings = UiSettings()
    chosen_language = i18n.install_language(language or settings.language)
    choice = config.choose_database(demo=demo, saved_url=settings.database_url or None)
    session = DesktopSession(choice, settings, chosen_language, LazyBootstrap())
    session.start()
    code = app.exec()
    session.shut_down()
    return code


def headless_session(language: str, *, customers: int) -> DesktopSession:
    """A session on the demo database (made if missing) with no login dialog."""
    from lorch_desk import bootstrap

    choice = config.choose_database(demo=True)
    opened = bootstrap.open_and_identify(choice)
    session = DesktopSession(choice, UiSettings(), language, bootstrap)
    session.database = opened.database
    session.tasks.attach_database(opened.database)
    session.identity = opened.identity or bootstrap.seed_demo(opened.database, customers=customers)
    return session


def run_self_test() -> int:
    """Open the main window on a temporary demo database offscreen, then exit 0."""
    from lorch_desk import bootstrap

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ[config.DATA_DIR_ENV] = tempfile.mkdtemp(prefix="lorch-self-test-")
    configure_logging(interactive=False)
    app = make_qt_app(sys.argv)
    session = headless_session(i18n.install_language("zh_CN"), customers=SELF_TEST_CUSTOMERS)
    assert session.database is not None and session.identity is not None
    actor = bootstrap.log_in_directly(
        session.database, session.identity, "admin", config.DEMO_PASSWORD
    )
    window = session.show_main_window(actor)
    session.tasks.process_until_idle()
    app.processEvents()
    tab_count = window.tabs.count()
    window.close()
    session.shut_down()
    print(f"self-test: main window opened with {tab_count} tabs")
    return 0 if tab_count > 0 else 1


def render_screenshots(
    directory: Path, *, language: str = "zh_CN", on_saved: Callable[[Path], None] | None = None
) -> list[Path]:
    """Render every tab of every role's demo user on the demo database to PNG files."""
    from lorch_desk.bootstrap import DEMO_CUSTOMERS

    configure_logging(interactive=False)
    app = make_qt_app(sys.argv)
    session = headless_session(i18n.install_language(language), customers=DEMO_CUSTOMERS)
    directory.mkdir(parents=True, exist_ok=True)
    saved = capture_all(session, directory, app, on_saved=on_saved)
    session.shut_down()
    return saved


def capture_all(
    session: DesktopSession,
    directory: Path,
    app: QApplication,
    *,
    on_saved: Callable[[Path], None] | None = None,
) -> list[Path]:
    """One PNG per (role, tab), plus the login dialog and a customer page with its health file."""
    from lorch_desk import bootstrap
    from lorch_desk.services import node_setup
    from lorch_desk.ui.login_dialog import LoginDialog

    assert session.database is not None and session.identity is not None
    database, identity, tasks = session.database, session.identity, session.tasks
    accounts = bootstrap.demo_accounts(database, identity)
    saved: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        app.processEvents()
        path = directory / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)
        if on_saved is not None:
            on_saved(path)

    login = LoginDialog(tasks)
    login.set_node(
        node_setup.node_actor(identity),
        site_name=identity.site_name,
        demo_accounts=accounts,
        demo_password=config.DEMO_PASSWORD,
    )
    login.show()
    save(login, "login")
    login.close()
    seen_roles: set[str] = set()
    for account in accounts:
        if account.role in seen_roles:
            continue
        seen_roles.add(account.role)
        actor = bootstrap.log_in_directly(
            database, identity, account.username, config.DEMO_PASSWORD
        )
        window = session.show_main_window(actor)
        tasks.process_until_idle()
        for key in window.tab_keys:
            window.show_tab(key)
            tasks.process_until_idle()
            save(window, f"{account.role.value}_{key}")
        customers_tab = window.show_tab("customers")
        customer_id = bootstrap.customer_with_health_file(database, actor)
        if customers_tab is not None and customer_id is not None:
            customers_tab.open_customer(customer_id)  # type: ignore[attr-defined]
            tasks.process_until_idle()
            save(window, f"{account.role.value}_customer_page")
            page = customers_tab.page  # type: ignore[attr-defined]
            if page.health is not None:
                page.tabs.setCurrentIndex(1)
                tasks.process_until_idle()
                save(window, f"{account.role.value}_health_file")
        session.close_window()
    return saved
