"""The tier table (HQ's central data): codes, names, ranks, thresholds and rights per tier,
and how often tiers are re-evaluated. Headquarters edits; everyone else reads."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError, ValidationFailed
from lorch_desk.domain.membership import TierInput
from lorch_desk.domain.permissions import Action
from lorch_desk.services import membership, membership_tiers
from lorch_desk.services.membership import TierRow
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.read_only_banner import ReadOnlyBanner
from lorch_desk.ui.context import UiContext

CODE, NAME, RANK, MIN_SPEND, DISCOUNT, POINTS, GIFT, RIGHTS = range(8)
_HUNDRED = Decimal(100)


class TiersPage(QWidget):
    """The tier table as an editable grid: one line per tier, saved whole."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._may_edit = context.actor.may(Action.TIER_EDIT)
        self._errors = FieldErrors()
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("tiers")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Rank"),
                self.tr("Spend from (yuan)"),
                self.tr("Discount %"),
                self.tr("Points per yuan"),
                self.tr("Birthday gift"),
                self.tr("Further rights"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        self.period_combo.addItem(self.tr("Every quarter"), 3)
        self.period_combo.addItem(self.tr("Every half-year"), 6)
        self.add_button = QPushButton(self.tr("Add tier"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove tier"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.save_button = QPushButton(self.tr("Save tiers"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.read_only_banner = ReadOnlyBanner(
            self.tr("Read only: headquarters sets the tiers for the whole chain.")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Re-evaluate tiers:")))
        buttons.addWidget(self.period_combo)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(
            QLabel(
                self.tr(
                    "A customer's tier is the highest whose spend threshold their cumulative "
                    "spend (sales less refunds) reaches; the lowest tier starts at 0."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self._errors.general)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        if not self._may_edit:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.read_only_banner.lock(
                self.tr("Headquarters sets the tiers for the whole chain."),
                controls=(self.period_combo, self.add_button, self.remove_button, self.save_button),
            )
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        """Read the tiers and the review period again."""
        self._context.tasks.run(
            lambda uow, _progress: (
                membership.list_tiers(uow),
                membership_tiers.evaluation_months(uow),
            ),
            on_done=self._on_loaded,
            parent=self,
            read_only=True,
        )

    def _on_loaded(self, loaded: tuple[list[TierRow], int]) -> None:
        tiers, months = loaded
        self.table.setRowCount(0)
        for tier in tiers:
            self._append(
                [
                    tier.code,
                    tier.name,
                    str(tier.rank),
                    f"{tier.min_spend:.2f}",
                    f"{(tier.discount_rate * _HUNDRED).normalize():f}",
                    f"{tier.points_per_yuan:.2f}",
                    tier.birthday_gift,
                    tier.rights,
                ]
            )
        self.table.resizeColumnsToContents()
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(months), 0))

    def _append(self, values: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def _on_add_button_clicked(self) -> None:
        self._append(["", "", str(self.table.rowCount() + 1), "", "0", "1.00", "", ""])
        self.table.setCurrentCell(self.table.rowCount() - 1, CODE)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, CODE))

    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _on_save_button_clicked(self) -> None:
        self._errors.clear()
        self.status_label.clear()
        try:
            tiers = [self._tier_at(row) for row in range(self.table.rowCount())]
        except ValidationFailed as error:
            self._errors.show_refusal(error)
            return
        months = int(self.period_combo.currentData())

        def operation(uow: Any, _progress: Any) -> list[TierRow]:
            saved = membership_tiers.save_tiers(uow, tiers=tiers)
            membership_tiers.set_evaluation_months(uow, months=months)
            return saved

        self.save_button.setEnabled(False)
        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _tier_at(self, row: int) -> TierInput:
        rank = self._text(row, RANK)
        if not rank.isdigit():
            raise ValidationFailed(field="rank", rule="integer")
        return TierInput(
            code=self._text(row, CODE),
            name=self._text(row, NAME),
            rank=int(rank),
            min_spend=self._number(row, MIN_SPEND, "min_spend"),
            discount_rate=self._number(row, DISCOUNT, "discount_rate") / _HUNDRED,
            points_per_yuan=self._number(row, POINTS, "points_per_yuan"),
            birthday_gift=self._text(row, GIFT),
            rights=self._text(row, RIGHTS),
        )

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _number(self, row: int, column: int, field: str) -> Decimal:
        try:
            return Decimal(self._text(row, column).replace(",", ""))
        except InvalidOperation:
            raise ValidationFailed(field=field, rule="number") from None

    def _on_saved(self, tiers: list[TierRow]) -> None:
        self.save_button.setEnabled(True)
        self._on_loaded((tiers, int(self.period_combo.currentData())))
        self.status_label.setText(self.tr("Tiers saved."))

    def _on_refused(self, error: DomainError) -> None:
        self.save_button.setEnabled(True)
        self._errors.show_refusal(error)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("member_tier"):
            self.reload()
