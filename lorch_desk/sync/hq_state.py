"""Headquarters' side of one request: the calling node, the epoch, the sync state table."""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, select

from lorch_desk.models.base import new_id
from lorch_desk.models.organisation import Site
from lorch_desk.models.sync import SyncNode, SyncState
from lorch_desk.services.sync_enrolment import hash_token
from lorch_desk.sync.hq_rules import PushingNode

EPOCH_KEY = "epoch"
_state = SyncState.__table__


def node_for_token(connection: Connection, token: str) -> tuple[PushingNode, str] | None:
    """The enrolled, unrevoked node holding `token`, with its site code; None if unknown."""
    row = connection.execute(
        select(SyncNode.id, SyncNode.site_id, Site.code, Site.is_headquarters)
        .join(Site, Site.id == SyncNode.site_id)
        .where(SyncNode.token_hash == hash_token(token), SyncNode.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    return PushingNode(row.id, row.site_id, row.is_headquarters), row.code


def read_state(connection: Connection, key: str) -> str | None:
    return connection.scalar(select(_state.c.value).where(_state.c.key == key))


def write_state(connection: Connection, key: str, value: str) -> None:
    if read_state(connection, key) is None:
        connection.execute(_state.insert().values(key=key, value=value))
    else:
        connection.execute(_state.update().where(_state.c.key == key).values(value=value))


def ensure_epoch(connection: Connection) -> str:
    """HQ's epoch, made on first start."""
    epoch = read_state(connection, EPOCH_KEY)
    if epoch is None:
        epoch = str(new_id())
        write_state(connection, EPOCH_KEY, epoch)
    return epoch


def new_epoch(connection: Connection) -> str:
    """A new epoch: run after restoring the central database from a backup."""
    epoch = str(new_id())
    write_state(connection, EPOCH_KEY, epoch)
    return epoch


def last_applied(connection: Connection, node_id: uuid.UUID) -> int:
    return connection.scalar(select(SyncNode.last_applied).where(SyncNode.id == node_id)) or 0
