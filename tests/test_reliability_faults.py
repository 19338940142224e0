"""Faults: a killed ingest, a full disk, a restarted database server, damaged cache and model files.

Each fault is real: the ingest is a `fogwatch ingest` subprocess killed with SIGKILL, the disk is a
small tmpfs mounted for the test, the PostgreSQL server is a private one restarted with pg_ctl.
After the fault the store must be sound (no orphans, no half-stored article) and a rerun must end
with exactly the rows of an uninterrupted run (`reference()`).
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from fogwatch.geo import gazetteer
from fogwatch.language import nlp
from helpers import PARAPHRASE, SAMPLE
from test_reliability_common import (
    SAMPLE_ARTICLES,
    article_count,
    article_rows,
    counts,
    environment,
    fogwatch_command,
    integrity,
    messages,
    orphans,
    reference,
    reference_url,
    run_fogwatch,
    snapshot,
    stop,
    stored_ids,
    unlinked_count,
    wait_for_articles,
)

NO_ORPHANS = dict.fromkeys(
    (
        "article_bands",
        "place_mentions",
        "actor_mentions",
        "coreferences",
        "date_mentions",
        "quantities",
        "claims",
        "events",
        "claim_assessments",
        "claim_links",
        "events.claim_id",
        "events.atomic_event_id",
    ),
    0,
)


def _assert_sound_and_whole(url: str) -> set[str]:
    """No orphans, SQLite's integrity check passes, and every stored article has exactly the rows
    an uninterrupted run gives it (so none is half-stored); returns the stored ids."""
    assert orphans(url) == NO_ORPHANS
    if url.startswith("sqlite"):
        assert integrity(url) == "ok"
    ids = stored_ids(url)
    assert article_rows(url, ids) == article_rows(reference_url(), ids)
    return ids


def _ingest_json(url: str) -> dict[str, int]:
    done = run_fogwatch("ingest", str(SAMPLE), "--db", url, "--format", "json")
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- SIGKILL during ingest ---------------------------------------------------------------------


def test_sigkill_during_ingest_then_rerun_matches_an_uninterrupted_run(store_url: str) -> None:
    expected = reference()
    process = subprocess.Popen(
        fogwatch_command("ingest", str(SAMPLE), "--db", store_url),
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        seen = wait_for_articles(process, store_url, at_least=1)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        stop(process)
    assert seen > 0, "the ingest ended before it could be killed"
    at_kill = article_count(store_url)
    assert 0 < at_kill < SAMPLE_ARTICLES, at_kill
    kept = _assert_sound_and_whole(store_url)
    assert len(kept) == at_kill

    summary = _ingest_json(store_url)
    assert summary["duplicate"] == at_kill  # stored before the kill: not parsed or stored again
    assert summary["new"] + summary["near_duplicate"] == SAMPLE_ARTICLES - at_kill
    after = snapshot(store_url)
    assert counts(after) == counts(expected)
    assert after == expected
    assert unlinked_count(store_url) == 0
    _assert_sound_and_whole(store_url)


# --- disk full ---------------------------------------------------------------------------------


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 1.2 MB tmpfs (the sample needs about 2 MB with its write-ahead log), unmounted after."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    where = Path(tempfile.mkdtemp(prefix="fogwatch-full-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1200k,mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], check=False)
        shutil.rmtree(where, ignore_errors=True)


def test_full_disk_is_a_one_line_error_and_the_store_stays_intact(small_disk: Path) -> None:
    url = f"sqlite:///{small_disk / 'store.db'}"
    done = run_fogwatch("ingest", str(SAMPLE), "--db", url)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = messages(done.stderr)
    assert lines == [
        f"fogwatch: cannot use the store {url}: database or disk is full — free space where the "
        "store lives, then run the same ingest again (stored articles are kept)"
    ]
    stored_before = _assert_sound_and_whole(url)
    assert 0 < len(stored_before) < SAMPLE_ARTICLES

    # room again: the same command finishes the job, nothing lost or doubled
    subprocess.run(["mount", "-o", "remount,size=16m", str(small_disk)], check=True)
    summary = _ingest_json(url)
    assert summary["duplicate"] == len(stored_before)
    assert snapshot(url) == reference()
    assert unlinked_count(url) == 0


# --- PostgreSQL restarted mid-ingest -----------------------------------------------------------


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PrivateServer:
    """A PostgreSQL server of this test's own, so restarting it disturbs no other test."""

    def __init__(self) -> None:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not binaries:
            pytest.fail("PostgreSQL binaries not found — run `scripts/setup.sh --test`")
        self.bin = Path(binaries[-1])
        self.base = Path(tempfile.mkdtemp(prefix="fogwatch-pg-restart-"))
        self.data = self.base / "data"
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(self.data, "postgres", "postgres")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        initdb = [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust"]
        self._run([*initdb, "-E", "UTF8", "--no-sync"])
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, command: list[str]) -> None:
        subprocess.run(_as_postgres(command), check=True, capture_output=True, text=True)

    def _ctl(self, *args: str) -> list[str]:
        options = f"-k {self.data} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.data / "server.log")
        return [
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-w",
            "-l",
            log,
            "-o",
            options,
            *args,
        ]

    def start(self) -> None:
        self._run(self._ctl("start"))

    def restart(self) -> None:
        """A crash-like stop (no shutdown checkpoint) and a start, as after an OOM kill."""
        self._run(self._ctl("-m", "immediate", "restart"))

    def stop_server(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
            ),
            capture_output=True,
            check=False,
        )

    def remove(self) -> None:
        self.stop_server()
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture
def private_postgres() -> Iterator[PrivateServer]:
    server = PrivateServer()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.mark.postgres
