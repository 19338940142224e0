"""The store's side of the cross-article work after each batch: read back, as records, the
events and claims a batch touches, and write the atomic events, claim links and judgments that
`fogwatch.ingestion` computes from them — all in one transaction, so a crash leaves the batch
unlinked, to be linked whole next time.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Collection, Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from fogwatch.records import Article, Assessment, AtomicEvent, Claim, ClaimLink, Event
from fogwatch.store import queries
from fogwatch.store.schema import (
    articles,
    atomic_events,
    claim_assessments,
    claim_links,
    claims,
    events,
)
from fogwatch.store.writes import reliably

_LINK_LOCK = zlib.crc32(b"fogwatch-linking")


class Relinking:
    """What the cross-article work of one batch reads and writes, inside one transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def events_sharing_cells(self, article_ids: Collection[str]) -> list[Event]:
        """Every stored event at a place and day where the articles report an asserted event:
        the atomic events to recompute, so the cost follows the new articles."""
        # Both reads must stay lookups in an index, or every batch reads every stored event.
        # The articles' events are filtered here, not in SQL: given `modality = 'asserted'`,
        # SQLite walked the modality index (every asserted event) instead of the article one.
        theirs = self.connection.execute(
            sa.select(events.c.place_id, events.c.date, events.c.modality).where(
                events.c.article_id.in_(list(article_ids))
            )
        )
        cells = sorted(
            {
                (place, day)
                for place, day, modality in theirs
                if modality == "asserted" and place is not None and day is not None
            }
        )
        if not cells:
            return []
        # SQLite uses no index for `(place_id, date) IN (VALUES …)` alone; the two plain INs
        # let it look the cells up in ix_events_place_id_date, the pairs then keep exact ones.
        return queries.stored_events(
            self.connection,
            sa.and_(
                events.c.place_id.in_(sorted({place for place, _day in cells})),
                events.c.date.in_(sorted({day for _place, day in cells})),
                sa.tuple_(events.c.place_id, events.c.date).in_(cells),
            ),
        )

    def save_atomic_events(self, merged: Iterable[AtomicEvent]) -> None:
        """Store each atomic event and point its member events at it."""
        insert = (
            postgresql.insert if self.connection.dialect.name == "postgresql" else sqlite.insert
        )
        for atomic in merged:
            row = {
                "id": atomic.id,
                "sub_type": atomic.sub_type,
                "place_id": atomic.place.key if atomic.place else None,
                "date": atomic.date,
            }
            self.connection.execute(
                insert(atomic_events)
                .values(row)
                .on_conflict_do_update(index_elements=["id"], set_={"sub_type": row["sub_type"]})
            )
            self.connection.execute(
                events.update()
                .where(events.c.id.in_([event.id for event in atomic.events]))
                .values(atomic_event_id=atomic.id)
            )

    def claims_of(self, article_ids: Collection[str]) -> list[Claim]:
        """The claims made in these articles."""
        return queries.claims_where(self.connection, claims.c.article_id.in_(list(article_ids)))

    def claims_near(
        self, clusters: Collection[str], places: Collection[str], first: dt.date, last: dt.date
    ) -> list[Claim]:
        """Claims in articles of these near-duplicate clusters, or about these places (store
        place ids) on a day from `first` to `last`."""
        return queries.claims_where(
            self.connection,
            sa.or_(
                claims.c.article_id.in_(
                    sa.select(articles.c.id).where(articles.c.dup_cluster.in_(list(clusters)))
                ),
                sa.and_(claims.c.place_id.in_(list(places)), claims.c.day.between(first, last)),
            ),
        )

    def claims_by_id(self, claim_ids: Collection[str]) -> list[Claim]:
        return queries.claims_where(self.connection, claims.c.id.in_(list(claim_ids)))

    def articles(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """The articles in `article_ids`, by id (with their near-duplicate cluster)."""
        return queries.stored_articles(self.connection, article_ids)

    def links_touching(self, claim_ids: Collection[str]) -> list[ClaimLink]:
        """Stored links with either end in `claim_ids`."""
        return queries.stored_links(self.connection, _touching(claim_ids))

    def replace_links(self, claim_ids: Collection[str], found: Sequence[ClaimLink]) -> None:
        """Drop every stored link touching `claim_ids`, then store `found`."""
        self.connection.execute(claim_links.delete().where(_touching(claim_ids)))
        if found:
            self.connection.execute(
                claim_links.insert(),
                [
                    {"a": k.a, "b": k.b, "relation": k.relation, "evidence": k.evidence}
                    for k in found
                ],
            )

    def replace_assessments(self, judged: Collection[Assessment]) -> None:
        """Store these judgments in place of the claims' earlier ones."""
        ids = [assessment.claim_id for assessment in judged]
        self.connection.execute(
            claim_assessments.delete().where(claim_assessments.c.claim_id.in_(ids))
        )
        if judged:
            self.connection.execute(
                claim_assessments.insert(),
                [
                    {
                        "claim_id": a.claim_id,
                        "reliability": a.reliability,
                        "credibility": a.credibility,
                        "status": a.status,
                        "reason": a.reason,
                    }
                    for a in judged
                ],
            )


def _touching(ids: Collection[str]) -> sa.ColumnElement[bool]:
    return sa.or_(claim_links.c.a.in_(list(ids)), claim_links.c.b.in_(list(ids)))


def relink(engine: Engine, article_ids: Sequence[str], work: Callable[[Relinking], None]) -> None:
    """Run `work` on the articles' cross-article data and mark them linked, in one transaction;
    tried again while a database server comes back (the work must be idempotent)."""
    if article_ids:
        reliably(engine, lambda: _relink(engine, article_ids, work))


def _relink(engine: Engine, article_ids: Sequence[str], work: Callable[[Relinking], None]) -> None:
    # On PostgreSQL one linker at a time, so two never miss each other's new claims.
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LINK_LOCK})")
        work(Relinking(connection))
        connection.execute(
            articles.update()
            .where(articles.c.id.in_(list(article_ids)))
            .values(linked_at=dt.datetime.now(dt.UTC))
        )
