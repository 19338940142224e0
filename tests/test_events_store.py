"""Events end to end: ingest the sample corpus, merge atomic events, export ACLED CSV and GeoJSON."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import fogwatch
from fogwatch.events import merge
from fogwatch.export import acled, geojson
from helpers import SAMPLE


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> fogwatch.Store:
    store = fogwatch.open(str(tmp_path_factory.mktemp("events") / "sample.db"))
    assert store.ingest([str(SAMPLE)]).failed == 0
    return store


def test_every_asserted_placed_dated_event_belongs_to_its_atomic_event(
    sample_store: fogwatch.Store,
):
    rows = sample_store.events()
    assert len(rows) > 40
    cells = {
        (merge.family_of(r["sub_type"], r["civilian_targeting"]), r["place_id"], r["date"])
        for r in rows
        if r["modality"] == "asserted" and r["place_id"] and r["date"]
    }
    atomic_ids = {r["atomic_event_id"] for r in rows if r["atomic_event_id"]}
    assert len(atomic_ids) == len(cells)
    for row in rows:
        merged = row["modality"] == "asserted" and row["place_id"] and row["date"]
        assert bool(row["atomic_event_id"]) == bool(merged)


def test_acled_csv_round_trips_through_pandas(sample_store: fogwatch.Store):
    rows = sample_store.events()
    stream = io.StringIO()
    written = acled.write_csv(rows, stream)
    frame = pd.read_csv(io.StringIO(stream.getvalue()))
    assert list(frame.columns) == list(acled.COLUMNS)
    assert len(frame) == written == sum(r["modality"] == "asserted" for r in rows)
    assert frame["event_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert set(frame["time_precision"]) <= {1, 2, 3}
    assert (frame["fatalities"] >= 0).all()
    ukraine = frame[frame["country"] == "Ukraine"]
    assert len(ukraine) > 0 and set(ukraine["iso"]) == {804}
    assert ukraine["notes"].str.len().min() > 10


def test_geojson_points_are_lon_lat(sample_store: fogwatch.Store):
    rows = sample_store.events()
    collection = geojson.feature_collection(rows)
    placed = [r for r in rows if r["lat"] is not None]
    assert len(collection["features"]) == len(placed) > 0
    for feature, row in zip(collection["features"], placed, strict=True):
        assert feature["geometry"]["coordinates"] == [row["lon"], row["lat"]]
    json.dumps(collection)


def test_events_filters(sample_store: fogwatch.Store):
    clashes = sample_store.events(event_type="Armed clash")
    assert clashes and {r["sub_type"] for r in clashes} == {"Armed clash"}
    battles = sample_store.events(event_type="battles")
    assert {r["event_type"] for r in battles} == {"Battles"} and len(battles) >= len(clashes)
    russian = sample_store.events(side="RUS")
    assert russian and all("RUS" in (r["side1"], r["side2"]) for r in russian)
    pokrovsk = sample_store.events(place="Pokrovsk")
    assert pokrovsk and {r["location"] for r in pokrovsk} == {"Pokrovsk"}


def test_cli_export_writes_acled_csv(sample_store: fogwatch.Store, tmp_path: Path):
    out = tmp_path / "events.csv"
    result = subprocess.run(
        [sys.executable, "-m", "fogwatch", "export", str(out), "--db", sample_store.url],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(out)
    assert len(frame) == sum(r["modality"] == "asserted" for r in sample_store.events())
