"""Member lookup: a customer's tier, spend, points, stored value and tier history; a manager
may move them to another tier by hand, giving the reason."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import membership, membership_referrals
from lorch_desk.services.customers import CustomerRow
from lorch_desk.services.membership import MemberDetail, TierRow
from lorch_desk.ui.common.customer_picker import CustomerPicker
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn, display_text
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.membership.referrer_dialog import ReferrerDialog


class MemberPage(QWidget):
    """Pick a customer; see their membership; managers change the tier with a reason."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._member_name = ""
        self._may_change = context.actor.may(Action.TIER_CHANGE)
        self._errors = FieldErrors()
        self.picker = CustomerPicker(context)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)

        self.name_label = QLabel("—")
        self.tier_label = QLabel("—")
        self.spend_label = QLabel("—")
        self.points_label = QLabel("—")
        self.stored_value_label = QLabel("—")
        self.referrer_label = QLabel("—")
        for name, label in (
            ("member_name", self.name_label),
            ("member_tier", self.tier_label),
            ("member_spend", self.spend_label),
            ("member_points", self.points_label),
            ("member_stored_value", self.stored_value_label),
            ("member_referrer", self.referrer_label),
        ):
            label.setObjectName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QFormLayout()
        summary.addRow(self.tr("Customer:"), self.name_label)
        summary.addRow(self.tr("Tier:"), self.tier_label)
        summary.addRow(self.tr("Cumulative spend:"), self.spend_label)
        summary.addRow(self.tr("Points:"), self.points_label)
        summary.addRow(self.tr("Stored value:"), self.stored_value_label)
        self.referrer_button = QPushButton(self.tr("Record referrer…"))
        self.referrer_button.setVisible(context.actor.may(Action.CUSTOMER_EDIT))
        self.referrer_button.setEnabled(False)
        self.referrer_button.clicked.connect(self._on_referrer_button_clicked)
        referrer_row = QHBoxLayout()
        referrer_row.addWidget(self.referrer_label)
        referrer_row.addWidget(self.referrer_button)
        referrer_row.addStretch(1)
        summary.addRow(self.tr("Referred by:"), referrer_row)

        self.history_model = DtoTableModel(
            [
                TableColumn(self.tr("Changed"), lambda row: row.changed_at),
                TableColumn(self.tr("From"), lambda row: row.from_tier_name),
                TableColumn(self.tr("To"), lambda row: row.to_tier_name),
                TableColumn(self.tr("Spend then"), lambda row: row.cumulative_spend, True),
                TableColumn(self.tr("How"), self._reason_text),
                TableColumn(self.tr("By"), lambda row: row.changed_by_name),
                TableColumn(self.tr("Reason given"), lambda row: row.note),
            ],
            self,
        )
        self.history_view = DtoTableView(self.history_model)

        self.change_box = QGroupBox(self.tr("Change the tier by hand"))
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("tier_code")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setPlaceholderText(self.tr("Why, e.g. approved by the director"))
        self.change_button = QPushButton(self.tr("Change tier"))
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.note_edit.returnPressed.connect(self.change_button.click)
        change_form = QFormLayout(self.change_box)
        change_form.addRow(self.tr("New tier:"), self._errors.cell(self.tier_combo, "tier_code"))
        change_form.addRow(self.tr("Reason:"), self._errors.cell(self.note_edit, "note"))
        change_form.addRow(self._errors.general)
        change_form.addRow(self.change_button)
        self.change_box.setVisible(self._may_change)
        self.change_box.setEnabled(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(summary)
        details_layout.addWidget(QLabel(self.tr("Tier history")))
        details_layout.addWidget(self.history_view, 1)
        details_layout.addWidget(self.change_box)
        details_layout.addWidget(self.status_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.picker)
        splitter.addWidget(details)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.events.data_changed.connect(self._on_events_data_changed)
        if self._may_change:
            self._load_tiers()

    def show_customer(self, customer_id: uuid.UUID) -> None:
        """Show the membership of one customer."""
        self._customer_id = customer_id
        self._context.tasks.run(
            lambda uow, _progress: membership.get_member(uow, customer_id=customer_id),
            on_done=self._on_member_loaded,
            parent=self,
            read_only=True,
        )

    def _load_tiers(self) -> None:
        self._context.tasks.run(
            lambda uow, _progress: membership.list_tiers(uow),
            on_done=self._on_tiers_loaded,
            parent=self,
            read_only=True,
        )

    def _on_tiers_loaded(self, tiers: list[TierRow]) -> None:
        self.tier_combo.clear()
        for tier in tiers:
            self.tier_combo.addItem(tier.name, tier.code)

    def _on_picker_customer_selected(self, row: CustomerRow) -> None:
        self.status_label.clear()
        self.show_customer(row.id)

    def _on_member_loaded(self, detail: MemberDetail) -> None:
        if detail.customer_id != self._customer_id:
            return
        self.name_label.setText(f"{detail.name}  ·  {detail.file_number}")
        self.tier_label.setText(detail.tier_name or self.tr("No tiers configured"))
        self.spend_label.setText(display_text(detail.cumulative_spend))
        self.points_label.setText(str(detail.points))
        self.stored_value_label.setText(display_text(detail.stored_value))
        self.referrer_label.setText(detail.referrer_name or "—")
        self.referrer_button.setEnabled(True)
        self._member_name = detail.name
        self.history_model.set_rows(detail.history)
        self.change_box.setEnabled(True)

    def _on_change_button_clicked(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self._errors.clear()
        tier_code = self.tier_combo.currentData() or ""
        note = self.note_edit.text()
        self.change_button.setEnabled(False)
        self._context.tasks.run(
            lambda uow, _progress: membership.change_tier(
                uow, customer_id=customer_id, tier_code=tier_code, note=note
            ),
            on_done=self._on_changed,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_referrer_button_clicked(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        dialog = ReferrerDialog(self._context, self._member_name, self)
        if not dialog.exec() or dialog.referrer is None:
            return
        referrer_id = dialog.referrer.id
        self._context.tasks.run(
            lambda uow, _progress: membership_referrals.record_referral(
                uow, customer_id=customer_id, referrer_id=referrer_id
            ),
            on_done=lambda _row: self.show_customer(customer_id),
            on_error=self._on_refused,
            parent=self,
        )

    def _on_changed(self, row: Any) -> None:
        self.change_button.setEnabled(True)
        self.note_edit.clear()
        self.status_label.setText(self.tr("The tier is now %1.").replace("%1", row.to_tier_name))

    def _on_refused(self, error: DomainError) -> None:
        self.change_button.setEnabled(True)
        self._errors.show_refusal(error)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if self._customer_id is not None and changes.touches(
            "tier_change",
            "member_tier",
            "sale",
            "points_entry",
            "stored_value_entry",
            "member_referral",
        ):
            self.show_customer(self._customer_id)
        if self._may_change and changes.touches("member_tier"):
            self._load_tiers()

    def _reason_text(self, row: Any) -> str:
        if row.reason == "quarterly":
            return self.tr("Re-evaluation")
        return self.tr("By hand")
