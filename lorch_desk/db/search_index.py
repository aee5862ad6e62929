"""SQLite's full-text index of customer names: one token per character, kept by triggers.

A migration that rebuilds the customer table on SQLite (alembic batch mode) drops the triggers
and renumbers rowids: it must call `create_name_index` again and then `rebuild_name_index`.
"""

from __future__ import annotations

from collections.abc import Callable

NAME_INDEX_TABLE = "customer_name_fts"

_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {NAME_INDEX_TABLE} USING fts5("
    "name_tokens, content='customer', content_rowid='rowid', tokenize='unicode61')",
    f"CREATE TRIGGER IF NOT EXISTS customer_name_fts_insert AFTER INSERT ON customer BEGIN "
    f"INSERT INTO {NAME_INDEX_TABLE}(rowid, name_tokens) VALUES (new.rowid, new.name_tokens); END",
    f"CREATE TRIGGER IF NOT EXISTS customer_name_fts_delete AFTER DELETE ON customer BEGIN "
    f"INSERT INTO {NAME_INDEX_TABLE}({NAME_INDEX_TABLE}, rowid, name_tokens) "
    "VALUES ('delete', old.rowid, old.name_tokens); END",
    f"CREATE TRIGGER IF NOT EXISTS customer_name_fts_update AFTER UPDATE OF name_tokens "
    f"ON customer BEGIN "
    f"INSERT INTO {NAME_INDEX_TABLE}({NAME_INDEX_TABLE}, rowid, name_tokens) "
    "VALUES ('delete', old.rowid, old.name_tokens); "
    f"INSERT INTO {NAME_INDEX_TABLE}(rowid, name_tokens) VALUES (new.rowid, new.name_tokens); END",
]


def create_name_index(execute: Callable[[str], object]) -> None:
    """Create the full-text table and its triggers (SQLite only)."""
    for statement in _CREATE:
        execute(statement)


def rebuild_name_index(execute: Callable[[str], object]) -> None:
    """Re-read every customer name into the index (after a table rebuild or VACUUM)."""
    execute(f"INSERT INTO {NAME_INDEX_TABLE}({NAME_INDEX_TABLE}) VALUES ('rebuild')")


def drop_name_index(execute: Callable[[str], object]) -> None:
    execute(f"DROP TABLE IF EXISTS {NAME_INDEX_TABLE}")
