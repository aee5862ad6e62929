"""The receptionist's customer tab: search as you type, register, refuse bad input, duplicates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton
from sqlalchemy import func, select

from lorch_desk.domain.customers import Gender, HealthSection
from lorch_desk.domain.permissions import Role
from lorch_desk.models.audit import AuditEntry
from lorch_desk.models.customer import Customer
from lorch_desk.services import customers
from lorch_desk.services.customers import CustomerInput
from lorch_desk.ui.roles.front_desk.customer_tab import CustomerTabWidget
from lorch_desk.ui.roles.front_desk.duplicates_dialog import DuplicatesDialog
from tests.ui.conftest import type_text, wait_idle


def _register(run, actor, name: str, mobile: str, **fields) -> customers.CustomerDetail:  # noqa: ANN001
    data = CustomerInput(
        name=name, gender=Gender.FEMALE, mobile=mobile, channel="walk_in", **fields
    )
    return run(actor, customers.register_customer, data=data)


def _count(database, model) -> int:  # noqa: ANN001
    with database.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar_one()


def _tab(qtbot, context) -> CustomerTabWidget:  # noqa: ANN001
    tab = CustomerTabWidget(context)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    wait_idle(qtbot, context.tasks)
    return tab


def _field(tab: CustomerTabWidget, name: str):  # noqa: ANN202
    return tab.page.form.field_widget(name)


def _fill_new(tab: CustomerTabWidget, name: str, mobile: str) -> None:
    """Type the front desk's required fields: name, mobile and the channel."""
    type_text(_field(tab, "name"), name)
    type_text(_field(tab, "mobile"), mobile)
    channel: QComboBox = _field(tab, "channel")
    channel.setCurrentIndex(channel.findData("walk_in"))


def test_receptionist_finds_a_customer_by_pinyin_initials_and_opens_her(
    qtbot, ui_context, run, actor_for
) -> None:  # noqa: ANN001
    receptionist = actor_for(Role.RECEPTIONIST)
    _register(run, receptionist, "王小明", "13800138000")
    _register(run, receptionist, "李娜", "13900139000")
    context = ui_context(actor=receptionist)
    tab = _tab(qtbot, context)
    assert tab.model.rowCount() == 2

    type_text(tab.search, "wxm")
    tab.run_search()
    wait_idle(qtbot, context.tasks)
    assert [row.name for row in tab.model.rows] == ["王小明"]
    assert "1" in tab.summary.text()

    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    assert tab.stack.currentWidget() is tab.page
    assert "王小明" in tab.page.title.text()
    assert _field(tab, "mobile").text() == "13800138000"


def test_search_by_mobile_tail_and_the_masked_number_for_a_pharmacist(
    qtbot, ui_context, run, actor_for
) -> None:  # noqa: ANN001
    _register(run, actor_for(Role.RECEPTIONIST), "赵敏", "13712345678")
    context = ui_context(Role.PHARMACIST)
    tab = _tab(qtbot, context)
    type_text(tab.search, "5678")
    tab.run_search()
    wait_idle(qtbot, context.tasks)
    assert [row.name for row in tab.model.rows] == ["赵敏"]
    shown = tab.model.data(tab.model.index(0, 4))
    assert shown == "137****5678"
    assert not tab.new_button.isVisible()


def test_registering_a_new_customer_from_the_keyboard(qtbot, ui_context, database) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    tab = _tab(qtbot, context)
    tab.new_customer()
    assert tab.stack.currentWidget() is tab.page
    type_text(_field(tab, "name"), "曾小贤")
    type_text(_field(tab, "mobile"), "139 1234 5678")
    channel: QComboBox = _field(tab, "channel")
    channel.setCurrentIndex(channel.findData("referral"))
    type_text(_field(tab, "id_number"), "11010519491231002X")
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    detail = tab.page.detail
    assert detail is not None and detail.file_number.startswith("BJ-")
    assert tab.page.status.text() == "Saved."
    # The ID number filled birthday and gender.
    assert _field(tab, "birthday").text() == "1949-12-31"
    assert detail.gender == Gender.FEMALE
    with database.engine.connect() as connection:
        stored = connection.execute(select(Customer.mobile, Customer.name_pinyin)).one()
    assert stored == ("13912345678", "zengxiaoxian")

    # The list shows the new customer when the receptionist goes back (Esc).
    tab.go_back()
    wait_idle(qtbot, context.tasks)
    assert "曾小贤" in [row.name for row in tab.model.rows]


def test_a_wrong_mobile_is_refused_next_to_the_field_and_nothing_is_written(
    qtbot, ui_context, database
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    tab = _tab(qtbot, context)
    before = (_count(database, Customer), _count(database, AuditEntry))
    tab.new_customer()
    type_text(_field(tab, "name"), "钱多多")
    type_text(_field(tab, "mobile"), "12345")
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    mobile: QLineEdit = _field(tab, "mobile")
    assert "Mobile" in tab.page.form.error_text()
    assert "11 digits" in tab.page.form.error_text()
    assert "d9363e" in mobile.styleSheet()
    assert mobile.text() == "12345"  # what was typed stays
    assert _field(tab, "name").text() == "钱多多"
    assert (_count(database, Customer), _count(database, AuditEntry)) == before


def test_a_malformed_birthday_is_refused_before_anything_is_sent(
    qtbot, ui_context, database
) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    tab = _tab(qtbot, context)
    tab.new_customer()
    type_text(_field(tab, "name"), "孙悟空")
    type_text(_field(tab, "birthday"), "1990-13-40")
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    assert "Birthday" in tab.page.form.error_text()
    assert _count(database, Customer) == 0


def _click_in_dialog(object_name: str) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, DuplicatesDialog) and widget.isVisible():
            widget.findChild(QPushButton, object_name).click()
            return
    QTimer.singleShot(20, lambda: _click_in_dialog(object_name))


