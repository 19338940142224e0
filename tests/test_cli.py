"""The `fogwatch` command, run as a real subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from helpers import PARAPHRASE, SEED, dated, needs_shared

FOGWATCH = [sys.executable, "-m", "fogwatch"]


def run(*args: str, db: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    # a ceiling for a hung process, not a speed test: 1,500 short reports took 263 s on a
    # near-idle 2-core machine (40 a second for the first 100, then 4-6: see the README's Status)
    return subprocess.run(
        [*FOGWATCH, *args, "--db", db], capture_output=True, text=True, input=stdin, timeout=600
    )


def test_version():
    result = subprocess.run([*FOGWATCH, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("fogwatch ")


def test_ingest_list_and_show(tmp_path: Path):
    db = str(tmp_path / "cli.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        dated("Drones struck Odesa port overnight."), encoding="utf-8"
    )
    (tmp_path / "in" / "b.txt").write_text(
        dated("Talks in Istanbul stalled.", "2025-11-10"), encoding="utf-8"
    )
    ingested = run("ingest", str(tmp_path / "in"), "--format", "json", db=db)
    assert ingested.returncode == 0, ingested.stderr
    assert json.loads(ingested.stdout) == {
        "read": 2,
        "new": 2,
        "duplicate": 0,
        "near_duplicate": 0,
        "failed": 0,
    }

    listed = json.loads(run("articles", "--format", "json", db=db).stdout)
    assert [(row["published"], row["words"]) for row in listed] == [
        ("2025-11-12", 5),
        ("2025-11-10", 4),
    ]
    found = run("articles", "--search", "odesa", "--format", "csv", db=db).stdout.splitlines()
    assert found[0] == "id,published,source,title,words,dup_cluster"
    assert len(found) == 2 and found[1].startswith(listed[0]["id"] + ",2025-11-12,")

    shown = run("show", listed[1]["id"], db=db)
    assert shown.returncode == 0 and "Talks in Istanbul stalled." in shown.stdout

    # piped, the table is as wide as it needs to be; in 40 columns, ids and dates stay whole
    for columns in (None, "40"):
        env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
        table = subprocess.run(
            [*FOGWATCH, "articles", "--db", db],
            capture_output=True,
            text=True,
            env=env if columns is None else {**env, "COLUMNS": columns},
        ).stdout
        assert listed[0]["id"] in table and "2025-11-12" in table and "…" not in table
    assert f"│ {listed[0]['id']} │ 2025-11-12 │" in table


def test_failures_are_one_line_each_and_exit_1_while_the_rest_is_stored(tmp_path: Path):
    db = str(tmp_path / "cli.db")
    good = tmp_path / "good.txt"
    good.write_text(dated("Shelling hit Kherson."), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"date": "2025-11-12", "text": "Fine line."}\n{broken\n', encoding="utf-8")
    result = run("ingest", str(good), str(bad), str(tmp_path / "absent.txt"), db=db)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"fogwatch: {bad}:2: not JSON (Expecting property name enclosed in double quotes) — fix or remove the line",
        f"fogwatch: {tmp_path / 'absent.txt'}: no such file or directory — check the path",
    ]
    assert "2 new" in result.stdout and "2 failed" in result.stdout
    assert len(json.loads(run("articles", "--format", "json", db=db).stdout)) == 2


def test_usage_errors_exit_2(tmp_path: Path):
    db = str(tmp_path / "cli.db")
    assert run("articles", "--since", "12/11/2025", db=db).returncode == 2
    assert run("articles", "--format", "xml", db=db).returncode == 2
    assert subprocess.run([*FOGWATCH, "frobnicate"], capture_output=True).returncode == 2


def test_show_unknown_id_exits_1(tmp_path: Path):
    result = run("show", "ffffffffffffffff", db=str(tmp_path / "cli.db"))
    assert result.returncode == 1 and "no article 'ffffffffffffffff'" in result.stderr


def test_stdin_with_a_date(tmp_path: Path):
    db = str(tmp_path / "cli.db")
    result = run("ingest", "-", "--date", "2025-11-01", db=db, stdin="A plain body from a pipe.")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(run("articles", "--format", "json", db=db).stdout)
    assert row["published"] == "2025-11-01"


@pytest.mark.parametrize(
    "seed",
    [pytest.param(SEED, marks=needs_shared, id="seed"), pytest.param(PARAPHRASE, id="paraphrase")],
)
def test_seed_article_shows_clean_text_date_and_an_exact_offset_map(tmp_path: Path, seed: Path):
    db = str(tmp_path / "seed.db")
    assert "1 new" in run("ingest", str(seed), db=db).stdout
    again = run("ingest", str(seed), db=db)
    assert "0 new, 1 duplicate" in again.stdout
    [row] = json.loads(run("articles", "--format", "json", db=db).stdout)
    article = json.loads(run("show", row["id"], "--format", "json", db=db).stdout)["article"]
    text, raw = article["text"], article["raw_text"]
    assert article["published"] == "2025-11-12"
    assert "View gallery" not in text and "( Photo" not in text and "(Photo" not in text
    assert raw == seed.read_text(encoding="utf-8")[len(" date 2025-11-12 ") :]
    covered = 0
    for clean_start, raw_start, length in article["raw_offsets"]:
        assert clean_start == covered
        assert text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
        covered += length
    assert covered == len(text)


def _count(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(sa.text("SELECT count(*) FROM articles")).scalar_one())
    except sa.exc.OperationalError:
        return 0  # the store is still being created
    except sa.exc.ProgrammingError:
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_stores_every_article_exactly_once(
    store_url: str, tmp_path: Path
):
    total = 1500
    batch = tmp_path / "many.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        for n in range(total):
            body = f"Report {n}: shelling damaged {n % 97} houses in sector {n * 7919 % 10007} overnight."
            out.write(json.dumps({"date": "2025-11-01", "id": f"n{n}", "text": body}) + "\n")
    process = subprocess.Popen(
        [*FOGWATCH, "ingest", str(batch), "--db", store_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while _count(store_url) < 100 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_at_kill = _count(store_url)
    assert 0 < stored_at_kill < total, "the kill must land mid-batch for this test to mean anything"

    rerun = run("ingest", str(batch), "--format", "json", db=store_url)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (
        summary["duplicate"] == stored_at_kill
        and summary["new"] + summary["near_duplicate"] == total - stored_at_kill
    )
    assert _count(store_url) == total
    engine = sa.create_engine(store_url)
    with engine.connect() as connection:
        bands = connection.execute(
            sa.text("SELECT count(DISTINCT article_id) FROM article_bands")
        ).scalar_one()
        orphans = connection.execute(
            sa.text(
                "SELECT count(*) FROM article_bands WHERE article_id NOT IN (SELECT id FROM articles)"
            )
        ).scalar_one()
        if connection.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    engine.dispose()
    assert (bands, orphans) == (total, 0)


def test_an_unreachable_store_is_one_line_and_exit_1(tmp_path: Path):
    result = run("articles", db="postgresql+psycopg://fogwatch:secret@127.0.0.1:1/none")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(
        "fogwatch: cannot use the store postgresql+psycopg://fogwatch:***@127.0.0.1:1/none:"
    )
    assert line.endswith("— check --db or FOGWATCH_DB") and "secret" not in line
