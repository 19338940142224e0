"""Extract without a store: every stage on each article, its own claims linked and judged among
themselves (`fogwatch extract`, `fogwatch.extract`).

Kept apart from `fogwatch.ingestion` so the path that never stores never imports the store
(SQLAlchemy, Alembic): a one-article `fogwatch extract` starts faster.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence

from fogwatch import pipeline
from fogwatch.claims import credibility, linking
from fogwatch.records import ArticleResult, RawArticle


def linked_alone(result: ArticleResult) -> ArticleResult:
    """`result` with the links among its own claims and their judgments on this article alone."""
    statements = [linking.statement(claim, result.article) for claim in result.claims]
    links = linking.link(statements)
    judged = credibility.assess(statements, links)
    return dataclasses.replace(
        result,
        links=tuple(links),
        assessments=tuple(judged[claim.id] for claim in result.claims),
    )


def extract(raws: Sequence[RawArticle]) -> Iterator[ArticleResult]:
    """Everything fogwatch finds in each article, linked and judged on its own, not stored.

    Every article is prepared first, so one with nothing left after cleaning raises its
    `InputError` here, before any is analysed."""
    articles = [pipeline.prepare(raw) for raw in raws]
    return map(linked_alone, pipeline.process(articles))


def extract_text(text: str, published: dt.date | str, source: str | None = None) -> ArticleResult:
    """Everything fogwatch finds in one article body (`fogwatch.extract`), not stored."""
    date = published if isinstance(published, dt.date) else dt.date.fromisoformat(published)
    (result,) = extract([RawArticle(origin="<text>", text=text, published=date, source=source)])
    return result
