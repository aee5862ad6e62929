"""foundation: sites, users, customers, health file, audit

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 11:25:32.782459
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lorch_desk.db.search_index import create_name_index, drop_name_index

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('attachment',
    sa.Column('owner_table', sa.String(length=60), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('purpose', sa.String(length=30), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_site_id'), ['site_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_name', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=40), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_site_id'), ['site_id'], unique=False)

    op.create_table('clinic_setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_clinic_setting_key'))
    )
    with op.batch_alter_table('clinic_setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinic_setting_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_clinic_setting_site_id'), ['site_id'], unique=False)

    op.create_table('customer',
    sa.Column('file_number', sa.String(length=20), nullable=False),
    sa.Column('card_number', sa.String(length=30), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('mobile', sa.String(length=20), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=100), nullable=False),
    sa.Column('wechat', sa.String(length=50), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('region', sa.String(length=50), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('occupation', sa.String(length=50), nullable=False),
    sa.Column('income_level', sa.String(length=20), nullable=False),
    sa.Column('member_type', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('developer_name', sa.String(length=50), nullable=False),
    sa.Column('referrer_name', sa.String(length=50), nullable=False),
    sa.Column('sms_consent', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=50), nullable=False),
    sa.Column('name_tokens', sa.String(length=120), nullable=False),
    sa.Column('mobile_reversed', sa.String(length=20), nullable=True),
    sa.Column('merged_into_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['merged_into_id'], ['customer.id'], name=op.f('fk_customer_merged_into_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer')),
    sa.UniqueConstraint('card_number', name=op.f('uq_customer_card_number')),
    sa.UniqueConstraint('file_number', name=op.f('uq_customer_file_number'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index('ix_customer_id_number', ['id_number'], unique=False)
        batch_op.create_index('ix_customer_mobile', ['mobile'], unique=False)
        batch_op.create_index('ix_customer_mobile_reversed', ['mobile_reversed'], unique=False)
        batch_op.create_index('ix_customer_name_birthday', ['name', 'birthday'], unique=False)
        batch_op.create_index('ix_customer_name_initials', ['name_initials'], unique=False)
        batch_op.create_index('ix_customer_name_pinyin', ['name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_site_id'), ['site_id'], unique=False)

    op.create_table('institution',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('head', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('cooperation_mode', sa.String(length=100), nullable=False),
    sa.Column('cooperation_project', sa.Text(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institution'))
    )
    with op.batch_alter_table('institution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_institution_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_institution_site_id'), ['site_id'], unique=False)

    op.create_table('login_guard',
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('failed_count', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_login_guard'))
    )
    op.create_table('node_setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_node_setting'))
    )
    op.create_table('number_counter',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'year', name=op.f('pk_number_counter'))
    )
    op.create_table('site',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('city', sa.String(length=50), nullable=False),
    sa.Column('is_headquarters', sa.Boolean(), nullable=False),
    sa.Column('time_zone', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site')),
    sa.UniqueConstraint('code', name=op.f('uq_site_code'))
    )
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_site_site_id'), ['site_id'], unique=False)

    op.create_table('user_account',
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_account_site_id'), ['site_id'], unique=False)

    op.create_table('health_record_entry',
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('section', sa.String(length=30), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_health_record_entry_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_health_record_entry'))
    )
    with op.batch_alter_table('health_record_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_health_record_entry_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_health_record_entry_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_health_record_entry_site_id'), ['site_id'], unique=False)

    op.create_table('staff_profile',
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('position', sa.String(length=30), nullable=False),
    sa.Column('is_full_time', sa.Boolean(), nullable=False),
    sa.Column('service_area', sa.String(length=100), nullable=False),
    sa.Column('specialities', sa.String(length=200), nullable=False),
    sa.Column('years_of_practice', sa.Integer(), nullable=False),
    sa.Column('introduction', sa.Text(), nullable=False),
    sa.Column('training_history', sa.Text(), nullable=False),
    sa.Column('success_cases', sa.Text(), nullable=False),
    sa.Column('photo_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('origin_node_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_by', sa.Uuid(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['photo_id'], ['attachment.id'], name=op.f('fk_staff_profile_photo_id_attachment')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_staff_profile_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_profile'))
    )
    with op.batch_alter_table('staff_profile', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_profile_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_profile_site_id'), ['site_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        create_name_index(op.execute)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        drop_name_index(op.execute)

    with op.batch_alter_table('staff_profile', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_profile_site_id'))
        batch_op.drop_index(batch_op.f('ix_staff_profile_server_seq'))

    op.drop_table('staff_profile')
    with op.batch_alter_table('health_record_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_health_record_entry_site_id'))
        batch_op.drop_index(batch_op.f('ix_health_record_entry_server_seq'))
        batch_op.drop_index(batch_op.f('ix_health_record_entry_customer_id'))

    op.drop_table('health_record_entry')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_site_id'))
        batch_op.drop_index(batch_op.f('ix_user_account_server_seq'))

    op.drop_table('user_account')
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_site_id'))
        batch_op.drop_index(batch_op.f('ix_site_server_seq'))

    op.drop_table('site')
    op.drop_table('number_counter')
    op.drop_table('node_setting')
    op.drop_table('login_guard')
    with op.batch_alter_table('institution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_institution_site_id'))
        batch_op.drop_index(batch_op.f('ix_institution_server_seq'))

    op.drop_table('institution')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_site_id'))
        batch_op.drop_index(batch_op.f('ix_customer_server_seq'))
        batch_op.drop_index('ix_customer_name_pinyin')
        batch_op.drop_index('ix_customer_name_initials')
        batch_op.drop_index('ix_customer_name_birthday')
        batch_op.drop_index('ix_customer_mobile_reversed')
        batch_op.drop_index('ix_customer_mobile')
        batch_op.drop_index('ix_customer_id_number')

    op.drop_table('customer')
    with op.batch_alter_table('clinic_setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinic_setting_site_id'))
        batch_op.drop_index(batch_op.f('ix_clinic_setting_server_seq'))

    op.drop_table('clinic_setting')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_site_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_server_seq'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_row_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_actor_id'))

    op.drop_table('audit_entry')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_site_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_server_seq'))
        batch_op.drop_index(batch_op.f('ix_attachment_owner_id'))

    op.drop_table('attachment')

