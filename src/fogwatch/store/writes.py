"""Writing articles and their mentions: one transaction each, so a crash never leaves one half-stored."""

from __future__ import annotations

import datetime as dt
import enum
import time
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from fogwatch.errors import StoreError
from fogwatch.records import Actor, Article, ArticleResult, Claim, Event, Place, Proposition, Span
from fogwatch.store.schema import (
    actor_mentions,
    actors,
    article_bands,
    articles,
    claims,
    coreferences,
    date_mentions,
    events,
    place_mentions,
    places,
    quantities,
)

PLACE_FIELDS = (
    "geonameid",
    "name",
    "feature",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
)


class Outcome(enum.Enum):
    NEW = "new"
    DUPLICATE = "duplicate"
    NEAR_DUPLICATE = "near_duplicate"


class Fingerprint(Protocol):
    """What the store keeps of an article to find its near duplicates (`ingest.dedup.Signature`):
    opaque bytes, LSH band keys that shortlist candidates, and the test that decides."""

    def to_bytes(self) -> bytes: ...

    def band_keys(self) -> list[tuple[int, str]]: ...

    def near_duplicate_of(self, stored: bytes) -> bool: ...


RECONNECT_WAITS = (0.5, 1.0, 2.0, 4.0)
"""Seconds to wait before each new try when the database server dropped the connection."""
_Result = TypeVar("_Result")


def reliably(engine: Engine, work: Callable[[], _Result]) -> _Result:
    """Run `work` (idempotent: one or more whole transactions), trying again while the server
    comes back from a restart; a database failure becomes a one-line `StoreError`."""
    # On a server, an operational error is a lost connection, a refused one while the server
    # restarts, or a deadlock: transient. On SQLite it is a full disk or a broken file: not.
    transient = engine.dialect.name != "sqlite"
    for wait in (*RECONNECT_WAITS, None):
        try:
            return work()
        except OperationalError as error:
            if (transient or error.connection_invalidated) and wait is not None:
                time.sleep(wait)  # the transaction was rolled back; the pool reconnects
                continue
            raise _store_error(engine, error) from error
    raise AssertionError("unreachable")


def _store_error(engine: Engine, error: OperationalError) -> StoreError:
    reason = str(error.orig or error).strip().splitlines()[0]
    then = "then run the same ingest again (stored articles are kept)"
    if "full" in reason.lower():
        fix = f"free space where the store lives, {then}"
    elif engine.dialect.name == "sqlite":
        fix = f"check the store file and its folder, {then}"
    else:
        fix = f"check that the database server is up and reachable, {then}"
    return StoreError(engine.url.render_as_string(hide_password=True), reason, fix)


def add_result(engine: Engine, result: ArticleResult, signature: Fingerprint) -> Outcome:
    """Store an article and its mentions unless its id is stored; join the near-duplicate
    cluster of the earliest stored article `signature` says it copies.

    One transaction: a crash, a full disk or a lost server never leaves the article half-stored.
    """
    return reliably(engine, lambda: _add_result(engine, result, signature))


def _add_result(engine: Engine, result: ArticleResult, signature: Fingerprint) -> Outcome:
    article = result.article
    try:
        with engine.begin() as connection:
            if stored(connection, article.id):
                return Outcome.DUPLICATE
            cluster = _near_duplicate_cluster(connection, signature)
            connection.execute(articles.insert().values(_article_row(article, signature, cluster)))
            connection.execute(
                article_bands.insert(),
                [
                    {"band": band, "key": key, "article_id": article.id}
                    for band, key in signature.band_keys()
                ],
            )
            _insert_mentions(connection, result)
    except IntegrityError:
        # Another process stored the same article between our check and our insert.
        with engine.connect() as connection:
            if stored(connection, article.id):
                return Outcome.DUPLICATE
        raise
    return Outcome.NEAR_DUPLICATE if cluster else Outcome.NEW


