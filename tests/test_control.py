"""The control ledger: who holds each settlement by whose word — the pure ledger on hand-built
claims and events, then `fogwatch control`, `GET /control` and the matching exports on a store
of the bundled sample corpus."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import fogwatch
from fogwatch.api import create_app
from fogwatch.claims import control
from fogwatch.records import (
    Actor,
    Article,
    Assessment,
    Claim,
    Event,
    Fatalities,
    Place,
    Proposition,
    Span,
)
from helpers import SAMPLE

VILNE = Place(700001, "Vilne", "populated place", "UA", "UA.05", None, 48.1, 37.5)
RUS = Actor("RUS.military", "Military Forces of Russia", "RUS", "state forces", 1)
UKR = Actor("UKR.military", "Military Forces of Ukraine", "UKR", "state forces", 1)
REUTERS = Actor("MEDIA.reuters", "Reuters", "MEDIA", "media", 0)


def article(article_id: str, published: str, source: str, text: str) -> Article:
    return Article(
        id=article_id,
        source=source,
        url=None,
        title=None,
        published=dt.date.fromisoformat(published),
        text=text,
        raw_text=text,
        raw_offsets=(),
        dup_cluster=article_id,
    )


def said(
    claim_id: str,
    where: Article,
    speaker: Actor,
    content: str,
    predicate: str,
    actor: Actor | None,
    stance: str = "affirm",
) -> Claim:
    start = where.text.index(content)
    return Claim(
        id=claim_id,
        article_id=where.id,
        source=speaker,
        source_span=Span(0, 5),
        cue_span=Span(start - 5, start - 1),
        cue_lemma="say" if stance == "affirm" else "deny",
        cue_class="assert" if stance == "affirm" else "deny",  # type: ignore[arg-type]
        content_span=Span(start, start + len(content)),
        stance=stance,  # type: ignore[arg-type]
        direct=False,
        proposition=Proposition(predicate, place=VILNE, actor=actor),
    )


MOSCOW = article(
    "a-moscow", "2025-11-02", "Moscow Courier", "The MoD said its troops captured Vilne."
)
KYIV = article("a-kyiv", "2025-11-03", "Steppe Post", "Kyiv denied that Russia captured Vilne.")
WIRE = article("a-wire", "2025-11-04", "Reuters", "Reuters said Russian forces captured Vilne.")
RETREAT = article(
    "a-retreat", "2025-11-05", "Steppe Post", "Kyiv said its troops withdrew from Vilne."
)
CAPTURE = said("c-rus", MOSCOW, RUS, "its troops captured Vilne", "captured", RUS)
DENIAL = said("c-ukr", KYIV, UKR, "Russia captured Vilne", "captured", RUS, stance="deny")
WIRE_REPORT = said("c-wire", WIRE, REUTERS, "Russian forces captured Vilne", "captured", RUS)
WITHDRAWAL = said("c-retreat", RETREAT, UKR, "its troops withdrew from Vilne", "withdrew", UKR)
ARTICLES = {a.id: a for a in (MOSCOW, KYIV, WIRE, RETREAT)}


def status(claims: list[Claim], on: str | None = None, events: tuple[Event, ...] = ()) -> tuple:
    found = control.entries(claims, events, ARTICLES, {})
    settled = control.ledger(found, on=dt.date.fromisoformat(on) if on else None)
    return tuple(
        (s.place.name, s.status, s.controller, s.since, s.first_claim, s.last_claim)
        for s in settled
    )


def test_one_sides_capture_is_claimed_with_its_claim_speaker_and_quote():
    (entry,) = control.entries([CAPTURE], [], ARTICLES, {})
    assert (entry.effect, entry.side, entry.speaker, entry.publisher, entry.quote) == (
        "holds",
        "RUS",
        "Military Forces of Russia",
        "Moscow Courier",
        "its troops captured Vilne",
    )
    assert (entry.claim_id, entry.origin, entry.date) == (
        "c-rus",
        "russian_state",
        MOSCOW.published,
    )
    nov2 = dt.date(2025, 11, 2)
    assert status([CAPTURE]) == (("Vilne", "claimed", "RUS", nov2, nov2, nov2),)


def test_an_independent_source_confirms_control():
    nov2, nov4 = dt.date(2025, 11, 2), dt.date(2025, 11, 4)
    assert status([CAPTURE, WIRE_REPORT]) == (("Vilne", "controlled", "RUS", nov2, nov2, nov4),)


def test_the_other_sides_withdrawal_confirms_control():
    nov2, nov5 = dt.date(2025, 11, 2), dt.date(2025, 11, 5)
    assert status([CAPTURE, WITHDRAWAL]) == (("Vilne", "controlled", "RUS", nov2, nov2, nov5),)


def test_a_denial_by_the_other_side_contests_the_capture():
    nov2, nov3, nov4 = dt.date(2025, 11, 2), dt.date(2025, 11, 3), dt.date(2025, 11, 4)
    assert status([CAPTURE, DENIAL]) == (("Vilne", "contested", "RUS", nov2, nov2, nov3),)
    # a confirmation does not settle what the other side still denies
    assert status([CAPTURE, DENIAL, WIRE_REPORT]) == (
        ("Vilne", "contested", "RUS", nov2, nov2, nov4),
    )
    (settled,) = control.ledger(control.entries([CAPTURE, DENIAL], [], ARTICLES, {}))
    assert settled.reason == "Military Forces of Ukraine denies RUS holds it (captured, 2025-11-03)"


def test_claims_published_after_the_day_do_not_count():
    nov2 = dt.date(2025, 11, 2)
    claims = [CAPTURE, DENIAL, WIRE_REPORT]
    assert status(claims, on="2025-11-01") == ()
    assert status(claims, on="2025-11-02") == (("Vilne", "claimed", "RUS", nov2, nov2, nov2),)
    assert status(claims, on="2025-11-03")[0][1] == "contested"


def test_a_stored_confirmed_judgment_confirms_control():
    judged = {"c-rus": Assessment("c-rus", "C", 1, "confirmed", "confirmed by Reuters")}
    (settled,) = control.ledger(control.entries([CAPTURE], [], ARTICLES, judged))
    assert (settled.status, settled.reason) == (
        "controlled",
        "claim c-rus is confirmed (russian_state)",
    )


def test_claims_near_a_place_or_about_an_aim_say_nothing_about_it():
    near = Claim(
        **{**_fields(CAPTURE), "proposition": Proposition("captured", VILNE, RUS, near=True)}
    )
    aim = Claim(
        **{
            **_fields(CAPTURE),
            "proposition": Proposition("captured", VILNE, RUS, modality="hypothetical"),
        }
    )
    assert control.entries([near, aim], [], ARTICLES, {}) == []


def test_a_territorial_event_is_an_entry_for_actor1s_side():
    event = Event(
        id="e-1",
        article_id=WIRE.id,
        disorder_type="Political violence",
        event_type="Battles",
        sub_type="Non-state actor overtakes territory",
        actor1=RUS,
        actor2=UKR,
        assoc=(),
        interaction=11,
        place=VILNE,
        geo_precision=1,
        date=dt.date(2025, 11, 4),
        time_precision=1,
        fatalities=Fatalities(0, 0, 0),
        civilian_targeting=False,
        modality="asserted",
        claim_id=None,
        evidence=(_span(WIRE, "forces"), _span(WIRE, "captured")),
    )
    (entry,) = control.entries([], [event], ARTICLES, {})
    assert (entry.effect, entry.side, entry.event_id, entry.origin, entry.quote) == (
        "holds",
        "RUS",
        "e-1",
        "reuters",
        "forces captured",
    )
    nov2, nov4 = dt.date(2025, 11, 2), dt.date(2025, 11, 4)
    assert status([CAPTURE], events=(event,)) == (("Vilne", "controlled", "RUS", nov2, nov2, nov4),)


def _span(where: Article, words: str) -> Span:
    start = where.text.index(words)
    return Span(start, start + len(words))


def _fields(claim: Claim) -> dict:
    return {name: getattr(claim, name) for name in claim.__dataclass_fields__}


# ─── on a store of the bundled sample corpus ─────────────────────────────────────────────────


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('control') / 'sample.db'}"
    with fogwatch.open(url) as store:
        assert store.ingest([str(SAMPLE)]).failed == 0
    return url


@pytest.fixture(scope="module")
def client(sample_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db)) as test_client:
        yield test_client


def test_control_command_names_both_sides_claims_about_uspenivka(sample_db: str):
    result = subprocess.run(
        [sys.executable, "-m", "fogwatch", "control", "--place", "Uspenivka", "--db", sample_db],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Uspenivka (gn:690619): contested RUS since 2025-11-09  [claims 2025-11-09 … 2025-11-11]"
    )
    assert lines[1] == "  Military Forces of Ukraine denies RUS holds it (captured, 2025-11-11)"
    # Russia's Defence Ministry claims the capture (sample-035); Ukraine's forces deny it (sample-036)
    assert lines[2].startswith(
        "    2025-11-09  holds RUS  Military Forces of Russia (RUS, Moscow Courier) captured: "
        "its forces had captured the village of Uspenivka"
    )
    assert lines[3].startswith(
        "    2025-11-11  denies RUS  Military Forces of Ukraine (UKR, Steppe Post) captured: "
        "Russian claims that Moscow’s troops had captured Uspenivka"
    )


def test_control_command_before_the_denial_has_the_claim_alone(sample_db: str):
    result = subprocess.run(
        [sys.executable, "-m", "fogwatch", "control", "--place", "Uspenivka", "--date",
         "2025-11-10", "--format", "json", "--db", sample_db],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (uspenivka,) = json.loads(result.stdout)
    assert (uspenivka["status"], uspenivka["controller"], uspenivka["since"]) == (
        "claimed",
        "RUS",
        "2025-11-09",
    )
    assert [(c["speaker"], c["effect"], c["side"]) for c in uspenivka["claims"]] == [
        ("Military Forces of Russia", "holds", "RUS")
    ]


def test_control_endpoint_is_geojson_one_feature_per_settlement(client: TestClient):
    response = client.get("/control", params={"date": "2025-11-12"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    collection = response.json()
    ids = [feature["id"] for feature in collection["features"]]
    assert len(ids) == len(set(ids)) == int(response.headers["x-total-count"])
    by_name = {f["properties"]["name"]: f for f in collection["features"]}
    uspenivka = by_name["Uspenivka"]
    assert uspenivka["geometry"]["type"] == "Point"
    assert {
        k: uspenivka["properties"][k] for k in ("place_id", "controller", "status", "since")
    } == {
        "place_id": "gn:690619",
        "controller": "RUS",
        "status": "contested",
        "since": "2025-11-09",
    }
    assert {(c["speaker_side"], c["effect"]) for c in uspenivka["properties"]["claims"]} >= {
        ("RUS", "holds"),
        ("UKR", "denies"),
    }
    # a bbox around Zaporizhzhia oblast keeps Uspenivka and leaves out Kupiansk in Kharkiv oblast
    box = client.get("/control", params={"date": "2025-11-12", "bbox": "35,47,37,48"}).json()
    names = {f["properties"]["name"] for f in box["features"]}
    assert "Uspenivka" in names and "Kupyansk" not in names


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date": "2025-13-01"}, "date"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "0,80,1,70"}, "bbox"),
    ],
)
def test_control_endpoint_refuses_bad_input_with_json(client: TestClient, params: dict, field: str):
    response = client.get("/control", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    assert response.json()["detail"][0]["loc"] == ["query", field]


def test_acled_export_has_the_map_rows_with_admin_names_timestamps_and_scales(client: TestClient):
    for params in ({}, {"since": "2025-11-01", "side": "RUS"}, {"sub_type": "Battles"}):
        features = client.get(
            "/events", params={**params, "group": "atomic", "format": "geojson"}
        ).json()["features"]
        response = client.get("/events", params={**params, "group": "atomic", "format": "acled"})
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == len(features) > 0, params
        assert int(response.headers["x-total-count"]) == len(rows)
    assert not [r for r in rows if r["admin1"].startswith("UA.") or r["admin2"].startswith("UA.")]
    assert {r["admin1"] for r in rows if r["country"] == "Ukraine"} >= {"Donetska oblast"}
    assert all(r["timestamp"].isdigit() for r in rows)


def test_source_scale_is_the_outlets_closeness_to_the_event():
    from fogwatch.export.acled import source_scale

    assert source_scale(["Reuters"], "UA") == "International"
    assert source_scale(["Ukrinform", "Reuters"], "UA") == "National-International"
    assert source_scale(["TASS"], "UA") == "International"
    assert source_scale(["TASS"], "RU") == "National"
    assert source_scale(["ISW", "Steppe Post"], "UA") == "Other"
    assert source_scale(["Steppe Post"], "UA") == ""


def test_list_endpoints_give_their_totals_and_the_claims_pages_add_up(client: TestClient):
    first = client.get("/claims", params={"limit": 40})
    total = int(first.headers["x-total-count"])
    assert first.json()["total"] == total > 40
    seen = [c["id"] for c in first.json()["claims"]]
    offset = first.json()["next_offset"]
    while offset is not None:
        page = client.get("/claims", params={"limit": 40, "offset": offset}).json()
        seen += [c["id"] for c in page["claims"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total
    russian = client.get("/claims", params={"side": "RUS", "source": "Defence", "limit": 1})
    assert int(russian.headers["x-total-count"]) == len(
        client.get("/claims", params={"side": "RUS", "source": "Defence", "limit": 5000}).json()[
            "claims"
        ]
    )
    articles = client.get("/articles", params={"limit": 5, "since": "2025-11-01"})
    assert (
        int(articles.headers["x-total-count"])
        == articles.json()["total"]
        == len(
            client.get("/articles", params={"limit": 500, "since": "2025-11-01"}).json()["articles"]
        )
    )
    links = client.get("/links", params={"relation": "contradicts"})
    assert int(links.headers["x-total-count"]) == len(links.json()["links"]) > 0
