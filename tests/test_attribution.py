"""Attribution: one hand-written sentence or two per behaviour, exact spans asserted."""

from __future__ import annotations

from fogwatch.claims import attribution, sources, speakers
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
            ["The general"],
            ["the enemy was regrouping"],
            False,
            "UKR.military/oleksandr_syrskyi",
        )
    ]


def test_confirmation_by_a_news_agency():
    assert attributions("Reuters verified that the footage was filmed near the station.") == [
        (
            "verified",
            "confirm",
            "confirm",
            ["Reuters"],
            ["the footage was filmed near the station"],
            False,
            "MEDIA.reuters",
        )
    ]


def test_a_denial_is_a_deny_stance_and_a_negated_cue_is_no_claim():
    assert attributions("The ministry denied that its troops had shelled the market.") == [
        (
            "denied",
            "deny",
            "deny",
            ["The ministry"],
            ["its troops had shelled the market"],
            False,
            None,
        )
    ]
    text = "Kyiv did not confirm that the village had fallen."
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    [found] = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    assert (found.cue.of(text), found.contents[0].of(text), found.claimable) == (
        "did not confirm",
        "the village had fallen",
        False,
    )
    assert attribution.claims_of([found], doc) == []


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
            "RUS.government/alexei_polishchuk",
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
            "UKR.government/volodymyr_zelenskyy",
        ),
        (
            "said",
            "assert",
            "affirm",
            speaker,
            ["Our soldiers are holding"],
            True,
            "UKR.government/volodymyr_zelenskyy",
        ),
        (
            "added",
            "assert",
            "affirm",
            ["He"],
            ["aid was late"],
            False,
            "UKR.government/volodymyr_zelenskyy",
        ),
    ]


def test_a_quote_in_a_sentence_with_more_words_is_not_inherited():
    text = "Zelenskyy said: “We will hold.” “Mad Max” is how viewers described the scene."
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["Zelenskyy"],
            ["We will hold"],
            True,
            "UKR.government/volodymyr_zelenskyy",
        )
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
            ["the governor"],
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
            ["the regional governor"],
            ["Three people were killed"],
            False,
            None,
        )
    ]


def test_passive_and_sourceless_reports_have_no_source():
    assert attributions("It was reported that two bridges were destroyed.") == [
        ("was reported", "report", "affirm", [], ["two bridges were destroyed"], False, None)
    ]
    assert attributions("About 300 soldiers are believed to have crossed the river.") == [
        (
            "believed",
            "hedge",
            "hedge",
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


def test_a_possessor_owns_the_claim_noun_and_a_denial_takes_the_whole_claim():
    text = "Kyiv dismissed Moscow's claim that the city was encircled."
    assert attributions(text) == [
        (
            "dismissed",
            "deny",
            "deny",
            ["Kyiv"],
            ["Moscow's claim that the city was encircled"],
            False,
            "UKR.government",
        ),
        (
            "claim",
            "claim",
            "affirm",
            ["Moscow"],
            ["the city was encircled"],
            False,
            "RUS.government",
        ),
    ]


def test_observations_from_posted_video_and_from_footage():
    assert attributions(
        "Russian military bloggers posted video showing tanks entering the village."
    ) == [
        (
            "showing",
            "observe",
            "affirm",
            ["Russian military bloggers"],
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


def test_a_reporting_clause_inside_its_content_leaves_the_content_around_it():
    text = (
        "The situation there, he said, remains difficult, "
        "but he insisted that the troops were holding."
    )
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["he"],
            ["The situation there", "remains difficult"],
            False,
            None,
        ),
        ("insisted", "insist", "affirm", ["he"], ["the troops were holding"], False, None),
    ]


def test_a_reporting_clause_after_its_content():
    assert attributions("The town has fallen, the ministry said on Tuesday.") == [
        ("said", "assert", "affirm", ["the ministry"], ["The town has fallen"], False, None)
    ]


def test_a_participle_speaks_for_the_subject_of_its_verb():
    assert attributions("The governor left the briefing, saying the shelling had stopped.") == [
        ("saying", "assert", "affirm", ["The governor"], ["the shelling had stopped"], False, None)
    ]


def test_a_relative_pronoun_speaks_for_the_noun_it_qualifies():
    # the source is the pronoun that says who speaks, as "he" is; the actor is the noun's
    assert attributions("Syrskyi, who said the line held, visited the front.") == [
        (
            "said",
            "assert",
            "affirm",
            ["who"],
            ["the line held"],
            False,
            "UKR.military/oleksandr_syrskyi",
        )
    ]


def test_a_source_is_its_whole_noun_phrase_with_an_apposition():
    text = "Gen. Oleksandr Syrskyi, the commander in chief, said the line held."
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["Gen. Oleksandr Syrskyi, the commander in chief"],
            ["the line held"],
            False,
            "UKR.military/oleksandr_syrskyi",
        )
    ]


def test_auxiliaries_and_adverbs_before_the_verb_belong_to_the_cue():
    text = "The ministry has repeatedly denied that its forces shelled the market."
    assert attributions(text) == [
        (
            "has repeatedly denied",
            "deny",
            "deny",
            ["The ministry"],
            ["its forces shelled the market"],
            False,
            None,
        )
    ]


def test_verbs_whose_content_is_a_noun_phrase():
    assert attributions("Kyiv rejected the proposal for a ceasefire.") == [
        (
            "rejected",
            "deny",
            "deny",
            ["Kyiv"],
            ["the proposal for a ceasefire"],
            False,
            "UKR.government",
        )
    ]
    assert attributions("Ukraine accused Russia of shelling the plant.") == [
        (
            "accused",
            "accuse",
            "accuse",
            ["Ukraine"],
            ["Russia of shelling the plant"],
            False,
            "UKR.government",
        )
    ]


