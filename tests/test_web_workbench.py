"""The analyst's workbench: the header search, date inputs, the feed, the table and its CSV, the
charts and the state in the URL — in a real browser (Debian's Chromium driven by Playwright, as in
`test_web.py`) over the sample's wire stories plus a hand-written article about Sievierodonetsk
(the sample names no place spelt so), and `GET /search` and `GET /stats/timeseries` on SQLite and
PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from playwright.sync_api import Page

import fogwatch
from fogwatch.api import create_app, views
from helpers import SAMPLE
from test_web import (  # noqa: F401 — the fixtures are used by name
    Watched,
    _clean,
    _open,
    _screenshot,
    browser,
    page,
    serving,
)

SIEVIERODONETSK = "gn:691999"
"""GeoNames stores it as "Siverskodonetsk": no spelling a reader types contains that name."""
DONETSK_OBLAST = "gn:709716"


def _write_articles(folder: Path) -> list[str]:
    """Two hand-written dated articles: a shelling in Sievierodonetsk, a repelled assault."""
    shelling = folder / "shelling.jsonl"
    shelling.write_text(
        '{"id": "t-1", "date": "2025-11-12", "source": "Test Wire", "text": "Russian forces '
        'shelled Sievierodonetsk on Tuesday, killing two civilians, the governor said."}\n'
        '{"id": "t-2", "date": "2025-11-03", "source": "Test Ledger", "text": "Ukrainian troops '
        'repelled a Russian assault near Kupiansk on Sunday, the General Staff said."}\n',
        encoding="utf-8",
    )
    return [str(shelling)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fogwatch.Store]:
    folder = tmp_path_factory.mktemp("workbench")
    with fogwatch.open(f"sqlite:///{folder / 'store.db'}") as opened:
        # the wire stories are enough (dated Oct–Nov 2025, Donetsk oblast's towns among them)
        summary = opened.ingest([str(SAMPLE / "wire.jsonl"), *_write_articles(folder)])
        assert summary.failed == 0
        yield opened


@pytest.fixture(scope="module")
def base_url(store: fogwatch.Store) -> Iterator[str]:
    with serving(store.url) as address:
        yield f"http://{address}"


def _located(store: fogwatch.Store) -> list[dict[str, Any]]:
    """The atomic events the map shows (located ones), as the API groups them."""
    return [row for row in views.atomic_events(store.events()) if row["lat"] is not None]


def _ids_between(store: fogwatch.Store, since: str, until: str) -> set[str]:
    return {
        row["id"]
        for row in _located(store)
        if row["date"] and since <= row["date"].isoformat() <= until
    }


def _table_cells(tab: Page) -> list[list[str]]:
    return tab.eval_on_selector_all(
        "#table-body tr", "rows => rows.map(row => [...row.cells].map(cell => cell.textContent))"
    )


def _counts(tab: Page) -> tuple[str | None, str | None, str | None]:
    return (
        tab.locator("#map-status").get_attribute("data-visible"),
        tab.locator("#feed-status").get_attribute("data-count"),
        tab.locator("#table-status").get_attribute("data-count"),
    )


def test_search_severodonetsk_opens_the_place_dossier(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,
) -> None:
    tab, watched = page
    _open(tab, base_url + "/")
    tab.fill("#site-search", "Severodonetsk")
    tab.wait_for_selector("#search-results[data-ready='true']", timeout=10_000)
    hits = tab.locator("#search-results .search-group[data-kind='places'] a")
    assert hits.all_inner_texts() == ["Siverskodonetsk · Luhanska oblast · UA (1 mention)"]
    _screenshot(tab, "search.png", docs=True)
    # by keyboard: down to the result, Escape back to the box, Enter opens the first result
    tab.press("#site-search", "ArrowDown")
    assert tab.evaluate("document.activeElement.classList.contains('search-hit')")
    tab.keyboard.press("Escape")
    assert tab.evaluate("document.activeElement.id") == "site-search"
    tab.press("#site-search", "Enter")
    tab.wait_for_url("**/place.html?id=gn%3A691999", timeout=10_000)
    tab.wait_for_selector("body[data-ready='true']", timeout=15_000)
    assert tab.locator("#place-name").inner_text() == "Siverskodonetsk"
    assert tab.locator("#events tr").count() >= 1
    _clean(watched)


def test_date_inputs_filter_the_map_feed_and_table_alike(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,
    store: fogwatch.Store,
) -> None:
    tab, watched = page
    _open(tab, base_url + "/")
    everything = str(len(_located(store)))
    assert _counts(tab) == (everything, everything, everything)
    tab.fill("#date-since", "2025-11-01")
    tab.fill("#date-until", "2025-11-10")
    expected = _ids_between(store, "2025-11-01", "2025-11-10")
    assert 0 < len(expected) < int(everything)
    assert _counts(tab) == (str(len(expected)),) * 3
    feed = set(
        tab.eval_on_selector_all("#feed-list li", "items => items.map(i => i.dataset.event)")
    )
    table = set(
        tab.eval_on_selector_all("#table-body tr", "rows => rows.map(r => r.dataset.event)")
    )
    assert feed == table == expected
    shown = parse_qs(urlsplit(tab.url).query)
    assert (shown["since"], shown["until"]) == (["2025-11-01"], ["2025-11-10"])
    # the timeline's brush shows the same dates; zoomed to them, its ticks are days
    assert tab.locator("#timeline").get_attribute("data-since") == "2025-11-01"
    tab.click("#zoom-to-range")
    assert tab.locator("#timeline").get_attribute("data-zoomed") == "true"
    ticks = tab.locator("#timeline text.tick")
    assert ticks.first.get_attribute("data-day") == "2025-11-01"
    assert all(re.fullmatch(r"11-\d\d", label) for label in ticks.all_text_contents())
    tab.click("#zoom-all")
    # "Last 7 days" counts back from the newest day in the store
    newest = max(row["date"] for row in _located(store) if row["date"])
    tab.click("#preset-7")
    since = (newest - dt.timedelta(days=6)).isoformat()
    assert tab.input_value("#date-since") == since
    assert _counts(tab) == (str(len(_ids_between(store, since, newest.isoformat()))),) * 3
    _screenshot(tab, "workbench.png", docs=True)
    _clean(watched)


def test_a_shared_url_restores_the_view(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,
) -> None:
    tab, watched = page
    _open(tab, base_url + "/")
    tab.select_option("#side-filter", "RUS")
    tab.fill("#date-since", "2025-10-01")
    tab.fill("#date-until", "2025-10-31")
    tab.uncheck("#legend input[data-type='Strategic developments']")
    tab.click("#view-table")
    tab.click("#event-table th button[data-key='location']")
    tab.fill("#table-filter", "Military Forces of Russia")
    shown = _table_cells(tab)
    assert shown
    shared = tab.url
    other = tab.context.new_page()
    _open(other, shared)
    assert other.input_value("#date-since") == "2025-10-01"
    assert other.input_value("#date-until") == "2025-10-31"
    assert other.input_value("#side-filter") == "RUS"
    assert other.input_value("#table-filter") == "Military Forces of Russia"
    assert not other.is_checked("#legend input[data-type='Strategic developments']")
    assert other.is_visible("#table-view") and not other.is_visible("#map")
    header = other.locator("#event-table th[aria-sort='ascending'] button")
    assert header.get_attribute("data-key") == "location"
    assert _table_cells(other) == shown
    assert _counts(other) == _counts(tab)
    _clean(watched)


def test_the_table_csv_holds_exactly_the_rows_shown(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,
) -> None:
    tab, watched = page
    _open(tab, base_url + "/?view=table&sort=fatalities:desc")
    tab.fill("#table-filter", "Kupyansk")
    shown = _table_cells(tab)
    assert 0 < len(shown) < int(tab.locator("#map-status").get_attribute("data-visible") or 0)
    with tab.expect_download() as download:
        tab.click("#table-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    headers = tab.eval_on_selector_all(
        "#event-table th button", "buttons => buttons.map(b => b.dataset.key)"
    )
    assert rows[0] == headers
    assert rows[1:] == shown
    _screenshot(tab, "table.png", docs=True)
    _clean(watched)


def test_a_region_dossier_rolls_up_its_places_with_charts_and_dates(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,
    store: fogwatch.Store,
) -> None:
    tab, watched = page
    inside = [row for row in store.events() if row["admin1"] == "UA.05" and row["country"] == "UA"]
    assert {row["place_id"] for row in inside} - {DONETSK_OBLAST}, "no settlement to roll up"
    _open(tab, f"{base_url}/place.html?id={DONETSK_OBLAST}")
    assert tab.locator("#events tr").count() == len(inside)
    tab.wait_for_selector("#place-charts svg.chart", timeout=10_000)
    # events and fatalities by type, by side and, in a region, by place
    assert tab.locator("#place-charts svg.chart").count() == 6
    tab.fill("#date-since", "2025-11-01")
    tab.fill("#date-until", "2025-11-19")
    later = [row for row in inside if row["date"] and row["date"] >= dt.date(2025, 11, 1)]
    assert tab.locator("#events tr").count() == len(later)
    assert "since=2025-11-01&until=2025-11-19" in tab.url
    tab.wait_for_selector("#place-charts[data-events]:not([data-loading])", timeout=10_000)
    _screenshot(tab, "dossier-region.png", docs=True)
    # the same region on the map: its located atomic events, in the feed and the table too
    tab.click("#place-on-map")
    tab.wait_for_selector("body[data-ready='true']", timeout=15_000)
    assert "place=gn%3A709716" in tab.url
    region = views.atomic_events(later)
    located = [row for row in region if row["lat"] is not None]
    assert _counts(tab) == (str(len(located)),) * 3
    # its charts count every atomic event of those filters, located or not
    tab.click("#view-charts")
    tab.wait_for_selector("#charts-view[data-events]:not([data-loading])", timeout=10_000)
    assert tab.locator("#charts-view").get_attribute("data-events") == str(len(region))
    assert "view=charts" in tab.url
    _clean(watched)


def test_the_claims_board_keeps_its_filters_and_dates_in_the_url(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,
    store: fogwatch.Store,
) -> None:
    tab, watched = page
    _open(tab, f"{base_url}/claims.html?all=1&since=2025-11-01&status=confirmed")
    assert tab.input_value("#date-since") == "2025-11-01"
    assert tab.input_value("select[name='status']") == "confirmed"
    expected = [
        row
        for row in store.claims(status="confirmed")
        if row["day"] and row["day"] >= dt.date(2025, 11, 1)
    ]
    assert tab.locator("#board-status").get_attribute("data-total") == str(len(expected))
    _clean(watched)


# --- the API --------------------------------------------------------------------------------


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The app over a store (SQLite, then PostgreSQL) holding the two hand-written articles,
    filled once per backend: the tests only read it."""
    folder = tmp_path_factory.mktemp("api")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'store.db'}"
    else:
        server = request.getfixturevalue("postgres_server")
        name = "t_" + uuid.uuid4().hex[:12]
        engine = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        url = f"{server}/{name}"
    with fogwatch.open(url) as opened:
        assert opened.ingest(_write_articles(folder)).failed == 0
    with TestClient(create_app(url)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def empty_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('empty') / 'store.db'}"
    with TestClient(create_app(url)) as test_client:
        yield test_client


