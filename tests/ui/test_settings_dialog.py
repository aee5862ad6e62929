"""The settings dialog: a headquarters administrator enrols branch nodes there too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from lorch_desk.domain.permissions import Role
from lorch_desk.models.sync import SyncNode
from lorch_desk.services.sync_enrolment import hash_token
from lorch_desk.ui.settings import UiSettings
from lorch_desk.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import type_text, wait_idle


def _settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_an_hq_administrator_enrols_a_node_from_the_settings(
    qtbot, ui_context, database, system_actor, tmp_path
) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    dialog = SettingsDialog(_settings(tmp_path), context=context)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, context.tasks)
    box = dialog.enrol_box
    assert box is not None and box.isVisible()
    type_text(box.site_code_edit, "GZ")
    type_text(box.site_name_edit, "广州分院")
    type_text(box.node_name_edit, "GZ-前台")
    qtbot.keyClick(box.node_name_edit, Qt.Key.Key_Return)  # enrols; the dialog stays open
    wait_idle(qtbot, context.tasks)
    assert dialog.isVisible()
    token = box.token_edit.text()
    nodes, _ = database.run(
        system_actor, lambda uow, _p: list(uow.session.scalars(select(SyncNode))), read_only=True
    )
    assert [(n.name, n.token_hash) for n in nodes] == [("GZ-前台", hash_token(token))]
    assert box.enrol_status.text().startswith("Node GZ-前台 of GZ enrolled.")
    wait_idle(qtbot, context.tasks)
    assert box.node_model.rowCount() == 1


def test_other_roles_and_the_login_screen_see_no_enrolment(qtbot, ui_context, tmp_path) -> None:  # noqa: ANN001
    context = ui_context(Role.BRANCH_MANAGER)
    for dialog in (
        SettingsDialog(_settings(tmp_path), context=context),
        SettingsDialog(_settings(tmp_path)),
    ):
        qtbot.addWidget(dialog)
        assert dialog.enrol_box is None
    wait_idle(qtbot, context.tasks)
