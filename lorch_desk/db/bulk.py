"""Many rows through one INSERT with the driver's executemany, values converted as SQLAlchemy would.

`Connection.execute(insert, rows)` spends most of its time on per-row parameter bookkeeping;
a count posts 10,000 moves, their outbox rows and 20,000 balance upserts at once. Here the
statement is compiled once by SQLAlchemy (the same SQL) and each value goes through the
column type's own bind processor (the same stored value), then the DBAPI's executemany runs
it; a time repeated across rows is converted once.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, DateTime, Insert, TypeDecorator

from lorch_desk.db.row_codec import remembering

_DRIVER_MIN_ROWS = 100


def insert_many(
    connection: Connection, statement: Insert, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Execute `statement` once per row of `rows` (mappings by column key, all with the same
    keys) in `connection`'s transaction."""
    if not rows:
        return
    dialect = connection.dialect
    compiled = None
    if len(rows) >= _DRIVER_MIN_ROWS:
        compiled = statement.compile(dialect=dialect, column_keys=list(rows[0]))
    if compiled is None or compiled.insert_prefetch or compiled.escaped_bind_names:
        # A few rows (SQLAlchemy's cached statement is cheaper than compiling), a default to
        # compute or a renamed parameter: SQLAlchemy's own executemany does it.
        connection.execute(statement, list(rows))
        return
    names = compiled.positiontup or list(compiled.binds)
    # Column by column: C-level gathering, each type's bind processor mapped over its values.
    gathered = (
        map(itemgetter(*names), rows) if len(names) > 1 else ((row[names[0]],) for row in rows)
    )
    columns: list[Sequence[Any]] = list(zip(*gathered, strict=True))
    for index, name in enumerate(names):
        bind_type = compiled.binds[name].type
        process = bind_type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            continue
        plain_type = bind_type.impl_instance if isinstance(bind_type, TypeDecorator) else bind_type
        if isinstance(plain_type, DateTime):  # the same few times in every row
            process = remembering(process)
        columns[index] = list(map(process, columns[index]))
    values = zip(*columns, strict=True)
    parameters = (
        list(values) if compiled.positiontup else [dict(zip(names, v, strict=True)) for v in values]
    )
    connection.exec_driver_sql(compiled.string, parameters)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of acyclic rows are built.

    Every few hundred new containers would start a collection that walks the whole heap;
    reference counting still frees the rows. The collector runs again afterwards unless it
    was already paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
