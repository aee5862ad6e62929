"""consultant suspensions that outlast a triage day

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-23 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultant_suspension",
        sa.Column("consultant_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("site_id", sa.Uuid(), nullable=False),
        sa.Column("origin_node_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["user_account.id"],
            name=op.f("fk_consultant_suspension_consultant_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultant_suspension")),
    )
    with op.batch_alter_table("consultant_suspension", schema=None) as batch_op:
        batch_op.create_index(
            "ix_consultant_suspension_consultant_id_ends_at",
            ["consultant_id", "ends_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_consultant_suspension_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultant_suspension_site_id"), ["site_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("consultant_suspension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultant_suspension_site_id"))
        batch_op.drop_index(batch_op.f("ix_consultant_suspension_server_seq"))
        batch_op.drop_index("ix_consultant_suspension_consultant_id_ends_at")
    op.drop_table("consultant_suspension")
