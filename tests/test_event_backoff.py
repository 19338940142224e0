"""events.backoff: the sentence classifier where the frames are silent or unsure, in short reports.

Each test passes its own ranker (what `events.classify.classify_many` would say), so the
behaviour under test is the coder's use of the label, not the trained model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from fogwatch.events import backoff
from test_coder import coded, picked

Ranking = list[tuple[str, float]]


def says(label: str, probability: float) -> Callable[[Sequence[str]], list[Ranking]]:
    """A ranker that gives every sentence `label` with `probability` (the rest to "Other")."""

    def rank_many(sentences: Sequence[str]) -> list[Ranking]:
        return [[(label, probability), ("Other", 1.0 - probability)] for _ in sentences]

    return rank_many


def never(sentences: Sequence[str]) -> list[Ranking]:
    raise AssertionError("the classifier was asked about a long article")


LYNCHING = "A mob lynched two men in Kharkiv on Sunday."


def test_a_short_report_the_frames_miss_gets_the_classifiers_sub_type() -> None:
    # no frame takes "lynched"; the eventness model reads it as reported
    assert picked(
        coded(LYNCHING, ranker=says("Mob violence", 0.8)),
        "sub_type",
        "place",
        "date",
        "modality",
        "evidence",
    ) == [("Mob violence", "Kharkiv", "2025-11-09", "asserted", ("lynched", "Kharkiv", "Sunday"))]


def test_an_unsure_classifier_codes_no_missed_sentence() -> None:
    assert coded(LYNCHING, ranker=says("Mob violence", backoff.SUB_TYPE_AT_LEAST / 2)) == []


def test_without_a_ranker_only_the_frames_code() -> None:
    assert coded(LYNCHING, ranker=None) == []


def test_a_long_article_is_left_to_the_frames() -> None:
    filler = " ".join(
        f"The council met on day {n} to discuss the budget."
        for n in range(backoff.SHORT_REPORT_SENTENCES)
    )
    assert coded(f"{LYNCHING} {filler}", ranker=never) == []


def test_a_missed_sentence_keeps_its_clauses_parties() -> None:
    text = "Militants ambushed a patrol near Kharkiv on Sunday, the army said."
    assert picked(coded(text, ranker=says("Armed clash", 0.7)), "sub_type", "actor1", "place") == [
        ("Armed clash", "UNID.armed_group", "Kharkiv")
    ]


def test_a_participle_describing_a_noun_is_no_incident_word() -> None:
    # "based" is an incident word ("set up a base"), but not in "the Britain-based monitor"
    text = "The Britain-based monitor said a restaurant near the market was damaged on Sunday."
    assert coded(text, ranker=says("Headquarters or base established", 0.9)) == []


def test_a_noun_incident_word_used_as_a_verb_is_none() -> None:
    # "base" and "post" tell of a base only as nouns
    text = "The envoy said the town where the troops were based was calm on Sunday."
    assert coded(text, ranker=says("Change to group/activity", 0.9)) == []
    text = "The envoy posted a message about the town of Gao on Sunday."
    assert coded(text, ranker=says("Headquarters or base established", 0.9)) == []


def test_a_headlines_capitalised_base_is_still_a_base() -> None:
    text = "Turkey Sets Up New Military Base In Northern Iraq"
    events = coded(f"{text}.", ranker=says("Headquarters or base established", 0.9))
    assert picked(events, "sub_type") == [("Headquarters or base established",)]


def test_people_evacuated_agree_nothing() -> None:
    text = "Passengers were comforted after their evacuation from the airport in Lviv on Sunday."
    assert coded(text, ranker=says("Agreement", 0.9)) == []


def test_a_sentence_label_does_not_turn_an_attack_on_a_party_into_a_development() -> None:
    text = "Dozens of fighters defected after gunmen attacked the SDF's bases in Raqqa on Sunday."
    assert picked(coded(text, ranker=says("Change to group/activity", 0.9)), "sub_type") == [
        ("Armed clash",)
    ]


def test_a_detention_read_as_a_disappearance_is_still_the_authorities() -> None:
    text = "Two activists were detained and taken to an undisclosed location in Aden on Sunday."
    assert picked(
        coded(text, ranker=says("Abduction/forced disappearance", 0.9)), "sub_type", "actor1"
    ) == [("Abduction/forced disappearance", "YEM.police")]


def test_a_detention_by_named_captors_is_theirs() -> None:
    text = "Dozens of migrants were detained by traffickers in Bani Walid and held for ransom."
    events = coded(text, ranker=says("Abduction/forced disappearance", 0.9))
    assert all(event["actor1"] != "LBY.police" for event in events)


def test_a_looting_label_still_recodes_an_attack_on_a_party() -> None:
    text = "Houthi rebels stormed the UN human rights office in Sanaa and seized documents."
    assert picked(coded(text, ranker=says("Looting/property destruction", 0.9)), "sub_type") == [
        ("Looting/property destruction",)
    ]


def test_territory_from_a_sentence_label_needs_a_place() -> None:
    text = "Fighters defected and the militia took over on Sunday."
    assert coded(text, ranker=says("Non-state actor overtakes territory", 0.9)) == []


def test_a_settlement_taken_though_unnamed_is_territory() -> None:
    text = "Rebel fighters freed several villages from the militants on Sunday."
    assert picked(
        coded(text, ranker=says("Non-state actor overtakes territory", 0.9)), "sub_type", "place"
    ) == [("Non-state actor overtakes territory", None)]


def test_a_confident_classifier_recodes_a_clash_the_frames_left_open() -> None:
    text = "Residents clashed with traders in Kharkiv on Sunday."
    assert picked(coded(text, ranker=None), "sub_type") == [("Armed clash",)]
    assert picked(coded(text, ranker=says("Mob violence", 0.6)), "sub_type", "place") == [
        ("Mob violence", "Kharkiv")
    ]


def test_an_unsure_classifier_leaves_the_frames_sub_type() -> None:
    text = "Residents clashed with traders in Kharkiv on Sunday."
    unsure = says("Mob violence", backoff.CORRECT_AT_LEAST / 2)
    assert picked(coded(text, ranker=unsure), "sub_type") == [("Armed clash",)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Russian forces shelled Kharkiv on Sunday.", "Air/drone strike"),
        ("Russian forces captured Izium on Sunday.", "Armed clash"),
        # how a protest went: police detaining protesters is its intervention
        (
            "Police detained dozens of protesters at a rally in Tbilisi on Sunday.",
            "Violent demonstration",
        ),
    ],
)
def test_the_classifier_never_overrules_what_the_clauses_words_decide(
    text: str, label: str
) -> None:
    framed = picked(coded(text, ranker=None), "sub_type")
    assert picked(coded(text, ranker=says(label, 0.95)), "sub_type") == framed


def test_the_classifier_never_recodes_a_clash_as_a_capture() -> None:
    text = "Russian forces attempted to take Izyum on Tuesday but failed."
    ranker = says("Non-state actor overtakes territory", 0.95)
    assert picked(coded(text, "2022-04-06", ranker=ranker), "sub_type") == [("Armed clash",)]


@pytest.mark.parametrize(
    "text",
    [
        # a trigger word whose frame's conditions fail ("intercept" needs a weapon of war) still
        # tells an incident ACLED defines by that word
        "Border guards intercepted twelve rifles at a crossing in Kharkiv on Sunday.",
        # a phrasal verb, whole
        "The army set up an observation point in Kharkiv on Sunday.",
        # a word the parser split at its hyphen, whole
        "Police reported a shoot-out in Kharkiv on Sunday.",
    ],
)
def test_incident_words_beyond_the_frames_conditions(text: str) -> None:
    assert picked(coded(text, ranker=says("Disrupted weapons use", 0.6)), "place") == [("Kharkiv",)]


def test_a_word_outside_the_incident_words_backs_off_nothing() -> None:
    text = "The council set out its budget in Kharkiv on Sunday."
    assert coded(text, ranker=says("Disrupted weapons use", 0.6)) == []


def test_a_name_with_a_settlement_in_apposition_is_territory() -> None:
    # "X, a strategic village": the gazetteer need not know X for a settlement to change hands
    text = "Rebels took control of Walikale Kasi, a strategic village, on Sunday."
    taken = says("Non-state actor overtakes territory", 0.9)
    assert picked(coded(text, ranker=taken), "sub_type", "actor1") == [
        ("Non-state actor overtakes territory", "UNID.armed_group")
    ]
    assert coded("Rebels took control of the village on Sunday.", ranker=taken) == []


def test_a_withdrawal_the_classifier_reads_as_territory_is_the_withdrawing_partys_move() -> None:
    text = "Hezbollah units pulled back from several villages of Quneitra province on Sunday."
    ranker = says("Government regains territory", 0.9)
    assert picked(coded(text, ranker=ranker), "sub_type", "actor1") == [
        ("Change to group/activity", "HEZBOLLAH.hezbollah")
    ]


def test_a_named_non_state_group_that_takes_a_town_overtakes_it() -> None:
    # "Army" in its name reads as the state's to the classifier
    text = "The Arakan Army captured the town of Paletwa on Sunday."
    ranker = says("Government regains territory", 0.9)
    assert picked(coded(text, ranker=ranker), "sub_type", "actor1") == [
        ("Non-state actor overtakes territory", "ARAKAN.aa")
    ]


def test_an_agreement_noun_no_verb_makes_one_backs_off_nothing() -> None:
    text = "Zelensky said any peace deal must include security guarantees."
    assert coded(text, ranker=says("Agreement", 0.9)) == []


def test_a_force_acting_on_a_crowd_the_sentence_never_calls_violent_is_no_riot() -> None:
    # "riot police" says nothing of the crowd; the force beat it
    text = "Zambian riot police fired tear gas and beat opposition supporters in Lusaka on Monday."
    ranker = says("Violent demonstration", 0.9)
    assert picked(coded(text, ranker=ranker), "sub_type", "actor1", "actor2") == [
        ("Protest with intervention", "CIV.protesters.ZMB", "ZMB.police")
    ]
    # a crowd the sentence calls violent stays a violent demonstration
    text = (
        "Zambian police fired tear gas at hundreds of opposition supporters in Lusaka on Monday"
        " as the rally descended into violence."
    )
    assert picked(coded(text, ranker=ranker), "sub_type") == [("Violent demonstration",)]


def test_a_development_read_into_a_sentence_that_kills_is_not_coded() -> None:
    # ACLED: a development that kills is violence, which this sentence does not name
    text = (
        "Ceasefire violations along the Line of Control continued on Monday, claiming the life"
        " of a shepherd near Poonch, police said."
    )
    assert all(
        event["sub_type"] != "Agreement" for event in coded(text, ranker=says("Agreement", 0.9))
    )
    # "no one was killed" tells no toll
    text = "The army took over the town of Kidal on Friday, and no one was killed."
    ranker = says("Non-violent transfer of territory", 0.9)
    assert picked(coded(text, ranker=ranker), "sub_type") == [
        ("Non-violent transfer of territory",)
    ]
