"""Coreference: one short hand-written passage per rule, exact links asserted."""

from __future__ import annotations

from fogwatch.ingest.clean import clean
from fogwatch.language import actors, coref, nlp
from fogwatch.language.actor_registry import load_registry
from fogwatch.records import Coreference, Span
from helpers import SEED, needs_shared


def links(text: str) -> list[tuple[str, str, str | None]]:
    """(span text, antecedent text, actor id) for each coreference, in text order."""
    doc = nlp.parse_one(text)
    return [
        (c.span.of(text), c.antecedent.of(text), c.actor.id if c.actor else None)
        for c in coref.resolve(doc, actors.find(doc))
    ]


def test_he_after_one_person_is_that_person():
    text = (
        "Gen. Oleksandr Syrskyi said the rain slowed the enemy. He said the troops held the line."
    )
    doc = nlp.parse_one(text)
    ukraine_military = load_registry().actor("UKR.military")
    assert coref.resolve(doc, actors.find(doc)) == [
        Coreference(Span(55, 57), Span(5, 22), ukraine_military)
    ]


def test_he_with_two_competing_people_is_unresolved():
    assert links("Zelenskyy met Putin on Monday. He said the talks had failed.") == []


def test_she_skips_a_man_in_the_same_sentence():
    assert links("Maria Zakharova spoke after Sergei Lavrov. She said the talks had failed.") == [
        ("She", "Maria Zakharova", "RUS.government")
    ]


def test_he_inside_an_interrupted_quote_is_the_paragraphs_speaker():
    text = (
        "Ukrainian President Volodymyr Zelenskyy visited the front.\n\n"
        "The mood there, he said, is grim."
    )
    assert links(text) == [("he", "Volodymyr Zelenskyy", "UKR.government")]


def test_an_unregistered_person_in_between_blocks_he():
    text = (
        "Zelenskyy spoke on Monday. John Marsh, a farmer, said it was late. "
        "He said the aid came too late."
    )
    assert links(text) == []


def test_a_person_titled_by_a_press_role_is_the_he_who_follows():
    text = (
        "Zelenskyy spoke on Monday. John Marsh, an analyst, said it was late. "
        "He said the aid came too late."
    )
    assert links(text) == [("He", "John Marsh", "MEDIA.press")]


def test_they_is_the_one_group_before_it():
    assert links("Russian troops entered the town on Monday. They said it was now theirs.") == [
        ("They", "Russian troops", "RUS.military")
    ]


def test_they_with_two_competing_groups_is_unresolved():
    text = (
        "Russian troops attacked Ukrainian soldiers near the river. They said the river was cold."
    )
    assert links(text) == []


def test_the_general_is_the_last_general():
    text = "Gen. Oleksandr Syrskyi visited the front on Monday. The general said the line held."
    assert links(text) == [("general", "Oleksandr Syrskyi", "UKR.military")]


def test_the_ministry_is_the_last_ministry():
    text = "Russia's Defence Ministry said it had taken the village. The ministry gave no evidence."
    assert links(text) == [("ministry", "Russia's Defence Ministry", "RUS.military")]


def test_the_kremlin_spokesman_is_the_last_person_with_that_title():
    text = "Dmitry Peskov spoke to reporters on Monday. The Kremlin spokesman said talks were possible."
    assert links(text) == [("Kremlin spokesman", "Dmitry Peskov", "RUS.government")]


def test_a_surname_repeat_points_to_the_full_name():
    assert links("Dmytro Kuleba arrived first. Kuleba said the talks failed.") == [
        ("Kuleba", "Dmytro Kuleba", "UKR.government")
    ]


def test_nothing_to_resolve_without_mentions():
    assert coref.resolve(nlp.parse_one("He said it was cold."), []) == []


@needs_shared
def test_seed_article_pronouns():
    body = SEED.read_text(encoding="utf-8").split(maxsplit=2)[2]
    text, _ = clean(body)
    found = links(text)
    he_said_soldiers = text.index("He said Ukrainian soldiers")
    interrupted = text.index("he said, remains")
    doc = nlp.parse_one(text)
    by_start = {c.span.start: c for c in coref.resolve(doc, actors.find(doc))}
    assert by_start[he_said_soldiers].antecedent.of(text) == "Oleksandr Syrskyi"
    assert by_start[he_said_soldiers].actor.id == "UKR.military"
    assert by_start[interrupted].antecedent.of(text) == "Volodymyr Zelenskyy"
    assert by_start[interrupted].actor.id == "UKR.government"
    assert ("Syrskyi", "Oleksandr Syrskyi", "UKR.military") in found


def test_it_as_a_speaker_is_the_organisation_that_spoke_before():
    text = (
        "Russia's Defence Ministry said its troops had taken the village. "
        "It claimed that Ukraine had lost 230 servicemen."
    )
    assert links(text) == [("It", "Russia's Defence Ministry", "RUS.military")]


def test_it_with_two_organisations_speaking_is_unresolved():
    text = (
        "Ukraine's General Staff and Russia's Defence Ministry both said the fighting went on. "
        "It said the losses were heavy."
    )
    assert [link for link in links(text) if link[0] == "It"] == []


def test_it_that_is_not_a_speaker_is_left_alone():
    assert links("Russia's Defence Ministry said the town had fallen. It was a hard week.") == []


