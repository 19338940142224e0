"""Ingest on Dask: a real scheduler and two real worker processes on loopback, a real PostgreSQL
store, compared with a run in one process; then a worker and the client killed mid-run."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from distributed import Client
from typer.testing import CliRunner

import fogwatch
from fogwatch.cli import app
from fogwatch.export import acled
from fogwatch.geo import gazetteer
from fogwatch.language import nlp
from fogwatch.scale import dask as scale
from helpers import SAMPLE, SAMPLE_ARTICLES, without_timestamps

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@dataclass(frozen=True)
class Snapshot:
    """What a store holds after an ingest, in the forms users read it."""

    acled_csv: str
    links: frozenset[tuple[str, str, str, str]]
    judgments: dict[str, tuple[str, Any]]
    atomic_events: dict[str, str | None]
    dup_clusters: dict[str, str]
    unlinked: tuple[str, ...]


def snapshot(store: fogwatch.Store) -> Snapshot:
    csv = io.StringIO()
    acled.write_csv(store.events(), csv)
    return Snapshot(
        acled_csv=without_timestamps(csv.getvalue()),
        links=frozenset((r["a"], r["b"], r["relation"], r["evidence"]) for r in store.links()),
        judgments={r["id"]: (r["status"], r["credibility"]) for r in store.claims()},
        atomic_events={r["id"]: r["atomic_event_id"] for r in store.events()},
        dup_clusters={r["id"]: r["dup_cluster"] for r in store.articles()},
        unlinked=tuple(store.unlinked()),
    )


@dataclass(frozen=True)
class Reference:
    summary: dict[str, int]
    store: Snapshot


def _new_database(server: str) -> str:
    name = "dask_" + uuid.uuid4().hex[:12]
    engine = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return f"{server}/{name}"


@pytest.fixture(scope="module")
def reference(postgres_server: str) -> Reference:
    """The sample corpus ingested in this process, the way `fogwatch ingest` does without Dask."""
    with fogwatch.open(_new_database(postgres_server)) as store:
        summary = store.ingest([str(SAMPLE)])
        found = Reference(summary.as_dict(), snapshot(store))
    # the comparison means something only if the cross-article work produced something
    assert found.summary["read"] == SAMPLE_ARTICLES and found.summary["near_duplicate"] == 1
    assert {relation for _, _, relation, _ in found.store.links} == {
        "confirms",
        "contradicts",
        "repeats",
    }
    atomic = [a for a in found.store.atomic_events.values() if a]
    assert len(set(atomic)) < len(atomic)  # some atomic events merge several reports
    assert found.store.unlinked == ()
    return found


@pytest.fixture(scope="module")
def cluster() -> Iterator[Client]:
    """A scheduler and two single-threaded worker processes on loopback."""
    with scale.local_cluster(2) as local, Client(local) as client:
        yield client


def _pipeline_loaded() -> bool:
    """Run on a worker: whether its process holds the spaCy model and the gazetteer."""
    return nlp.load.cache_info().currsize == 1 and gazetteer._load_cached.cache_info().currsize == 1


def _count_articles(engine: sa.Engine) -> int:
    try:
        with engine.connect() as connection:
            return int(connection.exec_driver_sql("SELECT count(*) FROM articles").scalar_one())
    except sa.exc.DBAPIError:
        return 0  # the store is not migrated yet


def test_a_cluster_stores_what_one_process_stores(
    cluster: Client, reference: Reference, postgres_url: str
):
    analyse = scale.DaskAnalyser.on(cluster)
    assert cluster.run(_pipeline_loaded) == dict.fromkeys(cluster.nthreads(), True)
    with fogwatch.open(postgres_url) as store:
        summary = store.ingest([str(SAMPLE)], analyse=analyse)
        assert summary.as_dict() == reference.summary
        assert snapshot(store) == reference.store
        # a second run finds every article stored and changes nothing
        again = store.ingest([str(SAMPLE)], analyse=analyse)
        assert again.as_dict() == {
            **reference.summary,
            "new": 0,
            "near_duplicate": 0,
            "duplicate": SAMPLE_ARTICLES,
        }
        assert snapshot(store) == reference.store


def test_bad_inputs_are_reported_the_same_on_a_cluster(cluster: Client, tmp_path, postgres_url):
    batch = tmp_path / "mixed.jsonl"
    batch.write_text(
        '{"date": "2025-11-03", "text": "Artillery shelled Kramatorsk on Monday."}\n'
        "not json\n"
        '{"text": "No date here."}\n',
        encoding="utf-8",
    )
    with fogwatch.open(f"sqlite:///{tmp_path / 'local.db'}") as store:
        local = store.ingest([str(batch)])
    with fogwatch.open(postgres_url) as store:
        remote = store.ingest([str(batch)], analyse=scale.DaskAnalyser.on(cluster))
    assert (
        remote.as_dict()
        == local.as_dict()
        == {
            "read": 1,
            "new": 1,
            "duplicate": 0,
            "near_duplicate": 0,
            "failed": 2,
        }
    )
    assert [str(e) for e in remote.errors] == [str(e) for e in local.errors]


def test_a_worker_killed_mid_run_changes_nothing(
    cluster: Client, reference: Reference, postgres_url: str
):
    analyse = scale.DaskAnalyser.on(cluster)
    victim = next(iter(cluster.run(os.getpid).values()))
    killed_at: list[int] = []

    def kill_once_articles_are_stored() -> None:
        engine = sa.create_engine(postgres_url)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if (count := _count_articles(engine)) >= 4:
                os.kill(victim, signal.SIGKILL)
                killed_at.append(count)
                break
            time.sleep(0.02)
        engine.dispose()

    killer = threading.Thread(target=kill_once_articles_are_stored)
    killer.start()
    with fogwatch.open(postgres_url) as store:
        summary = store.ingest([str(SAMPLE)], analyse=analyse)
        killer.join()
        assert killed_at and killed_at[0] < SAMPLE_ARTICLES, "the worker was not killed mid-run"
        assert summary.as_dict() == reference.summary
        assert snapshot(store) == reference.store
    # the nanny started a new worker process, and the plugin loaded the pipeline into it
    cluster.wait_for_workers(2, timeout=120)
    pids = cluster.run(os.getpid)
    assert len(pids) == 2 and victim not in pids.values()
    assert all(cluster.run(_pipeline_loaded).values())


def test_a_client_killed_mid_run_is_finished_by_the_next_run(
    cluster: Client, reference: Reference, postgres_url: str
):
    engine = sa.create_engine(postgres_url)
    with tempfile.TemporaryFile() as log:
        command = [sys.executable, "-m", "fogwatch", "ingest", str(SAMPLE), "--workers", "2"]
        client = subprocess.Popen(
            [*command, "--db", postgres_url],
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,  # its own process group: its workers can be found and ended
        )
        try:
            deadline = time.monotonic() + 120
            while (stored := _count_articles(engine)) < 6:
                if client.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"ingest ended or hung before storing 6 articles: {log.read()!r}")
                time.sleep(0.02)
            client.send_signal(signal.SIGKILL)
            client.wait()
        finally:
            _end_process_group(client)
    stored = _count_articles(engine)
    engine.dispose()
    assert 6 <= stored < SAMPLE_ARTICLES
    with fogwatch.open(postgres_url) as store:
        assert snapshot(store).unlinked  # stopped between storing and linking
        summary = store.ingest([str(SAMPLE)], analyse=scale.DaskAnalyser.on(cluster))
        assert summary.duplicate == stored and summary.failed == 0
        assert snapshot(store) == reference.store


def _end_process_group(leader: subprocess.Popen[bytes]) -> None:
    """Wait for the processes the killed client started to notice and exit; end any left."""
    if leader.poll() is None:
        leader.kill()
        leader.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.killpg(leader.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(leader.pid, signal.SIGKILL)


def test_an_unreachable_scheduler_is_one_line_naming_it_and_the_fix(monkeypatch, tmp_path):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", 0.5)
    result = CliRunner().invoke(
        app,
        ["ingest", str(SAMPLE), "--cluster", "tcp://127.0.0.1:9", "--db", str(tmp_path / "s.db")],
    )
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("fogwatch:")]
    assert line.startswith("fogwatch: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert "dask scheduler" in line and "--workers N" in line


def test_cluster_and_workers_are_exclusive():
    result = CliRunner().invoke(
        app, ["ingest", str(SAMPLE), "--cluster", "tcp://127.0.0.1:9", "--workers", "2"]
    )
    assert result.exit_code == 2
    assert "--cluster / --workers" in result.stderr
