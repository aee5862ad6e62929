"""The one way a tab runs a service call: off the GUI thread, committed once, with progress.

An operation is `(uow, progress) -> result`. The runner executes it in a worker thread in its
own unit of work, commits, then on the GUI thread hands the result to `on_done` and broadcasts
the ChangeSet. A DomainError goes to `on_error` (or a message box); anything else is logged to
the data directory and shown as a short apology, never as a traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import Cancelled, DomainError
from lorch_desk.ui import errors
from lorch_desk.ui.events import DataEvents

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 400


class OperationRunner(Protocol):
    """What the app hands the ui to run operations with (the Database)."""

    def run(
        self,
        actor: Actor,
        operation: Callable[..., Any],
        *,
        progress: Any = None,
        read_only: bool = False,
    ) -> tuple[Any, Any]: ...


class _WorkerSignals(QObject):
    succeeded = Signal(object, object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _CancellableProgress:
    """The Progress protocol for a worker: reports to the GUI, raises Cancelled on request."""

    def __init__(self, signals: _WorkerSignals) -> None:
        self._signals = signals
        self.cancelled = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        if self.cancelled.is_set():
            raise Cancelled()
        self._signals.progressed.emit(done, total, label)


class _Worker(QRunnable):
    def __init__(
        self, job: Callable[[_CancellableProgress], tuple[Any, Any]], signals: _WorkerSignals
    ) -> None:
        super().__init__()
        self.signals = signals
        self.progress = _CancellableProgress(signals)
        self._job = job
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result, changes = self._job(self.progress)
        except Exception as error:  # noqa: BLE001 - every failure must reach the GUI thread
            if not isinstance(error, DomainError):
                log.exception("operation failed")
            self.signals.failed.emit(error)
            return
        self.signals.succeeded.emit(result, changes)


class TaskRunner(QObject):
    """Runs operations for the logged-in actor; `busy_changed(bool)` while any is running."""

    busy_changed = Signal(bool)
    finished = Signal()

    def __init__(
        self, database: OperationRunner | None, events: DataEvents, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._events = events
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[_Worker] = set()
        self.actor: Actor | None = None

    @property
    def is_busy(self) -> bool:
        return bool(self._running)

    def attach_database(self, database: OperationRunner) -> None:
        """Run operations on `database` from now on (it is opened after the first window shows)."""
        self._database = database

    def run(
        self,
        operation: Callable[[Any, Any], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[DomainError], None] | None = None,
        parent: QWidget | None = None,
        progress_title: str | None = None,
        read_only: bool = False,
        actor: Actor | None = None,
    ) -> None:
        """Run `operation(uow, progress)` in a worker; with `progress_title` show a cancellable dialog."""
        acting = actor or self.actor
        database = self._database
        if acting is None or database is None:
            raise RuntimeError("no actor or database: log in before running operations")

        def failed(error: Exception) -> None:
            if isinstance(error, DomainError) and on_error is not None:
                on_error(error)
            else:
                errors.show_error(parent, error)

        self._start(
            lambda progress: database.run(
                acting, operation, progress=progress, read_only=read_only
            ),
            on_done=on_done,
            on_failure=failed,
            parent=parent,
            progress_title=progress_title,
        )

    def call_in_background(
        self,
        function: Callable[[Any], Any],
        *,
        on_done: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
        parent: QWidget | None = None,
        progress_title: str | None = None,
    ) -> None:
        """Run `function(progress)` outside any unit of work (opening the database at start)."""
        self._start(
            lambda progress: (function(progress), None),
            on_done=on_done,
            on_failure=on_failure,
            parent=parent,
            progress_title=progress_title,
        )

    def _start(
        self,
        job: Callable[[_CancellableProgress], tuple[Any, Any]],
        *,
        on_done: Callable[[Any], None] | None,
        on_failure: Callable[[Exception], None],
        parent: QWidget | None,
        progress_title: str | None,
    ) -> None:
        signals = _WorkerSignals()
        worker = _Worker(job, signals)
        dialog = self._progress_dialog(worker, parent, progress_title) if progress_title else None

        def done(result: Any, changes: Any) -> None:
            self._finish(worker, dialog)
            if on_done is not None and _still_shown(parent):
                on_done(result)
            if changes:
                self._events.data_changed.emit(changes)

        def failed(error: Exception) -> None:
            self._finish(worker, dialog)
            if not isinstance(error, Cancelled) and _still_shown(parent):
                on_failure(error)

        signals.succeeded.connect(done, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self._running.add(worker)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(worker)

    def _progress_dialog(
        self, worker: _Worker, parent: QWidget | None, title: str
    ) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(worker.progress.cancelled.set)

        def show_progress(done: int, total: int, label: str) -> None:
            if dialog.maximum() != total:
                dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if label:
                dialog.setLabelText(label)

        worker.signals.progressed.connect(show_progress, Qt.ConnectionType.QueuedConnection)
        return dialog

    def _finish(self, worker: _Worker, dialog: QProgressDialog | None) -> None:
        self._running.discard(worker)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        if not self._running:
            self.busy_changed.emit(False)
            QTimer.singleShot(0, self.finished.emit)

    def process_until_idle(self) -> None:
        """Spin the event loop until every operation has finished and delivered (headless use)."""
        if not self.is_busy:
            return
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        loop.exec()

    def wait_for_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until every worker is done (shutdown and headless rendering only)."""
        return self._pool.waitForDone(timeout_ms)


def _still_shown(parent: QWidget | None) -> bool:
    """False once the widget that asked for the work is gone (its window closed meanwhile):
    its callbacks would touch deleted widgets."""
    return parent is None or shiboken6.isValid(parent)
