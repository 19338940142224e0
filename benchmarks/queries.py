"""Query latency on a large generated store: events, claims, links, a place's dossier, the API.

Builds a store with `--events` events (default 100,000) and `--claims` claims (200,000) in
`--articles` articles (15,000), written straight into the real schema with SQLAlchemy Core (the
store is opened with `fogwatch.open`, so the migrations run). Realistic shapes: 3,000 Ukrainian
and Russian places from the gazetteer with a Zipf-like skew (a few places carry much of the war),
each article about three of them; dates over two years, busier lately; actors from the registry,
sides RUS and UKR; ACLED sub-types and modalities; claim statuses, links and place mentions.
Article bodies are the corpus's texts (`--limit` of them, reused round-robin), so rows are as
wide as real ones. SQLite is measured as fogwatch leaves it (no ANALYZE); PostgreSQL after a
VACUUM ANALYZE, as autovacuum would leave it. Each query runs `--samples` times with varied
arguments (places drawn by popularity unless said otherwise); prints one JSON line with p50, p95
and max in milliseconds per query and the median number of rows returned.

    .venv/bin/python benchmarks/queries.py ../shared/corpus/real-news-dev.jsonl --limit 100
    .venv/bin/python benchmarks/queries.py ../shared/corpus/real-news-dev.jsonl --limit 100 \
        --postgres postgresql+psycopg://postgres@127.0.0.1:5432/bench   # an empty database
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

import fogwatch
from fogwatch.events import taxonomy
from fogwatch.geo import gazetteer
from fogwatch.ingest import readers
from fogwatch.language import actor_registry
from fogwatch.records import RawArticle
from fogwatch.store import schema

FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 731
CHUNK = 5_000
SUB_TYPE_WEIGHTS = {
    "Shelling/artillery/missile attack": 40,
    "Air/drone strike": 25,
    "Armed clash": 20,
    "Attack": 5,
    "Non-state actor overtakes territory": 3,
    "Government regains territory": 2,
    "Disrupted weapons use": 2,
    "Change to group/activity": 1,
    "Agreement": 1,
    "Arrests": 1,
}
MODALITIES = {"asserted": 80, "negated": 5, "hypothetical": 5, "future": 5, "historical": 5}
STATUSES = {"claimed": 70, "confirmed": 12, "contested": 14, "refuted": 4}
CUE_CLASSES = {"assert": 30, "claim": 35, "report": 15, "confirm": 5, "deny": 8, "observe": 7}
PREDICATES = ["captured", "encircled", "can_supply", "controls", "withdrew", "killed", None]
RELATIONS = {"repeats": 60, "confirms": 25, "contradicts": 15}


def _pick(rng: random.Random, weights: dict[str, int], k: int) -> list[str]:
    return rng.choices(list(weights), weights=list(weights.values()), k=k)


def _ident(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


class Generator:
    """The rows of a large store, from one seed: the same store on SQLite and on PostgreSQL."""

    def __init__(self, texts: list[str], articles: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.texts = texts
        self.article_count = articles
        self.places = self._places()
        self.actors = [
            a
            for a in actor_registry.load_registry().actors.values()
            if a.side in ("RUS", "UKR") and 1 <= a.inter <= 8  # ACLED's actor categories
        ]
        self.sides = {side: [a for a in self.actors if a.side == side] for side in ("RUS", "UKR")}
        # Zipf-like place popularity: the n-th most reported place weighs 1 / n**0.8
        self.place_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.places))]
        # the war gets more coverage lately: day weights rise over the two years
        self.day_weights = [1 + day / DAYS for day in range(DAYS)]
        self.article_places: dict[str, list[dict[str, Any]]] = {}

    def _places(self) -> list[dict[str, Any]]:
        """The most populous places of Ukraine (2,500) and Russia (500), as `places` rows."""
        places = gazetteer.load()
        rows = []
        for country, count in (("UA", 2500), ("RU", 500)):
            code = places.countries.index(country)
            indices = np.flatnonzero(places.country == code)
            ranked = indices[np.argsort(-places.population[indices], kind="stable")][:count]
            for index in ranked.tolist():
                place = places.place(index)
                rows.append(
                    {
                        "id": place.key,
                        "geonameid": place.geonameid,
                        "name": place.name,
                        "feature": place.feature,
                        "country": place.country,
                        "admin1": place.admin1,
                        "admin2": place.admin2,
                        "lat": place.lat,
                        "lon": place.lon,
                        "population": place.population,
                    }
                )
        self.rng.shuffle(rows)  # popularity should not follow population exactly
        return rows

    def place_in(self, article: dict[str, Any]) -> dict[str, Any]:
        """A place an article's event or claim is about: mostly one of the article's own three."""
        if self.rng.random() < 0.8:
            return self.rng.choice(self.article_places[article["id"]])
        return self.rng.choices(self.places, weights=self.place_weights)[0]

    def day(self) -> dt.date:
        return FIRST_DAY + dt.timedelta(
            days=self.rng.choices(range(DAYS), weights=self.day_weights)[0]
        )

    def articles(self) -> list[dict[str, Any]]:
        now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        rows = []
        for n in range(self.article_count):
            text = self.texts[n % len(self.texts)]
            article_id = _ident("article", n)[:16]
            self.article_places[article_id] = self.rng.choices(
                self.places, weights=self.place_weights, k=3
            )
            rows.append(
                {
                    "id": article_id,
                    "source": self.rng.choice(["Reuters", "AP", "Kyiv Independent", "TASS"]),
                    "url": f"https://example.org/{article_id}",
                    "title": f"Report {n}",
                    "published": self.day(),
                    "text": text,
                    "raw_text": text,
                    "raw_offsets": [[0, 0, len(text)]],
                    "dup_cluster": article_id,
                    "minhash": bytes(8),
                    "origin": "benchmark",
                    "external_id": None,
                    "ingested_at": now,
                    "linked_at": now,
                }
            )
        return rows

    def claims(
        self, articles: list[dict[str, Any]], count: int
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rng = self.rng
        owners = rng.choices(articles, k=count)
        places = [self.place_in(article) for article in owners]
        statuses = _pick(rng, STATUSES, count)
        cue_classes = _pick(rng, CUE_CLASSES, count)
        claims, judged = [], []
        for n, (article, place, status, cue_class) in enumerate(
            zip(owners, places, statuses, cue_classes, strict=True)
        ):
            length = len(article["text"])
            cue = rng.randrange(0, max(1, length - 400))
            speaker = rng.choice(self.sides[rng.choice(("RUS", "UKR"))])
            predicate = rng.choice(PREDICATES)
            day = article["published"] - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
            claim_id = _ident("claim", n)[:32]
            claims.append(
                {
                    "id": claim_id,
                    "article_id": article["id"],
                    "source_actor_id": speaker.id,
                    "source_start": max(0, cue - 30),
                    "source_end": cue - 1 if cue > 30 else cue,
                    "cue_start": cue,
                    "cue_end": cue + 4,
                    "cue_lemma": "say",
                    "cue_class": cue_class,
                    "content_start": cue + 5,
                    "content_end": min(length, cue + 5 + rng.randrange(40, 300)),
                    "stance": "for",
                    "direct": rng.random() < 0.3,
                    "proposition": {
                        "predicate": predicate,
                        "place": place["id"],
                        "actor": speaker.id,
                        "actor_side": speaker.side,
                        "quantity": None,
                        "time": None,
                        "polarity": True,
                        "modality": "asserted",
                        "object": None,
                        "keywords": ["benchmark"],
                    },
                    "place_id": place["id"],
                    "predicate": predicate,
                    "day": day,
                }
            )
            judged.append(
                {
                    "claim_id": claim_id,
                    "reliability": rng.choice("ABCDEF"),
                    "credibility": rng.randint(1, 6),
                    "status": status,
                    "reason": "generated",
                }
            )
        return claims, judged

    def links(self, claims: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        """Links between claims about the same place, most within days of each other."""
        by_place: dict[str, list[dict[str, Any]]] = {}
        for claim in claims:
            by_place.setdefault(claim["place_id"], []).append(claim)
        crowded = [group for group in by_place.values() if len(group) > 1]
        rows: dict[tuple[str, str, str], dict[str, Any]] = {}
        relations = _pick(self.rng, RELATIONS, count)
        for relation in relations:
            a, b = self.rng.sample(self.rng.choice(crowded), 2)
            key = (min(a["id"], b["id"]), max(a["id"], b["id"]), relation)
            rows[key] = {"a": key[0], "b": key[1], "relation": relation, "evidence": "generated"}
        return list(rows.values())

    def events(
        self, articles: list[dict[str, Any]], claims: list[dict[str, Any]], count: int
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rng = self.rng
        claims_by_article: dict[str, list[str]] = {}
        for claim in claims:
            claims_by_article.setdefault(claim["article_id"], []).append(claim["id"])
        owners = rng.choices(articles, k=count)
        places = [self.place_in(article) for article in owners]
        sub_types = _pick(rng, SUB_TYPE_WEIGHTS, count)
        modalities = _pick(rng, MODALITIES, count)
        atomic: dict[tuple[str, str, dt.date], str] = {}
        events = []
        for n, (article, place, sub_type, modality) in enumerate(
            zip(owners, places, sub_types, modalities, strict=True)
        ):
            kind = taxonomy.sub_event_type(sub_type)
            attacker = rng.choice(("RUS", "UKR"))
            actor1 = rng.choice(self.sides[attacker])
            actor2 = rng.choice(self.sides["UKR" if attacker == "RUS" else "RUS"])
            one_sided = kind.event_type == "Explosions/Remote violence" and rng.random() < 0.5
            day = article["published"] - dt.timedelta(days=rng.choice((0, 0, 1, 2, 3)))
            cell = (sub_type, place["id"], day)
            atomic.setdefault(cell, _ident("atomic", cell)[:32])
            start = rng.randrange(0, max(1, len(article["text"]) - 200))
            linked = claims_by_article.get(article["id"])
            fatalities = rng.choice((0, 0, 0, 1, 2, 5, 12))
            events.append(
                {
                    "id": _ident("event", n)[:32],
                    "article_id": article["id"],
                    "disorder_type": kind.disorder_type,
                    "event_type": kind.event_type,
                    "sub_type": sub_type,
                    "actor1_id": actor1.id,
                    "actor2_id": None if one_sided else actor2.id,
                    "assoc": [],
                    "interaction": taxonomy.interaction(
                        actor1.inter, None if one_sided else actor2.inter
                    ),
                    "place_id": place["id"],
                    "geo_precision": rng.choice((1, 1, 2, 3)),
                    "date": day,
                    "time_precision": rng.choice((1, 1, 1, 2)),
                    "fatalities_low": fatalities,
                    "fatalities_best": fatalities,
                    "fatalities_high": fatalities,
                    "civilian_targeting": sub_type == "Attack",
                    "modality": modality,
                    "claim_id": rng.choice(linked) if linked and rng.random() < 0.4 else None,
                    "evidence": [[start, start + 120]],
                    "atomic_event_id": atomic[cell],
                }
            )
        atomic_rows = [
            {"id": atomic_id, "sub_type": sub, "place_id": place, "date": day}
            for (sub, place, day), atomic_id in atomic.items()
        ]
        return events, atomic_rows


def fill(store: fogwatch.Store, generator: Generator, events: int, claims: int) -> dict[str, int]:
    """Write the generated rows; returns how many of each."""
    article_rows = generator.articles()
    claim_rows, judged = generator.claims(article_rows, claims)
    link_rows = generator.links(claim_rows, claims // 4)
    event_rows, atomic_rows = generator.events(article_rows, claim_rows, events)
    mention_rows = [
        {
            "article_id": row["article_id"],
            "start": 0,
            "end": 1,
            "place_id": row["place_id"],
            "geo_precision": 1,
            "score": 1.0,
            "role": "event",
            "reason": "generated",
        }
        for row in (*event_rows, *claim_rows)  # a place mention behind every event and claim
    ]
    actor_rows = [
        {"id": a.id, "name": a.name, "side": a.side, "kind": a.kind, "inter": a.inter}
        for a in generator.actors
    ]
    tables: list[tuple[sa.Table, list[dict[str, Any]]]] = [
        (schema.actors, actor_rows),
        (schema.places, generator.places),
        (schema.articles, article_rows),
        (schema.place_mentions, mention_rows),
        (schema.claims, claim_rows),
        (schema.claim_assessments, judged),
        (schema.claim_links, link_rows),
        (schema.atomic_events, atomic_rows),
        (schema.events, event_rows),
    ]
    with store.engine.begin() as connection:
        for table, rows in tables:
            for chunk in _chunks(rows):
                connection.execute(table.insert(), chunk)
    if store.engine.dialect.name == "postgresql":
        # what autovacuum does to a store this freshly written; fogwatch's SQLite stores are
        # never analysed, so SQLite is measured without planner statistics
        autocommit = store.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        with autocommit as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    return {table.name: len(rows) for table, rows in tables}


def measure(
    name: str, samples: int, query: Callable[[random.Random], int], seed: int
) -> dict[str, Any]:
    """Latency of `query` over `samples` calls (after two warm-up calls), in milliseconds."""
    rng = random.Random(seed)
    for _ in range(2):
        query(rng)
    times, sizes = [], []
    for _ in range(samples):
        started = time.perf_counter()
        sizes.append(query(rng))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "query": name,
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
        "max_ms": round(times[-1], 2),
        "rows": int(statistics.median(sizes)),
    }


def run_queries(store: fogwatch.Store, generator: Generator, samples: int) -> list[dict[str, Any]]:
    """Every measured query, each with its own seeded choice of arguments."""
    from fastapi.testclient import TestClient

    from fogwatch.api import create_app

    places = generator.places
    weights = generator.place_weights
    with store.engine.connect() as connection:
        claim_ids = [
            row.a for row in connection.execute(sa.select(schema.claim_links.c.a).limit(5000))
        ]

    def popular(rng: random.Random) -> dict[str, Any]:
        return rng.choices(places, weights=weights)[0]

    def month(rng: random.Random) -> tuple[dt.date, dt.date]:
        since = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 30))
        return since, since + dt.timedelta(days=30)

    def events_by_place(rng: random.Random) -> int:
        return len(store.events(place=popular(rng)["name"], limit=100))

    def events_by_dates(rng: random.Random) -> int:
        since, until = month(rng)
        return len(store.events(since=since, until=until, limit=100))

    def events_by_side(rng: random.Random) -> int:
        return len(store.events(side=rng.choice(("RUS", "UKR")), limit=100))

    def events_by_all(rng: random.Random) -> int:
        since, until = month(rng)
        place = popular(rng)["name"]
        side = rng.choice(("RUS", "UKR"))
        return len(store.events(place=place, since=since, until=until, side=side, limit=100))

    client = TestClient(create_app(store=store))

    def api_events(rng: random.Random) -> int:
        centre = popular(rng)
        box = (centre["lon"] - 1, centre["lat"] - 1, centre["lon"] + 1, centre["lat"] + 1)
        since, _ = month(rng)
        response = client.get(
            "/events", params={"bbox": ",".join(f"{v:.4f}" for v in box), "since": str(since)}
        )
        response.raise_for_status()
        return len(response.json()["events"])

    def api_stats(_rng: random.Random) -> int:
        response = client.get("/stats")
        response.raise_for_status()
        return int(response.json()["events"])

    def contested(_rng: random.Random) -> int:
        return len(store.claims(contested=True, limit=100))

    def claims_by_place(rng: random.Random) -> int:
        return len(store.claims(place=popular(rng)["name"], limit=100))

    def links_of_claim(rng: random.Random) -> int:
        return len(store.links(claim_id=rng.choice(claim_ids)))

    def dossier_any(rng: random.Random) -> int:
        found = store.dossier(rng.choice(places)["id"])
        return len(found["events"]) if found else 0

    def dossier_popular(rng: random.Random) -> int:
        found = store.dossier(popular(rng)["id"])
        return len(found["events"]) if found else 0

    queries: list[tuple[str, Callable[[random.Random], int]]] = [
        ("events place (limit 100)", events_by_place),
        ("events 30-day range (limit 100)", events_by_dates),
        ("events side (limit 100)", events_by_side),
        ("events place+range+side (limit 100)", events_by_all),
        ("API /events?bbox=2x2deg&since= (page of 100)", api_events),
        ("API /stats", api_stats),
        ("claims contested (limit 100)", contested),
        ("claims place (limit 100)", claims_by_place),
        ("links claim_id", links_of_claim),
        ("dossier, any place", dossier_any),
        ("dossier, place by popularity", dossier_popular),
    ]
    return [measure(name, samples, query, seed) for seed, (name, query) in enumerate(queries)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="corpus whose texts become the article bodies")
    parser.add_argument("--limit", type=int, default=100, help="corpus articles to use as bodies")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--articles", type=int, default=15_000)
    parser.add_argument("--samples", type=int, default=50, help="timed calls per query")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--postgres", help="an empty PostgreSQL database URL (default: SQLite)")
    args = parser.parse_args()

    raws = [item for item in readers.read(args.paths) if isinstance(item, RawArticle)]
    texts = [raw.text for raw in raws[: args.limit]]
    if not texts:
        sys.exit(f"benchmarks/queries.py: no articles read from {args.paths} — check the paths")
    with tempfile.TemporaryDirectory() as scratch:
        url = args.postgres or f"sqlite:///{Path(scratch) / 'bench.db'}"
        started = time.perf_counter()
        store = fogwatch.open(url)
        generator = Generator(texts, args.articles, args.seed)
        counts = fill(store, generator, args.events, args.claims)
        fill_s = time.perf_counter() - started
        results = run_queries(store, generator, args.samples)
        store.close()
    print(
        json.dumps(
            {
                "benchmark": "queries",
                "store": "postgresql" if args.postgres else "sqlite",
                "rows": counts,
                "fill_s": round(fill_s, 1),
                "samples": args.samples,
                "queries": results,
            }
        )
    )


if __name__ == "__main__":
    main()
