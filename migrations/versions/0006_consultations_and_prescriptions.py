"""consultation records, treatment plans and prescriptions

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "service_item",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("sessions_per_course", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_item")),
        sa.UniqueConstraint("code", name=op.f("uq_service_item_code")),
    )
    with op.batch_alter_table("service_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_item_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_service_item_site_id"), ["site_id"], unique=False)

    op.create_table(
        "consultation_record",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("arrival_id", sa.Uuid(), nullable=True),
        sa.Column("consultant_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("not_closed_reason", sa.String(length=30), nullable=True),
        sa.Column("not_closed_note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Uuid(), nullable=True),
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
            ["arrival_id"], ["arrival.id"], name=op.f("fk_consultation_record_arrival_id_arrival")
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["user_account.id"],
            name=op.f("fk_consultation_record_consultant_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_consultation_record_customer_id_customer"),
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["consultation_record.id"],
            name=op.f("fk_consultation_record_supersedes_id_consultation_record"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_record")),
        sa.UniqueConstraint("supersedes_id", name=op.f("uq_consultation_record_supersedes_id")),
    )
    with op.batch_alter_table("consultation_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_record_arrival_id"), ["arrival_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultation_record_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultation_record_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultation_record_site_id"), ["site_id"], unique=False
        )
        batch_op.create_index(
            "ix_consultation_record_site_id_day", ["site_id", "day"], unique=False
        )

    op.create_table(
        "prescription",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("arrival_id", sa.Uuid(), nullable=True),
        sa.Column("prescriber_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("diagnosis", sa.Text(), nullable=False),
        sa.Column("doses", sa.Integer(), nullable=True),
        sa.Column("decoction", sa.Text(), nullable=False),
        sa.Column("usage_instructions", sa.Text(), nullable=False),
        sa.Column("signed_by_id", sa.Uuid(), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Uuid(), nullable=True),
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
            ["arrival_id"], ["arrival.id"], name=op.f("fk_prescription_arrival_id_arrival")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_prescription_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["prescriber_id"],
            ["user_account.id"],
            name=op.f("fk_prescription_prescriber_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"],
            ["user_account.id"],
            name=op.f("fk_prescription_signed_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["prescription.id"],
            name=op.f("fk_prescription_supersedes_id_prescription"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prescription")),
        sa.UniqueConstraint("number", name=op.f("uq_prescription_number")),
        sa.UniqueConstraint("supersedes_id", name=op.f("uq_prescription_supersedes_id")),
    )
    with op.batch_alter_table("prescription", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_prescription_arrival_id"), ["arrival_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_prescription_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_prescription_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_prescription_site_id"), ["site_id"], unique=False)
        batch_op.create_index("ix_prescription_site_id_status", ["site_id", "status"], unique=False)

    op.create_table(
        "treatment_plan",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("arrival_id", sa.Uuid(), nullable=True),
        sa.Column("consultant_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("total", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Uuid(), nullable=True),
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
            ["arrival_id"], ["arrival.id"], name=op.f("fk_treatment_plan_arrival_id_arrival")
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["user_account.id"],
            name=op.f("fk_treatment_plan_consultant_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_treatment_plan_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["treatment_plan.id"],
            name=op.f("fk_treatment_plan_supersedes_id_treatment_plan"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_plan")),
        sa.UniqueConstraint("supersedes_id", name=op.f("uq_treatment_plan_supersedes_id")),
    )
    with op.batch_alter_table("treatment_plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_treatment_plan_arrival_id"), ["arrival_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_treatment_plan_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_treatment_plan_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_treatment_plan_site_id"), ["site_id"], unique=False)

    op.create_table(
        "prescription_item",
        sa.Column("prescription_id", sa.Uuid(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("product_name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("dose", sa.String(length=40), nullable=False),
        sa.Column("frequency", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=True),
        sa.Column("duration_days", sa.Integer(), nullable=True),
        sa.Column("grams_per_dose", sa.Numeric(precision=14, scale=3), nullable=True),
        sa.Column("note", sa.String(length=100), nullable=False),
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
            ["prescription_id"],
            ["prescription.id"],
            name=op.f("fk_prescription_item_prescription_id_prescription"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_prescription_item_product_id_product")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prescription_item")),
    )
    with op.batch_alter_table("prescription_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_prescription_item_prescription_id"), ["prescription_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_prescription_item_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_prescription_item_site_id"), ["site_id"], unique=False)

    op.create_table(
        "treatment_plan_item",
        sa.Column("treatment_plan_id", sa.Uuid(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("service_item_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("line_total", sa.Numeric(precision=12, scale=2), nullable=False),
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
            ["service_item_id"],
            ["service_item.id"],
            name=op.f("fk_treatment_plan_item_service_item_id_service_item"),
        ),
        sa.ForeignKeyConstraint(
            ["treatment_plan_id"],
            ["treatment_plan.id"],
            name=op.f("fk_treatment_plan_item_treatment_plan_id_treatment_plan"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_plan_item")),
    )
    with op.batch_alter_table("treatment_plan_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_treatment_plan_item_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_treatment_plan_item_site_id"), ["site_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_treatment_plan_item_treatment_plan_id"),
            ["treatment_plan_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("treatment_plan_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatment_plan_item_treatment_plan_id"))
        batch_op.drop_index(batch_op.f("ix_treatment_plan_item_site_id"))
        batch_op.drop_index(batch_op.f("ix_treatment_plan_item_server_seq"))

    op.drop_table("treatment_plan_item")
    with op.batch_alter_table("prescription_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prescription_item_site_id"))
        batch_op.drop_index(batch_op.f("ix_prescription_item_server_seq"))
        batch_op.drop_index(batch_op.f("ix_prescription_item_prescription_id"))

    op.drop_table("prescription_item")
    with op.batch_alter_table("treatment_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatment_plan_site_id"))
        batch_op.drop_index(batch_op.f("ix_treatment_plan_server_seq"))
        batch_op.drop_index(batch_op.f("ix_treatment_plan_customer_id"))
        batch_op.drop_index(batch_op.f("ix_treatment_plan_arrival_id"))

    op.drop_table("treatment_plan")
    with op.batch_alter_table("prescription", schema=None) as batch_op:
        batch_op.drop_index("ix_prescription_site_id_status")
        batch_op.drop_index(batch_op.f("ix_prescription_site_id"))
        batch_op.drop_index(batch_op.f("ix_prescription_server_seq"))
        batch_op.drop_index(batch_op.f("ix_prescription_customer_id"))
        batch_op.drop_index(batch_op.f("ix_prescription_arrival_id"))

    op.drop_table("prescription")
    with op.batch_alter_table("consultation_record", schema=None) as batch_op:
        batch_op.drop_index("ix_consultation_record_site_id_day")
        batch_op.drop_index(batch_op.f("ix_consultation_record_site_id"))
        batch_op.drop_index(batch_op.f("ix_consultation_record_server_seq"))
        batch_op.drop_index(batch_op.f("ix_consultation_record_customer_id"))
        batch_op.drop_index(batch_op.f("ix_consultation_record_arrival_id"))

    op.drop_table("consultation_record")
    with op.batch_alter_table("service_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_item_site_id"))
        batch_op.drop_index(batch_op.f("ix_service_item_server_seq"))

    op.drop_table("service_item")