def _insert_mentions(connection: Connection, result: ArticleResult) -> None:
    article_id = result.article.id
    propositions = [c.proposition for c in result.claims if c.proposition]
    known = {mention.actor for mention in result.actors}
    known |= {link.actor for link in result.coreferences if link.actor}
    known |= {c.source for c in result.claims if c.source}
    known |= {p.actor for p in propositions if p.actor}
    for event in result.events:
        known |= {a for a in (event.actor1, event.actor2, *event.assoc) if a}
    _ensure_actors(connection, known)
    _ensure_places(
        connection,
        {m.place for m in result.places if m.place}
        | {e.place for e in result.events if e.place}
        | {p.place for p in propositions if p.place},
    )
    rows: dict[sa.Table, list[dict[str, Any]]] = {
        place_mentions: [
            {
                **_span(m.span),
                "place_id": m.place.key if m.place else None,
                "geo_precision": m.geo_precision,
                "score": m.score,
                "role": m.role,
                "reason": m.reason,
            }
            for m in result.places
        ],
        date_mentions: [
            {
                **_span(m.span),
                "value": m.date,
                "precision": m.precision,
                "kind": m.kind,
                "first_day": m.start,
                "last_day": m.end,
            }
            for m in result.dates
        ],
        quantities: [
            {
                **_span(q.span),
                "low": q.low,
                "best": q.best,
                "high": q.high,
                "unit": q.unit,
                "hedge": q.hedge,
            }
            for q in result.quantities
        ],
        actor_mentions: [
            {**_span(m.span), "actor_id": m.actor.id, "role": m.role, "person": m.person}
            for m in result.actors
        ],
        coreferences: [
            {
                **_span(c.span),
                **_span(c.antecedent, "antecedent_"),
                "actor_id": c.actor.id if c.actor else None,
            }
            for c in result.coreferences
        ],
    }
    # claims before events: an event names the claim it came from
    rows[claims] = [_claim_row(claim, result.article) for claim in result.claims]
    rows[events] = [_event_row(event) for event in result.events]
    for table, table_rows in rows.items():
        if table_rows:
            connection.execute(
                table.insert(), [{"article_id": article_id, **row} for row in table_rows]
            )


def _span(span: Span, prefix: str = "") -> dict[str, int]:
    return {f"{prefix}start": span.start, f"{prefix}end": span.end}


