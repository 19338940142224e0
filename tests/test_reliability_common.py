"""Shared tools of the reliability suite (tests/test_reliability_*.py); no tests of its own.

A store is compared by `snapshot`: every row of every table, minus what may differ between two
correct runs (autoincrement ids, timestamps), as sorted tuples — so a missing row, an extra row and
a duplicated row all show up as a difference.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

import fogwatch
from fogwatch.store.schema import metadata
from helpers import REPO, SAMPLE, SAMPLE_ARTICLES

Snapshot = dict[str, list[tuple[str, ...]]]

VOLATILE_COLUMNS = {"ingested_at", "linked_at"}
"""When a row was written: differs between two correct runs."""
ARTICLE_TABLES = (
    "article_bands",
    "place_mentions",
    "actor_mentions",
    "coreferences",
    "date_mentions",
    "quantities",
    "claims",
    "events",
)
"""Tables whose rows belong to one article (`article_id`) and are written in its transaction."""
PROGRESS_LINE = re.compile(
    r"loading the language model, gazetteer and classifiers(…|: done in [\d.]+ s)"
    r"|\d+/\d+ articles \(\d+%\), [\d.]+/s.*"
)
"""What `fogwatch ingest` logs as it goes when stderr is no terminal (`watch.progress`)."""


def messages(stderr: str) -> list[str]:
    """The lines of a command's stderr that are not its progress log."""
    return [
        line for line in stderr.splitlines() if line.strip() and not PROGRESS_LINE.fullmatch(line)
    ]


def fogwatch_command(*args: str) -> list[str]:
    """The `fogwatch` command as a subprocess of this interpreter."""
    return [sys.executable, "-m", "fogwatch", *args]


def environment(**extra: str) -> dict[str, str]:
    """The subprocess environment: this one, with the source tree importable and `extra` set."""
    env = {**os.environ, **extra}
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (extra.get("PYTHONPATH"), str(REPO / "src")) if part
    )
    return env


def run_fogwatch(*args: str, timeout: float = 180, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        fogwatch_command(*args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment(**extra),
        check=False,
    )


def _cell(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, bool):
        return str(int(value))
    return str(value)


def snapshot(url: str, skip: Sequence[str] = ()) -> Snapshot:
    """Every table's rows as sorted tuples of strings (volatile columns and `skip` left out)."""
    engine = sa.create_engine(url)
    found: Snapshot = {}
    try:
        with engine.connect() as connection:
            for table in metadata.sorted_tables:
                columns = [
                    column
                    for column in table.columns
                    if column.name not in VOLATILE_COLUMNS
                    and f"{table.name}.{column.name}" not in skip
                    and not (column.primary_key and column.autoincrement is True)
                    and not (column.name == "id" and isinstance(column.type, sa.Integer))
                ]
                rows = connection.execute(sa.select(*columns)).all()
                found[table.name] = sorted(tuple(_cell(v) for v in row) for row in rows)
    finally:
        engine.dispose()
    return found


def counts(found: Snapshot) -> dict[str, int]:
    return {table: len(rows) for table, rows in found.items()}


def article_rows(url: str, article_ids: set[str]) -> dict[str, list[tuple[str, ...]]]:
    """The rows of `ARTICLE_TABLES` that belong to `article_ids` (what one article transaction
    writes; the atomic event an event joins later is left out)."""
    engine = sa.create_engine(url)
    found: dict[str, list[tuple[str, ...]]] = {}
    try:
        with engine.connect() as connection:
            for name in ARTICLE_TABLES:
                table = metadata.tables[name]
                columns = [
                    column
                    for column in table.columns
                    if column.name != "atomic_event_id"
                    and not (column.name == "id" and isinstance(column.type, sa.Integer))
                ]
                query = sa.select(*columns).where(table.c.article_id.in_(sorted(article_ids)))
                found[name] = sorted(
                    tuple(_cell(v) for v in row) for row in connection.execute(query)
                )
    finally:
        engine.dispose()
    return found


def orphans(url: str) -> dict[str, int]:
    """Rows pointing at an article, claim or atomic event that is not stored (all should be 0)."""
    checks = {
        name: f"{name}.article_id NOT IN (SELECT id FROM articles)" for name in ARTICLE_TABLES
    }
    checks["claim_assessments"] = "claim_id NOT IN (SELECT id FROM claims)"
    checks["claim_links"] = "a NOT IN (SELECT id FROM claims) OR b NOT IN (SELECT id FROM claims)"
    checks["events.claim_id"] = "claim_id IS NOT NULL AND claim_id NOT IN (SELECT id FROM claims)"
    checks["events.atomic_event_id"] = (
        "atomic_event_id IS NOT NULL AND atomic_event_id NOT IN (SELECT id FROM atomic_events)"
    )
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                check: int(
                    connection.exec_driver_sql(
                        f"SELECT count(*) FROM {check.split('.')[0]} WHERE {condition}"
                    ).scalar_one()
                )
                for check, condition in checks.items()
            }
    finally:
        engine.dispose()


def integrity(url: str) -> str:
    """`PRAGMA integrity_check` of a SQLite store ("ok" when sound)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA integrity_check").all()
            return "; ".join(str(row[0]) for row in rows)
    finally:
        engine.dispose()


def unlinked_count(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            query = "SELECT count(*) FROM articles WHERE linked_at IS NULL"
            return int(connection.exec_driver_sql(query).scalar_one())
    finally:
        engine.dispose()


def article_count(url: str) -> int:
    """Articles stored at `url`; 0 while the store is not created yet."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.exec_driver_sql("SELECT count(*) FROM articles").scalar_one())
    except sa.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def stored_ids(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return {row[0] for row in connection.exec_driver_sql("SELECT id FROM articles")}
    finally:
        engine.dispose()


def wait_for_articles(
    process: subprocess.Popen, url: str, at_least: int, timeout: float = 120
) -> int:
    """Poll the store until `at_least` articles are stored; the count seen, or -1 if it ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = article_count(url)
        if seen >= at_least:
            return seen
        if process.poll() is not None:
            return -1
        time.sleep(0.01)
    raise AssertionError(f"no {at_least} articles stored within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    """End a subprocess this test started (used in `finally`)."""
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@functools.cache
def reference_url() -> str:
    """A SQLite store with the sample ingested once, uninterrupted, by this process."""
    folder = Path(tempfile.mkdtemp(prefix="fogwatch-reference-"))
    url = f"sqlite:///{folder / 'reference.db'}"
    with fogwatch.open(url) as store:
        summary = store.ingest([str(SAMPLE)])
    assert summary.failed == 0 and summary.new + summary.near_duplicate == SAMPLE_ARTICLES
    return url


@functools.cache
def reference() -> Snapshot:
    """The snapshot of `reference_url()`: what every correct ingest of the sample must end with."""
    return snapshot(reference_url())
