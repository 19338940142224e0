"""Latency of `fogwatch watch`: from an item's publication in a feed to its event in `GET /events`.

A feed is served from a local HTTP server on 127.0.0.1; items (invented one-paragraph reports)
are published into it at a set rate while a real `fogwatch watch --interval 2` process follows
it and a real `fogwatch serve` answers `GET /events`. Prints one JSON line: median and p95
seconds over the items that produced an event, and the settings.

    .venv/bin/python benchmarks/latency.py                  # one process
    .venv/bin/python benchmarks/latency.py --workers 2      # the pipeline on 2 Dask workers
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOGWATCH = [sys.executable, "-m", "fogwatch"]
TOWNS = ("Kramatorsk", "Sloviansk", "Kostiantynivka", "Druzhkivka", "Pokrovsk", "Dobropillia")


def report(number: int) -> str:
    """An invented report: one shelling with a count of dead, one denial."""
    town = TOWNS[number % len(TOWNS)]
    return (
        f"Russian artillery shelled {town} overnight, killing {number + 2} civilians, the "
        f"regional governor said on Monday. Moscow denied that its forces struck {town}."
    )


class Feed:
    """An RSS feed that grows while the benchmark runs, served with ETags."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, float]] = []  # guid, body, published at (monotonic)
        self.lock = threading.Lock()
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = feed.xml()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/feed.rss"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, number: int) -> None:
        with self.lock:
            self.items.append((f"item-{number}", report(number), time.monotonic()))

    def xml(self) -> bytes:
        with self.lock:
            items = list(self.items)
        stamp = email.utils.formatdate(usegmt=True)
        entries = "".join(
            f"<item><guid>{guid}</guid><title>Report {guid}</title>"
            f"<link>http://127.0.0.1/{guid}</link><pubDate>{stamp}</pubDate>"
            f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>"
            for guid, body, _ in reversed(items)
        )
        return (
            '<?xml version="1.0"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Latency Wire</title>{entries}</channel></rss>"
        ).encode()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_line(process: subprocess.Popen[str], needle: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if needle in line:
            return
        if not line and process.poll() is not None:
            raise SystemExit(f"fogwatch exited before printing {needle!r}")
    raise SystemExit(f"timed out waiting for {needle!r}")


def _events(api: str) -> list[dict]:
    with urllib.request.urlopen(f"{api}/events?limit=10000", timeout=10) as response:
        return list(json.load(response)["events"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=12, help="items to publish")
    parser.add_argument("--every", type=float, default=3.0, help="seconds between two items")
    parser.add_argument("--interval", type=float, default=2.0, help="watch --interval")
    parser.add_argument("--workers", type=int, default=None, help="watch --workers N (Dask)")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="fogwatch-latency-"))
    db = f"sqlite:///{folder / 'store.db'}"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "PYTHONUNBUFFERED": "1"}
    feed = Feed()
    port = _free_port()
    api = f"http://127.0.0.1:{port}"
    serve = subprocess.Popen(
        [*FOGWATCH, "serve", "--db", db, "--port", str(port)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    watch_command = [*FOGWATCH, "watch", feed.url, "--db", db, "--interval", str(options.interval)]
    if options.workers:
        watch_command += ["--workers", str(options.workers)]
    watch_log = (folder / "watch.log").open("w")
    watch = subprocess.Popen(watch_command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_line(serve, "serving on", 120)
        _wait_for_line(watch, "watching", 600)  # after the model is loaded
        threading.Thread(
            target=lambda: [watch_log.write(line) for line in watch.stderr or []], daemon=True
        ).start()
        seen_at: dict[str, float] = {}
        next_item = 0
        deadline = None
        while True:
            now = time.monotonic()
            if next_item < options.items and (
                not feed.items or now >= feed.items[-1][2] + options.every
            ):
                feed.publish(next_item)
                next_item += 1
                if next_item == options.items:
                    deadline = now + 60  # time for the last item to come through
            for event in _events(api):
                guid = (event.get("url") or "").rsplit("/", 1)[-1]
                seen_at.setdefault(guid, time.monotonic())
            if deadline and (now > deadline or len(seen_at) >= options.items):
                break
            time.sleep(0.2)
        published = {guid: at for guid, _, at in feed.items}
        latencies = sorted(seen_at[guid] - at for guid, at in published.items() if guid in seen_at)
    finally:
        for process in (watch, serve):
            process.send_signal(signal.SIGTERM)
        for process in (watch, serve):
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        watch_log.close()
    p95 = (
        latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
        if latencies
        else None
    )
    print(
        json.dumps(
            {
                "benchmark": "latency",
                "workers": options.workers or 0,
                "interval_s": options.interval,
                "published": len(published),
                "with_events": len(latencies),
                "median_s": round(statistics.median(latencies), 2) if latencies else None,
                "p95_s": round(p95, 2) if p95 is not None else None,
                "max_s": round(latencies[-1], 2) if latencies else None,
                "every_s": options.every,
            }
        )
    )


if __name__ == "__main__":
    main()
