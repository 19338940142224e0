"""Attribution: one hand-written sentence or two per behaviour, exact spans asserted."""

from __future__ import annotations

from fogwatch.claims import attribution
from fogwatch.language import actors, coref, nlp

Row = tuple[str, str, str, list[str], list[str], bool, str | None]


def attributions(text: str) -> list[Row]:
    """(cue, class, stance, sources, contents, direct, actor id) as text, in text order."""
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    for a in found:  # the spans and the text they cover agree with the offsets
        assert a.cue.of(text).strip() == a.cue.of(text)
    return [
        (
            a.cue.of(text),
            a.cue_class,
            a.stance,
            [s.of(text) for s in a.sources],
            [c.of(text) for c in a.contents],
            a.direct,
            a.source_actor.id if a.source_actor else None,
        )
        for a in found
    ]


def test_indirect_speech_with_a_date_between_verb_and_clause():
    text = "Ukraine’s military said Wednesday that its forces withdrew from three villages."
    doc = nlp.parse_one(text)
    [found] = attribution.find(doc, actors.find(doc))
    assert (found.cue.start, found.cue.end) == (19, 23)
    assert [(s.start, s.end) for s in found.sources] == [(0, 18)]
    assert [(c.start, c.end) for c in found.contents] == [(39, 78)]
    assert (found.cue_lemma, found.direct, found.source_actor) == (
        "say",
        False,
        actors.load_registry().actor("UKR.military"),
    )


def test_two_sides_claim_and_insist_in_one_sentence():
    text = "Moscow claims the town is surrounded, while Kyiv insists it can still send supplies to its troops."
    assert attributions(text) == [
        (
            "claims",
            "claim",
            "affirm",
            ["Moscow"],
            ["the town is surrounded"],
            False,
            "RUS.government",
        ),
        (
            "insists",
            "insist",
            "affirm",
            ["Kyiv"],
            ["it can still send supplies to its troops"],
            False,
            "UKR.government",
        ),
    ]


def test_warned_by_a_title_resolves_through_coreference():
    text = "Gen. Oleksandr Syrskyi visited the front. The general warned that the enemy was regrouping."
    assert attributions(text) == [
        (
            "warned",
            "assert",
            "affirm",
            ["general"],
            ["the enemy was regrouping"],
            False,
            "UKR.military",
        )
    ]


def test_confirmation_by_a_news_agency():
    assert attributions("Reuters verified that the footage was filmed near the station.") == [
        (
            "verified",
            "confirm",
            "affirm",
            ["Reuters"],
            ["the footage was filmed near the station"],
            False,
            "MEDIA.reuters",
        )
    ]


def test_denial_is_a_refutation_and_a_negated_cue_is_nothing():
    assert attributions("The ministry denied that its troops had shelled the market.") == [
        (
            "denied",
            "deny",
            "refute",
            ["ministry"],
            ["its troops had shelled the market"],
            False,
            None,
        )
    ]
    assert attributions("Kyiv did not confirm that the village had fallen.") == []


def test_quote_before_an_inverted_cue_with_a_titled_speaker():
    text = "“The delegation is ready to talk,” said Russian diplomat Alexei Polishchuk."
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["Russian diplomat Alexei Polishchuk"],
            ["The delegation is ready to talk"],
            True,
            "RUS.government",
        )
    ]


def test_quote_split_by_its_cue_gives_two_contents_and_an_unresolved_pronoun():
    text = "“We hold the line,” he said, “and we will not retreat.”"
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["he"],
            ["We hold the line", "and we will not retreat"],
            True,
            None,
        )
    ]


def test_quote_after_a_colon_and_a_quote_only_sentence_inherit_the_speaker():
    text = (
        "Zelenskyy said: “We will not give up the city.” “Our soldiers are holding.” "
        "He added that aid was late."
    )
    speaker = ["Zelenskyy"]
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            speaker,
            ["We will not give up the city"],
            True,
            "UKR.government",
        ),
        ("said", "assert", "affirm", speaker, ["Our soldiers are holding"], True, "UKR.government"),
        ("added", "assert", "affirm", ["He"], ["aid was late"], False, "UKR.government"),
    ]


def test_a_quote_in_a_sentence_with_more_words_is_not_inherited():
    text = "Zelenskyy said: “We will hold.” “Mad Max” is how viewers described the scene."
    assert attributions(text) == [
        ("said", "assert", "affirm", ["Zelenskyy"], ["We will hold"], True, "UKR.government")
    ]


def test_a_cue_inside_a_quotation_does_not_speak():
    text = "“Moscow claims the town fell,” the governor said, “but it did not.”"
    assert [row[0] for row in attributions(text)] == ["said"]


def test_according_to_at_either_end_of_the_sentence():
    assert attributions("According to the governor, three people were killed.") == [
        (
            "According to",
            "report",
            "affirm",
            ["governor"],
            ["three people were killed"],
            False,
            None,
        )
    ]
    assert attributions("Three people were killed, according to the regional governor.") == [
        (
            "according to",
            "report",
            "affirm",
            ["regional governor"],
            ["Three people were killed"],
            False,
            None,
        )
    ]


def test_passive_and_sourceless_reports_have_no_source():
    assert attributions("It was reported that two bridges were destroyed.") == [
        ("reported", "report", "affirm", [], ["two bridges were destroyed"], False, None)
    ]
    assert attributions("About 300 soldiers are believed to have crossed the river.") == [
        (
            "believed",
            "hedge",
            "affirm",
            [],
            ["About 300 soldiers are believed to have crossed the river"],
            False,
            None,
        )
    ]
    assert attributions("Dozens of soldiers reportedly broke through the defences.") == [
        (
            "reportedly",
            "report",
            "affirm",
            [],
            ["Dozens of soldiers reportedly broke through the defences"],
            False,
            None,
        )
    ]


def test_a_possessor_owns_the_claim_noun():
    text = "Kyiv dismissed Moscow's claim that the city was encircled."
    assert attributions(text) == [
        (
            "claim",
            "claim",
            "affirm",
            ["Moscow"],
            ["the city was encircled"],
            False,
            "RUS.government",
        )
    ]


def test_observations_from_posted_video_and_from_footage():
    assert attributions("Russian bloggers posted video showing tanks entering the village.") == [
        (
            "showing",
            "observe",
            "affirm",
            ["Russian bloggers"],
            ["tanks entering the village"],
            False,
            "RUS.bloggers",
        )
    ]
    assert attributions("Footage shows soldiers riding motorcycles into the town.") == [
        (
            "shows",
            "observe",
            "affirm",
            ["Footage"],
            ["soldiers riding motorcycles into the town"],
            False,
            None,
        )
    ]


def test_a_filmed_video_is_not_an_observation_cue():
    assert attributions("The video was filmed at the entrance to the city.") == []
