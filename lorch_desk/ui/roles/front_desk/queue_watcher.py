"""Hears when another PC acts on the day's queue: NOTIFY on PostgreSQL, else a polled counter."""

from __future__ import annotations

import logging
import threading

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from lorch_desk.domain.clock import clinic_today
from lorch_desk.services import triage, triage_listener
from lorch_desk.services.triage_listener import ListenTarget
from lorch_desk.ui.context import UiContext

log = logging.getLogger(__name__)
# Under the 2 seconds in which a board must show another PC's step.
POLL_MS = 1000


class QueueWatcher(QObject):
    """`changed` when the day's triage log differs from what the board has `seen` (any PC)."""

    changed = Signal()
    _heard = Signal()
    _lost = Signal()

    def __init__(self, context: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._known: int | None = None
        self._asking = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._heard.connect(self.changed)
        self._lost.connect(self._start_polling)
        context.tasks.run(
            lambda uow, _progress: triage_listener.listen_target(uow),
            on_done=self._start,
            on_error=lambda _error: self._start_polling(),
            read_only=True,
        )

    @property
    def is_polling(self) -> bool:
        return self._poll.isActive()

    def seen(self, sequence: int) -> None:
        """The board now shows the day up to event `sequence`."""
        self._known = sequence

    def stop(self) -> None:
        """Stop listening and polling (the tab is closing)."""
        self._poll.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)

    def _start(self, target: ListenTarget | None) -> None:
        if target is None:
            self._start_polling()
            return
        self._thread = threading.Thread(
            target=self._listen, args=(target,), name="queue-listener", daemon=True
        )
        self._thread.start()

    def _listen(self, target: ListenTarget) -> None:
        try:
            triage_listener.listen_for_steps(
                target,
                stop=self._stop,
                on_step=lambda _day: self._heard.emit(),
                ready=self.listening,
            )
        except Exception:  # noqa: BLE001 - a lost server must not end the board: poll instead
            log.warning("LISTEN failed; the queue board polls instead", exc_info=True)
            if not self._stop.is_set():
                self._lost.emit()

    def _start_polling(self) -> None:
        if not self._stop.is_set():
            self._poll.start()

    def _on_poll_timeout(self) -> None:
        if self._asking:
            return
        self._asking = True
        day = clinic_today()
        self._context.tasks.run(
            lambda uow, _progress: triage.last_sequence(uow, day=day),
            on_done=self._on_counter,
            on_error=lambda _error: setattr(self, "_asking", False),
            read_only=True,
        )

    def _on_counter(self, sequence: int) -> None:
        self._asking = False
        if self._stop.is_set() or not shiboken6.isValid(self):
            return  # the board closed while the counter was read
        if sequence != self._known:
            self._known = sequence
            self.changed.emit()
