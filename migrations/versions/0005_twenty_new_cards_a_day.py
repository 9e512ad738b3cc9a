"""twenty new cards a day by default (each word brings three)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 12:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('new_cards_per_day', existing_type=sa.Integer(), server_default='20')


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('new_cards_per_day', existing_type=sa.Integer(), server_default='10')
