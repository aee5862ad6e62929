"""A newer release's migrations keep 1,000 pending outbox ops and never reuse their numbers."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select

from lorch_desk.db.engine import make_engine
from lorch_desk.db.migrate import current_revision, head_revision, upgrade
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.models.customer import Customer
from lorch_desk.models.sync import OutboxEntry

# A later release alters the customer table and the outbox itself, both in SQLite batch mode.
_NEXT_REVISION = '''
"""a later release adds columns to customer and to the outbox"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(50), nullable=True))
    with op.batch_alter_table("sync_outbox") as b:
        b.add_column(sa.Column("priority", sa.Integer(), nullable=True))


def downgrade() -> None:
    pass
'''


def _outbox(database: Database, actor: Actor) -> list[tuple]:
    rows, _ = database.run(
        actor,
        lambda uow, _p: [
            (e.id, e.op_id, e.table_name, e.row_id, e.changes)
            for e in uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.id))
        ],
        read_only=True,
    )
    return rows


def test_pending_ops_survive_an_upgrade_and_numbers_go_on(
    database: Database, database_path: Path, system_actor: Actor, tmp_path: Path
) -> None:
    def register(uow, _progress):  # noqa: ANN001, ANN202
        for number in range(500):
            uow.session.add(
                Customer(file_number=f"BJ-2026-{number:06d}", name=f"客户{number}", gender="male")
            )

    database.run(system_actor, register)
    before = _outbox(database, system_actor)
    assert len(before) >= 1000  # each customer and its audit entry
    newest = before[-1][0]
    database.run(
        system_actor,
        lambda uow, _p: (
            uow.session.query(OutboxEntry)
            .filter(OutboxEntry.id == newest)
            .delete(synchronize_session=False)
        ),
    )
    database.dispose()
    newer = tmp_path / "newer-migrations"
    shutil.copytree(Path(__file__).resolve().parents[2] / "migrations", newer)
    (newer / "versions" / "9999_later.py").write_text(
        _NEXT_REVISION.replace("{head}", head_revision())
    )
    engine = make_engine(f"sqlite:///{database_path}")
    upgrade(engine, script_location=newer)
    assert current_revision(engine) == "9999"
    engine.dispose()
    with sqlite3.connect(database_path) as connection:
        ddl = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'sync_outbox'"
        ).fetchone()[0]
        assert "AUTOINCREMENT" in ddl
        rows = connection.execute("SELECT id, changes FROM sync_outbox ORDER BY id").fetchall()
        assert [row[0] for row in rows] == [row[0] for row in before[:-1]]
        connection.execute(
            "INSERT INTO sync_outbox (op_id, tx_id, table_name, row_id, op, changes, base, "
            "created_at) VALUES ('a', 'b', 'customer', 'c', 'insert', '{}', '{}', '2026-01-01')"
        )
        new_id = connection.execute("SELECT max(id) FROM sync_outbox").fetchone()[0]
        assert new_id > newest  # the deleted newest number is not handed out again
