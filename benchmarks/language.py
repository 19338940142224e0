"""Pipeline speed against the floor: spaCy alone vs the language layer, the geoparser, the event coder.

Each round parses the articles once (the spaCy time), then runs the language stages (dates,
quantities, actors, coreference), the geoparser and the event coder over the same parsed
documents, each stage timed apart. Prints one JSON line with:
  ratio_language = spaCy time / (spaCy + language stages)    (1.0: the stages cost nothing)
  geo_share      = geoparser time / (spaCy + language stages)  (what geoparsing adds)
  events_share   = event coder time / (spaCy + language stages)
  ratio_full     = spaCy time / whole pipeline time

    .venv/bin/python benchmarks/language.py ../shared/corpus/real-news-dev.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time

from fogwatch import pipeline
from fogwatch.events import coder
from fogwatch.geo import gazetteer, geoparse
from fogwatch.ingest import readers
from fogwatch.language import actors, coref, dates, nlp, quantities
from fogwatch.records import ArticleResult, RawArticle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="+", help="corpus: JSONL with 'text' and 'date', dated text, a directory"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    parser.add_argument(
        "--rounds", type=int, default=2, help="repeat the measurement this many times"
    )
    args = parser.parse_args()

    raws = [item for item in readers.read(args.paths) if isinstance(item, RawArticle)]
    raws = raws[: args.limit] if args.limit else raws
    if not raws:
        sys.exit(f"benchmarks/language.py: no articles read from {args.paths} — check the paths")
    articles = [pipeline.prepare(raw) for raw in raws]
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    nlp.load()
    places = gazetteer.load()
    for doc in nlp.parse(texts[:4]):  # warm up every stage once
        geoparse.find(doc, places)

    spacy_s = language_s = geo_s = events_s = 0.0
    for _ in range(args.rounds):
        started = time.perf_counter()
        docs = list(nlp.parse(texts))
        spacy_s += time.perf_counter() - started
        for article, doc in zip(articles, docs, strict=True):
            started = time.perf_counter()
            found_dates = dates.find(doc, article.published)
            found_quantities = quantities.find(doc)
            found_actors = actors.find(doc)
            found_coreferences = coref.resolve(doc, found_actors)
            language_s += time.perf_counter() - started
            started = time.perf_counter()
            found_places = geoparse.find(doc, places)
            geo_s += time.perf_counter() - started
            started = time.perf_counter()
            coder.code(
                doc,
                ArticleResult(
                    article=article,
                    dates=tuple(found_dates),
                    quantities=tuple(found_quantities),
                    actors=tuple(found_actors),
                    coreferences=tuple(found_coreferences),
                    places=tuple(found_places),
                ),
            )
            events_s += time.perf_counter() - started
        del docs
    rounds_words = words * args.rounds
    print(
        json.dumps(
            {
                "benchmark": "language",
                "articles": len(articles),
                "words": words,
                "rounds": args.rounds,
                "spacy_words_per_s": round(rounds_words / spacy_s),
                "language_words_per_s": round(rounds_words / (spacy_s + language_s)),
                "with_geo_words_per_s": round(rounds_words / (spacy_s + language_s + geo_s)),
                "ratio_language": round(spacy_s / (spacy_s + language_s), 3),
                "geo_share": round(geo_s / (spacy_s + language_s), 3),
                "events_share": round(events_s / (spacy_s + language_s), 3),
                "ratio_full": round(spacy_s / (spacy_s + language_s + geo_s + events_s), 3),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
