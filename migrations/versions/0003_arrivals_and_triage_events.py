"""front desk: arrivals (site documents) and the triage event log (ledger)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:56:33.910943
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "triage_event",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acted_by", sa.String(length=40), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triage_event")),
        sa.UniqueConstraint(
            "site_id", "day", "sequence", name=op.f("uq_triage_event_site_id_day_sequence")
        ),
    )
    with op.batch_alter_table("triage_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_triage_event_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_triage_event_site_id"), ["site_id"], unique=False)

    op.create_table(
        "arrival",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("form_completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("visit_class", sa.String(length=20), nullable=False),
        sa.Column("suggested_visit_class", sa.String(length=20), nullable=False),
        sa.Column("suggestion_reasons", sa.JSON(), nullable=False),
        sa.Column("rotation", sa.String(length=10), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("referrer_name", sa.String(length=50), nullable=False),
        sa.Column("inquiry_item", sa.String(length=100), nullable=False),
        sa.Column("not_counted_reason", sa.String(length=30), nullable=True),
        sa.Column("named_consultant_id", sa.Uuid(), nullable=True),
        sa.Column("corrects_arrival_id", sa.Uuid(), nullable=True),
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
            ["corrects_arrival_id"],
            ["arrival.id"],
            name=op.f("fk_arrival_corrects_arrival_id_arrival"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_arrival_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["named_consultant_id"],
            ["user_account.id"],
            name=op.f("fk_arrival_named_consultant_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arrival")),
    )
    with op.batch_alter_table("arrival", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_arrival_corrects_arrival_id"), ["corrects_arrival_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_arrival_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_arrival_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_arrival_site_id"), ["site_id"], unique=False)
        batch_op.create_index("ix_arrival_site_id_day", ["site_id", "day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("arrival", schema=None) as batch_op:
        batch_op.drop_index("ix_arrival_site_id_day")
        batch_op.drop_index(batch_op.f("ix_arrival_site_id"))
        batch_op.drop_index(batch_op.f("ix_arrival_server_seq"))
        batch_op.drop_index(batch_op.f("ix_arrival_customer_id"))
        batch_op.drop_index(batch_op.f("ix_arrival_corrects_arrival_id"))

    op.drop_table("arrival")
    with op.batch_alter_table("triage_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_triage_event_site_id"))
        batch_op.drop_index(batch_op.f("ix_triage_event_server_seq"))

    op.drop_table("triage_event")
