"""Draw contradictions at random from a store, both claims side by side, to read by hand.

    .venv/bin/fogwatch ingest --db real.db ../shared/corpus/real-news-dev.jsonl
    .venv/bin/python scripts/contested_sample.py sqlite:///real.db --n 30 --seed 20261206

Prints how many links of each relation the store holds, then each drawn pair: the link's evidence
and, per claim, the speaker's side, the speaker, the cue, the content, the article and the day.
"""

from __future__ import annotations

import argparse
import random

import fogwatch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="store URL, e.g. sqlite:///real.db")
    parser.add_argument("--n", type=int, default=30, help="how many contradictions to draw")
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()
    store = fogwatch.open(args.db)
    claims = {c["id"]: c for c in store.claims(limit=None)}
    counts = {r: len(list(store.links(relation=r))) for r in ("contradicts", "confirms", "repeats")}
    print(" ".join(f"{relation}: {n}" for relation, n in counts.items()))
    links = list(store.links(relation="contradicts"))
    for i, link in enumerate(random.Random(args.seed).sample(links, min(args.n, len(links))), 1):
        print(f"--- {i}. {link['evidence']}")
        for claim in (claims[link["a"]], claims[link["b"]]):
            speaker = claim["source"] or claim.get("source_actor")
            print(
                f"   [{claim['side']}] {speaker} | {claim['cue']} | {claim['content'][:260]!r}"
                f" | {claim['article_id'][:8]} {claim.get('day') or ''}"
            )


if __name__ == "__main__":
    main()
