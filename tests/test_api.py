"""The HTTP API against a real SQLite store filled from the sample corpus (ingested once)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from fastapi.testclient import TestClient

import fogwatch
from fogwatch.api import create_app
from fogwatch.export import acled, jsonl
from helpers import FIXTURES, SAMPLE, dated

TOKEN = "test-token-7f3a"
XSS = FIXTURES / "web_xss.jsonl"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")
INJECTIONS = (
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "%' UNION SELECT id, text FROM articles --",
    "Pokrovsk') OR ('a'='a",
    "*",
    "NEAR(Pokrovsk encircled)",
)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'store.db'}"
    with fogwatch.open(url) as store:
        summary = store.ingest([str(SAMPLE), str(XSS)])
    assert summary.failed == 0
    return url


@pytest.fixture(scope="module")
def store(store_url: str) -> Iterator[fogwatch.Store]:
    with fogwatch.open(store_url) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url, token=TOKEN, cors_origins=[])) as test_client:
        yield test_client


def _json_roundtrip(document: object) -> object:
    return json.loads(jsonl.dumps(document))


# --- articles ---------------------------------------------------------------------------------


def test_articles_are_paged_newest_first(client: TestClient, store: fogwatch.Store) -> None:
    seen: list[dict] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/articles", params={"limit": 7, "offset": offset}).json()
        assert len(body["articles"]) <= 7
        seen.extend(body["articles"])
        offset = body["next_offset"]
    assert len(seen) == store.count_articles()
    assert len({row["id"] for row in seen}) == len(seen)
    dates = [row["published"] for row in seen]
    assert dates == sorted(dates, reverse=True)


def test_articles_search_and_date_range(client: TestClient, store: fogwatch.Store) -> None:
    body = client.get("/articles", params={"search": "Pokrovsk", "limit": 500}).json()
    ids = {row["id"] for row in body["articles"]}
    assert ids == {row["id"] for row in store.articles(search="Pokrovsk")}
    assert ids and all("Pokrovsk" in store.article(i)["text"] for i in ids)

    body = client.get(
        "/articles", params={"since": "2025-11-01", "until": "2025-11-10", "limit": 500}
    ).json()
    assert body["articles"]
    assert all("2025-11-01" <= row["published"] <= "2025-11-10" for row in body["articles"])
    expected = store.articles(since=_day("2025-11-01"), until=_day("2025-11-10"))
    assert len(body["articles"]) == len(expected)


def test_article_is_the_documented_json_shape(client: TestClient, store: fogwatch.Store) -> None:
    article_id = store.articles(search="Kupiansk")[0]["id"]
    response = client.get(f"/articles/{article_id}")
    assert response.status_code == 200
    body = response.json()
    result = store.article_result(article_id)
    assert result is not None
    assert body == _json_roundtrip(jsonl.article_json(result))
    text = body["article"]["text"]
    for kind in ("places", "actors", "dates", "quantities"):
        for item in body[kind]:
            start, end = item["span"]
            assert text[start:end] == item["text"]
    # a unique prefix finds the article too
    assert client.get(f"/articles/{article_id[:8]}").json()["article"]["id"] == article_id


def test_unknown_article_is_404_and_malformed_id_422(client: TestClient) -> None:
    assert client.get("/articles/ffffffffffffffff").status_code == 404
    assert client.get("/articles/a'b;c").status_code == 422
    assert client.get("/articles/abc").status_code == 422  # shorter than a prefix may be


# --- events -----------------------------------------------------------------------------------


def _events(client: TestClient, **params: object) -> list[dict]:
    response = client.get("/events", params={"limit": 100_000, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["events"])
    return body["events"]


def test_events_filters_match_the_store(client: TestClient, store: fogwatch.Store) -> None:
    everything = store.events()
    assert len(_events(client)) == len(everything)

    in_range = _events(client, since="2025-11-01", until="2025-11-15")
    assert in_range and all("2025-11-01" <= e["date"] <= "2025-11-15" for e in in_range)
    assert len(in_range) == len(store.events(since=_day("2025-11-01"), until=_day("2025-11-15")))

    ukrainian = _events(client, side="ukr")
    assert ukrainian and all("UKR" in (e["side1"], e["side2"]) for e in ukrainian)

    clashes = _events(client, sub_type="Armed clash")
    assert clashes and {e["sub_type"] for e in clashes} == {"Armed clash"}

    negated = _events(client, modality="negated")
    assert negated and {e["modality"] for e in negated} == {"negated"}
    assert len(negated) == len(store.events(modality="negated"))

    kramatorsk = _events(client, place="Kramatorsk")
    assert kramatorsk and {e["location"] for e in kramatorsk} == {"Kramatorsk"}

    russian = _events(client, actor="RUS.military")
    assert russian and all("RUS.military" in (e["actor1_id"], e["actor2_id"]) for e in russian)
    by_name = _events(client, actor="forces of russia")
    assert {e["id"] for e in by_name} >= {e["id"] for e in russian}


def test_events_bbox(client: TestClient, store: fogwatch.Store) -> None:
    # Donetsk oblast, roughly: Kramatorsk, Pokrovsk, Kostiantynivka are in it; Kyiv and Moscow are not
    box = (36.5, 47.0, 39.0, 49.3)
    inside = _events(client, bbox=",".join(map(str, box)))
    expected = [
        e
        for e in store.events()
        if e["lat"] is not None and box[0] <= e["lon"] <= box[2] and box[1] <= e["lat"] <= box[3]
    ]
    assert inside and len(inside) == len(expected) < len(store.events())
    assert all(box[1] <= e["lat"] <= box[3] and box[0] <= e["lon"] <= box[2] for e in inside)


def test_events_pagination(client: TestClient, store: fogwatch.Store) -> None:
    total = len(store.events())
    pages = []
    for offset in range(0, total, 25):
        response = client.get("/events", params={"limit": 25, "offset": offset})
        assert response.headers["x-total-count"] == str(total)
        pages.append([e["id"] for e in response.json()["events"]])
    ids = [i for page in pages for i in page]
    assert len(ids) == total == len(set(ids))
    assert client.get("/events", params={"offset": total}).json()["events"] == []
    assert len(client.get("/events").json()["events"]) == min(total, 100)  # the JSON default


def test_events_atomic_grouping(client: TestClient, store: fogwatch.Store) -> None:
    atomic = _events(client, group="atomic")
    expected = {e["atomic_event_id"] for e in store.events() if e["atomic_event_id"]}
    assert {e["id"] for e in atomic} == expected
    for event in atomic:
        reports = event["reports"]
        assert reports and all(r["event_id"] for r in reports)


def test_events_as_geojson_by_format_and_by_accept(
    client: TestClient, store: fogwatch.Store
) -> None:
    by_format = client.get("/events", params={"format": "geojson"})
    by_accept = client.get("/events", headers={"accept": "application/geo+json"})
    for response in (by_format, by_accept):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/geo+json")
        collection = response.json()
        assert collection["type"] == "FeatureCollection"
        located = [e for e in store.events() if e["lat"] is not None]
        assert len(collection["features"]) == len(located)
        feature = collection["features"][0]
        assert feature["geometry"]["type"] == "Point"
        assert "sub_type" in feature["properties"]


def test_events_as_csv_and_acled(client: TestClient, store: fogwatch.Store) -> None:
    response = client.get("/events", headers={"accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(store.events())
    assert "article_text" not in rows[0] and rows[0]["sub_type"]

    response = client.get("/events", params={"format": "acled"})
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == acled.COLUMNS
    asserted = [e for e in store.events() if e["modality"] == "asserted"]
    assert len(list(reader)) == len(asserted)

    atomic = client.get("/events", params={"format": "acled", "group": "atomic"})
    atomic_rows = list(csv.DictReader(io.StringIO(atomic.text)))
    assert len(atomic_rows) == len({e["atomic_event_id"] for e in asserted if e["atomic_event_id"]})


def test_events_min_credibility(client: TestClient, store: fogwatch.Store) -> None:
    rated = {c["id"]: c["credibility"] for c in store.claims() if c["credibility"]}
    for level in (2, 6):
        shown = _events(client, min_credibility=level)
        expected = [e for e in store.events() if rated.get(e.get("claim_id") or "", 7) <= level]
        assert {e["id"] for e in shown} == {e["id"] for e in expected}


# --- claims, links, places, stats -----------------------------------------------------------


def test_claims_filters_and_pages(client: TestClient, store: fogwatch.Store) -> None:
    contested = client.get("/claims", params={"contested": "true", "limit": 5000}).json()
    assert contested["claims"]
    assert {c["status"] for c in contested["claims"]} <= {"contested", "refuted"}
    assert len(contested["claims"]) == len(store.claims(contested=True))

    russian = client.get("/claims", params={"side": "RUS", "limit": 5000}).json()["claims"]
    assert russian and {c["side"] for c in russian} == {"RUS"}

    place = client.get("/claims", params={"place": "Pokrovsk", "limit": 5000}).json()["claims"]
    assert place and {c["place_name"] for c in place} == {"Pokrovsk"}

    speaker = next(c["source_actor"] for c in store.claims() if c["source_actor"])
    spoken = client.get("/claims", params={"source": speaker, "limit": 5000}).json()["claims"]
    assert spoken and len(spoken) == len(store.claims(source=speaker))
    assert all(speaker in (c["source_actor"], c["publisher"]) for c in spoken)

    article_id = store.claims()[0]["article_id"]
    mine = client.get("/claims", params={"article": article_id}).json()["claims"]
    assert mine and {c["article_id"] for c in mine} == {article_id}

    first = client.get("/claims", params={"limit": 10}).json()
    second = client.get("/claims", params={"limit": 10, "offset": first["next_offset"]}).json()
    assert first["next_offset"] == 10
    assert not {c["id"] for c in first["claims"]} & {c["id"] for c in second["claims"]}


def test_links(client: TestClient, store: fogwatch.Store) -> None:
    contradicts = client.get("/links", params={"relation": "contradicts"}).json()["links"]
    assert contradicts and {link["relation"] for link in contradicts} == {"contradicts"}
    assert len(contradicts) == len(store.links(relation="contradicts"))
    claim_id = contradicts[0]["a"]
    around = client.get("/links", params={"claim_id": claim_id}).json()["links"]
    assert around and all(claim_id in (link["a"], link["b"]) for link in around)


def test_place_dossier(client: TestClient, store: fogwatch.Store) -> None:
    place_id = _most_contested_place(store)
    response = client.get(f"/places/{place_id}")
    assert response.status_code == 200
    body = response.json()
    dossier = store.dossier(place_id)
    assert dossier is not None and dossier["contradictions"]
    assert body["place"]["id"] == place_id
    assert [e["id"] for e in body["events"]] == [e["id"] for e in dossier["events"]]
    assert [c["id"] for c in body["claims"]] == [c["id"] for c in dossier["claims"]]
    assert len(body["contradictions"]) == len(dossier["contradictions"])
    assert all("article_text" not in e for e in body["events"])
    by_name = client.get(f"/places/{dossier['place']['name']}").json()
    assert by_name["place"]["id"] == place_id
    assert client.get("/places/Atlantis-on-Sea").status_code == 404


def test_places_list(client: TestClient, store: fogwatch.Store) -> None:
    body = client.get("/places", params={"country": "UA", "limit": 10}).json()
    assert [p["id"] for p in body["places"]] == [
        p["id"] for p in store.places(country="UA", limit=10)
    ]


def test_stats_count_the_store(client: TestClient, store: fogwatch.Store) -> None:
    stats = client.get("/stats").json()
    events = store.events()
    assert stats["articles"] == store.count_articles()
    assert stats["events"] == len(events)
    assert stats["atomic_events"] == len(
        {e["atomic_event_id"] for e in events if e["atomic_event_id"]}
    )
    assert sum(stats["events_by_modality"].values()) == len(events)
    assert stats["claims"] == len(store.claims())
    assert sum(stats["links_by_relation"].values()) == len(store.links())


# --- guards -------------------------------------------------------------------------------------


def test_security_headers_on_every_response(client: TestClient) -> None:
    responses = [
        client.get("/"),
        client.get("/events", params={"limit": 1}),
        client.get("/static/style.css"),
        client.get("/openapi.json"),
        client.get("/docs"),
        client.get("/no-such-page"),
        client.get("/events", params={"limit": 0}),
        client.post("/articles", json={"text": "x", "published": "2025-11-12"}),
    ]
    for response in responses:
        for header in SECURITY_HEADERS:
            assert header in response.headers, (response.url, header)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_load_nothing_from_elsewhere_and_have_no_inline_script(client: TestClient) -> None:
    for page in ("/", "/place.html", "/article.html", "/claims.html", "/docs"):
        html = client.get(page).text
        assert "<script>" not in html.replace(" ", "") and " on" not in _tags(html)
        for url in _attribute_values(html, ("src", "href")):
            assert url.startswith("/") and not url.startswith("//"), (page, url)


def test_malformed_parameters_are_422(client: TestClient) -> None:
    bad = [
        ("/events", {"since": "yesterday"}),
        ("/events", {"until": "2025-13-40"}),
        ("/events", {"limit": "0"}),
        ("/events", {"limit": "many"}),
        ("/events", {"offset": "-1"}),
        ("/events", {"bbox": "1,2,3"}),
        ("/events", {"bbox": "0,0,200,10"}),
        ("/events", {"bbox": "10,50,20,40"}),
        ("/events", {"modality": "rumoured"}),
        ("/events", {"format": "xml"}),
        ("/events", {"group": "weekly"}),
        ("/events", {"min_credibility": "9"}),
        ("/events", {"side": "R U S"}),
        ("/events", {"place": "Pokrovsk\x00"}),
        ("/articles", {"limit": "501"}),
        ("/articles", {"search": "x" * 501}),
        ("/claims", {"contested": "perhaps"}),
        ("/claims", {"status": "rumoured"}),
        ("/links", {"relation": "loves"}),
        ("/places", {"country": "Ukraine"}),
    ]
    for path, params in bad:
        response = client.get(path, params=params)
        assert response.status_code == 422, (path, params, response.status_code)
        assert response.json()["detail"]


def test_sql_injection_strings_are_inert(client: TestClient, store: fogwatch.Store) -> None:
    before = store.count_articles()
    text_filters = {
        "/events": ("place", "sub_type", "actor"),
        "/claims": ("place", "source"),
        "/places": ("search",),
    }
    for attack in INJECTIONS:
        for path, names in text_filters.items():
            for name in names:
                response = client.get(path, params={name: attack})
                assert response.status_code == 200, (path, name, attack, response.text)
                rows = next(v for k, v in response.json().items() if isinstance(v, list))
                assert rows == [], (path, name, attack)  # matched literally: nothing has that name
        response = client.get("/articles", params={"search": attack})
        assert response.status_code == 200, (attack, response.text)
        assert len(response.json()["articles"]) == len(store.articles(search=attack))
        assert client.get(f"/places/{attack}").status_code == 404
    assert store.count_articles() == before
    assert client.get("/stats").json()["articles"] == before


def test_static_route_refuses_path_traversal(client: TestClient) -> None:
    assert client.get("/static/js/common.js").status_code == 200
    for path in (
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e/%2e%2e/store/__init__.py",
        "/static/..%2f..%2f..%2f..%2fpyproject.toml",
        "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    ):
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert "def create_app" not in response.text and "root:" not in response.text
    for page in ("/", "/place.html", "/docs"):  # the page routes take no file name
        response = client.get(page, params={"name": "../app.py", "path": "../app.py"})
        assert response.status_code == 200 and "def create_app" not in response.text


def test_cors_is_off_unless_configured(store_url: str, client: TestClient) -> None:
    origin = {"origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/stats", headers=origin).headers
    with TestClient(
        create_app(store_url, cors_origins=["https://elsewhere.example"])
    ) as open_client:
        response = open_client.get("/stats", headers=origin)
    assert response.headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_writes_are_refused_when_no_token_is_configured(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FOGWATCH_API_TOKEN", raising=False)
    with TestClient(create_app(store_url)) as readonly:
        response = readonly.post(
            "/articles",
            json={"text": "Shelling hit Kharkiv.", "published": "2025-11-12"},
            headers={"authorization": f"Bearer {TOKEN}"},
        )
    assert response.status_code == 403


def test_writes_need_the_token(tmp_path: Path) -> None:
    article = {
        "text": "Russian forces shelled Kharkiv on Tuesday, the governor said.",
        "published": "2025-11-12",
        "source": "Test Wire",
    }
    with TestClient(create_app(f"sqlite:///{tmp_path / 'w.db'}", token=TOKEN)) as writer:
        missing = writer.post("/articles", json=article)
        assert missing.status_code == 401
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = writer.post("/articles", json=article, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 403
        assert writer.get("/stats").json()["articles"] == 0

        auth = {"authorization": f"Bearer {TOKEN}"}
        created = writer.post("/articles", json=article, headers=auth)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["new"] == 1 and len(body["ids"]) == 1
        shown = writer.get(f"/articles/{body['ids'][0]}").json()
        assert shown["article"]["source"] == "Test Wire"
        assert writer.post("/articles", json=article, headers=auth).json()["duplicate"] == 1
        assert writer.post("/articles", json={"text": ""}, headers=auth).status_code == 422


def test_oversized_bodies_are_413(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", token=TOKEN, max_body=4096)
    big = {"text": dated("word " * 2000), "published": "2025-11-12"}
    auth = {"authorization": f"Bearer {TOKEN}"}

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        payload = json.dumps(big).encode()
        for start in range(0, len(payload), 1000):
            yield payload[start : start + 1000]

    with TestClient(app) as writer:
        assert writer.post("/articles", json=big, headers=auth).status_code == 413
        assert writer.post("/articles", json=big).status_code == 413  # before the token is read
        streamed = writer.post(
            "/articles", content=chunks(), headers={**auth, "content-type": "application/json"}
        )
        assert streamed.status_code == 413
        assert writer.get("/stats").json()["articles"] == 0


# --- the whole schema, fuzzed -----------------------------------------------------------------


def test_no_server_errors_on_generated_requests(store_url: str) -> None:
    """schemathesis generates requests for every operation from /openapi.json; none may get a 5xx."""
    # Driven by hand: schemathesis' lazy pytest fixtures do not run under pytest 9.
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store_url, token=TOKEN))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9

    for operation in operations:

        @hypothesis.given(case=operation.as_strategy())
        @hypothesis.settings(
            max_examples=15,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
            database=None,
        )
        def no_server_error(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, (
                case.method,
                case.formatted_path,
                case.query,
                response.text[:500],
            )

        no_server_error()


# --- helpers ----------------------------------------------------------------------------------


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _most_contested_place(store: fogwatch.Store) -> str:
    claims = {c["id"]: c for c in store.claims()}
    counts: dict[str, int] = {}
    for link in store.links(relation="contradicts"):
        place = claims[link["a"]]["place_id"]
        if place and place == claims[link["b"]]["place_id"]:
            counts[place] = counts.get(place, 0) + 1
    return max(counts, key=lambda place: counts[place])


def _tags(html: str) -> str:
    """Every tag's inside, lower-cased, for attribute checks."""
    return " ".join(re.findall(r"<([^>]*)>", html)).lower()


def _attribute_values(html: str, names: tuple[str, ...]) -> list[str]:
    pattern = r"\b(?:" + "|".join(names) + r')="([^"]*)"'
    return re.findall(pattern, html)
