"""The store: where articles and everything extracted from them are kept (SQLite or PostgreSQL).

It stores and queries records and nothing else: the order of the work (read, clean, analyse,
store, link, judge) is `fogwatch.ingestion`'s, and no stage is imported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Self

from sqlalchemy.exc import OperationalError

from fogwatch import config
from fogwatch.errors import StoreError
from fogwatch.records import ArticleResult
from fogwatch.store import db, queries, relinking, writes
from fogwatch.store.relinking import Relinking
from fogwatch.store.writes import Fingerprint, Outcome

__all__ = ["Fingerprint", "Outcome", "Relinking", "Store"]


class Store:
    """A fogwatch store at a SQLAlchemy URL, migrated to the newest schema when opened."""

    def __init__(self, url: str | None = None) -> None:
        self.url = config.database_url(url)
        try:
            self.engine = db.create_engine(self.url)
            db.migrate(self.engine)
        except (OSError, OperationalError) as error:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            raise StoreError(db.redacted(self.url), reason) from error

    def add(self, result: ArticleResult, signature: Fingerprint) -> Outcome:
        """Store one analysed article in one transaction, unless its id is stored already."""
        return writes.add_result(self.engine, result, signature)

    def is_stored(self, article_id: str) -> bool:
        with self.engine.connect() as connection:
            return writes.stored(connection, article_id)

    def unlinked(self) -> list[str]:
        """Articles stored but not yet linked: left by a run that stopped between the two."""
        return writes.unlinked(self.engine)

    def relink(self, article_ids: Sequence[str], work: Callable[[Relinking], None]) -> None:
        """Run the cross-article `work` for these stored articles and mark them linked, in one
        transaction (tried again if a database server drops the connection)."""
        relinking.relink(self.engine, article_ids, work)

    def articles(
        self,
        search: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> queries.Rows:
        """Stored articles, newest first, optionally filtered by full-text search and dates."""
        with self.engine.connect() as connection:
            return queries.list_articles(connection, search, since, until, limit)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article by id (or a unique prefix of at least 4 characters)."""
        with self.engine.connect() as connection:
            return queries.get_article(connection, article_id)

    def events(
        self,
        place: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        event_type: str | None = None,
        side: str | None = None,
        modality: str | None = None,
        limit: int | None = None,
    ) -> queries.Rows:
        """Stored events newest first, as flat rows (actors, place and source joined in)."""
        with self.engine.connect() as connection:
            return queries.list_events(
                connection, place, since, until, event_type, side, modality, limit
            )

    def places(
        self,
        search: str | None = None,
        country: str | None = None,
        limit: int | None = None,
        place_ids: Sequence[str] = (),
    ) -> queries.Rows:
        """Places mentioned in stored articles, most mentioned first; `place_ids` are the
        places the search names in other spellings (`geo.gazetteer.search_ids`)."""
        with self.engine.connect() as connection:
            return queries.list_places(connection, search, country, limit, place_ids)

    def claims(
        self,
        contested: bool = False,
        status: str | None = None,
        place: str | None = None,
        source: str | None = None,
        side: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> queries.Rows:
        """Stored claims, newest first, with their source, cue, content, proposition and judgment.

        `contested` keeps claims whose status is contested or refuted; `source` matches the
        speaker's actor name or id or the outlet; `side` the speaker's side (RUS, UKR, …).
        """
        with self.engine.connect() as connection:
            return queries.list_claims(
                connection,
                contested=contested,
                status=status,
                place=place,
                source=source,
                side=side,
                since=since,
                until=until,
                article_id=article_id,
                limit=limit,
                offset=offset,
            )

    def links(self, claim_id: str | None = None, relation: str | None = None) -> queries.Rows:
        """Links between stored claims (confirms, contradicts, repeats) with their evidence."""
        with self.engine.connect() as connection:
            return queries.list_links(connection, claim_id, relation)

    def dossier(
        self, place: str, limit: int | None = queries.DOSSIER_LIMIT
    ) -> dict[str, Any] | None:
        """One place (id like "gn:704422" or a name): its newest events and claims (up to `limit`
        each; None for all), their totals, and the contradiction pairs among them."""
        with self.engine.connect() as connection:
            return queries.dossier(connection, place, limit)

    def article_result(self, article_id: str) -> ArticleResult | None:
        """One stored article with everything extracted from it (same records as `extract`)."""
        with self.engine.connect() as connection:
            return queries.get_article_result(connection, article_id)

    def count_articles(self) -> int:
        with self.engine.connect() as connection:
            return queries.count_articles(connection)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
