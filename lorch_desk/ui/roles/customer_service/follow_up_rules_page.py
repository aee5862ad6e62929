"""The rules that plan follow-up calls (managers): event, item category, days after, caller."""

from __future__ import annotations

from PySide6.QtWidgets import (
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

from lorch_desk.domain.follow_ups import (
    DEFAULT_RULES,
    RULE_SOURCES,
    Assignee,
    FollowUpRule,
    FollowUpSource,
    parse_offsets,
)
from lorch_desk.services.follow_up_rules import (
    FollowUpRulesRow,
    get_follow_up_rules,
    set_follow_up_rules,
)
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.follow_up_labels import ASSIGNEES, SOURCES, choice_text

EVENT, CATEGORY, DAYS, CALLER = range(4)


class FollowUpRulesPage(QWidget):
    """One line per rule; a category rule replaces the event's "any category" rule."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("follow_up_rules")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Event"),
                self.tr("Item category (empty: any)"),
                self.tr("Days after (e.g. 1, 7, 30; empty: no call)"),
                self.tr("Who calls"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        add = QPushButton(self.tr("&Add rule"), self)
        add.clicked.connect(lambda: self.add_rule(FollowUpRule(FollowUpSource.SALE, "", (1,))))
        remove = QPushButton(self.tr("Re&move rule"), self)
        remove.clicked.connect(self._on_remove_clicked)
        defaults = QPushButton(self.tr("Seed &defaults"), self)
        defaults.clicked.connect(lambda: self.show_rules(DEFAULT_RULES))
        self.save_button = QPushButton(self.tr("&Save rules"), self)
        self.save_button.setObjectName("save_rules")
        self.save_button.clicked.connect(self.save)
        self.status = StatusLabel(self)
        hint = QLabel(
            self.tr(
                "Calls are planned when the call list loads, from sales, treatment plans, "
                "consultations without a deal and visits of the last weeks."
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (add, remove, defaults):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        context.tasks.run(
            lambda uow, _p: get_follow_up_rules(uow),
            on_done=lambda row: self.show_rules(row.rules),
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def show_rules(self, rules: tuple[FollowUpRule, ...]) -> None:
        self.table.setRowCount(0)
        for rule in rules:
            self.add_rule(rule)

    def add_rule(self, rule: FollowUpRule) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        event = QComboBox(self.table)
        for source in RULE_SOURCES:
            event.addItem(choice_text(SOURCES, source), source.value)
        event.setCurrentIndex(event.findData(rule.source.value))
        caller = QComboBox(self.table)
        for assignee in Assignee:
            caller.addItem(choice_text(ASSIGNEES, assignee), assignee.value)
        caller.setCurrentIndex(caller.findData(rule.assignee.value))
        self.table.setCellWidget(row, EVENT, event)
        self.table.setItem(row, CATEGORY, QTableWidgetItem(rule.category))
        self.table.setItem(row, DAYS, QTableWidgetItem(", ".join(map(str, rule.offsets))))
        self.table.setCellWidget(row, CALLER, caller)
        self.table.setCurrentCell(row, CATEGORY)

    def save(self) -> None:
        """Save every line as the new rules; one wrong line refuses them all."""
        lines = [
            (
                self.table.cellWidget(row, EVENT).currentData(),
                self.table.item(row, CATEGORY).text().strip(),
                self.table.item(row, DAYS).text(),
                self.table.cellWidget(row, CALLER).currentData(),
            )
            for row in range(self.table.rowCount())
        ]

        def operation(uow, _progress) -> FollowUpRulesRow:  # noqa: ANN001
            rules = [
                FollowUpRule(FollowUpSource(source), category, parse_offsets(days), Assignee(who))
                for source, category, days, who in lines
            ]
            return set_follow_up_rules(uow, rules=rules)

        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self.status.refuse, parent=self
        )

    def _on_saved(self, row: FollowUpRulesRow) -> None:
        self.show_rules(row.rules)
        self.status.say(self.tr("Rules saved."))

    def _on_remove_clicked(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
