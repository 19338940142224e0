"""The stage order, in one place: raw article → clean `Article` → `ArticleResult`.

Everything here is a pure function of one article (no I/O), so a batch on a cluster, a rerun
after a crash and a unit test all compute the same thing. Work across articles (claim links,
judgments, atomic events) is `fogwatch.ingestion`'s.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from fogwatch import structure
from fogwatch.claims import attribution, propositions
from fogwatch.errors import InputError
from fogwatch.events import coder
from fogwatch.geo import geoparse
from fogwatch.ingest import clean, dedup
from fogwatch.language import actors, coref, dates, nlp, quantities
from fogwatch.records import Article, ArticleResult, RawArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc


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


def analyse(article: Article, doc: Doc) -> ArticleResult:
    """Run every stage on one parsed article: document structure, language layer, geoparser,
    claims and event coder.

    Headings, bylines, datelines, teasers and captions frame a report without being one: no
    claim and no event is taken from them."""
    with nlp.tokens_kept(doc):
        return _analysed(article, doc)


def _analysed(article: Article, doc: Doc) -> ArticleResult:
    parts = structure.find(article.text)
    actor_mentions = actors.find(doc)
    coreferences = coref.resolve(doc, actor_mentions)
    found = ArticleResult(
        article=article,
        parts=parts,
        dates=tuple(dates.find(doc, article.published)),
        quantities=tuple(quantities.find(doc)),
        actors=tuple(actor_mentions),
        places=tuple(geoparse.find(doc, actor_mentions=actor_mentions)),
        coreferences=tuple(coreferences),
    )
    said = [
        found_claim
        for found_claim in attribution.claims_of(
            attribution.find(doc, actor_mentions, coreferences), doc
        )
        if all(
            structure.is_prose(parts, span)
            for span in (found_claim.cue, *found_claim.sources, *found_claim.contents)
        )
    ]
    found = dataclasses.replace(found, claims=tuple(propositions.claims(doc, found, said)))
    return dataclasses.replace(
        found,
        events=tuple(
            event
            for event in coder.code(doc, found)
            if all(structure.is_prose(parts, span) for span in event.evidence)
        ),
    )


def process(articles: Sequence[Article]) -> Iterator[ArticleResult]:
    """Parse articles in batches and analyse each."""
    for article, doc in zip(articles, nlp.parse(a.text for a in articles), strict=True):
        yield analyse(article, doc)
