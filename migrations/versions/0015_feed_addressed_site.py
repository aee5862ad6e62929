"""the site a feed entry is addressed to besides its owner (HQ's shipment to a branch)

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-23 17:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("addressed_site_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_change", schema=None) as batch_op:
        batch_op.drop_column("addressed_site_id")
