"""query indexes: a place's events and claims by date, events by claim and by type

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 05:30:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# name, table, columns: the same as the Index entries in store/schema.py
INDEXES = [
    ("ix_events_place_id_date", "events", ["place_id", "date"]),
    ("ix_events_claim_id", "events", ["claim_id"]),
    ("ix_events_event_type", "events", ["event_type"]),
    ("ix_claims_place_id_day", "claims", ["place_id", "day"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
