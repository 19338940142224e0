"""The store: where articles and everything extracted from them are kept (SQLite or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sqlalchemy.exc import OperationalError

from fogwatch import config, pipeline
from fogwatch.errors import InputError, StoreError
from fogwatch.ingest import readers
from fogwatch.records import Article, ArticleResult
from fogwatch.store import db, queries
from fogwatch.store.writes import (
    Outcome,
    add_result,
    link_articles,
    stored,
    unlinked,
)

INGEST_BATCH = 32
"""Articles parsed together: spaCy is faster on batches, and a crash loses at most this much work."""

Analyser = Callable[[Iterable[Article]], Iterator[ArticleResult]]
"""The "analyse" step of an ingest: a result for every article, in the articles' order.

It pulls articles as it needs them, so an analyser that runs elsewhere (`scale.dask`) can keep
several batches in flight while the store writes the results that are back.
"""


def analyse_locally(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """The default analyser: `pipeline.process` in this process, `INGEST_BATCH` articles at a time."""
    stream = iter(articles)
    while batch := list(itertools.islice(stream, INGEST_BATCH)):
        yield from pipeline.process(batch)


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        keys = ("read", "new", "duplicate", "near_duplicate", "failed")
        return {key: getattr(self, key) for key in keys}


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

    def ingest(
        self,
        paths: Iterable[str],
        published: dt.date | None = None,
        max_bytes: int | None = None,
        stdin: BinaryIO | None = None,
        on_item: Callable[[str, Outcome | InputError], None] | None = None,
        analyse: Analyser = analyse_locally,
    ) -> IngestSummary:
        """Read, clean, analyse and store every article in `paths`; bad inputs are counted, not fatal.

        `analyse` runs the pipeline on the new articles (here by default; `scale.dask` runs it on
        a cluster); this process stays the only writer either way.
        """
        summary = IngestSummary()

        def record(where: str, result: Outcome | InputError) -> None:
            if isinstance(result, InputError):
                summary.failed += 1
                summary.errors.append(result)
            else:
                setattr(summary, result.value, getattr(summary, result.value) + 1)
            if on_item:
                on_item(where, result)

        # A run that stopped between storing and linking left work to finish. Links do not
        # depend on how articles are grouped for linking, so finishing it first is safe.
        left = unlinked(self.engine)
        for start in range(0, len(left), INGEST_BATCH):
            link_articles(self.engine, left[start : start + INGEST_BATCH])

        def new_articles() -> Iterator[Article]:
            queued: set[str] = set()
            for item in readers.read(paths, published=published, max_bytes=max_bytes, stdin=stdin):
                if isinstance(item, InputError):
                    record(item.where, item)
                    continue
                summary.read += 1
                try:
                    article = pipeline.prepare(item)
                except InputError as error:
                    record(error.where, error)
                    continue
                summary.stored_ids.append(article.id)
                if article.id in queued or self._is_stored(article.id):
                    record(item.origin, Outcome.DUPLICATE)  # known already: not parsed again
                    continue
                queued.add(article.id)
                yield article

        to_link: list[str] = []
        for result in analyse(new_articles()):
            outcome = add_result(self.engine, result)
            if outcome is not Outcome.DUPLICATE:
                to_link.append(result.article.id)
            record(result.article.origin or result.article.id, outcome)
            if len(to_link) >= INGEST_BATCH:
                # Cross-article work runs after each batch, on what the new articles touch.
                link_articles(self.engine, to_link)
                to_link = []
        link_articles(self.engine, to_link)
        return summary

    def _is_stored(self, article_id: str) -> bool:
        with self.engine.connect() as connection:
            return stored(connection, article_id)

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
        self, search: str | None = None, country: str | None = None, limit: int | None = None
    ) -> queries.Rows:
        """Places mentioned in stored articles, most mentioned first."""
        with self.engine.connect() as connection:
            return queries.list_places(connection, search, country, limit)

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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
