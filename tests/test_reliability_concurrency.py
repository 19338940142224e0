"""Concurrency: several `fogwatch ingest` processes on overlapping inputs into one store at once.

Whatever the interleaving, the store must end as one uninterrupted run leaves it: every article
once, every derived row (mentions, claims, events, atomic events, links, judgments) once.

This test first found "repeats" links that depended on the order articles arrived (rare words
counted over whatever was stored); linking now compares only claims the store fetches as
candidates and counts rare words per article, so every link must match the reference.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import SAMPLE
from test_reliability_common import (
    SAMPLE_ARTICLES,
    counts,
    environment,
    fogwatch_command,
    integrity,
    orphans,
    reference_url,
    snapshot,
    stop,
    unlinked_count,
)

# Which input file an article came from, and which of two near duplicates came first, depend
# on the interleaving; nothing else may.
ORDER_DEPENDENT = ("articles.origin", "articles.dup_cluster")


def _overlapping_inputs(folder: Path) -> list[list[str]]:
    """Three runs' inputs: the whole sample, the wire in reverse with one dated file, and the
    first half of the wire with the two other dated files. Every article is in two of them."""
    wire = (SAMPLE / "wire.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    reversed_wire = folder / "wire-reversed.jsonl"
    reversed_wire.write_text("".join(reversed(wire)), encoding="utf-8")
    first_half = folder / "wire-first-half.jsonl"
    first_half.write_text("".join(wire[: len(wire) // 2]), encoding="utf-8")
    return [
        [str(SAMPLE)],
        [str(reversed_wire), str(SAMPLE / "seed_03.txt")],
        [str(first_half), str(SAMPLE / "seed_02.txt"), str(SAMPLE / "seed_01.txt")],
    ]


def _clusters(url: str) -> list[list[str]]:
    """The near-duplicate groups (article ids), whatever each group's label."""
    groups: dict[str, list[str]] = {}
    for article_id, cluster in _articles(url):
        groups.setdefault(cluster, []).append(article_id)
    return sorted(sorted(group) for group in groups.values())


def _articles(url: str) -> list[tuple[str, str]]:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            query = "SELECT id, dup_cluster FROM articles"
            return [(row[0], row[1]) for row in connection.exec_driver_sql(query)]
    finally:
        engine.dispose()


def test_overlapping_ingests_store_everything_exactly_once(store_url: str, tmp_path: Path) -> None:
    processes = [
        subprocess.Popen(
            fogwatch_command("ingest", *paths, "--db", store_url),
            env=environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for paths in _overlapping_inputs(tmp_path)
    ]
    try:
        outcomes = [(p.communicate(timeout=300), p.returncode) for p in processes]
    finally:
        for process in processes:
            stop(process)
    for (_out, errors), code in outcomes:
        assert code == 0, errors
        assert "Traceback" not in errors, errors
    expected = snapshot(reference_url(), skip=ORDER_DEPENDENT)
    found = snapshot(store_url, skip=ORDER_DEPENDENT)
    assert counts(found)["articles"] == SAMPLE_ARTICLES
    for table in expected:
        assert found[table] == expected[table], table
    assert _clusters(store_url) == _clusters(reference_url())
    assert unlinked_count(store_url) == 0
    assert set(orphans(store_url).values()) == {0}
    if store_url.startswith("sqlite"):
        assert integrity(store_url) == "ok"


@pytest.mark.postgres
def test_first_runs_against_one_empty_postgres_database_migrate_once(postgres_url: str) -> None:
    """Several processes opening a brand-new database at once: one migrates, the rest wait."""
    code = "import fogwatch, sys; fogwatch.open(sys.argv[1]).close()"
    processes = [
        subprocess.Popen(
            [*fogwatch_command()[:1], "-c", code, postgres_url],
            env=environment(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        results = [(p.communicate(timeout=120)[1], p.returncode) for p in processes]
    finally:
        for process in processes:
            stop(process)
    assert [code for _errors, code in results] == [0, 0, 0, 0], results
