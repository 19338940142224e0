"""The change counter: every new event and every new contradiction, numbered in the order stored.

Triggers fill the `changes` table (migration 0007), so whatever wrote the rows — an ingest, a
watcher, the API, a Dask run — a reader asking "what is new since change n" gets every one once,
in order. `GET /live` streams them with the number as the Server-Sent Events id.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fogwatch.store.schema import changes, claim_links, claims, events, places


def latest(connection: Connection) -> int:
    """The number of the newest change, 0 when there is none."""
    return int(connection.execute(sa.select(sa.func.max(changes.c.seq))).scalar() or 0)


def since(connection: Connection, after: int, limit: int = 200) -> list[dict[str, Any]]:
    """Up to `limit` changes numbered above `after`, oldest first, each with what it is about:
    an event's type, date, place and article; a contradiction's two claims, its evidence and
    the place the first claim is about. A change whose row is gone (its article deleted) is
    kept as a bare `{"seq", "kind"}` so numbering stays gap-free for the reader."""
    found = connection.execute(
        sa.select(changes.c.seq, changes.c.kind, changes.c.ref)
        .where(changes.c.seq > after)
        .order_by(changes.c.seq)
        .limit(limit)
    ).all()
    event_ids = [ref for _seq, kind, ref in found if kind == "event"]
    pairs = [tuple(ref.split(" ", 1)) for _seq, kind, ref in found if kind == "contradiction"]
    about_events = _events(connection, event_ids)
    about_pairs = _contradictions(connection, pairs)
    shown: list[dict[str, Any]] = []
    for seq, kind, ref in found:
        detail = about_events.get(ref) if kind == "event" else about_pairs.get(ref)
        shown.append({"seq": seq, "kind": kind, **(detail or {})})
    return shown


def _events(connection: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    query = (
        sa.select(
            events.c.id,
            events.c.article_id,
            events.c.date,
            events.c.event_type,
            events.c.sub_type,
            events.c.actor1_id,
            events.c.actor2_id,
            events.c.place_id,
            places.c.name.label("location"),
            places.c.lat,
            places.c.lon,
            events.c.fatalities_best,
            events.c.modality,
        )
        .outerjoin(places, places.c.id == events.c.place_id)
        .where(events.c.id.in_(ids))
    )
    return {row.id: dict(row._mapping) for row in connection.execute(query)}


def _contradictions(
    connection: Connection, pairs: list[tuple[str, ...]]
) -> dict[str, dict[str, Any]]:
    if not pairs:
        return {}
    query = (
        sa.select(
            claim_links.c.a,
            claim_links.c.b,
            claim_links.c.evidence,
            claims.c.place_id,
            places.c.name.label("location"),
        )
        .join(claims, claims.c.id == claim_links.c.a)
        .outerjoin(places, places.c.id == claims.c.place_id)
        .where(
            claim_links.c.relation == "contradicts",
            sa.tuple_(claim_links.c.a, claim_links.c.b).in_(pairs),
        )
    )
    return {f"{row.a} {row.b}": dict(row._mapping) for row in connection.execute(query)}
