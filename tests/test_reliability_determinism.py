"""Determinism: the same input gives the same bytes, ids and rows, in any process and any store.

Each run is a separate process with its own PYTHONHASHSEED, so iteration over sets and dicts of
strings cannot hide behind one process's hash order.
"""

from __future__ import annotations

import pytest

import fogwatch
from fogwatch.export import jsonl
from helpers import PARAPHRASE, SAMPLE, without_timestamps
from test_reliability_common import SAMPLE_ARTICLES, run_fogwatch, snapshot


def test_extract_twice_gives_byte_identical_json() -> None:
    first = run_fogwatch("extract", str(PARAPHRASE), "--json", PYTHONHASHSEED="1")
    second = run_fogwatch("extract", str(PARAPHRASE), "--json", PYTHONHASHSEED="2")
    assert first.returncode == 0, first.stderr
    assert '"claims"' in first.stdout and len(first.stdout) > 10_000
    assert first.stdout == second.stdout


@pytest.mark.postgres
def test_two_fresh_stores_get_identical_ids_rows_and_exports(tmp_path, postgres_url: str) -> None:
    """SQLite and PostgreSQL, two processes, two hash seeds: the same rows and the same exports."""
    stores = {"sqlite": f"sqlite:///{tmp_path / 'a.db'}", "postgres": postgres_url}
    exported: dict[str, dict[str, object]] = {}
    for seed, (name, url) in enumerate(stores.items(), start=1):
        done = run_fogwatch("ingest", str(SAMPLE), "--db", url, PYTHONHASHSEED=str(seed))
        assert done.returncode == 0, done.stderr
        written = tmp_path / f"{name}.csv"
        done = run_fogwatch("export", str(written), "--db", url, PYTHONHASHSEED=str(seed))
        assert done.returncode == 0, done.stderr
        with fogwatch.open(url) as store:
            exported[name] = {
                "acled_csv": without_timestamps(written.read_text(encoding="utf-8")),
                "claims": jsonl.dumps(store.claims()),
                "links": jsonl.dumps(store.links()),
                "ids": [row["id"] for row in store.articles()],
            }
    for export in exported["sqlite"]:
        assert exported["sqlite"][export] == exported["postgres"][export], export
    assert str(exported["sqlite"]["acled_csv"]).count("\n") > 20
    assert len(exported["sqlite"]["ids"]) == SAMPLE_ARTICLES  # type: ignore[arg-type]
    # every table, row by row (atomic events and judgments included), not only the exports
    assert snapshot(stores["sqlite"]) == snapshot(stores["postgres"])
