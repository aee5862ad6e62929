"""Partner institutions: headquarters adds, edits and retires them; customer service only reads."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from lorch_desk.domain.permissions import Role
from lorch_desk.services import institutions
from lorch_desk.services.institutions import InstitutionInput
from lorch_desk.ui.roles.admin.institutions_tab import InstitutionsTabWidget
from tests.ui.conftest import open_tab, type_text, wait_idle


def _listed(tab: InstitutionsTabWidget) -> list[str]:
    return [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]


def _add_partner(database, actor, name: str) -> None:  # noqa: ANN001
    database.run(
        actor,
        lambda uow, _p: institutions.save_institution(
            uow,
            institution_id=None,
            data=InstitutionInput(
                name=name,
                address="北京市朝阳区建国路88号",
                head="刘主任",
                phone="010-65881234",
                cooperation_mode="转诊",
                signed_on=date(2025, 3, 1),
            ),
        ),
    )


def test_headquarters_adds_edits_and_retires_an_institution(
    qtbot, ui_context, database, actor_for, monkeypatch, qtmodeltester
) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    context = ui_context(actor=admin)
    tab = open_tab(qtbot, InstitutionsTabWidget, context)
    assert tab.empty_label.isVisible() is False or "New institution" in tab.empty_label.text()

    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    type_text(tab.name_edit, "朝阳健康管理中心")
    type_text(tab.head_edit, "张伟")
    type_text(tab.phone_edit, "010-65887766")
    type_text(tab.cooperation_mode_edit, "体检转诊")
    qtbot.mouseClick(tab.signed_check, Qt.MouseButton.LeftButton)
    tab.signed_on_edit.setDate(QDate(2026, 1, 15))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    assert _listed(tab) == ["朝阳健康管理中心"]
    assert tab.status_label.text() == "Saved."
    assert tab.form_box.title() == "朝阳健康管理中心"
    stored, _ = database.run(admin, lambda uow, _p: institutions.list_institutions(uow))
    assert [(row.name, row.head, row.signed_on) for row in stored] == [
        ("朝阳健康管理中心", "张伟", date(2026, 1, 15))
    ]
    qtmodeltester.check(tab.model)

    tab.view.selectRow(0)
    tab.head_edit.clear()
    type_text(tab.head_edit, "李强")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    stored, _ = database.run(admin, lambda uow, _p: institutions.list_institutions(uow))
    assert [row.head for row in stored] == ["李强"]

    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert _listed(tab) == []
    assert tab.name_edit.text() == ""
    stored, _ = database.run(admin, lambda uow, _p: institutions.list_institutions(uow))
    assert stored == []


def test_a_duplicate_name_is_refused_next_to_the_name(
    qtbot, ui_context, database, actor_for
) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    _add_partner(database, admin, "国贸体检中心")
    context = ui_context(actor=admin)
    tab = open_tab(qtbot, InstitutionsTabWidget, context)

    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    type_text(tab.name_edit, "国贸体检中心")
    type_text(tab.address_edit, "建外大街1号")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    name_error = tab.findChild(QLabel, "institution_name_error")
    assert name_error.isVisible()
    assert "already taken" in name_error.text()
    assert tab.address_edit.text() == "建外大街1号"
    assert tab.save_button.isEnabled()
    stored, _ = database.run(admin, lambda uow, _p: institutions.list_institutions(uow))
    assert len(stored) == 1


def test_customer_service_reads_institutions_but_cannot_change_them(
    qtbot, ui_context, database, actor_for
) -> None:  # noqa: ANN001
    _add_partner(database, actor_for(Role.HQ_ADMIN), "国贸体检中心")
    context = ui_context(Role.CUSTOMER_SERVICE)
    tab = open_tab(qtbot, InstitutionsTabWidget, context)

    assert _listed(tab) == ["国贸体检中心"]
    tab.view.selectRow(0)
    assert tab.name_edit.text() == "国贸体检中心"
    assert tab.head_edit.text() == "刘主任"
    assert tab.signed_check.isChecked()
    assert tab.signed_on_edit.date() == QDate(2025, 3, 1)
    assert tab.read_only_banner.isVisibleTo(tab)
    assert tab.name_edit.isReadOnly()
    assert tab.cooperation_project_edit.isReadOnly()
    for control in (tab.new_button, tab.save_button, tab.retire_button, tab.signed_check):
        assert not control.isEnabled()
        assert "not change" in control.toolTip()

    type_text(tab.name_edit, "改名")
    qtbot.keyClicks(tab.phone_edit, "999")
    assert tab.name_edit.text() == "国贸体检中心"
    assert tab.phone_edit.text() == "01065881234"


def test_headquarters_has_every_control_enabled(qtbot, ui_context, database, actor_for) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    _add_partner(database, admin, "国贸体检中心")
    tab = open_tab(qtbot, InstitutionsTabWidget, ui_context(actor=admin))

    tab.view.selectRow(0)
    assert not tab.read_only_banner.isVisibleTo(tab)
    assert not tab.name_edit.isReadOnly()
    for control in (tab.new_button, tab.save_button, tab.retire_button, tab.signed_check):
        assert control.isEnabled()
