"""one place key: atomic events merged again under the store's place ids; claims.source_kind dropped

Atomic event ids hash their place key, which `events.merge` wrote as "geonames:…" and is now the
store's place id (`Place.key`, "gn:…"). The stored atomic events are dropped and their articles
marked unlinked, so the next ingest merges them again under the new ids (and links their claims
again, which gives the same links). `source_kind` was a copy of a linking field; linking now
rebuilds it from the stored claim.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 02:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE articles SET linked_at = NULL WHERE id IN "
        "(SELECT article_id FROM events WHERE atomic_event_id IS NOT NULL)"
    )
    op.execute("UPDATE events SET atomic_event_id = NULL")
    op.execute("DELETE FROM atomic_events")
    # not batch mode: on SQLite that copies the claims table, and dropping the old copy would
    # cascade to the claims' links and judgments (SQLite 3.35+ drops a column in place)
    op.execute("ALTER TABLE claims DROP COLUMN source_kind")


def downgrade() -> None:
    op.add_column("claims", sa.Column("source_kind", sa.String(length=12), nullable=True))
