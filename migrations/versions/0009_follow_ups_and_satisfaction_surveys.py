"""follow-ups and satisfaction surveys

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_up_task",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
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
            ["assignee_id"],
            ["user_account.id"],
            name=op.f("fk_follow_up_task_assignee_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_follow_up_task_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_task")),
        sa.UniqueConstraint(
            "source",
            "source_id",
            "offset_days",
            name=op.f("uq_follow_up_task_source_source_id_offset_days"),
        ),
    )
    with op.batch_alter_table("follow_up_task", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_follow_up_task_assignee_id"), ["assignee_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_follow_up_task_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_follow_up_task_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_follow_up_task_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            "ix_follow_up_task_site_id_status_due_on", ["site_id", "status", "due_on"], unique=False
        )

    op.create_table(
        "institution_survey",
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("quarter_start", sa.Date(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("overall", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("surveyed_at", sa.DateTime(timezone=True), nullable=False),
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
            ["institution_id"],
            ["institution.id"],
            name=op.f("fk_institution_survey_institution_id_institution"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institution_survey")),
    )
    with op.batch_alter_table("institution_survey", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_institution_survey_institution_id"), ["institution_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_institution_survey_quarter_start"), ["quarter_start"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_institution_survey_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_institution_survey_site_id"), ["site_id"], unique=False
        )

    op.create_table(
        "third_party_survey_report",
        sa.Column("agency", sa.String(length=100), nullable=False),
        sa.Column("month_start", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("attachment_id", sa.Uuid(), nullable=False),
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
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_third_party_survey_report_attachment_id_attachment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_third_party_survey_report")),
    )
    with op.batch_alter_table("third_party_survey_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_third_party_survey_report_month_start"), ["month_start"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_third_party_survey_report_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_third_party_survey_report_site_id"), ["site_id"], unique=False
        )

    op.create_table(
        "follow_up_call",
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("caller_id", sa.Uuid(), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("is_effective", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
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
            ["caller_id"],
            ["user_account.id"],
            name=op.f("fk_follow_up_call_caller_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_follow_up_call_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["follow_up_task.id"],
            name=op.f("fk_follow_up_call_task_id_follow_up_task"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_call")),
    )
    with op.batch_alter_table("follow_up_call", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_up_call_caller_id_customer_id",
            ["caller_id", "customer_id", "called_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_follow_up_call_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_follow_up_call_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_follow_up_call_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            "ix_follow_up_call_site_id_called_at", ["site_id", "called_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_follow_up_call_task_id"), ["task_id"], unique=False)

    op.create_table(
        "satisfaction_survey",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("arrival_id", sa.Uuid(), nullable=True),
        sa.Column("consultant_id", sa.Uuid(), nullable=True),
        sa.Column("surveyed_on", sa.Date(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("overall", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.Column("is_satisfied", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
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
            ["arrival_id"], ["arrival.id"], name=op.f("fk_satisfaction_survey_arrival_id_arrival")
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["user_account.id"],
            name=op.f("fk_satisfaction_survey_consultant_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_satisfaction_survey_customer_id_customer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_satisfaction_survey")),
    )
    with op.batch_alter_table("satisfaction_survey", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_satisfaction_survey_arrival_id"), ["arrival_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_survey_consultant_id"), ["consultant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_survey_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_survey_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_survey_site_id"), ["site_id"], unique=False
        )
        batch_op.create_index(
            "ix_satisfaction_survey_site_id_surveyed_on", ["site_id", "surveyed_on"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("satisfaction_survey", schema=None) as batch_op:
        batch_op.drop_index("ix_satisfaction_survey_site_id_surveyed_on")
        batch_op.drop_index(batch_op.f("ix_satisfaction_survey_site_id"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_survey_server_seq"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_survey_customer_id"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_survey_consultant_id"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_survey_arrival_id"))

    op.drop_table("satisfaction_survey")
    with op.batch_alter_table("follow_up_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_call_task_id"))
        batch_op.drop_index("ix_follow_up_call_site_id_called_at")
        batch_op.drop_index(batch_op.f("ix_follow_up_call_site_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_call_server_seq"))
        batch_op.drop_index(batch_op.f("ix_follow_up_call_customer_id"))
        batch_op.drop_index("ix_follow_up_call_caller_id_customer_id")

    op.drop_table("follow_up_call")
    with op.batch_alter_table("third_party_survey_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_third_party_survey_report_site_id"))
        batch_op.drop_index(batch_op.f("ix_third_party_survey_report_server_seq"))
        batch_op.drop_index(batch_op.f("ix_third_party_survey_report_month_start"))

    op.drop_table("third_party_survey_report")
    with op.batch_alter_table("institution_survey", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_institution_survey_site_id"))
        batch_op.drop_index(batch_op.f("ix_institution_survey_server_seq"))
        batch_op.drop_index(batch_op.f("ix_institution_survey_quarter_start"))
        batch_op.drop_index(batch_op.f("ix_institution_survey_institution_id"))

    op.drop_table("institution_survey")
    with op.batch_alter_table("follow_up_task", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_task_site_id_status_due_on")
        batch_op.drop_index(batch_op.f("ix_follow_up_task_site_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_task_server_seq"))
        batch_op.drop_index(batch_op.f("ix_follow_up_task_customer_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_task_assignee_id"))

    op.drop_table("follow_up_task")
