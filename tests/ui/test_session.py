"""A day at the front-desk PC: start, log in, lock, back up, restore, a database that is down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import func, select

from lorch_desk import bootstrap, config
from lorch_desk.db.backup import backup_sqlite
from lorch_desk.models.customer import Customer
from lorch_desk.ui.login_dialog import LoginDialog
from lorch_desk.ui.session import DesktopSession
from lorch_desk.ui.settings import UiSettings
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import type_text


def _session(tmp_path: Path, url: str) -> DesktopSession:
    settings = UiSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    return DesktopSession(config.DatabaseChoice(url, is_demo=False), settings, "en", bootstrap)


def _log_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=20_000)
    if not dialog.username.isReadOnly():
        dialog.username.clear()
        type_text(dialog.username, username)
    type_text(dialog.password, password)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _started(qtbot, tmp_path: Path, database_path: Path) -> DesktopSession:  # noqa: ANN001
    session = _session(tmp_path, f"sqlite:///{database_path}")
    login = session.start()
    assert login.isVisible() and not login.is_ready  # the window comes before the database
    _log_in(qtbot, login, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(
        lambda: session.window is not None and session.window.isVisible(), timeout=20_000
    )
    return session


def _customers(path: Path) -> int:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(Customer)).scalar_one()
    engine.dispose()
    return count


def test_the_login_window_comes_first_and_the_main_window_after_the_password(
    qtbot, qapp, tmp_path, database_path
) -> None:  # noqa: ANN001
    session = _started(qtbot, tmp_path, database_path)
    window = session.window
    assert window is not None and "customers" in window.tab_keys
    assert session.settings.last_username == "admin"
    session.close_window()
    session.shut_down()


def test_a_locked_screen_opens_again_with_the_users_password(
    qtbot, qapp, tmp_path, database_path
) -> None:  # noqa: ANN001
    session = _started(qtbot, tmp_path, database_path)
    window = session.window
    assert window is not None

    def unlock() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        )
        assert dialog.username.isReadOnly() and dialog.username.text() == "admin"
        assert not window.centralWidget().isVisible()  # nothing readable behind the lock
        _log_in(qtbot, dialog, "admin", ADMIN_PASSWORD)

    QTimer.singleShot(50, unlock)
    session.lock()
    assert window.centralWidget().isVisible()
    assert session.window is window
    session.close_window()
    session.shut_down()


def test_backup_from_the_menu_and_restore_it(qtbot, qapp, tmp_path, database_path) -> None:  # noqa: ANN001
    session = _started(qtbot, tmp_path, database_path)
    window = session.window
    assert window is not None
    backup = tmp_path / "before.sqlite3"
    backup_sqlite(database_path, backup)
    window.new_customer()
    customers_tab = window.show_tab("customers")
    page = customers_tab.page
    type_text(page.form.field_widget("name"), "贾宝玉")
    type_text(page.form.field_widget("mobile"), "13811112222")
    channel = page.form.field_widget("channel")
    channel.setCurrentIndex(channel.findData("walk_in"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    assert _customers(database_path) == 1

    window.backup_requested.emit()
    qtbot.waitUntil(lambda: "lorch-manual-" in window.statusBar().currentMessage(), timeout=10_000)
    made = next(session.choice.backup_dir.glob("lorch-manual-*.sqlite3"))
    assert made.name in window.statusBar().currentMessage()
    assert _customers(made) == 1

    assert session.restore_from(backup, confirmed=True)
    assert _customers(database_path) == 0
    assert session.window is None and session.login is not None and session.login.isVisible()
    assert any(session.choice.backup_dir.glob("lorch-before-restore-*.sqlite3"))
    qtbot.waitUntil(lambda: session.login.is_ready, timeout=20_000)
    session.shut_down()


def test_a_database_that_cannot_be_reached_is_named_in_the_login_window(
    qtbot, qapp, tmp_path
) -> None:  # noqa: ANN001
    session = _session(tmp_path, "postgresql://nobody@127.0.0.1:1/lorch")
    login = session.start()
    qtbot.waitUntil(lambda: "could not be opened" in login.message.text(), timeout=20_000)
    assert "127.0.0.1:1/lorch" in login.message.text()
    assert not login.is_ready
    session.shut_down()
