"""Language-layer speed: spaCy alone (the floor) vs the full language layer, same texts, same run.

Prints one JSON line. The ratio is (language layer words/s) / (spaCy words/s); 1.0 means the
layer's own stages cost nothing beyond the parse.

    .venv/bin/python benchmarks/language.py ../shared/corpus/real-news-dev.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time

from fogwatch import pipeline
from fogwatch.ingest import readers
from fogwatch.language import nlp
from fogwatch.records import RawArticle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="+", help="corpus: JSONL with 'text' and 'date', dated text, a directory"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    parser.add_argument(
        "--rounds", type=int, default=2, help="alternate the two timings this many times"
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
    list(nlp.parse(texts[:4]))  # warm up

    spacy_seconds = layer_seconds = 0.0
    for _ in range(args.rounds):  # alternate, so machine noise hits both alike
        started = time.perf_counter()
        for _doc in nlp.parse(texts):
            pass
        spacy_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for _result in pipeline.process(articles):
            pass
        layer_seconds += time.perf_counter() - started
    spacy_rate = words * args.rounds / spacy_seconds
    layer_rate = words * args.rounds / layer_seconds
    print(
        json.dumps(
            {
                "benchmark": "language",
                "articles": len(articles),
                "words": words,
                "rounds": args.rounds,
                "spacy_words_per_s": round(spacy_rate),
                "layer_words_per_s": round(layer_rate),
                "ratio": round(layer_rate / spacy_rate, 3),
                "spacy_articles_per_s": round(len(articles) * args.rounds / spacy_seconds, 2),
                "layer_articles_per_s": round(len(articles) * args.rounds / layer_seconds, 2),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
