"""The seed article's worked example (DESIGN.md), proved on text the repository owns.

The seed itself lives in ../shared, which a bare clone does not have, so the tests that read it
skip there. fixtures/seed_paraphrase.txt (written by fogwatch's developers, CC0; see
fixtures/README.md) retells the same facts in other words and another order, with the same kinds
of scraping debris; every test here runs on it, with or without ../shared.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import fogwatch
from fogwatch.records import ArticleResult, Event
from helpers import PARAPHRASE, claim_by, judgment

RAW = PARAPHRASE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> ArticleResult:
    _, date, body = RAW.split(maxsplit=2)
    return fogwatch.extract(body, published=date)


def coded(event: Event, text: str) -> dict[str, Any]:
    """An event's ACLED fields, actors as ids, the place as its name."""
    return {
        "sub_type": event.sub_type,
        "actor1": event.actor1.id if event.actor1 else None,
        "actor2": event.actor2.id if event.actor2 else None,
        "place": event.place.name if event.place else None,
        "geo_precision": event.geo_precision,
        "date": event.date.isoformat() if event.date else None,
        "time_precision": event.time_precision,
        "modality": event.modality,
    }


def events_where(result: ArticleResult, **fields: Any) -> list[Event]:
    text = result.article.text
    return [
        e
        for e in result.events
        if all(coded(e, text)[name] == value for name, value in fields.items())
    ]


def evidence(event: Event, text: str) -> set[str]:
    return {span.of(text) for span in event.evidence}


# --- the text: debris out, offsets back to the raw file ----------------------------------------


def test_captions_and_credits_are_gone_and_every_offset_maps_back(seed: ArticleResult):
    article = seed.article
    text, raw = article.text, article.raw_text
    assert raw == RAW[len(" date 2025-11-12 ") :]
    assert article.published == dt.date(2025, 11, 12)
    for debris in ("View gallery", "( Photo", "( Video", "AFP", "Burned-out cars", "Share this"):
        assert debris in raw and debris not in text
    assert "Motorcycles on a foggy road" not in text  # an inline caption glued between sentences
    assert "a city in Donetsk province, in the middle of the Donbas region" in text
    assert "at the entrance to Pokrovsk. The clip spread quickly" in text
    covered = 0
    for run in article.raw_offsets:
        assert run.clean_start == covered
        piece = text[run.clean_start : run.clean_start + run.length]
        assert piece == raw[run.raw_start : run.raw_start + run.length]
        covered += run.length
    assert covered == len(text)


# --- places -------------------------------------------------------------------------------------

# mention as written → (geonameid, name, feature, country, admin1, geo_precision, role)
PLACES = {
    "Zaporizhzhia region": (687699, "Zaporizka oblast", "admin1", "UA", "UA.26", 3, "location"),
    "Zaporizhzhia": (687699, "Zaporizka oblast", "admin1", "UA", "UA.26", 3, "location"),
    "Pokrovsk": (704422, "Pokrovsk", "populated place", "UA", "UA.05", 1, "location"),
    "Donetsk province": (709716, "Donetska oblast", "admin1", "UA", "UA.05", 3, "location"),
    "Donetsk": (709716, "Donetska oblast", "admin1", "UA", "UA.05", 3, "location"),
    # a region across two oblasts carries the admin1 of its map point, as every place does
    "Donbas region": (None, "Donbas", "region", "UA", "UA.05", 3, "location"),
    "Donbas": (None, "Donbas", "region", "UA", "UA.05", 3, "location"),
    "Dobropillia": (709900, "Dobropillia", "populated place", "UA", "UA.05", 1, "location"),
    "Kramatorsk": (704508, "Kramatorsk", "populated place", "UA", "UA.05", 1, "location"),
    "Kostyantynivka": (705104, "Kostyantynivka", "populated place", "UA", "UA.05", 1, "location"),
    "Druzhkivka": (616743, "Druzhkivka", "populated place", "UA", "UA.05", 1, "location"),
    "Bakhmut": (713174, "Bakhmut", "populated place", "UA", "UA.05", 1, "location"),
    "Istanbul": (745044, "Istanbul", "populated place", "TR", "TR.34", 1, "location"),
    "Moscow": (524901, "Moscow", "populated place", "RU", "RU.48", 1, "metonym"),
    "Kyiv": (703448, "Kyiv", "populated place", "UA", "UA.12", 1, "metonym"),
}


