"""This node's sync state (cursor, epoch, last success) and the status the status bar shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.sync import OutboxEntry, SyncConflict, SyncRejection, SyncState

SERVER_URL = "server_url"
TOKEN = "token"
EPOCH = "epoch"
CURSOR = "pull_cursor"
LAST_SUCCESS = "last_success_at"
LAST_ATTEMPT = "last_attempt_at"
LAST_ERROR = "last_error"
NEEDS_RESYNC = "needs_resync"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows about sync."""

    configured: bool
    online: bool
    pending_changes: int
    last_success_at: datetime | None
    last_error: str
    open_conflicts: int
    rejected_changes: int
    # Tables whose counts for this site differed from headquarters' after the last sync.
    needs_resync: tuple[str, ...] = ()


def read_value(uow: UnitOfWork, key: str) -> str | None:
    return uow.session.scalar(select(SyncState.value).where(SyncState.key == key))


def write_value(uow: UnitOfWork, key: str, value: str) -> None:
    """Set one sync state value (in the caller's transaction)."""
    row = uow.session.get(SyncState, key)
    if row is None:
        uow.session.add(SyncState(key=key, value=value))
    else:
        row.value = value
    uow.session.flush()


def pending_count(uow: UnitOfWork) -> int:
    """Changes not yet acknowledged by headquarters."""
    return (
        uow.session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
        )
        or 0
    )


def sync_status(uow: UnitOfWork) -> SyncStatus:
    """The node's sync status; `online` means the last finished attempt succeeded (a sync
    under way, its attempt newer than the success and no error yet, keeps the last state)."""
    success = read_value(uow, LAST_SUCCESS)
    error = read_value(uow, LAST_ERROR) or ""
    conflicts = uow.session.scalar(
        select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
    )
    rejections = uow.session.scalar(select(func.count()).select_from(SyncRejection))
    return SyncStatus(
        configured=read_value(uow, SERVER_URL) is not None,
        online=bool(success) and not error,
        pending_changes=pending_count(uow),
        last_success_at=datetime.fromisoformat(success) if success else None,
        last_error=error,
        open_conflicts=conflicts or 0,
        rejected_changes=rejections or 0,
        needs_resync=tuple(filter(None, (read_value(uow, NEEDS_RESYNC) or "").split(","))),
    )
