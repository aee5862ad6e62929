"""Headquarters' change feed: positions in commit order, HQ's own changes, what a node pulls.

A feed position (server_seq) is handed out only while holding a transaction-scoped advisory
lock, so positions are assigned and committed in the same order: a node that has read every
row up to N can never later find an N-1 that committed late.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    any_,
    bindparam,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError

from lorch_desk.db import row_codec
from lorch_desk.models.base import utc_now
from lorch_desk.models.registry import metadata
from lorch_desk.models.sync import OutboxEntry, SyncChange
from lorch_desk.sync.addressees import addressee_rules
from lorch_desk.sync.protocol import broadcast_tables

FEED_LOCK_KEY = 0x4C6F7263  # "Lorc": one lock for every writer of the feed
_change = SyncChange.__table__
_outbox = OutboxEntry.__table__


def table_of(name: str) -> Table:
    return metadata.tables[name]


def insert_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows with one executemany (psycopg pipelines it: no round trip per row)."""
    if rows:
        connection.execute(table.insert(), rows)


def copy_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same columns with COPY (PostgreSQL).

    HQ writes every pushed row plus a feed entry and an answered-op row for it: COPY streams
    them several times faster than an executemany of INSERTs. Values pass through their
    column types' bind processing first, as in an INSERT. Other databases (and empty lists)
    take `insert_many`. A refused row raises DBAPIError, as an INSERT would.
    """
    if not rows or connection.dialect.name != "postgresql":
        insert_many(connection, table, rows)
        return
    dialect = connection.dialect
    names = list(rows[0])
    processors = [
        (name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names
    ]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    raw = connection.connection.driver_connection
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(
                    [
                        row[name] if process is None else process(row[name])
                        for name, process in processors
                    ]
                )
    except psycopg.Error as error:
        raise DBAPIError(statement.as_string(raw), None, error) from error


def one_of(
    connection: Connection, column: ColumnElement[Any], values: Collection[Any]
) -> ColumnElement[bool]:
    """`column IN values`; on PostgreSQL one array parameter (= ANY), so a push of 10,000 ops
    does not send, and have parsed, a statement of 10,000 parameters."""
    if connection.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(column.type)))
    return column.in_(values)


class FeedWriter:
    """Adds feed entries inside the caller's transaction, holding the feed lock until commit."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK_KEY})
        newest = connection.scalar(select(func.max(_change.c.server_seq))) or 0
        self.tx_seq = newest + 1
        self._next = newest + 1

    @property
    def next_seq(self) -> int:
        return self._next

    def rewind(self, seq: int) -> None:
        """Hand out positions from `seq` again (after rolling back what used them)."""
        self._next = seq

    def allocate(self) -> int:
        """The next position, for a caller that writes rows and entries in bulk."""
        seq = self._next
        self._next += 1
        return seq

    def entry(
        self,
        seq: int,
        table_name: str,
        row_id: uuid.UUID,
        site_id: uuid.UUID,
        *,
        origin_node_id: uuid.UUID | None = None,
        op_id: uuid.UUID | None = None,
    ) -> dict[str, Any]:
        """A feed entry to write with `write_entries`."""
        return {
            "server_seq": seq,
            "tx_seq": self.tx_seq,
            "table_name": table_name,
            "row_id": row_id,
            "site_id": site_id,
            "addressed_site_id": None,
            "origin_node_id": origin_node_id,
            "op_id": op_id,
            "recorded_at": utc_now(),
        }

    def write_entries(self, entries: list[dict[str, Any]]) -> None:
        """Write entries of rows already written, with the site each is addressed to."""
        rules = addressee_rules()
        ruled = [entry for entry in entries if entry["table_name"] in rules]
        addressed = addressed_sites(
            self.connection, [(entry["table_name"], entry["row_id"]) for entry in ruled]
        )
        for entry in ruled:
            entry["addressed_site_id"] = addressed.get((entry["table_name"], entry["row_id"]))
        copy_many(self.connection, _change, entries)

    def record(
        self,
        table_name: str,
        row_id: uuid.UUID,
        site_id: uuid.UUID,
        *,
        origin_node_id: uuid.UUID | None = None,
        op_id: uuid.UUID | None = None,
    ) -> int:
        """Give the row its next feed position and write the feed entry."""
        seq = self.allocate()
        table = table_of(table_name)
        self.connection.execute(update(table).where(table.c.id == row_id).values(server_seq=seq))
        entry = self.entry(
            seq, table_name, row_id, site_id, origin_node_id=origin_node_id, op_id=op_id
        )
        self.write_entries([entry])
        return seq


