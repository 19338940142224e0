"""Writing articles: one transaction each, so a crash never leaves one half-stored."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from fogwatch.ingest.dedup import NEAR_DUPLICATE_JACCARD, Signature
from fogwatch.records import Article
from fogwatch.store.schema import article_bands, articles


class Outcome(enum.Enum):
    NEW = "new"
    DUPLICATE = "duplicate"
    NEAR_DUPLICATE = "near_duplicate"


def add_article(engine: Engine, article: Article) -> Outcome:
    """Store `article` unless its id is already stored; join it to a near-duplicate cluster."""
    signature = Signature.of(article.text)
    try:
        with engine.begin() as connection:
            if _exists(connection, article.id):
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
    except IntegrityError:
        # Another process stored the same article between our check and our insert.
        with engine.connect() as connection:
            if _exists(connection, article.id):
                return Outcome.DUPLICATE
        raise
    return Outcome.NEAR_DUPLICATE if cluster else Outcome.NEW


def _exists(connection: Connection, article_id: str) -> bool:
    query = sa.select(articles.c.id).where(articles.c.id == article_id)
    return connection.execute(query).first() is not None


def _near_duplicate_cluster(connection: Connection, signature: Signature) -> str | None:
    """The cluster of the earliest stored article similar enough to `signature`, if any."""
    bands = signature.band_keys()
    candidates = (
        sa.select(articles.c.id, articles.c.dup_cluster, articles.c.minhash, articles.c.ingested_at)
        .where(
            articles.c.id.in_(
                sa.select(article_bands.c.article_id).where(
                    sa.tuple_(article_bands.c.band, article_bands.c.key).in_(bands)
                )
            )
        )
        .order_by(articles.c.ingested_at, articles.c.id)
    )
    for row in connection.execute(candidates):
        if signature.jaccard(Signature.from_bytes(row.minhash)) >= NEAR_DUPLICATE_JACCARD:
            return str(row.dup_cluster)
    return None


def _article_row(article: Article, signature: Signature, cluster: str | None) -> dict[str, object]:
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