def test_stance_is_what_the_speaker_does_with_what_is_said():
    stances = {
        "The ministry denied that its troops had shelled the market.": "deny",
        "Kyiv blamed Moscow for the strike on the station.": "accuse",
        "The UN condemned the strike on the station.": "condemn",
        "Reuters confirmed that the strike hit the station.": "confirm",
        "Analysts believe that the strike hit the station.": "hedge",
        "The governor said that the strike hit the station.": "affirm",
    }
    for text, stance in stances.items():
        assert [found[2] for found in attributions(text)] == [stance], text


def test_verbs_whose_content_is_an_infinitive():
    assert attributions("Moscow urged Kyiv to return to talks in Istanbul.") == [
        (
            "urged",
            "assert",
            "affirm",
            ["Moscow"],
            ["Kyiv to return to talks in Istanbul"],
            False,
            "RUS.government",
        )
    ]
    assert attributions("The commander vowed to retake the village.") == [
        ("vowed", "assert", "affirm", ["The commander"], ["to retake the village"], False, None)
    ]


def test_a_verb_and_its_preposition_take_the_object_as_content():
    assert attributions("Zelenskyy called for more air defence systems.") == [
        (
            "called for",
            "assert",
            "affirm",
            ["Zelenskyy"],
            ["more air defence systems"],
            False,
            "UKR.government/volodymyr_zelenskyy",
        )
    ]


def test_describing_verbs_need_what_the_thing_is_called():
    assert attributions("Kyiv described the strike as a war crime.") == [
        (
            "described",
            "assert",
            "affirm",
            ["Kyiv"],
            ["the strike as a war crime"],
            False,
            "UKR.government",
        )
    ]
    assert attributions("Viewers described the scene.") == []


def test_reportedly_after_a_headline_the_parser_joins_to_the_paragraph():
    text = "Fog over Pokrovsk\n\nSeveral hundred soldiers reportedly broke through the defences."
    assert attributions(text) == [
        (
            "reportedly",
            "report",
            "affirm",
            [],
            ["Several hundred soldiers reportedly broke through the defences"],
            False,
            None,
        )
    ]


def test_a_quotation_after_the_reporting_sentence_goes_on_with_the_speaker():
    text = "“We are holding,” the commander said. “The enemy is exhausted.”"
    speaker = ["the commander"]
    assert attributions(text) == [
        ("said", "assert", "affirm", speaker, ["We are holding"], True, None),
        ("said", "assert", "affirm", speaker, ["The enemy is exhausted"], True, None),
    ]


def test_a_signed_quotation_and_a_transcript_speaker():
    assert attributions("“We held the line.” ― Oleksandr Petrenko") == [
        ("―", "assert", "affirm", ["Oleksandr Petrenko"], ["We held the line"], True, None)
    ]
    assert attributions("PESKOV: We have nothing to add to what was said.") == [
        (
            ":",
            "assert",
            "affirm",
            ["PESKOV"],
            ["We have nothing to add to what was said"],
            True,
            None,
        )
    ]


def test_any_subject_shows_a_clause():
    assert attributions("The transcript shows that the talks lasted only 40 minutes.") == [
        (
            "shows",
            "observe",
            "affirm",
            ["The transcript"],
            ["the talks lasted only 40 minutes"],
            False,
            None,
        )
    ]


def test_a_participle_after_reported_speech_belongs_to_the_reporter():
    text = (
        "Ukraine’s Ground Forces command said that 12 soldiers were killed and 19 wounded, "
        "rejecting Moscow’s claim that 180 had died."
    )
    rejecting = [row for row in attributions(text) if row[0] == "rejecting"]
    assert [(row[3], row[6]) for row in rejecting] == [
        (["Ukraine’s Ground Forces command"], "UKR.military")
    ]


def test_a_verb_joined_to_reported_speech_belongs_to_the_reporter():
    text = (
        "President Volodymyr Zelenskyy said the attack showed that Moscow was preparing for "
        "winter and urged Western partners to send more air-defence systems."
    )
    urged = [row for row in attributions(text) if row[0] == "urged"]
    assert [(row[3], row[6]) for row in urged] == [
        (["President Volodymyr Zelenskyy"], "UKR.government/volodymyr_zelenskyy")
    ]


# ─── who the source is ────────────────────────────────────────────────────────────────────────


def test_a_name_in_apposition_gives_the_source_its_actor():
    text = "Russia’s foreign minister, Sergei Lavrov, said a new iron curtain was descending."
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["Russia’s foreign minister, Sergei Lavrov"],
            ["a new iron curtain was descending"],
            False,
            "RUS.government/sergei_lavrov",
        )
    ]


def test_an_of_or_from_phrase_gives_the_source_its_actor_unless_it_opposes_it():
    footage = "Footage from Kremlin military bloggers showed a Russian flag above the village."
    assert [row[-1] for row in attributions(footage)] == ["RUS.bloggers"]
    critics = "Critics of Putin said the vote was rigged."
    assert [(row[3], row[-1]) for row in attributions(critics)] == [(["Critics of Putin"], None)]


def test_conjoined_speakers_of_two_sides_are_the_first():
    text = "Stoltenberg and Johnson said the West should prepare for a long war."
    assert [(row[3], row[-1]) for row in attributions(text)] == [
        (["Stoltenberg", "Johnson"], "NATO.nato/jens_stoltenberg")
    ]


def test_the_statement_speaks_for_whoever_issued_it():
    text = (
        "The Russian foreign ministry said in a statement that it summoned the envoy.\n\n"
        "“The envoy was warned,” the statement continued."
    )
    assert [(row[0], row[3], row[-1]) for row in attributions(text)] == [
        ("said in a statement", ["The Russian foreign ministry"], "RUS.government"),
        ("continued", ["the statement"], "RUS.government"),
    ]


def test_a_speaker_the_parse_missed_after_the_verb():
    text = (
        "There have been 43 attacks on hospitals since the invasion began, "
        "said WHO chief Dr Tedros Adhanom Ghebreyesus."
    )
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["WHO chief Dr Tedros Adhanom Ghebreyesus"],
            ["There have been 43 attacks on hospitals since the invasion began"],
            False,
            "UN.un/tedros_adhanom_ghebreyesus",
        )
    ]


