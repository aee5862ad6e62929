"""catalogue and the stock ledger: products, suppliers, warehouses, locations, stock moves,
the balance cache, purchase orders and receipts, stock counts and destructions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "product",
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("barcode", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_initials", sa.String(length=50), nullable=False),
        sa.Column("specification", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("sale_price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("cost", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("reorder_point", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("shelf_life_warning_days", sa.Integer(), nullable=False),
        sa.Column("ingredients", sa.Text(), nullable=False),
        sa.Column("allergens", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        sa.UniqueConstraint("barcode", name=op.f("uq_product_barcode")),
        sa.UniqueConstraint("code", name=op.f("uq_product_code")),
    )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_product_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_product_name_initials"), ["name_initials"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_product_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_product_site_id"), ["site_id"], unique=False)

    op.create_table(
        "supplier",
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("contact", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("licence_number", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier")),
        sa.UniqueConstraint("code", name=op.f("uq_supplier_code")),
    )
    with op.batch_alter_table("supplier", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supplier_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_supplier_site_id"), ["site_id"], unique=False)

    op.create_table(
        "warehouse",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("branch_site_id", sa.Uuid(), nullable=False),
        sa.Column("is_central", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
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
            ["branch_site_id"], ["site.id"], name=op.f("fk_warehouse_branch_site_id_site")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouse")),
        sa.UniqueConstraint("code", name=op.f("uq_warehouse_code")),
    )
    with op.batch_alter_table("warehouse", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_warehouse_branch_site_id"), ["branch_site_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_warehouse_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_warehouse_site_id"), ["site_id"], unique=False)

    op.create_table(
        "destruction",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("reason_note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("approved_by", sa.Uuid(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("witness_name", sa.String(length=50), nullable=False),
        sa.Column("posted_by", sa.Uuid(), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
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
            ["warehouse_id"], ["warehouse.id"], name=op.f("fk_destruction_warehouse_id_warehouse")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction")),
        sa.UniqueConstraint("number", name=op.f("uq_destruction_number")),
    )
    with op.batch_alter_table("destruction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_destruction_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_destruction_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_destruction_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_destruction_warehouse_id"), ["warehouse_id"], unique=False
        )

    op.create_table(
        "location",
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
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
            ["warehouse_id"], ["warehouse.id"], name=op.f("fk_location_warehouse_id_warehouse")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_location")),
        sa.UniqueConstraint("warehouse_id", "code", name=op.f("uq_location_warehouse_id_code")),
    )
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_location_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_location_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_location_warehouse_id"), ["warehouse_id"], unique=False
        )

    op.create_table(
        "purchase_order",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("supplier_id", sa.Uuid(), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
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
            ["supplier_id"], ["supplier.id"], name=op.f("fk_purchase_order_supplier_id_supplier")
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_purchase_order_warehouse_id_warehouse"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_order")),
        sa.UniqueConstraint("number", name=op.f("uq_purchase_order_number")),
    )
    with op.batch_alter_table("purchase_order", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_purchase_order_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_purchase_order_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_purchase_order_supplier_id"), ["supplier_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_order_warehouse_id"), ["warehouse_id"], unique=False
        )

    op.create_table(
        "destruction_line",
        sa.Column("destruction_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
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
            ["destruction_id"],
            ["destruction.id"],
            name=op.f("fk_destruction_line_destruction_id_destruction"),
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_destruction_line_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_destruction_line_product_id_product")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_line")),
    )
    with op.batch_alter_table("destruction_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_destruction_line_destruction_id"), ["destruction_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_destruction_line_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_destruction_line_site_id"), ["site_id"], unique=False)

    op.create_table(
        "purchase_order_line",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
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
            ["order_id"],
            ["purchase_order.id"],
            name=op.f("fk_purchase_order_line_order_id_purchase_order"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_purchase_order_line_product_id_product")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_order_line")),
    )
    with op.batch_alter_table("purchase_order_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_purchase_order_line_order_id"), ["order_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_order_line_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_order_line_site_id"), ["site_id"], unique=False
        )

    op.create_table(
        "purchase_receipt",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("supplier_id", sa.Uuid(), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("purchase_order_id", sa.Uuid(), nullable=True),
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
            ["location_id"], ["location.id"], name=op.f("fk_purchase_receipt_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["purchase_order_id"],
            ["purchase_order.id"],
            name=op.f("fk_purchase_receipt_purchase_order_id_purchase_order"),
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["supplier.id"], name=op.f("fk_purchase_receipt_supplier_id_supplier")
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_purchase_receipt_warehouse_id_warehouse"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_receipt")),
        sa.UniqueConstraint("number", name=op.f("uq_purchase_receipt_number")),
    )
    with op.batch_alter_table("purchase_receipt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_purchase_order_id"), ["purchase_order_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_purchase_receipt_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_supplier_id"), ["supplier_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_warehouse_id"), ["warehouse_id"], unique=False
        )

    op.create_table(
        "stock_balance",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_stock_balance_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_stock_balance_product_id_product")
        ),
        sa.PrimaryKeyConstraint(
            "product_id", "location_id", "batch", name=op.f("pk_stock_balance")
        ),
    )
    with op.batch_alter_table("stock_balance", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stock_balance_location_id_product_id", ["location_id", "product_id"], unique=False
        )

    op.create_table(
        "stock_count",
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("warehouse_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=True),
        sa.Column("location_id", sa.Uuid(), nullable=True),
        sa.Column("snapshot_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("approved_by", sa.Uuid(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("posted_by", sa.Uuid(), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
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
            ["location_id"], ["location.id"], name=op.f("fk_stock_count_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouse.id"], name=op.f("fk_stock_count_warehouse_id_warehouse")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count")),
        sa.UniqueConstraint("number", name=op.f("uq_stock_count_number")),
    )
    with op.batch_alter_table("stock_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_count_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_count_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_count_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_stock_count_warehouse_id"), ["warehouse_id"], unique=False
        )

    op.create_table(
        "stock_move",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("from_location_id", sa.Uuid(), nullable=False),
        sa.Column("to_location_id", sa.Uuid(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("unit_cost", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("document_type", sa.String(length=30), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=True),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reverses_move_id", sa.Uuid(), nullable=True),
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
        sa.CheckConstraint("quantity > 0", name=op.f("ck_stock_move_positive_quantity")),
        sa.ForeignKeyConstraint(
            ["from_location_id"],
            ["location.id"],
            name=op.f("fk_stock_move_from_location_id_location"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_stock_move_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_move_id"],
            ["stock_move.id"],
            name=op.f("fk_stock_move_reverses_move_id_stock_move"),
        ),
        sa.ForeignKeyConstraint(
            ["to_location_id"], ["location.id"], name=op.f("fk_stock_move_to_location_id_location")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_move")),
    )
    with op.batch_alter_table("stock_move", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stock_move_document", ["document_type", "document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stock_move_from_location_id"), ["from_location_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stock_move_moved_at"), ["moved_at"], unique=False)
        batch_op.create_index(
            "ix_stock_move_product_id_moved_at", ["product_id", "moved_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stock_move_server_seq"), ["server_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_move_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_stock_move_to_location_id"), ["to_location_id"], unique=False
        )

    op.create_table(
        "purchase_receipt_line",
        sa.Column("receipt_id", sa.Uuid(), nullable=False),
        sa.Column("order_line_id", sa.Uuid(), nullable=True),
        sa.Column("product_id", sa.Uuid(), nullable=False),
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
            ["order_line_id"],
            ["purchase_order_line.id"],
            name=op.f("fk_purchase_receipt_line_order_line_id_purchase_order_line"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_purchase_receipt_line_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["receipt_id"],
            ["purchase_receipt.id"],
            name=op.f("fk_purchase_receipt_line_receipt_id_purchase_receipt"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_receipt_line")),
    )
    with op.batch_alter_table("purchase_receipt_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_line_order_line_id"), ["order_line_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_line_receipt_id"), ["receipt_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_line_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_line_site_id"), ["site_id"], unique=False
        )

    op.create_table(
        "stock_count_line",
        sa.Column("count_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("snapshot_quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("unit_cost", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("counted_quantity", sa.Numeric(precision=14, scale=3), nullable=True),
        sa.Column("counted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("counted_by", sa.Uuid(), nullable=True),
        sa.Column("recount", sa.Boolean(), nullable=False),
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
            ["count_id"], ["stock_count.id"], name=op.f("fk_stock_count_line_count_id_stock_count")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_stock_count_line_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_stock_count_line_product_id_product")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count_line")),
        sa.UniqueConstraint(
            "count_id",
            "product_id",
            "location_id",
            "batch",
            name=op.f("uq_stock_count_line_count_id_product_id_location_id_batch"),
        ),
    )
    with op.batch_alter_table("stock_count_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stock_count_line_count_id"), ["count_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stock_count_line_server_seq"), ["server_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stock_count_line_site_id"), ["site_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stock_count_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_count_line_site_id"))
        batch_op.drop_index(batch_op.f("ix_stock_count_line_server_seq"))
        batch_op.drop_index(batch_op.f("ix_stock_count_line_count_id"))

    op.drop_table("stock_count_line")
    with op.batch_alter_table("purchase_receipt_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_line_site_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_line_server_seq"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_line_receipt_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_line_order_line_id"))

    op.drop_table("purchase_receipt_line")
    with op.batch_alter_table("stock_move", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_move_to_location_id"))
        batch_op.drop_index(batch_op.f("ix_stock_move_site_id"))
        batch_op.drop_index(batch_op.f("ix_stock_move_server_seq"))
        batch_op.drop_index("ix_stock_move_product_id_moved_at")
        batch_op.drop_index(batch_op.f("ix_stock_move_moved_at"))
        batch_op.drop_index(batch_op.f("ix_stock_move_from_location_id"))
        batch_op.drop_index("ix_stock_move_document")

    op.drop_table("stock_move")
    with op.batch_alter_table("stock_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_count_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_stock_count_status"))
        batch_op.drop_index(batch_op.f("ix_stock_count_site_id"))
        batch_op.drop_index(batch_op.f("ix_stock_count_server_seq"))

    op.drop_table("stock_count")
    with op.batch_alter_table("stock_balance", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_balance_location_id_product_id")

    op.drop_table("stock_balance")
    with op.batch_alter_table("purchase_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_supplier_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_site_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_server_seq"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_purchase_order_id"))

    op.drop_table("purchase_receipt")
    with op.batch_alter_table("purchase_order_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_purchase_order_line_site_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_order_line_server_seq"))
        batch_op.drop_index(batch_op.f("ix_purchase_order_line_order_id"))

    op.drop_table("purchase_order_line")
    with op.batch_alter_table("destruction_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_line_site_id"))
        batch_op.drop_index(batch_op.f("ix_destruction_line_server_seq"))
        batch_op.drop_index(batch_op.f("ix_destruction_line_destruction_id"))

    op.drop_table("destruction_line")
    with op.batch_alter_table("purchase_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_purchase_order_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_order_supplier_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_order_site_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_order_server_seq"))

    op.drop_table("purchase_order")
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_location_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_location_site_id"))
        batch_op.drop_index(batch_op.f("ix_location_server_seq"))

    op.drop_table("location")
    with op.batch_alter_table("destruction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_warehouse_id"))
        batch_op.drop_index(batch_op.f("ix_destruction_status"))
        batch_op.drop_index(batch_op.f("ix_destruction_site_id"))
        batch_op.drop_index(batch_op.f("ix_destruction_server_seq"))

    op.drop_table("destruction")
    with op.batch_alter_table("warehouse", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_warehouse_site_id"))
        batch_op.drop_index(batch_op.f("ix_warehouse_server_seq"))
        batch_op.drop_index(batch_op.f("ix_warehouse_branch_site_id"))

    op.drop_table("warehouse")
    with op.batch_alter_table("supplier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_site_id"))
        batch_op.drop_index(batch_op.f("ix_supplier_server_seq"))

    op.drop_table("supplier")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_site_id"))
        batch_op.drop_index(batch_op.f("ix_product_server_seq"))
        batch_op.drop_index(batch_op.f("ix_product_name_initials"))
        batch_op.drop_index(batch_op.f("ix_product_name"))
        batch_op.drop_index(batch_op.f("ix_product_category"))

    op.drop_table("product")
