"""The store's schema: one table per record type of `records.py`, readable in one screen.

Spans are stored as `start`/`end` column pairs (offsets into `articles.text`). Full-text search
is dialect-specific and lives in the migrations: an FTS5 table on SQLite, a tsvector on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
    }
)


def _article_fk() -> Column:
    return Column(
        "article_id",
        String(16),
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _span(prefix: str = "", nullable: bool = False) -> list[Column]:
    return [
        Column(f"{prefix}start", Integer, nullable=nullable),
        Column(f"{prefix}end", Integer, nullable=nullable),
    ]


articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date, nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("raw_offsets", JSON, nullable=False),  # [[clean_start, raw_start, length], ...]
    Column("dup_cluster", String(16), nullable=False, index=True),
    Column("minhash", LargeBinary, nullable=False),
    Column("origin", Text),
    Column("external_id", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # set once the cross-article work (atomic events, claim links) has seen the article; NULL
    # after a crash between storing and linking, so the next ingest finishes the job
    Column("linked_at", DateTime(timezone=True), index=True),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("key", String(16), primary_key=True),
    Column(
        "article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
)

places = Table(
    "places",
    metadata,
    Column("id", String(96), primary_key=True),  # records.Place.key
    Column("geonameid", Integer, index=True),
    Column("name", Text, nullable=False),
    Column("feature", Text, nullable=False),
    Column("country", String(2), nullable=False),
    Column("admin1", String(16)),
    Column("admin2", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("population", Integer),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    *_span(),
    Column("place_id", String(96), ForeignKey("places.id"), index=True),
    Column("geo_precision", Integer),
    Column("score", Float, nullable=False),
    Column("role", String(16), nullable=False),
    Column("reason", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("side", String(16), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("inter", Integer, nullable=False),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    *_span(),
    Column("actor_id", String(64), ForeignKey("actors.id"), nullable=False, index=True),
    Column("role", String(16), nullable=False),
    Column("person", Text),
)

coreferences = Table(
    "coreferences",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    *_span(),
    *_span("antecedent_"),
    Column("actor_id", String(64), ForeignKey("actors.id"), index=True),
)

date_mentions = Table(
    "date_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    *_span(),
    Column("value", Date, index=True),
    Column("precision", Integer),
    Column("kind", String(16), nullable=False),
    Column("first_day", Date),
    Column("last_day", Date),
)

quantities = Table(
    "quantities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    *_span(),
    Column("low", Float, nullable=False),
    Column("best", Float, nullable=False),
    Column("high", Float, nullable=False),
    Column("unit", String(32), nullable=False, index=True),
    Column("hedge", String(32), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(32), primary_key=True),
    _article_fk(),
    Column("source_actor_id", String(64), ForeignKey("actors.id"), index=True),
    *_span("source_", nullable=True),
    *_span("cue_"),
    Column("cue_lemma", String(64), nullable=False),
    Column("cue_class", String(16), nullable=False, index=True),
    *_span("content_"),
    Column("stance", String(8), nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("proposition", JSON),
    Column("place_id", String(96), ForeignKey("places.id"), index=True),
    Column("predicate", String(32), index=True),
    Column("day", Date, index=True),  # the proposition's date, else the article's
    Index("ix_claims_place_id_day", "place_id", "day"),  # a place's claims, newest first
)

claim_assessments = Table(
    "claim_assessments",
    metadata,
    Column("claim_id", String(32), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("reliability", String(1), nullable=False),
    Column("credibility", Integer, nullable=False, index=True),
    Column("status", String(16), nullable=False, index=True),
    Column("reason", Text, nullable=False),
)

atomic_events = Table(
    "atomic_events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("sub_type", String(64), nullable=False),
    Column("place_id", String(96), ForeignKey("places.id"), index=True),
    Column("date", Date, index=True),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    _article_fk(),
    Column("disorder_type", String(32), nullable=False),
    Column("event_type", String(64), nullable=False, index=True),
    Column("sub_type", String(64), nullable=False, index=True),
    Column("actor1_id", String(64), ForeignKey("actors.id"), index=True),
    Column("actor2_id", String(64), ForeignKey("actors.id"), index=True),
    Column("assoc", JSON, nullable=False),
    Column("interaction", Integer),
    Column("place_id", String(96), ForeignKey("places.id"), index=True),
    Column("geo_precision", Integer),
    Column("date", Date, index=True),
    Column("time_precision", Integer),
    Column("fatalities_low", Integer, nullable=False),
    Column("fatalities_best", Integer, nullable=False),
    Column("fatalities_high", Integer, nullable=False),
    Column("civilian_targeting", Boolean, nullable=False),
    Column("modality", String(16), nullable=False, index=True),
    Column("claim_id", String(32), ForeignKey("claims.id"), index=True),
    Column("evidence", JSON, nullable=False),  # [[start, end], ...]
    Column("atomic_event_id", String(32), ForeignKey("atomic_events.id"), index=True),
    Index("ix_events_place_id_date", "place_id", "date"),  # a place's events, newest first
)

claim_links = Table(
    "claim_links",
    metadata,
    Column("a", String(32), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("b", String(32), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("relation", String(16), primary_key=True),
    Column("evidence", Text, nullable=False),
    Index("ix_claim_links_b", "b"),
)

watch_sources = Table(
    "watch_sources",
    metadata,
    Column("source", Text, primary_key=True),  # a feed URL or an absolute path
    Column("kind", String(8), nullable=False),  # feed, folder or jsonl
    Column("etag", Text),
    Column("last_modified", Text),
    Column("position", BigInteger, nullable=False, server_default="0"),  # JSONL bytes read
    Column("lines", BigInteger, nullable=False, server_default="0"),  # JSONL lines read
    Column("file_identity", Text),  # device:inode of the JSONL file the position is in
    Column("last_poll", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),
    Column("errors", Integer, nullable=False, server_default="0"),  # failed polls in a row
    Column("last_error", Text),
    Column("lease_owner", Text),  # the watcher polling it: host:pid:start
    Column("lease_until", DateTime(timezone=True)),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column(
        "source",
        Text,
        ForeignKey("watch_sources.source", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("item_key", Text, primary_key=True),  # the feed's guid, the file's path, …
    Column("content_hash", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),  # new, duplicate, near_duplicate or failed
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

changes = Table(
    "changes",
    metadata,
    # filled by triggers on events and claim_links (migration 0007), in the order stored
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # event or contradiction
    Column("ref", String(80), nullable=False),  # the event id, or "a b" of the claim link
    Index("ix_changes_kind_ref", "kind", "ref"),
)