def test_search_groups_places_actors_sources_and_words(client: TestClient) -> None:
    body = client.get("/search", params={"q": "Severodonetsk"}).json()
    assert [(p["id"], p["admin1_name"], p["href"]) for p in body["places"]] == [
        (SIEVIERODONETSK, "Luhanska oblast", "/place.html?id=gn%3A691999")
    ]
    assert body["actors"] == [] and body["sources"] == []
    assert body["text"]["articles"] == 0
    wire = client.get("/search", params={"q": "wire"}).json()
    assert wire["sources"] == [
        {"name": "Test Wire", "articles": 1, "href": "/claims.html?source=Test+Wire&all=1"}
    ]
    words = client.get("/search", params={"q": "shelled"}).json()
    assert words["text"] == {
        "articles": 1,
        "events": words["text"]["events"],
        "claims": words["text"]["claims"],
        "href": "/?q=shelled",
    }
    assert words["text"]["events"] >= 1
    ukraine = client.get("/search", params={"q": "Military Forces of Ukraine"}).json()
    assert [(a["id"], a["side"], a["href"]) for a in ukraine["actors"]] == [
        ("UKR.military", "UKR", "/?actor=UKR.military")
    ]
    # the words filter the events the map and the feed read
    events = client.get("/events", params={"group": "atomic", "search": "shelled"}).json()
    assert {e["location"] for e in events["events"]} == {"Siverskodonetsk"}


