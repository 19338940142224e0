"""`fogwatch serve --workers N`: worker processes over one store, and the revision-keyed cache.

A real `fogwatch serve` subprocess on 127.0.0.1 (started as `benchmarks/load.py` starts it), over
SQLite and over PostgreSQL; articles are two tiny hand-written reports, the second ingested while
the server runs.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from fastapi.testclient import TestClient

import fogwatch
from fogwatch.api import create_app
from helpers import REPO, dated

FIRST = dated(
    "Russian forces shelled Kupiansk on Monday, killing two civilians, the governor said."
)
SECOND = dated(
    "A Russian drone strike hit an apartment block in Kherson on Wednesday, wounding five "
    "people, local officials said.",
    "2025-11-14",
)


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fogwatch_load", REPO / "benchmarks" / "load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


load = _benchmark()


def _ingest(store: fogwatch.Store, folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(text + "\n")
    assert store.ingest([str(path)]).new == 1


@pytest.fixture
def store(store_url: str, tmp_path: Path) -> Iterator[fogwatch.Store]:
    """A store holding the first report, on SQLite and on PostgreSQL (conftest's `store_url`)."""
    with fogwatch.open(store_url) as opened:
        _ingest(opened, tmp_path, "first.txt", FIRST)
        assert opened.events(), "the first report must give an event for these tests to mean much"
        yield opened


def _event_ids(store: fogwatch.Store) -> set[str]:
    return {row["id"] for row in store.events()}


def _workers(pid: int) -> list[int]:
    """The server's worker processes (its other child is multiprocessing's resource tracker)."""
    children = [
        int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    ]
    return [child for child in children if b"spawn_main" in _cmdline(child)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def _served_ids(base_url: str, times: int) -> list[set[str]]:
    """The event ids of `/events?limit=100`, each time on a new connection (any worker)."""
    found = []
    for _ in range(times):
        with httpx.Client(base_url=base_url, timeout=30) as client:
            response = client.get("/events", params={"limit": 100})
            assert response.status_code == 200
            found.append({event["id"] for event in response.json()["events"]})
    return found


def test_workers_share_one_store_and_a_new_article_shows_in_every_worker(
    store: fogwatch.Store, tmp_path: Path
) -> None:
    server = load.start_server(store.url, "--workers", "2")
    try:
        deadline = time.monotonic() + 30
        while len(_workers(server.process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _workers(server.process.pid)
        assert len(workers) == 2
        before = _event_ids(store)
        assert _served_ids(server.base_url, 8) == [before] * 8

        _ingest(store, tmp_path, "second.txt", SECOND)
        after = _event_ids(store)
        assert after > before
        assert _served_ids(server.base_url, 8) == [after] * 8  # no worker kept its old page
    finally:
        server.stop()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]  # stopped with it


def test_cached_pages_are_compact_gzipped_and_revalidated(store: fogwatch.Store) -> None:
    with TestClient(create_app(store.url)) as client:
        first = client.get("/events", params={"limit": 100})
        assert first.status_code == 200
        assert first.headers["content-encoding"] == "gzip"
        assert first.headers["vary"] == "Accept, Accept-Encoding"
        compact = json.dumps(first.json(), ensure_ascii=False, separators=(",", ":"))
        assert first.content.decode() == compact
        again = client.get("/events", params={"limit": 100})
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        unchanged = client.get(
            "/events", params={"limit": 100}, headers={"if-none-match": first.headers["etag"]}
        )
        assert unchanged.status_code == 304 and unchanged.content == b""
        plain = client.get(
            "/events", params={"limit": 100}, headers={"accept-encoding": "identity"}
        )
        assert "content-encoding" not in plain.headers and plain.json() == first.json()
        csv = client.get("/events", headers={"accept": "text/csv"})
        assert csv.headers["content-type"].startswith("text/csv")  # Accept is part of the key
        refused = client.get("/events", params={"bbox": "1,2"})
        assert refused.status_code == 422 and "etag" not in refused.headers


def test_serve_refuses_zero_workers() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "fogwatch", "serve", "--workers", "0"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--workers" in done.stderr