def test_a_speaker_the_parse_missed_between_a_comma_and_the_verb():
    text = (
        "Russian forces have released the mayor of Melitopol, "
        "an adviser to the Ukrainian president said."
    )
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["an adviser to the Ukrainian president"],
            ["Russian forces have released the mayor of Melitopol"],
            False,
            "UKR.government",
        )
    ]


def test_a_reporting_verb_parsed_as_a_modifier_of_the_subject():
    text = (
        "Ukrainian military intelligence reported on April 15 that sanctions are increasingly "
        "disrupting Russia’s ability to replace equipment losses."
    )
    assert [(row[0], row[3], row[-1]) for row in attributions(text)] == [
        ("reported", ["Ukrainian military intelligence"], "UKR.gur")
    ]


def test_quoted_as_saying_and_a_gerund_of_manner():
    quoted = (
        "RIA Novosti quoted Kremlin spokesperson Dmitry Peskov as saying that Putin was informed."
    )
    assert [(row[0], row[3], row[4], row[-1]) for row in attributions(quoted)] == [
        (
            "saying",
            ["Kremlin spokesperson Dmitry Peskov"],
            ["Putin was informed"],
            "RUS.government/dmitry_peskov",
        )
    ]
    manner = "Russian state media attempted to justify the strike by claiming that the tower held radars."
    assert [(row[0], row[3], row[-1]) for row in attributions(manner)] == [
        ("claiming", ["Russian state media"], "RUS.state_media")
    ]


def test_that_said_is_no_report():
    text = "That said, a Ukrainian report suggests that Moscow could send more troops."
    assert [(row[0], row[3], row[-1]) for row in attributions(text)] == [
        ("suggests", ["a Ukrainian report"], "UKR.government")
    ]


def test_a_number_inside_an_actors_name_can_speak():
    text = "No 10 said Britain would send 120 armoured vehicles to Ukraine."
    assert [(row[3], row[-1]) for row in attributions(text)] == [(["No 10"], "GBR.government")]


def test_a_trailing_quote_takes_the_named_speaker_not_a_people_before_it():
    text = (
        "The Russians shelled the market again. "
        "“The shell was aimed at the crowd,” Ivan Petrenko, Luhansk governor, said."
    )
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["Ivan Petrenko, Luhansk governor"],
            ["The shell was aimed at the crowd"],
            True,
            "UKR.government",
        )
    ]


def test_a_borrowed_subject_does_not_reach_back_to_an_earlier_quote():
    sings = "“Keep your hands in sight,” Blige sings before asking her, “Where do we go from here?”"
    assert [(row[0], row[4]) for row in attributions(sings)] == [
        ("sings", ["Keep your hands in sight"]),
        ("asking", ["Where do we go from here?"]),
    ]
    paragraphs = (
        "He tweeted, “Coke user?”\n\nDean then began by saying he would never diagnose anyone."
    )
    assert [(row[0], row[4]) for row in attributions(paragraphs)] == [
        ("tweeted", ["Coke user?"]),
        ("saying", ["he would never diagnose anyone"]),
    ]


def test_suggest_takes_a_noun_phrase():
    assert attributions("Moscow suggested talks in Istanbul.") == [
        ("suggested", "hedge", "hedge", ["Moscow"], ["talks in Istanbul"], False, "RUS.government")
    ]


def test_a_pronoun_in_a_later_paragraph_speaks_as_the_person_it_refers_to():
    text = (
        "NATO Secretary-General Jens Stoltenberg said on Sunday that allies must prepare for a "
        "long war.\n\n"
        "He added that allies must keep supporting Kyiv."
    )
    assert [(row[0], row[3], row[-1]) for row in attributions(text)] == [
        ("said", ["NATO Secretary-General Jens Stoltenberg"], "NATO.nato/jens_stoltenberg"),
        ("added", ["He"], "NATO.nato/jens_stoltenberg"),
    ]


def test_a_speaking_person_is_named_and_keeps_the_side_and_family_of_their_actor():
    nato = actors.load_registry().actor("NATO.nato")
    person = speakers.speaking_person(nato, "Jens Stoltenberg")
    assert (person.id, person.name, person.side, person.kind) == (
        "NATO.nato/jens_stoltenberg",
        "Jens Stoltenberg",
        "NATO",
        nato.kind,
    )
    registry = sources.registry()
    assert registry.of_actor(person.id, person.side, person.kind) == registry.of_actor(
        nato.id, nato.side, nato.kind
    )


def test_the_we_of_a_joint_statement_is_the_group_it_names():
    text = (
        "“We, the Participants in the Baltic Harbour Forum, remain committed to Ukraine.\n\n"
        "We condemn the shelling of Odesa. We regret that talks have stalled. "
        "We are deeply concerned about the deportation of children."
    )
    group = "OTHER.group/participants_in_the_baltic_harbour_forum"
    assert attributions(text) == [
        ("condemn", "condemn", "condemn", ["We"], ["the shelling of Odesa"], False, group),
        ("regret", "condemn", "condemn", ["We"], ["talks have stalled"], False, group),
        (
            "are deeply concerned about",
            "hedge",
            "hedge",
            ["We"],
            ["the deportation of children"],
            False,
            group,
        ),
    ]
    # without a "We, the …" that names it, "we" stays unresolved
    assert attributions("We condemn the shelling of Odesa.")[0][-1] is None


