"""The store: where articles and everything extracted from them are kept (SQLite or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sqlalchemy.exc import OperationalError

from fogwatch import config, pipeline
from fogwatch.errors import InputError, StoreError
from fogwatch.ingest import readers
from fogwatch.store import db, queries
from fogwatch.store.writes import Outcome, add_article


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
    ) -> IngestSummary:
        """Read, clean and store every article in `paths`; bad inputs are counted, not fatal."""
        summary = IngestSummary()
        for item in readers.read(paths, published=published, max_bytes=max_bytes, stdin=stdin):
            result: Outcome | InputError
            try:
                if isinstance(item, InputError):
                    raise item
                summary.read += 1
                article = pipeline.prepare(item)
                result = add_article(self.engine, article)
                summary.stored_ids.append(article.id)
            except InputError as error:
                result = error
                summary.failed += 1
                summary.errors.append(error)
            else:
                setattr(summary, result.value, getattr(summary, result.value) + 1)
            if on_item:
                on_item(item.origin if not isinstance(item, InputError) else item.where, result)
        return summary

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

    def count_articles(self) -> int:
        with self.engine.connect() as connection:
            return queries.count_articles(connection)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
