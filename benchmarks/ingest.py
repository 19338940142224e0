"""Ingest throughput: articles/s and words/s into a fresh store, and peak RSS. Prints one JSON line.

.venv/bin/python benchmarks/ingest.py ../shared/corpus/real-news-dev.jsonl [--limit N] [--db URL]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import fogwatch
from fogwatch.ingest import readers
from fogwatch.records import RawArticle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="corpus files or directories")
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    parser.add_argument("--db", default=None, help="store URL (default: a new SQLite file)")
    args = parser.parse_args()

    articles = [item for item in readers.read(args.paths) if isinstance(item, RawArticle)]
    articles = articles[: args.limit] if args.limit else articles
    if not articles:
        sys.exit(f"benchmarks/ingest.py: no articles read from {args.paths} — check the paths")
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for raw in articles:
                record = {"date": raw.published.isoformat(), "text": raw.text, "title": raw.title}
                out.write(json.dumps(record) + "\n")
        store = fogwatch.open(args.db or str(Path(scratch) / "bench.db"))
        started = time.perf_counter()
        summary = store.ingest([str(corpus)])
        seconds = time.perf_counter() - started
        store.close()
    words = sum(len(raw.text.split()) for raw in articles)
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "store": "postgresql" if args.db and args.db.startswith("postgresql") else "sqlite",
                "articles": len(articles),
                "words": words,
                "seconds": round(seconds, 3),
                "articles_per_s": round(len(articles) / seconds, 1),
                "words_per_s": round(words / seconds),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "summary": summary.as_dict(),
            }
        )
    )


if __name__ == "__main__":
    main()
