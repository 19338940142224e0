"""Time to first result: `fogwatch extract` on one short article in a fresh process.

Each kind of run is a fresh process; the kinds are interleaved `--repeat` times, so load on a
shared machine hits every kind alike, and medians are reported, as wall seconds and as CPU
seconds of the process (the CPU figure is the steadier one on a busy machine):

- python: `python -c pass`, the interpreter alone: the floor of any command;
- spacy: `import spacy` and `spacy.load` of the verified model folder the pipeline loads, as
  any spaCy user would (thinc imports torch when it is installed), nothing of fogwatch;
- spacy_without_torch: the same with torch hidden from thinc, as `fogwatch.language.nlp` loads it;
- warm: `fogwatch extract FILE --json` with the gazetteer cache in place;
- first: the first `extract` after `scripts/setup.sh`: a fresh data folder holding the compiled
  gazetteer cache as setup leaves it, with that cache, the spaCy model's files and fogwatch's
  data files dropped from the OS file cache (posix_fadvise, per file: needs no root and leaves
  everyone else's pages alone);
- cold (`--cold`): a fresh data folder with no cache, so the gazetteer is compiled first.

Ratios: warm and first over python, spacy and spacy_without_torch, from the medians of the
same run. An article of at most five sentences is a short report: the events classifier's
sentence encoder (torch, transformers) is loaded for it, and that load dominates its time.
`--many N` also times one `extract` process on N copies of the article (`extract FILE... --json`).
Prints one JSON line.

    .venv/bin/python benchmarks/startup.py                      # the shortest bundled seed article
    .venv/bin/python benchmarks/startup.py ../shared/corpus/real-news-dev.jsonl --limit 50
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

from fogwatch.geo import gazetteer
from fogwatch.ingest import readers
from fogwatch.language import nlp
from fogwatch.records import RawArticle

BIN = Path(sys.executable).parent
SAMPLE = Path(str(files("fogwatch.data").joinpath("sample")))


def shortest_article(paths: list[str], limit: int | None) -> RawArticle:
    """The shortest of the first `limit` articles: the smallest honest "first result"."""
    raws = [item for item in readers.read(paths) if isinstance(item, RawArticle)]
    raws = raws[:limit] if limit else raws
    if not raws:
        sys.exit(f"benchmarks/startup.py: no articles read from {paths} — check the paths")
    return min(raws, key=lambda raw: len(raw.text))


def timed_run(command: list[str], data_home: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process, which must succeed."""
    environment = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    environment.pop(gazetteer.CACHE_ENV, None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=environment, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"benchmarks/startup.py: {' '.join(command)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def forget(paths: list[Path]) -> None:
    """Drop these files' pages from the OS file cache, as after a reboot."""
    for path in paths:
        with path.open("rb") as stream:
            os.fsync(stream.fileno())  # a page still to be written cannot be dropped
            os.posix_fadvise(stream.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def first_run_files(cache: Path) -> list[Path]:
    """What the first `extract` reads that no other Python program has read before it."""
    model = [path for path in nlp.model_dir().rglob("*") if path.is_file()]
    data = [path for path in Path(str(files("fogwatch.data"))).rglob("*") if path.is_file()]
    return [cache, *model, *data]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", help="corpus: JSONL, dated text, a directory [the bundled seeds]"
    )
    parser.add_argument("--limit", type=int, default=None, help="choose among this many articles")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each kind (median shown)")
    parser.add_argument("--cold", action="store_true", help="also time runs with no cache (slow)")
    parser.add_argument("--many", type=int, default=0, help="also time one process on N copies")
    args = parser.parse_args()

    seeds = [str(path) for path in sorted(SAMPLE.glob("seed_*.txt"))]
    raw = shortest_article(args.paths or seeds, args.limit)
    model = str(nlp.model_dir())
    commands = {
        "python": [sys.executable, "-c", "pass"],
        "spacy": [sys.executable, "-c", f"import spacy; spacy.load({model!r})"],
        "spacy_without_torch": [
            sys.executable,
            "-c",
            f"import sys; sys.modules['torch'] = None; import spacy; spacy.load({model!r})",
        ],
    }
    runs: dict[str, list[tuple[float, float]]] = {
        kind: [] for kind in (*commands, "warm", "first", "cold", "many")
    }
    with tempfile.TemporaryDirectory() as scratch:
        article = Path(scratch) / "article.txt"
        article.write_text(f"date {raw.published.isoformat()} {raw.text}", encoding="utf-8")
        extract = [str(BIN / "fogwatch"), "extract", str(article), "--json"]
        warm_home = Path(scratch) / "warm"
        cache = warm_home / "fogwatch" / gazetteer.default_path().name
        cache.parent.mkdir(parents=True)
        if gazetteer.default_path().is_file():  # yours, if current, saves compiling it again
            shutil.copyfile(gazetteer.default_path(), cache)
        timed_run(extract, warm_home)  # builds the cache the warm and first runs use, if needed
        copies = []
        for index in range(args.many):
            copy = Path(scratch) / f"copy-{index}.txt"
            shutil.copyfile(article, copy)
            copies.append(str(copy))
        for run in range(args.repeat):
            for kind, command in commands.items():
                runs[kind].append(timed_run(command, warm_home))
            runs["warm"].append(timed_run(extract, warm_home))
            first_home = Path(scratch) / f"first-{run}"
            (first_home / "fogwatch").mkdir(parents=True)
            shutil.copyfile(cache, first_home / "fogwatch" / cache.name)
            forget(first_run_files(first_home / "fogwatch" / cache.name))
            runs["first"].append(timed_run(extract, first_home))
            if args.cold:
                runs["cold"].append(timed_run(extract, Path(scratch) / f"cold-{run}"))
            if copies:
                runs["many"].append(timed_run([*extract[:2], *copies, "--json"], warm_home))

    def median(kind: str, which: int) -> float | None:
        values = [run[which] for run in runs[kind]]
        return round(statistics.median(values), 3) if values else None

    def ratio(kind: str, over: str) -> float | None:
        top, bottom = median(kind, 0), median(over, 0)
        return round(top / bottom, 2) if top is not None and bottom else None

    report: dict[str, object] = {
        "benchmark": "startup",
        "article_words": len(raw.text.split()),
        "repeat": args.repeat,
        "bytecode_written": not os.environ.get("PYTHONDONTWRITEBYTECODE"),
    }
    for kind in runs:
        report[f"{kind}_s"] = median(kind, 0)
        report[f"{kind}_cpu_s"] = median(kind, 1)
    report.update(
        {
            "many_files": args.many,
            **{
                f"{kind}_over_{over}": ratio(kind, over)
                for kind in ("warm", "first")
                for over in commands
            },
            "warm_runs_s": [round(wall, 3) for wall, _ in runs["warm"]],
            "first_runs_s": [round(wall, 3) for wall, _ in runs["first"]],
        }
    )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
