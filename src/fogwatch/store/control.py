"""Reading what the control ledger needs: territorial claims and events, with their articles and
judgments, as records. The ledger itself is `claims.control`, called by the CLI and the API on
what this returns (the store imports no stage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fogwatch.records import Article, Assessment, Claim, Event
from fogwatch.store import queries
from fogwatch.store.schema import articles, claim_assessments, claims, events, places

_CHUNK = 500


@dataclass
class TerritorialRecords:
    """Territorial claims and events, the other claims carrying the events (`carriers`), their
    articles and the stored judgments of the claims."""

    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    carriers: list[Claim] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    assessments: dict[str, Assessment] = field(default_factory=dict)


def territorial_records(
    connection: Connection,
    predicates: Collection[str],
    sub_types: Collection[str],
    *,
    place: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    until: dt.date | None = None,
) -> TerritorialRecords:
    """Claims with one of `predicates` and asserted events of one of `sub_types`, about places
    named like `place` (ILIKE, or a store place id) or inside `bbox` (west, south, east, north),
    in articles published by `until`."""
    where_claims: list[sa.ColumnElement[bool]] = [claims.c.predicate.in_(list(predicates))]
    where_events: list[sa.ColumnElement[bool]] = [
        events.c.sub_type.in_(list(sub_types)),
        events.c.modality == "asserted",
    ]
    if place:
        named = sa.select(places.c.id).where(places.c.name.ilike(place) | (places.c.id == place))
        where_claims.append(claims.c.place_id.in_(named))
        where_events.append(events.c.place_id.in_(named))
    if bbox:
        inside = _inside(bbox)
        where_claims.append(claims.c.place_id.in_(inside))
        where_events.append(events.c.place_id.in_(inside))
    if until:
        published = sa.select(articles.c.id).where(articles.c.published <= until)
        where_claims.append(claims.c.article_id.in_(published))
        where_events.append(events.c.article_id.in_(published))
    found = TerritorialRecords(
        claims=queries.claims_where(connection, sa.and_(*where_claims)),
        events=queries.stored_events(connection, sa.and_(*where_events)),
    )
    known = {claim.id for claim in found.claims}
    carrying = sorted({e.claim_id for e in found.events if e.claim_id} - known)
    for start in range(0, len(carrying), _CHUNK):
        chunk = carrying[start : start + _CHUNK]
        found.carriers.extend(queries.claims_where(connection, claims.c.id.in_(chunk)))
    said = [*found.claims, *found.carriers]
    found.articles = queries.stored_articles(
        connection, {c.article_id for c in said} | {e.article_id for e in found.events}
    )
    found.assessments = _assessments(connection, [claim.id for claim in said])
    return found


def _inside(bbox: tuple[float, float, float, float]) -> sa.Select[Any]:
    west, south, east, north = bbox
    inside_lon = (
        places.c.lon.between(west, east)
        if west <= east
        else (places.c.lon >= west) | (places.c.lon <= east)
    )
    return sa.select(places.c.id).where(inside_lon & places.c.lat.between(south, north))


def _assessments(connection: Connection, claim_ids: list[str]) -> dict[str, Assessment]:
    found: dict[str, Assessment] = {}
    for start in range(0, len(claim_ids), _CHUNK):
        query = sa.select(claim_assessments).where(
            claim_assessments.c.claim_id.in_(claim_ids[start : start + _CHUNK])
        )
        found.update(
            (r.claim_id, Assessment(r.claim_id, r.reliability, r.credibility, r.status, r.reason))
            for r in connection.execute(query)
        )
    return found
