"""回访: today's calls of the user (overdue first); Enter opens the call log of a line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.permissions import Action
from lorch_desk.services.follow_up_top_customers import plan_top_customer_calls
from lorch_desk.services.follow_ups import CallListRow, list_call_list
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.call_log_dialog import CallLogDialog
from lorch_desk.ui.roles.customer_service.follow_up_labels import SOURCES, choice_text


class FollowUpCallsPage(QWidget):
    """The call list; the rules plan new calls each time it loads."""

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.dialog: CallLogDialog | None = None
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Due"), lambda r: r.due_on),
                TableColumn(self.tr("Days overdue"), lambda r: r.days_overdue or "", True),
                TableColumn(self.tr("Customer"), lambda r: r.customer_name),
                TableColumn(self.tr("File number"), lambda r: r.file_number),
                TableColumn(self.tr("Mobile"), lambda r: r.mobile),
                TableColumn(self.tr("Why"), lambda r: choice_text(SOURCES, r.source)),
                TableColumn(
                    self.tr("Caller"), lambda r: r.assignee_name or self.tr("Customer-service pool")
                ),
                TableColumn(self.tr("Tries"), lambda r: r.attempts, True),
                TableColumn(self.tr("Items / next step"), lambda r: r.reason),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.view.setObjectName("call_list")
        self.view.activated.connect(lambda _index: self.log_selected())
        self.count_label = QLabel()
        self.count_label.setObjectName("call_count")
        self.log_button = QPushButton(self.tr("&Log call…"))
        self.log_button.setObjectName("log_call")
        self.log_button.clicked.connect(self.log_selected)
        self.top_button = QPushButton(self.tr("Call last month's &top 10"))
        self.top_button.setObjectName("plan_top_calls")
        self.top_button.setToolTip(
            self.tr("Put each centre's ten customers with the highest spend last month on the list")
        )
        self.top_button.setVisible(
            context.actor.may(Action.REPORT_RUN) and context.actor.may(Action.FOLLOW_UP_CALL)
        )
        self.top_button.clicked.connect(self.plan_top_customer_calls)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.reload)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, self.log_selected)
        self.status = StatusLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(self.top_button)
        buttons.addWidget(refresh)
        buttons.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        # A write: the rules plan the calls of recent events before the list is read.
        now = self._clock()
        self._context.tasks.run(
            lambda uow, _p: list_call_list(uow, now=now),
            on_done=self._show,
            on_error=self.status.refuse,
            parent=self,
        )

    def plan_top_customer_calls(self) -> None:
        """Plan today's calls to last month's top customers of each centre (once each)."""
        now = self._clock()
        last_month = clinic_time(now).date().replace(day=1) - timedelta(days=1)
        self._context.tasks.run(
            lambda uow, _p: plan_top_customer_calls(uow, month=last_month, now=now),
            on_done=lambda added: self.status.say(
                self.tr("Calls planned: %1.").replace("%1", str(added))
            ),
            on_error=self.status.refuse,
            parent=self,
        )

    def log_selected(self) -> None:
        """Open the call log of the selected line (the first line if none is selected)."""
        row = self.view.selected_row()
        if row is None and self.model.rowCount():
            row = self.model.row_at(0)
        if row is None:
            return
        self.dialog = CallLogDialog(self._context, row, self, clock=self._clock)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()

    def _show(self, rows: list[CallListRow]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("Calls to make: %1").replace("%1", str(len(rows))))
        if rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def _on_dialog_accepted(self) -> None:
        result = self.dialog.result_value if self.dialog else None
        if result is None:
            return
        text = self.tr("Call logged.")
        if result.next_call_on:
            text += " " + self.tr("Next call on %1.").replace("%1", result.next_call_on.isoformat())
        self.status.say(text)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("follow_up_task", "follow_up_call"):
            self.reload()
