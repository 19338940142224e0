"""Time to first result: `fogwatch extract` on one short article as a fresh process, cold and warm.

cold = a fresh process and no gazetteer cache (an empty XDG_DATA_HOME: the gazetteer is compiled
       from its packages first); warm = a fresh process with the cache in place. Also the time of
       `import fogwatch` and of `fogwatch --version`, each in a fresh interpreter. The operating
       system's file cache is left alone (dropping it needs root and slows everyone on the box).
Medians over `--repeat` runs; prints one JSON line.

    .venv/bin/python benchmarks/startup.py ../shared/corpus/real-news-dev.jsonl --limit 50
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fogwatch.ingest import readers
from fogwatch.records import RawArticle

BIN = Path(sys.executable).parent
IMPORT_TIMER = (
    "import time; started = time.perf_counter(); import fogwatch; "
    "print(time.perf_counter() - started)"
)


def shortest_article(paths: list[str], limit: int | None) -> RawArticle:
    """The shortest of the first `limit` articles: the smallest honest "first result"."""
    raws = [item for item in readers.read(paths) if isinstance(item, RawArticle)]
    raws = raws[:limit] if limit else raws
    if not raws:
        sys.exit(f"benchmarks/startup.py: no articles read from {paths} — check the paths")
    return min(raws, key=lambda raw: len(raw.text))


def timed_run(command: list[str], data_home: Path) -> float:
    """Wall seconds of one fresh process, which must succeed."""
    environment = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    environment.pop("FOGWATCH_GAZETTEER", None)
    started = time.perf_counter()
    done = subprocess.run(command, env=environment, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"benchmarks/startup.py: {' '.join(command)} failed:\n{done.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="corpus: JSONL, dated text, a directory")
    parser.add_argument("--limit", type=int, default=None, help="choose among this many articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind (median shown)")
    args = parser.parse_args()

    raw = shortest_article(args.paths, args.limit)
    with tempfile.TemporaryDirectory() as scratch:
        article = Path(scratch) / "article.txt"
        article.write_text(f"date {raw.published.isoformat()} {raw.text}", encoding="utf-8")
        extract = [str(BIN / "fogwatch"), "extract", str(article), "--json"]
        warm_home = Path(scratch) / "warm"
        timed_run(extract, warm_home)  # builds the cache the warm runs use
        cold, warm, imports, version = [], [], [], []
        for run in range(args.repeat):  # interleaved, so load on the machine hits every kind
            cold.append(timed_run(extract, Path(scratch) / f"cold-{run}"))
            warm.append(timed_run(extract, warm_home))
            version.append(timed_run([str(BIN / "fogwatch"), "--version"], warm_home))
            done = subprocess.run(
                [sys.executable, "-c", IMPORT_TIMER], capture_output=True, text=True, check=True
            )
            imports.append(float(done.stdout))

    def median(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    print(
        json.dumps(
            {
                "benchmark": "startup",
                "article_words": len(raw.text.split()),
                "repeat": args.repeat,
                "cold_extract_s": median(cold),
                "warm_extract_s": median(warm),
                "import_fogwatch_s": median(imports),
                "version_s": median(version),
                "cold_runs_s": [round(s, 3) for s in cold],
                "warm_runs_s": [round(s, 3) for s in warm],
            }
        )
    )


if __name__ == "__main__":
    main()