def addressed_sites(
    connection: Connection, rows: list[tuple[str, uuid.UUID]]
) -> dict[tuple[str, uuid.UUID], uuid.UUID]:
    """{(table, row id): the other site the row is addressed to} (sync/addressees.py), for
    the rows that have one: one query per table with a rule."""
    wanted: dict[str, list[uuid.UUID]] = defaultdict(list)
    for table_name, row_id in rows:
        wanted[table_name].append(row_id)
    rules = addressee_rules()
    found = {}
    for table_name, ids in wanted.items():
        if table_name not in rules:
            continue
        model, addressee = rules[table_name]
        query = select(model.id, model.site_id, addressee).where(one_of(connection, model.id, ids))
        for row_id, owner, site_id in connection.execute(query):
            if site_id is not None and site_id != owner:
                found[(table_name, row_id)] = site_id
    return found


def publish_local_changes(connection: Connection, feed: FeedWriter | None = None) -> int:
    """Put the changes HQ's own PCs made (HQ's outbox) into the feed; returns how many.

    Takes the feed lock only when there is something to publish.
    """
    entries = connection.execute(
        select(_outbox.c.id, _outbox.c.table_name, _outbox.c.row_id, _outbox.c.op_id)
        .where(_outbox.c.acked_at.is_(None))
        .order_by(_outbox.c.id)
    ).all()
    if not entries:
        return 0
    feed = feed or FeedWriter(connection)
    now = utc_now()
    for entry in entries:
        table = table_of(entry.table_name)
        site_id = connection.scalar(select(table.c.site_id).where(table.c.id == entry.row_id))
        if site_id is not None:
            feed.record(entry.table_name, entry.row_id, site_id, op_id=entry.op_id)
    connection.execute(
        update(_outbox)
        .where(_outbox.c.id.in_([entry.id for entry in entries]))
        .values(acked_at=now, result="published")
    )
    return len(entries)


@dataclass(frozen=True, slots=True)
class FeedPage:
    changes: list[dict[str, Any]]
    cursor: int
    more: bool


def read_feed(connection: Connection, site_id: uuid.UUID, cursor: int, limit: int) -> FeedPage:
    """The changes after `cursor` a node of `site_id` sees, never splitting a transaction."""
    newest = connection.scalar(select(func.max(_change.c.server_seq))) or 0
    admitted = or_(
        _change.c.table_name.in_(broadcast_tables()),
        _change.c.site_id == site_id,
        _change.c.addressed_site_id == site_id,
    )
    columns = (_change.c.server_seq, _change.c.tx_seq, _change.c.table_name, _change.c.row_id)
    entries = list(
        connection.execute(
            select(*columns)
            .where(_change.c.server_seq > cursor, _change.c.server_seq <= newest, admitted)
            .order_by(_change.c.server_seq)
            .limit(limit)
        ).all()
    )
    more = len(entries) == limit
    if more:
        last = entries[-1]
        entries += connection.execute(
            select(*columns)
            .where(
                _change.c.server_seq > last.server_seq,
                _change.c.tx_seq == last.tx_seq,
                admitted,
            )
            .order_by(_change.c.server_seq)
        ).all()
        newest = entries[-1].server_seq
    return FeedPage(_current_rows(connection, entries), newest, more)


def _current_rows(connection: Connection, entries: list[Any]) -> list[dict[str, Any]]:
    """Each changed row as it is now, once, at the position of its last feed entry."""
    last_seq: dict[tuple[str, uuid.UUID], int] = {}
    for entry in entries:
        last_seq[(entry.table_name, entry.row_id)] = entry.server_seq
    by_table: dict[str, list[uuid.UUID]] = defaultdict(list)
    for table_name, row_id in last_seq:
        by_table[table_name].append(row_id)
    changes = []
    for table_name, ids in by_table.items():
        table = table_of(table_name)
        for row in connection.execute(select(table).where(table.c.id.in_(ids))).mappings():
            changes.append(
                {
                    "seq": last_seq[(table_name, row["id"])],
                    "table": table_name,
                    "row": row_codec.encode_row(table, dict(row)),
                }
            )
    changes.sort(key=lambda change: change["seq"])
    return changes
