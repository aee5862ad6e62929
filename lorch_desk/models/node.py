"""This node's own bookkeeping: identity and counters for numbers people read (local-only)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from lorch_desk.models.base import Base


class NodeSetting(Base):
    """A value that belongs to this database alone (node id, its site)."""

    __tablename__ = "node_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class NumberCounter(Base):
    """The last number issued for a kind of document in a year on this node."""

    __tablename__ = "number_counter"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_value: Mapped[int] = mapped_column(default=0)
