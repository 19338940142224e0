"""`fogwatch watch`: feeds from a real HTTP server on 127.0.0.1, folders, growing JSON Lines,
exactly once across a SIGKILL, failing sources backing off while the others go on."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

import fogwatch
from fogwatch.store.schema import claim_links, events
from fogwatch.store.watch_state import PollOutcome, SeenItem, WatchState
from fogwatch.watch import Folder, JsonLines, Watcher, fetch, source, status
from fogwatch.watch.sources import Feed
from helpers import REPO

TOWNS = ("Kramatorsk", "Sloviansk", "Kostiantynivka", "Druzhkivka", "Pokrovsk", "Dobropillia")
PUBLISHED = "Mon, 30 Nov 2026 08:00:00 GMT"


def report(number: int) -> str:
    """A tiny invented report: one shelling, one denial (an event and two claims)."""
    town = TOWNS[number % len(TOWNS)]
    return (
        f"Russian artillery shelled {town} on Monday, killing {number + 2} civilians, the "
        f"regional governor said. Moscow denied that its forces struck {town}."
    )


def rss(items: list[tuple[str, str]], full: bool = True, pages: str = "") -> bytes:
    """An RSS 2.0 feed: (guid, body) items, each linking to `pages`/guid.html; `full` puts the
    body in content:encoded, else only in the description (a summary)."""
    entries = "".join(
        f"<item><guid>{guid}</guid><title>Report {guid}</title><link>{link}</link>"
        f"<pubDate>{PUBLISHED}</pubDate>"
        + (
            f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded>"
            if full
            else f"<description>{body}</description>"
        )
        + "</item>"
        for guid, body, link in ((g, b, f"{pages}/{g}.html") for g, b in items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Invented Wire</title>{entries}</channel></rss>"
    ).encode()


class FeedServer:
    """A real HTTP server on 127.0.0.1 serving bodies set by the test, with ETags."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        served = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                served.requests.append((self.path, dict(self.headers)))
                code, body, headers = served.routes.get(self.path, (404, b"", {}))
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if code == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(code)
                for name, value in headers.items():
                    self.send_header(name, value)
                if code == 200:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def feed(self, path: str, items: list[tuple[str, str]], full: bool = True) -> str:
        body = rss(items, full, pages=f"{self.base}/pages")
        self.routes[path] = (200, body, {"Content-Type": "application/rss+xml"})
        return self.base + path


