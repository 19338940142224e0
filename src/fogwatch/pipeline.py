"""The stage order: raw article → clean `Article`. Pure functions of their input, no I/O."""

from __future__ import annotations

from fogwatch.errors import InputError
from fogwatch.ingest import clean, dedup
from fogwatch.records import Article, RawArticle


def prepare(raw: RawArticle) -> Article:
    """Clean a raw article and give it its stable id; `dup_cluster` is left to the store."""
    text, runs = clean.clean(raw.text)
    if not text:
        raise InputError(raw.origin, "nothing left after removing page debris", "check the input")
    return Article(
        id=dedup.article_id(text),
        source=raw.source,
        url=raw.url,
        title=" ".join(raw.title.split()) if raw.title else None,
        published=raw.published,
        text=text,
        raw_text=raw.text,
        raw_offsets=runs,
        origin=raw.origin,
        external_id=raw.external_id,
    )
