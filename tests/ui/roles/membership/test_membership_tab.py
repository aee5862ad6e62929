"""The membership tab: HQ edits tiers, a manager re-evaluates a quarter and changes a tier by
hand, customer service runs a member event, HQ lists partner-merchant discounts."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.membership import last_completed_period
from lorch_desk.domain.permissions import Role
from lorch_desk.models.member_events import MemberEventInvitation
from lorch_desk.models.membership import TierChange
from lorch_desk.services import membership
from lorch_desk.ui.roles.membership import member_page
from lorch_desk.ui.roles.membership.events_page import EventsPage
from lorch_desk.ui.roles.membership.member_page import MemberPage
from lorch_desk.ui.roles.membership.membership_tab import MembershipTabWidget
from lorch_desk.ui.roles.membership.partners_page import PartnersPage
from lorch_desk.ui.roles.membership.tiers_page import DISCOUNT, MIN_SPEND, TiersPage
from lorch_desk.ui.roles.registry import tabs_for
from tests.services.membership_world import MembershipWorld
from tests.ui.conftest import open_tab, type_text, wait_idle


@pytest.fixture()
def world(database, actor_for) -> MembershipWorld:  # noqa: ANN001
    return MembershipWorld(database, actor_for)


def _click(qtbot, button) -> None:  # noqa: ANN001
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _tiers(world: MembershipWorld) -> list:
    return world.run(world.admin, membership.list_tiers)


def test_headquarters_edits_a_tier_and_a_bad_table_is_refused(qtbot, ui_context, world) -> None:  # noqa: ANN001
    context = ui_context(actor=world.admin)
    page = open_tab(qtbot, TiersPage, context)
    assert page.table.rowCount() == 3
    assert page.table.item(2, DISCOUNT).text() == "10"

    page.table.item(2, DISCOUNT).setText("12")
    _click(qtbot, page.save_button)
    wait_idle(qtbot, context.tasks)

    assert page.status_label.text() == "Tiers saved."
    assert _tiers(world)[2].discount_rate == Decimal("0.12")

    page.table.item(2, MIN_SPEND).setText("10000")
    _click(qtbot, page.save_button)
    wait_idle(qtbot, context.tasks)

    assert page._errors.general.isVisible()
    assert "尊享卡" in page._errors.general.text() and "白金卡" in page._errors.general.text()
    assert _tiers(world)[2].min_spend == Decimal("50000.00")
    page.table.item(2, MIN_SPEND).setText("5万")
    _click(qtbot, page.save_button)
    wait_idle(qtbot, context.tasks)
    assert page._errors.general.isVisible()


def test_a_branch_manager_only_reads_the_tiers(qtbot, ui_context, world) -> None:  # noqa: ANN001
    context = ui_context(actor=world.manager)
    page = open_tab(qtbot, TiersPage, context)
    assert page.read_only_banner.isVisible()
    assert not page.save_button.isEnabled()
    assert page.table.item(1, 1).text() == "白金卡"


def test_manager_previews_confirms_and_runs_the_quarter(
    qtbot, ui_context, world, monkeypatch
) -> None:  # noqa: ANN001
    period = last_completed_period(clinic_today(), 3)
    customer = world.register("王芳")
    world.sell(customer, "26000.00", on=period.first_day)
    context = ui_context(actor=world.manager)
    tab = open_tab(qtbot, MembershipTabWidget, context)
    page = tab.evaluation_page
    assert page is not None
    assert page.year_spin.value() == period.first_day.year
    assert not page.run_button.isEnabled()

    _click(qtbot, page.preview_button)
    wait_idle(qtbot, context.tasks)
    assert f"{period.label}" in page.preview_label.text()
    assert "1 upgrades, 0 downgrades" in page.preview_label.text()

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    _click(qtbot, page.run_button)
    wait_idle(qtbot, context.tasks)

    assert "1 customers move up" in asked[0]
    assert [(row.period_label, row.upgrades) for row in page.model.rows] == [(period.label, 1)]
    assert world.run(world.manager, membership.checkout_terms, customer_id=customer).tier_code == (
        "platinum"
    )


def test_member_lookup_shows_membership_and_a_manager_changes_the_tier(
    qtbot, ui_context, world, monkeypatch
) -> None:  # noqa: ANN001
    customer = world.register("赵敏")
    world.sell(customer, "1234.50", on=clinic_today())
    context = ui_context(actor=world.manager)
    page = open_tab(qtbot, MemberPage, context)
    type_text(page.picker.query, "13922220001")
    page.picker.search_now()
    qtbot.waitUntil(lambda: page.picker.results.count() == 1)
    page.picker.query.setFocus()
    qtbot.keyClick(page.picker.query, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)

    assert page.tier_label.text() == "银卡"
    assert page.spend_label.text() == "1,234.50"
    assert page.points_label.text() == "0"
    assert page.stored_value_label.text() == "0.00"

    page.tier_combo.setCurrentIndex(page.tier_combo.findText("尊享卡"))
    _click(qtbot, page.change_button)
    wait_idle(qtbot, context.tasks)
    assert page._errors._by_field["note"].isVisible()  # a reason is required

    type_text(page.note_edit, "VIP")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    assert page.tier_label.text() == "尊享卡"
    assert [(row.to_tier_name, row.note) for row in page.history_model.rows] == [("尊享卡", "VIP")]
    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        assert uow.session.scalar(select(TierChange.reason)) == "manual"

    referrer = world.register("黄蓉")

    class PickedReferrer:
        def __init__(self, *_args: object) -> None:
            self.referrer = SimpleNamespace(id=referrer)

        def exec(self) -> bool:
            return True

    monkeypatch.setattr(member_page, "ReferrerDialog", PickedReferrer)
    _click(qtbot, page.referrer_button)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    assert page.referrer_label.text() == "黄蓉"


def test_customer_service_runs_a_member_event(qtbot, ui_context, world, monkeypatch) -> None:  # noqa: ANN001
    invited = world.register("钱芳", sms_consent=True)
    world.register("孙丽", sms_consent=False)
    context = ui_context(actor=world.service)
    page = open_tab(qtbot, EventsPage, context)

    type_text(page.title_edit, "秋季养生茶会")
    type_text(page.place_edit, "院内三楼")
    page.tier_checks["silver"].setChecked(True)
    _click(qtbot, page.create_button)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    assert [row.title for row in page.model.rows] == ["秋季养生茶会"]
    assert page.event_box.isVisibleTo(page)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    _click(qtbot, page.invite_button)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    assert page.status_label.text().startswith("1 invitations queued; 1 members")
    assert [row.name for row in page.invitations_model.rows] == ["钱芳"]
    page.invitations_view.selectRow(0)
    _click(qtbot, page.sign_in_button)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    assert page.invitations_model.rows[0].signed_in_at is not None
    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        stored = uow.session.execute(
            select(MemberEventInvitation.customer_id, MemberEventInvitation.signed_in_at)
        ).all()
    assert [(row[0], row[1] is not None) for row in stored] == [(invited, True)]
    page.summary_edit.setPlainText("到场1人")
    _click(qtbot, page.summary_button)
    wait_idle(qtbot, context.tasks)
    assert page.status_label.text() == "Summary saved."


def test_headquarters_adds_a_partner_merchant_with_tier_discounts(qtbot, ui_context, world) -> None:  # noqa: ANN001
    context = ui_context(actor=world.admin)
    page = open_tab(qtbot, PartnersPage, context)
    type_text(page.name_edit, "悦茶轩")
    type_text(page.discount_edits["premier"], "全单8折")
    _click(qtbot, page.save_button)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    assert [(row.tier_name, row.merchant_name, row.description) for row in page.model.rows] == [
        ("尊享卡", "悦茶轩", "全单8折")
    ]


def test_membership_tab_is_for_customer_service_and_managers(actor_for) -> None:  # noqa: ANN001
    def keys(role: Role) -> list[str]:
        return [tab.key for tab in tabs_for(actor_for(role))]

    assert "membership" not in keys(Role.RECEPTIONIST)
    assert "membership" in keys(Role.CUSTOMER_SERVICE)
    assert "membership" in keys(Role.BRANCH_MANAGER)


def test_customer_service_sees_no_re_evaluation(qtbot, ui_context, world) -> None:  # noqa: ANN001
    context = ui_context(actor=world.service)
    tab = open_tab(qtbot, MembershipTabWidget, context)
    assert tab.evaluation_page is None
    assert tab.events_page is not None


def test_customer_page_shows_tier_points_and_stored_value(qtbot, ui_context, world) -> None:  # noqa: ANN001
    from datetime import datetime

    from lorch_desk.models.cashier import PointsEntry, StoredValueEntry
    from lorch_desk.ui.roles.front_desk.customer_page import CustomerPageWidget

    customer = world.register("冯雪")
    now = datetime.now().astimezone()

    def ledgers(uow, _progress):  # noqa: ANN001
        uow.session.add(
            PointsEntry(customer_id=customer, points=320, reason="earned", recorded_at=now)
        )
        uow.session.add(
            StoredValueEntry(
                customer_id=customer, amount=Decimal("5000"), reason="top_up", recorded_at=now
            )
        )

    world.database.run(world.admin, ledgers)
    context = ui_context(Role.RECEPTIONIST)
    page = CustomerPageWidget(context)
    qtbot.addWidget(page)
    page.show()
    page.open_customer(customer)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    assert (
        page.membership_label.text() == "Tier: 银卡  ·  Points: 320  ·  Stored value: 5,000.00 yuan"
    )
    assert page.membership_label.isVisible()
