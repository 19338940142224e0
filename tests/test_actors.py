"""Actor mentions: one short hand-written sentence per behaviour, exact records asserted."""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest

from fogwatch.ingest.clean import clean
from fogwatch.language import actors, nlp
from fogwatch.language.actor_registry import (
    RegistryError,
    build_registry,
    load_registry,
    merge_registries,
)
from fogwatch.records import Actor, ActorMention, Span
from helpers import REPO, SEED, needs_shared


def found(text: str) -> list[tuple[str, str, str, str | None]]:
    """(span text, actor id, role, person) for each mention, in text order."""
    return [
        (m.span.of(text), m.actor.id, m.role, m.person) for m in actors.find(nlp.parse_one(text))
    ]


# ─── the registry ─────────────────────────────────────────────────────────────────────────────


def test_registry_covers_the_actors_the_seed_article_needs():
    registry = load_registry()
    assert registry.actor("UKR.military") == Actor(
        "UKR.military", "Military Forces of Ukraine", "UKR", "state forces", 1
    )
    assert registry.actor("RUS.bloggers").side == "RUS"
    assert registry.actor("RUS.wagner").inter == 8
    assert registry.actor("CIV.civilians").inter == 7
    assert registry.actor("MEDIA.reuters").inter == 0
    assert registry.people["Oleksandr Syrskyi"].actor.id == "UKR.military"
    assert registry.people["Volodymyr Zelenskyy"].gender == "male"


def test_registry_is_read_once():
    assert load_registry() is load_registry()


def test_matchers_are_built_once_per_vocab():
    registry = load_registry()
    vocab = nlp.load().vocab
    assert registry.name_matcher(vocab) is registry.name_matcher(vocab)
    assert registry.role_matcher(vocab) is registry.role_matcher(vocab)


MINIMAL = {
    "sides": {"RUS": "Russia", "UKR": "Ukraine"},
    "kinds": ["government", "media"],
    "actors": [
        {"id": "RUS.government", "name": "Russia", "side": "RUS", "kind": "government", "inter": 1,
         "aliases": ["Kremlin officials"],
         "people": [{"name": "Ivan Petrov", "variants": ["Petrov"], "gender": "male"}]},
        {"id": "UKR.government", "name": "Ukraine", "side": "UKR", "kind": "government", "inter": 1,
         "people": [{"name": "Petro Petrov", "variants": ["P. Petrov"], "gender": "male"}]},
    ],
    "polities": {"RUS": {"rank": 1, "words": ["Russian"], "roles": {"government": "RUS.government"}}},
    "roles": {"government": {"group": ["officials"], "person": ["diplomat"]}},
    "language": {key: [] for key in (
        "agent_verbs", "address_verbs", "agent_nouns", "deed_nouns", "locative_prepositions",
        "modifiers", "honorifics", "not_name_words", "reporting_verbs")},
}  # fmt: skip


def test_a_minimal_registry_validates():
    registry = build_registry(MINIMAL)
    assert sorted(registry.actors) == ["RUS.government", "UKR.government"]


def test_an_alias_shared_by_two_people_must_be_declared_ambiguous():
    data = copy.deepcopy(MINIMAL)
    data["actors"][1]["people"][0]["variants"].append("Petrov")
    with pytest.raises(RegistryError, match="'Petrov' belongs to Ivan Petrov, Petro Petrov"):
        build_registry(data)
    data["ambiguous"] = [{"alias": "Petrov", "between": ["Ivan Petrov", "Petro Petrov"]}]
    assert build_registry(data).entries["Petrov"].candidates


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["actors"].append(dict(d["actors"][0])),
            "actor id RUS.government is used twice",
        ),
        (lambda d: d["actors"][0].update(side="XXX"), "unknown side 'XXX'"),
        (lambda d: d["actors"][0].update(kind="army"), "unknown kind 'army'"),
        (lambda d: d["actors"][0].update(kind="media"), "must have inter 0"),
        (lambda d: d["actors"][0].update(id="UKR.other"), "does not start with its side"),
        (lambda d: d["polities"]["RUS"]["roles"].update(army="RUS.army"), "unknown actor RUS.army"),
    ],
)
def test_a_malformed_registry_is_one_clear_error(change, message):
    data = copy.deepcopy(MINIMAL)
    change(data)
    with pytest.raises(RegistryError, match=message):
        build_registry(data)


