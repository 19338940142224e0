"""One very long ISW-style report through `fogwatch.extract`, against spaCy alone on the same text.

Issue 13's bad input: a multi-megabyte daily assessment with section headings ("Objective: …"),
key-takeaway bullets and hundreds of footnote markers must go through without error, in time that
grows with its length, not its square, and without events from its headings. The report is
invented here (a few sentence templates over a list of real front-line place names, cycled), so
the benchmark needs no data beside the repository.

For each size it times `spacy`, the verified spaCy pipeline parsing the cleaned text with
fogwatch's batching (`nlp.parse`), and `extract`, the whole of `fogwatch.extract` (cleaning,
structure, every stage, the claim links and judgments) on the same report, in one process.

Prints one JSON line:
  sizes           = per size: characters, seconds for spaCy and extract, their ratio
                    (extract / spaCy), events, claims, links, and events whose evidence
                    touches a heading (`from_headings`, must be 0)
  growth          = the exponent k in time ∝ size^k of extract between the smallest and the
                    largest size (1.0: linear); spacy_growth the same for spaCy alone
  peak_rss_mb     = the process's peak resident memory

    .venv/bin/python benchmarks/long_report.py --sizes 200000 800000 3000000
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import resource
import time

from fogwatch import extraction, pipeline
from fogwatch.language import nlp
from fogwatch.records import RawArticle

PLACES = [
    "Izyum", "Kharkiv", "Bakhmut", "Avdiivka", "Marinka", "Vuhledar", "Siversk", "Lyman",
    "Kupiansk", "Robotyne", "Orikhiv", "Kherson", "Nova Kakhovka", "Zaporizhzhia", "Donetsk",
    "Horlivka", "Toretsk", "Pokrovsk", "Kreminna", "Svatove", "Chasiv Yar", "Huliaipole",
    "Velyka Novosilka", "Kostiantynivka", "Sloviansk", "Kramatorsk", "Mariupol", "Melitopol",
]  # fmt: skip
"""Front-line places the invented sentences cycle through (any gazetteer knows them)."""

TEMPLATES = [
    "Russian forces conducted unsuccessful ground assaults near {a} on {day}.{note}",
    "The Ukrainian General Staff reported that Russian artillery shelled {b} and {c}.{note}",
    "A Russian milblogger claimed that Russian forces advanced west of {a}.{note}",
    "Ukrainian officials said that a Russian missile strike on {b} killed {n} civilians.{note}",
    "Russian forces will likely continue offensive operations toward {c} in the coming days.",
    "Geolocated footage published on {day} shows Ukrainian forces striking a Russian position "
    "in {b}.{note}",
]


def report(size: int, published: dt.date) -> str:
    """An invented report of about `size` characters: a heading, bullets, sections, notes."""
    day = f"{published:%B} {published.day}"
    parts = [f"Russian Offensive Campaign Assessment, {day}", "", "Key Takeaways", ""]
    parts += [f"- Russian forces shelled {p} on {day}.[{n + 1}]" for n, p in enumerate(PLACES[:4])]
    parts.append("")
    section = note = 0
    length = sum(len(p) + 1 for p in parts)
    while length < size:
        heading = f"Objective: Capture {PLACES[section % len(PLACES)]} ({section})"
        sentences = []
        for k, template in enumerate(TEMPLATES):
            note += 1
            a, b, c = (PLACES[(section * 3 + k + j) % len(PLACES)] for j in range(3))
            sentences.append(
                template.format(a=a, b=b, c=c, day=day, n=k + 2, note=f"[{note % 900 + 1}]")
            )
        paragraph = " ".join(sentences)
        parts += [heading, "", paragraph, ""]
        length += len(heading) + len(paragraph) + 4
        section += 1
    parts += [f"[{k}] https://example.org/source/{k}" for k in range(1, 901)]
    return "\n".join(parts)


def measure(size: int) -> dict[str, float | int]:
    published = dt.date(2023, 6, 14)
    text = report(size, published)
    raw = RawArticle(origin=f"<report {size}>", text=text, published=published)
    cleaned = pipeline.prepare(raw).text
    started = time.perf_counter()
    collections.deque(nlp.parse([cleaned]), maxlen=0)
    spacy_s = time.perf_counter() - started
    started = time.perf_counter()
    (result,) = extraction.extract([raw])
    extract_s = time.perf_counter() - started
    headings = [p.span for p in result.parts if p.kind == "heading"]
    from_headings = sum(
        1
        for event in result.events
        for span in event.evidence
        if any(h.start < span.end and span.start < h.end for h in headings)
    )
    return {
        "chars": len(text),
        "spacy_s": round(spacy_s, 2),
        "extract_s": round(extract_s, 2),
        "ratio": round(extract_s / spacy_s, 2),
        "events": len(result.events),
        "claims": len(result.claims),
        "links": len(result.links),
        "from_headings": from_headings,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[200_000, 800_000], help="report sizes in chars"
    )
    args = parser.parse_args()
    rows = [measure(size) for size in sorted(args.sizes)]
    first, last = rows[0], rows[-1]
    scale = math.log(last["chars"] / first["chars"]) if len(rows) > 1 else 0.0

    def growth(key: str) -> float | None:
        return round(math.log(last[key] / first[key]) / scale, 2) if scale else None

    print(
        json.dumps(
            {
                "benchmark": "long_report",
                "sizes": rows,
                "growth": growth("extract_s"),
                "spacy_growth": growth("spacy_s"),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
