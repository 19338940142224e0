"""events.merge: ACLED atomic events from hand-made article events."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fogwatch.events import merge
from fogwatch.records import Actor, AtomicEvent, Event, Fatalities, Modality, Place, Span

POKROVSK = Place(704422, "Pokrovsk", "populated place", "UA", "UA.05", lat=48.28, lon=37.18)
DOBROPILLIA = Place(709900, "Dobropillia", "populated place", "UA", "UA.05", lat=48.47, lon=37.08)
DONBAS = Place(None, "Donbas", "region", "UA")
RUSSIA = Actor("RUS.military", "Military Forces of Russia", "RUS", "state forces", 1)
UKRAINE = Actor("UKR.military", "Military Forces of Ukraine", "UKR", "state forces", 1)
CIVILIANS = Actor("CIV.civilians", "Civilians", "CIV", "civilians", 7)
TUESDAY = dt.date(2025, 11, 11)

SUB_TYPES = {
    "Armed clash": ("Political violence", "Battles"),
    "Non-state actor overtakes territory": ("Political violence", "Battles"),
    "Shelling/artillery/missile attack": ("Political violence", "Explosions/Remote violence"),
    "Attack": ("Political violence", "Violence against civilians"),
    "Agreement": ("Strategic developments", "Strategic developments"),
    "Arrests": ("Strategic developments", "Strategic developments"),
}


def article_event(
    identifier: str,
    sub_type: str,
    *,
    article: str = "article-a",
    place: Place | None = POKROVSK,
    date: dt.date | None = TUESDAY,
    modality: Modality = "asserted",
    civilian_targeting: bool = False,
) -> Event:
    disorder_type, event_type = SUB_TYPES[sub_type]
    return Event(
        id=identifier,
        article_id=article,
        disorder_type=disorder_type,
        event_type=event_type,
        sub_type=sub_type,
        actor1=RUSSIA,
        actor2=CIVILIANS if civilian_targeting else UKRAINE,
        assoc=(),
        interaction=78 if civilian_targeting else 18,
        place=place,
        geo_precision=1,
        date=date,
        time_precision=1,
        fatalities=Fatalities(0, 0, 0),
        civilian_targeting=civilian_targeting,
        modality=modality,
        claim_id=None,
        evidence=(Span(0, 8),),
    )


def test_two_articles_on_one_place_and_day_make_one_event_of_the_higher_sub_type() -> None:
    clash = article_event("e1", "Armed clash", article="article-a")
    capture = article_event("e2", "Non-state actor overtakes territory", article="article-b")
    [atomic] = merge.atomic_events([clash, capture])
    assert atomic == AtomicEvent(
        id=atomic.id,
        sub_type="Non-state actor overtakes territory",
        place=POKROVSK,
        date=TUESDAY,
        events=(clash, capture),
    )
    assert len(atomic.id) == 16


def test_ids_are_stable_across_runs_and_orders() -> None:
    events = [
        article_event("e1", "Armed clash", article="article-a"),
        article_event("e2", "Shelling/artillery/missile attack", article="article-b"),
        article_event("e3", "Armed clash", article="article-c", place=DOBROPILLIA),
    ]
    first = merge.atomic_events(events)
    second = merge.atomic_events(list(reversed(events)))
    assert first == second
    assert [a.id for a in first] == [a.id for a in merge.atomic_events(events)]
    # the id names the family, place and day only: a new report keeps the event's id
    grown = merge.atomic_events([*events, article_event("e4", "Armed clash", article="article-d")])
    assert {a.id for a in grown} == {a.id for a in first}


def test_different_days_and_places_stay_apart() -> None:
    events = [
        article_event("e1", "Armed clash"),
        article_event("e2", "Armed clash", date=dt.date(2025, 11, 12)),
        article_event("e3", "Armed clash", place=DOBROPILLIA),
    ]
    atomics = merge.atomic_events(events)
    assert [(a.place.name if a.place else None, a.date, len(a.events)) for a in atomics] == [
        ("Dobropillia", TUESDAY, 1),
        ("Pokrovsk", TUESDAY, 1),
        ("Pokrovsk", dt.date(2025, 11, 12), 1),
    ]


def test_only_asserted_events_with_a_place_and_a_day_are_merged() -> None:
    events = [
        article_event("e1", "Armed clash"),
        article_event("e2", "Non-state actor overtakes territory", modality="hypothetical"),
        article_event("e3", "Non-state actor overtakes territory", modality="historical"),
        article_event("e4", "Agreement", modality="negated"),
        article_event("e5", "Armed clash", place=None),
        article_event("e6", "Armed clash", date=None),
    ]
    [atomic] = merge.atomic_events(events)
    assert (atomic.sub_type, [e.id for e in atomic.events]) == ("Armed clash", ["e1"])


def test_strategic_developments_do_not_outrank_one_another() -> None:
    atomics = merge.atomic_events(
        [article_event("e1", "Agreement"), article_event("e2", "Arrests")]
    )
    assert sorted(a.sub_type for a in atomics) == ["Agreement", "Arrests"]


def test_a_strike_on_civilians_is_apart_from_the_battle() -> None:
    clash = article_event("e1", "Armed clash")
    strike = article_event("e2", "Shelling/artillery/missile attack", civilian_targeting=True)
    attack = article_event("e3", "Attack", civilian_targeting=True)
    atomics = merge.atomic_events([clash, strike, attack])
    assert sorted((a.sub_type, len(a.events)) for a in atomics) == [
        ("Armed clash", 1),
        ("Shelling/artillery/missile attack", 2),
    ]


def test_the_same_event_given_twice_is_kept_once() -> None:
    clash = article_event("e1", "Armed clash")
    [atomic] = merge.atomic_events([clash, dataclasses.replace(clash)])
    assert atomic.events == (clash,)


def test_a_region_without_a_geonames_id_is_keyed_by_name() -> None:
    assert DONBAS.key == "region:UA::Donbas"
    assert POKROVSK.key == "gn:704422"
    [atomic] = merge.atomic_events(
        [
            article_event("e1", "Armed clash", place=DONBAS),
            article_event("e2", "Armed clash", place=DONBAS),
        ]
    )
    assert len(atomic.events) == 2


def test_families() -> None:
    assert merge.family_of("Non-state actor overtakes territory") == "Battles"
    assert merge.family_of("Air/drone strike") == "Battles"
    assert (
        merge.family_of("Air/drone strike", civilian_targeting=True) == "Violence against civilians"
    )
    assert merge.family_of("Peaceful protest") == "Demonstrations"
    assert merge.family_of("Agreement") == "Agreement"