def test_a_speaker_introduced_by_a_title_takes_its_side_and_gives_it_a_name():
    text = (
        "Latvia’s ambassador to Ukraine returned to Kyiv on Monday. Andris Kalnins said: "
        "“Our support is firm.” Kalnins added that more embassies would reopen."
    )
    assert [(row[0], row[3], row[-1]) for row in attributions(text)] == [
        ("said", ["Andris Kalnins"], "LVA.government/andris_kalnins"),
        ("added", ["Kalnins"], "LVA.government/andris_kalnins"),
    ]
    text = (
        "Ukraine’s top commander warned that Russia was massing troops. "
        "Gen. Oleksandr Syrskyi said the line was holding."
    )
    assert [(row[0], row[3], row[-1]) for row in attributions(text)] == [
        ("warned", ["Ukraine’s top commander"], "UKR.military/oleksandr_syrskyi"),
        ("said", ["Gen. Oleksandr Syrskyi"], "UKR.military/oleksandr_syrskyi"),
    ]


def test_a_foreign_volunteer_speaks_for_the_unit_they_serve_in():
    text = (
        "A Georgian commander in the International Legion, Levan Beridze, said the village was "
        "quiet. The commander added that the enemy was regrouping."
    )
    assert [(row[0], row[3], row[-1]) for row in attributions(text)] == [
        (
            "said",
            ["A Georgian commander in the International Legion, Levan Beridze"],
            "UKR.international_legion/levan_beridze",
        ),
        ("added", ["The commander"], "UKR.international_legion/levan_beridze"),
    ]


def test_a_cue_noun_after_a_light_verb_is_its_subjects():
    assert attributions("The defence minister expressed the hope that the talks would resume.") == [
        (
            "expressed the hope",
            "hedge",
            "hedge",
            ["The defence minister"],
            ["the talks would resume"],
            False,
            None,
        )
    ]
    # a participle on a document: its issuer, else the document; the issuing verb is in the cue
    assert attributions(
        "The General Assembly adopted a resolution expressing deep concern about the shelling."
    ) == [
        (
            "adopted a resolution expressing deep concern",
            "hedge",
            "hedge",
            ["The General Assembly"],
            ["the shelling"],
            False,
            "UN.un",
        )
    ]
    assert attributions("The ministry issued a statement saying that the bridge had fallen.") == [
        (
            "issued a statement saying",
            "assert",
            "affirm",
            ["The ministry"],
            ["the bridge had fallen"],
            False,
            None,
        )
    ]


def test_a_relative_that_after_a_cue_noun_is_no_content():
    assert (
        attributions("Every town has a monument to the victory, an argument that is dated.") == []
    )


def test_a_quotation_that_ends_the_reporters_sentence_is_said_with_it():
    text = "Allies could still send “artillery rounds, radars and trucks”, she said."
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["she"],
            ["Allies could still send “artillery rounds, radars and trucks”"],
            True,
            None,
        )
    ]


def test_a_source_keeps_a_relative_clause_that_describes_it_not_one_that_reports():
    text = "Oleh Kovalenko, who commands the brigade, said the town had been retaken."
    assert attributions(text)[0][3] == ["Oleh Kovalenko, who commands the brigade"]
    text = "Oleh Kovalenko, who warned that the town would fall, said it had been retaken."
    assert [row[3] for row in attributions(text)] == [["who"], ["Oleh Kovalenko"]]


def test_claims_are_held_by_someone_and_not_restated_inside_their_own_report():
    text = (
        "Dozens of civilians are believed to be trapped. "
        "The commander said he believes the town will hold."
    )
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    # the commander's belief is part of what the commander says, no attribution of its own
    assert [a.cue.of(text) for a in found] == ["believed", "said"]
    assert [a.cue.of(text) for a in attribution.claims_of(found, doc)] == ["said"]


def test_a_verb_that_borrows_its_speaker_adds_to_that_speakers_claim():
    text = "Russia’s defence ministry rejected the account, claiming its units had left the area."
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    assert [a.cue.of(text) for a in found] == ["rejected", "claiming"]
    [claim] = attribution.claims_of(found, doc)
    assert (claim.cue.of(text), claim.stance, [c.of(text) for c in claim.contents]) == (
        "rejected",
        "deny",
        ["the account", "its units had left the area"],
    )
    # the verb with a subject of its own is the claim, even after the one that borrows it
    text = "Citing the anniversary, the admiral said the battle had been decisive."
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    [claim] = attribution.claims_of(found, doc)
    assert (claim.cue.of(text), [c.of(text) for c in claim.contents]) == (
        "said",
        ["the anniversary", "the battle had been decisive"],
    )


def test_a_conjoined_verb_is_a_claim_of_its_own():
    text = "The command denied that the village fell, but confirmed that two others were lost."
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    assert [(a.cue.of(text), a.stance) for a in attribution.claims_of(found, doc)] == [
        ("denied", "deny"),
        ("confirmed", "confirm"),
    ]


def test_a_question_and_a_reflexive_are_not_claims():
    text = "When asked whether the port would reopen, the minister said he did not know."
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    assert [a.cue.of(text) for a in found] == ["When asked", "said"]
    assert [a.cue.of(text) for a in attribution.claims_of(found, doc)] == ["said"]
    assert attributions("The general found himself alone on the hill.") == []


def test_report_announce_and_inform_take_what_they_convey():
    assert [(r[0], r[4]) for r in attributions("The General Staff reported heavy fighting.")] == [
        ("reported", ["heavy fighting"])
    ]
    text = "Joe Biden announced a further $300m for air defence."
    assert [(r[0], r[4]) for r in attributions(text)] == [
        ("announced", ["a further $300m for air defence"])
    ]
    text = "Joe Biden informed Zelenskyy that the shipment had left."
    assert [(r[0], r[4]) for r in attributions(text)] == [("informed", ["the shipment had left"])]


def test_a_quoted_title_before_indirect_speech_is_not_what_is_said():
    text = 'In an interview on "Morning Watch," the senator said the strikes must stop.'
    assert [(r[0], r[3], r[4]) for r in attributions(text)] == [
        ("said", ["the senator"], ["the strikes must stop"])
    ]


