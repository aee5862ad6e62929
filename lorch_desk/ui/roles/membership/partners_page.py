"""Partner merchants (异业联盟商户): what each tier's members get where; HQ keeps the list."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import membership, membership_partners
from lorch_desk.services.membership_partners import PartnerMerchantInput, PartnerMerchantRow
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class PartnersPage(QWidget):
    """Discounts per tier for everyone; headquarters adds and changes merchants."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._may_edit = context.actor.may(Action.PARTNER_MERCHANT_EDIT)
        self._merchant_id: uuid.UUID | None = None
        self._errors = FieldErrors()
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Tier"), lambda row: row.tier_name),
                TableColumn(self.tr("Merchant"), lambda row: row.merchant_name),
                TableColumn(self.tr("Kind"), lambda row: row.category),
                TableColumn(self.tr("Members get"), lambda row: row.description),
                TableColumn(self.tr("Address"), lambda row: row.address),
                TableColumn(self.tr("Phone"), lambda row: row.phone),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Partner-merchant discounts by tier")))
        layout.addWidget(self.view, 1)
        self.form_box = QGroupBox(self.tr("Partner merchant"))
        self.form_box.setVisible(self._may_edit)
        layout.addWidget(self.form_box)
        self.merchants_model = DtoTableModel(
            [TableColumn(self.tr("Merchant"), lambda row: row.name)], self
        )
        self.merchants_view = DtoTableView(self.merchants_model)
        self.merchants_view.setMaximumHeight(140)
        self.merchants_view.selectionModel().selectionChanged.connect(self._on_merchant_selected)
        self.name_edit = QLineEdit()
        self.category_edit = QLineEdit()
        self.category_edit.setPlaceholderText(self.tr("e.g. dining, fitness, beauty"))
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.discount_edits: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        for label, field, name in (
            (self.tr("Name:"), self.name_edit, "name"),
            (self.tr("Kind:"), self.category_edit, "category"),
            (self.tr("Address:"), self.address_edit, "address"),
            (self.tr("Phone:"), self.phone_edit, "phone"),
        ):
            field.setObjectName(name)
            self.form.addRow(label, self._errors.cell(field, name))
        self.new_button = QPushButton(self.tr("New merchant"))
        self.new_button.clicked.connect(lambda: self._show_merchant(None))
        self.save_button = QPushButton(self.tr("Save merchant"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box = QHBoxLayout(self.form_box)
        box.addWidget(self.merchants_view, 1)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self._errors.general)
        right.addLayout(buttons)
        right.addWidget(self.status_label)
        box.addLayout(right, 2)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        """Read the discounts (and for HQ the merchants and tiers) again."""
        may_edit = self._may_edit

        def read(uow: Any, _progress: Any) -> tuple[list[Any], list[Any], list[Any]]:
            discounts = membership_partners.list_partner_discounts(uow)
            if not may_edit:
                return discounts, [], []
            merchants = membership_partners.list_partner_merchants(uow)
            return discounts, merchants, membership.list_tiers(uow)

        self._context.tasks.run(read, on_done=self._on_loaded, parent=self, read_only=True)

    def _on_loaded(self, loaded: tuple[list[Any], list[Any], list[Any]]) -> None:
        discounts, merchants, tiers = loaded
        self.model.set_rows(discounts)
        if not self._may_edit:
            return
        self.merchants_model.set_rows(merchants)
        if [code for code in self.discount_edits] != [tier.code for tier in tiers]:
            for edit in self.discount_edits.values():
                self.form.removeRow(edit.parentWidget())
            self.discount_edits.clear()
            for tier in tiers:
                edit = QLineEdit()
                edit.setObjectName(f"discount_{tier.code}")
                edit.setPlaceholderText(self.tr("e.g. 10% off the bill"))
                self.discount_edits[tier.code] = edit
                self.form.addRow(
                    self.tr("%1 members get:").replace("%1", tier.name),
                    self._errors.cell(edit, f"discount_{tier.code}"),
                )

    def _on_merchant_selected(self, *_args: object) -> None:
        row = self.merchants_view.selected_row()
        if row is not None:
            self._show_merchant(row)

    def _show_merchant(self, row: PartnerMerchantRow | None) -> None:
        self._errors.clear()
        self._merchant_id = row.id if row else None
        self.name_edit.setText(row.name if row else "")
        self.category_edit.setText(row.category if row else "")
        self.address_edit.setText(row.address if row else "")
        self.phone_edit.setText(row.phone if row else "")
        given = dict(row.discounts) if row else {}
        for code, edit in self.discount_edits.items():
            edit.setText(given.get(code, ""))
        if row is None:
            self.merchants_view.clearSelection()
            self.name_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        self._errors.clear()
        merchant_id = self._merchant_id
        data = PartnerMerchantInput(
            name=self.name_edit.text(),
            category=self.category_edit.text(),
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            discounts={code: edit.text() for code, edit in self.discount_edits.items()},
        )
        self._context.tasks.run(
            lambda uow, _progress: membership_partners.save_partner_merchant(
                uow, merchant_id=merchant_id, data=data
            ),
            on_done=self._on_saved,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_saved(self, row: PartnerMerchantRow) -> None:
        self._merchant_id = row.id
        self.status_label.setText(self.tr("Saved."))

    def _on_refused(self, error: DomainError) -> None:
        self._errors.show_refusal(error)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("partner_merchant", "partner_discount", "member_tier"):
            self.reload()
