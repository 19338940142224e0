"""Claim links and judgments on hand-made statements: no parsing, one rule per test."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
import random

import pytest

from fogwatch.claims import credibility, linking, sources
from fogwatch.errors import InputError
from fogwatch.records import ClaimLink

DAY = dt.date(2025, 11, 3)


def said(claim_id: str, **slots: object) -> linking.Statement:
    """A statement by the Russian MoD in its own article, changed by `slots`."""
    base = linking.Statement(
        claim_id=claim_id,
        article_id=f"article-{claim_id}",
        position=0,
        published=DAY,
        publisher="Test Wire",
        cluster=f"article-{claim_id}",
        speaker="RUS.military",
        speaker_side="RUS",
        speaker_kind="state forces",
        source_kind="actor",
        cue_class="assert",
        stance="affirm",
        predicate="encircled",
        place="gn:704422",
        place_name="Pokrovsk",
        actor_side=None,
        quantity=None,
        unit=None,
        time=None,
        polarity=True,
        modality="asserted",
        object=None,
        keywords=(),
    )
    return dataclasses.replace(base, **slots)  # type: ignore[arg-type]


def ukraine(claim_id: str, **slots: object) -> linking.Statement:
    return said(claim_id, **{"speaker": "UKR.military", "speaker_side": "UKR", **slots})


def relations(*statements: linking.Statement) -> set[tuple[str, str, str]]:
    return {(k.a, k.b, k.relation) for k in linking.link(statements)}


def test_incompatible_predicates_at_one_place_and_moment_contradict():
    assert relations(said("ru"), ukraine("ua", predicate="can_supply")) == {
        ("ru", "ua", "contradicts")
    }


def test_a_denial_contradicts_the_claim_it_denies():
    denial = ukraine("ua", cue_class="deny", stance="deny")
    links = linking.link([said("ru"), denial])
    assert [(k.relation, k.evidence) for k in links] == [
        ("contradicts", "encircled ↔ not encircled at Pokrovsk")
    ]


def test_a_denial_contradicts_the_claims_it_answers_whatever_they_say():
    report = ukraine("ua", article_id="one", cluster="one", predicate=None, place=None)
    unrelated = ukraine("ua2", article_id="one", cluster="one", predicate=None, place=None)
    denial = said(
        "ru",
        article_id="one",
        cluster="one",
        stance="deny",
        predicate=None,
        place=None,
        answers=("ua",),
    )
    links = linking.link([report, unrelated, denial])
    assert [(k.a, k.b, k.relation, k.evidence) for k in links] == [
        ("ua", "ru", "contradicts", "RUS denies what UKR says")
    ]


def test_two_voices_of_one_party_do_not_contradict_each_other():
    army = ukraine("army", predicate="captured", stance="deny")
    premier = ukraine("premier", speaker="UKR.government", predicate="captured")
    assert relations(army, premier) == set()


def test_a_claim_about_somewhere_near_a_place_does_not_contradict_one_about_it():
    near = ukraine("ua", predicate="repelled", actor_side="UKR", near=True)
    captured = said("ru", predicate="captured", actor_side="RUS")
    assert relations(captured, near) == set()
    assert relations(captured, dataclasses.replace(near, near=False)) == {
        ("ru", "ua", "contradicts")
    }


def test_claims_about_other_places_or_weeks_apart_do_not_contradict():
    elsewhere = ukraine("ua", predicate="can_supply", place="gn:1", place_name="Myrnohrad")
    later = ukraine("ua2", predicate="can_supply", published=DAY + dt.timedelta(days=10))
    assert relations(said("ru"), elsewhere, later) == set()


def test_a_hypothetical_cannot_contradict_what_is_said_to_have_happened():
    would = ukraine("ua", predicate="can_supply", modality="hypothetical")
    assert relations(said("ru"), would) == set()


def test_control_claims_contradict_only_between_sides():
    russia = said("ru", predicate="captured", actor_side="RUS")
    ukraine_holds = ukraine("ua", predicate="controls", actor_side="UKR")
    russia_holds = said("ru2", predicate="controls", actor_side="RUS", speaker="RUS.government")
    # Russia capturing and Russia holding agree; Ukraine holding clashes with both
    assert relations(russia, ukraine_holds, russia_holds) == {
        ("ru", "ua", "contradicts"),
        ("ru2", "ua", "contradicts"),
    }


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        ((12, 12, 12, ""), (0, 0, 180, "up to"), True),
        ((5, 5, 5, "at least"), (12, 12, 12, ""), False),
        ((150, 150, 150, "about"), (170, 170, 170, ""), False),
        ((250, 250, 300, "between"), (40, 40, 40, ""), True),
    ],
)
def test_tolls_contradict_only_when_no_figure_fits_both(first, second, clash):
    a = said("ru", predicate="killed", quantity=linking.toll_range(*first))
    b = ukraine("ua", predicate="killed", quantity=linking.toll_range(*second))
    assert (("ru", "ua", "contradicts") in relations(a, b)) is clash


def test_toll_ranges_read_the_hedge():
    assert linking.toll_range(0, 0, 180, "up to") == (90, 180)
    assert linking.toll_range(5, 5, 5, "at least") == (5, math.inf)
    assert linking.toll_range(12, 12, 12, "") == (12, 12)


def test_confirming_the_video_shown_before_confirms_that_observation():
    shared = {"article_id": "one", "cluster": "one"}
    video = said("bloggers", cue_class="observe", object="video", predicate="entered",
                 speaker="RUS.bloggers", position=10, **shared)  # fmt: skip
    agency = said("reuters", cue_class="confirm", object="video", predicate="filmed",
                  speaker="MEDIA.reuters", speaker_side="MEDIA", position=50, **shared)  # fmt: skip
    assert relations(video, agency) == {("reuters", "bloggers", "confirms")}


def test_the_same_origin_never_confirms_itself():
    ministry = said("a", predicate="captured")
    spokesman = said("b", predicate="captured", cue_class="confirm", speaker="RUS.government")
    # both belong to the family "russian_state": a repetition, not a confirmation
    assert relations(ministry, spokesman) == {("b", "a", "repeats")}


def test_copies_of_one_story_are_not_independent():
    original = said("a", predicate="captured", speaker="MEDIA.isw", speaker_side="MEDIA")
    copy = said("b", predicate="captured", cue_class="confirm", speaker="MEDIA.reuters",
                speaker_side="MEDIA", article_id="other", cluster=original.cluster)  # fmt: skip
    assert not linking.independent(original, copy)
    assert relations(original, copy) == {("b", "a", "repeats")}


def test_an_unresolved_speaker_confirms_nothing():
    claim = said("a", predicate="captured")
    unknown = said("b", predicate="captured", cue_class="confirm", speaker=None,
                   speaker_side=None, source_kind="unresolved")  # fmt: skip
    assert relations(claim, unknown) == set()


def test_the_same_thing_in_other_words_from_one_party_repeats_and_one_shared_word_does_not():
    one = {"article_id": "one", "cluster": "one", "predicate": None, "place": None}
    general = ukraine("g", keywords=("progress", "possible", "heavy", "fog"), **one)
    president = ukraine("p", keywords=("use", "heavy", "fog"), speaker="UKR.government",
                        position=9, **one)  # fmt: skip
    minister = ukraine("m", keywords=("heavy", "rain", "delay", "supply", "convoy"),
                       speaker="UKR.government", position=20, **one)  # fmt: skip
    found = linking.link([general, president, minister])
    # "heavy fog" is two of the president's three words; "heavy" alone says nothing
    assert [(k.a, k.b, k.relation, k.evidence) for k in found] == [
        ("p", "g", "repeats", "same words: heavy, fog")
    ]


def test_one_rare_shared_word_from_one_side_is_a_repetition_within_an_article():
    one = {"article_id": "one", "cluster": "one"}
    syrskyi = ukraine("s", predicate="advanced", keywords=("progress", "fog", "slip"), **one)
    zelenskyy = ukraine("z", predicate="attacked", keywords=("fog", "launch"),
                        speaker="UKR.government", position=9, **one)  # fmt: skip
    other = ukraine("o", predicate="struck", keywords=("slip", "launch"),
                    speaker="UKR.government", place="gn:2", **one)  # fmt: skip
    found = linking.link([syrskyi, zelenskyy, other])
    assert [(k.a, k.b, k.relation, k.evidence) for k in found if {k.a, k.b} == {"s", "z"}] == [
        ("z", "s", "repeats", "same words: fog")
    ]
    # across articles one shared word is not enough: whether it is rare depends on the store
    elsewhere = dataclasses.replace(zelenskyy, article_id="two", cluster="two")
    assert relations(syrskyi, elsewhere) == set()


def test_the_same_words_from_two_sides_are_no_repetition():
    one = {"article_id": "one", "cluster": "one", "predicate": None, "place": None}
    words = ("heavy", "fog", "progress")
    assert (
        relations(said("ru", keywords=words, **one), ukraine("ua", keywords=words, **one)) == set()
    )


def test_shares_of_one_place_destroyed_that_cannot_both_hold_contradict():
    occupier = said("ru", predicate="destroyed", quantity=linking.toll_range(60, 60, 70, "between"),
                    unit="percent")  # fmt: skip
    ukraine_says = ukraine("ua", predicate="destroyed", quantity=(90, 90), unit="percent")
    links = linking.link([occupier, ukraine_says])
    assert [(k.a, k.b, k.relation, k.evidence) for k in links] == [
        ("ru", "ua", "contradicts", "destroyed 60–70% ↔ 90% at Pokrovsk")
    ]
    # a count of things destroyed is no share: "3 tanks" and "90%" are not one figure
    tanks = ukraine("ua2", predicate="destroyed", quantity=(3, 3), unit="destroyed")
    assert relations(occupier, tanks) == set()


def test_two_sides_giving_the_very_same_toll_confirm_it_and_a_toll_that_fits_does_not():
    occupier = said("ru", predicate="killed", quantity=(5000, 5000), unit="killed", position=1,
                    article_id="one", cluster="one")  # fmt: skip
    kyiv = ukraine("ua", predicate="killed", quantity=(5000, 5000), unit="killed", position=9,
                   article_id="one", cluster="one", speaker="UKR.government")  # fmt: skip
    links = linking.link([occupier, kyiv])
    assert [(k.a, k.b, k.relation, k.evidence) for k in links] == [
        ("ua", "ru", "confirms", "ukrainian_state gives the same toll: killed 5000 at Pokrovsk")
    ]
    at_least = dataclasses.replace(kyiv, quantity=linking.toll_range(12, 12, 12, "at least"))
    assert relations(occupier, at_least) == set()
    # one party's figure repeated by another voice of it is no confirmation
    ministry = dataclasses.replace(kyiv, speaker="RUS.government", speaker_side="RUS")
    assert relations(occupier, ministry) == {("ua", "ru", "repeats")}


def test_new_footage_does_not_confirm_the_footage_shown_before_it():
    shared = {"article_id": "one", "cluster": "one", "cue_class": "observe", "object": "video"}
    first = said("first", predicate="struck", speaker="MEDIA.press", speaker_side="MEDIA",
                 position=10, **shared)  # fmt: skip
    second = said("second", predicate="entered", speaker=None, speaker_side=None,
                  source_kind="outlet", position=50, **shared)  # fmt: skip
    assert relations(first, second) == set()


def test_an_observation_confirms_a_strike_of_the_same_day_not_one_days_before():
    report = ukraine("ua", predicate="struck", actor_side="RUS")
    footage = said("osint", predicate="struck", actor_side="RUS", cue_class="observe",
                   speaker="MEDIA.isw", speaker_side="MEDIA")  # fmt: skip
    assert relations(report, footage) == {("osint", "ua", "confirms")}
    days_later = dataclasses.replace(footage, published=DAY + dt.timedelta(days=2))
    assert relations(report, days_later) == set()


def judged(statements, links):
    return {k: (a.status, a.credibility) for k, a in credibility.assess(statements, links).items()}


def test_contradicted_claims_are_contested_and_a_confirmed_rival_refutes():
    a, b, c = said("a"), ukraine("b", predicate="can_supply"), ukraine("c")
    clash = ClaimLink("a", "b", "contradicts", "")
    assert judged([a, b], [clash]) == {"a": ("contested", 4), "b": ("contested", 4)}
    confirmed = ClaimLink("c", "b", "confirms", "")
    assert judged([a, b, c], [clash, confirmed])["a"] == ("refuted", 5)
    assert judged([a, b, c], [clash, confirmed])["b"] == ("confirmed", 2)


def test_a_side_reporting_its_own_retreat_is_an_admission_against_interest():
    retreat = ukraine("r", predicate="withdrew", actor_side="UKR")
    enemy_retreat = ukraine("e", predicate="withdrew", actor_side="RUS")
    assessments = credibility.assess([retreat, enemy_retreat], [])
    assert (assessments["r"].status, assessments["r"].credibility) == ("claimed", 2)
    assert assessments["r"].reason.startswith("admission against interest")
    assert assessments["e"].credibility == 3


def test_an_unattributed_claim_cannot_be_judged():
    nobody = said("n", speaker=None, speaker_side=None, source_kind="unresolved")
    assessment = credibility.assess([nobody], [])["n"]
    assert (assessment.reliability, assessment.credibility) == ("F", 6)


def test_a_source_registry_with_a_bad_grade_is_refused_with_the_fix():
    with pytest.raises(
        InputError, match=r"my\.yaml: family wires: reliability 'Z' is not one of A–F"
    ):
        sources.parse("my.yaml", {"families": {"wires": {"reliability": "Z"}}})


def test_a_users_registry_replaces_the_bundled_one(tmp_path, monkeypatch):
    mine = tmp_path / "sources.yaml"
    mine.write_text("families:\n  wires: {reliability: A, publishers: [Test Wire]}\n")
    monkeypatch.setenv("FOGWATCH_SOURCES", str(mine))
    sources.registry.cache_clear()
    try:
        outlet = said("o", speaker=None, speaker_side=None, source_kind="outlet")
        assert outlet.origin == sources.Family("wires", "A")
    finally:
        sources.registry.cache_clear()


def test_an_unlisted_speaker_is_graded_by_its_kind_and_a_state_is_one_origin():
    ministry = said("uk", speaker="GBR.military", speaker_side="GBR", speaker_kind="state forces")
    government = said(
        "uk2", speaker="GBR.government", speaker_side="GBR", speaker_kind="government"
    )
    think_tank = said(
        "rusi", speaker="MEDIA.rusi2", speaker_side="MEDIA", speaker_kind="analysis/OSINT"
    )
    nobody = said("x", speaker="XYZ.unknown", speaker_side="XYZ", speaker_kind=None)
    assert ministry.origin == government.origin
    assert ministry.origin.reliability == "C"
    assert think_tank.origin.reliability == "B"
    assert nobody.origin.reliability == "F"
    assert not linking.independent(ministry, government)
    party_outlet = said("tv", speaker="GBR.tv", speaker_side="GBR", speaker_kind="media")
    assert not linking.independent(party_outlet, ministry)
    assert party_outlet.origin.reliability == "D"


def test_two_people_of_one_actor_are_one_speaker_and_one_origin():
    # the general and the ministry's spokesman go on in one article: no repetition between them
    general = said("general", speaker="RUS.military/valery_gerasimov", article_id="one")
    spokesman = said("spokesman", speaker="RUS.military/igor_konashenkov", article_id="one")
    assert relations(general, spokesman) == set()
    # a correspondent of a listed agency is of the agency's family and grade
    registry = sources.registry()
    agency = registry.of_actor("MEDIA.reuters", "MEDIA", "media")
    assert registry.of_actor("MEDIA.reuters/jane_doe", "MEDIA", "media") == agency
    assert (agency.name, agency.reliability) == ("reuters", "B")


def test_a_partys_harmless_explanation_contradicts_blame_of_it_in_the_same_story():
    one = {"article_id": "one", "cluster": "one", "place": None}
    detonation = said("ru", predicate="self_caused", **one)
    strike = ukraine("ua", predicate="struck", blames="RUS", position=9, **one)
    assert [(k.a, k.b, k.relation, k.evidence) for k in linking.link([detonation, strike])] == [
        ("ru", "ua", "contradicts", "UKR blames RUS; RUS says self_caused")
    ]
    # blaming someone else, or in another story, is no answer to the explanation
    assert relations(detonation, dataclasses.replace(strike, blames="UKR")) == set()
    elsewhere = dataclasses.replace(strike, article_id="two", cluster="two")
    assert relations(detonation, elsewhere) == set()


def test_a_referring_confirmation_confirms_what_it_answers_when_independent():
    one = {"article_id": "one", "cluster": "one", "predicate": None, "place": None}
    report = ukraine("ua", **one)
    wire = said("wire", cue_class="confirm", stance="confirm", answers=("ua",), position=9,
                speaker="MEDIA.reuters", speaker_side="MEDIA", **one)  # fmt: skip
    assert [(k.a, k.b, k.relation, k.evidence) for k in linking.link([report, wire])] == [
        ("wire", "ua", "confirms", "reuters confirms what UKR says")
    ]
    # a voice of the same state vouching for it is no independent confirmation
    own = dataclasses.replace(wire, speaker="UKR.government", speaker_side="UKR")
    assert relations(report, own) == set()


def test_two_voices_of_one_party_telling_one_siege_do_not_contradict():
    siege = ukraine("ministry", speaker="UKR.government")
    supplies = ukraine("police", predicate="can_supply")
    assert relations(siege, supplies) == set()
    assert relations(said("ru"), supplies) == {("police", "ru", "contradicts")}


def test_the_same_words_about_two_places_are_two_reports():
    words = ("convert", "civilian", "hospital", "treat", "wounded")
    luhansk = ukraine("a", predicate=None, keywords=words, place="gn:1", place_name="Luhansk")
    kherson = ukraine("b", predicate=None, keywords=words, speaker="UKR.government")
    assert relations(luhansk, kherson) == set()
    assert relations(luhansk, dataclasses.replace(kherson, place="gn:1")) == {("b", "a", "repeats")}


def test_linking_without_comparing_every_pair_finds_what_comparing_every_pair_finds(monkeypatch):
    """`link` compares only candidate pairs so a long report costs near-linear time; on random
    statements that reach every kind of link it must find exactly what all pairs give."""
    rng = random.Random(20261206)
    words = ["convoy", "bridge", "fog", "strike", "depot", "school", "shell", "drone", "video"]
    words += ["russian", "army", "city"]  # generic words count for no repetition
    speakers = [("RUS.military", "RUS"), ("UKR.military", "UKR"), ("UKR.government", "UKR"),
                ("MEDIA.reuters", "MEDIA"), (None, None)]  # fmt: skip
    predicates = ["encircled", "can_supply", "captured", "controls", "killed", "struck"]
    predicates += ["self_caused", "filmed", None]
    statements = []
    for n in range(160):
        speaker, side = rng.choice(speakers)
        article = f"a{rng.randrange(6)}"
        statements.append(
            said(
                f"c{n}",
                article_id=article,
                cluster=rng.choice([article, "copies"]),
                position=rng.randrange(500),
                published=DAY + dt.timedelta(days=rng.randrange(8)),
                speaker=speaker,
                speaker_side=side,
                source_kind="actor" if speaker else rng.choice(["outlet", "unresolved"]),
                cue_class=rng.choice(["assert", "assert", "confirm", "observe", "deny"]),
                stance=rng.choice(["affirm", "affirm", "deny", "confirm"]),
                predicate=rng.choice(predicates),
                place=rng.choice(["gn:1", "gn:2", "gn:3", None]),
                actor_side=rng.choice(["RUS", "UKR", None]),
                quantity=rng.choice([None, (12.0, 12.0), (5.0, 180.0)]),
                unit="killed",
                polarity=rng.random() < 0.8,
                modality=rng.choice(["asserted", "asserted", "hypothetical"]),
                object=rng.choice([None, None, "video"]),
                keywords=tuple(rng.sample(words, rng.randrange(7))),
                answers=tuple(f"c{rng.randrange(160)}" for _ in range(rng.random() < 0.1)),
                near=rng.random() < 0.1,
                blames=rng.choice([None, "RUS", "UKR"]),
            )
        )
    blocked = linking.link(statements)
    everything = lambda ordered, shown, rare: set(itertools.combinations(range(len(ordered)), 2))  # noqa: E731
    monkeypatch.setattr(linking, "_candidates", everything)
    assert len(blocked) > 40
    assert {k.relation for k in blocked} == {"contradicts", "confirms", "repeats"}
    assert blocked == linking.link(statements)


def test_a_long_reports_claims_about_one_place_are_compared_with_their_neighbours_only():
    """Inside one article, claims about one place are compared with the `_NEIGHBOURS` next
    ones, so a report of thousands of claims about one town costs linear time."""
    one = {"article_id": "report", "cluster": "report", "keywords": ("convoy", "bridge", "depot")}
    report = [said(f"c{n}", position=n, **one) for n in range(2000)]
    pairs = linking._candidates(report, {}, {})
    assert 2000 * linking._NEIGHBOURS // 2 < len(pairs) <= 2000 * linking._NEIGHBOURS
    # the same claims in two articles: every pair across them is compared
    other = [dataclasses.replace(s, article_id="wire", cluster="wire") for s in report[:300]]
    assert len(linking._candidates(report[:300] + other, {}, {})) > 300 * 300