def test_a_verb_right_after_a_quotation_reports_it_whatever_follows():
    # the parser hangs the relative clause's verb on "said" as a second clause
    text = (
        "“Most of the houses have been destroyed,” said Ivan Petrenko, who rebels in the region"
        " have claimed is now the mayor of Izium."
    )
    said = [r for r in attributions(text) if r[0] == "said"]
    assert [(r[4], r[5]) for r in said] == [(["Most of the houses have been destroyed"], True)]


def test_a_second_reporting_verb_in_the_clause_is_said_apart():
    text = "The governor said she would close the port and warned against panic buying."
    assert [(r[0], r[3], r[4]) for r in attributions(text)] == [
        ("said", ["The governor"], ["she would close the port"]),
        ("warned against", ["The governor"], ["panic buying"]),
    ]
    text = "The senator said the vote was close, arguing that turnout had been low."
    assert [(r[0], r[4]) for r in attributions(text)] == [
        ("said", ["the vote was close"]),
        ("arguing", ["turnout had been low"]),
    ]


def test_a_state_of_mind_by_what_causes_it():
    assert attributions("We are deeply concerned by reports of looting in the port.") == [
        (
            "are deeply concerned by",
            "hedge",
            "hedge",
            ["We"],
            ["reports of looting in the port"],
            False,
            None,
        )
    ]


def test_according_to_at_the_end_of_a_sentence_qualifies_all_of_it():
    text = "The convoy was the largest this year, though smaller ones pass weekly, according to Reuters."
    [row] = attributions(text)
    assert (row[0], row[3], row[4]) == (
        "according to",
        ["Reuters"],
        ["The convoy was the largest this year, though smaller ones pass weekly"],
    )


def test_a_partial_quotation_after_an_earlier_one_is_still_the_sentence_of_the_speaker():
    text = (
        "The ministry summoned the consul in “firm protest” over remarks “on the use of "
        "long-range missiles,” the spokeswoman said."
    )
    [row] = attributions(text)
    assert row[4] == [
        "The ministry summoned the consul in “firm protest” over remarks “on the use of "
        "long-range missiles"
    ]


def test_officials_in_a_place_speak_for_its_state_unless_it_is_occupied():
    assert attributions(
        "Officials in Ukraine's Chernihiv region reported two wounded after overnight drone attacks."
    ) == [
        (
            "reported",
            "report",
            "affirm",
            ["Officials in Ukraine's Chernihiv region"],
            ["two wounded after overnight drone attacks"],
            False,
            "UKR.government",
        )
    ]
    assert [
        row[-1] for row in attributions("Officials in Washington said the aid would arrive soon.")
    ] == ["USA.government"]
    assert [
        row[-1]
        for row in attributions("Authorities in occupied Berdiansk said the port was closed.")
    ] == [None]
    assert [
        row[-1] for row in attributions("The governor of Sumy region said two were killed.")
    ] == ["UKR.government"]


def test_a_local_office_without_its_place_belongs_to_the_place_named_last_in_the_paragraph():
    text = (
        "Drones struck Kharkiv before dawn. The city's mayor said four people were wounded.\n\n"
        "Shelling hit occupied Melitopol. The city's mayor said the water was cut.\n\n"
        "Shelling hit Kherson. A mayor said two were killed."
    )
    assert [(row[3], row[-1]) for row in attributions(text)] == [
        (["The city's mayor"], "UKR.government"),
        (["The city's mayor"], None),
        (["A mayor"], None),
    ]


def test_unnamed_insiders_speak_for_the_body_that_spoke_last_in_the_paragraph():
    text = (
        "Ukraine's defence ministry said the bridge was repaired. Insiders said that two more "
        "bridges were damaged. “Repairs will take weeks,” one senior engineering insider said.\n\n"
        "Sources said the convoy had turned back."
    )
    assert [(row[3], row[4], row[-1]) for row in attributions(text)] == [
        (["Ukraine's defence ministry"], ["the bridge was repaired"], "UKR.military"),
        (["Insiders"], ["two more bridges were damaged"], "UKR.military"),
        (["one senior engineering insider"], ["Repairs will take weeks"], "UKR.military"),
        (["Sources"], ["the convoy had turned back"], None),
    ]


def test_a_speaker_the_parse_lost_to_its_relative_clause_or_to_an_absolute_phrase():
    text = (
        "With the ceasefire talks stalled for a month, Qatar, which has mediated the return of "
        "children, said new meetings had been scheduled."
    )
    assert attributions(text) == [
        (
            "said",
            "assert",
            "affirm",
            ["Qatar"],
            ["new meetings had been scheduled"],
            False,
            "QAT.government",
        )
    ]


def test_what_another_speaker_said_as_the_occasion_is_not_part_of_an_accusation():
    text = (
        "Kyiv accused Minsk of hosting Russian troops after Lukashenko said the drills would "
        "continue, a move the West condemned."
    )
    assert [(row[0], row[3], row[4], row[-1]) for row in attributions(text)] == [
        ("accused", ["Kyiv"], ["Minsk of hosting Russian troops"], "UKR.government"),
        (
            "said",
            ["Lukashenko"],
            ["the drills would continue"],
            "BLR.government/alexander_lukashenko",
        ),
    ]
    assert [
        row[4]
        for row in attributions(
            "Kyiv accused Moscow of shelling the city after the talks collapsed."
        )
    ] == [["Moscow of shelling the city after the talks collapsed"]]


def test_a_cabinet_member_of_the_registry_without_a_country_in_the_sentence():
    assert attributions(
        "Attorney General Merrick Garland said the department would open a probe."
    ) == [
        (
            "said",
            "assert",
            "affirm",
            ["Attorney General Merrick Garland"],
            ["the department would open a probe"],
            False,
            "USA.government/merrick_garland",
        )
    ]


