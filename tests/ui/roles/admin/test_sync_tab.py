"""The Sync tab: an administrator sees both values of a conflict and applies either."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import new_id
from lorch_desk.models.customer import Customer
from lorch_desk.models.sync import SyncConflict, SyncNode, SyncRejection
from lorch_desk.services.sync_enrolment import hash_token
from lorch_desk.ui.roles.admin.sync_tab import SyncTabWidget
from tests.ui.conftest import open_tab, type_text, wait_idle


def _with_conflict(database, actor) -> Customer:  # noqa: ANN001
    customer = Customer(
        file_number="BJ-2026-000088", name="林晓燕", gender="female", address="上海市徐汇区"
    )

    def prepare(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.add(customer)
        uow.session.flush()
        uow.session.add(
            SyncConflict(
                op_id=customer.id,
                node_id=actor.node_id,
                table_name="customer",
                row_id=customer.id,
                field="address",
                base_value="",
                kept_value="上海市徐汇区",
                other_value="广州市天河区",
            )
        )
        uow.session.add(
            SyncRejection(
                op_id=customer.id,
                node_id=actor.node_id,
                table_name="room",
                row_id=customer.id,
                reason="central_table",
            )
        )

    database.run(actor, prepare)
    return customer


def _stored(database, actor, model, key):  # noqa: ANN001, ANN202
    result, _ = database.run(actor, lambda uow, _p: uow.session.get(model, key), read_only=True)
    return result


def test_a_manager_applies_the_other_value_of_a_conflict(
    qtbot, ui_context, database, system_actor
) -> None:  # noqa: ANN001
    customer = _with_conflict(database, system_actor)
    context = ui_context(Role.BRANCH_MANAGER)
    tab = open_tab(qtbot, SyncTabWidget, context)
    assert tab.enrol_box is None  # only headquarters enrols nodes
    model = tab.conflict_model
    assert model.rowCount() == 1
    shown = [model.data(model.index(0, column)) for column in range(5)]
    assert shown == ["客户", "BJ-2026-000088 林晓燕", "Address", "上海市徐汇区", "广州市天河区"]
    raw = f"customer {customer.id}"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == raw
    rejections = tab.rejection_model
    shown = [rejections.data(rejections.index(0, column)) for column in range(3)]
    assert shown == ["房间", "(not on this computer)", "Only headquarters may change this data."]
    assert rejections.data(rejections.index(0, 1), Qt.ItemDataRole.ToolTipRole) == (
        f"room {customer.id}"
    )
    assert not tab.apply_other_button.isEnabled()
    tab.conflict_view.selectRow(0)
    assert tab.apply_other_button.isEnabled()
    tab.apply_other_button.click()
    wait_idle(qtbot, context.tasks)
    assert _stored(database, system_actor, Customer, customer.id).address == "广州市天河区"
    wait_idle(qtbot, context.tasks)
    assert tab.conflict_model.rowCount() == 0
    assert tab.status_label.text() == "Settled: Address of BJ-2026-000088 林晓燕."


def test_headquarters_enrols_a_branch_node_and_sees_its_token_once(
    qtbot, ui_context, database, system_actor
) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    tab = open_tab(qtbot, SyncTabWidget, context)
    box = tab.enrol_box
    assert box is not None
    type_text(box.site_code_edit, "SH")
    type_text(box.site_name_edit, "上海分院")
    type_text(box.node_name_edit, "SH-前台")
    box.enrol_button.click()
    wait_idle(qtbot, context.tasks)
    token = box.token_edit.text()
    assert len(token) >= 40
    nodes, _ = database.run(
        system_actor, lambda uow, _p: list(uow.session.scalars(select(SyncNode))), read_only=True
    )
    assert [(n.name, n.token_hash) for n in nodes] == [("SH-前台", hash_token(token))]
    assert token not in str([vars(n) for n in nodes])
    wait_idle(qtbot, context.tasks)
    assert box.node_model.rowCount() == 1
    assert box.node_model.data(box.node_model.index(0, 1)) == "SH-前台"


def test_a_rejected_record_known_here_is_named_by_its_number_and_name(
    qtbot, ui_context, database, system_actor
) -> None:  # noqa: ANN001
    customer = _with_conflict(database, system_actor)

    def reject_the_customer(uow, _progress):  # noqa: ANN001, ANN202
        uow.session.add(
            SyncRejection(
                op_id=new_id(),
                node_id=system_actor.node_id,
                table_name="customer",
                row_id=customer.id,
                reason="other_site",
            )
        )

    database.run(system_actor, reject_the_customer)
    context = ui_context(Role.BRANCH_MANAGER)
    tab = open_tab(qtbot, SyncTabWidget, context)
    rejections = tab.rejection_model
    assert rejections.rowCount() == 2
    shown = [rejections.data(rejections.index(0, column)) for column in range(3)]
    assert shown == ["客户", "BJ-2026-000088 林晓燕", "The record belongs to another site."]
    assert rejections.data(rejections.index(0, 0), Qt.ItemDataRole.ToolTipRole) == (
        f"customer {customer.id}"
    )


def test_every_replicated_table_has_a_name_people_read() -> None:
    from lorch_desk.domain.table_names import TABLE_NAMES
    from lorch_desk.models.registry import TABLE_CLASSES

    replicated = {name for name, kind in TABLE_CLASSES.items() if kind.is_replicated}
    assert sorted(replicated - TABLE_NAMES.keys()) == [], "add them to domain/table_names.py"
