"""收银: pick the customer, ring up lines, split the payment, check out, print the receipt."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.pdf.receipt import ReceiptPaper
from lorch_desk.domain.cashier import (
    LineKind,
    session_price,
)
from lorch_desk.services import queue_board, sales, sales_queries
from lorch_desk.services.customers import CustomerRow
from lorch_desk.services.queue_board import RosterCandidate
from lorch_desk.services.sales import CheckoutInput, SaleResult
from lorch_desk.services.sales_lines import LineInput
from lorch_desk.services.sales_queries import SellableItem, TillCustomer
from lorch_desk.ui.common.customer_picker import CustomerPicker
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.cashier import receipt_printing
from lorch_desk.ui.roles.cashier.labels import (
    LINE_KIND_NAMES,
    StatusLabel,
    money_text,
    tr,
)
from lorch_desk.ui.roles.cashier.money_box import MoneyBox
from lorch_desk.ui.roles.cashier.order_lines import OrderLines, PendingLine
from lorch_desk.ui.roles.cashier.payment_box import PaymentBox


class CheckoutPage(QWidget):
    """The till: everything of one checkout is written at once, or nothing."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer: TillCustomer | None = None
        self._items: list[SellableItem] = []
        self._warehouse_id: uuid.UUID | None = None
        self.last_sale: SaleResult | None = None
        self.open_file = receipt_printing.open_with_system

        self.picker = CustomerPicker(context, self)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)
        self.customer_label = QLabel(self.tr("No customer chosen."))
        self.customer_label.setObjectName("customer")
        self.customer_label.setWordWrap(True)

        self.item_combo = QComboBox()
        self.item_combo.setObjectName("item")
        self.item_combo.setEditable(True)
        self.item_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.item_combo.lineEdit().returnPressed.connect(self.add_line)  # type, Enter: added
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, 999)
        self.per_session = QCheckBox(self.tr("Course paid per session"))
        self.per_session.setObjectName("per_session")
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.setObjectName("add_line")
        self.add_button.clicked.connect(self.add_line)
        self.consultant_combo = QComboBox()
        self.consultant_combo.setObjectName("consultant")
        self.course_combo = QComboBox()
        self.course_combo.setObjectName("course")
        self.session_button = QPushButton(self.tr("Take a session"))
        self.session_button.setObjectName("take_session")
        self.session_button.clicked.connect(self.add_session)

        self.lines = OrderLines()
        self.lines.changed.connect(self._on_lines_changed)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.setObjectName("remove_line")
        self.remove_button.clicked.connect(self.lines.remove_current)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals")

        self.payment_box = PaymentBox(self.lines.total)
        self.payment_box.changed.connect(self._show_totals)
        self.payment_fields = self.payment_box.fields
        self.rest_in_cash = self.payment_box.rest_in_cash
        self.checkout_button = QPushButton(self.tr("Check out (Ctrl+Enter)"))
        self.checkout_button.setObjectName("checkout")
        self.checkout_button.clicked.connect(self.check_out)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._check_out_by_key)
        self.receipt_a5 = QPushButton(self.tr("Receipt (A5)"))
        self.receipt_a5.setObjectName("receipt_a5")
        self.receipt_a5.clicked.connect(lambda: self.print_receipt(ReceiptPaper.A5))
        self.receipt_roll = QPushButton(self.tr("Receipt (80 mm)"))
        self.receipt_roll.setObjectName("receipt_80mm")
        self.receipt_roll.clicked.connect(lambda: self.print_receipt(ReceiptPaper.ROLL_80))
        self.money_box = MoneyBox(
            context,
            customer_id=lambda: self._customer.customer_id if self._customer else None,
            chosen_item=self.item_combo.currentData,
            on_done=self._on_sold,
            on_refused=lambda error: self.status.refuse(error),
            say=lambda text: self.status.say(text),
        )
        self.status = StatusLabel()
        self._lay_out()
        self._enable()
        self._load_items()

    def _lay_out(self) -> None:
        entry = QHBoxLayout()
        entry.addWidget(self.item_combo, 3)
        entry.addWidget(QLabel(self.tr("Quantity:")))
        entry.addWidget(self.quantity)
        entry.addWidget(self.per_session)
        entry.addWidget(self.add_button)
        courses = QHBoxLayout()
        courses.addWidget(QLabel(self.tr("Open course:")))
        courses.addWidget(self.course_combo, 1)
        courses.addWidget(self.session_button)
        actions = QHBoxLayout()
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Consultant:")))
        actions.addWidget(self.consultant_combo)
        actions.addWidget(self.checkout_button)
        actions.addWidget(self.receipt_a5)
        actions.addWidget(self.receipt_roll)
        till = QVBoxLayout()
        till.addWidget(self.customer_label)
        till.addLayout(entry)
        till.addLayout(courses)
        till.addWidget(self.lines, 1)
        till.addWidget(self.totals_label)
        till.addWidget(self.payment_box)
        till.addLayout(actions)
        till.addWidget(self.money_box)
        till.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addLayout(till, 3)

    # Loading
    def _load_items(self) -> None:
        self._context.tasks.run(
            lambda uow, _p: (
                sales_queries.sellable_items(uow),
                sales_queries.till_warehouse(uow),
                queue_board.active_consultants(uow),
            ),
            on_done=self._on_items_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_items_loaded(
        self, loaded: tuple[list[SellableItem], uuid.UUID | None, list[RosterCandidate]]
    ) -> None:
        self._items, self._warehouse_id, consultants = loaded
        self.consultant_combo.clear()
        self.consultant_combo.addItem(self.tr("(no consultant)"), None)
        for consultant in consultants:
            self.consultant_combo.addItem(consultant.name, consultant.user_id)
        self.item_combo.clear()
        for item in self._items:
            kind = tr(LINE_KIND_NAMES[item.kind])
            self.item_combo.addItem(
                f"{item.code}  {item.name}  ({kind})  ¥{money_text(item.unit_price)}", item
            )

    def _on_picker_customer_selected(self, row: CustomerRow) -> None:
        self.choose_customer(row.id)

    def choose_customer(self, customer_id: uuid.UUID) -> None:
        """Show the customer's tier, balances and open courses; a new checkout starts."""
        self._context.tasks.run(
            lambda uow, _p: sales_queries.till_customer(uow, customer_id=customer_id),
            on_done=self._on_customer_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_customer_loaded(self, customer: TillCustomer) -> None:
        if self._customer is None or self._customer.customer_id != customer.customer_id:
            self.lines.clear_lines()  # another customer: another checkout
        self._customer = customer
        held = customer.balances
        tier = customer.tier_name or self.tr("no tier")
        self.customer_label.setText(
            self.tr("%1 (%2) · Tier: %3, %4% off · Points: %5 · Stored value: %6 · Deposit: %7")
            .replace("%1", customer.name)
            .replace("%2", customer.file_number)
            .replace("%3", tier)
            .replace("%4", f"{customer.discount_rate * 100:.0f}")
            .replace("%5", str(held.points))
            .replace("%6", money_text(held.stored_value))
            .replace("%7", money_text(held.deposit))
        )
        self.course_combo.clear()
        for course in customer.courses:
            label = self.tr("%1: %2 of %3 sessions left")
            text = (
                label.replace("%1", course.name)
                .replace("%2", str(course.remaining))
                .replace("%3", str(course.sessions))
            )
            self.course_combo.addItem(text, course)
        self.lines.set_discount_rate(customer.discount_rate)

    # Lines
    def add_line(self) -> None:
        item: SellableItem | None = self.item_combo.currentData()
        if item is None:
            return
        per_session = item.kind is LineKind.COURSE and self.per_session.isChecked()
        line = LineInput(
            item.kind,
            service_item_id=item.item_id if item.kind is not LineKind.PRODUCT else None,
            product_id=item.item_id if item.kind is LineKind.PRODUCT else None,
            quantity=Decimal(self.quantity.value()),
            pay_per_session=per_session,
        )
        price = Decimal("0.00") if per_session else item.unit_price
        added = [PendingLine(line, item.name, price)]
        if per_session:  # the first session is taken and paid now
            first = LineInput(LineKind.COURSE_SESSION, service_item_id=item.item_id)
            added.append(
                PendingLine(first, item.name, session_price(item.unit_price, item.sessions or 1))
            )
        self.quantity.setValue(1)
        self.lines.add(*added)

    def add_session(self) -> None:
        course = self.course_combo.currentData()
        if course is None:
            return
        price = Decimal("0.00")
        if not course.paid_ahead:
            item = next((i for i in self._items if i.item_id == course.service_item_id), None)
            if item is not None:
                price = session_price(item.unit_price, item.sessions or 1)
        line = LineInput(LineKind.COURSE_SESSION, course_line_id=course.line_id)
        self.lines.add(PendingLine(line, course.name, price))

    def _on_lines_changed(self) -> None:
        self._show_totals()
        self._enable()

    def _show_totals(self) -> None:
        total = self.lines.total()
        paid = self.payment_box.paid()
        self.totals_label.setText(
            self.tr("Total: %1 · Paid: %2 · Still to pay: %3")
            .replace("%1", money_text(total))
            .replace("%2", money_text(paid))
            .replace("%3", money_text(total - paid))
        )

    def _enable(self) -> None:
        chosen = self._customer is not None
        self.checkout_button.setEnabled(chosen and bool(self.lines.pending))
        self.money_box.set_enabled_for_customer(chosen)
        self.session_button.setEnabled(chosen and self.course_combo.count() > 0)
        self.receipt_a5.setEnabled(self.last_sale is not None)
        self.receipt_roll.setEnabled(self.last_sale is not None)

    # Writing
    def _check_out_by_key(self) -> None:
        if self.checkout_button.isEnabled():
            self.check_out()

    def check_out(self) -> None:
        """Record the sale and its payments (refused as a whole if anything is wrong)."""
        if self._customer is None or not self.lines.pending:
            return
        data = CheckoutInput(
            customer_id=self._customer.customer_id,
            lines=self.lines.inputs(),
            payments=self.payment_box.payments(),
            consultant_id=self.consultant_combo.currentData(),
            warehouse_id=self._warehouse_id,
        )
        self._context.tasks.run(
            lambda uow, _p: sales.checkout(uow, data=data),
            on_done=self._on_sold,
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_sold(self, result: SaleResult) -> None:
        self.last_sale = result
        self.payment_box.clear()
        self.lines.clear_lines()
        text = self.tr("%1 recorded: %2, points %3.")
        self.status.say(
            text.replace("%1", result.number)
            .replace("%2", money_text(result.total))
            .replace("%3", f"{result.points_earned:+d}")
        )
        if self._customer is not None:
            self.choose_customer(self._customer.customer_id)

    def print_receipt(self, paper: ReceiptPaper) -> None:
        if self.last_sale is None:
            return
        receipt_printing.print_receipt(
            self._context,
            self.last_sale.sale_id,
            paper,
            parent=self,
            on_printed=self._on_printed,
            on_error=self.status.refuse,
        )

    def _on_printed(self, path: Path) -> None:
        self.status.say(self.tr("Receipt saved: %1").replace("%1", str(path)))
        self.open_file(path)
