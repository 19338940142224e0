"""Security additions to tests/test_api.py and tests/test_web.py (read those first).

Here: the bind address of a running `fogwatch serve` read from the kernel's socket table, hostile
*place* and *source* names in every page of the UI (test_web.py covers hostile article text and
titles), and SQL injection strings on PostgreSQL (test_api.py covers SQLite).
"""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import os
import socket
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, sync_playwright

import fogwatch
from fogwatch.api import create_app
from helpers import PARAPHRASE, REPO, SAMPLE
from test_reliability_common import counts, snapshot

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHROMIUM_ARGS += [
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
HOSTILE_SOURCE = "<img src=x onerror=alert('source')> Wire"
HOSTILE_PLACE = "<img src=x onerror=alert('place')>"
HOSTILE_ACTOR = "<svg onload=alert('actor')>"
INJECTIONS = (
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "%' UNION SELECT id, text FROM articles --",
    "Pokrovsk') OR ('a'='a",
    "!!(|&:*",
    "\\'; SELECT pg_sleep(5); --",
    "$$; DROP TABLE claims; $$",
)


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("fogwatch_load", REPO / "benchmarks" / "load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# --- bind address ------------------------------------------------------------------------------


def listening_addresses(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket the process listens on, from /proc (IPv4 and IPv6)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    found = []
    for table, width in (("tcp", 4), ("tcp6", 16)):
        lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:  # 0A: LISTEN
                continue
            address_hex, port_hex = local.split(":")
            raw = bytes.fromhex(address_hex)
            # /proc prints each 32-bit word in host (little-endian) order
            words = b"".join(raw[i : i + 4][::-1] for i in range(0, width, 4))
            found.append((str(ipaddress.ip_address(words)), int(port_hex, 16)))
    return found


def test_listening_address_reader_sees_a_wildcard_bind() -> None:
    """The control: the reader tells 0.0.0.0 from 127.0.0.1, so the next test can fail."""
    with socket.socket() as wide, socket.socket() as narrow:
        wide.bind(("0.0.0.0", 0))
        wide.listen()
        narrow.bind(("127.0.0.1", 0))
        narrow.listen()
        seen = listening_addresses(os.getpid())
        assert ("0.0.0.0", wide.getsockname()[1]) in seen
        assert ("127.0.0.1", narrow.getsockname()[1]) in seen


def test_serve_listens_only_on_loopback_by_default(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    fogwatch.open(url).close()
    server = _load_benchmark().start_server(url)  # `fogwatch serve --db URL --port P`, no --host
    try:
        port = int(server.base_url.rsplit(":", 1)[1])
        assert listening_addresses(server.process.pid) == [("127.0.0.1", port)]
    finally:
        server.stop()


# --- hostile place and source names in the UI --------------------------------------------------


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample with every outlet renamed to markup, and place and actor names made markup."""
    folder = tmp_path_factory.mktemp("hostile")
    wire = folder / "wire.jsonl"
    with wire.open("w", encoding="utf-8") as out:
        for line in (SAMPLE / "wire.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            record["source"] = HOSTILE_SOURCE
            out.write(json.dumps(record) + "\n")
    path = folder / "store.db"
    with fogwatch.open(str(path)) as store:
        assert store.ingest([str(wire)]).failed == 0
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE places SET name = ? || name", (HOSTILE_PLACE,))
        connection.execute("UPDATE actors SET name = ? || name", (HOSTILE_ACTOR,))
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def hostile_server(hostile_store: str) -> Iterator[str]:
    server = _load_benchmark().start_server(hostile_store)
    try:
        yield server.base_url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium not found at /usr/bin/chromium — run `scripts/setup.sh --test`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _visit(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='true']", timeout=15_000)
    page.wait_for_timeout(200)  # an injected onerror or onload would have fired by now


def test_hostile_place_and_source_names_are_shown_as_text(
    browser: Browser, hostile_server: str, hostile_store: str
) -> None:
    with fogwatch.open(hostile_store) as store:
        contested = store.claims(contested=True)
        assert contested, "the sample must give contested claims for the claims board"
        place_id = next(claim["place_id"] for claim in contested if claim["place_id"])
        article_id = store.articles(search="Torske")[0]["id"]
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        _visit(page, f"{hostile_server}/place.html?id={quote(place_id, safe=':')}")
        body = page.locator("body").inner_text()
        assert HOSTILE_PLACE in body and HOSTILE_SOURCE in body
        _visit(page, f"{hostile_server}/claims.html")
        assert HOSTILE_PLACE in page.locator("body").inner_text()
        _visit(page, f"{hostile_server}/article.html?id={article_id}")
        assert HOSTILE_SOURCE in page.locator("body").inner_text()
        _visit(page, f"{hostile_server}/")
        page.locator("#cluster-toggle").uncheck()
        markers = page.locator("path.fw-event").all()
        assert markers, "the map shows no events"
        for marker in markers[:25]:
            marker.dispatch_event("click")  # each popup lists the reports' sources and places
        page.wait_for_timeout(300)
        assert HOSTILE_SOURCE in page.locator("body").inner_text()
        assert page.locator("img[src='x'], svg[onload]").count() == 0
    finally:
        context.close()
    assert dialogs == []
    assert errors == []


# --- SQL injection on PostgreSQL ---------------------------------------------------------------


@pytest.mark.postgres
def test_sql_injection_strings_are_inert_on_postgres(postgres_url: str) -> None:
    with fogwatch.open(postgres_url) as store:
        assert store.ingest([str(PARAPHRASE)]).failed == 0
    before = snapshot(postgres_url)
    filters = {
        "/events": ("place", "sub_type", "actor"),
        "/claims": ("place", "source"),
        "/places": ("search",),
    }
    with TestClient(create_app(postgres_url, cors_origins=[])) as client:
        for attack in INJECTIONS:
            for path, names in filters.items():
                for name in names:
                    response = client.get(path, params={name: attack})
                    assert response.status_code == 200, (path, name, attack, response.text)
                    rows = next(v for v in response.json().values() if isinstance(v, list))
                    assert rows == [], (path, name, attack)
            assert client.get(f"/places/{quote(attack, safe='')}").status_code == 404
            # full-text search may match the words inside an attack ("Pokrovsk"), as plain words
            found = client.get("/articles", params={"search": attack})
            assert found.status_code == 200, (attack, found.text)
            with fogwatch.open(postgres_url) as store:
                expected = [row["id"] for row in store.articles(search=attack)]
            assert [row["id"] for row in found.json()["articles"]] == expected
        with fogwatch.open(postgres_url) as store:
            for attack in INJECTIONS:  # the library's filters, which the CLI flags call
                assert list(store.events(place=attack, event_type=attack, side=attack)) == []
                assert list(store.claims(source=attack, place=attack)) == []
                assert store.dossier(attack) is None
    after = snapshot(postgres_url)
    assert counts(after) == counts(before) and after == before


def test_write_with_hostile_source_is_stored_as_plain_text(tmp_path: Path) -> None:
    """A token holder's write is still data: markup in its fields comes back verbatim as JSON."""
    token = "reliability-token"
    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", token=token)
    article = {
        "text": "Russian forces shelled Kharkiv on Tuesday, the governor said.",
        "published": "2025-11-12",
        "source": HOSTILE_SOURCE,
        "title": "<script>alert('title')</script>",
    }
    with TestClient(app) as client:
        created = client.post(
            "/articles", json=article, headers={"authorization": f"Bearer {token}"}
        )
        assert created.status_code == 201, created.text
        shown = client.get(f"/articles/{created.json()['ids'][0]}")
    assert shown.headers["content-type"].startswith("application/json")
    assert shown.json()["article"]["source"] == HOSTILE_SOURCE
    assert shown.json()["article"]["title"] == "<script>alert('title')</script>"
