"""Reading the store: article listings, full-text search and single articles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fogwatch.store.schema import articles

LISTING_COLUMNS = ("id", "published", "source", "title", "dup_cluster", "words")


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


def _matches(connection: Connection, search: str) -> sa.ColumnElement[bool]:
    if connection.dialect.name == "postgresql":
        return sa.text("articles.search @@ websearch_to_tsquery('english', :q)").bindparams(
            q=search
        )
    # Each word quoted, so FTS5 operators in user input are matched as words, not obeyed.
    terms = " ".join('"' + word.replace('"', '""') + '"' for word in search.split())
    return sa.text(
        "articles.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q)"
    ).bindparams(q=terms)


def get_article(connection: Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its clean text, raw text and offset map, by id or unique id prefix."""
    query = sa.select(articles).where(articles.c.id == article_id)
    row = connection.execute(query).first()
    if row is None and 4 <= len(article_id) < 16:
        prefix = article_id.replace("%", "").replace("_", "")
        matches = connection.execute(
            sa.select(articles).where(articles.c.id.like(prefix + "%")).limit(2)
        ).all()
        row = matches[0] if len(matches) == 1 else None
    if row is None:
        return None
    record = row._asdict()
    record.pop("minhash", None)
    return record


def count_articles(connection: Connection) -> int:
    return int(connection.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())
