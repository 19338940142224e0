"""Load test of `fogwatch serve`. Prints one JSON line.

.venv/bin/python benchmarks/load.py [--db URL] [--workers 2] [--clients 8] [--seconds 10]
.venv/bin/python benchmarks/load.py --mixed [--levels 1,4,16,32] [--seconds 10]

Without --db the bundled sample is ingested into a new SQLite file first. The server is a real
`fogwatch serve --workers N` subprocess on 127.0.0.1; each client is a thread with its own httpx
connection. By default `GET /events?limit=100` and a trivial request (a small static file, through
the same middleware) are each driven by the same clients for the same time, one after the other:
throughput and p50/p99 latency of each, their ratio, and the machine's load average (this
machine may be shared: the trivial figure is the ceiling of the setup at that load). With
--mixed: the read queries an analyst's pages make at rising concurrency, with 5xx, transport
errors and the server's RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "src" / "fogwatch" / "data" / "sample"


@dataclass
class Server:
    """A running `fogwatch serve` process and where it listens."""

    process: subprocess.Popen
    base_url: str

    def rss_mb(self) -> float:
        """The server's resident set size now, from /proc."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for process {self.process.pid}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db_url: str, *extra: str, timeout: float = 60) -> Server:
    """Start `fogwatch serve` on a free port (default host) and wait until /stats answers."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("FOGWATCH_API_TOKEN", None)
    command = [sys.executable, "-m", "fogwatch", "serve", "--db", db_url, "--port", str(port)]
    process = subprocess.Popen(
        [*command, *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    server = Server(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            errors = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"fogwatch serve exited with {process.returncode}: {errors}")
        try:
            if httpx.get(server.base_url + "/stats", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError("fogwatch serve did not answer /stats in time")
        time.sleep(0.1)


def query_mix(base_url: str) -> list[str]:
    """Read requests an analyst's pages make, with ids and names taken from the store."""
    with httpx.Client(base_url=base_url, timeout=30) as client:
        places = client.get("/places", params={"limit": 5}).json()["places"]
        articles = client.get("/articles", params={"limit": 3}).json()["articles"]
    paths = [
        "/stats",
        "/events?limit=50",
        "/events?group=atomic",
        "/events?side=RUS&modality=asserted",
        "/events?format=geojson",
        "/events?bbox=30,44,41,53",
        "/claims?contested=true",
        "/claims?limit=20&offset=10",
        "/articles?limit=20",
        "/articles?search=Pokrovsk",
        "/links",
    ]
    for place in places:
        paths.append(f"/places/{quote(place['id'], safe=':')}")
        paths.append(f"/events?place={quote(place['name'])}")
    paths += [f"/articles/{article['id']}" for article in articles]
    return paths


@dataclass
class Level:
    """What one concurrency level measured."""

    concurrency: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def report(self) -> dict[str, object]:
        ordered = sorted(self.latencies)
        return {
            "concurrency": self.concurrency,
            "requests": len(ordered),
            "throughput_rps": round(len(ordered) / self.seconds, 1),
            "p50_ms": round(_percentile(ordered, 50) * 1000, 1),
            "p99_ms": round(_percentile(ordered, 99) * 1000, 1),
            "status_5xx": sum(n for status, n in self.statuses.items() if status >= 500),
            "statuses": {str(status): n for status, n in sorted(self.statuses.items())},
            "errors": len(self.errors),
            "first_errors": self.errors[:3],
        }


def _percentile(ordered: list[float], percent: float) -> float:
    """Nearest-rank percentile of sorted values (0 when there are none)."""
    if not ordered:
        return 0.0
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[int(rank) - 1]


def run_level(base_url: str, paths: list[str], concurrency: int, seconds: float) -> Level:
    """`concurrency` threads, each on its own connection, cycling through `paths` until time is up."""
    level = Level(concurrency, seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client_loop(offset: int) -> None:
        latencies: list[float] = []
        statuses: Counter[int] = Counter()
        errors: list[str] = []
        with httpx.Client(base_url=base_url, timeout=60) as client:
            index = offset
            while time.monotonic() < deadline:
                path = paths[index % len(paths)]
                index += 1
                started = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError as error:
                    errors.append(f"{path}: {type(error).__name__}: {error}")
                    continue
                latencies.append(time.perf_counter() - started)
                statuses[status] += 1
        with lock:
            level.latencies += latencies
            level.statuses.update(statuses)
            level.errors += errors

    threads = [threading.Thread(target=client_loop, args=(i * 7,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return level


def load(server: Server, levels: list[int], seconds: float) -> dict[str, object]:
    """Warm up (every path once), then run each level; RSS after warm-up and at the end."""
    paths = query_mix(server.base_url)
    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        for path in paths:
            client.get(path)
    rss_start = server.rss_mb()
    reports = [run_level(server.base_url, paths, n, seconds).report() for n in levels]
    rss_end = server.rss_mb()
    return {
        "benchmark": "load",
        "paths": len(paths),
        "levels": reports,
        "total_requests": sum(int(str(r["requests"])) for r in reports),
        "total_5xx": sum(int(str(r["status_5xx"])) for r in reports),
        "total_errors": sum(int(str(r["errors"])) for r in reports),
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
    }


EVENTS_PATH = "/events?limit=100"
TRIVIAL_PATH = "/static/favicon.svg"


def compare(server: Server, clients: int, seconds: float, workers: int) -> dict[str, object]:
    """`EVENTS_PATH` then `TRIVIAL_PATH`, each by `clients` threads for `seconds`, after a warm-up."""
    for _ in range(4 * workers):  # new connections reach every worker, so all caches are filled
        httpx.get(server.base_url + EVENTS_PATH, timeout=60)
        httpx.get(server.base_url + TRIVIAL_PATH, timeout=60)
    load_before = os.getloadavg()
    events = run_level(server.base_url, [EVENTS_PATH], clients, seconds).report()
    trivial = run_level(server.base_url, [TRIVIAL_PATH], clients, seconds).report()
    load_after = os.getloadavg()
    shown = ("requests", "throughput_rps", "p50_ms", "p99_ms", "status_5xx", "errors")
    return {
        "benchmark": "load",
        "workers": workers,
        "clients": clients,
        "seconds": seconds,
        "events": {"path": EVENTS_PATH, **{key: events[key] for key in shown}},
        "trivial": {"path": TRIVIAL_PATH, **{key: trivial[key] for key in shown}},
        "events_to_trivial_rps": round(
            float(str(events["throughput_rps"])) / max(float(str(trivial["throughput_rps"])), 1e-9),
            2,
        ),
        "cores": os.cpu_count(),
        "loadavg_1m_before": round(load_before[0], 2),
        "loadavg_1m_after": round(load_after[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="store URL (default: the sample in a new file)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--clients", type=int, default=8, help="client threads")
    parser.add_argument("--seconds", type=float, default=10, help="duration of each measurement")
    parser.add_argument("--mixed", action="store_true", help="the mixed queries at rising levels")
    parser.add_argument("--levels", default="1,4,16,32", help="client threads per --mixed level")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db_url = args.db
        if db_url is None:
            import fogwatch

            db_url = f"sqlite:///{Path(scratch) / 'load.db'}"
            with fogwatch.open(db_url) as store:
                store.ingest([str(SAMPLE)])
        server = start_server(db_url, "--workers", str(args.workers))
        try:
            if args.mixed:
                levels = [int(n) for n in args.levels.split(",")]
                report = {"workers": args.workers, **load(server, levels, args.seconds)}
            else:
                report = compare(server, args.clients, args.seconds, args.workers)
        finally:
            server.stop()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
