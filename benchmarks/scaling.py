"""Dask scaling: wall time to analyse the same articles on 1 and on 2 local worker processes.

.venv/bin/python benchmarks/scaling.py ../shared/corpus/real-news-dev.jsonl [--limit N]

Cluster start-up and model loading are not timed: each cluster's workers are warmed first (the
`PipelineLoader` plugin loads the model, the gazetteer and every table). What is timed is the
analyse step of `fogwatch ingest --workers N` (`DaskAnalyser`), without the store writes, which
are the client's and the same either way. Prints one JSON line; the machine's load goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

from distributed import Client

from fogwatch import pipeline
from fogwatch.errors import InputError
from fogwatch.ingest import readers
from fogwatch.records import Article, ArticleResult, RawArticle
from fogwatch.scale import dask as scale


def peak_rss_mb() -> float:
    """Run on a worker: its process's peak resident set size in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_run(articles: list[Article], workers: int) -> tuple[float, float, list[ArticleResult]]:
    """Seconds to analyse `articles` on a warm local cluster of `workers` processes, the largest
    worker peak RSS in MB, and the results."""
    with scale.local_cluster(workers) as cluster, Client(cluster) as client:
        client.wait_for_workers(workers)
        analyse = scale.DaskAnalyser.on(client)
        cpu_before = sum(client.run(time.process_time).values())
        started = time.perf_counter()
        results = list(analyse(articles))
        seconds = time.perf_counter() - started
        cpu = sum(client.run(time.process_time).values()) - cpu_before
        peak = max(client.run(peak_rss_mb).values())
    # on a shared machine, CPU seconds per wall second show how much of the cores the workers got
    print(
        f"{workers} worker(s): {seconds:.1f} s wall, {cpu:.1f} CPU s in the workers "
        f"({cpu / seconds:.2f} cores busy)",
        file=sys.stderr,
    )
    return seconds, peak, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="corpus files or directories")
    parser.add_argument("--limit", type=int, default=None, help="at most this many articles")
    args = parser.parse_args()

    raws = [item for item in readers.read(args.paths) if isinstance(item, RawArticle)]
    articles: list[Article] = []
    for raw in raws[: args.limit] if args.limit else raws:
        try:
            articles.append(pipeline.prepare(raw))
        except InputError:
            continue
    if not articles:
        sys.exit(f"benchmarks/scaling.py: no articles read from {args.paths} — check the paths")
    print(f"load average before: {os.getloadavg()}", file=sys.stderr)
    one, peak_one, results_one = timed_run(articles, 1)
    two, peak_two, results_two = timed_run(articles, 2)
    print(f"load average after: {os.getloadavg()}", file=sys.stderr)
    if results_one != results_two:
        sys.exit("benchmarks/scaling.py: 1 and 2 workers gave different results — a bug")
    print(
        json.dumps(
            {
                "articles": len(articles),
                "words": sum(len(article.text.split()) for article in articles),
                "workers_1_s": round(one, 2),
                "workers_2_s": round(two, 2),
                "speedup": round(one / two, 2),
                "peak_rss_per_worker_mb": round(max(peak_one, peak_two)),
            }
        )
    )


if __name__ == "__main__":
    main()
