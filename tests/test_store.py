from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

import fogwatch
from fogwatch import pipeline
from fogwatch.ingest.clean import OffsetMap
from fogwatch.ingest.dedup import Signature
from fogwatch.records import RawArticle, Span
from fogwatch.store.schema import metadata
from helpers import dated

WIRE = (
    "Russian forces struck an energy facility in the Kharkiv region overnight, the regional governor "
    "said on Tuesday, adding that two people were wounded and several houses were damaged. Ukraine's "
    "Air Force said it had shot down 31 of the 40 drones launched, most of them over the Kharkiv and "
    "Sumy regions, and that a missile had hit a warehouse on the city's outskirts. Repair crews were "
    "working to restore power to about 12,000 homes, officials said."
)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_ingest_is_idempotent_and_counts_every_outcome(store: fogwatch.Store, tmp_path: Path):
    edited = WIRE.replace("about 12,000 homes", "about 12,500 homes").replace(
        "on Tuesday", "on Tuesday morning"
    )
    batch = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {"date": "2025-11-11", "source": "Northern Wire", "text": WIRE},
            {"date": "2025-11-11", "source": "Steppe Post", "text": "  " + WIRE.upper() + "\n"},
            {"date": "2025-11-12", "source": "Black Sea Herald", "text": edited},
            {
                "date": "2025-11-12",
                "text": "Peaceful protesters gathered in Lviv to demand news of prisoners.",
            },
            {"date": "not a date", "text": "Lost."},
        ],
    )
    first = store.ingest([str(batch)])
    assert first.as_dict() == {
        "read": 4,
        "new": 2,
        "duplicate": 1,
        "near_duplicate": 1,
        "failed": 1,
    }
    again = store.ingest([str(batch)])
    assert again.as_dict() == {
        "read": 4,
        "new": 0,
        "duplicate": 4,
        "near_duplicate": 0,
        "failed": 1,
    }
    assert store.count_articles() == 3
    rows = {row["source"]: row for row in store.articles()}
    assert rows["Black Sea Herald"]["dup_cluster"] == rows["Northern Wire"]["id"]
    assert rows[None]["dup_cluster"] == rows[None]["id"]


def test_stored_article_keeps_clean_text_raw_text_and_offsets(
    store: fogwatch.Store, tmp_path: Path
):
    path = tmp_path / "a.txt"
    path.write_text(
        dated(
            "Shelling hit  Sumy ( Photo: AP ) overnight.\n\n5 View gallery Smoke over Sumy ( Photo: AP )\n\nDone."
        ),
        encoding="utf-8",
    )
    [article_id] = store.ingest([str(path)]).stored_ids
    article = store.article(article_id)
    assert article is not None
    assert article["text"] == "Shelling hit Sumy overnight.\n\nDone."
    assert article["published"] == dt.date(2025, 11, 12)
    offsets = OffsetMap([_run(run) for run in article["raw_offsets"]])
    assert offsets.span_to_raw(Span(13, 17)).of(article["raw_text"]) == "Sumy"
    assert store.article(article_id[:6])["id"] == article_id


def _run(values: list[int]):
    from fogwatch.records import OffsetRun

    return OffsetRun(*values)


def test_full_text_search_and_date_range(store: fogwatch.Store, tmp_path: Path):
    batch = write_jsonl(
        tmp_path / "b.jsonl",
        [
            {
                "date": "2025-10-01",
                "title": "Pokrovsk under fire",
                "text": "Troops advanced near Pokrovsk.",
            },
            {"date": "2025-10-05", "text": "Talks in Istanbul ended without agreement."},
            {"date": "2025-10-09", "text": "Drones struck Pokrovsk's outskirts; residents fled."},
        ],
    )
    store.ingest([str(batch)])
    assert [r["published"].day for r in store.articles(search="Pokrovsk")] == [9, 1]
    assert [r["published"].day for r in store.articles(search="istanbul talks")] == [5]
    assert [
        r["published"].day
        for r in store.articles(since=dt.date(2025, 10, 2), until=dt.date(2025, 10, 8))
    ] == [5]
    assert store.articles(search='"; DROP TABLE articles; --') == []
    # Query syntax in user input is treated as words (SQLite) or web-search syntax (PostgreSQL).
    assert {r["published"].day for r in store.articles(search="NEAR(pokrovsk OR")} <= {1, 9}
    assert store.count_articles() == 3


def test_migrated_schema_matches_the_code(store: fogwatch.Store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = [
            d
            for d in compare_metadata(context, metadata)
            if "articles_fts" not in str(d) and "search" not in str(d)
        ]
        assert context.get_current_revision() == "0007"
    assert differences == []


def test_opening_twice_migrates_once(store_url: str):
    fogwatch.open(store_url).close()
    with fogwatch.open(store_url) as store, store.engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    assert versions == [("0007",)]


def test_sqlite_pragmas(tmp_path: Path):
    with fogwatch.open(str(tmp_path / "p.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_run_stopped_before_linking_is_finished_by_the_next(store: fogwatch.Store, tmp_path):
    # Store two articles the way a crashed run leaves them: written, never linked.
    texts = [
        (
            "2025-11-03",
            "Russia's Defence Ministry said Monday that Ukrainian units in Pokrovsk were fully encircled.",
        ),
        (
            "2025-11-04",
            "Ukraine's General Staff said Tuesday that supplies were still reaching Pokrovsk.",
        ),
    ]
    raws = [
        RawArticle(f"crash-{n}", body, dt.date.fromisoformat(day))
        for n, (day, body) in enumerate(texts)
    ]
    for result in pipeline.process([pipeline.prepare(raw) for raw in raws]):
        store.add(result, Signature.of(result.article.text))
    assert store.links() == []
    assert len(store.unlinked()) == 2
    store.ingest([])
    assert [(link["relation"], link["evidence"]) for link in store.links()] == [
        ("contradicts", "encircled ↔ can_supply at Pokrovsk")
    ]
    assert store.unlinked() == []
    assert {row["status"] for row in store.claims()} == {"contested"}


def test_upgrading_merges_atomic_events_again_under_the_store_place_ids(
    store_url: str, tmp_path: Path
):
    batch = write_jsonl(tmp_path / "wire.jsonl", [{"date": "2025-11-11", "text": WIRE}])
    atomic = sa.text("SELECT id, place_id, date, sub_type FROM atomic_events ORDER BY id")
    with fogwatch.open(store_url) as store:
        store.ingest([str(batch)])
        with store.engine.connect() as connection:
            merged = connection.execute(atomic).all()
        # back to revision 0005, as a store written before atomic ids hashed "gn:" keys
        config = Config()
        config.set_main_option("script_location", "fogwatch.store:migrations")
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")
    assert merged and all(row.place_id.startswith("gn:") for row in merged)
    with fogwatch.open(store_url) as upgraded:
        assert len(upgraded.unlinked()) == 1
        with upgraded.engine.connect() as connection:
            assert connection.execute(atomic).all() == []
        upgraded.ingest([])
        with upgraded.engine.connect() as connection:
            assert connection.execute(atomic).all() == merged
        assert upgraded.unlinked() == []