def test_bloggers_named_by_country_are_press_and_by_allegiance_a_party():
    text = (
        "Several Russian Telegram channels reported a fire at the depot. Pro-Kremlin bloggers said "
        "the town fell. Russian military bloggers claimed the bridge was hit."
    )
    assert [(row[3], row[-1]) for row in attributions(text)] == [
        (["Several Russian Telegram channels"], "MEDIA.press"),
        (["Pro-Kremlin bloggers"], "RUS.bloggers"),
        (["Russian military bloggers"], "RUS.bloggers"),
    ]


def test_another_speakers_report_in_a_relative_clause_is_not_part_of_the_content():
    text = (
        "Norway said it would deliver two air-defence systems like those that Ukrainian officers "
        "said had downed most of the drones."
    )
    assert [(row[3], row[4], row[-1]) for row in attributions(text)] == [
        (["Norway"], ["it would deliver two air-defence systems like those"], "NOR.government"),
        (["Ukrainian officers"], ["had downed most of the drones"], "UKR.military"),
    ]


def test_state_companies_and_services_speak_for_their_state():
    text = (
        "Energoatom said the power line was cut. Rosatom claimed the tanks were intact. "
        "The MI6 chief said the offensive had stalled."
    )
    assert [(row[3], row[-1]) for row in attributions(text)] == [
        (["Energoatom"], "UKR.government"),
        (["Rosatom"], "RUS.government"),
        (["The MI6 chief"], "GBR.government"),
    ]


def test_an_intention_is_an_attribution_but_never_a_claim():
    text = "Moscow wants to seize the port."
    assert attributions(text) == [
        ("wants", "intend", "hedge", ["Moscow"], ["to seize the port"], False, "RUS.government")
    ]
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    assert attribution.claims_of(found, doc) == []
    assert attributions("The governor refused to evacuate the town.") == [
        ("refused", "intend", "hedge", ["The governor"], ["to evacuate the town"], False, None)
    ]


def test_an_intention_nobody_holds_or_inside_a_report_is_none():
    assert attributions("Anyone wanting to leave the city must register.") == []
    assert attributions("The mayor said she plans to rebuild the bridge.") == [
        (
            "said",
            "assert",
            "affirm",
            ["The mayor"],
            ["she plans to rebuild the bridge"],
            False,
            None,
        )
    ]


def test_praise_affirms_what_it_judges():
    assert attributions("The minister welcomed the decision to reopen the corridor.") == [
        (
            "welcomed",
            "endorse",
            "affirm",
            ["The minister"],
            ["the decision to reopen the corridor"],
            False,
            None,
        )
    ]


def test_verbs_of_speech_about_a_topic_take_it_as_content():
    assert attributions("The envoys discussed the exchange of prisoners.") == [
        (
            "discussed",
            "assert",
            "affirm",
            ["The envoys"],
            ["the exchange of prisoners"],
            False,
            None,
        )
    ]


def test_certainty_after_to_be_is_a_hedge_of_its_subject():
    assert attributions("The commander was sure that the town would hold.") == [
        ("was sure", "hedge", "hedge", ["The commander"], ["the town would hold"], False, None)
    ]


def test_a_preposition_read_as_a_particle_still_takes_its_object():
    # the parser tags "on" a particle with its object: the call is still to release them
    assert attributions("The family has called on police to release the videos.") == [
        (
            "has called on",
            "assert",
            "affirm",
            ["The family"],
            ["to release the videos"],
            False,
            None,
        )
    ]


def test_a_date_after_the_verb_is_not_a_verb_phrase_particle():
    # "call on" is a cue only when "on" takes its addressee, not the day
    assert attributions("The ministry called the raid a rescue on Friday.") == [
        ("called", "assert", "affirm", ["The ministry"], ["the raid a rescue"], False, None)
    ]


def test_a_quoted_not_before_the_verb_does_not_negate_it():
    assert attributions("“We are ready. Probably not,” Ms. Moore said.") == [
        ("said", "assert", "affirm", ["Ms. Moore"], ["We are ready. Probably not"], True, None)
    ]
    # a "not" of the reporter's own negates the report: an attribution, not a claim
    text = "Ms. Moore did not say when the bridge would reopen."
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    [found] = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    assert (found.cue.of(text), found.claimable) == ("did not say", False)
    assert attribution.claims_of([found], doc) == []


def claim_rows(text: str) -> list[tuple[str, list[str]]]:
    """(cue, contents) of the claims the attributions of `text` make."""
    doc = nlp.parse_one(text)
    mentions = actors.find(doc)
    found = attribution.find(doc, mentions, coref.resolve(doc, mentions))
    return [
        (a.cue.of(text), [c.of(text) for c in a.contents])
        for a in attribution.claims_of(found, doc)
    ]


def test_attitudes_of_the_lexicon_are_attributions_but_never_claims():
    backed = "The senator backed the proposal to reopen the corridor."
    assert attributions(backed) == [
        (
            "backed",
            "favour",
            "affirm",
            ["The senator"],
            ["the proposal to reopen the corridor"],
            False,
            None,
        )
    ]
    knows = "The mayor knows that the bridge is closed."
    assert attributions(knows) == [
        ("knows", "know", "confirm", ["The mayor"], ["the bridge is closed"], False, None)
    ]
    assert claim_rows(backed) == claim_rows(knows) == []


def test_a_clause_verbs_object_is_what_the_report_is_about_and_no_claim():
    text = "The ministry noted the rise in shelling."
    assert attributions(text) == [
        ("noted", "assert", "affirm", ["The ministry"], ["the rise in shelling"], False, None)
    ]
    assert claim_rows(text) == []
    # a verb whose object is acted on reports nothing: "added troops"
    assert attributions("The general added two brigades.") == []
    # "said as much": what was said is only referred to
    assert attributions("The minister said as much.") == [
        ("said", "assert", "affirm", ["The minister"], ["as much"], False, None)
    ]
    assert claim_rows("The minister said as much.") == []


