"""The Catalogue tab: headquarters keeps service items and the rooms of every site."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from lorch_desk.domain.permissions import Role
from lorch_desk.models.organisation import Site
from lorch_desk.services import rooms, service_items
from lorch_desk.ui.roles.admin.catalogue_tab import CatalogueTabWidget
from lorch_desk.ui.roles.registry import tabs_for
from tests.ui.conftest import open_tab, type_text, wait_idle


def _cell(model, row: int, column: int) -> str:  # noqa: ANN001
    return model.data(model.index(row, column))


def test_only_headquarters_administrators_see_the_catalogue_tab(actor_for) -> None:  # noqa: ANN001
    keys = {role: [tab.key for tab in tabs_for(actor_for(role))] for role in Role}
    assert [role for role, tabs in keys.items() if "catalogue" in tabs] == [Role.HQ_ADMIN]


def test_an_administrator_adds_changes_and_retires_a_service_item(
    qtbot, ui_context, run, actor_for
) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    context = ui_context(actor=admin, language="en")
    tab = open_tab(qtbot, CatalogueTabWidget, context)
    page = tab.service_items_page
    assert page is not None and page.record_list.empty_label.isVisible()
    page.record_list.new_button.click()
    type_text(page.code_edit, "TCM-01")
    type_text(page.name_edit, "艾灸")
    type_text(page.category_edit, "中医理疗")
    page.price_spin.setValue(198)
    page.sessions_spin.setValue(10)
    qtbot.keyClick(page.category_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    assert page.status_label.text() == "Saved."
    wait_idle(qtbot, context.tasks)
    assert [_cell(page.model, 0, c) for c in range(6)] == [
        "TCM-01",
        "艾灸",
        "中医理疗",
        "198.00",
        "10",
        "active",
    ]

    # A second item may not take the same code: the refusal stands beside the code.
    page.record_list.new_button.click()
    type_text(page.code_edit, "TCM-01")
    type_text(page.name_edit, "拔罐")
    type_text(page.category_edit, "中医理疗")
    page.save_button.click()
    wait_idle(qtbot, context.tasks)
    assert page.findChild(type(page.status_label), "code_error").text() == "Code is already taken."

    page.view.selectRow(0)
    assert page.name_edit.text() == "艾灸" and page.active_check.isEnabled()
    page.price_spin.setValue(218)
    page.active_check.setChecked(False)
    page.save_button.click()
    wait_idle(qtbot, context.tasks)
    [stored] = run(admin, service_items.list_service_items, include_inactive=True)
    assert (stored.unit_price, stored.is_active) == (Decimal("218.00"), False)
    assert run(admin, service_items.list_service_items) == []
    wait_idle(qtbot, context.tasks)
    assert _cell(page.model, 0, 5) == "retired"


def test_an_administrator_adds_a_room_to_a_branch_and_renames_it(
    qtbot, ui_context, run, actor_for, system_actor
) -> None:  # noqa: ANN001
    run(
        system_actor,
        lambda uow: uow.session.add(Site(code="SH", name="上海分院", is_headquarters=False)),
    )
    admin = actor_for(Role.HQ_ADMIN)
    context = ui_context(actor=admin, language="en")
    tab = open_tab(qtbot, CatalogueTabWidget, context)
    page = tab.rooms_page
    assert page is not None
    assert [page.site_combo.itemText(i) for i in range(page.site_combo.count())] == [
        "北京总部 (BJ)",
        "上海分院 (SH)",
    ]
    page.record_list.new_button.click()
    page.site_combo.setCurrentIndex(1)
    type_text(page.code_edit, "R2")
    type_text(page.name_edit, "理疗室")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    assert [_cell(page.model, 0, c) for c in range(4)] == ["上海分院", "R2", "理疗室", "in use"]
    assert not page.code_edit.isEnabled()  # the saved room is shown; its code stays

    page.name_edit.clear()
    type_text(page.name_edit, "艾灸室")
    page.save_button.click()
    wait_idle(qtbot, context.tasks)
    [room] = run(admin, rooms.list_rooms)
    assert (room.site_name, room.code, room.name) == ("上海分院", "R2", "艾灸室")
