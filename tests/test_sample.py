"""The bundled sample corpus: it feeds the demo, so it must ingest cleanly."""

from __future__ import annotations

import fogwatch
from helpers import SAMPLE


def test_sample_ingests_without_failures_and_finds_the_republished_wire_story(tmp_path):
    with fogwatch.open(str(tmp_path / "sample.db")) as store:
        summary = store.ingest([str(SAMPLE)])
        assert summary.as_dict() == {
            "read": 55,
            "new": 54,
            "duplicate": 0,
            "near_duplicate": 1,
            "failed": 0,
        }
        stored = [store.article(row["id"]) for row in store.articles()]
    by_external_id = {row["external_id"]: row for row in stored if row["external_id"]}
    assert by_external_id["sample-020"]["dup_cluster"] == by_external_id["sample-018"]["id"]
    seeds = [row for row in stored if row["origin"].endswith(".txt")]
    assert len(seeds) == 3
    for seed in seeds:
        for debris in (
            "View gallery",
            "( Photo",
            "( Video",
            "Share this article",
            "Subscribe",
            "  ",
        ):
            assert debris not in seed["text"], (seed["origin"], debris)