def test_every_place_of_the_worked_example_resolves_as_written_there(seed: ArticleResult):
    text = seed.article.text
    found: dict[str, set[tuple[Any, ...]]] = {}
    for mention in seed.places:
        if mention.role == "demonym" or mention.place is None:
            continue
        p = mention.place
        row = (p.geonameid, p.name, p.feature, p.country, p.admin1, mention.geo_precision)
        found.setdefault(mention.span.of(text), set()).add((*row, mention.role))
    for written, expected in PLACES.items():
        assert found[written] == {expected}, written
    # "Donetsk and Luhansk" inside the Donbas: Luhansk oblast's code, whichever feature
    assert {(row[3], row[4]) for row in found["Luhansk"]} == {("UA", "UA.14")}
    # nothing else: no Pokrovsk in Russia, no street or river read as a town
    assert set(found) == {*PLACES, "Luhansk", "Kremlin", "Ukraine", "Russia"}


def test_moscow_and_kyiv_are_governments_not_where_things_happen(seed: ArticleResult):
    text = seed.article.text
    roles = {m.role for m in seed.places if m.span.of(text) in ("Moscow", "Kyiv", "Kremlin")}
    assert roles == {"metonym"}
    assert not [e for e in seed.events if e.place and e.place.name in ("Moscow", "Kyiv")]


# --- dates and quantities -----------------------------------------------------------------------


def test_dates_resolve_against_a_wednesday(seed: ArticleResult):
    text = seed.article.text
    found = [(m.span.of(text), m.kind, m.date, m.precision) for m in seed.dates]
    assert found == [
        ("Wednesday", "date", dt.date(2025, 11, 12), 1),
        ("weeks", "duration", None, None),
        ("A day earlier", "date", dt.date(2025, 11, 11), 1),
        ("Late Tuesday", "date", dt.date(2025, 11, 11), 1),
        ("May 2023", "date", dt.date(2023, 5, 15), 3),  # month precision: mid-month
        ("mid-2024", "period", None, None),
        ("Wednesday", "date", dt.date(2025, 11, 12), 1),
        ("July 23", "date", dt.date(2025, 7, 23), 1),
        ("40 minutes", "duration", None, None),
    ]


def test_quantities_keep_their_hedges(seed: ArticleResult):
    text = seed.article.text
    found = [(q.span.of(text), q.low, q.best, q.high, q.unit, q.hedge) for q in seed.quantities]
    assert found == [
        ("three villages", 3, 3, 3, "settlements", ""),
        ("several hundred Russian soldiers", 300, 300, 900, "troops", "several hundred"),
        ("About 60,000 people", 60000, 60000, 60000, "people", "about"),
        ("Only about 1,200 residents", 1200, 1200, 1200, "residents", "about"),
        ("only about 10%", 10, 10, 10, "percent", "about"),
        ("about 150,000 troops", 150000, 150000, 150000, "troops", "about"),
    ]


# --- events -------------------------------------------------------------------------------------


def test_the_withdrawal_is_territory_taken_by_russia_per_ukraines_military(seed: ArticleResult):
    text = seed.article.text
    withdrawal = claim_by(seed, "said", "its troops had withdrawn from three villages")
    (event,) = events_where(
        seed, sub_type="Non-state actor overtakes territory", modality="asserted"
    )
    assert event.claim_id == withdrawal.id
    assert coded(event, text) == {
        "sub_type": "Non-state actor overtakes territory",
        "actor1": "RUS.military",
        "actor2": "UKR.military",
        "place": "Zaporizka oblast",
        "geo_precision": 3,
        "date": "2025-11-12",
        "time_precision": 2,
        "modality": "asserted",
    }
    assert {"withdrawn", "its troops", "Zaporizhzhia region"} <= evidence(event, text)
    assert withdrawal.source.id == "UKR.military"