def test_the_speaker_goes_on_across_paragraphs_while_nobody_else_speaks():
    text = (
        "Zelenskyy said the aid was late.\n\nThe river rose. The bridge fell. Rain came.\n\n"
        "The front, he said, was holding."
    )
    assert links(text) == [("he", "Zelenskyy", "UKR.government")]


def test_another_person_named_since_the_last_speaker_stops_him_going_on():
    text = (
        "Zelenskyy said the aid was late.\n\nPutin was not seen. The bridge fell. Rain came.\n\n"
        "The front, he said, was holding."
    )
    assert links(text) == []


def test_a_title_resolved_to_a_person_is_that_person_for_he():
    text = (
        "Joe Biden spoke in Madrid on Thursday. But the president did not predict a victory. "
        "“It will not end well,” he said."
    )
    assert links(text) == [
        ("president", "Joe Biden", "USA.government"),
        ("he", "Joe Biden", "USA.government"),
    ]


def test_one_of_a_group_that_speaks_is_of_the_group():
    text = "Russian soldiers complained about the food. One soldier said the units were drained."
    assert links(text) == [("One soldier", "Russian soldiers", "RUS.military")]


def test_the_ministry_that_spoke_long_before_is_still_the_ministry():
    said = (
        "The Russian foreign ministry said the envoy was summoned. The talks were short. "
        "The envoy left. A car came. Rain fell. Snow fell.\n\nThe ministry said the talks had failed."
    )
    assert links(said) == [("ministry", "Russian foreign ministry", "RUS.government")]
    struck = (
        "A drone struck the Russian foreign ministry. The talks were short. "
        "The envoy left. A car came. Rain fell. Snow fell.\n\nThe ministry said the talks had failed."
    )
    assert links(struck) == []


def test_a_one_word_name_that_does_not_speak_does_not_block_he_but_a_full_name_does():
    mentioned = (
        "Zelenskyy said the town was quiet. Volunteers thanked Marsh for the food. "
        "“We hold,” he said."
    )
    assert links(mentioned) == [("he", "Zelenskyy", "UKR.government")]
    full = mentioned.replace("thanked Marsh", "thanked John Marsh")
    assert links(full) == []


def test_a_name_after_a_nameless_title_is_the_titled_person():
    # an unregistered name takes the title's actor, and so does its surname alone later
    assert links(
        "Latvia’s ambassador to Ukraine returned to Kyiv on Monday. Andris Kalnins said: "
        "“Our support is firm.” Kalnins added that more embassies would reopen."
    ) == [
        ("Andris Kalnins", "Latvia’s ambassador", "LVA.government"),
        ("Kalnins", "Latvia’s ambassador", "LVA.government"),
    ]
    # a registered person of the title's actor names the title
    assert links(
        "Ukraine’s top commander warned that Russia was massing troops. "
        "Gen. Oleksandr Syrskyi said the line was holding."
    ) == [("Oleksandr Syrskyi", "Ukraine’s top commander", "UKR.military")]
    # another person mentioned in between: the name is not introduced by the title
    assert (
        links(
            "Latvia’s ambassador met Volodymyr Zelenskyy on Monday. Andris Kalnins said the talks "
            "went well."
        )
        == []
    )


def test_a_title_serving_in_a_unit_speaks_for_the_unit_not_its_nationality():
    text = "A Georgian officer in the International Legion said the village was quiet."
    doc = nlp.parse_one(text)
    [title, unit] = coref.serving(doc, actors.find(doc))
    assert (title.span.of(text), title.actor.id) == (
        "Georgian officer",
        "UKR.international_legion",
    )
    assert (unit.span.of(text), unit.actor.id) == (
        "International Legion",
        "UKR.international_legion",
    )
    # a title of the unit's own side keeps its actor
    text = "A Ukrainian officer in the International Legion said the village was quiet."
    doc = nlp.parse_one(text)
    assert coref.serving(doc, actors.find(doc))[0].actor.id == "UKR.military"


def test_the_commander_far_on_is_the_one_commander_of_the_article():
    filler = " ".join(f"Shelling hit the district on day {n}." for n in range(14))
    text = (
        "A Georgian commander in the International Legion said the village was quiet. "
        + filler
        + " The commander said the enemy was regrouping."
    )
    assert links(text)[-1] == ("commander", "Georgian commander", "UKR.international_legion")
    # with two actors bearing the title, a far "the commander" stays unresolved
    text = (
        "A Georgian commander in the International Legion said the village was quiet. "
        "A Russian commander said the bridge was gone. "
        + filler
        + " The commander said the enemy was regrouping."
    )
    assert all(span != "commander" for span, _, _ in links(text))


def test_a_call_sign_stands_for_the_person_it_was_given_to():
    text = (
        "Gen. Oleksandr Syrskyi said the line held. He is nicknamed “Bison” at headquarters. "
        "Bison said the enemy was tired."
    )
    assert links(text)[-1] == ("Bison", "Oleksandr Syrskyi", "UKR.military")
    # quoted, the call sign is a word of the speaker's, not a reference
    text = "Gen. Oleksandr Syrskyi is nicknamed “Bison”. The troops chanted “Bison” all night."
    assert all(span != "Bison" for span, _, _ in links(text))
