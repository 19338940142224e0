"""Ingest, in one place: read → clean → dedup → analyse → store → link → judge.

The CLI, `fogwatch.open(db).ingest`, the web API's `POST /articles` and `scale.dask` all come
through here. The stages (`pipeline` and below) never touch the store, and the store only
stores and queries records: this module hands each what the other produced.

- `ingest` reads and prepares articles, skips the ones stored already, has an `Analyser` run
  the pipeline on the rest (here, or on a Dask cluster), stores each result in its own
  transaction, and after every `INGEST_BATCH` new articles runs `link`.
- `link` is the cross-article work, in one transaction per batch: ACLED atomic events for the
  places and days the batch reports, links between its claims and every stored claim they may
  bear on, and the judgments of every claim those links touch.
- `extract` (`fogwatch.extraction`, which never loads the store) analyses articles without
  storing them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

import fogwatch.store
from fogwatch import pipeline
from fogwatch.claims import control, credibility, linking
from fogwatch.errors import InputError
from fogwatch.events import merge
from fogwatch.ingest import dedup, readers
from fogwatch.records import Article, ArticleResult, Claim, ClaimLink
from fogwatch.store import Outcome, Relinking
from fogwatch.store.control import territorial_records

INGEST_BATCH = 32
"""Articles parsed, then linked, together: spaCy is faster on batches, and a crash loses at most
this much work."""

Analyser = Callable[[Iterable[Article]], Iterator[ArticleResult]]
"""The "analyse" step of an ingest: a result for every article, in the articles' order.

It pulls articles as it needs them, so an analyser that runs elsewhere (`scale.dask`) can keep
several batches in flight while this process stores the results that are back.
"""


def analyse_locally(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """The default analyser: `pipeline.process` in this process, `INGEST_BATCH` articles at a time."""
    stream = iter(articles)
    while batch := list(itertools.islice(stream, INGEST_BATCH)):
        yield from pipeline.process(batch)


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        keys = ("read", "new", "duplicate", "near_duplicate", "failed")
        return {key: getattr(self, key) for key in keys}


def ingest(
    store: fogwatch.store.Store,
    paths: Iterable[str],
    published: dt.date | None = None,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    on_item: Callable[[str, Outcome | InputError], None] | None = None,
    analyse: Analyser = analyse_locally,
) -> IngestSummary:
    """Read, clean, analyse, store and link every article in `paths`; bad inputs are counted,
    not fatal. `analyse` runs the pipeline on the new articles (here by default; `scale.dask`
    runs it on a cluster); this process stays the store's only writer either way."""
    found = readers.read(paths, published=published, max_bytes=max_bytes, stdin=stdin)
    return ingest_read(store, found, on_item, analyse)


def ingest_read(
    store: fogwatch.store.Store,
    found: Iterable[readers.ReadResult],
    on_item: Callable[[str, Outcome | InputError], None] | None = None,
    analyse: Analyser = analyse_locally,
) -> IngestSummary:
    """`ingest` for articles already read (`watch` reads feeds and folders itself): clean,
    analyse, store and link each `RawArticle`; each `InputError` is counted."""
    summary = IngestSummary()

    def record(where: str, result: Outcome | InputError) -> None:
        if isinstance(result, InputError):
            summary.failed += 1
            summary.errors.append(result)
        else:
            setattr(summary, result.value, getattr(summary, result.value) + 1)
        if on_item:
            on_item(where, result)

    # A run that stopped between storing and linking left work to finish. Links do not
    # depend on how articles are grouped for linking, so finishing it first is safe.
    left = store.unlinked()
    for start in range(0, len(left), INGEST_BATCH):
        link(store, left[start : start + INGEST_BATCH])

    def new_articles() -> Iterator[Article]:
        queued: set[str] = set()
        for item in found:
            if isinstance(item, InputError):
                record(item.where, item)
                continue
            summary.read += 1
            try:
                article = pipeline.prepare(item)
            except InputError as error:
                record(error.where, error)
                continue
            summary.stored_ids.append(article.id)
            if article.id in queued or store.is_stored(article.id):
                record(item.origin, Outcome.DUPLICATE)  # known already: not parsed again
                continue
            queued.add(article.id)
            yield article

    to_link: list[str] = []
    for result in analyse(new_articles()):
        outcome = store.add(result, dedup.Signature.of(result.article.text))
        if outcome is not Outcome.DUPLICATE:
            to_link.append(result.article.id)
        record(result.article.origin or result.article.id, outcome)
        if len(to_link) >= INGEST_BATCH:
            link(store, to_link)
            to_link = []
    link(store, to_link)
    return summary