def test_the_fighting_in_pokrovsk_is_an_armed_clash_seen_entering_late_tuesday(seed: ArticleResult):
    text = seed.article.text
    fighting = events_where(seed, sub_type="Armed clash", place="Pokrovsk", modality="asserted")
    assert fighting
    assert all({e.actor1.id, e.actor2.id} == {"RUS.military", "UKR.military"} for e in fighting)
    # the bloggers' video: whether coded alone or merged into the street fighting, it is dated
    (entering,) = [e for e in fighting if "entering" in evidence(e, text)]
    assert coded(entering, text) == {
        "sub_type": "Armed clash",
        "actor1": "RUS.military",
        "actor2": "UKR.military",
        "place": "Pokrovsk",
        "geo_precision": 1,
        "date": "2025-11-11",
        "time_precision": 2,
        "modality": "asserted",
    }
    assert {"Late Tuesday", "Pokrovsk"} <= evidence(entering, text)


def test_the_counteroffensive_near_dobropillia_is_a_ukrainian_armed_clash(seed: ArticleResult):
    (event,) = events_where(seed, place="Dobropillia")
    assert coded(event, seed.article.text) == {
        "sub_type": "Armed clash",
        "actor1": "UKR.military",
        "actor2": "RUS.military",
        "place": "Dobropillia",
        "geo_precision": 2,  # "near the town of": ACLED's precision for the area around a town
        "date": "2025-11-12",
        "time_precision": 2,
        "modality": "asserted",
    }


def test_bakhmut_and_the_istanbul_round_are_history(seed: ArticleResult):
    text = seed.article.text
    (bakhmut,) = events_where(seed, place="Bakhmut")
    assert coded(bakhmut, text) == {
        "sub_type": "Non-state actor overtakes territory",
        "actor1": "RUS.military",
        "actor2": "UKR.military",
        "place": "Bakhmut",
        "geo_precision": 1,
        "date": "2023-05-15",
        "time_precision": 3,
        "modality": "historical",
    }
    (last_round,) = events_where(seed, place="Istanbul", modality="historical")
    assert coded(last_round, text) == {
        "sub_type": "Agreement",
        "actor1": "RUS.government",
        "actor2": "UKR.government",
        "place": "Istanbul",
        "geo_precision": 1,
        "date": "2025-07-23",
        "time_precision": 1,
        "modality": "historical",
    }


def test_a_rejected_ceasefire_is_no_agreement(seed: ArticleResult):
    text = seed.article.text
    (ceasefire,) = [e for e in seed.events if "ceasefire" in evidence(e, text)]
    assert (ceasefire.sub_type, ceasefire.modality, ceasefire.actor1.id) == (
        "Agreement",
        "negated",
        "RUS.government",
    )
    assert not events_where(seed, sub_type="Agreement", modality="asserted")


# --- claims and their links ---------------------------------------------------------------------


def test_moscow_and_kyiv_contradict_each_other_about_pokrovsk(seed: ArticleResult):
    moscow = claim_by(seed, "claims", "Pokrovsk is already encircled")
    kyiv = claim_by(seed, "insists", "supplies are still reaching")
    assert (moscow.source.id, moscow.cue_class) == ("RUS.government", "claim")
    assert (kyiv.source.id, kyiv.cue_class) == ("UKR.government", "insist")
    assert (moscow.proposition.predicate, kyiv.proposition.predicate) == ("encircled", "can_supply")
    assert moscow.proposition.place.geonameid == kyiv.proposition.place.geonameid == 704422
    clash = [k for k in seed.links if {k.a, k.b} == {moscow.id, kyiv.id}]
    assert [(k.relation, k.evidence) for k in clash] == [
        ("contradicts", "encircled ↔ can_supply at Pokrovsk")
    ]
    assert judgment(seed, moscow) == judgment(seed, kyiv) == ("contested", "C", 4)