def _insert_missing(connection: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows whose id is not stored yet; concurrent writers may race here, harmlessly."""
    if rows:
        insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        connection.execute(insert(table).on_conflict_do_nothing(index_elements=["id"]), rows)


def _ensure_actors(connection: Connection, known: set[Actor]) -> None:
    rows = [
        {"id": a.id, "name": a.name, "side": a.side, "kind": a.kind, "inter": a.inter}
        for a in sorted(known, key=lambda actor: actor.id)
    ]
    _insert_missing(connection, actors, rows)


def _ensure_places(connection: Connection, known: set[Place]) -> None:
    rows = sorted(
        ({"id": p.key, **{f: getattr(p, f) for f in PLACE_FIELDS}} for p in known),
        key=lambda row: str(row["id"]),
    )
    _insert_missing(connection, places, rows)


def stored(connection: Connection, article_id: str) -> bool:
    query = sa.select(articles.c.id).where(articles.c.id == article_id)
    return connection.execute(query).first() is not None


def _near_duplicate_cluster(connection: Connection, signature: Fingerprint) -> str | None:
    """The cluster of the earliest stored article similar enough to `signature`, if any."""
    # One equality pair per band, OR-ed: each is a lookup in the (band, key, article_id) primary
    # key. SQLite does not use that index for `(band, key) IN (VALUES …)` and scanned every
    # stored band row instead, so each new article cost more than the one before.
    shares_a_band = sa.or_(
        *(
            sa.and_(article_bands.c.band == band, article_bands.c.key == key)
            for band, key in signature.band_keys()
        )
    )
    candidates = (
        sa.select(articles.c.id, articles.c.dup_cluster, articles.c.minhash, articles.c.ingested_at)
        .where(articles.c.id.in_(sa.select(article_bands.c.article_id).where(shares_a_band)))
        .order_by(articles.c.ingested_at, articles.c.id)
    )
    for row in connection.execute(candidates):
        if signature.near_duplicate_of(row.minhash):
            return str(row.dup_cluster)
    return None


def _article_row(
    article: Article, signature: Fingerprint, cluster: str | None
) -> dict[str, object]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "text": article.text,
        "raw_text": article.raw_text,
        "raw_offsets": [
            [run.clean_start, run.raw_start, run.length] for run in article.raw_offsets
        ],
        "dup_cluster": cluster or article.id,
        "minhash": signature.to_bytes(),
        "origin": article.origin,
        "external_id": article.external_id,
        "ingested_at": dt.datetime.now(dt.UTC),
    }


def _claim_row(claim: Claim, article: Article) -> dict[str, Any]:
    proposition = claim.proposition
    place = proposition.place if proposition else None
    return {
        "id": claim.id,
        "source_actor_id": claim.source.id if claim.source else None,
        "source_start": claim.source_span.start if claim.source_span else None,
        "source_end": claim.source_span.end if claim.source_span else None,
        **_span(claim.cue_span, "cue_"),
        "cue_lemma": claim.cue_lemma,
        "cue_class": claim.cue_class,
        **_span(claim.content_span, "content_"),
        "stance": claim.stance,
        "direct": claim.direct,
        "proposition": proposition_json(proposition) if proposition else None,
        # columns to find claims by: place, predicate, and the day they are about
        "place_id": place.key if place else None,
        "predicate": proposition.predicate if proposition else None,
        "day": (proposition.time if proposition else None) or article.published,
    }


def proposition_json(proposition: Proposition) -> dict[str, Any]:
    """A proposition as stored: places and actors by id, the quantity with its span."""
    quantity = proposition.quantity
    return {
        "predicate": proposition.predicate,
        "place": proposition.place.key if proposition.place else None,
        "actor": proposition.actor.id if proposition.actor else None,
        "actor_side": proposition.actor.side if proposition.actor else None,
        "quantity": None
        if quantity is None
        else {
            "span": [quantity.span.start, quantity.span.end],
            "low": quantity.low,
            "best": quantity.best,
            "high": quantity.high,
            "unit": quantity.unit,
            "hedge": quantity.hedge,
        },
        "time": proposition.time.isoformat() if proposition.time else None,
        "polarity": proposition.polarity,
        "modality": proposition.modality,
        "object": proposition.object,
        "keywords": list(proposition.keywords),
        "near": proposition.near,
        "blames": proposition.blames,
        "answers": list(proposition.answers),
    }


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_type": event.sub_type,
        "actor1_id": event.actor1.id if event.actor1 else None,
        "actor2_id": event.actor2.id if event.actor2 else None,
        "assoc": [actor.id for actor in event.assoc],
        "interaction": event.interaction,
        "place_id": event.place.key if event.place else None,
        "geo_precision": event.geo_precision,
        "date": event.date,
        "time_precision": event.time_precision,
        "fatalities_low": event.fatalities.low,
        "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high,
        "civilian_targeting": event.civilian_targeting,
        "modality": event.modality,
        "claim_id": event.claim_id,
        "evidence": [[span.start, span.end] for span in event.evidence],
    }


def unlinked(engine: Engine) -> list[str]:
    """Articles stored but not yet linked: left by a run that stopped between the two steps."""
    query = sa.select(articles.c.id).where(articles.c.linked_at.is_(None)).order_by(articles.c.id)

    def read() -> list[str]:
        with engine.connect() as connection:
            return [row.id for row in connection.execute(query)]

    return reliably(engine, read)
