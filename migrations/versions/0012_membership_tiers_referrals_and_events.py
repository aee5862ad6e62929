"""membership: tier evaluations, referrals, member events and partner merchants

Tier evaluations, member referrals, partner merchants with their tier discounts, member events
and their invitations.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tier_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "partner_merchant",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_merchant")),
    )
    with op.batch_alter_table("partner_merchant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_merchant_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_partner_merchant_site_id"), ["site_id"], unique=False)

    op.create_table(
        "tier_evaluation",
        sa.Column("period_label", sa.String(length=10), nullable=False),
        sa.Column("period_last_day", sa.Date(), nullable=False),
        sa.Column("evaluated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("evaluated_by_name", sa.String(length=50), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.Column("upgrades", sa.Integer(), nullable=False),
        sa.Column("downgrades", sa.Integer(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_evaluation")),
    )
    with op.batch_alter_table("tier_evaluation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tier_evaluation_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tier_evaluation_site_id"), ["site_id"], unique=False)

    op.create_table(
        "member_event",
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=True),
        sa.Column("target_tiers", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
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
            ["merchant_id"],
            ["partner_merchant.id"],
            name=op.f("fk_member_event_merchant_id_partner_merchant"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_event")),
    )
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_event_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_member_event_site_id"), ["site_id"], unique=False)

    op.create_table(
        "member_referral",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("referrer_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
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
            ["customer_id"], ["customer.id"], name=op.f("fk_member_referral_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["referrer_id"], ["customer.id"], name=op.f("fk_member_referral_referrer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_referral")),
    )
    with op.batch_alter_table("member_referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_referral_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_member_referral_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_member_referral_site_id"), ["site_id"], unique=False)

    op.create_table(
        "partner_discount",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("tier_code", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
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
            ["merchant_id"],
            ["partner_merchant.id"],
            name=op.f("fk_partner_discount_merchant_id_partner_merchant"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_discount")),
    )
    with op.batch_alter_table("partner_discount", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_discount_merchant_id"), ["merchant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_partner_discount_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_partner_discount_site_id"), ["site_id"], unique=False)

    op.create_table(
        "member_event_invitation",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("message_id", sa.Uuid(), nullable=True),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signed_in_at", sa.DateTime(timezone=True), nullable=True),
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
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_member_event_invitation_customer_id_customer"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["member_event.id"],
            name=op.f("fk_member_event_invitation_event_id_member_event"),
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outgoing_message.id"],
            name=op.f("fk_member_event_invitation_message_id_outgoing_message"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_event_invitation")),
    )
    with op.batch_alter_table("member_event_invitation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_member_event_invitation_event_id_customer_id",
            ["event_id", "customer_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_member_event_invitation_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_member_event_invitation_site_id"), ["site_id"], unique=False
        )

    # ### end Alembic commands ###


def downgrade() -> None:
    with op.batch_alter_table("member_event_invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_event_invitation_site_id"))
        batch_op.drop_index(batch_op.f("ix_member_event_invitation_server_seq"))
        batch_op.drop_index("ix_member_event_invitation_event_id_customer_id")

    op.drop_table("member_event_invitation")
    with op.batch_alter_table("partner_discount", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_discount_site_id"))
        batch_op.drop_index(batch_op.f("ix_partner_discount_server_seq"))
        batch_op.drop_index(batch_op.f("ix_partner_discount_merchant_id"))

    op.drop_table("partner_discount")
    with op.batch_alter_table("member_referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_referral_site_id"))
        batch_op.drop_index(batch_op.f("ix_member_referral_server_seq"))
        batch_op.drop_index(batch_op.f("ix_member_referral_customer_id"))

    op.drop_table("member_referral")
    with op.batch_alter_table("member_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_event_site_id"))
        batch_op.drop_index(batch_op.f("ix_member_event_server_seq"))

    op.drop_table("member_event")
    with op.batch_alter_table("tier_evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tier_evaluation_site_id"))
        batch_op.drop_index(batch_op.f("ix_tier_evaluation_server_seq"))

    op.drop_table("tier_evaluation")
    with op.batch_alter_table("partner_merchant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_merchant_site_id"))
        batch_op.drop_index(batch_op.f("ix_partner_merchant_server_seq"))

    op.drop_table("partner_merchant")
    with op.batch_alter_table("tier_change", schema=None) as batch_op:
        batch_op.drop_column("note")
