"""Sync bookkeeping (SYNC.md): the node's outbox and state, HQ's nodes and change feed.

Every table here is local-only: it describes one database's side of the sync and never
travels itself. Integer keys are AUTOINCREMENT (SQLite) or a sequence (PostgreSQL), so a
number is never used twice, even after the newest row was deleted.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base, new_id, utc_now


class OutboxEntry(Base):
    """One inserted or updated replicated row waiting for (or acknowledged by) headquarters."""

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index("ix_sync_outbox_table_name_row_id", "table_name", "row_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    tx_id: Mapped[uuid.UUID] = mapped_column(index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID]
    op: Mapped[str] = mapped_column(String(10))
    # {column: encoded new value}; for an update only the changed columns.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    # {column: encoded value before this change} for the three-way merge of shared rows.
    base: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    base_seq: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Set by the push that headquarters acknowledged; kept some days for an epoch change.
    acked_at: Mapped[datetime | None] = mapped_column(index=True)
    result: Mapped[str | None] = mapped_column(String(20))


class SyncState(Base):
    """A value of this database's sync state: cursor, epoch, last success, last error."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """A field two sites changed differently; the kept value won, the other is kept here."""

    __tablename__ = "sync_conflict"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(index=True)
    node_id: Mapped[uuid.UUID]
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(60))
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[uuid.UUID | None]
    resolution: Mapped[str | None] = mapped_column(String(10))


class SyncRejection(Base):
    """A pushed change headquarters refused (ownership, ledger update); the queue moved on."""

    __tablename__ = "sync_rejection"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(index=True)
    node_id: Mapped[uuid.UUID]
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID]
    reason: Mapped[str] = mapped_column(String(40))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)


class SyncNode(Base):
    """An enrolled node (at headquarters): its site, hashed token and push watermark."""

    __tablename__ = "sync_node"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    site_id: Mapped[uuid.UUID] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(100))
    # sha256 of a 256-bit random token: lookup by hash, nothing to brute-force.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_applied: Mapped[int] = mapped_column(BigInteger, default=0)
    enrolled_at: Mapped[datetime] = mapped_column(default=utc_now)
    enrolled_by: Mapped[uuid.UUID | None]
    revoked_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]


class SyncChange(Base):
    """One entry of headquarters' change feed, in commit order (seq under an advisory lock)."""

    __tablename__ = "sync_change"

    server_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # The first seq of the server transaction: a pull never splits one.
    tx_seq: Mapped[int] = mapped_column(BigInteger)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID]
    site_id: Mapped[uuid.UUID]
    # Another site the row is addressed to (sync/addressees.py): it pulls the row too.
    addressed_site_id: Mapped[uuid.UUID | None]
    origin_node_id: Mapped[uuid.UUID | None]
    op_id: Mapped[uuid.UUID | None]
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)


class SyncAppliedOp(Base):
    """Every op id headquarters has answered: a replay is recognised whatever its outbox id."""

    __tablename__ = "sync_applied_op"

    op_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    node_id: Mapped[uuid.UUID] = mapped_column(index=True)
    result: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
