"""customer: partial index of deleted and merged customers (fast live count)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_CONDITION = "deleted_at IS NOT NULL OR merged_into_id IS NOT NULL"


def upgrade() -> None:
    op.create_index(
        "ix_customer_tombstoned",
        "customer",
        ["id"],
        sqlite_where=sa.text(_CONDITION),
        postgresql_where=sa.text(_CONDITION),
    )


def downgrade() -> None:
    op.drop_index("ix_customer_tombstoned", table_name="customer")
