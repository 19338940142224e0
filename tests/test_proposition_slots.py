"""A claim's proposition on real-news constructions: whose claim a predicate is, whether it is an
aim or a prediction, and which negation is its own. Invented sentences, parsed."""

from __future__ import annotations

import fogwatch
from fogwatch.records import Proposition
from helpers import claim_by


def proposition(body: str, cue: str, content_start: str) -> Proposition:
    result = fogwatch.extract(body, published="2025-12-17")
    found = claim_by(result, cue, content_start).proposition
    assert found is not None
    return found


def test_a_content_with_its_own_words_is_not_an_ellipsis():
    said = proposition(
        "Russia's defence ministry said its troops captured Kupiansk. "
        "A Ukrainian spokesperson noted they have limited resources.",
        "noted",
        "they have limited resources",
    )
    assert said.predicate is None


def test_a_claim_reported_inside_a_criticism_is_not_the_critic_s_but_a_denied_one_is():
    criticism = proposition(
        "A milblogger criticized the Russian MoD for spreading footage to support the MoD's "
        "claim that Russian forces control Kupiansk.",
        "criticized",
        "the Russian MoD",
    )
    assert criticism.predicate is None
    denial = proposition(
        "Governor Haidai denied Kadyrov's claims that Russian forces have seized Sievierodonetsk.",
        "denied",
        "Kadyrov's claims",
    )
    assert denial.predicate == "captured"


def test_an_infinitive_is_an_aim_and_a_prediction_is_ahead():
    aim = proposition(
        "Cherevaty stated that Ukrainian forces are conducting operations to liberate Kreminna.",
        "stated",
        "Ukrainian forces",
    )
    assert (aim.predicate, aim.modality) == ("captured", "hypothetical")
    managed = proposition(
        "The ministry said Russian troops managed to capture Kreminna.", "said", "Russian troops"
    )
    assert (managed.predicate, managed.modality) == ("captured", "asserted")
    predicted = proposition(
        "Russian officials predicted that their forces capture Bakhmut.", "predicted", "their"
    )
    assert (predicted.predicate, predicted.modality) == ("captured", "future")


def test_a_negation_is_not_carried_into_its_cause():
    said = proposition(
        "Ukraine's army said a humanitarian corridor to Dnipro did not go ahead due to constant "
        "shelling from Russian forces.",
        "said",
        "a humanitarian corridor",
    )
    assert (said.predicate, said.polarity) == ("struck", True)


def test_no_longer_negates_and_a_subject_s_modifier_keeps_its_own_polarity():
    longer = proposition(
        "The Russian MoD said Russian forces no longer control the city of Balakliia.",
        "said",
        "Russian forces",
    )
    assert (longer.predicate, longer.polarity) == ("controls", False)
    subject = proposition(
        "Officials said the evacuation was postponed because Russian forces encircling the "
        "city were not respecting the ceasefire.",
        "said",
        "the evacuation",
    )
    assert (subject.predicate, subject.polarity) == ("encircled", True)


def test_a_place_named_as_a_reference_point_is_near():
    near = proposition(
        "The General Staff reported that Ukrainian forces repelled Russian assaults near Bakhmut.",
        "reported",
        "Ukrainian forces",
    )
    assert (near.predicate, near.place.name if near.place else None, near.near) == (
        "repelled",
        "Bakhmut",
        True,
    )


def test_taking_a_part_of_a_city_is_holding_part_of_it_not_taking_it():
    airport = proposition(
        "The ambassador claimed Russian forces took control over the Sievierodonetsk airport.",
        "claimed",
        "Russian forces",
    )
    portion = proposition(
        "Russian sources reported that the northeast portion of Sievierodonetsk is under Russian "
        "control.",
        "reported",
        "the northeast portion",
    )
    village = proposition(
        "The ministry said Russian forces captured the village of Opytne.", "said", "Russian forces"
    )
    assert (airport.predicate, portion.predicate, village.predicate) == (
        "controls_part",
        "controls_part",
        "captured",
    )
