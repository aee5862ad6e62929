"""One customer on screen: basic data (new or existing) and, for clinical roles, the health file."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.customers import Department
from lorch_desk.domain.errors import DomainError, DuplicatesFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.services import customer_settings, customers, membership
from lorch_desk.services.customers import CustomerDetail, CustomerInput
from lorch_desk.ui import errors
from lorch_desk.ui.common.choice_labels import MEMBER_TYPES, choice_label
from lorch_desk.ui.common.customer_class_label import CustomerClassLabel
from lorch_desk.ui.common.customer_form import CustomerFormWidget
from lorch_desk.ui.common.health_file_widget import HealthFileWidget
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.front_desk.arrival_dialog import ArrivalDialog, open_arrival_dialog
from lorch_desk.ui.roles.front_desk.duplicates_dialog import DuplicateChoice, DuplicatesDialog
from lorch_desk.ui.roles.front_desk.merge_dialog import MergeDialog

DEPARTMENT = Department.FRONT_DESK


class CustomerPageWidget(QWidget):
    """`back_requested` when the user leaves (Esc); `customer_opened(id)` to show another one."""

    back_requested = Signal()
    customer_opened = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._detail: CustomerDetail | None = None
        self._health_loaded = False
        actor = context.actor
        self.title = QLabel(self)
        self.title.setObjectName("customer_title")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("customer_status")
        # Membership at a glance: tier, points and stored value (seed 002).
        self.membership_label = QLabel(self)
        self.membership_label.setObjectName("customer_membership")
        self.membership_label.setVisible(actor.may(Action.MEMBERSHIP_VIEW))
        self.class_label = CustomerClassLabel(context, self)  # 新/老/潜在客户 (seed 004)
        self.form = CustomerFormWidget(self)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("save_customer")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.reveal_button = QPushButton(self.tr("Show full numbers"), self)
        self.reveal_button.setObjectName("reveal_contact")
        self.reveal_button.setVisible(actor.may(Action.CUSTOMER_REVEAL_CONTACT))
        self.reveal_button.clicked.connect(self._on_reveal_button_clicked)
        self.merge_button = QPushButton(self.tr("Merge a duplicate…"), self)
        self.merge_button.setObjectName("merge_customer")
        self.merge_button.setVisible(actor.may(Action.CUSTOMER_MERGE))
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.arrival_button = QPushButton(self.tr("Register arrival (F4)"), self)
        self.arrival_button.setObjectName("register_arrival")
        self.arrival_button.setVisible(actor.may(Action.ARRIVAL_RECORD))
        self.arrival_button.setEnabled(False)
        self.arrival_button.clicked.connect(self.register_arrival)
        back = QPushButton(self.tr("Back to list (Esc)"), self)
        back.setObjectName("back_to_list")
        back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_save_button_clicked)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, self.tr("Basic data"))
        self.health = None
        if actor.may(Action.HEALTH_FILE_VIEW):
            self.health = HealthFileWidget(context, self)
            self.tabs.addTab(self.health, self.tr("Health file"))
            self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.arrival_button)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.membership_label)
        layout.addWidget(self.class_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._load_required_fields()

    @property
    def detail(self) -> CustomerDetail | None:
        return self._detail

    def start_new(self) -> None:
        """An empty form for a customer who is not in the system yet."""
        self._detail = None
        self._health_loaded = False
        self.form.clear()
        self.title.setText(self.tr("New customer"))
        self.membership_label.clear()
        self.class_label.show_for(None)
        self.status.clear()
        self.tabs.setCurrentIndex(0)
        if self.health is not None:
            self.tabs.setTabEnabled(1, False)
        self.reveal_button.setEnabled(False)
        self.merge_button.setEnabled(False)
        self.arrival_button.setEnabled(False)
        self.form.focus_first()

    def open_customer(self, customer_id: uuid.UUID) -> None:
        """Load a saved customer into the page."""
        self.status.setText(self.tr("Loading…"))
        self._context.tasks.run(
            lambda uow, _progress: customers.get_customer(uow, customer_id=customer_id),
            on_done=self._show_detail,
            on_error=self._show_refusal,
            parent=self,
            read_only=True,
        )

    def _show_detail(self, detail: CustomerDetail) -> None:
        self._detail = detail
        self._health_loaded = False
        self.form.load(detail)
        member = choice_label(MEMBER_TYPES, detail.member_type)
        age = self.tr("%1 years").replace("%1", str(detail.age)) if detail.age is not None else ""
        self.title.setText(
            "  ·  ".join(part for part in (detail.name, detail.file_number, member, age) if part)
        )
        self.status.clear()
        if self.health is not None:
            self.tabs.setTabEnabled(1, True)
        self.reveal_button.setEnabled(detail.contact_masked)
        self.merge_button.setEnabled(True)
        self.arrival_button.setEnabled(True)
        if self.tabs.currentIndex() == 1:
            self._load_health()
        self._load_membership(detail.id)
        self.class_label.show_for(detail.id)

    def _load_membership(self, customer_id: uuid.UUID) -> None:
        self.membership_label.clear()
        if not self._context.actor.may(Action.MEMBERSHIP_VIEW):
            return
        self._context.tasks.run(
            lambda uow, _progress: membership.get_member(uow, customer_id=customer_id),
            on_done=self._show_membership,
            on_error=self._show_refusal,
            parent=self,
            read_only=True,
        )

    def _show_membership(self, member: membership.MemberDetail) -> None:
        if self._detail is None or member.customer_id != self._detail.id:
            return
        self.membership_label.setText(
            self.tr("Tier: %1  ·  Points: %2  ·  Stored value: %3 yuan")
            .replace("%1", member.tier_name or "—")
            .replace("%2", str(member.points))
            .replace("%3", f"{member.stored_value:,.2f}")
        )

    def register_arrival(self) -> ArrivalDialog | None:
        """到访登记 for the customer on screen (a newly registered one once saved)."""
        if self._detail is None or not self._context.actor.may(Action.ARRIVAL_RECORD):
            return None
        dialog = open_arrival_dialog(self._context, self, customer_id=self._detail.id)
        dialog.arrival_saved.connect(
            lambda _detail: self.status.setText(
                self.tr("Arrival registered; the customer is queued.")
            )
        )
        return dialog

    def _load_required_fields(self) -> None:
        self._context.tasks.run(
            lambda uow, _progress: customer_settings.required_fields(uow, department=DEPARTMENT),
            on_done=self.form.mark_required,
            parent=self,
            read_only=True,
        )

    def _on_save_button_clicked(self) -> None:
        try:
            data = self.form.data()
        except ValidationFailed as error:
            self.form.show_error(error)
            return
        self._save(data, allow_duplicates=False)

    def _save(self, data: CustomerInput, *, allow_duplicates: bool) -> None:
        self.form.clear_error()
        existing = self._detail
        if existing is None:
            operation = lambda uow, _progress: customers.register_customer(  # noqa: E731
                uow, data=data, department=DEPARTMENT, allow_duplicates=allow_duplicates
            )
        else:
            operation = lambda uow, _progress: customers.update_customer(  # noqa: E731
                uow,
                customer_id=existing.id,
                data=data,
                department=DEPARTMENT,
                expected_row_version=existing.row_version,
            )
        self.save_button.setEnabled(False)
        self._context.tasks.run(
            operation,
            on_done=self._on_saved,
            on_error=lambda error: self._on_save_refused(error, data),
            parent=self,
        )

    def _on_saved(self, detail: CustomerDetail) -> None:
        self.save_button.setEnabled(True)
        self._show_detail(detail)
        self.status.setText(self.tr("Saved."))

    def _on_save_refused(self, error: DomainError, data: CustomerInput) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.form.show_error(error)
        elif isinstance(error, DuplicatesFound):
            self._ask_about_duplicates(error, data)
        else:
            self._show_refusal(error)

    def _ask_about_duplicates(self, error: DuplicatesFound, data: CustomerInput) -> None:
        dialog = DuplicatesDialog(error.candidates, self)
        dialog.exec()
        if dialog.choice is DuplicateChoice.REGISTER_ANYWAY:
            self._save(data, allow_duplicates=True)
        elif dialog.choice is DuplicateChoice.OPEN_EXISTING and dialog.selected is not None:
            self.customer_opened.emit(dialog.selected.id)

    def _show_refusal(self, error: DomainError) -> None:
        self.status.setText("⚠ " + errors.message_for(error))

    def _on_reveal_button_clicked(self) -> None:
        if self._detail is None:
            return
        customer_id = self._detail.id
        self._context.tasks.run(
            lambda uow, _progress: customers.reveal_contact(uow, customer_id=customer_id),
            on_done=lambda revealed: self.form.show_contact(
                revealed.mobile or "", revealed.id_number or ""
            ),
            on_error=self._show_refusal,
            parent=self,
        )

    def _on_merge_button_clicked(self) -> None:
        if self._detail is None:
            return
        keep = self._detail
        dialog = MergeDialog(self._context, keep.name, self)
        if not dialog.exec() or dialog.duplicate is None:
            return
        duplicate = dialog.duplicate
        answer = QMessageBox.question(
            self,
            self.tr("Merge records"),
            self.tr("Merge %1 into %2? This cannot be undone.")
            .replace("%1", f"{duplicate.name} ({duplicate.file_number})")
            .replace("%2", f"{keep.name} ({keep.file_number})"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._context.tasks.run(
            lambda uow, _progress: customers.merge_customers(
                uow, keep_id=keep.id, merge_id=duplicate.id
            ),
            on_done=self._on_saved,
            on_error=self._show_refusal,
            parent=self,
        )

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 1:
            self._load_health()

    def _load_health(self) -> None:
        if self.health is not None and self._detail is not None and not self._health_loaded:
            self._health_loaded = True
            self.health.load(self._detail.id)
