"""Service-test fixtures: what the database holds, read behind the services' back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Row, func, select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.models.audit import AuditEntry


@pytest.fixture()
def count_rows(database: Database, system_actor: Actor) -> Callable[[type], int]:
    """How many rows of a model the test database holds, tombstoned ones included."""

    def count(model: type) -> int:
        with database.unit_of_work(system_actor, read_only=True) as uow:
            return uow.session.scalar(select(func.count()).select_from(model)) or 0

    return count


@pytest.fixture()
def audit_of(database: Database, system_actor: Actor) -> Callable[[object], list[Row[Any]]]:
    """The audit entries of one record, oldest first: action, table, who, and what changed."""

    def entries(row_id: object) -> list[Row[Any]]:
        with database.unit_of_work(system_actor, read_only=True) as uow:
            return list(
                uow.session.execute(
                    select(
                        AuditEntry.action,
                        AuditEntry.table_name,
                        AuditEntry.actor_name,
                        AuditEntry.actor_id,
                        AuditEntry.changes,
                    )
                    .where(AuditEntry.row_id == str(row_id))
                    .order_by(AuditEntry.created_at)
                ).all()
            )

    return entries
