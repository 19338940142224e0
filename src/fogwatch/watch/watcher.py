"""The watch loop: poll each due source, ingest what is new, remember it, back off on failure.

Exactly once, across crashes: an item is marked seen (and a JSON Lines position or a feed's
validators kept) only after `ingestion.ingest_read` has stored and linked its article. A watcher
killed before that polls the item again on restart, and the store, which keys an article by the
hash of its text, stores it once. Two watchers on one store share the work by source: a watcher
polls a source only while it holds the source's lease (one atomic UPDATE on SQLite and
PostgreSQL alike); a lease ends when its holder stops, expires after `LEASE_SECONDS`, and is
taken over at once from a watcher on this machine whose process is gone.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fogwatch import ingestion
from fogwatch.errors import InputError
from fogwatch.store import Outcome, Store
from fogwatch.store.watch_state import PollOutcome, SeenItem, WatchState
from fogwatch.watch.sources import Item, Poll, Source, SourceError

LEASE_SECONDS = 300.0
"""How long a source stays with a watcher that stopped renewing it (a hung or lost machine)."""
MAX_BACKOFF = 3600.0
"""The longest wait after failures: a source down for a day is still tried every hour."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as an aware UTC datetime (SQLite hands them back naive)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def backoff(interval: float, errors: int) -> float:
    """Seconds to wait after `errors` failed polls in a row: the interval doubled per failure."""
    return min(MAX_BACKOFF, interval * 2.0 ** min(errors, 30))


@dataclass
class Round:
    """What one poll of one source did."""

    source: str
    items: int = 0
    summary: ingestion.IngestSummary | None = None
    error: str | None = None
    skipped: bool = False


class Watcher:
    """Polls `sources` into `store` every `interval` seconds (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        sources: Sequence[Source],
        interval: float,
        log: Callable[[str], None],
        analyse: ingestion.Analyser = ingestion.analyse_locally,
        on_item: Callable[[str, Outcome | InputError], None] | None = None,
        on_round: Callable[[Round], None] | None = None,
    ) -> None:
        self.store = store
        self.on_round = on_round
        self.state = WatchState(store.engine)
        self.sources = list(sources)
        self.interval = interval
        self.log = log
        self.analyse = analyse
        self.on_item = on_item
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{time.time_ns()}"
        _OWNERS_HERE.add(self.owner)
        for watched in self.sources:
            self.state.register(watched.name, watched.kind)

    def run(self, stop: Callable[[], bool] = lambda: False) -> None:
        """Poll due sources until `stop()` is true, sleeping until the next one is due."""
        try:
            while not stop():
                self.poll_due()
                self._sleep_until_due(stop)
        finally:
            self.close()

    def close(self) -> None:
        """Give up every source's lease, so another watcher may take it over at once."""
        for watched in self.sources:
            self.state.release_lease(watched.name, self.owner)

    def poll_due(self) -> list[Round]:
        """Poll every source that is due and whose lease this watcher gets."""
        rounds = [self.poll(watched) for watched in self.sources]
        if self.on_round:
            for done in rounds:
                if not done.skipped:
                    self.on_round(done)
        return rounds

    def poll(self, watched: Source) -> Round:
        """Poll one source if it is due: ingest its new items, then remember them."""
        row = self.state.source(watched.name) or {}
        now = _now()
        due = utc(row.get("next_poll"))
        if due is not None and due > now:
            return Round(watched.name, skipped=True)
        if not self._lease(watched.name, row, now):
            return Round(watched.name, skipped=True)
        try:
            found = watched.poll(row, lambda keys: self.state.seen(watched.name, keys), self.log)
        except SourceError as error:
            return self._failed(watched.name, row, now, str(error))
        summary = self._ingest(watched.name, found) if found.items else None
        self.state.record_poll(
            watched.name,
            PollOutcome(
                polled_at=now,
                next_poll=now + dt.timedelta(seconds=self.interval),
                etag=found.etag,
                last_modified=found.last_modified,
            ),
        )
        return Round(watched.name, items=len(found.items), summary=summary)

    def _lease(self, source: str, row: dict, now: dt.datetime) -> bool:
        until = now + dt.timedelta(seconds=max(LEASE_SECONDS, 3 * self.interval))
        holder = row.get("lease_owner")
        stale = holder if holder and holder != self.owner and _gone(holder) else None
        return self.state.take_lease(source, self.owner, until, now, stale)

    def _ingest(self, source: str, found: Poll) -> ingestion.IngestSummary:
        """Store and link the poll's articles, then mark its items seen, in that order."""
        outcomes: dict[str, str] = {}
        origins = {
            article.where if isinstance(article, InputError) else article.origin: item.key
            for item in found.items
            for article in item.found
        }

        def record(where: str, result: Outcome | InputError) -> None:
            key = origins.get(where)
            if key is not None:
                # an item of several articles (a JSONL file in a folder) is new if any is
                worst = "failed" if isinstance(result, InputError) else result.value
                outcomes[key] = _merged(outcomes.get(key), worst)
            if isinstance(result, InputError):
                self.log(f"fogwatch: {result}")
            if self.on_item:
                self.on_item(where, result)

        articles = [article for item in found.items for article in item.found]
        summary = ingestion.ingest_read(self.store, articles, record, self.analyse)
        seen = [_seen(item, outcomes) for item in found.items]
        self.state.mark_seen(source, seen, _now(), found.position)
        return summary

    def _failed(self, source: str, row: dict, now: dt.datetime, error: str) -> Round:
        errors = int(row.get("errors") or 0) + 1
        wait = backoff(self.interval, errors)
        self.log(
            f"fogwatch: {source}: {error} — backing off {wait:g} s (failure {errors} in a row)"
        )
        self.state.record_poll(
            source,
            PollOutcome(polled_at=now, next_poll=now + dt.timedelta(seconds=wait), error=error),
        )
        return Round(source, error=error)

    def _sleep_until_due(self, stop: Callable[[], bool]) -> None:
        rows = [self.state.source(watched.name) or {} for watched in self.sources]
        dues = [utc(row.get("next_poll")) for row in rows]
        soonest = min((due for due in dues if due is not None), default=None)
        wait = self.interval if soonest is None else (soonest - _now()).total_seconds()
        # a source leased by another watcher is looked at again every interval
        deadline = time.monotonic() + max(0.05, min(wait, self.interval))
        while not stop() and time.monotonic() < deadline:
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))


_OWNERS_HERE: set[str] = set()
"""The lease owners of the watchers created in this process."""
_RANK = {"failed": 0, "duplicate": 1, "near_duplicate": 2, "new": 3}


def _merged(earlier: str | None, outcome: str) -> str:
    return outcome if earlier is None or _RANK[outcome] > _RANK[earlier] else earlier


def _seen(item: Item, outcomes: dict[str, str]) -> SeenItem:
    return SeenItem(item.key, item.content_hash, outcomes.get(item.key, "failed"))


def _gone(owner: str) -> bool:
    """Whether the watcher `owner` ran on this machine and its process has ended."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():  # this process, or an earlier one that had its id
        return owner not in _OWNERS_HERE
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
