"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 02:41:54.138728
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("inter", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_side"), ["side"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=16), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("raw_offsets", sa.JSON(), nullable=False),
        sa.Column("dup_cluster", sa.String(length=16), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_dup_cluster"), ["dup_cluster"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)

    op.create_table(
        "places",
        sa.Column("id", sa.String(length=96), nullable=False),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("feature", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("admin1", sa.String(length=16), nullable=True),
        sa.Column("admin2", sa.String(length=32), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_geonameid"), ["geonameid"], unique=False)

    op.create_table(
        "actor_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("person", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_actor_mentions_actor_id")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_actor_mentions_article_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_mentions")),
    )
    with op.batch_alter_table("actor_mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_mentions_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_actor_mentions_article_id"), ["article_id"], unique=False
        )

    op.create_table(
        "article_bands",
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_bands_article_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("band", "key", "article_id", name=op.f("pk_article_bands")),
    )
    op.create_table(
        "atomic_events",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("sub_type", sa.String(length=64), nullable=False),
        sa.Column("place_id", sa.String(length=96), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_atomic_events_place_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_atomic_events")),
    )
    with op.batch_alter_table("atomic_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_atomic_events_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_atomic_events_place_id"), ["place_id"], unique=False)

    op.create_table(
        "claims",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("source_actor_id", sa.String(length=64), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=False),
        sa.Column("cue_end", sa.Integer(), nullable=False),
        sa.Column("cue_lemma", sa.String(length=64), nullable=False),
        sa.Column("cue_class", sa.String(length=16), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("stance", sa.String(length=8), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("proposition", sa.JSON(), nullable=True),
        sa.Column("place_id", sa.String(length=96), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_claims_article_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name=op.f("fk_claims_place_id")),
        sa.ForeignKeyConstraint(
            ["source_actor_id"], ["actors.id"], name=op.f("fk_claims_source_actor_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_cue_class"), ["cue_class"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_place_id"), ["place_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_claims_source_actor_id"), ["source_actor_id"], unique=False
        )

    op.create_table(
        "coreferences",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("antecedent_start", sa.Integer(), nullable=False),
        sa.Column("antecedent_end", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_coreferences_actor_id")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_coreferences_article_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coreferences")),
    )
    with op.batch_alter_table("coreferences", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coreferences_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_coreferences_article_id"), ["article_id"], unique=False
        )

    op.create_table(
        "date_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("value", sa.Date(), nullable=True),
        sa.Column("precision", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=True),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_date_mentions_article_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_date_mentions")),
    )
    with op.batch_alter_table("date_mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_date_mentions_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_date_mentions_value"), ["value"], unique=False)

    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.String(length=96), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_place_mentions_article_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_place_mentions_place_id")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_mentions")),
    )
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_place_mentions_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_place_mentions_place_id"), ["place_id"], unique=False)

    op.create_table(
        "quantities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("best", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("hedge", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_quantities_article_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quantities")),
    )
    with op.batch_alter_table("quantities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quantities_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quantities_unit"), ["unit"], unique=False)

    op.create_table(
        "claim_links",
        sa.Column("a", sa.String(length=32), nullable=False),
        sa.Column("b", sa.String(length=32), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["a"], ["claims.id"], name=op.f("fk_claim_links_a"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["b"], ["claims.id"], name=op.f("fk_claim_links_b"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("a", "b", "relation", name=op.f("pk_claim_links")),
    )
    with op.batch_alter_table("claim_links", schema=None) as batch_op:
        batch_op.create_index("ix_claim_links_b", ["b"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("disorder_type", sa.String(length=32), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("sub_type", sa.String(length=64), nullable=False),
        sa.Column("actor1_id", sa.String(length=64), nullable=True),
        sa.Column("actor2_id", sa.String(length=64), nullable=True),
        sa.Column("assoc", sa.JSON(), nullable=False),
        sa.Column("interaction", sa.Integer(), nullable=True),
        sa.Column("place_id", sa.String(length=96), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=False),
        sa.Column("fatalities_best", sa.Integer(), nullable=False),
        sa.Column("fatalities_high", sa.Integer(), nullable=False),
        sa.Column("civilian_targeting", sa.Boolean(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("claim_id", sa.String(length=32), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("atomic_event_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["actor1_id"], ["actors.id"], name=op.f("fk_events_actor1_id")),
        sa.ForeignKeyConstraint(["actor2_id"], ["actors.id"], name=op.f("fk_events_actor2_id")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_events_article_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["atomic_event_id"], ["atomic_events.id"], name=op.f("fk_events_atomic_event_id")
        ),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name=op.f("fk_events_claim_id")),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name=op.f("fk_events_place_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_actor1_id"), ["actor1_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_actor2_id"), ["actor2_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_atomic_event_id"), ["atomic_event_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_modality"), ["modality"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_place_id"), ["place_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_sub_type"), ["sub_type"], unique=False)
    _create_full_text_search()


def downgrade() -> None:
    _drop_full_text_search()
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_sub_type"))
        batch_op.drop_index(batch_op.f("ix_events_place_id"))
        batch_op.drop_index(batch_op.f("ix_events_modality"))
        batch_op.drop_index(batch_op.f("ix_events_date"))
        batch_op.drop_index(batch_op.f("ix_events_atomic_event_id"))
        batch_op.drop_index(batch_op.f("ix_events_article_id"))
        batch_op.drop_index(batch_op.f("ix_events_actor2_id"))
        batch_op.drop_index(batch_op.f("ix_events_actor1_id"))

    op.drop_table("events")
    with op.batch_alter_table("claim_links", schema=None) as batch_op:
        batch_op.drop_index("ix_claim_links_b")

    op.drop_table("claim_links")
    with op.batch_alter_table("quantities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quantities_unit"))
        batch_op.drop_index(batch_op.f("ix_quantities_article_id"))

    op.drop_table("quantities")
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_mentions_place_id"))
        batch_op.drop_index(batch_op.f("ix_place_mentions_article_id"))

    op.drop_table("place_mentions")
    with op.batch_alter_table("date_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_date_mentions_value"))
        batch_op.drop_index(batch_op.f("ix_date_mentions_article_id"))

    op.drop_table("date_mentions")
    with op.batch_alter_table("coreferences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coreferences_article_id"))
        batch_op.drop_index(batch_op.f("ix_coreferences_actor_id"))

    op.drop_table("coreferences")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_source_actor_id"))
        batch_op.drop_index(batch_op.f("ix_claims_place_id"))
        batch_op.drop_index(batch_op.f("ix_claims_cue_class"))
        batch_op.drop_index(batch_op.f("ix_claims_article_id"))

    op.drop_table("claims")
    with op.batch_alter_table("atomic_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_atomic_events_place_id"))
        batch_op.drop_index(batch_op.f("ix_atomic_events_date"))

    op.drop_table("atomic_events")
    op.drop_table("article_bands")
    with op.batch_alter_table("actor_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_mentions_article_id"))
        batch_op.drop_index(batch_op.f("ix_actor_mentions_actor_id"))

    op.drop_table("actor_mentions")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_places_geonameid"))

    op.drop_table("places")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published"))
        batch_op.drop_index(batch_op.f("ix_articles_dup_cluster"))

    op.drop_table("articles")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_side"))

    op.drop_table("actors")


def _create_full_text_search() -> None:
    """SQLite: an FTS5 index kept in step with `articles` by triggers; PostgreSQL: a tsvector."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END"
        )
    else:
        op.execute(
            "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")


def _drop_full_text_search() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS articles_fts_delete")
        op.execute("DROP TRIGGER IF EXISTS articles_fts_insert")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search")