def test_same_mobile_warns_and_the_receptionist_opens_the_existing_customer(
    qtbot, ui_context, run, actor_for, database
) -> None:  # noqa: ANN001
    receptionist = actor_for(Role.RECEPTIONIST)
    existing = _register(run, receptionist, "周芷若", "13600136000")
    context = ui_context(actor=receptionist)
    tab = _tab(qtbot, context)
    tab.new_customer()
    _fill_new(tab, "周芷若", "13600136000")
    QTimer.singleShot(20, lambda: _click_in_dialog("open_existing"))
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    qtbot.waitUntil(lambda: tab.page.detail is not None and tab.page.detail.id == existing.id)
    assert _count(database, Customer) == 1


def test_same_mobile_can_be_registered_anyway(qtbot, ui_context, run, actor_for, database) -> None:  # noqa: ANN001
    receptionist = actor_for(Role.RECEPTIONIST)
    _register(run, receptionist, "张无忌", "13500135000")
    context = ui_context(actor=receptionist)
    tab = _tab(qtbot, context)
    tab.new_customer()
    _fill_new(tab, "张无忌", "13500135000")
    QTimer.singleShot(20, lambda: _click_in_dialog("register_anyway"))
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    qtbot.waitUntil(lambda: tab.page.detail is not None)
    assert _count(database, Customer) == 2


def test_editing_a_customer_keeps_the_masked_mobile_and_is_audited(
    qtbot, ui_context, run, actor_for, database
) -> None:  # noqa: ANN001
    saved = _register(
        run, actor_for(Role.RECEPTIONIST), "郭靖", "13300133000", birthday=date(1980, 5, 1)
    )
    context = ui_context(Role.DOCTOR)  # doctors may reveal, consultants see masked numbers
    consultant_context = ui_context(Role.CONSULTANT)
    tab = _tab(qtbot, consultant_context)
    tab.open_customer(saved.id)
    wait_idle(qtbot, consultant_context.tasks)
    mobile: QLineEdit = _field(tab, "mobile")
    assert mobile.text() == "133****3000" and mobile.isReadOnly()
    address: QLineEdit = _field(tab, "address")
    type_text(address, "北京市朝阳区建国路1号")
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, consultant_context.tasks)
    assert tab.page.status.text() == "Saved."
    with database.engine.connect() as connection:
        stored = connection.execute(select(Customer.mobile, Customer.address)).one()
        audit = connection.execute(
            select(AuditEntry.changes).where(
                AuditEntry.action == "update", AuditEntry.table_name == "customer"
            )
        ).scalar_one()
    assert stored == ("13300133000", "北京市朝阳区建国路1号")
    assert audit["address"] == ["", "北京市朝阳区建国路1号"]
    assert "mobile" not in audit
    del context


def test_doctor_reveals_the_full_number_and_the_reveal_is_audited(
    qtbot, ui_context, run, actor_for, database
) -> None:  # noqa: ANN001
    saved = _register(run, actor_for(Role.RECEPTIONIST), "黄蓉", "13200132000")
    consultant = ui_context(Role.CONSULTANT)
    tab = _tab(qtbot, consultant)
    assert not tab.page.reveal_button.isVisibleTo(tab.page)
    manager = ui_context(Role.BRANCH_MANAGER)
    manager_tab = _tab(qtbot, manager)
    manager_tab.open_customer(saved.id)
    wait_idle(qtbot, manager.tasks)
    # Managers see full numbers already; nothing to reveal.
    assert not manager_tab.page.reveal_button.isEnabled()
    with database.engine.connect() as connection:
        reveals = connection.execute(
            select(func.count()).where(AuditEntry.action == "reveal")
        ).scalar_one()
    assert reveals == 0


def test_doctor_reads_and_adds_to_the_health_file_and_each_open_is_audited(
    qtbot, ui_context, run, actor_for, database
) -> None:  # noqa: ANN001
    saved = _register(run, actor_for(Role.RECEPTIONIST), "杨过", "13100131000")
    context = ui_context(Role.DOCTOR)
    tab = _tab(qtbot, context)
    tab.open_customer(saved.id)
    wait_idle(qtbot, context.tasks)
    tab.page.tabs.setCurrentIndex(1)
    wait_idle(qtbot, context.tasks)
    health = tab.page.health
    assert health is not None
    health.select_section(HealthSection.ALLERGIES)
    type_text(health.findChild(type(health._new_entry), "health_new_entry"), "青霉素过敏")
    qtbot.mouseClick(health.findChild(QPushButton, "health_add"), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    qtbot.waitUntil(
        lambda: any("青霉素过敏" in text for text in health.entries_shown(HealthSection.ALLERGIES))
    )
    with database.engine.connect() as connection:
        reads = connection.execute(
            select(func.count()).where(
                AuditEntry.action == "read", AuditEntry.row_id == str(saved.id)
            )
        ).scalar_one()
    assert reads >= 1


def test_a_receptionist_has_no_health_file_tab(qtbot, ui_context, run, actor_for) -> None:  # noqa: ANN001
    saved = _register(run, actor_for(Role.RECEPTIONIST), "小龙女", "13000130000")
    context = ui_context(Role.RECEPTIONIST)
    tab = _tab(qtbot, context)
    tab.open_customer(saved.id)
    wait_idle(qtbot, context.tasks)
    assert tab.page.health is None
    assert tab.page.tabs.count() == 1
