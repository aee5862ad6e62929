"""The post-sync check: rows of the node's own site per table, counted at both ends."""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, func, select

from lorch_desk.models.registry import metadata
from lorch_desk.models.sync import SyncRejection
from lorch_desk.sync.protocol import replicated_tables


def site_counts(
    connection: Connection, site_id: uuid.UUID, *, excluding_rejected: bool = False
) -> dict[str, int]:
    """How many rows of each replicated table belong to `site_id`.

    A node leaves out rows whose insert headquarters rejected: they exist only here, on
    purpose, and are listed among the rejected changes.
    """
    rejected = select(SyncRejection.row_id)
    counts = {}
    for name in replicated_tables():
        table = metadata.tables[name]
        query = select(func.count()).select_from(table).where(table.c.site_id == site_id)
        if excluding_rejected:
            query = query.where(table.c.id.not_in(rejected))
        counts[name] = connection.scalar(query) or 0
    return counts


def mismatches(local: dict[str, int], central: dict[str, int]) -> list[str]:
    """The tables whose counts differ, in name order."""
    return sorted(
        name for name in local.keys() | central.keys() if local.get(name) != central.get(name)
    )
