"""inquiries, appointments and the message outbox

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    """The Replicated mixin's columns (SYNC.md), the same on every table of this revision."""
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
        "room",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room")),
        sa.UniqueConstraint("site_id", "code", name=op.f("uq_room_site_id_code")),
    )
    _sync_indexes("room")

    op.create_table(
        "inquiry",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("inquired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("customer_name", sa.String(length=50), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("mobile", sa.String(length=20), nullable=True),
        sa.Column("region", sa.String(length=50), nullable=False),
        sa.Column("referrer_name", sa.String(length=50), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("intake_type", sa.String(length=20), nullable=False),
        sa.Column("developer_id", sa.Uuid(), nullable=True),
        sa.Column("developer_name", sa.String(length=50), nullable=False),
        sa.Column("consultant_id", sa.Uuid(), nullable=True),
        sa.Column("item_type", sa.String(length=100), nullable=False),
        sa.Column("appointment_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["user_account.id"],
            name=op.f("fk_inquiry_consultant_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_inquiry_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["developer_id"],
            ["user_account.id"],
            name=op.f("fk_inquiry_developer_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inquiry")),
        sa.UniqueConstraint("number", name=op.f("uq_inquiry_number")),
    )
    _sync_indexes("inquiry")
    with op.batch_alter_table("inquiry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inquiry_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index("ix_inquiry_mobile", ["mobile"], unique=False)
        batch_op.create_index(
            "ix_inquiry_site_id_inquired_at", ["site_id", "inquired_at"], unique=False
        )

    op.create_table(
        "inquiry_contact",
        sa.Column("inquiry_id", sa.Uuid(), nullable=False),
        sa.Column("contacted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("contacted_by_name", sa.String(length=50), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("next_contact_on", sa.Date(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["inquiry_id"], ["inquiry.id"], name=op.f("fk_inquiry_contact_inquiry_id_inquiry")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inquiry_contact")),
    )
    _sync_indexes("inquiry_contact")
    with op.batch_alter_table("inquiry_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inquiry_contact_inquiry_id"), ["inquiry_id"], unique=False
        )

    # Arrivals remember the inquiry they came from (existing rows: none, no developer).
    with op.batch_alter_table("arrival", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inquiry_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column("developer_name", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_arrival_inquiry_id"), ["inquiry_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_arrival_inquiry_id_inquiry"), "inquiry", ["inquiry_id"], ["id"]
        )

    op.create_table(
        "appointment",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("inquiry_id", sa.Uuid(), nullable=True),
        sa.Column("customer_name", sa.String(length=50), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("mobile", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("item", sa.String(length=100), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("room_id", sa.Uuid(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("booked_by_name", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.String(length=200), nullable=False),
        sa.Column("arrival_id", sa.Uuid(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["arrival_id"], ["arrival.id"], name=op.f("fk_appointment_arrival_id_arrival")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_appointment_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["inquiry_id"], ["inquiry.id"], name=op.f("fk_appointment_inquiry_id_inquiry")
        ),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_appointment_room_id_room")),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["user_account.id"], name=op.f("fk_appointment_staff_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment")),
        sa.UniqueConstraint("number", name=op.f("uq_appointment_number")),
    )
    _sync_indexes("appointment")
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointment_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_appointment_inquiry_id"), ["inquiry_id"], unique=False)
        batch_op.create_index(
            "ix_appointment_room_id_starts_at", ["room_id", "starts_at"], unique=False
        )
        batch_op.create_index("ix_appointment_site_id_day", ["site_id", "day"], unique=False)
        batch_op.create_index(
            "ix_appointment_staff_id_starts_at", ["staff_id", "starts_at"], unique=False
        )

    op.create_table(
        "outgoing_message",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("appointment_id", sa.Uuid(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("recipient_name", sa.String(length=50), nullable=False),
        sa.Column("mobile", sa.String(length=20), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_via", sa.String(length=20), nullable=False),
        sa.Column("sent_by_name", sa.String(length=50), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointment.id"],
            name=op.f("fk_outgoing_message_appointment_id_appointment"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_outgoing_message_customer_id_customer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outgoing_message")),
    )
    _sync_indexes("outgoing_message")
    with op.batch_alter_table("outgoing_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outgoing_message_appointment_id"), ["appointment_id"], unique=False
        )
        batch_op.create_index(
            "ix_outgoing_message_site_id_status", ["site_id", "status"], unique=False
        )

    op.create_table(
        "message_attempt",
        sa.Column("message_id", sa.Uuid(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sender", sa.String(length=20), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outgoing_message.id"],
            name=op.f("fk_message_attempt_message_id_outgoing_message"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_attempt")),
    )
    _sync_indexes("message_attempt")
    with op.batch_alter_table("message_attempt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_message_attempt_message_id"), ["message_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("message_attempt")
    op.drop_table("outgoing_message")
    op.drop_table("appointment")
    with op.batch_alter_table("arrival", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_arrival_inquiry_id_inquiry"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_arrival_inquiry_id"))
        batch_op.drop_column("developer_name")
        batch_op.drop_column("inquiry_id")
    op.drop_table("inquiry_contact")
    op.drop_table("inquiry")
    op.drop_table("room")
