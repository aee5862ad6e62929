"""What every tab is given: the task runner, the change broadcast and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lorch_desk.domain.actor import Actor
from lorch_desk.ui.connection import ConnectionState
from lorch_desk.ui.events import DataEvents
from lorch_desk.ui.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class UiContext:
    """The logged-in session as the ui sees it."""

    tasks: TaskRunner
    events: DataEvents
    actor: Actor
    site_name: str
    database_label: str
    language: str
    is_demo: bool = False
    # The background sync worker (lorch_desk.sync.worker.SyncWorker), None where not running.
    sync: Any = None
    # Whether headquarters is reachable; the status bar's sync indicator keeps it current.
    connection: ConnectionState = field(default_factory=ConnectionState)