# ─── aliases ──────────────────────────────────────────────────────────────────────────────────


def test_alias_is_an_exact_record():
    text = "Reuters verified where the clip was shot."
    reuters = load_registry().actor("MEDIA.reuters")
    assert actors.find(nlp.parse_one(text)) == [ActorMention(Span(0, 7), reuters, "mention")]


def test_short_acronyms_match_only_in_capitals():
    text = "AP reported that the US said it would help us."
    assert found(text) == [
        ("AP", "MEDIA.ap", "mention", None),
        ("US", "USA.government", "metonym", None),
    ]


def test_a_name_inside_a_longer_place_name_is_not_the_actor():
    text = "Ships were seen in the Sea of Azov. The Azov regiment said it held the plant."
    assert found(text) == [("Azov regiment", "UKR.azov", "mention", None)]


def test_plural_aliases_are_groups():
    assert found("Civilians fled as protesters gathered.") == [
        ("Civilians", "CIV.civilians", "group", None),
        ("protesters", "CIV.protesters", "group", None),
    ]


# ─── metonyms and seats ───────────────────────────────────────────────────────────────────────


def test_capitals_that_act_are_governments():
    text = "Moscow says the town has fallen, but Kyiv denies it."
    assert found(text) == [
        ("Moscow", "RUS.government", "metonym", None),
        ("Kyiv", "UKR.government", "metonym", None),
    ]


def test_capitals_that_are_places_are_not_actors():
    assert found("Officials met in Moscow and then flew to Kyiv.") == []
    assert found("Drones struck targets near Kyiv overnight.") == []


def test_possessive_metonym_is_an_actor():
    assert found("Bloggers on Moscow’s side posted the footage.") == [
        ("Moscow", "RUS.government", "metonym", None)
    ]


def test_the_object_of_an_appeal_is_an_actor():
    assert found("Moscow on Friday pressed Kyiv to resume talks.") == [
        ("Moscow", "RUS.government", "metonym", None),
        ("Kyiv", "UKR.government", "metonym", None),
    ]


def test_a_seat_acts_unless_it_is_a_place():
    text = "The Kremlin believes the winter will help."
    assert actors.find(nlp.parse_one(text)) == [
        ActorMention(Span(4, 11), load_registry().actor("RUS.government"), "metonym")
    ]
    assert found("Talks were held at the Kremlin on Friday.") == []


# ─── possessives and demonyms ─────────────────────────────────────────────────────────────────


def test_possessive_military_versus_the_country_as_a_place():
    assert found("Ukraine's military said two bridges were hit.") == [
        ("Ukraine's military", "UKR.military", "mention", None)
    ]
    assert found("Heavy fighting continues in Ukraine.") == []


def test_possessive_office_without_a_name_is_a_person_of_the_actor():
    assert found("Ukraine’s chief of staff warned of new attacks.") == [
        ("Ukraine’s chief of staff", "UKR.military", "person", None)
    ]


def test_defence_ministry_is_the_military_and_foreign_ministry_the_government():
    assert found("Russia's Defence Ministry said the village was taken.") == [
        ("Russia's Defence Ministry", "RUS.military", "mention", None)
    ]
    assert found("Ukraine’s foreign ministry said the talks had stalled.") == [
        ("Ukraine’s foreign ministry", "UKR.government", "mention", None)
    ]


def test_a_leaders_forces_are_his_countrys_military():
    assert found("The rain slowed President Vladimir Putin’s forces.") == [
        ("Vladimir Putin’s forces", "RUS.military", "group", None)
    ]