def test_timeseries_counts_atomic_events_and_fatalities_by_type_and_side(
    client: TestClient,
) -> None:
    # the shelling (two killed) on 2025-11-11, the repelled assault on 2025-11-02
    by_type = client.get("/stats/timeseries", params={"by": "type", "interval": "week"}).json()
    assert by_type == {
        "by": "type",
        "interval": "week",
        "periods": ["2025-10-27", "2025-11-03", "2025-11-10"],
        "series": [
            {"key": "Battles", "events": [1, 0, 0], "fatalities": [0, 0, 0]},
            {"key": "Explosions/Remote violence", "events": [0, 0, 1], "fatalities": [0, 0, 2]},
        ],
        "totals": {"events": 2, "fatalities": 2, "undated": 0},
    }
    by_side = client.get(
        "/stats/timeseries", params={"by": "side", "interval": "day", "since": "2025-11-05"}
    ).json()
    assert (by_side["periods"], by_side["series"]) == (
        ["2025-11-11"],
        [{"key": "RUS", "events": [1], "fatalities": [2]}],
    )
    # either side, as the map's side filter; a place; words in the article
    ukraine = client.get("/stats/timeseries", params={"side": "UKR", "interval": "month"}).json()
    assert (ukraine["periods"], ukraine["totals"]["events"]) == (["2025-11-01"], 1)
    place = client.get("/stats/timeseries", params={"within": SIEVIERODONETSK}).json()
    assert place["totals"] == {"events": 1, "fatalities": 2, "undated": 0}
    words = client.get("/stats/timeseries", params={"search": "repelled", "by": "side"}).json()
    assert [row["key"] for row in words["series"]] == ["RUS"]
    assert words["totals"]["events"] == 1


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/search", 422),
        ("/search?q=", 422),
        ("/search?q=%20%20", 422),
        ("/search?q=" + "x" * 201, 422),
        ("/search?q=a%00b", 422),
        ("/stats/timeseries?by=fatalities", 422),
        ("/stats/timeseries?interval=year", 422),
        ("/stats/timeseries?since=2025-11-30&until=2025-11-01", 422),
        ("/stats/timeseries?since=yesterday", 422),
        ("/stats/timeseries?min_credibility=9", 422),
        ("/stats/timeseries?within=Atlantis", 404),
    ],
)
def test_bad_workbench_input_is_refused_as_json(
    empty_client: TestClient, path: str, status: int
) -> None:
    reply = empty_client.get(path)
    assert reply.status_code == status
    assert reply.headers["content-type"] == "application/json"
    assert reply.json()["detail"]
