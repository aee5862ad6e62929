"""What node and headquarters say to each other: versions, paths, answers, routing.

Messages are JSON. A change carries its table, row id and encoded column values
(db/row_codec.py). Every request carries the protocol and schema versions; an incompatible
node is refused with a clear message instead of half-applying anything.
"""

from __future__ import annotations

from lorch_desk.db.migrate import SCHEMA_HEAD
from lorch_desk.domain.table_classes import TableClass
from lorch_desk.models.registry import TABLE_CLASSES

PROTOCOL_VERSION = 1
SCHEMA_VERSION = SCHEMA_HEAD
HELLO_PATH = "/v1/hello"
PUSH_PATH = "/v1/push"
PULL_PATH = "/v1/pull"
CHECK_PATH = "/v1/check"
VERSION_HEADER = "X-Lorch-Protocol"
SCHEMA_HEADER = "X-Lorch-Schema"
# A node clock further than this from HQ's is warned about (nothing orders by it).
CLOCK_WARNING_SECONDS = 300
# How many ops one push carries and how many changes one pull returns (whole transactions).
PUSH_BATCH = 2000
PULL_BATCH = 1000

# Results of one pushed op.
APPLIED = "applied"
MERGED = "merged"
CONFLICT = "conflict"
DUPLICATE = "duplicate"
REJECTED = "rejected"

# Why an op was rejected (stable codes, shown translated in the rejected-changes list).
REJECT_UNKNOWN_TABLE = "unknown_table"
REJECT_CENTRAL_TABLE = "central_table"
REJECT_OTHER_SITE = "other_site"
REJECT_LEDGER_UPDATE = "ledger_update"
REJECT_MISSING_ROW = "missing_row"
REJECT_INVALID = "invalid_row"
# A pulled row this node could not store (it clashes with a local row HQ refused).
REJECT_PULLED_CLASH = "pulled_clash"

# Columns a node's update always carries that are bookkeeping, not merged.
BOOKKEEPING = frozenset({"updated_at", "updated_by", "row_version"})


class SyncRefused(Exception):
    """HQ refused the node (unknown token, incompatible versions): retrying will not help."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def replicated_tables() -> list[str]:
    """Every table that travels, in name order."""
    return sorted(name for name, kind in TABLE_CLASSES.items() if kind.is_replicated)


def broadcast_tables() -> list[str]:
    """Tables every node receives whole: central data and the shared customer profiles."""
    return sorted(
        name
        for name, kind in TABLE_CLASSES.items()
        if kind in {TableClass.CENTRAL, TableClass.SHARED_MUTABLE}
    )
