"""Reading the store: listings, full-text search, and stored rows rebuilt as records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fogwatch.records import (
    Actor,
    ActorMention,
    Article,
    ArticleResult,
    Assessment,
    Claim,
    ClaimLink,
    Coreference,
    DateMention,
    Event,
    Fatalities,
    OffsetRun,
    Place,
    PlaceMention,
    Proposition,
    Quantity,
    Span,
)
from fogwatch.store.schema import (
    actor_mentions,
    actors,
    articles,
    claim_assessments,
    claim_links,
    claims,
    coreferences,
    date_mentions,
    events,
    place_mentions,
    places,
    quantities,
)

_CHUNK = 500
"""Ids per IN (…) list: far below SQLite's and PostgreSQL's bound-parameter limits."""


class Rows(list[dict[str, Any]]):
    """Query results: a list of dicts, with a view as a pandas DataFrame."""

    def to_pandas(self) -> Any:
        import pandas as pd

        return pd.DataFrame(list(self))


def list_articles(
    connection: Connection,
    search: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> Rows:
    """Articles newest first, optionally matching `search` (full text) and a date range."""
    query = sa.select(
        articles.c.id,
        articles.c.published,
        articles.c.source,
        articles.c.title,
        articles.c.dup_cluster,
        articles.c.text,
    ).order_by(articles.c.published.desc(), articles.c.id)
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    if search and search.strip():
        query = query.where(_matches(connection, search))
    if limit:
        query = query.limit(limit)
    rows = Rows()
    for row in connection.execute(query):
        record = row._asdict()
        record["words"] = len(record.pop("text").split())
        rows.append(record)
    return rows


def _matches(connection: Connection, search: str) -> sa.TextClause:
    if connection.dialect.name == "postgresql":
        return sa.text("articles.search @@ websearch_to_tsquery('english', :q)").bindparams(
            q=search
        )
    # Each word quoted, so FTS5 operators in user input are matched as words, not obeyed.
    terms = " ".join('"' + word.replace('"', '""') + '"' for word in search.split())
    return sa.text(
        "articles.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q)"
    ).bindparams(q=terms)


def resolve_article_id(connection: Connection, article_id: str) -> str | None:
    """The full id for an id or a unique prefix of at least 4 characters."""
    if connection.execute(sa.select(articles.c.id).where(articles.c.id == article_id)).first():
        return article_id
    if not 4 <= len(article_id) < 16 or not article_id.isalnum():
        return None
    matches = connection.execute(
        sa.select(articles.c.id).where(articles.c.id.like(article_id + "%")).limit(2)
    ).all()
    return str(matches[0].id) if len(matches) == 1 else None


def get_article(connection: Connection, article_id: str) -> dict[str, Any] | None:
    """One article's row (clean text, raw text, offset map), by id or unique id prefix."""
    full_id = resolve_article_id(connection, article_id)
    if full_id is None:
        return None
    row = connection.execute(sa.select(articles).where(articles.c.id == full_id)).one()
    record = row._asdict()
    record.pop("minhash", None)
    return record


def get_article_result(connection: Connection, article_id: str) -> ArticleResult | None:
    """One article and every mention stored for it, as the records the pipeline produced."""
    row = get_article(connection, article_id)
    if row is None:
        return None
    full_id = row["id"]
    article = _article(row)
    known = _actors_by_id(
        connection,
        sa.select(actor_mentions.c.actor_id)
        .where(actor_mentions.c.article_id == full_id)
        .union(sa.select(coreferences.c.actor_id).where(coreferences.c.article_id == full_id)),
    )
    known_places = _places_by_id(
        connection,
        sa.select(place_mentions.c.place_id).where(place_mentions.c.article_id == full_id),
    )

    said, judged = stored_claims(connection, full_id)

    def rows_of(table: sa.Table) -> list[Any]:
        query = (
            sa.select(table)
            .where(table.c.article_id == full_id)
            .order_by(table.c.start, table.c.id)
        )
        return list(connection.execute(query))

    return ArticleResult(
        article=article,
        dates=tuple(
            DateMention(Span(r.start, r.end), r.value, r.precision, r.kind, r.first_day, r.last_day)
            for r in rows_of(date_mentions)
        ),
        quantities=tuple(
            Quantity(Span(r.start, r.end), r.low, r.best, r.high, r.unit, r.hedge)
            for r in rows_of(quantities)
        ),
        actors=tuple(
            ActorMention(Span(r.start, r.end), known[r.actor_id], r.role, r.person)
            for r in rows_of(actor_mentions)
        ),
        places=tuple(
            PlaceMention(
                Span(r.start, r.end),
                known_places[r.place_id] if r.place_id else None,
                r.geo_precision,
                r.score,
                r.role,
                r.reason,
            )
            for r in rows_of(place_mentions)
        ),
        events=tuple(stored_events(connection, events.c.article_id == full_id)),
        claims=said,
        links=tuple(
            stored_links(
                connection,
                claim_links.c.a.in_([c.id for c in said])
                | claim_links.c.b.in_([c.id for c in said]),
            )
        ),
        assessments=judged,
        coreferences=tuple(
            Coreference(
                Span(r.start, r.end),
                Span(r.antecedent_start, r.antecedent_end),
                known.get(r.actor_id) if r.actor_id else None,
            )
            for r in rows_of(coreferences)
        ),
    )


