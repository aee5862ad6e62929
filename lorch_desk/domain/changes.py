"""ChangeSet: what a unit of work changed, so each screen refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ChangeSet:
    """Names of the tables written by one committed operation."""

    tables: set[str] = field(default_factory=set)

    def touch(self, *tables: str) -> None:
        self.tables.update(tables)

    def touches(self, *tables: str) -> bool:
        """True if any of `tables` was changed."""
        return bool(self.tables.intersection(tables))

    def __bool__(self) -> bool:
        return bool(self.tables)
