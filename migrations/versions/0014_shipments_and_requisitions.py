"""shipments to customers and branches, branch requisitions and their receipts

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-23 16:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "requisition",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("supply_warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
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
            ["supply_warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_requisition_supply_warehouse_id_warehouse"),
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouse.id"], name=op.f("fk_requisition_warehouse_id_warehouse")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requisition")),
        sa.UniqueConstraint("number", name=op.f("uq_requisition_number")),
    )
    with op.batch_alter_table("requisition", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_requisition_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_requisition_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_requisition_supply_warehouse_id"), ["supply_warehouse_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_requisition_warehouse_id"), ["warehouse_id"], unique=False
        )

    op.create_table(
        "requisition_decision",
        sa.Column("requisition_id", sa.Uuid(), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
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
            ["requisition_id"],
            ["requisition.id"],
            name=op.f("fk_requisition_decision_requisition_id_requisition"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requisition_decision")),
    )
    with op.batch_alter_table("requisition_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_requisition_decision_requisition_id"), ["requisition_id"], unique=True
        )
        batch_op.create_index(
            batch_op.f("ix_requisition_decision_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_requisition_decision_site_id"), ["site_id"], unique=False
        )

    op.create_table(
        "requisition_line",
        sa.Column("requisition_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
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
            ["product_id"], ["product.id"], name=op.f("fk_requisition_line_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["requisition_id"],
            ["requisition.id"],
            name=op.f("fk_requisition_line_requisition_id_requisition"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requisition_line")),
    )
    with op.batch_alter_table("requisition_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_requisition_line_requisition_id"), ["requisition_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_requisition_line_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_requisition_line_site_id"), ["site_id"], unique=False)

    op.create_table(
        "shipment",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("from_warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("to_location_id", sa.Uuid(), nullable=False),
        sa.Column("to_warehouse_id", sa.Uuid(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("requisition_id", sa.Uuid(), nullable=True),
        sa.Column("recipient", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
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
            ["customer_id"], ["customer.id"], name=op.f("fk_shipment_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["from_warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_shipment_from_warehouse_id_warehouse"),
        ),
        sa.ForeignKeyConstraint(
            ["requisition_id"],
            ["requisition.id"],
            name=op.f("fk_shipment_requisition_id_requisition"),
        ),
        sa.ForeignKeyConstraint(
            ["to_location_id"], ["location.id"], name=op.f("fk_shipment_to_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["to_warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_shipment_to_warehouse_id_warehouse"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment")),
        sa.UniqueConstraint("number", name=op.f("uq_shipment_number")),
    )
    with op.batch_alter_table("shipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipment_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_shipment_from_warehouse_id"), ["from_warehouse_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shipment_requisition_id"), ["requisition_id"], unique=True
        )
        batch_op.create_index(batch_op.f("ix_shipment_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_shipment_shipped_at"), ["shipped_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_shipment_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_shipment_to_warehouse_id"), ["to_warehouse_id"], unique=False
        )

    op.create_table(
        "shipment_line",
        sa.Column("shipment_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("from_location_id", sa.Uuid(), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("unit_cost", sa.Numeric(precision=12, scale=2), nullable=False),
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
            ["from_location_id"],
            ["location.id"],
            name=op.f("fk_shipment_line_from_location_id_location"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_shipment_line_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"], ["shipment.id"], name=op.f("fk_shipment_line_shipment_id_shipment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_line")),
    )
    with op.batch_alter_table("shipment_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shipment_line_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shipment_line_shipment_id"), ["shipment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_shipment_line_site_id"), ["site_id"], unique=False)

    op.create_table(
        "shipment_receipt",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("shipment_id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
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
            ["location_id"], ["location.id"], name=op.f("fk_shipment_receipt_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"], ["shipment.id"], name=op.f("fk_shipment_receipt_shipment_id_shipment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_receipt")),
        sa.UniqueConstraint("number", name=op.f("uq_shipment_receipt_number")),
    )
    with op.batch_alter_table("shipment_receipt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shipment_receipt_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shipment_receipt_shipment_id"), ["shipment_id"], unique=True
        )
        batch_op.create_index(batch_op.f("ix_shipment_receipt_site_id"), ["site_id"], unique=False)

    op.create_table(
        "shipment_receipt_line",
        sa.Column("receipt_id", sa.Uuid(), nullable=False),
        sa.Column("shipment_line_id", sa.Uuid(), nullable=False),
        sa.Column("received_quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("damaged_quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
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
            ["receipt_id"],
            ["shipment_receipt.id"],
            name=op.f("fk_shipment_receipt_line_receipt_id_shipment_receipt"),
        ),
        sa.ForeignKeyConstraint(
            ["shipment_line_id"],
            ["shipment_line.id"],
            name=op.f("fk_shipment_receipt_line_shipment_line_id_shipment_line"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_receipt_line")),
    )
    with op.batch_alter_table("shipment_receipt_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shipment_receipt_line_receipt_id"), ["receipt_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shipment_receipt_line_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shipment_receipt_line_shipment_line_id"),
            ["shipment_line_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_shipment_receipt_line_site_id"), ["site_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("shipment_receipt_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipment_receipt_line_site_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_receipt_line_shipment_line_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_receipt_line_server_seq"))
        batch_op.drop_index(batch_op.f("ix_shipment_receipt_line_receipt_id"))

    op.drop_table("shipment_receipt_line")
    with op.batch_alter_table("shipment_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipment_receipt_site_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_receipt_shipment_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_receipt_server_seq"))

    op.drop_table("shipment_receipt")
    with op.batch_alter_table("shipment_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipment_line_site_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_line_shipment_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_line_server_seq"))

    op.drop_table("shipment_line")
    with op.batch_alter_table("shipment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipment_to_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_site_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_shipped_at"))
        batch_op.drop_index(batch_op.f("ix_shipment_server_seq"))
        batch_op.drop_index(batch_op.f("ix_shipment_requisition_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_from_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_customer_id"))

    op.drop_table("shipment")
    with op.batch_alter_table("requisition_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requisition_line_site_id"))
        batch_op.drop_index(batch_op.f("ix_requisition_line_server_seq"))
        batch_op.drop_index(batch_op.f("ix_requisition_line_requisition_id"))

    op.drop_table("requisition_line")
    with op.batch_alter_table("requisition_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requisition_decision_site_id"))
        batch_op.drop_index(batch_op.f("ix_requisition_decision_server_seq"))
        batch_op.drop_index(batch_op.f("ix_requisition_decision_requisition_id"))

    op.drop_table("requisition_decision")
    with op.batch_alter_table("requisition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requisition_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_requisition_supply_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_requisition_site_id"))
        batch_op.drop_index(batch_op.f("ix_requisition_server_seq"))

    op.drop_table("requisition")