def test_a_passive_report_is_about_its_subject():
    assert attributions("The plan was rejected by the council.") == [
        ("was rejected by", "deny", "deny", ["the council"], ["The plan"], False, None)
    ]
    assert attributions("The general was accused of hiding the losses.") == [
        (
            "was accused",
            "accuse",
            "accuse",
            [],
            ["The general", "of hiding the losses"],
            False,
            None,
        )
    ]
    assert claim_rows("The plan was rejected by the council.") == []


def test_what_seems_so_is_said_by_nobody():
    assert attributions("The convoy appears to have turned back.") == [
        ("appears", "appear", "hedge", [], ["The convoy", "to have turned back"], False, None)
    ]
    assert attributions("It appears that the convoy turned back.") == [
        ("appears", "appear", "hedge", [], ["the convoy turned back"], False, None)
    ]


def test_a_noun_of_intention_takes_its_infinitive():
    text = "Moscow's decision to withdraw came late."
    assert attributions(text) == [
        ("decision", "intend", "hedge", ["Moscow"], ["to withdraw"], False, "RUS.government")
    ]
    assert claim_rows(text) == []


def test_an_attitude_after_to_be_spans_the_copula_and_its_preposition():
    assert attributions("The governor has been critical of the evacuation plan.") == [
        (
            "has been critical of",
            "disfavour",
            "condemn",
            ["The governor"],
            ["the evacuation plan"],
            False,
            None,
        )
    ]
    # "it is clear that …": nobody's report; an adjective read as a passive speaks for its subject
    assert attributions("It is clear that the front has moved.") == [
        ("It is clear", "know", "confirm", [], ["the front has moved"], False, None)
    ]
    assert attributions("The residents were frustrated that the water was cut.") == [
        (
            "were frustrated",
            "hedge",
            "hedge",
            ["The residents"],
            ["the water was cut"],
            False,
            "CIV.civilians",
        )
    ]


def test_a_verb_phrase_takes_a_clause():
    text = "The governor pointed out that the bridge was closed."
    assert attributions(text) == [
        (
            "pointed out",
            "assert",
            "affirm",
            ["The governor"],
            ["the bridge was closed"],
            False,
            None,
        )
    ]
    assert claim_rows(text) == [("pointed out", ["the bridge was closed"])]


def test_unquoted_words_after_a_colon_are_said():
    assert attributions("The commander added: We will hold the line.") == [
        ("added", "assert", "affirm", ["The commander"], ["We will hold the line"], True, None)
    ]


def test_a_name_given_by_a_speaker_but_not_by_a_passive_or_a_participle():
    assert attributions("Reid called Trump a liar.") == [
        ("called", "assert", "affirm", ["Reid"], ["Trump a liar"], False, None)
    ]
    assert claim_rows("The narratives, called “history” in Russia, promote the idea.") == []


def test_a_typed_double_apostrophe_is_a_quotation_mark():
    assert attributions("''We will hold,'' the commander said.") == [
        ("said", "assert", "affirm", ["the commander"], ["We will hold"], True, None)
    ]


def test_a_relative_clause_the_parser_hangs_on_the_verb_stays_with_the_object():
    assert [row[4] for row in attributions("Moscow rejected the claims Kyiv made on Monday.")] == [
        ["the claims Kyiv made on Monday"]
    ]
    # with "that" the clause is what is said, not a description of the object
    assert [row[4] for row in attributions("Kyiv rejected that the town had fallen.")] == [
        ["the town had fallen"]
    ]


def test_a_report_after_what_it_shows_takes_the_sentence_around_it():
    text = "Large parts of the city are without power, satellite images have shown."
    assert attributions(text) == [
        (
            "have shown",
            "observe",
            "affirm",
            ["satellite images"],
            ["Large parts of the city are without power"],
            False,
            None,
        )
    ]


def test_a_participle_of_the_occasion_is_not_part_of_the_source():
    text = "The governor, speaking to reporters in Kharkiv, said the bridge was closed."
    assert [(row[3], row[4]) for row in attributions(text)] == [
        (["The governor"], ["the bridge was closed"])
    ]


def test_a_paragraph_that_is_only_a_quotation_goes_on_with_the_speaker_before():
    text = "“The line will hold,” he said.\n\n“Nobody will leave the city. The army is here.”"
    assert [(row[0], row[3], row[4]) for row in attributions(text)] == [
        ("said", ["he"], ["The line will hold"]),
        ("said", ["he"], ["Nobody will leave the city. The army is here"]),
    ]
    # a quotation with a speaker of its own, or after a sentence of the writer's, is not theirs
    text = "“The line will hold,” he said.\n\n“Nobody will leave,” the mayor said."
    assert [row[3] for row in attributions(text)] == [["he"], ["the mayor"]]
    text = "“The line will hold,” he said. The mayor agreed.\n\n“Nobody will leave the city.”"
    assert [row[4] for row in attributions(text)] == [["The line will hold"]]


def test_a_quoted_sentence_may_close_inside_a_nested_quotation():
    text = (
        '"The order was clear," Kovalenko said. "It was the commander saying, \'Hold the bridge.\'"'
    )
    assert [row[4] for row in attributions(text)] == [
        ["The order was clear"],
        ["It was the commander saying, 'Hold the bridge.'"],
    ]


def test_a_split_quotation_goes_on_after_a_participle_or_a_described_speaker():
    text = "“We will hold,” Kovalenko said, pointing at the map, “and nobody will leave.”"
    assert [row[4] for row in attributions(text)] == [["We will hold", "and nobody will leave"]]
    text = "“We will hold,” said Oleh Kovalenko, the regional governor, “and nobody will leave.”"
    assert [(row[3], row[4]) for row in attributions(text)] == [
        (["Oleh Kovalenko, the regional governor"], ["We will hold", "and nobody will leave"])
    ]


def test_an_attitude_nobody_holds_is_not_attributed():
    text = "The ministry published a plan designed to offer shelter to the displaced."
    assert [row[0] for row in attributions(text)] == ["published"]
    text = "The ministry offered shelter to the displaced."
    assert [(row[0], row[3]) for row in attributions(text)] == [("offered", ["The ministry"])]