def test_postgres_restart_mid_ingest_is_survived_and_nothing_is_half_written(
    private_postgres: PrivateServer,
) -> None:
    url = private_postgres.url
    process = subprocess.Popen(
        fogwatch_command("ingest", str(SAMPLE), "--db", url),
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_for_articles(process, url, at_least=1) > 0
        private_postgres.restart()
        _out, errors = process.communicate(timeout=180)
    finally:
        stop(process)
    # the ingest reconnects and goes on; were the server gone for good it would end in one line
    assert "Traceback" not in errors
    assert process.returncode == 0, errors
    _assert_sound_and_whole(url)
    assert snapshot(url) == reference()
    assert unlinked_count(url) == 0


@pytest.mark.postgres
def test_postgres_gone_mid_ingest_is_a_one_line_error_and_a_rerun_completes(
    private_postgres: PrivateServer,
) -> None:
    url = private_postgres.url
    process = subprocess.Popen(
        fogwatch_command("ingest", str(SAMPLE), "--db", url),
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_for_articles(process, url, at_least=1) > 0
        private_postgres.stop_server()
        _out, errors = process.communicate(timeout=180)  # after the reconnect waits run out
    finally:
        stop(process)
    assert process.returncode == 1
    lines = messages(errors)
    assert len(lines) == 1 and "Traceback" not in errors, errors
    assert lines[0].startswith(f"fogwatch: cannot use the store {url}: ")
    assert lines[0].endswith(
        " — check that the database server is up and reachable, then run the same ingest again"
        " (stored articles are kept)"
    )
    private_postgres.start()
    kept = _assert_sound_and_whole(url)
    assert 0 < len(kept) < SAMPLE_ARTICLES
    assert _ingest_json(url)["duplicate"] == len(kept)
    assert snapshot(url) == reference()


# --- damaged gazetteer cache and model ---------------------------------------------------------


def _truncate(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.truncate(path.stat().st_size // 3)


def _alter_an_array_inside_a_valid_zip(path: Path) -> None:
    """One coordinate changed and the file rewritten as a well-formed npz: only the checksum
    in the header can tell."""
    with np.load(path, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["lat"] = arrays["lat"].copy()
    arrays["lat"][len(arrays["lat"]) // 2] += 1.0
    with path.open("wb") as stream:
        np.savez(stream, **arrays)  # type: ignore[arg-type]


def _swap_the_header(path: Path) -> None:
    with np.load(path, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    header = json.loads(arrays["header"].tobytes().decode())
    header["checksum"] = "0" * 64
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    with path.open("wb") as stream:
        np.savez(stream, **arrays)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "damage", [_truncate, _alter_an_array_inside_a_valid_zip, _swap_the_header]
)
def test_damaged_gazetteer_cache_is_detected_and_rebuilt(
    damage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """tests/test_gazetteer.py covers bytes overwritten mid-file; these are the other damages."""
    good = gazetteer.load() and gazetteer.default_path()
    damaged = tmp_path / "gazetteer.npz"
    shutil.copyfile(good, damaged)
    assert gazetteer._read(damaged) is not None  # the copy itself is accepted
    damage(damaged)
    rebuilt: list[Path] = []

    def build(path: Path | None = None) -> Path:
        # the real compile takes 30 s; copying the intact cache in stands in for it
        assert path is not None
        rebuilt.append(path)
        shutil.copyfile(good, path)
        return path

    monkeypatch.setattr(gazetteer, "build", build)
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(damaged))
    loaded = gazetteer.load()
    assert rebuilt == [damaged]
    assert loaded.candidates("Pokrovsk")[0].geonameid == 704422


def test_altered_model_is_a_one_line_error_from_the_cli(tmp_path: Path) -> None:
    """tests/test_nlp.py proves `nlp.verify` catches the change; here the user-facing command."""
    package = Path(nlp.model_dir()).parent
    copy = tmp_path / "site" / package.name
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    weights = copy / nlp.model_dir().name / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0x01
    weights.write_bytes(bytes(data))
    for command in (
        ("extract", str(PARAPHRASE)),
        ("ingest", str(PARAPHRASE), "--db", str(tmp_path / "s.db")),
    ):
        done = run_fogwatch(*command, PYTHONPATH=str(tmp_path / "site"))
        assert done.returncode == 1, command
        assert done.stderr.strip().splitlines() == [
            f"fogwatch: spaCy model file {weights} does not match its sha256 — {nlp.REINSTALL}"
        ]
    assert article_count(f"sqlite:///{tmp_path / 's.db'}") == 0
