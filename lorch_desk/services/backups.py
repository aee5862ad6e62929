"""Backups of the site's SQLite database on request (menu and `lorch-desk backup`)."""

from __future__ import annotations

from pathlib import Path

from lorch_desk.db.backup import BackupNotPossible, backup_into, backup_sqlite
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.permissions import Action
from lorch_desk.services.access import require


def database_file(uow: UnitOfWork) -> Path:
    """The SQLite file behind this unit of work; a server database cannot be copied here."""
    url = uow.session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database:
        raise BackupNotPossible(
            path=url.render_as_string(hide_password=True), reason="server_database"
        )
    return Path(url.database)


def back_up_now(
    uow: UnitOfWork, *, directory: Path | None = None, target: Path | None = None
) -> Path:
    """A consistent copy of the database, into `target` or a timestamped file in `directory`."""
    require(uow.actor, Action.BACKUP_RUN)
    source = database_file(uow)
    if target is not None:
        return backup_sqlite(source, target)
    if directory is None:
        raise BackupNotPossible(path="")
    return backup_into(source, directory, "manual")
