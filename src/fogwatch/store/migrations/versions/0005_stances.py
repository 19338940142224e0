"""stances: a denial is stored as "deny" (it was "refute"); accuse, condemn, confirm and hedge join
affirm. Claims stored before keep their cue class; re-ingest to split accusations and condemnations
out of the old claim and deny classes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 02:20:00
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE claims SET stance = 'deny' WHERE stance = 'refute'")


def downgrade() -> None:
    op.execute("UPDATE claims SET stance = 'refute' WHERE stance = 'deny'")
    op.execute("UPDATE claims SET stance = 'affirm' WHERE stance <> 'refute'")
