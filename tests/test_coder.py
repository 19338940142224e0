"""events.coder: one short article per ACLED rule, asserting every field of the events coded."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from typing import Any

import pytest
import yaml

from fogwatch import pipeline
from fogwatch.events import coder
from fogwatch.language import nlp
from fogwatch.records import ArticleResult, Event, RawArticle
from helpers import SEED, needs_shared


def analysed(text: str, published: str = "2025-11-12") -> tuple[Any, ArticleResult]:
    article = pipeline.prepare(
        RawArticle(origin="test", text=text, published=dt.date.fromisoformat(published))
    )
    doc = nlp.parse_one(article.text)
    return doc, pipeline.analyse(article, doc)


def coded(text: str, published: str = "2025-11-12", **options: Any) -> list[dict[str, Any]]:
    doc, result = analysed(text, published)
    return [record(event, result.article.text) for event in coder.code(doc, result, **options)]


def record(event: Event, text: str) -> dict[str, Any]:
    """Every field of an event, with actors as ids, the place as its name and spans as words."""
    return {
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_type": event.sub_type,
        "actor1": event.actor1.id if event.actor1 else None,
        "actor2": event.actor2.id if event.actor2 else None,
        "assoc": tuple(actor.id for actor in event.assoc),
        "interaction": event.interaction,
        "place": event.place.name if event.place else None,
        "geo_precision": event.geo_precision,
        "date": event.date.isoformat() if event.date else None,
        "time_precision": event.time_precision,
        "fatalities": (event.fatalities.low, event.fatalities.best, event.fatalities.high),
        "civilian_targeting": event.civilian_targeting,
        "modality": event.modality,
        "evidence": tuple(span.of(text) for span in event.evidence),
    }


BATTLE = {"disorder_type": "Political violence", "event_type": "Battles"}
REMOTE = {"disorder_type": "Political violence", "event_type": "Explosions/Remote violence"}
STRATEGIC = {"disorder_type": "Strategic developments", "event_type": "Strategic developments"}
# claim_id, the claim an event sits in, is tested with the claims (tests/test_claims.py)
NO_DEAD = {"fatalities": (0, 0, 0), "civilian_targeting": False}


def event(**fields: Any) -> dict[str, Any]:
    return {"assoc": (), **NO_DEAD, **fields}


# --- territory --------------------------------------------------------------------------------


def test_a_withdrawal_is_territory_taken_by_the_other_side() -> None:
    # ACLED: foreign state forces taking territory is "Non-state actor overtakes territory";
    # "said Wednesday" is the report's date, so the day is only bounded (time_precision 2).
    assert coded(
        "Ukraine's military said Wednesday that its forces had withdrawn from Vuhledar."
    ) == [
        event(
            **BATTLE,
            sub_type="Non-state actor overtakes territory",
            actor1="RUS.military",
            actor2="UKR.military",
            interaction=18,
            place="Vuhledar",
            geo_precision=1,
            date="2025-11-12",
            time_precision=2,
            modality="asserted",
            evidence=("Wednesday", "its forces", "withdrawn", "Vuhledar"),
        )
    ]


def test_a_place_that_falls_to_a_side_is_taken_by_it() -> None:
    text = (
        "Vuhledar fell to Russian forces on Tuesday after Ukrainian troops pulled out of the town."
    )
    [taken] = coded(text)
    assert taken == event(
        **BATTLE,
        sub_type="Non-state actor overtakes territory",
        actor1="RUS.military",
        actor2="UKR.military",
        interaction=18,
        place="Vuhledar",
        geo_precision=1,
        date="2025-11-11",
        time_precision=1,
        modality="asserted",
        # "pulled out of the town" is the same change of hands, told from the other side
        evidence=(
            "Vuhledar",
            "fell to",
            "Russian forces",
            "Tuesday",
            "Ukrainian troops",
            "pulled out",
        ),
    )


def test_the_state_retaking_its_own_town_regains_territory() -> None:
    assert coded("Ukrainian forces recaptured Kherson on Friday.") == [
        event(
            **BATTLE,
            sub_type="Government regains territory",
            actor1="UKR.military",
            actor2="RUS.military",
            interaction=18,  # ACLED: Russian forces in Ukraine are external forces (8)
            place="Kherson",
            geo_precision=1,
            date="2025-11-07",
            time_precision=1,
            modality="asserted",
            evidence=("Ukrainian forces", "recaptured", "Kherson", "Friday"),
        )
    ]


def test_a_capture_with_an_explicit_past_date_is_historical() -> None:
    assert coded("Russian forces captured Bakhmut in May 2023.") == [
        event(
            **BATTLE,
            sub_type="Non-state actor overtakes territory",
            actor1="RUS.military",
            actor2="UKR.military",
            interaction=18,
            place="Bakhmut",
            geo_precision=1,
            date="2023-05-15",
            time_precision=3,
            modality="historical",
            evidence=("Russian forces", "captured", "Bakhmut", "May 2023"),
        )
    ]


def test_a_capture_without_a_named_place_is_no_event() -> None:
    assert coded("Russian forces captured the village on Tuesday.") == []


def test_an_objective_is_no_capture() -> None:
    text = "Russian forces pressed on (Russian objective: Capture the entirety of Donetsk Oblast)."
    assert [(e["sub_type"], e["modality"]) for e in coded(text)] == [
        ("Non-state actor overtakes territory", "hypothetical")
    ]


# --- modality ---------------------------------------------------------------------------------


def test_rejected_proposals_for_a_ceasefire_are_a_negated_agreement() -> None:
    assert coded("Putin rejected proposals for a ceasefire on Monday.") == [
        event(
            **STRATEGIC,
            sub_type="Agreement",
            actor1="RUS.government",
            actor2=None,
            interaction=10,
            place=None,
            geo_precision=None,
            date="2025-11-10",
            time_precision=1,
            modality="negated",
            evidence=("Putin", "ceasefire", "Monday"),
        )
    ]


def test_what_would_open_the_way_is_hypothetical() -> None:
    text = (
        "Capturing Pokrovsk in Donetsk province would open the way for a Russian assault on "
        "Kramatorsk."
    )
    assert coded(text) == [
        event(
            **BATTLE,
            sub_type="Armed clash",
            actor1="RUS.military",
            actor2="UKR.military",
            interaction=18,
            place="Kramatorsk",
            geo_precision=1,
            date="2025-11-12",
            time_precision=2,
            modality="hypothetical",
            evidence=("Russian", "assault", "Kramatorsk"),
        )
    ]


def test_a_threat_is_hypothetical() -> None:
    [threat] = coded("The Kremlin threatened to strike Kyiv with missiles.")
    assert (threat["sub_type"], threat["modality"], threat["place"]) == (
        "Shelling/artillery/missile attack",
        "hypothetical",
        "Kyiv",
    )


def test_a_plan_is_future() -> None:
    [plan] = coded("Russia plans to capture Kupiansk.")
    assert (plan["sub_type"], plan["modality"]) == ("Non-state actor overtakes territory", "future")


def test_a_denied_withdrawal_is_negated() -> None:
    text = "Ukraine's defence ministry denied that its troops had withdrawn from Kupiansk."
    [denied] = coded(text)
    assert (denied["sub_type"], denied["modality"], denied["actor2"]) == (
        "Non-state actor overtakes territory",
        "negated",
        "UKR.military",
    )


def test_instead_of_negates() -> None:
    text = "Russian troops massed near Kupiansk instead of attacking Pokrovsk in Donetsk province."
    [attack] = coded(text)
    assert (attack["sub_type"], attack["place"], attack["modality"]) == (
        "Armed clash",
        "Pokrovsk",
        "negated",
    )


def test_thwarted_assaults_happened_and_ability_is_hypothetical() -> None:
    text = "The Russian MoD claimed that Russian forces thwarted Ukrainian assaults near Kupiansk."
    assert [(e["sub_type"], e["modality"]) for e in coded(text)] == [("Armed clash", "asserted")]
    text = "NATO must make sure Kyiv is able to repel Russian forces near Kupiansk."
    assert [(e["sub_type"], e["modality"]) for e in coded(text)] == [
        ("Armed clash", "hypothetical")
    ]


def test_no_fighting_is_negated() -> None:
    [quiet] = coded("No fighting was reported in Kupiansk on Tuesday.")
    assert (quiet["sub_type"], quiet["modality"]) == ("Armed clash", "negated")


# --- remote violence, fatalities, civilians ---------------------------------------------------


def test_shelling_that_kills_people_targets_civilians() -> None:
    # ACLED: shelling of a town killing civilians stays a shelling, coded as civilian targeting
    text = (
        "Russian forces shelled the town of Nikopol on Tuesday, and at least 12 people were killed."
    )
    assert coded(text) == [
        event(
            **REMOTE,
            sub_type="Shelling/artillery/missile attack",
            actor1="RUS.military",
            actor2="CIV.civilians",
            interaction=78,
            place="Nikopol",
            geo_precision=1,
            date="2025-11-11",
            time_precision=1,
            fatalities=(12, 12, 12),
            civilian_targeting=True,
            modality="asserted",
            evidence=(
                "Russian forces",
                "shelled",
                "Nikopol",
                "Tuesday",
                "at least 12 people",
                "killed",
            ),
        )
    ]


def test_a_toll_in_the_next_sentence_joins_the_strike() -> None:
    [strike] = coded("Russia shelled Nikopol overnight. Two people were killed, the governor said.")
    assert (strike["place"], strike["fatalities"], strike["civilian_targeting"]) == (
        "Nikopol",
        (2, 2, 2),
        True,
    )


def test_the_weapon_decides_the_strike() -> None:
    text = (
        "A Russian drone strike on an apartment building in Kharkiv killed three people on Sunday."
    )
    assert coded(text) == [
        event(
            **REMOTE,
            sub_type="Air/drone strike",
            actor1="RUS.military",
            actor2="CIV.civilians",
            interaction=78,
            place="Kharkiv",
            geo_precision=1,
            date="2025-11-09",
            time_precision=1,
            fatalities=(3, 3, 3),
            civilian_targeting=True,
            modality="asserted",
            evidence=("Russian", "drone strike", "Kharkiv", "killed", "three people", "Sunday"),
        )
    ]


def test_the_victim_of_violence_against_civilians_is_actor2() -> None:
    assert coded("Russian soldiers executed five civilians in Bucha on Monday.") == [
        event(
            disorder_type="Political violence",
            event_type="Violence against civilians",
            sub_type="Attack",
            actor1="RUS.military",
            actor2="CIV.civilians",
            interaction=78,
            place="Bucha",
            geo_precision=1,
            date="2025-11-10",
            time_precision=1,
            fatalities=(5, 5, 5),
            civilian_targeting=True,
            modality="asserted",
            evidence=("Russian soldiers", "executed", "five civilians", "Bucha", "Monday"),
        )
    ]


def test_a_landmine_that_kills_farmers_targets_civilians() -> None:
    [blast] = coded("A landmine exploded near Izium on Monday, killing two farmers.")
    assert (blast["sub_type"], blast["place"], blast["geo_precision"], blast["actor2"]) == (
        "Remote explosive/landmine/IED",
        "Izyum",
        2,
        "CIV.civilians",
    )
    assert blast["civilian_targeting"] is True


def test_a_blast_of_unknown_cause_is_no_device() -> None:
    assert coded("An explosion damaged a bridge in Kherson on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A bomb placed in a bin exploded in Kherson on Monday, wounding three people.",
        "The explosion of a device damaged a bridge in Kherson on Monday.",
    ],
)
def test_a_device_that_went_off_is_a_remote_explosive(text: str) -> None:
    assert picked(coded(text), "sub_type", "place") == [
        ("Remote explosive/landmine/IED", "Kherson")
    ]


def test_a_chemical_agent_decides_the_strike_whatever_delivered_it() -> None:
    text = "Militants fired mortar shells filled with chlorine gas at Kherson on Monday."
    assert picked(coded(text), "sub_type", "place") == [("Chemical weapon", "Kherson")]


def test_tear_gas_is_no_chemical_weapon() -> None:
    text = "Russian forces shelled Kherson with artillery and tear gas on Monday."
    assert picked(coded(text), "sub_type") == [("Shelling/artillery/missile attack",)]


def test_those_who_died_are_no_party() -> None:
    [deaths] = coded("Russian forces shelled Kherson on Monday, and two Russian soldiers died.")
    assert (deaths["sub_type"], deaths["actor1"], deaths["actor2"]) == (
        "Shelling/artillery/missile attack",
        "RUS.military",
        None,
    )


def test_explosions_heard_are_no_event() -> None:
    assert coded("Explosions were heard in Kyiv on Tuesday.") == []


def test_a_weapon_named_for_attacks_is_no_attack() -> None:
    assert coded("Iran supplied Russia with attack drones.") == []


def test_the_classifier_settles_an_attack_that_names_no_weapon() -> None:
    text = "An attack killed three civilians in Kharkiv on Sunday."
    # nothing in the clause says what kind of attack (the short-report back-off is tested apart)
    assert coded(text, ranker=None) == []

    def drones(sentence: str) -> list[tuple[str, float]]:
        return [("Air/drone strike", 0.7), ("Armed clash", 0.2)]

    [strike] = coded(text, classifier=drones, ranker=None)
    assert (strike["sub_type"], strike["actor2"], strike["civilian_targeting"]) == (
        "Air/drone strike",
        "CIV.civilians",
        True,
    )


# --- battles ----------------------------------------------------------------------------------


def test_a_counteroffensive_is_an_armed_clash_with_the_other_side() -> None:
    assert coded("Ukraine has launched a counteroffensive in the nearby town of Dobropillia.") == [
        event(
            **BATTLE,
            sub_type="Armed clash",
            actor1="UKR.military",
            actor2="RUS.military",
            interaction=18,
            place="Dobropillia",
            geo_precision=1,
            date="2025-11-12",
            time_precision=2,
            modality="asserted",
            evidence=("Ukraine", "counteroffensive", "Dobropillia"),
        )
    ]


def test_moscow_said_is_never_the_place() -> None:
    near = coded("Moscow said its forces repelled a Ukrainian attack near Kupiansk.")
    assert [(e["sub_type"], e["place"], e["geo_precision"]) for e in near] == [
        ("Armed clash", "Kupyansk", 2)  # ACLED: "near X" is X at geo_precision 2
    ]
    nowhere = coded("Moscow said its forces repelled a Ukrainian attack.")
    assert [(e["sub_type"], e["place"], e["actor1"]) for e in nowhere] == [
        ("Armed clash", None, "UKR.military")  # the repelled attacker is actor1
    ]


# --- demonstrations, arrests, agreements ------------------------------------------------------


def test_a_protest() -> None:
    assert coded("Hundreds of people protested in Lviv on Saturday against the law.") == [
        event(
            disorder_type="Demonstrations",
            event_type="Protests",
            sub_type="Peaceful protest",
            actor1="CIV.protesters.UKR",  # ACLED: Protesters (Ukraine)
            actor2=None,
            interaction=60,
            place="Lviv",
            geo_precision=1,
            date="2025-11-08",
            time_precision=1,
            modality="asserted",
            evidence=("Hundreds of people", "protested", "Lviv", "Saturday"),
        )
    ]


def test_arrests_at_a_protest_are_its_intervention() -> None:
    events = coded("Police detained dozens of protesters at a rally in Tbilisi on Sunday.")
    assert [(e["sub_type"], e["place"]) for e in events] == [
        ("Protest with intervention", "Tbilisi")
    ]


def test_a_human_chain_is_a_protest_and_arrests_at_it_its_intervention() -> None:
    events = coded("Police arrested eight teachers at a human chain in Bogura on Sunday.")
    assert [(e["sub_type"], e["actor1"], e["place"]) for e in events] == [
        ("Protest with intervention", "CIV.protesters.BGD", "Bogura")
    ]
    assert coded("The chain of command was broken in Bogura on Sunday.") == []


def test_a_sit_in_is_a_protest() -> None:
    events = coded("Soldiers broke up a sit-in outside the parliament in Nairobi on Sunday.")
    assert [(e["sub_type"], e["actor1"], e["place"]) for e in events] == [
        ("Protest with intervention", "CIV.protesters.KEN", "Nairobi")
    ]
    # the noun "in" alone ("the ins and outs") is no protest
    ins = coded("The ins and outs of the budget were explained in Nairobi on Sunday.")
    assert [e["sub_type"] for e in ins if e["event_type"] == "Protests"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Violent protests erupted in Nairobi on Sunday.",
        "The rally in Nairobi turned violent on Sunday.",
    ],
)
def test_a_protest_said_to_be_violent_is_a_violent_demonstration(text: str) -> None:
    assert [(e["sub_type"], e["actor1"]) for e in coded(text)] == [
        ("Violent demonstration", "CIV.rioters.KEN")
    ]


def test_force_said_violent_is_the_interventions_not_the_protests() -> None:
    events = coded("Police violently dispersed a protest in Nairobi on Sunday.")
    assert [e["sub_type"] for e in events] == ["Protest with intervention"]


def test_a_peace_deal_with_the_government_is_the_countrys_government() -> None:
    events = coded("The government reached a peace deal with the rebels in Juba on Sunday.")
    assert [(e["sub_type"], e["actor1"], e["actor2"]) for e in events] == [
        ("Agreement", "SSD.government", "UNID.armed_group.SSD")
    ]
    # a deal that settles nothing of a conflict is no agreement event
    assert coded("The government reached a trade deal with Kenya in Juba on Sunday.") == []


def test_a_weapon_that_destroys_something_is_a_strike() -> None:
    events = coded("Syrian warplanes destroyed an arms depot in Homs province on Sunday.")
    assert [(e["sub_type"], e["actor1"]) for e in events] == [("Air/drone strike", "SYR.military")]
    # what air defence destroys is no strike of its own; a daily tally of what troops destroyed
    # is no event
    intercepted = coded("Ukrainian air defence destroyed 20 drones over Kyiv on Sunday.")
    assert [(e["sub_type"], e["actor1"]) for e in intercepted] == [
        ("Disrupted weapons use", "UKR.military")
    ]
    tally = (
        "Ukrainian forces destroyed 15 Russian tanks and 12 artillery systems over the past day."
    )
    assert coded(tally) == []


def test_the_fighters_are_the_group_just_named_with_that_noun() -> None:
    text = "Hezbollah fighters pushed into Arsal on Sunday. The fighters captured a hilltop near Arsal."
    assert [e["actor1"] for e in coded(text)] == ["HEZBOLLAH.hezbollah"]
    unnamed = "Gunmen attacked a village near Arsal. The fighters captured a hilltop near Arsal."
    assert [e["actor1"] for e in coded(unnamed)] == ["UNID.armed_group.LBN"] * 2
    between = (
        "Hezbollah fighters pushed into Arsal on Sunday. Islamic State militants attacked them"
        " there. The fighters captured a hilltop near Arsal."
    )
    captured = [e for e in coded(between) if e["sub_type"] == "Non-state actor overtakes territory"]
    assert len(captured) == 1 and captured[0]["actor1"] != "HEZBOLLAH.hezbollah"


def test_raped_is_sexual_violence_though_the_lemmatizer_reads_rap() -> None:
    events = coded("Soldiers raped three women in a village near Goma on Sunday.")
    assert [(e["sub_type"], e["actor1"]) for e in events] == [("Sexual violence", "COD.military")]


def test_a_withdrawal_no_one_is_named_to_take_is_the_withdrawing_partys_move() -> None:
    events = coded("French troops withdrew from Gao on Sunday.", ranker=None)
    assert [(e["sub_type"], e["actor1"]) for e in events] == [
        ("Change to group/activity", "FRA.military")
    ]
    # in a war whose sides the lexicon knows, the other side takes it
    kherson = coded("Russian troops withdrew from Kherson on Friday.", ranker=None)
    assert [(e["sub_type"], e["actor1"]) for e in kherson] == [
        ("Government regains territory", "UKR.military")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Heavy clashes between Sudanese troops and RSF fighters were reported in El Fasher.",
        "Clashes broke out between Sudanese troops and RSF fighters in El Fasher on Sunday.",
    ],
)
def test_both_sides_of_clashes_between_them(text: str) -> None:
    assert [(e["sub_type"], e["actor1"], e["actor2"]) for e in coded(text)] == [
        ("Armed clash", "SDN.military", "RSF.rsf")
    ]


def test_clashes_between_police_and_protesters_are_a_violent_demonstration() -> None:
    text = "Clashes erupted between police and protesters in Nairobi on Sunday."
    assert [(e["sub_type"], e["actor1"]) for e in coded(text)] == [
        ("Violent demonstration", "CIV.rioters.KEN")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Police uncovered a cache of grenades in Nairobi on Sunday.",
        "Police confiscated two rifles and a grenade in Nairobi on Sunday.",
    ],
)
def test_weapons_uncovered_or_confiscated_are_disrupted(text: str) -> None:
    assert [(e["sub_type"], e["actor1"]) for e in coded(text)] == [
        ("Disrupted weapons use", "KEN.police")
    ]


def test_a_find_told_in_a_clause_below_is_no_find() -> None:
    text = "Investigators discovered that a Russian missile hit a hospital in Kyiv on Sunday."
    assert "Disrupted weapons use" not in [e["sub_type"] for e in coded(text)]
    assert coded(text) != []  # the strike itself is coded


def test_an_agency_leaving_a_place_is_no_event() -> None:
    assert coded("The IAEA withdrew its inspectors from Enerhodar on Sunday.") == []


def test_the_government_of_talks_held_abroad_is_not_the_hosts() -> None:
    text = "M23 rebels signed a peace agreement with the government in Doha on Sunday."
    assert [(e["actor1"], e["actor2"]) for e in coded(text)] == [("M23.m23", None)]


def test_the_group_whose_weapons_were_found_is_actor2_not_the_finder() -> None:
    text = "Security forces discovered ammunition belonging to the PKK in Trabzon on Sunday."
    assert [(e["sub_type"], e["actor1"], e["actor2"]) for e in coded(text)] == [
        ("Disrupted weapons use", "TUR.military", "PKK.pkk")
    ]


def test_forces_that_used_the_weapon_carried_out_the_attack() -> None:
    text = (
        "Four villagers were killed after government troops used chlorine gas near Idlib on Sunday."
    )
    assert [(e["sub_type"], e["actor1"]) for e in coded(text)] == [
        ("Chemical weapon", "SYR.military")
    ]


def test_people_who_protest_something_are_protesters_a_state_is_not() -> None:
    farmers = coded("Thousands of farmers protested the new farm laws in Delhi on Sunday.")
    assert [(e["sub_type"], e["actor1"]) for e in farmers] == [
        ("Peaceful protest", "CIV.protesters.IND")
    ]
    turkey = "Turkey protested the remarks of the Swedish ambassador in Ankara on Sunday."
    assert [e for e in coded(turkey) if e["event_type"] == "Protests"] == []


def test_a_delay_in_arresting_is_no_arrest() -> None:
    text = (
        "Families criticised the police over delays in arresting the suspects in Nairobi on Sunday."
    )
    assert [(e["sub_type"], e["modality"]) for e in coded(text)] == [("Arrests", "hypothetical")]


def test_an_arrest() -> None:
    assert coded("Ukraine's SBU detained a Russian agent in Kharkiv on Monday.") == [
        event(
            **STRATEGIC,
            sub_type="Arrests",
            actor1="UKR.sbu",
            actor2=None,  # an "agent" is no role the registry gives a side
            interaction=10,
            place="Kharkiv",
            geo_precision=1,
            date="2025-11-10",
            time_precision=1,
            modality="asserted",
            evidence=("SBU", "detained", "Kharkiv", "Monday"),
        )
    ]


def test_an_exchange_and_a_ceasefire_in_one_sentence_are_one_agreement() -> None:
    text = "Russia and Ukraine exchanged 150 prisoners of war on Friday, and agreed to a ceasefire."
    assert coded(text) == [
        event(
            **STRATEGIC,
            sub_type="Agreement",
            actor1="RUS.government",
            actor2="UKR.government",
            interaction=11,
            place=None,
            geo_precision=None,
            date="2025-11-07",
            time_precision=1,
            modality="asserted",
            evidence=("Russia", "Ukraine", "exchanged", "Friday", "agreed", "ceasefire"),
        )
    ]


def test_the_last_round_of_talks_is_the_agreement_just_named() -> None:
    text = (
        "Moscow on Wednesday urged Kyiv to return to negotiations in Istanbul. "
        "The last round took place July 23 and lasted only 40 minutes."
    )
    talks, last_round = coded(text)
    assert (talks["modality"], talks["place"]) == ("hypothetical", "Istanbul")
    assert last_round == event(
        **STRATEGIC,
        sub_type="Agreement",
        actor1="RUS.government",
        actor2="UKR.government",
        interaction=11,
        place="Istanbul",
        geo_precision=1,
        date="2025-07-23",
        time_precision=1,
        modality="historical",
        evidence=("Moscow", "Kyiv", "Istanbul", "round", "July 23"),
    )


# --- ids and data ------------------------------------------------------------------------------


def test_ids_are_stable_and_distinct() -> None:
    text = (
        "Ukrainian forces recaptured Kherson on Friday. Russian forces shelled Nikopol on Sunday."
    )
    doc, result = analysed(text)
    first = coder.code(doc, result)
    second = coder.code(*analysed(text))
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == 2
    assert all(len(e.id) == 16 for e in first)


def test_a_trigger_with_an_unknown_sub_type_is_a_lexicon_error() -> None:
    data = {"triggers": {"shell": {"frame": "remote", "sub_type": "Artillery"}}}
    with pytest.raises(coder.LexiconError, match="'Artillery' is not an ACLED sub-event type"):
        coder.build_lexicon(data)


def test_a_bare_yaml_boolean_is_a_lexicon_error() -> None:
    text = files("fogwatch.data").joinpath(coder.TRIGGERS_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["locative_prepositions"] = yaml.safe_load("[in, at, on]")  # bare "on" reads as True
    with pytest.raises(coder.LexiconError, match="quote it"):
        coder.build_lexicon(data)
    del data["weapons"]
    with pytest.raises(coder.LexiconError, match="the section 'weapons' is missing"):
        coder.build_lexicon(data)


# --- the seed article -------------------------------------------------------------------------


@needs_shared
def test_seed_article() -> None:
    body = SEED.read_text(encoding="utf-8").split(" date 2025-11-12 ", 1)[1]
    events = coded(body)

    def find(sub_type: str, place: str | None, modality: str) -> list[dict[str, Any]]:
        return [
            e
            for e in events
            if (e["sub_type"], e["place"], e["modality"]) == (sub_type, place, modality)
        ]

    [withdrawal] = find("Non-state actor overtakes territory", "Zaporizka oblast", "asserted")
    assert (withdrawal["actor1"], withdrawal["actor2"], withdrawal["geo_precision"]) == (
        "RUS.military",
        "UKR.military",
        3,
    )
    assert withdrawal["date"] <= "2025-11-12"
    assert {"withdraw", "its forces", "Zaporizhzhia region"} <= set(withdrawal["evidence"])

    pokrovsk = find("Armed clash", "Pokrovsk", "asserted")
    assert pokrovsk
    assert all({e["actor1"], e["actor2"]} == {"RUS.military", "UKR.military"} for e in pokrovsk)

    [counteroffensive] = find("Armed clash", "Dobropillia", "asserted")
    assert counteroffensive["actor1"] == "UKR.military"

    [bakhmut] = find("Non-state actor overtakes territory", "Bakhmut", "historical")
    assert (bakhmut["date"], bakhmut["time_precision"]) == ("2023-05-15", 3)

    [ceasefire] = [
        e for e in events if e["sub_type"] == "Agreement" and "ceasefire" in e["evidence"]
    ]
    assert (ceasefire["modality"], ceasefire["actor1"]) == ("negated", "RUS.government")

    [last_round] = find("Agreement", "Istanbul", "historical")
    assert (last_round["date"], last_round["time_precision"]) == ("2025-07-23", 1)

    assert not [e for e in events if e["place"] in ("Moscow", "Kyiv")]
    assert not [e for e in events if e["sub_type"] == "Agreement" and e["modality"] == "asserted"]


# --- one incident, one event per place ----------------------------------------------------------


def picked(events: list[dict[str, Any]], *keys: str) -> list[tuple[Any, ...]]:
    return [tuple(found[key] for key in keys) for found in events]


def test_corridors_agreed_in_a_clausal_passive_subject_are_an_agreement() -> None:
    text = "Ten corridors to evacuate people from embattled areas had been agreed on Saturday."
    assert picked(coded(text, "2022-04-09"), "sub_type", "date") == [("Agreement", "2022-04-09")]


def test_a_failed_attempt_by_a_unit_the_registry_cannot_name_is_fighting() -> None:
    text = (
        "One battalion of the 1st Tank Regiment attempted to seize the village of Sulyhivka"
        " on April 5 but was not successful."
    )
    assert picked(coded(text, "2022-04-05"), "sub_type", "place", "modality") == [
        ("Armed clash", "Sulyhivka", "asserted")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured Izium on Monday without a fight.",
        "Rebels seized the deserted town of Izium on Monday.",
        "Rebels captured Izium on Monday and met no resistance.",
    ],
)
def test_a_place_taken_without_a_fight_is_a_non_violent_transfer(text: str) -> None:
    events = [e for e in coded(text) if e["modality"] == "asserted"]
    assert picked(events, "sub_type", "actor1", "place") == [
        ("Non-violent transfer of territory", "UNID.armed_group", "Izyum")
    ]


def test_a_place_taken_after_fighting_is_overtaken() -> None:
    text = "Rebels captured Izium on Monday after heavy fighting."
    assert picked(coded(text), "sub_type") == [("Non-state actor overtakes territory",)]


def test_the_side_an_attack_is_repelled_from_is_actor1() -> None:
    events = coded("Ukrainian forces repelled a Russian assault on Izyum on Monday.", "2022-04-12")
    assert picked(events, "sub_type", "actor1", "actor2", "place") == [
        ("Armed clash", "RUS.military", "UKR.military", "Izyum")
    ]


def test_a_list_of_places_is_one_event_per_place() -> None:
    text = "Russian forces shelled Severodonetsk, Lysychansk, and Popasna on April 12."
    events = coded(text, "2022-04-12")
    assert picked(events, "sub_type", "place", "date") == [
        ("Shelling/artillery/missile attack", "Siverskodonetsk", "2022-04-12"),
        ("Shelling/artillery/missile attack", "Lysychansk", "2022-04-12"),
        ("Shelling/artillery/missile attack", "Popasna", "2022-04-12"),
    ]


def test_arresting_protesters_is_a_protest_with_intervention_by_the_police() -> None:
    # ACLED: arrests at a protest are its intervention — the crowd is actor1, the police actor2
    events = coded("Police in Nairobi arrested 12 protesters on Monday.", "2023-06-14")
    assert picked(events, "sub_type", "actor1", "actor2") == [
        ("Protest with intervention", "CIV.protesters.KEN", "KEN.police")
    ]


def test_a_place_that_only_classifies_the_target_is_not_where_it_happened() -> None:
    # "the Black Sea port of X": the sea says what kind of port; the strike is in X
    text = "Russian missiles struck the Black Sea port of Odesa on Tuesday."
    assert picked(coded(text, "2023-06-14"), "sub_type", "place") == [
        ("Shelling/artillery/missile attack", "Odesa")
    ]


def test_a_place_in_another_subjects_adverbial_clause_is_not_where_it_happened() -> None:
    # "as leaders began a summit in X": X is where the leaders met, not where the strikes hit
    text = (
        "Russian missiles hit Kyiv on Sunday. "
        "The strikes came as leaders of the G7 began a summit in Bavaria, southern Germany."
    )
    places = {place for (place,) in picked(coded(text, "2023-06-14"), "place")}
    assert "Bayern" not in places


def test_a_relative_clause_says_where_the_target_is() -> None:
    text = (
        "Russian forces bombed a theatre where civilians were sheltering in the city of Mariupol."
    )
    assert picked(coded(text, "2023-06-14"), "sub_type", "place") == [
        ("Air/drone strike", "Mariupol")
    ]


def test_an_unplaced_battle_is_in_the_main_town_of_the_country_the_article_is_about() -> None:
    # Washington is named most, but the article's places are mostly Ukraine's
    text = (
        "Officials in Washington met on Monday. More aid will come from Washington, officials in "
        "Washington said. Russian forces shelled Bakhmut in eastern Ukraine on Tuesday. Residents "
        "of Bakhmut fled to western Ukraine. Heavy fighting continued on Wednesday, the Ukrainian "
        "army said."
    )
    assert picked(coded(text, "2023-06-14"), "sub_type", "place") == [
        ("Shelling/artillery/missile attack", "Bakhmut"),
        ("Armed clash", "Bakhmut"),
    ]


def test_where_fire_came_from_is_not_where_it_hit() -> None:
    # spaCy tags "Belgorod at Kharkiv" as one organisation's name: two places joined by "at"
    text = "Russian forces fired artillery from Belgorod at Kharkiv on Monday."
    assert picked(coded(text, "2023-06-14"), "sub_type", "place", "date") == [
        ("Shelling/artillery/missile attack", "Kharkiv", "2023-06-12")
    ]


def test_an_incident_told_again_without_a_day_is_one_event() -> None:
    text = (
        "A Russian missile hit the railway station in Kramatorsk on Friday. "
        "The missile was fired at Kramatorsk from the east, officials said."
    )
    events = coded(text, "2022-04-09")
    assert picked(events, "sub_type", "place", "date") == [
        ("Shelling/artillery/missile attack", "Kramatorsk", "2022-04-08")
    ]


def test_two_dated_reports_of_one_place_stay_two_events() -> None:
    text = "Russian troops shelled Kharkiv on Monday. Russian troops shelled Kharkiv again on Wednesday."
    events = coded(text, "2022-04-14")
    assert picked(events, "place", "date") == [("Kharkiv", "2022-04-11"), ("Kharkiv", "2022-04-13")]


def test_operations_to_seize_a_town_are_fighting_there_not_its_capture() -> None:
    text = (
        "Russian forces continued operations to seize Rubizhne on April 5, the General Staff said."
    )
    events = coded(text, "2022-04-05")
    assert picked(events, "sub_type", "modality", "actor1", "place") == [
        ("Armed clash", "asserted", "RUS.military", "Rubizhne")
    ]


def test_offensive_operations_at_listed_places_are_clashes_there() -> None:
    text = "Russian forces continued unsuccessful offensive operations in Lysychansk and Popasna on June 18."
    assert picked(coded(text, "2022-06-18"), "sub_type", "modality", "place") == [
        ("Armed clash", "asserted", "Lysychansk"),
        ("Armed clash", "asserted", "Popasna"),
    ]
    assert coded("The Kremlin is conducting an information operation against Kharkiv.") == []


def test_a_possible_or_planned_offensive_is_not_asserted() -> None:
    possible = "Officials warned of a possible Russian offensive operation against Kharkiv."
    planned = "Analysts expect the planned offensive operation near Kharkiv to begin in May."
    assert picked(coded(possible), "modality") == [("hypothetical",)]
    assert picked(coded(planned), "modality") in ([("future",)], [("hypothetical",)])


def test_firing_is_a_strike_only_with_a_weapon_or_an_armed_actor() -> None:
    assert picked(coded("Russian forces fired on Lysychansk on Monday."), "sub_type", "place") == [
        ("Shelling/artillery/missile attack", "Lysychansk")
    ]
    assert coded("The president fired his army chief in Kyiv on Monday.") == []
    assert coded("A fire broke out at a warehouse in Odesa on Monday.") == []


def test_an_attempt_to_seize_a_town_told_in_the_past_is_fighting_there() -> None:
    text = "Russian forces attempted to take Izyum on Tuesday but failed."
    assert picked(coded(text, "2022-04-06"), "sub_type", "modality", "place") == [
        ("Armed clash", "asserted", "Izyum")
    ]


def test_a_modifier_or_a_metaphor_is_no_event() -> None:
    assert coded("Commanders feared a killing area within range of Russian artillery.") == []
    assert coded("Kyiv, Brussels and Washington were joined in a battle of ideas.") == []


def test_an_attack_named_as_the_cause_of_a_call_happened() -> None:
    text = (
        "The president called on allies to send air defences in the wake of a missile attack "
        "on a train station in Kramatorsk that killed 52 people."
    )
    assert picked(coded(text, "2022-04-09"), "sub_type", "modality", "place", "fatalities") == [
        ("Shelling/artillery/missile attack", "asserted", "Kramatorsk", (52, 52, 52))
    ]


def test_a_capture_in_a_present_tense_time_clause_is_ahead() -> None:
    text = (
        "Moscow will redeploy troops north after Russian forces take Mariupol, which they besiege."
    )
    assert picked(coded(text, "2022-04-09"), "sub_type", "modality", "place") == [
        ("Non-state actor overtakes territory", "future", "Mariupol")
    ]


def test_an_armed_party_storming_a_site_is_fighting_there() -> None:
    # "stormed" needs an armed party, not a named place: gunmen storming a centre fight its guards
    text = "Gunmen stormed a police training centre on Monday, killing 41 recruits."
    assert picked(coded(text, "2023-06-14", ranker=None), "sub_type", "actor1") == [
        ("Armed clash", "UNID.armed_group")
    ]
    # protesters are no armed party: their storming is how the protest went
    text = "Protesters stormed the parliament building in Baghdad on Saturday."
    assert picked(coded(text, "2023-06-14", ranker=None), "sub_type", "actor1") == [
        ("Violent demonstration", "CIV.rioters.IRQ")
    ]


def test_fighters_charging_a_camp_fight_there_and_a_charge_in_court_is_no_event() -> None:
    text = "Al-Shabaab fighters charged an army base near Afgooye on Sunday."
    assert picked(coded(text, "2023-06-14", ranker=None), "sub_type", "actor1", "place") == [
        ("Armed clash", "SHABAAB.shabaab", "Afgooye")
    ]
    text = "Prosecutors charged the former mayor of Afgooye with fraud on Sunday."
    assert coded(text, "2023-06-14", ranker=None) == []


@pytest.mark.parametrize(
    "text",
    [
        "Security forces fired tear gas near the stadium in Harare on Monday.",
        "Soldiers fired rubber bullets in Harare on Monday.",
    ],
)
def test_crowd_control_fired_is_no_shelling(text: str) -> None:
    # ACLED: tear gas and rubber bullets are a protest's intervention, never remote violence
    assert coded(text, "2023-06-14", ranker=None) == []


def test_protesters_who_throw_projectiles_riot_whatever_the_police_do() -> None:
    # ACLED: arrests or force against protesters who turned violent is a violent demonstration
    text = (
        "Police arrested dozens of protesters in Leeds on Saturday after projectiles were "
        "thrown at officers."
    )
    assert picked(coded(text, "2023-06-14", ranker=None), "sub_type", "actor1", "place") == [
        ("Violent demonstration", "CIV.rioters.GBR", "Leeds")
    ]


def test_the_event_a_sentence_reports_comes_before_the_one_that_dates_it() -> None:
    # "a day after police arrested …" only says when the abduction the sentence reports happened
    text = (
        "A day after police arrested dozens of students in Minsk, the opposition said two of "
        "its leaders had been abducted."
    )
    assert picked(coded(text, "2023-06-14", ranker=None), "sub_type", "actor1") == [
        ("Abduction/forced disappearance", "UNID.armed_group.BLR"),
        ("Arrests", "BLR.police"),
    ]
