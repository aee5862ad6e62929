"""First start on an empty database: the site and the administrator's own password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from lorch_desk.db.engine import make_engine
from lorch_desk.db.migrate import upgrade
from lorch_desk.db.unit_of_work import Database
from lorch_desk.services import auth
from lorch_desk.services.node_setup import node_actor
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.first_run_dialog import FirstRunDialog
from lorch_desk.ui.tasks import TaskRunner
from tests.ui.conftest import type_text, wait_idle


def _empty_database(tmp_path: Path) -> Database:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    upgrade(engine)
    return Database(engine)


def _fill(dialog: FirstRunDialog, **values: str) -> None:
    for key, value in values.items():
        dialog.fields[key].clear()
        type_text(dialog.fields[key], value)


def test_setting_up_a_new_branch_database(qtbot, qapp, tmp_path) -> None:  # noqa: ANN001
    database = _empty_database(tmp_path)
    tasks = TaskRunner(database, DataEvents())
    dialog = FirstRunDialog(tasks)
    qtbot.addWidget(dialog)
    _fill(
        dialog,
        site_code="sh",
        site_name="上海分中心",
        city="上海",
        display_name="店长",
        password="Shanghai2026",
        password_again="Shanghai2026",
    )
    dialog.is_headquarters.setChecked(False)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert dialog.identity is not None and dialog.identity.site_code == "SH"
    with database.unit_of_work(node_actor(dialog.identity)) as uow:
        actor = auth.attempt_log_in(uow, username="admin", password="Shanghai2026").actor_or_raise()
    assert actor.role.value == "branch_manager"
    database.dispose()


def test_a_weak_password_is_refused_next_to_the_field_and_nothing_is_made(
    qtbot, qapp, tmp_path
) -> None:  # noqa: ANN001
    database = _empty_database(tmp_path)
    tasks = TaskRunner(database, DataEvents())
    dialog = FirstRunDialog(tasks)
    qtbot.addWidget(dialog)
    _fill(dialog, site_code="BJ", site_name="北京总部", password="short", password_again="short")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    wait_idle(qtbot, tasks)
    assert dialog.identity is None
    assert "8" in dialog.message.text()
    assert "d9363e" in dialog.fields["password"].styleSheet()
    assert dialog.fields["site_name"].text() == "北京总部"
    from lorch_desk.bootstrap import find_identity

    assert find_identity(database) is None
    database.dispose()


def test_two_different_passwords_are_caught_before_anything_is_sent(qtbot, qapp, tmp_path) -> None:  # noqa: ANN001
    database = _empty_database(tmp_path)
    tasks = TaskRunner(database, DataEvents())
    dialog = FirstRunDialog(tasks)
    qtbot.addWidget(dialog)
    _fill(
        dialog,
        site_code="BJ",
        site_name="北京总部",
        password="Beijing2026",
        password_again="Beijing2027",
    )
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not tasks.is_busy
    assert dialog.message.text()
    database.dispose()
