"""The web UI in a real browser: Debian's Chromium driven by Playwright, the app served by uvicorn.

Never `playwright install`: the browser is /usr/bin/chromium (scripts/setup.sh --test installs it).
Screenshots go to test-artifacts/; the map and the dossier also to docs/img/ for the README.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

import fogwatch
from fogwatch.api import create_app
from helpers import FIXTURES, REPO, SAMPLE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = REPO / "test-artifacts"
DOCS_IMG = REPO / "docs" / "img"
XSS = FIXTURES / "web_xss.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fogwatch.Store]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}"
    with fogwatch.open(url) as opened:
        summary = opened.ingest([str(SAMPLE), str(XSS)])
        assert summary.failed == 0
        yield opened


@contextlib.contextmanager
def serving(store_url: str) -> Iterator[str]:
    """The app over `store_url` on a free loopback port ("127.0.0.1:PORT"), served by uvicorn
    in a background thread; open streams (`/live`) are cut when it stops."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(store_url), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    server.force_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(store: fogwatch.Store) -> Iterator[str]:
    """The app on a free loopback port, served by uvicorn in a background thread."""
    with serving(store.url) as address:
        yield f"http://{address}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium not found at /usr/bin/chromium — run `scripts/setup.sh --test`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watched:
    """What a page did that a test may want to forbid: dialogs, script errors, outside requests."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, Watched]]:
    context = browser.new_context(viewport={"width": 1280, "height": 820})
    opened = context.new_page()
    watched = Watched()

    def on_dialog(dialog: object) -> None:
        watched.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    opened.on("dialog", on_dialog)
    opened.on("pageerror", lambda error: watched.errors.append(f"page error: {error}"))
    opened.on(
        "console",
        lambda message: (
            watched.errors.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    opened.on("request", lambda request: watched.hosts.add(urlparse(request.url).hostname or ""))
    yield opened, watched
    context.close()


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='true']", timeout=15_000)


def _screenshot(page: Page, name: str, docs: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    if docs:
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_IMG / name)


def _located_atomic_events(store: fogwatch.Store) -> dict[str, str]:
    """Atomic event id → date, for the atomic events that have coordinates."""
    return {
        row["atomic_event_id"]: row["date"].isoformat()
        for row in store.events()
        if row["atomic_event_id"] and row["lat"] is not None
    }


def _clean(watched: Watched) -> None:
    assert watched.dialogs == []
    assert watched.errors == []
    assert watched.hosts <= {"127.0.0.1"}, "the page fetched something from elsewhere"


def test_map_shows_one_marker_per_located_atomic_event(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    expected = len(_located_atomic_events(store))
    assert expected > 10
    _open(tab, base_url + "/")
    status = tab.locator("#map-status")
    assert status.get_attribute("data-total") == str(expected)
    # grouped: every event is in exactly one marker or cluster
    singles = tab.locator("path.fw-event").count()
    grouped = sum(
        int(n)
        for n in tab.locator(".fw-cluster span").evaluate_all(
            "spans => spans.map(s => s.dataset.count)"
        )
    )
    assert tab.locator(".fw-cluster").count() > 0
    assert singles + grouped == expected
    _screenshot(tab, "map-grouped.png")
    # ungrouped: one marker each
    tab.locator("#cluster-toggle").uncheck()
    assert tab.locator("path.fw-event").count() == expected
    assert tab.locator(".fw-cluster").count() == 0
    tab.locator(".leaflet-control-zoom-in").click()
    tab.wait_for_timeout(400)  # Leaflet's zoom animation
    _screenshot(tab, "map.png", docs=True)
    _clean(watched)


def test_timeline_brush_filters_the_map(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    dates = _located_atomic_events(store)
    _open(tab, base_url + "/")
    tab.locator("#cluster-toggle").uncheck()
    box = tab.locator("#timeline svg").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    tab.mouse.move(box["x"] + box["width"] * 0.45, y)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    tab.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    tab.mouse.up()
    timeline = tab.locator("#timeline")
    since, until = timeline.get_attribute("data-since"), timeline.get_attribute("data-until")
    assert since and until and since < until
    inside = [day for day in dates.values() if since <= day <= until]
    assert 0 < len(inside) < len(dates)
    assert tab.locator("#map-status").get_attribute("data-visible") == str(len(inside))
    assert tab.locator("path.fw-event").count() == len(inside)
    acled_link = tab.locator("#export-acled").get_attribute("href") or ""
    assert f"since={since}" in acled_link and f"until={until}" in acled_link
    # double-click clears the brush
    tab.locator("#timeline svg").dblclick()
    assert tab.locator("path.fw-event").count() == len(dates)
    _clean(watched)


def test_clicking_a_place_opens_its_dossier(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    _open(tab, base_url + "/")
    tab.locator("#cluster-toggle").uncheck()
    marker = tab.locator("path.fw-event").first
    place_id = marker.get_attribute("data-place")
    marker.dispatch_event("click")
    link = tab.locator(".leaflet-popup .place-link").first
    link.wait_for()
    with tab.expect_navigation():
        link.click()
    tab.wait_for_selector("body[data-ready='true']")
    dossier = store.dossier(place_id or "")
    assert dossier is not None
    assert "/place.html" in tab.url
    assert tab.locator("h1").inner_text() == dossier["place"]["name"]
    assert tab.locator("#events tr").count() == len(dossier["events"])
    assert tab.locator("#claims .claim-card").count() == len(dossier["claims"])
    _clean(watched)


def test_dossier_shows_contradiction_pairs_side_by_side(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    place_id = _most_contested_place(store)
    dossier = store.dossier(place_id)
    assert dossier is not None and dossier["contradictions"]
    _open(tab, f"{base_url}/place.html?id={place_id}")
    pairs = tab.locator("#contradictions .pair")
    assert pairs.count() == len(dossier["contradictions"])
    first = dossier["contradictions"][0]
    cards = pairs.first.locator(".claim-card")
    assert cards.count() == 2
    assert cards.nth(0).get_attribute("data-claim") == first["a"]["id"]
    assert cards.nth(1).get_attribute("data-claim") == first["b"]["id"]
    statuses = {c["status"] for c in dossier["claims"] if c["status"]}
    for status in statuses:
        assert tab.locator(f"#claims .badge.status-{status}").count() > 0
    # lanes: one mark per dated event and claim
    marks = tab.locator("#lanes circle").count() + tab.locator("#lanes polygon").count()
    dated = [e for e in dossier["events"] if e["date"]]
    dated_claims = [c for c in dossier["claims"] if c.get("day") or c.get("published")]
    assert marks == len(dated) + len(dated_claims)
    _screenshot(tab, "dossier.png", docs=True)
    _clean(watched)


def test_article_page_highlights_a_known_place(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    article_id = store.articles(search="Kupiansk")[0]["id"]
    result = store.article_result(article_id)
    assert result is not None and result.places and result.events
    others = [m.span for m in (*result.actors, *result.dates, *result.quantities)]
    index, mention = next(
        (i, m)
        for i, m in enumerate(result.places)
        if not any(o.start < m.span.end and m.span.start < o.end for o in others)
    )
    expected = mention.span.of(result.article.text)
    _open(tab, f"{base_url}/article.html?id={article_id}")
    marks = tab.locator(f"#text mark[data-spans~='place:{index}']")
    assert "".join(marks.all_text_contents()) == expected
    assert all("hl-place" in (m.get_attribute("class") or "") for m in marks.all())
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    # the text on the page is the article's text, every character
    assert tab.locator("#text").text_content() == result.article.text
    # switching places off removes their highlight
    tab.locator("#kinds input[data-kind='place']").uncheck()
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    # an event named in the address has its evidence marked, exactly its spans
    event = result.events[0]
    _open(tab, f"{base_url}/article.html?id={article_id}&event={event.id}")
    focused = tab.locator("#text mark.focus").all_text_contents()
    assert "".join(focused) == "".join(span.of(result.article.text) for span in event.evidence)
    _screenshot(tab, "article.png")
    _clean(watched)


def test_the_article_sidebar_names_the_other_claim_of_each_link(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    claims = {c["id"]: c for c in store.claims()}
    link = next(
        link
        for link in store.links(relation="contradicts")
        if claims[link["a"]]["article_id"] == claims[link["b"]]["article_id"]
    )
    first, other = claims[link["a"]], claims[link["b"]]
    _open(tab, f"{base_url}/article.html?id={first['article_id']}&claim={first['id']}")
    speaker = other["source"] or other["source_actor"] or "unnamed source"
    lines = tab.locator(f"#claim-{first['id']} ul li").all_inner_texts()
    assert any(
        line.startswith(f"contradicts {speaker}") and other["content"][:40] in line
        for line in lines
    ), lines
    _clean(watched)


def test_hostile_article_text_is_shown_as_text(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    article_id = store.articles(search="onerror")[0]["id"]
    _open(tab, f"{base_url}/article.html?id={article_id}")
    tab.wait_for_timeout(300)  # an injected onerror would fire by now
    text = tab.locator("#text").text_content() or ""
    assert "<img src=x onerror=alert(1)>" in text
    assert "<script>alert(2)</script>" in text
    assert tab.locator("#text img, #text script").count() == 0
    assert tab.locator("h1").inner_text().startswith("<script>alert(4)</script>")
    assert "<img src=x onerror=alert(3)>" in tab.locator("#meta").inner_text()
    assert tab.locator("a[href^='javascript:']").count() == 0
    _screenshot(tab, "hostile-article.png")
    # the same source name on the map's popup and the place page
    _open(tab, base_url + "/")
    tab.locator("#cluster-toggle").uncheck()
    for marker in tab.locator("path.fw-event").all():
        marker.dispatch_event("click")
    tab.wait_for_timeout(200)
    assert watched.dialogs == []
    _clean(watched)


def test_every_page_loads_without_errors_or_outside_requests(
    page: tuple[Page, Watched], base_url: str, store: fogwatch.Store
) -> None:
    tab, watched = page
    place_id = _most_contested_place(store)
    article_id = store.articles()[0]["id"]
    for path in (
        "/",
        f"/place.html?id={place_id}",
        f"/article.html?id={article_id}",
        "/claims.html",
        "/docs",
    ):
        _open(tab, base_url + path)
    contested = store.claims(contested=True)
    _open(tab, base_url + "/claims.html")
    assert tab.locator("#board .claim-card").count() == len(contested)
    _open(tab, base_url + "/docs")
    assert tab.locator(".operation").count() >= 9
    _clean(watched)


def test_static_route_refuses_raw_path_traversal(base_url: str) -> None:
    port = int(base_url.rsplit(":", 1)[1])
    for target in (
        "/static/../app.py",
        "/static/../../store/__init__.py",
        "/static/../../../../../etc/passwd",
    ):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(
                f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
            )
            reply = b""
            while chunk := connection.recv(65536):
                reply += chunk
        status = reply.split(b" ", 2)[1]
        assert status in (b"400", b"404"), (target, reply[:200])
        assert b"def create_app" not in reply and b"root:" not in reply


def test_serve_command_serves_the_ui_on_loopback(store: fogwatch.Store) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "fogwatch", "serve", "--db", store.url, "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "fogwatch serve did not answer"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=2) as reply:
                    stats = json.load(reply)
                break
            except OSError:
                time.sleep(0.2)
        assert stats["articles"] == store.count_articles()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
            assert "fogwatch" in reply.read().decode()
            assert "script-src 'self'" in reply.headers["content-security-policy"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def _most_contested_place(store: fogwatch.Store) -> str:
    claims = {c["id"]: c for c in store.claims()}
    counts: dict[str, int] = {}
    for link in store.links(relation="contradicts"):
        place = claims[link["a"]]["place_id"]
        if place and place == claims[link["b"]]["place_id"]:
            counts[place] = counts.get(place, 0) + 1
    return max(counts, key=lambda place: counts[place])
