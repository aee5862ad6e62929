"""分诊: the queue board — waiting customers with running timers, consultants, one-key actions.

F5 offers the next customers, F6 marks the offered consultant's call unanswered, F7 directs
the selected customer (supervisors). The board refreshes itself when any PC acts
(QueueWatcher) and applies time-outs when an offer or a wait runs out (exactly once, however
many PCs are open: the service holds the day's lock).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.clock import clinic_time_zone, clinic_today
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.triage_policy import ConsultantState, HalfDay, Rotation
from lorch_desk.services import triage
from lorch_desk.services.queue_board import QueueBoard
from lorch_desk.services.triage_suspensions import period_end
from lorch_desk.ui import errors
from lorch_desk.ui.common.field_errors import ERROR_STYLE
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.front_desk.arrival_dialog import open_arrival_dialog
from lorch_desk.ui.roles.front_desk.queue_models import (
    ConsultantTableModel,
    WaitingTableModel,
    received_model,
)
from lorch_desk.ui.roles.front_desk.queue_watcher import QueueWatcher
from lorch_desk.ui.roles.front_desk.reassign_dialog import ReassignDialog
from lorch_desk.ui.roles.front_desk.suspend_dialog import SuspendDialog
from lorch_desk.ui.roles.front_desk.triage_policy_box import TriagePolicyBox

TICK_MS = 1000


def _now() -> datetime:
    return datetime.now(clinic_time_zone())


def _apply_time_outs(uow: Any, now: datetime) -> object:
    """Apply the time-outs due; a customer whose offer ran out is offered to the next at once."""
    result = triage.apply_time_outs(uow, now=now)
    return triage.offer_next(uow, now=now) if "Skipped" in result.kinds else result


class TriageTabWidget(QWidget):
    """The front desk's queue board."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._loading = False
        self._stale = False
        self._deadline_asked: datetime | None = None
        self.board: QueueBoard | None = None
        self.policy_box: TriagePolicyBox | None = None
        self.names: dict[uuid.UUID, str] = {}
        actor = context.actor
        operates = actor.may(Action.TRIAGE_OPERATE)
        supervises = actor.may(Action.TRIAGE_DIRECT)
        self.turns = QLabel(self)
        self.turns.setObjectName("triage_turns")
        self.turns.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.message = QLabel(self)
        self.message.setObjectName("triage_message")
        self.message.setWordWrap(True)
        self.waiting_model = WaitingTableModel(self.names, self)
        self.waiting = self._table("triage_waiting", self.waiting_model)
        self.consultant_model = ConsultantTableModel(self)
        self.consultants = self._table("triage_consultants", self.consultant_model)
        self.received_model = received_model(self.names, self)
        self.received = self._table("triage_received", self.received_model)
        b = self._button
        self.offer_button = b(
            "triage_offer_next", self.tr("Offer next (F5)"), self.offer_next, operates
        )
        self.unanswered_button = b(
            "triage_unanswered", self.tr("Call unanswered (F6)"), self.mark_unanswered, operates
        )
        self.direct_button = b(
            "triage_direct", self.tr("Direct to…  (F7)"), self._on_direct_clicked, supervises
        )
        self.correct_button = b(
            "triage_correct",
            self.tr("Correct arrival…"),
            self._on_correct_clicked,
            actor.may(Action.ARRIVAL_RECORD),
        )
        self.busy_button = b("triage_busy", self.tr("Busy"), lambda: self.set_busy(True), operates)
        self.free_button = b("triage_free", self.tr("Free"), lambda: self.set_busy(False), operates)
        self.leave_button = b("triage_leave", self.tr("Leave rotation"), self.leave, operates)
        self.suspend_button = b(
            "triage_suspend", self.tr("Suspend…"), self._on_suspend_clicked, supervises
        )
        self.join_choice = QComboBox(self)
        self.join_choice.setObjectName("triage_join_choice")
        self.join_choice.setVisible(operates)
        self.join_shift = QComboBox(self)
        self.join_shift.setObjectName("triage_join_shift")
        self.join_shift.addItem(self.tr("Full day"), None)
        self.join_shift.addItem(self.tr("Morning only"), HalfDay.MORNING)
        self.join_shift.addItem(self.tr("Afternoon only"), HalfDay.AFTERNOON)
        self.join_shift.setVisible(operates)
        self.join_button = b("triage_join", self.tr("Join rotation"), self.join, operates)
        self.reassign_button = b(
            "triage_reassign",
            self.tr("Reassign…"),
            self._on_reassign_clicked,
            actor.may(Action.REASSIGN_CONFIRM),
        )
        self.policy_button = b(
            "triage_policy", self.tr("Triage policy…"), self.open_policy, supervises
        )
        for key, slot in (("F5", self.offer_next), ("F6", self.mark_unanswered)):
            self._shortcut(key, slot, operates)
        self._shortcut("F7", self._on_direct_clicked, supervises)
        self._layout()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()
        self.watcher = QueueWatcher(context, self)
        self.watcher.changed.connect(self.refresh)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.destroyed.connect(self.watcher.stop)
        self.refresh()

    # Building ---------------------------------------------------------------------------------

    def _table(self, name: str, model: Any) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _button(
        self, name: str, text: str, slot: Callable[[], object], visible: bool
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setVisible(visible)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _shortcut(self, key: str, slot: Callable[[], object], enabled: bool) -> None:
        if enabled:
            QShortcut(
                QKeySequence(key),
                self,
                activated=slot,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )

    def _layout(self) -> None:
        waiting_box = QGroupBox(self.tr("Waiting customers"), self)
        waiting_layout = QVBoxLayout(waiting_box)
        waiting_layout.addWidget(self.waiting, 1)
        row = QHBoxLayout()
        for button in (
            self.offer_button,
            self.unanswered_button,
            self.direct_button,
            self.correct_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        waiting_layout.addLayout(row)
        consultant_box = QGroupBox(self.tr("Consultants on duty"), self)
        consultant_layout = QVBoxLayout(consultant_box)
        consultant_layout.addWidget(self.consultants, 1)
        grid = QGridLayout()
        grid.addWidget(self.busy_button, 0, 0)
        grid.addWidget(self.free_button, 0, 1)
        grid.addWidget(self.leave_button, 0, 2)
        grid.addWidget(self.suspend_button, 0, 3)
        grid.addWidget(self.join_choice, 1, 0, 1, 2)
        grid.addWidget(self.join_shift, 1, 2)
        grid.addWidget(self.join_button, 1, 3)
        consultant_layout.addLayout(grid)
        received_box = QGroupBox(self.tr("Received today"), self)
        received_layout = QVBoxLayout(received_box)
        received_layout.addWidget(self.received, 1)
        received_layout.addWidget(self.reassign_button, 0, Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        right.addWidget(consultant_box, 3)
        right.addWidget(received_box, 2)
        body = QHBoxLayout()
        body.addWidget(waiting_box, 3)
        body.addLayout(right, 2)
        top = QHBoxLayout()
        top.addWidget(self.turns, 1)
        top.addWidget(self.policy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

    # Loading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the board again (once at a time; a request meanwhile loads once more after)."""
        if self._loading:
            self._stale = True
            return
        self._loading = True
        day, now = clinic_today(), _now()
        self._context.tasks.run(
            lambda uow, _progress: triage.queue_board(uow, day=day, now=now),
            on_done=self._show_board,
            on_error=self._on_load_refused,
            parent=self,
            read_only=True,
        )

    def _on_load_refused(self, error: DomainError) -> None:
        self._loading = False
        self._show_refusal(error)

    def _show_board(self, board: QueueBoard) -> None:
        self._loading = False
        if not shiboken6.isValid(self.waiting):
            return  # the tab closed while the board was loading
        selected = (self._selected_waiting(), self._selected_consultant())
        self.board = board
        self.watcher.seen(board.last_sequence)
        self.names.clear()
        self.names.update({c.consultant_id: c.name for c in board.consultants})
        self.names.update({c.user_id: c.name for c in board.off_roster})
        turns = dict(board.whose_turn)
        self.consultant_model.turns = {
            consultant_id: self.tr("main") if rotation is Rotation.MAIN else self.tr("small")
            for rotation, consultant_id in reversed(board.whose_turn)
            if consultant_id is not None
        }
        self.waiting_model.now = _now()
        self.waiting_model.set_rows(board.waiting)
        self.consultant_model.set_rows(board.consultants)
        self.received_model.set_rows(board.received)
        chosen = self.join_choice.currentData()
        self.join_choice.clear()
        for candidate in board.off_roster:
            self.join_choice.addItem(candidate.name, candidate.user_id)
        self.join_choice.setCurrentIndex(max(self.join_choice.findData(chosen), 0))
        nobody = self.tr("nobody")
        self.turns.setText(
            self.tr("Next turn — main rotation: %1 · small rotation: %2 · waiting: %3")
            .replace("%1", self.names.get(turns.get(Rotation.MAIN), nobody))  # type: ignore[arg-type]
            .replace("%2", self.names.get(turns.get(Rotation.SMALL), nobody))  # type: ignore[arg-type]
            .replace("%3", str(len(board.waiting)))
        )
        self._reselect(selected)
        if self._stale:
            self._stale = False
            self.refresh()

    def _reselect(self, selected: tuple[Any, Any]) -> None:
        waiting, consultant = selected
        for table, model, current, key in (
            (self.waiting, self.waiting_model, waiting, "arrival_id"),
            (self.consultants, self.consultant_model, consultant, "consultant_id"),
        ):
            for index, row in enumerate(model.rows):
                if current is not None and getattr(row, key) == getattr(current, key):
                    table.selectRow(index)

    def _on_events_data_changed(self, changes: object) -> None:
        if changes.touches("triage_event", "arrival", "customer"):  # type: ignore[attr-defined]
            self.refresh()

    def _on_tick_timeout(self) -> None:
        now = _now()
        self.waiting_model.tick(now)
        deadline = self.board.next_deadline if self.board else None
        if (
            deadline is not None
            and now >= deadline
            and deadline != self._deadline_asked
            and self._context.actor.may(Action.TRIAGE_OPERATE)
        ):
            # The first PC to get here applies the time-outs; the others find nothing due.
            self._deadline_asked = deadline
            self._act(_apply_time_outs, quiet=True)

    # Actions ----------------------------------------------------------------------------------

    def _act(self, operation: Callable[[Any, datetime], object], *, quiet: bool = False) -> None:
        if not quiet:
            self.message.clear()
        self._context.tasks.run(
            lambda uow, _progress: operation(uow, _now()),
            on_done=lambda _result: None,
            on_error=self._show_refusal,
            parent=self,
        )

    def _show_refusal(self, error: DomainError) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText("⚠ " + errors.message_for(error))

    def _selected_waiting(self) -> Any:
        index = self.waiting.currentIndex()
        return self.waiting_model.row_at(index.row()) if index.isValid() else None

    def _selected_consultant(self) -> Any:
        index = self.consultants.currentIndex()
        return self.consultant_model.row_at(index.row()) if index.isValid() else None

    def _selected_received(self) -> Any:
        index = self.received.currentIndex()
        return self.received_model.row_at(index.row()) if index.isValid() else None

    def _need(self, row: Any, text: str) -> bool:
        if row is None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(text)
        return row is not None

    def offer_next(self) -> None:
        """Apply due time-outs and offer every customer who can be offered now (F5)."""
        self._act(lambda uow, now: triage.offer_next(uow, now=now))

    def mark_unanswered(self) -> None:
        """The front desk rang the offered consultant in vain (F6); the second call skips."""
        row = self._selected_waiting()
        if self._need(row, self.tr("Select the customer whose consultant did not answer.")):
            self._act(
                lambda uow, now: triage.mark_call_unanswered(
                    uow, arrival_id=row.arrival_id, now=now
                )
            )

    def direct_to(self, consultant_id: uuid.UUID) -> None:
        """点诊: give the selected waiting customer to `consultant_id` (supervisors)."""
        row = self._selected_waiting()
        if self._need(row, self.tr("Select the waiting customer to direct.")):
            self._act(
                lambda uow, now: triage.direct(
                    uow, arrival_id=row.arrival_id, consultant_id=consultant_id, now=now
                )
            )

    def set_busy(self, busy: bool) -> None:
        """Mark the selected consultant busy with a customer, or free again."""
        row = self._selected_consultant()
        if self._need(row, self.tr("Select a consultant first.")):
            self._act(
                lambda uow, now: triage.set_busy(
                    uow, consultant_id=row.consultant_id, busy=busy, now=now
                )
            )

    def leave(self) -> None:
        """The selected consultant goes off duty."""
        row = self._selected_consultant()
        if self._need(row, self.tr("Select a consultant first.")):
            self._act(
                lambda uow, now: triage.leave_rotation(
                    uow, consultant_id=row.consultant_id, now=now
                )
            )

    def join(self) -> None:
        """The consultant chosen beside the button comes on duty (all day or a half day) last."""
        consultant_id = self.join_choice.currentData()
        if not self._need(consultant_id, self.tr("Choose who joins the rotation.")):
            return
        order = max((c.rotation_order for c in self.consultant_model.rows), default=0) + 1
        half_day = self.join_shift.currentData()
        self._act(
            lambda uow, now: triage.join_rotation(
                uow, consultant_id=consultant_id, rotation_order=order, now=now, half_day=half_day
            )
        )

    def suspend(self, until: datetime, reason: str) -> None:
        """停诊: take the selected consultant out of the rotation until `until`."""
        row = self._selected_consultant()
        if self._need(row, self.tr("Select a consultant first.")):
            self._act(
                lambda uow, now: triage.suspend_consultant(
                    uow, consultant_id=row.consultant_id, until=until, now=now, reason=reason
                )
            )

    def reassign(self, to_id: uuid.UUID, *, consent: bool, director_checked: bool) -> None:
        """改派 the selected received customer, confirmed by the supervisor acting."""
        row = self._selected_received()
        if self._need(row, self.tr("Select the received customer to reassign.")):
            self._act(
                lambda uow, now: triage.reassign(
                    uow,
                    arrival_id=row.arrival_id,
                    to_consultant_id=to_id,
                    customer_consent=consent,
                    director_checked=director_checked,
                    now=now,
                )
            )

    # Dialogs of the supervisor's actions ------------------------------------------------------

    def _available(self) -> list[Any]:
        return [c for c in self.consultant_model.rows if c.state is not ConsultantState.OFF_DUTY]

    def _on_direct_clicked(self) -> None:
        if self._selected_waiting() is None:
            self._need(None, self.tr("Select the waiting customer to direct."))
            return
        choices = self._available()
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Direct"),
            self.tr("Give the customer to:"),
            [c.name for c in choices],
            0,
            False,
        )
        if ok:
            self.direct_to(next(c.consultant_id for c in choices if c.name == name))

    def _on_suspend_clicked(self) -> None:
        row = self._selected_consultant()
        if not self._need(row, self.tr("Select a consultant first.")):
            return
        dialog = SuspendDialog(row.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.suspend(period_end(dialog.period(), _now()), dialog.reason())

    def _on_reassign_clicked(self) -> None:
        row = self._selected_received()
        if not self._need(row, self.tr("Select the received customer to reassign.")):
            return
        choices = [c for c in self._available() if c.consultant_id != row.consultant_id]
        dialog = ReassignDialog(
            row.customer_name, [(c.consultant_id, c.name) for c in choices], self
        )
        if not dialog.exec() or dialog.to_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Reassign"),
            self.tr("As the supervisor, confirm that %1 goes to %2?")
            .replace("%1", row.customer_name)
            .replace("%2", self.names.get(dialog.to_id, "")),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reassign(
                dialog.to_id, consent=dialog.consent, director_checked=dialog.director_checked
            )

    def open_policy(self) -> QDialog:
        """The site's triage policy in a small window (managers)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Triage policy"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.policy_box = TriagePolicyBox(self._context, dialog)
        self.policy_box.saved.connect(self.refresh)
        layout = QVBoxLayout(dialog)
        layout.addWidget(self.policy_box)
        dialog.open()
        return dialog

    def _on_correct_clicked(self) -> None:
        row = self._selected_waiting() or self._selected_received()
        if self._need(row, self.tr("Select the arrival to correct.")):
            self.arrival_dialog = open_arrival_dialog(
                self._context, self, arrival_id=row.arrival_id
            )
