"""Bulk writing of many new rows at once (re-evaluation changes and their notices).

Core executemany instead of the ORM flush, as `stock_ledger.post_moves` does: every row gets
the sync columns and every column's value, and the outbox records the very values inserted.
No audit row per line: each row carries who and when itself, and the run that wrote them is
audited as one record (its TierEvaluation).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert

from lorch_desk.db import outbox
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.base import new_id, utc_now


def insert_rows(uow: UnitOfWork, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (the business columns) into `table` with sync stamps and outbox rows."""
    if not rows:
        return
    actor = uow.actor
    now = utc_now()
    stamps = {
        "site_id": actor.site_id,
        "origin_node_id": actor.node_id,
        "created_at": now,
        "updated_at": now,
        "created_by": actor.user_id,
        "updated_by": actor.user_id,
        "deleted_at": None,
        "row_version": 1,
        "server_seq": None,
    }
    defaults = {
        column.key: column.default.arg
        if column.default is not None and column.default.is_scalar
        else None
        for column in table.columns
    }
    full = [defaults | stamps | {"id": new_id()} | dict(row) for row in rows]
    uow.session.connection().execute(insert(table), full)
    outbox.record_inserts(uow.session, table, full)
    uow.changes.touch(table.name)
