"""greetings, message templates and the lunar-birthday flag of a customer

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lorch_desk.db.search_index import create_name_index, rebuild_name_index

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _replicated_columns() -> list[sa.Column]:
    return [
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
    ]


def _sync_indexes(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f(f"ix_{table}_site_id"), ["site_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "message_template",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        *_replicated_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_template")),
        sa.UniqueConstraint("code", name=op.f("uq_message_template_code")),
    )
    _sync_indexes("message_template")
    op.create_table(
        "greeting",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("occasion", sa.String(length=80), nullable=False),
        sa.Column("occasion_on", sa.Date(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("message_id", sa.Uuid(), nullable=False),
        *_replicated_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_greeting_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outgoing_message.id"],
            name=op.f("fk_greeting_message_id_outgoing_message"),
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["message_template.id"],
            name=op.f("fk_greeting_template_id_message_template"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_greeting")),
    )
    _sync_indexes("greeting")
    with op.batch_alter_table("greeting", schema=None) as batch_op:
        batch_op.create_index(
            "ix_greeting_occasion_customer_id", ["occasion", "customer_id"], unique=False
        )
    # A plain ADD COLUMN (SQLite has it): a batch rebuild of `customer` would drop the name
    # index's triggers (see lorch_desk/db/search_index.py).
    op.add_column(
        "customer",
        sa.Column(
            "celebrates_lunar_birthday",
            sa.Boolean(),
            nullable=False,
            server_default=sa.false(),
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("celebrates_lunar_birthday")
    if op.get_bind().dialect.name == "sqlite":
        # The batch rebuild dropped the name index's triggers and renumbered the rows.
        create_name_index(op.execute)
        rebuild_name_index(op.execute)
    op.drop_table("greeting")
    op.drop_table("message_template")
