"""The progress and cancel protocol long work reports through, free of Qt."""

from __future__ import annotations

import threading
from typing import Protocol

from lorch_desk.domain.errors import Cancelled


class Progress(Protocol):
    def report(self, done: int, total: int, label: str = "") -> None:
        """Say how far the work is; raises Cancelled when the user asked to stop."""


class SilentProgress:
    """Progress for headless callers: reports nowhere, cancels on request."""

    def __init__(self) -> None:
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
