"""Headquarters decides which customer fields each department must fill."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lorch_desk.domain.customers import Department, Gender
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.services import customer_settings, customers
from lorch_desk.services.customers import CustomerInput
from lorch_desk.ui.roles.admin.required_fields_tab import RequiredFieldsTabWidget
from tests.ui.conftest import wait_idle


def _tab(qtbot, context) -> RequiredFieldsTabWidget:  # noqa: ANN001
    tab = RequiredFieldsTabWidget(context)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(qtbot, context.tasks)
    return tab


def test_the_defaults_of_seed_004_are_shown_for_the_inquiry_desk(qtbot, ui_context) -> None:  # noqa: ANN001
    tab = _tab(qtbot, ui_context(Role.HQ_ADMIN))
    tab.department.setCurrentIndex(tab.department.findData(Department.INQUIRY_DESK.value))
    for field in ("name", "gender", "mobile", "address", "region", "channel", "developer_name"):
        assert tab.boxes[field].isChecked(), field
    assert not tab.boxes["email"].isChecked()
    assert not tab.boxes["name"].isEnabled()  # a name is always required


def test_requiring_the_id_number_at_the_front_desk_refuses_a_form_without_it(
    qtbot, ui_context, run, actor_for
) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    tab = _tab(qtbot, context)
    tab.department.setCurrentIndex(tab.department.findData(Department.FRONT_DESK.value))
    tab.boxes["id_number"].setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert tab.message.text() == "Saved."
    receptionist = actor_for(Role.RECEPTIONIST)
    assert "id_number" in run(
        receptionist, customer_settings.required_fields, department=Department.FRONT_DESK
    )
    data = CustomerInput(
        name="林黛玉", gender=Gender.FEMALE, mobile="13800138000", channel="walk_in"
    )
    try:
        run(receptionist, customers.register_customer, data=data)
    except ValidationFailed as error:
        assert error.field == "id_number"
    else:
        raise AssertionError("the form without an ID number was accepted")


def test_a_branch_manager_sees_the_settings_but_cannot_change_them(qtbot, ui_context) -> None:  # noqa: ANN001
    tab = _tab(qtbot, ui_context(Role.BRANCH_MANAGER))
    assert not tab.save_button.isEnabled()
    assert not any(box.isEnabled() for box in tab.boxes.values())
