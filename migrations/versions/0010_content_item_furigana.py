"""content items keep the furigana of their example sentences, made at content load

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 15:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('content_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('furigana', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('content_item', schema=None) as batch_op:
        batch_op.drop_column('furigana')
