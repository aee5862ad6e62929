"""Table models of the queue board: waiting customers with running timers, and consultants."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.triage_policy import ConsultantState
from lorch_desk.services.queue_board import (
    ConsultantOnBoardRow,
    WaitingCustomerRow,
    WaitLevel,
    wait_level,
)
from lorch_desk.ui.common.choice_labels import choice_label
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.common.triage_labels import CONSULTANT_STATES, ROTATIONS, VISIT_CLASSES

_Index = QModelIndex | QPersistentModelIndex
# Timer colours at 8, 10 and 15 minutes (services.queue_board.wait_level).
WAIT_COLOURS = {
    WaitLevel.WARNING: "#fff3c4",
    WaitLevel.LATE: "#ffd8a8",
    WaitLevel.OVERDUE: "#ffb3b3",
}
STATE_COLOURS = {
    ConsultantState.FREE: "#d3f9d8",
    ConsultantState.BUSY: "#ffe8cc",
    ConsultantState.OFFERED: "#d0ebff",
    ConsultantState.SUSPENDED: "#e9ecef",
    ConsultantState.OFF_DUTY: "#f1f3f5",
}
TIMER_COLUMN = 4


def elapsed(since: datetime | None, now: datetime) -> tuple[int, str]:
    """Whole minutes since `since`, and the timer as m:ss."""
    if since is None:
        return 0, ""
    seconds = max(0, int((now - since).total_seconds()))
    return seconds // 60, f"{seconds // 60}:{seconds % 60:02d}"


class WaitingTableModel(DtoTableModel):
    """Waiting customers; the timer column runs with `tick(now)` and colours by wait level."""

    def __init__(self, names: dict[uuid.UUID, str], parent: Any = None) -> None:
        self.now = datetime.now().astimezone()
        self._names = names
        super().__init__(
            [
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Customer"), lambda r: r.customer_name
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "File number"), lambda r: r.file_number
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Class"),
                    lambda r: choice_label(VISIT_CLASSES, r.visit_class),
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Rotation"),
                    lambda r: choice_label(ROTATIONS, r.rotation),
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Waited"),
                    lambda r: elapsed(r.form_completed_at, self.now)[1],
                    align_right=True,
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Offered to"),
                    lambda r: self._names.get(r.offered_to_id, ""),
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Answer by"),
                    lambda r: clinic_time(r.respond_by).strftime("%H:%M") if r.respond_by else "",
                ),
                TableColumn(QCoreApplication.translate("QueueBoard", "Note"), self._note),
            ],
            parent,
        )

    def _note(self, row: WaitingCustomerRow) -> str:
        if row.needs_direction:
            return QCoreApplication.translate(
                "QueueBoard", "Waited the longest allowed: a supervisor directs"
            )
        if row.not_counted:
            return QCoreApplication.translate("QueueBoard", "Named consultant, no turn")
        return ""

    def tick(self, now: datetime) -> None:
        """Move the timers on to `now`."""
        self.now = now
        if self.rowCount():
            top = self.index(0, TIMER_COLUMN)
            bottom = self.index(self.rowCount() - 1, TIMER_COLUMN)
            self.dataChanged.emit(top, bottom)

    def level_of(self, row: WaitingCustomerRow) -> WaitLevel:
        """The colour level of a customer's timer now."""
        return wait_level(elapsed(row.form_completed_at, self.now)[0])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            colour = WAIT_COLOURS.get(self.level_of(self.row_at(index.row())))
            return QBrush(QColor(colour)) if colour else None
        return super().data(index, role)


class ConsultantTableModel(DtoTableModel):
    """Today's consultants in rotation order, coloured by state; whose turn is marked."""

    def __init__(self, parent: Any = None) -> None:
        self.turns: dict[uuid.UUID, str] = {}
        super().__init__(
            [
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Order"),
                    lambda r: r.rotation_order,
                    align_right=True,
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Consultant"), lambda r: r.name
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "State"),
                    lambda r: choice_label(CONSULTANT_STATES, r.state),
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Next turn"),
                    lambda r: self.turns.get(r.consultant_id, ""),
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Received"),
                    lambda r: r.received_today,
                    align_right=True,
                ),
                TableColumn(
                    QCoreApplication.translate("QueueBoard", "Skips"),
                    lambda r: r.skips_today,
                    align_right=True,
                ),
            ],
            parent,
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            row: ConsultantOnBoardRow = self.row_at(index.row())
            return QBrush(QColor(STATE_COLOURS[row.state]))
        return super().data(index, role)


def received_model(names: dict[uuid.UUID, str], parent: Any = None) -> DtoTableModel:
    """Customers received today and by whom."""
    return DtoTableModel(
        [
            TableColumn(
                QCoreApplication.translate("QueueBoard", "Customer"), lambda r: r.customer_name
            ),
            TableColumn(
                QCoreApplication.translate("QueueBoard", "Consultant"),
                lambda r: names.get(r.consultant_id, ""),
            ),
            TableColumn(
                QCoreApplication.translate("QueueBoard", "Received at"),
                lambda r: clinic_time(r.received_at).strftime("%H:%M"),
            ),
        ],
        parent,
    )