def test_one_of_a_group_speaks():
    text = "One of the regional officials said the town was calm."
    assert attributions(text)[0][3] == ["One of the regional officials"]
    text = "Nineteen were wounded and 12 said they had lost their homes."
    assert attributions(text)[0][3] == []


def test_a_cue_keeps_its_auxiliaries_inside_the_speakers_relative_clause():
    text = "Kovalenko, who has strongly denied any involvement in the attack, resigned on Monday."
    assert [(row[0], row[3]) for row in attributions(text)] == [("has strongly denied", ["who"])]


def test_a_reporting_infinitive_is_cued_with_the_verb_it_completes():
    text = "Kovalenko went on to say that the town was calm."
    assert [(row[0], row[3], row[4]) for row in attributions(text)] == [
        ("went on to say", ["Kovalenko"], ["the town was calm"])
    ]
    # a verb that takes an object stays out of the infinitive's cue; a cue verb's infinitive
    # is part of what it says ("asked the mayor to confirm …": one report)
    text = "Kovalenko visited the mayor to confirm that the town was calm."
    assert [row[0] for row in attributions(text)] == ["to confirm"]
    text = "Kovalenko asked the mayor to confirm that the town was calm."
    assert [row[0] for row in attributions(text)] == ["asked"]
    text = "Kovalenko used the briefing to say that the town was calm."
    assert [row[0] for row in attributions(text)] == ["to say"]


def test_a_cue_keeps_the_adverbs_right_after_its_verb():
    assert [
        row[0] for row in attributions("“We will hold the town,” the commander said calmly.")
    ] == ["said calmly"]
    text = "The commander said firmly that the town would hold."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("said firmly", ["the town would hold"])
    ]


def test_a_noun_phrase_content_ends_before_a_comment_set_off_by_a_comma():
    text = "The minister acknowledged the scale of the damage, which surprised many observers."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("acknowledged", ["the scale of the damage"])
    ]
    text = "The minister likened the strike to the shelling of Kharkiv, which killed 12 people."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("likened", ["the strike to the shelling of Kharkiv"])
    ]


def test_a_noun_phrase_content_ends_at_a_dash_no_second_dash_closes():
    text = "The minister dismissed the report as a rumour — a claim his critics rejected."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("dismissed", ["the report as a rumour"])
    ]
    text = "The minister dismissed the report — the third this week — as a rumour."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("dismissed", ["the report — the third this week — as a rumour"])
    ]


def test_a_quotation_of_several_sentences_before_its_speaker_is_said_whole():
    # the parser hangs the closing mark on the speaker: the quotation still ends before the clause
    text = (
        "“The line is holding. There is a severe shortage of shells,” Syrskyi, a top commander,"
        " said on Thursday."
    )
    assert [(row[3], row[4], row[5]) for row in attributions(text)] == [
        (
            ["Syrskyi, a top commander"],
            ["The line is holding. There is a severe shortage of shells"],
            True,
        )
    ]


def test_a_content_the_parser_splits_into_two_clauses_is_said_whole():
    text = (
        "The governor said the army has enormous respect for the volunteers and his earlier "
        "remark was instead a sign of frustration with the pace of the offensive."
    )
    assert [(row[0], row[4]) for row in attributions(text)] == [
        (
            "said",
            [
                "the army has enormous respect for the volunteers and his earlier remark was "
                "instead a sign of frustration with the pace of the offensive"
            ],
        )
    ]


def test_the_medium_and_the_time_of_a_report_are_not_what_it_is_about():
    text = "The minister condemned the referendum in a televised address."
    assert [(row[0], row[4]) for row in attributions(text)] == [("condemned", ["the referendum"])]
    text = "The council rejected the proposal on Friday."
    assert [(row[0], row[4]) for row in attributions(text)] == [("rejected", ["the proposal"])]
    # in the middle, the time stays: what follows it is still said
    text = "The governor praised the volunteers on Friday for their help."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("praised", ["the volunteers on Friday for their help"])
    ]


def test_a_report_told_inside_another_report_is_part_of_it():
    text = "The spokesman said the general had told reporters that the bridge was destroyed."
    assert [(row[0], row[3], row[4]) for row in attributions(text)] == [
        (
            "said",
            ["The spokesman"],
            ["the general had told reporters that the bridge was destroyed"],
        )
    ]
    # a report named as a thing someone answers or shows stays a report of its own
    text = "Kyiv dismissed Moscow's claim that the city was encircled."
    assert [(row[0], row[3]) for row in attributions(text)] == [
        ("dismissed", ["Kyiv"]),
        ("claim", ["Moscow"]),
    ]
    text = "The General Staff published video showing soldiers raising a flag in the town."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("published", ["video showing soldiers raising a flag in the town"]),
        ("showing", ["soldiers raising a flag in the town"]),
    ]


def test_another_speakers_report_joined_on_what_is_said_is_its_own():
    text = "The governor said the port was open and the navy confirmed that the convoy had arrived."
    assert [(row[0], row[3], row[4]) for row in attributions(text)] == [
        ("said", ["The governor"], ["the port was open"]),
        ("confirmed", ["the navy"], ["the convoy had arrived"]),
    ]


def test_the_medium_right_after_the_verb_is_part_of_the_cue():
    text = "The minister said in a statement that the talks had failed."
    assert [(row[0], row[4]) for row in attributions(text)] == [
        ("said in a statement", ["the talks had failed"])
    ]
    # nor a clause on the medium, nor the time: "said on Friday" is the verb and a date
    text = "The minister said at a briefing announcing new sanctions that the talks had failed."
    assert attributions(text)[0][0] == "said at a briefing"
    text = "The minister said on Friday that the talks had failed."
    assert [(row[0], row[4]) for row in attributions(text)] == [("said", ["the talks had failed"])]