def link(store: fogwatch.store.Store, article_ids: Sequence[str]) -> None:
    """The cross-article work for newly stored articles, in one transaction: atomic events, then
    claim links and judgments; the articles are marked linked when both are done."""
    store.relink(article_ids, lambda batch: _relink(batch, article_ids))


def _relink(batch: Relinking, article_ids: Sequence[str]) -> None:
    batch.save_atomic_events(merge.atomic_events(batch.events_sharing_cells(article_ids)))
    fresh = batch.claims_of(article_ids)
    if not fresh:
        return
    stored = _StoredStatements(batch)
    stored.load(fresh)
    # The candidates are exactly the claims `linking.comparable` may pair with a fresh one:
    # the same article or near-duplicate cluster, or the same place within the window.
    window = dt.timedelta(days=linking.WINDOW_DAYS)
    days = [stored.day(claim) for claim in fresh]
    nearby = batch.claims_near(
        clusters={stored.article(claim).dup_cluster or claim.article_id for claim in fresh},
        places={place for claim in fresh if (place := _place(claim))},
        first=min(days) - window,
        last=max(days) + window,
    )
    candidates = {claim.id: claim for claim in (*nearby, *fresh)}
    fresh_ids = {claim.id for claim in fresh}
    found = linking.link(stored.statements(candidates.values()), fresh=fresh_ids)
    batch.replace_links(fresh_ids, found)
    _judge(batch, stored, fresh_ids | _ends(found))


def _judge(batch: Relinking, stored: _StoredStatements, claim_ids: set[str]) -> None:
    """Judge `claim_ids` and the claims linked to them again.

    A claim's status hangs on its own links and on whether the claims contradicting it are
    confirmed, so links are read two steps out from the claims judged.
    """
    targets = claim_ids | _ends(batch.links_touching(claim_ids))
    ring = targets | _ends(batch.links_touching(targets))
    judged = credibility.assess(
        stored.statements(batch.claims_by_id(ring)), batch.links_touching(ring)
    )
    batch.replace_assessments([judged[claim_id] for claim_id in sorted(targets & judged.keys())])


def _ends(links: Iterable[ClaimLink]) -> set[str]:
    return {claim_id for found in links for claim_id in (found.a, found.b)}


def _place(claim: Claim) -> str | None:
    place = claim.proposition.place if claim.proposition else None
    return place.key if place else None


class _StoredStatements:
    """Stored claims as `linking.Statement`s, each article read from the store once."""

    def __init__(self, batch: Relinking) -> None:
        self.batch = batch
        self.articles: dict[str, Article] = {}

    def load(self, claims: Iterable[Claim]) -> None:
        """Read the articles of `claims` that are not read yet."""
        missing = {claim.article_id for claim in claims} - self.articles.keys()
        if missing:
            self.articles.update(self.batch.articles(missing))

    def article(self, claim: Claim) -> Article:
        self.load([claim])
        return self.articles[claim.article_id]

    def day(self, claim: Claim) -> dt.date:
        """The day a claim is about: its proposition's, else its article's (the store's `day`)."""
        time = claim.proposition.time if claim.proposition else None
        return time or self.article(claim).published

    def statements(self, claims: Collection[Claim]) -> list[linking.Statement]:
        self.load(claims)
        return [linking.statement(claim, self.articles[claim.article_id]) for claim in claims]


class Store(fogwatch.store.Store):
    """The store `fogwatch.open` returns: `fogwatch.store.Store`'s queries, and `ingest`."""

    def ingest(
        self,
        paths: Iterable[str],
        published: dt.date | None = None,
        max_bytes: int | None = None,
        stdin: BinaryIO | None = None,
        on_item: Callable[[str, Outcome | InputError], None] | None = None,
        analyse: Analyser = analyse_locally,
    ) -> IngestSummary:
        """Read, clean, analyse, store and link every article in `paths` (see `ingest`)."""
        return ingest(self, paths, published, max_bytes, stdin, on_item, analyse)

    def control(
        self,
        *,
        place: str | None = None,
        on: dt.date | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[control.SettlementControl]:
        """Each settlement's controller on day `on` by whose word (`claims.control`), from the
        stored territorial claims and events about `place` (a name or place id) or in `bbox`."""
        rules = control.rules()
        with self.engine.connect() as connection:
            found = territorial_records(
                connection,
                rules.predicates,
                rules.territorial_sub_types,
                place=place,
                bbox=bbox,
                until=on,
            )
        entries = control.entries(
            found.claims, found.events, found.articles, found.assessments, found.carriers
        )
        return control.ledger(entries, on=on)
