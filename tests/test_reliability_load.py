"""Load: `fogwatch serve` under mixed read queries at rising concurrency, for a bounded time.

The reporting version is `benchmarks/load.py` (same code, longer levels, one JSON line); this
short run asserts what must hold at any load: no 5xx, no transport errors, bounded memory.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from helpers import REPO
from test_reliability_common import reference_url

LEVELS = (1, 4, 16)
SECONDS_PER_LEVEL = 4.0
RSS_GROWTH_LIMIT_MB = 64
"""After warm-up, a read-only server's memory must stay flat; caches may fill, not grow without end."""


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fogwatch_load", REPO / "benchmarks" / "load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


load = _benchmark()


@pytest.fixture(scope="module")
def server() -> Iterator[object]:
    running = load.start_server(reference_url())
    try:
        yield running
    finally:
        running.stop()


def test_mixed_queries_at_rising_concurrency_give_no_5xx_and_flat_memory(
    server: object, tmp_path: Path
) -> None:
    report = load.load(server, list(LEVELS), SECONDS_PER_LEVEL)
    (REPO / "test-artifacts").mkdir(exist_ok=True)
    (REPO / "test-artifacts" / "load.json").write_text(json.dumps(report, indent=1))
    assert report["paths"] >= 15
    for level in report["levels"]:
        assert level["requests"] >= 10 * level["concurrency"], level  # it really ran
        assert level["status_5xx"] == 0, level
        assert level["errors"] == 0, level["first_errors"]
        assert set(level["statuses"]) == {"200"}, level["statuses"]
    assert report["rss_end_mb"] - report["rss_start_mb"] < RSS_GROWTH_LIMIT_MB, report


def test_percentiles_are_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert load._percentile(values, 50) == 50.0
    assert load._percentile(values, 99) == 99.0
    assert load._percentile([0.2], 99) == 0.2
    assert load._percentile([], 50) == 0.0
