"""`fogwatch watch`: follow feeds, folders and growing JSON Lines files, ingesting what is new.

`sources` says what one poll of a feed, folder or JSONL file finds new (`fetch` does the polite
HTTP); `watcher` runs the loop, remembers seen items in the store and backs off failing
sources; `progress` is the progress display `ingest` and `watch` share. Every article goes
through `fogwatch.ingestion`, the one orchestrator; nothing here imports the store's writers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fogwatch.watch.sources import Feed, Folder, JsonLines, Source, source
from fogwatch.watch.watcher import Watcher, utc

__all__ = ["Feed", "Folder", "JsonLines", "Source", "Watcher", "source", "status"]


def status(row: dict[str, Any], now: dt.datetime | None = None) -> dict[str, Any]:
    """One source's state in words: `ok`, `never polled`, or `backing off until T` with the
    failure count and last error; times as ISO strings in UTC."""
    now = now or dt.datetime.now(dt.UTC)
    due = utc(row.get("next_poll"))
    last = utc(row.get("last_poll"))
    errors = int(row.get("errors") or 0)
    if last is None:
        state = "never polled"
    elif errors:
        state = f"backing off until {due:%Y-%m-%dT%H:%M:%SZ}" if due and due > now else "due"
    else:
        state = "ok"
    return {
        "source": row["source"],
        "kind": row["kind"],
        "state": state,
        "errors": errors,
        "last_poll": f"{last:%Y-%m-%dT%H:%M:%SZ}" if last else None,
        "next_poll": f"{due:%Y-%m-%dT%H:%M:%SZ}" if due else None,
        "items": row.get("items", 0),
        "last_error": row.get("last_error") if errors else None,
        "watcher": row.get("lease_owner"),
    }
