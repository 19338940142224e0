"""What `fogwatch watch` remembers about each source, kept in the store so it survives crashes.

A source row holds the validators of its last answer (ETag, Last-Modified), how far a growing
JSON Lines file has been read, when it was polled and is due again, how many polls in a row
failed and why, and which watcher holds its lease. Item rows say which of its items were
ingested already, by the source's own key and a hash of the content. The watcher marks an item
seen only after its article is stored and linked; the store's own dedup (an article's id is the
hash of its text) makes a second ingest of an item whose mark a crash lost a no-op.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from fogwatch.store.schema import watch_items, watch_sources
from fogwatch.store.writes import reliably


@dataclass(frozen=True)
class SeenItem:
    """One item of a source that was ingested: its key, content hash and what the store did
    with it (new, duplicate, near_duplicate, or failed when it was no article)."""

    key: str
    content_hash: str
    outcome: str


@dataclass(frozen=True)
class PollOutcome:
    """What one poll of a source changes in its row."""

    polled_at: dt.datetime
    next_poll: dt.datetime
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    position: int | None = None
    file_identity: str | None = None


class WatchState:
    """The watch tables of one store (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def register(self, source: str, kind: str) -> None:
        """Add a row for `source` unless it has one."""

        def work() -> None:
            with self.engine.begin() as connection:
                if not _row(connection, source):
                    connection.execute(watch_sources.insert().values(source=source, kind=kind))

        reliably(self.engine, work)

    def source(self, source: str) -> dict[str, Any] | None:
        """The row of one source, as a dict."""
        with self.engine.connect() as connection:
            return _row(connection, source)

    def sources(self) -> list[dict[str, Any]]:
        """Every watched source's row, in name order, with its count of seen items."""
        seen = (
            sa.select(sa.func.count())
            .where(watch_items.c.source == watch_sources.c.source)
            .scalar_subquery()
            .label("items")
        )
        query = sa.select(watch_sources, seen).order_by(watch_sources.c.source)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def take_lease(
        self, source: str, owner: str, until: dt.datetime, now: dt.datetime, stale: str | None
    ) -> bool:
        """Make `owner` the source's watcher until `until` when nobody else holds it: free, expired,
        ours, or held by `stale` (a watcher known to be dead). One UPDATE, so two watchers racing
        for a source cannot both win."""
        free = sa.or_(
            watch_sources.c.lease_owner.is_(None),
            watch_sources.c.lease_owner == owner,
            watch_sources.c.lease_until < now,
            *([watch_sources.c.lease_owner == stale] if stale else []),
        )
        query = (
            watch_sources.update()
            .where(watch_sources.c.source == source, free)
            .values(lease_owner=owner, lease_until=until)
        )

        def work() -> bool:
            with self.engine.begin() as connection:
                return connection.execute(query).rowcount == 1

        return reliably(self.engine, work)

    def release_lease(self, source: str, owner: str) -> None:
        """Give the source up, if `owner` holds it."""
        query = (
            watch_sources.update()
            .where(watch_sources.c.source == source, watch_sources.c.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )

        def work() -> None:
            with self.engine.begin() as connection:
                connection.execute(query)

        reliably(self.engine, work)

    def seen(self, source: str, keys: Iterable[str] | None = None) -> dict[str, str]:
        """Content hash by item key, for the source's seen items (all, or those among `keys`)."""
        query = sa.select(watch_items.c.item_key, watch_items.c.content_hash).where(
            watch_items.c.source == source
        )
        wanted = None if keys is None else sorted(set(keys))
        with self.engine.connect() as connection:
            if wanted is None:
                return {key: digest for key, digest in connection.execute(query)}
            found: dict[str, str] = {}
            for start in range(0, len(wanted), 500):  # bound the IN list
                chunk = wanted[start : start + 500]
                rows = connection.execute(query.where(watch_items.c.item_key.in_(chunk)))
                found.update((key, digest) for key, digest in rows)
            return found

    def mark_seen(
        self, source: str, items: Iterable[SeenItem], now: dt.datetime, position: Mapping[str, Any]
    ) -> None:
        """Record `items` as seen, and a JSONL source's new read `position`, in one transaction."""
        rows = [
            {
                "source": source,
                "item_key": item.key,
                "content_hash": item.content_hash,
                "outcome": item.outcome,
                "seen_at": now,
            }
            for item in items
        ]

        def work() -> None:
            with self.engine.begin() as connection:
                if rows:
                    keys = [row["item_key"] for row in rows]
                    connection.execute(
                        watch_items.delete().where(
                            watch_items.c.source == source, watch_items.c.item_key.in_(keys)
                        )
                    )
                    connection.execute(watch_items.insert(), rows)
                if position:
                    connection.execute(
                        watch_sources.update()
                        .where(watch_sources.c.source == source)
                        .values(**position)
                    )

        reliably(self.engine, work)

    def record_poll(self, source: str, outcome: PollOutcome) -> None:
        """Store when the source was polled and is due again; on failure count it and say why,
        on success reset the count and keep the answer's validators."""
        values: dict[str, Any] = {"last_poll": outcome.polled_at, "next_poll": outcome.next_poll}
        if outcome.error is not None:
            values |= {"errors": watch_sources.c.errors + 1, "last_error": outcome.error}
        else:
            values |= {"errors": 0, "etag": outcome.etag, "last_modified": outcome.last_modified}
        query = watch_sources.update().where(watch_sources.c.source == source).values(**values)

        def work() -> None:
            with self.engine.begin() as connection:
                connection.execute(query)

        reliably(self.engine, work)


def _row(connection: Connection, source: str) -> dict[str, Any] | None:
    found = connection.execute(
        sa.select(watch_sources).where(watch_sources.c.source == source)
    ).first()
    return dict(found._mapping) if found else None