def test_demonym_and_plural_noun_is_a_group():
    assert found("Russian troops attacked while Ukrainian soldiers held the line.") == [
        ("Russian troops", "RUS.military", "group", None),
        ("Ukrainian soldiers", "UKR.military", "group", None),
    ]
    assert found("Russian officials denied it and Ukrainian officials disagreed.") == [
        ("Russian officials", "RUS.government", "group", None),
        ("Ukrainian officials", "UKR.government", "group", None),
    ]


def test_military_bloggers_speak_for_russia():
    assert found("Russian military bloggers posted a video.") == [
        ("Russian military bloggers", "RUS.bloggers", "group", None)
    ]
    assert found("Pro-Kremlin bloggers celebrated the advance.") == [
        ("Pro-Kremlin bloggers", "RUS.bloggers", "group", None)
    ]


def test_a_qualifier_decides_a_name_two_states_share():
    text = "Ukraine's National Guard said two soldiers died. Russia’s National Guard denied it."
    assert found(text) == [
        ("Ukraine's National Guard", "UKR.national_guard", "mention", None),
        ("Russia’s National Guard", "RUS.rosgvardia", "mention", None),
    ]
    assert found("National Guard units were seen.") == []


def test_a_qualifier_after_the_noun():
    assert found("The armed forces of Ukraine said the attack failed.") == [
        ("armed forces of Ukraine", "UKR.military", "mention", None)
    ]


# ─── people, titles and appositives ───────────────────────────────────────────────────────────


def test_title_and_appositive_of_a_registry_person_are_one_mention():
    text = "Gen. Oleksandr Syrskyi, Ukraine’s top commander, said the rain slowed the enemy."
    assert actors.find(nlp.parse_one(text)) == [
        ActorMention(
            Span(5, 22),
            load_registry().actor("UKR.military"),
            "person",
            "Oleksandr Syrskyi",
        )
    ]


def test_a_title_before_a_registry_name_is_not_in_the_span():
    assert found("Ukrainian President Volodymyr Zelenskyy said Russia was massing tanks.") == [
        ("Volodymyr Zelenskyy", "UKR.government", "person", "Volodymyr Zelenskyy")
    ]
    assert found("Kremlin spokesman Dmitry Peskov said talks were possible.") == [
        ("Dmitry Peskov", "RUS.government", "person", "Dmitry Peskov")
    ]


def test_spelling_variants_are_one_person():
    assert found("Zelensky spoke first, Zelenskiy spoke again and Zelenskyy spoke last.") == [
        ("Zelensky", "UKR.government", "person", "Volodymyr Zelenskyy"),
        ("Zelenskiy", "UKR.government", "person", "Volodymyr Zelenskyy"),
        ("Zelenskyy", "UKR.government", "person", "Volodymyr Zelenskyy"),
    ]
    assert found("Syrsky and Syrskiy are both spellings.") == [
        ("Syrsky", "UKR.military", "person", "Oleksandr Syrskyi"),
        ("Syrskiy", "UKR.military", "person", "Oleksandr Syrskyi"),
    ]


def test_a_new_person_takes_the_affiliation_of_the_title():
    text = "Nothing has changed, said Russian diplomat Ivan Petrovsky. Petrovsky later left."
    assert found(text) == [
        ("Ivan Petrovsky", "RUS.government", "person", "Ivan Petrovsky"),
        ("Petrovsky", "RUS.government", "person", "Ivan Petrovsky"),
    ]


def test_a_new_person_takes_the_affiliation_of_the_appositive():
    assert found("Ivan Petrovsky, a Russian diplomat, said the delegation was ready.") == [
        ("Ivan Petrovsky", "RUS.government", "person", "Ivan Petrovsky")
    ]


def test_a_person_with_no_affiliation_is_left_out():
    assert found("Gen. John Marsh said the bridge was destroyed.") == []
    assert found("John Marsh said the bridge was destroyed.") == []


def test_a_shared_surname_follows_the_full_name_seen_before():
    assert found("Dmytro Kuleba arrived first. Kuleba said the talks failed.") == [
        ("Dmytro Kuleba", "UKR.government", "person", "Dmytro Kuleba"),
        ("Kuleba", "UKR.government", "person", "Dmytro Kuleba"),
    ]