@pytest.fixture
def server() -> Iterator[FeedServer]:
    served = FeedServer()
    yield served
    served.server.shutdown()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[fogwatch.Store]:
    with fogwatch.open(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        yield opened


def texts(store: fogwatch.Store) -> list[str]:
    return sorted(store.article(row["id"])["text"] for row in store.articles())


def test_feed_items_are_ingested_once_with_conditional_requests(
    server: FeedServer, store: fogwatch.Store
):
    url = server.feed("/wire.rss", [("a1", report(1)), ("a2", report(2))])
    lines: list[str] = []
    watcher = Watcher(store, [source(url)], interval=0.01, log=lines.append)
    (first,) = watcher.poll_due()
    assert (first.items, first.summary.new if first.summary else 0) == (2, 2)
    time.sleep(0.02)
    (second,) = watcher.poll_due()
    assert (second.items, second.error) == (0, None)
    assert texts(store) == sorted([report(1), report(2)])
    _, headers = server.requests[-1]
    assert headers["User-Agent"].startswith("fogwatch/")
    assert headers["If-None-Match"].startswith('"')  # answered 304 Not Modified
    server.feed("/wire.rss", [("a1", report(1)), ("a2", report(2)), ("a3", report(3))])
    time.sleep(0.02)
    (third,) = watcher.poll_due()
    assert third.items == 1
    assert texts(store) == sorted([report(1), report(2), report(3)])
    assert sorted(WatchState(store.engine).seen(url)) == ["a1", "a2", "a3"]
    assert lines == []


def test_a_summary_only_item_is_followed_to_its_article_page(
    server: FeedServer, store: fogwatch.Store
):
    url = server.feed("/summaries.rss", [("s1", "Shelling reported in Kramatorsk.")], full=False)
    page = (
        "<html><head><title>Kramatorsk shelled</title></head><body><article>"
        f"<h1>Kramatorsk shelled</h1><p>{report(4)}</p>"
        "<p>Residents said the strikes hit a market and two apartment blocks near the station.</p>"
        "</article></body></html>"
    )
    server.routes["/pages/s1.html"] = (200, page.encode(), {"Content-Type": "text/html"})
    Watcher(store, [source(url)], interval=1, log=print).poll_due()
    (listed,) = store.articles()
    stored = store.article(listed["id"])
    assert stored is not None and stored["text"].startswith(report(4))
    assert stored["published"] == dt.date(2026, 11, 30)  # the feed's date, not a guess
    assert [path for path, _ in server.requests] == ["/summaries.rss", "/pages/s1.html"]


def test_broken_sources_are_one_line_and_a_backoff_while_the_others_go_on(
    server: FeedServer, store: fogwatch.Store, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(fetch, "MAX_BYTES", 5_000)
    good = server.feed("/good.rss", [("g1", report(5))])
    server.routes["/500.rss"] = (500, b"oops", {})
    server.routes["/broken.rss"] = (200, b"<rss><channel><item><title>half", {})
    server.routes["/huge.rss"] = (200, b"<rss>" + b" " * 6_000 + b"</rss>", {})
    server.routes["/loop.rss"] = (302, b"", {"Location": "/loop.rss"})
    broken = ["/500.rss", "/broken.rss", "/huge.rss", "/loop.rss"]
    watched = [source(server.base + path) for path in broken] + [source(good)]
    lines: list[str] = []
    rounds = Watcher(store, watched, interval=100, log=lines.append).poll_due()
    assert [bool(found.error) for found in rounds] == [True, True, True, True, False]
    assert texts(store) == [report(5)]
    assert len(lines) == 4
    assert lines[0] == (
        f"fogwatch: {server.base}/500.rss: HTTP 500 Internal Server Error — backing off 200 s "
        "(failure 1 in a row)"
    )
    assert "malformed feed" in lines[1] and "over the limit of 5,000" in lines[2]
    assert "HTTP 302" in lines[3]
    shown = {row["source"]: status(row) for row in WatchState(store.engine).sources()}
    assert shown[good]["state"] == "ok" and shown[good]["items"] == 1
    failing = shown[server.base + "/500.rss"]
    assert failing["state"].startswith("backing off until ")
    assert (failing["errors"], failing["last_error"]) == (1, "HTTP 500 Internal Server Error")
    # not due yet: no request goes out to a source that is backing off
    before = len(server.requests)
    Watcher(store, watched, interval=100, log=lines.append).poll_due()
    assert len(server.requests) == before and len(lines) == 4


def test_a_folder_ingests_new_and_changed_files(tmp_path: Path, store: fogwatch.Store):
    folder = tmp_path / "reports"
    folder.mkdir()
    first = folder / "one.txt"
    first.write_text(f"date 2026-11-30 {report(1)}")
    (folder / ".partial.txt").write_text(f"date 2026-11-30 {report(2)}")
    old = time.time() - 5
    os.utime(first, (old, old))
    watcher = Watcher(store, [Folder(str(folder))], interval=0.01, log=print)
    assert [found.items for found in watcher.poll_due()] == [1]
    time.sleep(0.02)
    assert [found.items for found in watcher.poll_due()] == [0]
    first.write_text(f"date 2026-11-30 {report(3)}")
    os.utime(first, (old, old))
    time.sleep(0.02)
    assert [found.items for found in watcher.poll_due()] == [1]
    assert texts(store) == sorted([report(1), report(3)])


def test_a_growing_jsonl_file_is_read_from_where_it_stopped(tmp_path: Path, store: fogwatch.Store):
    path = tmp_path / "wire.jsonl"

    def line(number: int) -> str:
        return json.dumps({"date": "2026-11-30", "text": report(number)}) + "\n"

    path.write_text(line(1) + line(2)[:30])  # the second line is still being written
    lines: list[str] = []
    watcher = Watcher(store, [JsonLines(str(path))], interval=0.01, log=lines.append)
    watcher.poll_due()
    assert texts(store) == [report(1)]
    with path.open("a") as stream:
        stream.write(line(2)[30:] + "not json\n")
    time.sleep(0.02)
    watcher.poll_due()
    assert texts(store) == sorted([report(1), report(2)])
    assert lines == [f"fogwatch: {path}:3: not a JSON object — write one JSON object per line"]
    row = WatchState(store.engine).source(str(path))
    assert row is not None and (row["position"], row["lines"]) == (path.stat().st_size, 3)


def test_two_watchers_on_one_store_do_not_share_a_source(server: FeedServer, tmp_path: Path):
    url = server.feed("/shared.rss", [("x1", report(1))])
    db = f"sqlite:///{tmp_path / 'store.db'}"
    with fogwatch.open(db) as one, fogwatch.open(db) as two:
        first = Watcher(one, [Feed(url)], interval=0.01, log=print)
        second = Watcher(two, [Feed(url)], interval=0.01, log=print)
        assert [found.items for found in first.poll_due()] == [1]
        time.sleep(0.02)
        assert [found.skipped for found in second.poll_due()] == [True]
        requests = len(server.requests)
        first.run(stop=lambda: True)  # stopping gives the lease up
        assert [found.skipped for found in second.poll_due()] == [False]
        assert len(server.requests) == requests + 1 and one.count_articles() == 1


def _watch(db: str, url: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "fogwatch", "watch", url, "--db", db, "--interval", "0.5"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)


def _wait_for(what: str, test: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not test():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def _links(db: str) -> tuple[list[str], list[tuple[str, ...]], list[tuple[str, ...]]]:
    engine = sa.create_engine(db)
    with engine.connect() as connection:
        ids = sorted(connection.execute(sa.text("SELECT id FROM articles")).scalars())
        found = sorted(
            tuple(map(str, row))
            for row in connection.execute(
                sa.select(claim_links.c.a, claim_links.c.b, claim_links.c.relation)
            )
        )
        coded = sorted(
            tuple(map(str, row))
            for row in connection.execute(sa.select(events.c.id, events.c.atomic_event_id))
        )
    engine.dispose()
    return ids, found, coded


@pytest.mark.slow
def test_sigkill_during_a_burst_then_restart_stores_every_article_once(
    server: FeedServer, tmp_path: Path
):
    burst = [(f"b{number}", report(number)) for number in range(50)]
    url = server.feed("/burst.rss", burst)
    db = f"sqlite:///{tmp_path / 'watched.db'}"
    with fogwatch.open(db) as store:
        watcher = _watch(db, url)
        try:
            _wait_for("the first articles", lambda: store.count_articles() >= 3, 120)
            watcher.send_signal(signal.SIGKILL)
            watcher.wait(10)
            assert store.count_articles() < len(burst)
            watcher = _watch(db, url)
            _wait_for(
                "every item seen",
                lambda: len(WatchState(store.engine).seen(url)) == len(burst),
                120,
            )
        finally:
            watcher.send_signal(signal.SIGTERM)
            _, errors = watcher.communicate(timeout=30)
        assert watcher.returncode == 0, errors.decode()
        assert store.count_articles() == len(burst)
    uninterrupted = f"sqlite:///{tmp_path / 'uninterrupted.db'}"
    with fogwatch.open(uninterrupted) as store:
        Watcher(store, [Feed(url)], interval=1, log=print).poll_due()
    assert _links(db) == _links(uninterrupted)
    assert len(_links(db)[1]) > 0


def test_status_prints_each_source(server: FeedServer, tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    with fogwatch.open(db) as store:
        server.routes["/down.rss"] = (503, b"", {})
        Watcher(
            store, [Feed(server.base + "/down.rss")], interval=30, log=lambda _: None
        ).poll_due()
    command = [
        sys.executable,
        "-m",
        "fogwatch",
        "watch",
        "--status",
        "--db",
        db,
        "--format",
        "json",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    shown = json.loads(subprocess.run(command, env=env, capture_output=True, check=True).stdout)
    assert [(row["source"], row["errors"], row["last_error"]) for row in shown] == [
        (server.base + "/down.rss", 1, "HTTP 503 Service Unavailable")
    ]
    until = dt.datetime.strptime(shown[0]["state"], "backing off until %Y-%m-%dT%H:%M:%SZ")
    assert 50 < (until.replace(tzinfo=dt.UTC) - dt.datetime.now(dt.UTC)).total_seconds() <= 60


def test_last_modified_is_sent_back_as_if_modified_since(server: FeedServer, store: fogwatch.Store):
    stamp = email.utils.formatdate(usegmt=True)
    server.routes["/lm.rss"] = (200, rss([("l1", report(1))]), {"Last-Modified": stamp})
    watcher = Watcher(store, [source(server.base + "/lm.rss")], interval=0.01, log=print)
    watcher.poll_due()
    time.sleep(0.02)
    watcher.poll_due()
    assert [headers.get("If-Modified-Since") for _, headers in server.requests] == [None, stamp]


def test_leases_and_seen_items_on_sqlite_and_postgresql(store_url: str):
    with fogwatch.open(store_url) as opened:
        state = WatchState(opened.engine)
        state.register("http://127.0.0.1:9/feed.rss", "feed")
        now = dt.datetime.now(dt.UTC)
        later = now + dt.timedelta(minutes=5)
        feed = "http://127.0.0.1:9/feed.rss"
        assert state.take_lease(feed, "host:1:1", later, now, stale=None)
        assert not state.take_lease(feed, "host:2:2", later, now, stale=None)
        assert state.take_lease(feed, "host:2:2", later, now, stale="host:1:1")
        assert not state.take_lease(feed, "host:3:3", later, later - dt.timedelta(seconds=1), None)
        assert state.take_lease(feed, "host:3:3", later, later + dt.timedelta(seconds=1), None)
        state.mark_seen(feed, [SeenItem("g1", "h1", "new")], now, {})
        state.mark_seen(feed, [SeenItem("g1", "h2", "new")], now, {})
        assert state.seen(feed) == {"g1": "h2"} and state.seen(feed, ["g2"]) == {}
        for _ in range(2):
            state.record_poll(feed, PollOutcome(now, later, error="HTTP 500 Internal Server Error"))
        row = state.source(feed)
        assert row is not None and (row["errors"], row["last_error"]) == (
            2,
            "HTTP 500 Internal Server Error",
        )
        state.record_poll(feed, PollOutcome(now, later, etag='"v2"'))
        row = state.source(feed)
        assert row is not None and (row["errors"], row["etag"]) == (0, '"v2"')