def stored_articles(connection: Connection, ids: Iterable[str]) -> dict[str, Article]:
    """The articles in `ids` rebuilt as records, by id."""
    wanted = sorted(set(ids))
    found: dict[str, Article] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = sa.select(articles).where(articles.c.id.in_(wanted[start : start + _CHUNK]))
        found.update((row.id, _article(row._asdict())) for row in connection.execute(query))
    return found


def _article(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
        text=row["text"],
        raw_text=row["raw_text"],
        raw_offsets=tuple(OffsetRun(*run) for run in row["raw_offsets"]),
        dup_cluster=row["dup_cluster"],
        origin=row["origin"],
        external_id=row["external_id"],
    )


def count_articles(
    connection: Connection,
    search: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """How many stored articles `list_articles` with the same filters lists in all."""
    query = sa.select(sa.func.count()).select_from(articles)
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    if search and search.strip():
        query = query.where(_matches(connection, search))
    return int(connection.execute(query).scalar_one())


def list_places(
    connection: Connection,
    search: str | None = None,
    country: str | None = None,
    limit: int | None = None,
    place_ids: Sequence[str] = (),
) -> Rows:
    """Places mentioned in stored articles, most mentioned first, with mention and article counts.

    `search` keeps names containing it; `place_ids` (the gazetteer's reading of the search in
    other spellings, found by the caller) keeps those places too."""
    mentions = sa.func.count(place_mentions.c.id).label("mentions")
    query = (
        sa.select(
            places.c.id,
            places.c.name,
            places.c.feature,
            places.c.country,
            places.c.admin1,
            places.c.lat,
            places.c.lon,
            mentions,
            sa.func.count(sa.distinct(place_mentions.c.article_id)).label("articles"),
        )
        .join(place_mentions, place_mentions.c.place_id == places.c.id)
        .group_by(places.c.id)
        .order_by(mentions.desc(), places.c.name)
    )
    if search:
        named = places.c.name.ilike(f"%{search}%")
        query = query.where(sa.or_(named, places.c.id.in_(place_ids)) if place_ids else named)
    if country:
        query = query.where(places.c.country == country.upper())
    if limit:
        query = query.limit(limit)
    return Rows(row._asdict() for row in connection.execute(query))


@dataclass(frozen=True)
class EventFilter:
    """What `list_events` and `count_events` keep; every field left `None` keeps everything.

    `place` is a store place id or a name pattern (SQL ILIKE); `event_type` an event or sub-event
    type, any case; `side` either actor's side; `bbox` (west, south, east, north) the place's
    point, a west > east box crossing the antimeridian; `actor` an actor id (any case) or part of
    an actor's name; `max_credibility` events carried by a claim rated this credible or better;
    `search` words in the event's article (full-text); `within` a place id, the place's events and
    those of every place inside it when it is a region (`places_within`).
    """

    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    side: str | None = None
    modality: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    actor: str | None = None
    max_credibility: int | None = None
    search: str | None = None
    within: str | None = None

    def conditions(self, connection: Connection) -> list[sa.ColumnElement[bool]]:
        """The filter as conditions on `events` alone (lookups are subqueries, so no join needed)."""
        found: list[sa.ColumnElement[bool]] = []
        if self.place:
            found.append(events.c.place_id.in_(_place_ids(self.place)))
        if self.since:
            found.append(events.c.date >= self.since)
        if self.until:
            found.append(events.c.date <= self.until)
        if self.event_type:
            # several types joined by commas ("Battles,Protests"): no ACLED type has a comma
            wanted = [kind.strip().lower() for kind in self.event_type.split(",") if kind.strip()]
            found.append(
                sa.func.lower(events.c.sub_type).in_(wanted)
                | sa.func.lower(events.c.event_type).in_(wanted)
            )
        if self.side:
            # A test per event, not an index lookup: half the events are on one side, and
            # reading them all to sort them loses to walking the date index until a page is full.
            found.append(
                sa.exists().where(
                    actors.c.id.in_((events.c.actor1_id, events.c.actor2_id)),
                    actors.c.side == self.side.upper(),
                )
            )
        if self.modality:
            found.append(events.c.modality == self.modality)
        if self.bbox:
            found.append(events.c.place_id.in_(_place_ids_in(self.bbox)))
        if self.actor:
            named = actor_ids_matching(connection, self.actor)
            found.append(events.c.actor1_id.in_(named) | events.c.actor2_id.in_(named))
        if self.max_credibility is not None:
            rated = sa.select(claim_assessments.c.claim_id).where(
                claim_assessments.c.credibility.between(1, self.max_credibility)
            )
            found.append(events.c.claim_id.in_(rated))
        if self.search:
            matching = sa.select(articles.c.id).where(_matches(connection, self.search))
            found.append(events.c.article_id.in_(matching))
        if self.within:
            found.append(events.c.place_id.in_(places_within(self.within)))
        return found


def _place_ids(place: str) -> sa.Select[Any]:
    """Store ids of the places named like `place` (ILIKE) or with that id."""
    return sa.select(places.c.id).where(places.c.name.ilike(place) | (places.c.id == place))


def _place_ids_in(bbox: tuple[float, float, float, float]) -> sa.Select[Any]:
    west, south, east, north = bbox
    inside_lon = (
        places.c.lon.between(west, east)
        if west <= east
        else (places.c.lon >= west) | (places.c.lon <= east)
    )
    return sa.select(places.c.id).where(inside_lon & places.c.lat.between(south, north))


def places_within(place_id: str) -> sa.Select[Any]:
    """Ids of the place `place_id` and, when it is a region (admin1 or admin2), of every stored
    place inside it: the same country and admin1 code, or the same admin2 code."""
    region = places.alias("region")
    member = places.alias("member")
    inside = sa.or_(
        member.c.id == region.c.id,
        (region.c.feature == "admin1")
        & (member.c.country == region.c.country)
        & (member.c.admin1 == region.c.admin1),
        (region.c.feature == "admin2") & (member.c.admin2 == region.c.admin2),
    )
    return sa.select(member.c.id).where(region.c.id == place_id, inside)


def actor_ids_matching(connection: Connection, wanted: str) -> list[str]:
    """Ids of actors whose id is `wanted` (any case) or whose name contains it (casefolded).

    Matched here rather than in SQL, whose lower() folds only ASCII on SQLite; the actor
    table is the registry's size, small.
    """
    folded = wanted.casefold()
    return [
        row.id
        for row in connection.execute(sa.select(actors.c.id, actors.c.name))
        if row.id.casefold() == folded or folded in (row.name or "").casefold()
    ]


def list_events(
    connection: Connection,
    place: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    event_type: str | None = None,
    side: str | None = None,
    modality: str | None = None,
    limit: int | None = None,
    *,
    where: EventFilter | None = None,
    offset: int = 0,
    text: bool = True,
) -> Rows:
    """Stored events newest first, one flat row each (actors, place and source joined in).

    `where` replaces the single filters; `text=False` leaves out `article_text` (the whole
    article, the widest column by far: ask for it only to cut notes from it).
    """
    wanted = where or EventFilter(place, since, until, event_type, side, modality)
    actor1 = actors.alias("actor1")
    actor2 = actors.alias("actor2")
    columns: list[Any] = [
        events.c.id,
        events.c.article_id,
        events.c.date,
        events.c.time_precision,
        events.c.disorder_type,
        events.c.event_type,
        events.c.sub_type,
        events.c.actor1_id,
        actor1.c.name.label("actor1"),
        actor1.c.side.label("side1"),
        actor1.c.inter.label("inter1"),
        events.c.actor2_id,
        actor2.c.name.label("actor2"),
        actor2.c.side.label("side2"),
        actor2.c.inter.label("inter2"),
        events.c.assoc,
        events.c.interaction,
        events.c.place_id,
        places.c.name.label("location"),
        places.c.country,
        places.c.admin1,
        places.c.admin2,
        places.c.lat,
        places.c.lon,
        events.c.geo_precision,
        events.c.fatalities_low,
        events.c.fatalities_best,
        events.c.fatalities_high,
        events.c.civilian_targeting,
        events.c.modality,
        events.c.claim_id,
        events.c.atomic_event_id,
        events.c.evidence,
        articles.c.source,
        articles.c.url,
        articles.c.published,
        articles.c.ingested_at,  # ACLED's `timestamp`: when the row was last stored
    ]
    if text:
        columns.append(articles.c.text.label("article_text"))
    order = (events.c.date.desc(), events.c.id)
    conditions = wanted.conditions(connection)
    if limit or offset:
        page = sa.select(events.c.id).where(*conditions).order_by(*order)
        conditions = [events.c.id.in_(_paged(page, limit, offset))]
    query = (
        sa.select(*columns)
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(places, places.c.id == events.c.place_id)
        .outerjoin(actor1, actor1.c.id == events.c.actor1_id)
        .outerjoin(actor2, actor2.c.id == events.c.actor2_id)
        .where(*conditions)
        .order_by(*order)
    )
    return _rows(connection.execute(query))


def _rows(result: sa.CursorResult[Any]) -> Rows:
    """Result rows as dicts, the column names looked up once (not once per row)."""
    names = list(result.keys())
    return Rows(dict(zip(names, row, strict=True)) for row in result)


def _paged(ids: sa.Select[Any], limit: int | None, offset: int) -> sa.Select[Any]:
    """One page of an ordered id query, to pick rows before joining their wide columns in:
    sorting then cutting whole rows would read (and cut text from) every match."""
    if limit:
        ids = ids.limit(limit)
    return ids.offset(offset) if offset else ids


def count_events(connection: Connection, where: EventFilter) -> int:
    """How many stored events `where` keeps."""
    query = sa.select(sa.func.count()).select_from(events).where(*where.conditions(connection))
    return int(connection.execute(query).scalar_one())


def article_texts(connection: Connection, ids: Iterable[str]) -> dict[str, str]:
    """The clean text of each article in `ids`, fetched in chunks (bound-parameter limits)."""
    wanted = sorted(set(ids))
    texts: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = sa.select(articles.c.id, articles.c.text).where(articles.c.id.in_(chunk))
        texts.update((row.id, row.text) for row in connection.execute(query))
    return texts


def with_article_text(connection: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Give each event row (from `list_events(text=False)`) its `article_text`, in place."""
    listed = list(rows)
    texts = article_texts(connection, (row["article_id"] for row in listed))
    for row in listed:
        row["article_text"] = texts[row["article_id"]]


def counts(connection: Connection) -> dict[str, Any]:
    """The store in numbers, counted by the database: articles, events, places, claims, links."""

    def tally(column: sa.ColumnElement[Any], table: sa.FromClause) -> dict[str, int]:
        query = sa.select(column, sa.func.count()).select_from(table).group_by(column)
        return dict(sorted((key, int(number)) for key, number in connection.execute(query)))

    def one(query: sa.Select[Any]) -> Any:
        return connection.execute(query).scalar_one()

    # One aggregate per query: each is answered from an index (min and max by seeking it)
    # where one query computing them all would read every event row.
    atomic = sa.select(events.c.atomic_event_id).where(events.c.atomic_event_id.is_not(None))
    event_count = int(one(sa.select(sa.func.count()).select_from(events)))
    atomic_count = int(one(sa.select(sa.func.count()).select_from(atomic.distinct().subquery())))
    claim_count = int(one(sa.select(sa.func.count()).select_from(claims)))
    by_status = tally(claim_assessments.c.status, claim_assessments)
    if (unjudged := claim_count - sum(by_status.values())) > 0:  # one assessment per claim at most
        by_status = dict(sorted({**by_status, "unjudged": unjudged}.items()))
    mentioned = (
        sa.select(sa.func.count())
        .select_from(places)
        .where(sa.exists().where(place_mentions.c.place_id == places.c.id))
    )
    return {
        "articles": count_articles(connection),
        "events": event_count,
        "atomic_events": atomic_count,
        "events_by_type": tally(events.c.event_type, events),
        "events_by_modality": tally(events.c.modality, events),
        "first_event": one(sa.select(sa.func.min(events.c.date))),
        "last_event": one(sa.select(sa.func.max(events.c.date))),
        "places": int(one(mentioned)),
        "claims": claim_count,
        "claims_by_status": by_status,
        "links_by_relation": tally(claim_links.c.relation, claim_links),
    }


def stored_events(connection: Connection, condition: sa.ColumnElement[bool]) -> list[Event]:
    """Stored events matching `condition`, rebuilt as records (actors and place included)."""
    rows = connection.execute(sa.select(events).where(condition).order_by(events.c.id)).all()
    known_actors = _actors_by_id(
        connection, {i for r in rows for i in (r.actor1_id, r.actor2_id, *r.assoc) if i}
    )
    known_places = _places_by_id(connection, {r.place_id for r in rows if r.place_id})
    return [
        Event(
            id=r.id,
            article_id=r.article_id,
            disorder_type=r.disorder_type,
            event_type=r.event_type,
            sub_type=r.sub_type,
            actor1=known_actors.get(r.actor1_id) if r.actor1_id else None,
            actor2=known_actors.get(r.actor2_id) if r.actor2_id else None,
            assoc=tuple(known_actors[i] for i in r.assoc),
            interaction=r.interaction,
            place=known_places.get(r.place_id) if r.place_id else None,
            geo_precision=r.geo_precision,
            date=r.date,
            time_precision=r.time_precision,
            fatalities=Fatalities(r.fatalities_low, r.fatalities_best, r.fatalities_high),
            civilian_targeting=r.civilian_targeting,
            modality=r.modality,
            claim_id=r.claim_id,
            evidence=tuple(Span(start, end) for start, end in r.evidence),
        )
        for r in rows
    ]


def _actors_by_id(connection: Connection, ids: Any) -> dict[str, Actor]:
    """Actor records for `ids` (a set or a subquery of ids)."""
    query = sa.select(actors).where(actors.c.id.in_(ids))
    return {r.id: Actor(r.id, r.name, r.side, r.kind, r.inter) for r in connection.execute(query)}


def _places_by_id(connection: Connection, ids: Any) -> dict[str, Place]:
    """Place records for `ids` (a set or a subquery of ids), keyed by store place id."""
    query = sa.select(places).where(places.c.id.in_(ids))
    return {
        r.id: Place(
            r.geonameid,
            r.name,
            r.feature,
            r.country,
            r.admin1,
            r.admin2,
            r.lat,
            r.lon,
            r.population,
        )
        for r in connection.execute(query)
    }


# ─── claims ────────────────────────────────────────────────────────────────────────────────────


def stored_links(connection: Connection, condition: sa.ColumnElement[bool]) -> list[ClaimLink]:
    """Stored claim links matching `condition`."""
    query = (
        sa.select(claim_links)
        .where(condition)
        .order_by(claim_links.c.relation, claim_links.c.a, claim_links.c.b)
    )
    return [ClaimLink(r.a, r.b, r.relation, r.evidence) for r in connection.execute(query)]


def stored_claims(
    connection: Connection, article_id: str
) -> tuple[tuple[Claim, ...], tuple[Assessment, ...]]:
    """One article's claims rebuilt as records, with their stored assessments."""
    rows = connection.execute(
        sa.select(claims, claim_assessments)
        .outerjoin(claim_assessments, claim_assessments.c.claim_id == claims.c.id)
        .where(claims.c.article_id == article_id)
        .order_by(claims.c.cue_start, claims.c.cue_end)
    ).all()
    judged = tuple(
        Assessment(r.id, r.reliability, r.credibility, r.status, r.reason)
        for r in rows
        if r.status is not None
    )
    return tuple(_claim_records(connection, rows)), judged


def claims_where(connection: Connection, condition: sa.ColumnElement[bool]) -> list[Claim]:
    """Stored claims matching `condition`, rebuilt as records, by id."""
    query = sa.select(claims).where(condition).order_by(claims.c.id)
    return _claim_records(connection, connection.execute(query).all())


def _claim_records(connection: Connection, rows: Sequence[Any]) -> list[Claim]:
    actor_ids = {r.source_actor_id for r in rows if r.source_actor_id}
    actor_ids |= {r.proposition["actor"] for r in rows if r.proposition and r.proposition["actor"]}
    known = _actors_by_id(connection, actor_ids)
    place_ids = {r.proposition["place"] for r in rows if r.proposition and r.proposition["place"]}
    known_places = _places_by_id(connection, place_ids)
    return [
        Claim(
            id=r.id,
            article_id=r.article_id,
            source=known.get(r.source_actor_id) if r.source_actor_id else None,
            source_span=Span(r.source_start, r.source_end) if r.source_start is not None else None,
            cue_span=Span(r.cue_start, r.cue_end),
            cue_lemma=r.cue_lemma,
            cue_class=r.cue_class,
            content_span=Span(r.content_start, r.content_end),
            stance=r.stance,
            direct=r.direct,
            proposition=_proposition(r.proposition, known, known_places),
        )
        for r in rows
    ]


def _proposition(
    stored: dict[str, Any] | None, known: dict[str, Actor], known_places: dict[str, Place]
) -> Proposition | None:
    """A proposition from its stored JSON (`writes.proposition_json`)."""
    if stored is None:
        return None
    q = stored["quantity"]
    return Proposition(
        predicate=stored["predicate"],
        place=known_places.get(stored["place"]) if stored["place"] else None,
        actor=known.get(stored["actor"]) if stored["actor"] else None,
        quantity=Quantity(Span(*q["span"]), q["low"], q["best"], q["high"], q["unit"], q["hedge"])
        if q
        else None,
        time=dt.date.fromisoformat(stored["time"]) if stored["time"] else None,
        polarity=stored["polarity"],
        modality=stored["modality"],
        object=stored["object"],
        keywords=tuple(stored["keywords"]),
        near=stored.get("near", False),
        blames=stored.get("blames"),
        answers=tuple(stored.get("answers", ())),
    )


def list_claims(
    connection: Connection,
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
) -> Rows:
    """Stored claims newest first, one flat row each: who, cue, content, proposition, judgment."""
    speaker = actors.alias("speaker")
    joined = (
        claims.join(articles, articles.c.id == claims.c.article_id)
        .outerjoin(speaker, speaker.c.id == claims.c.source_actor_id)
        .outerjoin(places, places.c.id == claims.c.place_id)
        .outerjoin(claim_assessments, claim_assessments.c.claim_id == claims.c.id)
    )
    order = (claims.c.day.desc(), claims.c.article_id, claims.c.cue_start, claims.c.id)
    conditions = _claim_conditions(
        speaker, contested, status, place, source, side, since, until, article_id
    )
    if limit or offset:
        # The page's ids from the claims and only the tables the filters read.
        narrow: sa.FromClause = claims
        if source:
            narrow = narrow.join(articles, articles.c.id == claims.c.article_id).outerjoin(
                speaker, speaker.c.id == claims.c.source_actor_id
            )
        page = sa.select(claims.c.id).select_from(narrow).where(*conditions).order_by(*order)
        conditions = [claims.c.id.in_(_paged(page, limit, offset))]
    query = (
        sa.select(
            claims.c.id,
            claims.c.article_id,
            articles.c.published,
            articles.c.source.label("publisher"),
            claims.c.day,
            sa.null().label("source"),  # cut from the article text below
            claims.c.source_actor_id,
            speaker.c.name.label("source_actor"),
            speaker.c.side,
            sa.null().label("cue"),  # cut from the article text below
            claims.c.cue_class,
            claims.c.stance,
            claims.c.direct,
            sa.null().label("content"),  # cut from the article text below
            claims.c.predicate,
            claims.c.proposition,
            claims.c.place_id,
            places.c.name.label("place_name"),
            claim_assessments.c.status,
            claim_assessments.c.reliability,
            claim_assessments.c.credibility,
            claim_assessments.c.reason,
            claims.c.source_start,
            claims.c.source_end,
            claims.c.cue_start,
            claims.c.cue_end,
            claims.c.content_start,
            claims.c.content_end,
        )
        .select_from(joined)
        .where(*conditions)
        .order_by(*order)
    )
    found = Rows()
    result = connection.execute(query)
    names = list(result.keys())
    # The quoted words are cut here, each article's text fetched once per chunk of rows:
    # cutting them in SQL reads the whole text again for every claim.
    while chunk := result.fetchmany(_CHUNK):
        texts = article_texts(connection, (row.article_id for row in chunk))
        found.extend(
            _claim_row(dict(zip(names, row, strict=True)), texts[row.article_id]) for row in chunk
        )
    return found


def count_claims(
    connection: Connection,
    contested: bool = False,
    status: str | None = None,
    place: str | None = None,
    source: str | None = None,
    side: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    article_id: str | None = None,
) -> int:
    """How many stored claims `list_claims` with the same filters lists in all its pages."""
    speaker = actors.alias("speaker")
    counted: sa.FromClause = claims
    if source:
        counted = claims.join(articles, articles.c.id == claims.c.article_id).outerjoin(
            speaker, speaker.c.id == claims.c.source_actor_id
        )
    conditions = _claim_conditions(
        speaker, contested, status, place, source, side, since, until, article_id
    )
    query = sa.select(sa.func.count()).select_from(counted).where(*conditions)
    return int(connection.execute(query).scalar_one())


def _claim_conditions(
    speaker: sa.FromClause,
    contested: bool,
    status: str | None,
    place: str | None,
    source: str | None,
    side: str | None,
    since: dt.date | None,
    until: dt.date | None,
    article_id: str | None,
) -> list[sa.ColumnElement[bool]]:
    """The filters of `list_claims` and `count_claims` (`source` reads `speaker` and articles)."""
    conditions: list[sa.ColumnElement[bool]] = []
    # Status is tested claim by claim: walking the date index until a page is full beats
    # collecting every contested claim and sorting them.
    if contested:
        conditions.append(_judged(("contested", "refuted")))
    if status:
        conditions.append(_judged((status,)))
    if place:
        conditions.append(claims.c.place_id.in_(_place_ids(place)))
    if source:
        pattern = f"%{source}%"
        conditions.append(
            speaker.c.name.ilike(pattern)
            | (claims.c.source_actor_id == source)
            | articles.c.source.ilike(pattern)
        )
    if side:
        on_side = sa.select(actors.c.id).where(actors.c.side == side.upper())
        conditions.append(claims.c.source_actor_id.in_(on_side))
    if since:
        conditions.append(claims.c.day >= since)
    if until:
        conditions.append(claims.c.day <= until)
    if article_id:
        conditions.append(claims.c.article_id == article_id)
    return conditions


def _judged(statuses: tuple[str, ...]) -> sa.ColumnElement[bool]:
    """Whether the claim's assessment has one of `statuses`."""
    judged = claim_assessments.alias("judged")  # apart from the assessment the row shows
    return sa.exists().where(judged.c.claim_id == claims.c.id, judged.c.status.in_(statuses))


def _claim_row(row: dict[str, Any], text: str) -> dict[str, Any]:
    for part in ("source", "cue", "content"):
        start, end = row.pop(f"{part}_start"), row.pop(f"{part}_end")
        row[part] = text[start:end] if start is not None else None
        row[f"{part}_span"] = [start, end] if start is not None else None
    return row


def list_links(
    connection: Connection, claim_id: str | None = None, relation: str | None = None
) -> Rows:
    """Stored claim links: a, b, relation and the evidence in words."""
    query = sa.select(claim_links).order_by(
        claim_links.c.relation, claim_links.c.a, claim_links.c.b
    )
    if claim_id:
        query = query.where((claim_links.c.a == claim_id) | (claim_links.c.b == claim_id))
    if relation:
        query = query.where(claim_links.c.relation == relation)
    return Rows(row._asdict() for row in connection.execute(query))


def find_place(connection: Connection, place: str) -> dict[str, Any] | None:
    """A stored place by id ("gn:704422") or name, the most mentioned when names repeat."""
    query = sa.select(places).where((places.c.id == place) | places.c.name.ilike(place))
    mentions = (
        sa.select(sa.func.count()).where(place_mentions.c.place_id == places.c.id).scalar_subquery()
    )
    row = connection.execute(query.order_by(mentions.desc(), places.c.id).limit(1)).first()
    return row._asdict() if row is not None else None


DOSSIER_LIMIT = 1000
"""Events and claims a dossier shows by default, newest first; the totals are always counted."""


def dossier(
    connection: Connection, place: str, limit: int | None = DOSSIER_LIMIT
) -> dict[str, Any] | None:
    """One place: its newest events and claims (up to `limit` each, None for all), their totals,
    and each contradiction pair among the claims shown. A region's events include those of the
    places inside it (`places_within`)."""
    found = find_place(connection, place)
    if found is None:
        return None
    # a region's dossier rolls up the events of the places inside it (its settlements)
    inside = EventFilter(within=found["id"])
    place_events = list_events(connection, where=inside, text=False, limit=limit)
    place_claims = list_claims(connection, place=found["id"], limit=limit)
    totals = {
        "events": count_events(connection, inside),
        "claims": connection.execute(
            sa.select(sa.func.count()).select_from(claims).where(claims.c.place_id == found["id"])
        ).scalar_one(),
    }
    by_id = {row["id"]: row for row in place_claims}
    # Links from this place's claims, kept when the other end is about it too: testing both
    # ends in SQL lets SQLite try every pair of the place's claims.
    from_place = stored_links(
        connection,
        claim_links.c.a.in_(_place_claim_ids(found["id"]))
        & (claim_links.c.relation == "contradicts"),
    )
    clashes = [link for link in from_place if link.a in by_id and link.b in by_id]
    pairs = [{"a": by_id[k.a], "b": by_id[k.b], "evidence": k.evidence} for k in clashes]
    return {
        "place": found,
        "totals": totals,
        "events": place_events,
        "claims": place_claims,
        "contradictions": pairs,
    }


def _place_claim_ids(place_id: str) -> sa.Select[Any]:
    """The ids of the claims about one place, as a subquery (a list could outgrow SQL limits)."""
    return sa.select(claims.c.id).where(claims.c.place_id == place_id)


def search_actors(connection: Connection, text: str, limit: int = 10) -> Rows:
    """Actors whose id is `text` or whose name contains it (casefolded), with their event counts,
    most active first."""
    named = actor_ids_matching(connection, text)
    if not named:
        return Rows()
    acting = sa.func.count(events.c.id).label("events")
    query = (
        sa.select(actors.c.id, actors.c.name, actors.c.side, acting)
        .outerjoin(events, actors.c.id.in_((events.c.actor1_id, events.c.actor2_id)))
        .where(actors.c.id.in_(named))
        .group_by(actors.c.id, actors.c.name, actors.c.side)
        .order_by(acting.desc(), actors.c.name)
        .limit(limit)
    )
    return Rows(row._asdict() for row in connection.execute(query))


def search_sources(connection: Connection, text: str, limit: int = 10) -> Rows:
    """Outlets (the articles' `source`) whose name contains `text`, with their article counts."""
    count = sa.func.count(articles.c.id).label("articles")
    query = (
        sa.select(articles.c.source.label("name"), count)
        .where(articles.c.source.ilike(f"%{text}%"))
        .group_by(articles.c.source)
        .order_by(count.desc(), articles.c.source)
        .limit(limit)
    )
    return Rows(row._asdict() for row in connection.execute(query))


def count_text_matches(connection: Connection, text: str) -> dict[str, int]:
    """How many articles contain the words of `text` (full-text), and their events and claims."""
    matching = sa.select(articles.c.id).where(_matches(connection, text))
    counted = {
        "articles": sa.select(sa.func.count()).select_from(matching.subquery()),
        "events": sa.select(sa.func.count()).where(events.c.article_id.in_(matching)),
        "claims": sa.select(sa.func.count()).where(claims.c.article_id.in_(matching)),
    }
    return {name: int(connection.execute(query).scalar_one()) for name, query in counted.items()}