def test_a_shared_surname_alone_is_unresolved_across_actors_and_unnamed_within_one():
    assert found("Johnson said the sanctions would bite.") == []
    assert found("Fedorov said the city was shelled.") == [
        ("Fedorov", "UKR.government", "person", None)
    ]


# ─── the world's states, peoples, the press and unnamed sources ───────────────────────────────


def test_every_state_has_a_government_and_a_military_on_its_iso3_side():
    registry = load_registry()
    assert registry.actor("EST.government") == Actor(
        "EST.government", "Government of Estonia", "EST", "government", 1
    )
    assert registry.actor("HUN.military").side == "HUN"
    assert registry.actor("OTHER.icrc").side == "OTHER"


def test_the_generated_states_file_is_what_its_script_writes():
    script = REPO / "scripts" / "build_country_actors.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_state_a_capital_and_a_demonym_of_any_state_name_its_government():
    assert found("Estonia said it would send more troops.") == [
        ("Estonia", "EST.government", "metonym", None)
    ]
    assert found("The Hungarian foreign ministry said it was ready to pay in roubles.") == [
        ("Hungarian foreign ministry", "HUN.government", "mention", None)
    ]
    assert found("Polish troops crossed the border.") == [
        ("Polish troops", "POL.military", "group", None)
    ]


def test_a_people_that_speaks_speaks_through_its_government():
    assert found("Russians have always claimed that the war began in 1941.") == [
        ("Russians", "RUS.government", "group", None)
    ]
    assert found("Russians queued for bread in the morning.") == []
    assert found("Mariupol tells us that the victory will be hollow.") == []  # a city, no people


def test_a_states_possessive_before_a_full_name_gives_the_person_its_side():
    assert found("Hungary’s Viktor Orban said the sanctions had failed.") == [
        ("Viktor Orban", "HUN.government", "person", "Viktor Orban")
    ]


def test_a_name_inside_a_longer_person_name_is_no_metonym():
    assert found("Paris Hilton said the party was over.") == []


def test_the_press_and_analysts_are_media_whatever_their_country():
    assert found("Our Moscow correspondent reports that the mood is grim.") == [
        ("Moscow correspondent", "MEDIA.press", "person", None)
    ]
    assert found("Analysts said the offensive had stalled.") == [
        ("Analysts", "MEDIA.press", "group", None)
    ]
    assert found("A CNN correspondent said the town was quiet.") == [
        ("CNN correspondent", "MEDIA.cnn", "person", None)
    ]
    assert found("A Russian state media correspondent said the town was quiet.") == [
        ("Russian state media correspondent", "RUS.state_media", "person", None)
    ]


def test_a_role_noun_read_as_a_verb_ends_the_phrase():
    assert found("Russian forces press on toward Pokrovsk.") == [
        ("Russian forces", "RUS.military", "group", None)
    ]


def test_unnamed_sources_take_the_side_of_their_qualifier():
    assert found("Ukrainian sources alleged that the town was shelled.") == [
        ("Ukrainian sources", "UKR.government", "group", None)
    ]
    assert found("Nato sources said the force would be ready in 2023.") == [
        ("Nato sources", "NATO.nato", "group", None)
    ]
    assert found("Western officials said the missile was Russian.") == [
        ("Western officials", "OTHER.west", "group", None)
    ]
    assert found("A senior Ukrainian military source said the line held.") == [
        ("Ukrainian military source", "UKR.military", "person", None)
    ]
    assert found("A senior US defence official said the shipment was late.") == [
        ("US defence official", "USA.military", "person", None)
    ]


def test_a_region_gives_its_officials_its_states_side_unless_a_stronger_qualifier_speaks():
    assert found("Luhansk governor Ivan Petrenko said the town held.") == [
        ("Ivan Petrenko", "UKR.government", "person", "Ivan Petrenko")
    ]
    assert found("Russian-installed Luhansk governor Ivan Petrenko said the town fell.") == [
        ("Ivan Petrenko", "RUS.occupation", "person", "Ivan Petrenko")
    ]


