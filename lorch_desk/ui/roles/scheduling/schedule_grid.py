"""Day or week grid of appointments: a column per day, a row per half hour of opening time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from lorch_desk.domain.clock import clinic_time, clinic_time_zone
from lorch_desk.services.appointments import AppointmentRow, AppointmentStatus

OPENS, CLOSES = time(8, 0), time(20, 0)
SLOT_MINUTES = 30
_COLOURS = {
    AppointmentStatus.BOOKED: "#DCEBFA",
    AppointmentStatus.CHECKED_IN: "#DDF2DF",
}
NO_SHOW_COLOUR = "#F8DEDC"


class ScheduleGridWidget(QTableWidget):
    """Appointments laid out by day and time; Enter on a free slot asks to book it."""

    slot_activated = Signal(object)  # the aware start time of the slot
    cancel_requested = Signal()  # Delete on a booking

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._first_day = date.today()
        self._days = 1
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cellDoubleClicked.connect(lambda row, column: self._activate(row, column))

    @staticmethod
    def slot_count() -> int:
        opens = OPENS.hour * 60 + OPENS.minute
        closes = CLOSES.hour * 60 + CLOSES.minute
        return (closes - opens) // SLOT_MINUTES

    def show_days(
        self, first_day: date, days: int, rows: list[AppointmentRow], day_names: list[str]
    ) -> None:
        """Lay out `rows` over `days` days from `first_day`."""
        self._first_day, self._days = first_day, days
        self.clear()
        self.setColumnCount(days)
        self.setRowCount(self.slot_count())
        self.setHorizontalHeaderLabels(
            [
                f"{day_names[(first_day + timedelta(d)).weekday()]} "
                f"{(first_day + timedelta(d)).strftime('%m-%d')}"
                for d in range(days)
            ]
        )
        self.setVerticalHeaderLabels(
            [self._slot_start(index).strftime("%H:%M") for index in range(self.slot_count())]
        )
        cells: dict[tuple[int, int], list[AppointmentRow]] = {}
        for row in rows:
            local = clinic_time(row.starts_at)
            column = (local.date() - first_day).days
            minutes = (local.hour * 60 + local.minute) - (OPENS.hour * 60 + OPENS.minute)
            slot = min(max(minutes // SLOT_MINUTES, 0), self.slot_count() - 1)
            if 0 <= column < days:
                cells.setdefault((slot, column), []).append(row)
        for (slot, column), booked in cells.items():
            item = QTableWidgetItem("\n".join(self.cell_text(row) for row in booked))
            item.setData(Qt.ItemDataRole.UserRole, booked)
            first = booked[0]
            colour = NO_SHOW_COLOUR if first.is_no_show else _COLOURS.get(first.status, "#FFFFFF")
            item.setBackground(QBrush(QColor(colour)))
            self.setItem(slot, column, item)

    @staticmethod
    def cell_text(row: AppointmentRow) -> str:
        """10:00–11:00 王芳 · 光子嫩肤 · 张伟 / 治疗室一"""
        starts, ends = clinic_time(row.starts_at), clinic_time(row.ends_at)
        where = " / ".join(name for name in (row.staff_name, row.room_name) if name)
        return f"{starts:%H:%M}–{ends:%H:%M} {row.customer_name} · {row.item}" + (
            f" · {where}" if where else ""
        )

    def selected_appointment(self) -> AppointmentRow | None:
        """The (first) appointment in the selected cell, or None."""
        item = self.currentItem()
        booked = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return booked[0] if booked else None

    def selected_slot(self) -> datetime:
        """The start of the selected slot (the grid's first slot without a selection)."""
        row = max(self.currentRow(), 0)
        column = max(self.currentColumn(), 0)
        day = self._first_day + timedelta(days=column)
        return datetime.combine(day, self._slot_start(row), tzinfo=clinic_time_zone())

    def select_appointment(self, appointment_id: object) -> bool:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                booked = item.data(Qt.ItemDataRole.UserRole) if item else None
                if booked and any(b.id == appointment_id for b in booked):
                    self.setCurrentCell(row, column)
                    return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentRow(), self.currentColumn())
            return
        if event.key() == Qt.Key.Key_Delete:
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)

    def _activate(self, row: int, column: int) -> None:
        if row < 0 or column < 0:
            return
        self.setCurrentCell(row, column)
        self.slot_activated.emit(self.selected_slot())

    @staticmethod
    def _slot_start(index: int) -> time:
        minutes = OPENS.hour * 60 + OPENS.minute + index * SLOT_MINUTES
        return time(minutes // 60, minutes % 60)
