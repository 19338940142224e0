"""The pipeline end to end: extract, store, read back — same records, same bytes."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import fogwatch
from fogwatch.export import jsonl
from helpers import dated

ARTICLE = (
    "Ukraine's military said Wednesday that its forces had withdrawn from two villages near "
    "Huliaipole. Moscow claims the town is surrounded, while Kyiv insists supplies still get through. "
    "Russian troops gathered about 20,000 soldiers for the assault, which began in mid-2024.\n\n"
    "President Volodymyr Zelenskyy said at least 12 people were killed in the shelling late Tuesday. "
    "He said the army would hold its positions."
)


def test_extract_is_deterministic_and_finds_each_kind():
    first = fogwatch.extract(ARTICLE, published="2025-11-12")
    second = fogwatch.extract(ARTICLE, published="2025-11-12")
    assert first == second
    assert first.dates and first.quantities and first.actors and first.places
    assert jsonl.dumps(jsonl.article_json(first)) == jsonl.dumps(jsonl.article_json(second))
    for mention in (
        *first.dates,
        *first.quantities,
        *first.actors,
        *first.coreferences,
        *first.places,
    ):
        assert 0 <= mention.span.start < mention.span.end <= len(first.article.text)


def test_stored_mentions_read_back_as_the_same_records(store: fogwatch.Store, tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(dated(ARTICLE), encoding="utf-8")
    [article_id] = store.ingest([str(path)]).stored_ids
    stored = store.article_result(article_id)
    extracted = fogwatch.extract(ARTICLE, published="2025-11-12")
    assert stored is not None
    assert dataclasses.replace(
        stored.article, dup_cluster=None, origin=None
    ) == dataclasses.replace(extracted.article, origin=None)
    assert stored.dates == extracted.dates
    assert stored.quantities == extracted.quantities
    assert stored.actors == extracted.actors
    assert stored.coreferences == extracted.coreferences
    assert stored.places == extracted.places


def test_extract_cli_json_is_byte_identical_across_runs(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(dated(ARTICLE), encoding="utf-8")
    command = [sys.executable, "-m", "fogwatch", "extract", str(path), "--json"]
    runs = [subprocess.run(command, capture_output=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1] and b'"dates"' in runs[0]


def test_places_lists_what_stored_articles_mention(store: fogwatch.Store, tmp_path: Path):
    path = tmp_path / "b.txt"
    path.write_text(
        dated(
            "Russian troops shelled Pokrovsk in Donetsk province. Pokrovsk was hit again on Tuesday."
        ),
        encoding="utf-8",
    )
    store.ingest([str(path)])
    rows = {row["name"]: row for row in store.places()}
    assert rows["Pokrovsk"]["id"] == "gn:704422"
    assert (
        rows["Pokrovsk"]["mentions"],
        rows["Pokrovsk"]["articles"],
        rows["Pokrovsk"]["country"],
    ) == (2, 1, "UA")
    assert [row["name"] for row in store.places(search="pokrov")] == ["Pokrovsk"]
