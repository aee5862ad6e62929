"""预约: day and week views per consultant, doctor or room; book, move, cancel, check in."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.pdf.evening_list import render_evening_list_pdf
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_time, clinic_today
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import appointments, evening_list
from lorch_desk.services.appointments import AppointmentRow, Bookable
from lorch_desk.ui import errors
from lorch_desk.ui.common.appointment_dialog import (
    AppointmentDialog,
    AppointmentDraft,
    combo_index,
)
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.scheduling.messages_box import MessagesBoxWidget
from lorch_desk.ui.roles.scheduling.schedule_grid import ScheduleGridWidget

WATCHED_TABLES = ("appointment", "room", "arrival")
DAY, WEEK = 1, 7


class AppointmentsTabWidget(QWidget):
    """The booking calendar of the site, its message outbox and the evening list."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._bookables: list[Bookable] = []
        self._may_book = context.actor.may(Action.APPOINTMENT_BOOK)
        self._may_check_in = context.actor.may(Action.ARRIVAL_RECORD)
        self.last_pdf: Path | None = None

        self.resource_combo = QComboBox()
        self.resource_combo.addItem(self.tr("Everyone"), None)
        self.resource_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.span_combo = QComboBox()
        self.span_combo.addItem(self.tr("Day"), DAY)
        self.span_combo.addItem(self.tr("Week"), WEEK)
        self.span_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = clinic_today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.previous_button = QPushButton("◀")
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self._on_today_button_clicked)
        self.next_button = QPushButton("▶")
        self.next_button.clicked.connect(lambda: self._step(1))
        navigation = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Show:")),
            self.resource_combo,
            self.span_combo,
            self.previous_button,
            self.date_edit,
            self.next_button,
            self.today_button,
        ):
            navigation.addWidget(widget)
        navigation.addStretch(1)

        self.book_button = QPushButton(self.tr("Book…"))
        self.book_button.setToolTip(self.tr("Ctrl+N, or Enter on a free slot"))
        self.book_button.clicked.connect(self._on_book_button_clicked)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self._on_book_button_clicked)
        self.move_button = QPushButton(self.tr("Move…"))
        self.move_button.setToolTip("F2")
        self.move_button.clicked.connect(self._on_move_button_clicked)
        QShortcut(QKeySequence("F2"), self, activated=self._on_move_button_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel booking…"))
        self.cancel_button.setToolTip("Del")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.check_in_button = QPushButton(self.tr("Check in"))
        self.check_in_button.setToolTip("Ctrl+I")
        self.check_in_button.clicked.connect(self._on_check_in_button_clicked)
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self._on_check_in_button_clicked)
        self.evening_button = QPushButton(self.tr("Evening list (PDF)…"))
        self.evening_button.clicked.connect(self._on_evening_button_clicked)
        actions = QHBoxLayout()
        for button in (
            self.book_button,
            self.move_button,
            self.cancel_button,
            self.check_in_button,
            self.evening_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)

        self.grid = ScheduleGridWidget()
        self.grid.slot_activated.connect(self._on_grid_slot_activated)
        self.grid.cancel_requested.connect(self._on_cancel_button_clicked)
        self.grid.currentCellChanged.connect(lambda *_a: self._update_buttons())
        self.messages_box = MessagesBoxWidget(context)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(self.messages_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)

        context.events.data_changed.connect(self._on_events_data_changed)
        self._update_buttons()
        self._load_bookables()

    # --- loading ---------------------------------------------------------------------------

    def first_day(self) -> date:
        chosen = self.date_edit.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        if self.span_combo.currentData() == WEEK:
            return day - timedelta(days=day.weekday())
        return day

    def reload(self) -> None:
        """Read the appointments of the day or week shown, for the person or room chosen."""
        first, days = self.first_day(), self.span_combo.currentData()
        chosen = self.resource_combo.currentData()
        kind = next((b.kind for b in self._bookables if b.id == chosen), None)
        staff_id = chosen if kind not in (None, "room") else None
        room_id = chosen if kind == "room" else None
        self._context.tasks.run(
            lambda uow, _p: appointments.list_appointments(
                uow, first_day=first, days=days, staff_id=staff_id, room_id=room_id
            ),
            on_done=lambda rows: self._on_appointments_loaded(first, days, rows),
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _load_bookables(self) -> None:
        self._context.tasks.run(
            lambda uow, _p: appointments.list_bookables(uow),
            on_done=self._on_bookables_loaded,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _on_bookables_loaded(self, bookables: list[Bookable]) -> None:
        self._bookables = bookables
        self.resource_combo.blockSignals(True)
        chosen = self.resource_combo.currentData()
        self.resource_combo.clear()
        self.resource_combo.addItem(self.tr("Everyone"), None)
        kinds = {
            "consultant": self.tr("Consultant"),
            "doctor": self.tr("Doctor"),
            "room": self.tr("Room"),
        }
        for bookable in bookables:
            self.resource_combo.addItem(
                f"{kinds.get(bookable.kind, '')} {bookable.name}", bookable.id
            )
        self.resource_combo.setCurrentIndex(combo_index(self.resource_combo, chosen))
        self.resource_combo.blockSignals(False)
        self.reload()

    def _on_appointments_loaded(self, first: date, days: int, rows: list[AppointmentRow]) -> None:
        selected = self.grid.selected_appointment()
        day_names = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        self.grid.show_days(first, days, rows, day_names)
        if selected is not None:
            self.grid.select_appointment(selected.id)
        self._update_buttons()

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("room", "user_account"):
            self._load_bookables()
        elif changes.touches(*WATCHED_TABLES):
            self.reload()

    # --- actions -----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        row = self.grid.selected_appointment()
        is_open = row is not None and row.status.value == "booked"
        self.book_button.setEnabled(self._may_book)
        self.move_button.setEnabled(self._may_book and is_open)
        self.cancel_button.setEnabled(self._may_book and is_open)
        self.check_in_button.setEnabled(self._may_check_in and is_open)

    def _step(self, direction: int) -> None:
        days = self.span_combo.currentData()
        self.date_edit.setDate(self.date_edit.date().addDays(direction * days))

    def _on_today_button_clicked(self) -> None:
        today = clinic_today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))

    def _on_grid_slot_activated(self, starts_at: Any) -> None:
        if self.grid.selected_appointment() is None:
            self._open_dialog(AppointmentDraft(starts_at=starts_at, staff_id=self._chosen_staff()))

    def _on_book_button_clicked(self) -> None:
        if self._may_book:
            slot = self.grid.selected_slot()
            self._open_dialog(AppointmentDraft(starts_at=slot, staff_id=self._chosen_staff()))

    def _chosen_staff(self) -> Any:
        chosen = self.resource_combo.currentData()
        return next((b.id for b in self._bookables if b.id == chosen and b.kind != "room"), None)

    def _on_move_button_clicked(self) -> None:
        row = self.grid.selected_appointment()
        if row is None or not self.move_button.isEnabled():
            return
        minutes = int((row.ends_at - row.starts_at).total_seconds() // 60)
        self._open_dialog(
            AppointmentDraft(
                customer_name=row.customer_name,
                gender=row.gender.value,
                item=row.item,
                staff_id=row.staff_id,
                room_id=row.room_id,
                starts_at=row.starts_at,
                minutes=minutes,
                moving_id=row.id,
            )
        )

    def _open_dialog(self, draft: AppointmentDraft) -> None:
        self.dialog = AppointmentDialog(
            self._context, self._bookables, draft, day=self.first_day(), parent=self
        )
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()

    def _on_dialog_accepted(self) -> None:
        row = self.dialog.result_row
        if row is not None:
            self.status_label.setText(
                self.tr("%1 booked for %2.")
                .replace("%1", row.customer_name)
                .replace("%2", clinic_time(row.starts_at).strftime("%m-%d %H:%M"))
            )

    def _on_cancel_button_clicked(self) -> None:
        row = self.grid.selected_appointment()
        if row is None or not self.cancel_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel booking"),
            self.tr("Cancel the booking of %1 at %2? The customer's message is written.")
            .replace("%1", row.customer_name)
            .replace("%2", clinic_time(row.starts_at).strftime("%m-%d %H:%M")),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        appointment_id = row.id
        self._context.tasks.run(
            lambda uow, _p: appointments.cancel_appointment(uow, appointment_id=appointment_id),
            on_done=lambda done: self.status_label.setText(
                self.tr("Booking of %1 cancelled.").replace("%1", done.customer_name)
            ),
            on_error=self._on_refused,
            parent=self,
        )

    def _on_check_in_button_clicked(self) -> None:
        row = self.grid.selected_appointment()
        if row is None or not self.check_in_button.isEnabled():
            return
        appointment_id = row.id
        self._context.tasks.run(
            lambda uow, _p: appointments.check_in(uow, appointment_id=appointment_id),
            on_done=lambda arrival: self.status_label.setText(
                self.tr("%1 checked in; the arrival is in the front desk's queue.").replace(
                    "%1", arrival.customer_name
                )
            ),
            on_error=self._on_refused,
            parent=self,
        )

    def _on_evening_button_clicked(self) -> None:
        tomorrow = clinic_today() + timedelta(days=1)
        location = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = Path(location or Path.home()) / f"evening-list-{tomorrow.isoformat()}.pdf"
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Print the evening list"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if name:
            self.print_evening_list(Path(name), tomorrow)

    def print_evening_list(self, path: Path, day: date) -> None:
        """Print the bookings of `day` per doctor to `path` (in a worker)."""
        language = self._context.language

        def operation(uow: Any, _p: Any) -> Path:
            return render_evening_list_pdf(
                evening_list.evening_list(uow, day=day), path, language=language
            )

        self._context.tasks.run(
            operation,
            on_done=self._on_printed,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _on_printed(self, path: Path) -> None:
        self.last_pdf = path
        self.status_label.setText(self.tr("Evening list printed to %1").replace("%1", str(path)))

    def _on_refused(self, error: DomainError) -> None:
        self.status_label.setText(errors.message_for(error))
