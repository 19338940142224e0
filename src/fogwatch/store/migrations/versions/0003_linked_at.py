"""articles.linked_at: which articles the cross-article work has seen, to resume after a crash

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 05:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("linked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_linked_at"), ["linked_at"], unique=False)
    # Stores written before this revision linked every batch as they stored it.
    op.execute("UPDATE articles SET linked_at = ingested_at")


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_linked_at"))
        batch_op.drop_column("linked_at")
