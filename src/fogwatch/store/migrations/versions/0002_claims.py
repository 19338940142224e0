"""claims: predicate, day and source kind for linking; judged credibility per claim

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 06:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("predicate", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("source_kind", sa.String(length=12), nullable=True))
        batch_op.create_index(batch_op.f("ix_claims_predicate"), ["predicate"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_day"), ["day"], unique=False)

    op.create_table(
        "claim_assessments",
        sa.Column("claim_id", sa.String(length=32), nullable=False),
        sa.Column("reliability", sa.String(length=1), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_assessments_claim_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_assessments")),
    )
    with op.batch_alter_table("claim_assessments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claim_assessments_credibility"), ["credibility"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_claim_assessments_status"), ["status"], unique=False)


def downgrade() -> None:
    op.drop_table("claim_assessments")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_day"))
        batch_op.drop_index(batch_op.f("ix_claims_predicate"))
        batch_op.drop_column("source_kind")
        batch_op.drop_column("day")
        batch_op.drop_column("predicate")