def test_reuters_confirms_the_bloggers_video(seed: ArticleResult):
    video = claim_by(seed, "showing", "Russian troops entering Pokrovsk")
    reuters = claim_by(seed, "confirmed", "the footage was recorded at the entrance to Pokrovsk")
    assert (video.source.id, video.cue_class, video.proposition.object) == (
        "RUS.bloggers",
        "observe",
        "video",
    )
    assert (video.proposition.predicate, video.proposition.place.geonameid) == ("entered", 704422)
    assert (reuters.source.id, reuters.cue_class, reuters.proposition.predicate) == (
        "MEDIA.reuters",
        "confirm",
        "filmed",
    )
    confirms = {(k.a, k.b) for k in seed.links if k.relation == "confirms"}
    assert (reuters.id, video.id) in confirms
    assert judgment(seed, video) == ("confirmed", "D", 1)


def test_syrskyi_counts_the_troops_and_zelenskyy_repeats_his_fog_claim(seed: ArticleResult):
    troops = claim_by(seed, "said", "Russia had massed about 150,000 troops")
    assert troops.source.id == "UKR.military/oleksandr_syrskyi"
    assert troops.proposition.predicate == "gathered_troops"
    assert troops.proposition.quantity.best == 150_000
    assert troops.proposition.place.geonameid == 704422
    fog = claim_by(seed, "said", "the Russian advance in Zaporizhzhia had been helped by heavy fog")
    assert (fog.source.id, fog.proposition.predicate) == (
        "UKR.military/oleksandr_syrskyi",
        "advanced",
    )
    using_fog = claim_by(seed, "said", "Russian commanders were taking advantage of the fog")
    assert using_fog.source.id == "UKR.government/volodymyr_zelenskyy"
    assert [
        (k.relation, k.evidence) for k in seed.links if (k.a, k.b) == (using_fog.id, fog.id)
    ] == [("repeats", "same words: fog")]


def test_polishchuk_is_quoted_directly(seed: ArticleResult):
    text = seed.article.text
    quotes = [c for c in seed.claims if c.direct]
    assert [(c.source_span.of(text), c.content_span.of(text)) for c in quotes] == [
        ("Russian diplomat Alexei Polishchuk", "The Russian delegation is ready")
    ]
    (quote,) = quotes
    assert (quote.source.id, quote.proposition.predicate) == (
        "RUS.government/alexei_polishchuk",
        "ready_to_negotiate",
    )


def test_ukraines_own_withdrawal_is_an_admission_against_interest(seed: ArticleResult):
    withdrawal = claim_by(seed, "said", "its troops had withdrawn")
    assert withdrawal.proposition.predicate == "withdrew"
    assert withdrawal.proposition.actor.id == "UKR.military"  # "its troops": the speaker's own
    assert withdrawal.proposition.quantity.best == 3
    assert withdrawal.proposition.place.geonameid == 687699
    assert judgment(seed, withdrawal) == ("claimed", "C", 2)


def test_a_conditional_capture_is_hypothetical_and_links_to_nothing(seed: ArticleResult):
    cnn = claim_by(seed, "according to", "Pokrovsk would be the biggest city")
    assert (cnn.source.id, cnn.proposition.modality) == ("MEDIA.cnn", "hypothetical")
    assert not [k for k in seed.links if cnn.id in (k.a, k.b) and k.relation != "repeats"]


def test_pronouns_take_the_speaker_named_before(seed: ArticleResult):
    text = seed.article.text
    found = [(c.span.of(text), c.antecedent.of(text), c.actor.id) for c in seed.coreferences]
    assert found == [
        ("he", "Oleksandr Syrskyi", "UKR.military"),
        ("Syrskyi", "Oleksandr Syrskyi", "UKR.military"),
        ("He", "Volodymyr Zelenskyy", "UKR.government"),
    ]
