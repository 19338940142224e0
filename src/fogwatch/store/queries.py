"""Reading the store: article listings, full-text search, single articles with their mentions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fogwatch.records import (
    Actor,
    ActorMention,
    Article,
    ArticleResult,
    Coreference,
    DateMention,
    OffsetRun,
    Place,
    PlaceMention,
    Quantity,
    Span,
)
from fogwatch.store.schema import (
    actor_mentions,
    actors,
    articles,
    coreferences,
    date_mentions,
    place_mentions,
    places,
    quantities,
)


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
    article = Article(
        id=full_id,
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
    known = {
        r.id: Actor(r.id, r.name, r.side, r.kind, r.inter)
        for r in connection.execute(
            sa.select(actors).where(
                actors.c.id.in_(
                    sa.select(actor_mentions.c.actor_id).where(
                        actor_mentions.c.article_id == full_id
                    )
                )
                | actors.c.id.in_(
                    sa.select(coreferences.c.actor_id).where(coreferences.c.article_id == full_id)
                )
            )
        )
    }

    known_places = {
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
        for r in connection.execute(
            sa.select(places).where(
                places.c.id.in_(
                    sa.select(place_mentions.c.place_id).where(
                        place_mentions.c.article_id == full_id
                    )
                )
            )
        )
    }

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
        coreferences=tuple(
            Coreference(
                Span(r.start, r.end),
                Span(r.antecedent_start, r.antecedent_end),
                known.get(r.actor_id) if r.actor_id else None,
            )
            for r in rows_of(coreferences)
        ),
    )


def count_articles(connection: Connection) -> int:
    return int(connection.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())


def list_places(
    connection: Connection,
    search: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> Rows:
    """Places mentioned in stored articles, most mentioned first, with mention and article counts."""
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
        query = query.where(places.c.name.ilike(f"%{search}%"))
    if country:
        query = query.where(places.c.country == country.upper())
    if limit:
        query = query.limit(limit)
    return Rows(row._asdict() for row in connection.execute(query))
