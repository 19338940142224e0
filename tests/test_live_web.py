"""`GET /live`: Server-Sent Events from a real uvicorn on 127.0.0.1, resumed by Last-Event-ID,
and the "n new" marker in real Chromium, the page updating without a reload."""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

import fogwatch
from fogwatch.store import changes
from test_web import CHROMIUM, CHROMIUM_ARGS, serving

SHELLING = (
    "Russian artillery shelled Kramatorsk on Monday, killing three civilians, the regional "
    "governor said. Moscow denied that its forces struck Kramatorsk."
)
DRONES = (
    "Ukrainian drones struck an oil depot in Belgorod on Tuesday, the regional governor said. "
    "Kyiv did not comment on the strike."
)


def latest_change(store: fogwatch.Store) -> int:
    with store.engine.connect() as connection:
        return changes.latest(connection)


def ingest(store: fogwatch.Store, folder: Path, name: str, text: str) -> None:
    path = folder / f"{name}.jsonl"
    path.write_text(json.dumps({"date": "2026-11-30", "text": text}) + "\n")
    assert store.ingest([str(path)]).new == 1


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[fogwatch.Store, str, Path]]:
    folder = tmp_path_factory.mktemp("live")
    with fogwatch.open(f"sqlite:///{folder / 'store.db'}") as store:
        ingest(store, folder, "shelling", SHELLING)
        with serving(store.url) as address:
            yield store, address, folder


def messages(
    address: str, count: int, path: str = "/live", headers: dict | None = None
) -> list[dict]:
    """The first `count` messages of an event stream, as {"id", "event", "data"}."""
    host, port = address.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=20)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    found: list[dict] = []
    current: dict = {}
    while len(found) < count:
        line = response.fp.readline().decode().rstrip("\n")
        if not line:
            if "data" in current:
                found.append(current)
            current = {}
        elif not line.startswith((":", "retry:")):
            name, _, value = line.partition(": ")
            current[name] = json.loads(value) if name == "data" else value
    connection.close()
    return found


def test_a_reconnecting_client_resumes_after_its_last_event_id(served):
    store, address, _folder = served
    total = len(store.events())
    assert total >= 1
    everything = messages(address, total, "/live?after=0")
    ids = [int(message["id"]) for message in everything]
    assert ids == sorted(ids) and len(set(ids)) == total
    assert {message["data"]["id"] for message in everything} == {
        row["id"] for row in store.events()
    }
    assert everything[0]["event"] == "event"
    assert everything[0]["data"]["location"] == "Kramatorsk"
    resumed = messages(address, total - 1, headers={"Last-Event-ID": str(ids[0])})
    assert [int(message["id"]) for message in resumed] == ids[1:]


def test_the_map_shows_n_new_and_redraws_without_a_reload(served):
    store, address, folder = served
    if not CHROMIUM.exists():
        pytest.fail("Chromium not found at /usr/bin/chromium — run `scripts/setup.sh --test`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"http://{address}/")
        page.wait_for_selector("body[data-ready='true'][data-live='open']", timeout=30_000)
        before = int(page.get_attribute("#map-status", "data-total") or 0)
        changed_before = latest_change(store)
        assert page.is_hidden("#live-new")
        page.evaluate("window.fogwatchNotReloaded = true")
        ingest(store, folder, "drones", DRONES)
        page.wait_for_selector("#live-new:not([hidden])", timeout=20_000)
        added = latest_change(store) - changed_before
        assert added >= 1 and page.text_content("#live-new") == f"{added} new"
        deadline = time.monotonic() + 20
        while int(page.get_attribute("#map-status", "data-total") or 0) <= before:
            assert time.monotonic() < deadline, "the map did not redraw with the new events"
            page.wait_for_timeout(100)
        assert page.evaluate("window.fogwatchNotReloaded") is True
        browser.close()