def test_a_local_office_without_its_place_belongs_to_the_city_named_before_it():
    text = "Russian forces shelled a theatre in the port city of Mariupol, the city council said."
    assert found(text) == [
        ("Russian forces", "RUS.military", "group", None),
        ("city council", "UKR.government", "mention", None),
    ]
    assert found("The city council said the theatre was shelled.") == []


def test_a_ministry_or_department_of_a_state_is_its_government():
    assert found("The US Justice Department said it would open an inquiry.") == [
        ("US Justice Department", "USA.government", "mention", None)
    ]
    assert found("Ukraine’s health ministry said 12 hospitals were hit.") == [
        ("Ukraine’s health ministry", "UKR.government", "mention", None)
    ]


def test_headline_case_and_a_lower_case_tail_spell_the_same_alias():
    assert found("The Biden Administration announced more aid.") == [
        ("Biden Administration", "USA.government", "mention", None)
    ]
    assert found("State department officials said the visit went well.") == [
        ("State department officials", "USA.government", "group", None)
    ]


def test_most_may_stand_between_a_qualifier_and_its_role_noun():
    assert found("Britain’s most senior military commander warned of a long war.") == [
        ("Britain’s most senior military commander", "GBR.military", "person", None)
    ]


def test_a_side_both_registry_files_define_is_one_clear_error():
    with pytest.raises(RegistryError, match=r"sides \['RUS'\] are defined in actors.yaml"):
        merge_registries(MINIMAL, {"sides": {"RUS": "Russia again"}})
    merged = merge_registries(MINIMAL, {"sides": {"EST": "Estonia"}, "actors": []})
    assert sorted(merged["sides"]) == ["EST", "RUS", "UKR"]


def test_a_role_actor_must_name_a_known_role_and_actor():
    data = copy.deepcopy(MINIMAL)
    data["role_actors"] = {"press": "RUS.government"}
    with pytest.raises(RegistryError, match="role_actors maps 'press'"):
        build_registry(data)


# ─── the seed article ─────────────────────────────────────────────────────────────────────────


@needs_shared
def test_seed_article_actors():
    body = SEED.read_text(encoding="utf-8").split(maxsplit=2)[2]
    text, _ = clean(body)
    mentions = set(found(text))
    expected = {
        ("Ukraine’s military", "UKR.military", "mention", None),
        ("Ukraine’s chief of staff", "UKR.military", "person", None),
        ("Oleksandr Syrskyi", "UKR.military", "person", "Oleksandr Syrskyi"),
        ("Syrskyi", "UKR.military", "person", "Oleksandr Syrskyi"),
        ("Vladimir Putin’s forces", "RUS.military", "group", None),
        ("Russian military bloggers", "RUS.bloggers", "group", None),
        ("Moscow", "RUS.government", "metonym", None),
        ("Kyiv", "UKR.government", "metonym", None),
        ("Kremlin", "RUS.government", "metonym", None),
        ("Reuters", "MEDIA.reuters", "mention", None),
        ("CNN", "MEDIA.cnn", "mention", None),
        ("Alexei Polishchuk", "RUS.government", "person", "Alexei Polishchuk"),
        ("Volodymyr Zelenskyy", "UKR.government", "person", "Volodymyr Zelenskyy"),
    }
    assert expected <= mentions
    claims = text.index("Moscow claims")
    by_start = {m.span.start: m.actor.id for m in actors.find(nlp.parse_one(text))}
    assert by_start[claims] == "RUS.government"
    assert by_start[text.index("Kyiv insists")] == "UKR.government"


def test_a_qualifier_keeps_its_role_nouns_across_its_bracketed_abbreviation():
    assert found("Luhansk People's Republic (LNR) authorities accused Kyiv of shelling.") == [
        ("Luhansk People's Republic (LNR) authorities", "RUS.occupation", "group", None),
        ("Kyiv", "UKR.government", "metonym", None),
    ]
