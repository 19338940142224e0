"""watch state: per-source polling state and seen items for `fogwatch watch`; a change counter

`watch_sources` holds one row per watched feed, folder or JSON Lines file (validators for
conditional requests, the JSONL read position, backoff and the lease of the watcher polling it);
`watch_items` the items already ingested, by the source's own id and a hash of their content.
`changes` numbers every new event and every new contradiction in the order they were stored, filled
by triggers so every writer (ingest, watch, the API, Dask runs) feeds `GET /live` alike.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 04:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("position", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("lines", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("file_identity", sa.Text(), nullable=True),
        sa.Column("last_poll", _TIMESTAMP, nullable=True),
        sa.Column("next_poll", _TIMESTAMP, nullable=True),
        sa.Column("errors", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("lease_owner", sa.Text(), nullable=True),
        sa.Column("lease_until", _TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_watch_sources")),
    )
    op.create_table(
        "watch_items",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("item_key", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("seen_at", _TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["watch_sources.source"],
            name=op.f("fk_watch_items_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source", "item_key", name=op.f("pk_watch_items")),
    )
    op.create_table(
        "changes",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_changes")),
    )
    op.create_index("ix_changes_kind_ref", "changes", ["kind", "ref"])
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


# A contradiction is stored again whenever its claims are linked again; it is news only once.
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER changes_event AFTER INSERT ON events
       BEGIN INSERT INTO changes (kind, ref) VALUES ('event', NEW.id); END""",
    """CREATE TRIGGER changes_contradiction AFTER INSERT ON claim_links
       WHEN NEW.relation = 'contradicts' AND NOT EXISTS (
           SELECT 1 FROM changes WHERE kind = 'contradiction' AND ref = NEW.a || ' ' || NEW.b)
       BEGIN INSERT INTO changes (kind, ref) VALUES ('contradiction', NEW.a || ' ' || NEW.b); END""",
)


def _sqlite_triggers() -> None:
    for statement in _SQLITE_TRIGGERS:
        op.execute(statement)


def _postgresql_triggers() -> None:
    op.execute(
        """CREATE FUNCTION fogwatch_change_event() RETURNS trigger AS $$
           BEGIN INSERT INTO changes (kind, ref) VALUES ('event', NEW.id); RETURN NULL; END
           $$ LANGUAGE plpgsql"""
    )
    op.execute(
        """CREATE FUNCTION fogwatch_change_contradiction() RETURNS trigger AS $$
           BEGIN
             IF NEW.relation = 'contradicts' AND NOT EXISTS (
                 SELECT 1 FROM changes WHERE kind = 'contradiction' AND ref = NEW.a || ' ' || NEW.b)
             THEN INSERT INTO changes (kind, ref) VALUES ('contradiction', NEW.a || ' ' || NEW.b);
             END IF;
             RETURN NULL;
           END $$ LANGUAGE plpgsql"""
    )
    op.execute(
        "CREATE TRIGGER changes_event AFTER INSERT ON events "
        "FOR EACH ROW EXECUTE FUNCTION fogwatch_change_event()"
    )
    op.execute(
        "CREATE TRIGGER changes_contradiction AFTER INSERT ON claim_links "
        "FOR EACH ROW EXECUTE FUNCTION fogwatch_change_contradiction()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER changes_event ON events")
        op.execute("DROP TRIGGER changes_contradiction ON claim_links")
        op.execute("DROP FUNCTION fogwatch_change_event()")
        op.execute("DROP FUNCTION fogwatch_change_contradiction()")
    else:
        op.execute("DROP TRIGGER changes_event")
        op.execute("DROP TRIGGER changes_contradiction")
    op.drop_index("ix_changes_kind_ref", table_name="changes")
    op.drop_table("changes")
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
