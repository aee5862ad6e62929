"""The cashier tab: a receptionist picks a customer, rings up lines at the tier discount, splits
the payment, checks out and prints the receipt; a manager refunds a sale from the day's list."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lorch_desk.domain.cashier import PaymentMethod
from lorch_desk.domain.permissions import Role
from lorch_desk.models.base import utc_now
from lorch_desk.models.cashier import Payment, PointsEntry, Sale, SaleLine
from lorch_desk.ui.roles.cashier.cashier_tab import CashierTabWidget
from lorch_desk.ui.roles.cashier.checkout_page import CheckoutPage
from lorch_desk.ui.roles.registry import tabs_for
from tests.services.cashier_till import Till, cash, till_fixture  # noqa: F401
from tests.ui.conftest import open_tab, type_text, wait_idle


def _click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _pick_customer(qtbot, page: CheckoutPage, context, name: str) -> None:  # noqa: ANN001
    type_text(page.picker.query, name)
    page.picker.search_now()
    qtbot.waitUntil(lambda: page.picker.results.count() == 1)
    page.picker.query.setFocus()
    qtbot.keyClick(page.picker.query, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)


def _choose_item(page: CheckoutPage, name: str) -> None:
    index = next(
        i for i in range(page.item_combo.count()) if page.item_combo.itemData(i).name == name
    )
    page.item_combo.setCurrentIndex(index)


def test_the_tab_is_the_front_desks_and_managers(till: Till) -> None:  # noqa: F811
    keys = {role: [tab.key for tab in tabs_for(till.clinic.make_actor(role))] for role in Role}
    assert "cashier" in keys[Role.RECEPTIONIST] and "cashier" in keys[Role.BRANCH_MANAGER]
    assert "cashier" not in keys[Role.PHARMACIST] and "cashier" not in keys[Role.DOCTOR]


def test_a_receptionist_checks_out_a_split_payment_and_prints_the_receipt(
    qtbot,
    ui_context,
    till: Till,  # noqa: F811
) -> None:  # noqa: ANN001
    till.give_tier("platinum")
    consultant = till.clinic.hire("李明华")
    context = ui_context(actor=till.cashier)
    tab = open_tab(qtbot, CashierTabWidget, context)
    page = tab.checkout_page
    opened: list[Path] = []
    page.open_file = opened.append
    _pick_customer(qtbot, page, context, "13911110001")
    assert "李秀英" in page.customer_label.text() and "铂金卡" in page.customer_label.text()

    _choose_item(page, "针灸")
    page.quantity.setValue(2)
    _click(qtbot, page.add_button)
    _choose_item(page, "推拿")
    _click(qtbot, page.add_button)
    assert page.lines.rowCount() == 2
    assert page.lines.item(0, 5).text() == "532.00"  # 2 × 280 less 5 %
    type_text(page.payment_fields[PaymentMethod.WECHAT], "300")
    _click(qtbot, page.rest_in_cash)
    assert page.payment_fields[PaymentMethod.CASH].text() == "420.10"
    page.consultant_combo.setCurrentIndex(page.consultant_combo.findText("李明华"))
    page.payment_fields[PaymentMethod.CASH].setFocus()
    qtbot.keyClick(
        page.payment_fields[PaymentMethod.CASH],
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    wait_idle(qtbot, context.tasks)

    assert page.last_sale is not None and page.last_sale.number in page.status.text()
    (sale,) = till.rows(Sale)
    assert sale.consultant_id == consultant.user_id
    assert (sale.tier_code, sale.list_total, sale.total) == (
        "platinum",
        Decimal("758.00"),
        Decimal("720.10"),
    )
    assert sorted((line.name, line.quantity) for line in till.rows(SaleLine)) == [
        ("推拿", Decimal("1.000")),
        ("针灸", Decimal("2.000")),
    ]
    paid = {p.method: p.amount for p in till.rows(Payment)}
    assert paid == {"wechat": Decimal("300.00"), "cash": Decimal("420.10")}
    assert [p.points for p in till.rows(PointsEntry)] == [1080]  # 1.5 × 720.10
    assert page.lines.rowCount() == 0
    assert "1080" in page.customer_label.text()

    _click(qtbot, page.receipt_roll)
    wait_idle(qtbot, context.tasks)
    (receipt,) = opened
    text = subprocess.run(
        ["pdftotext", "-layout", str(receipt), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert sale.number in text and "应收合计：720.10" in text and "微信支付：300.00" in text


def test_a_refused_payment_says_why_and_stores_nothing(
    qtbot,
    ui_context,
    till: Till,  # noqa: F811
) -> None:  # noqa: ANN001
    context = ui_context(actor=till.cashier)
    tab = open_tab(qtbot, CashierTabWidget, context)
    page = tab.checkout_page
    _pick_customer(qtbot, page, context, "13911110001")
    _choose_item(page, "针灸")
    _click(qtbot, page.add_button)
    type_text(page.payment_fields[PaymentMethod.CASH], "300")
    _click(qtbot, page.checkout_button)
    wait_idle(qtbot, context.tasks)
    assert "280.00" in page.status.text() and "300.00" in page.status.text()
    assert till.rows(Sale) == []
    page.payment_fields[PaymentMethod.CASH].clear()
    type_text(page.payment_fields[PaymentMethod.POINTS], "2.80")
    _click(qtbot, page.rest_in_cash)
    _click(qtbot, page.checkout_button)
    wait_idle(qtbot, context.tasks)
    assert till.rows(Sale) == []
    assert page.status.styleSheet()  # shown as a refusal
    assert page.lines.rowCount() == 1  # the lines stay for another try


def test_a_manager_refunds_a_sale_from_the_days_list(
    qtbot,
    ui_context,
    till: Till,
    monkeypatch,  # noqa: F811
) -> None:  # noqa: ANN001
    sold = till.checkout(
        till.service("针灸"), till.service("推拿"), paid=[cash("478.00")], when=utc_now()
    )
    context = ui_context(actor=till.manager)
    tab = open_tab(qtbot, CashierTabWidget, context)
    page = tab.sales_page
    tab.pages.setCurrentWidget(page)
    opened: list[Path] = []
    page.open_file = opened.append
    assert [page.model.row_at(i).number for i in range(page.model.rowCount())] == [sold.number]
    page.view.selectRow(0)
    _click(qtbot, page.receipt_a5)
    wait_idle(qtbot, context.tasks)
    assert opened and opened[0].name.startswith(sold.number)
    qtbot.waitUntil(lambda: page.lines.count() == 2)
    page.lines.item(1).setCheckState(Qt.CheckState.Checked)  # 推拿 only
    type_text(page.reason, "顾客取消")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    _click(qtbot, page.refund_button)
    wait_idle(qtbot, context.tasks)

    (refund,) = till.rows(Sale, reverses_sale_id=sold.sale_id)
    assert (refund.kind, refund.total, refund.notes) == ("refund", Decimal("-198.00"), "顾客取消")
    assert refund.number in page.status.text()
    assert page.model.rowCount() == 2
    assert till.balances().points == 280

    page.view.selectRow(1)  # the sale again (the refund is newest): 针灸 is left
    qtbot.waitUntil(lambda: page.lines.count() == 1)
    _click(qtbot, page.refund_button)
    wait_idle(qtbot, context.tasks)
    assert sum(s.total for s in till.rows(Sale)) == Decimal("0.00")
    assert till.balances().points == 0


def test_the_receptionist_sees_no_refund_button(qtbot, ui_context, till: Till) -> None:  # noqa: ANN001, F811
    context = ui_context(actor=till.cashier)
    tab = open_tab(qtbot, CashierTabWidget, context)
    page = tab.sales_page
    tab.pages.setCurrentWidget(page)
    assert not page.refund_button.isVisible()


def test_a_top_up_pays_a_course_whose_sessions_are_then_taken_one_by_one(
    qtbot,
    ui_context,
    till: Till,  # noqa: F811
) -> None:  # noqa: ANN001
    context = ui_context(actor=till.cashier)
    tab = open_tab(qtbot, CashierTabWidget, context)
    page = tab.checkout_page
    _pick_customer(qtbot, page, context, "13911110001")
    type_text(page.money_box.amount, "1000")
    page.money_box.method.setCurrentIndex(page.money_box.method.findData(PaymentMethod.WECHAT))
    _click(qtbot, page.money_box.top_up_button)
    wait_idle(qtbot, context.tasks)
    assert till.balances().stored_value == Decimal("1000.00")
    assert "1,000.00" in page.customer_label.text()

    _choose_item(page, "艾灸疗程")
    _click(qtbot, page.add_button)
    type_text(page.payment_fields[PaymentMethod.STORED_VALUE], "1000")
    _click(qtbot, page.rest_in_cash)
    _click(qtbot, page.checkout_button)
    wait_idle(qtbot, context.tasks)
    assert till.balances().stored_value == Decimal("0.00")
    assert page.course_combo.count() == 1 and "10" in page.course_combo.currentText()

    _click(qtbot, page.session_button)
    assert page.lines.item(0, 5).text() == "0.00"
    _click(qtbot, page.checkout_button)
    wait_idle(qtbot, context.tasks)
    sessions = till.rows(SaleLine, kind="course_session")
    assert len(sessions) == 1 and sessions[0].amount == Decimal("0.00")
    assert "9" in page.course_combo.currentText()
