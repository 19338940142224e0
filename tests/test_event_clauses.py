"""events: how a clause becomes an event — gerund subjects, defence, unknown places, retellings."""

from __future__ import annotations

from typing import Any

from fogwatch.events import modality
from fogwatch.events.lexicon import load_lexicon
from fogwatch.events.reading import Reading
from test_coder import analysed, coded


def brief(text: str) -> list[tuple[Any, ...]]:
    """Sub-type, place, actors and modality of each event coded from `text`."""
    return [
        (e["sub_type"], e["place"], e["actor1"], e["actor2"], e["modality"]) for e in coded(text)
    ]


def test_a_gerund_subject_takes_its_verbs_place() -> None:
    # "Fighting" is the subject of "continued": the place hangs from the verb, not the gerund
    assert brief("Fighting continued around Lyman on Tuesday, a village official said.") == [
        ("Armed clash", "Lyman", None, None, "asserted")
    ]


def test_the_defender_of_a_place_is_actor2() -> None:
    expected = [("Armed clash", "Vovchansk", "RUS.military", "UKR.military", "asserted")]
    assert brief("Ukrainian forces defended Vovchansk against Russian assaults on Tuesday.") == (
        expected
    )
    assert brief("The Ukrainian defence of Vovchansk continued on Tuesday.") == expected


def test_defending_no_named_place_is_no_event() -> None:
    assert brief("Ukraine's defence ministry said it would defend itself.") == []


def test_two_kinds_of_violence_at_one_place_stay_two_events() -> None:
    text = (
        "Russian forces continued ground assaults against Lysychansk on Tuesday. "
        "Russian forces continued to fire on Lysychansk."
    )
    assert brief(text) == [
        ("Armed clash", "Lysychansk", "RUS.military", "UKR.military", "asserted"),
        ("Shelling/artillery/missile attack", "Lysychansk", "RUS.military", None, "asserted"),
    ]


def test_the_same_violence_told_again_is_one_event() -> None:
    text = (
        "Russian forces shelled Lysychansk on Tuesday. The shelling of Lysychansk damaged a school."
    )
    assert [e[:2] for e in brief(text)] == [("Shelling/artillery/missile attack", "Lysychansk")]


def test_fighting_at_a_place_the_gazetteer_lacks_has_no_place() -> None:
    # a weak trigger needs a place of its own: an unknown village is one, though not on the map
    events = brief("Heavy fighting continues in the village of Zzyxivka on Tuesday.")
    assert [(sub, place, modality) for sub, place, _, _, modality in events] == [
        ("Armed clash", None, "asserted")
    ]
    # the frames alone: no place named, no fighting (the short-report back-off is tested apart)
    assert coded("Officials are in fighting mood on Tuesday.", ranker=None) == []


def test_a_passive_agreement_on_corridors() -> None:
    events = coded("Ten humanitarian corridors had been agreed on Tuesday, the minister said.")
    assert [(e["sub_type"], e["modality"], e["date"]) for e in events] == [
        ("Agreement", "asserted", "2025-11-11")
    ]


def test_murder_of_civilians() -> None:
    assert brief("Civilians were murdered by Russian troops in Bucha on Tuesday.") == [
        ("Attack", "Bucha", "RUS.military", "CIV.civilians", "asserted")
    ]


def test_a_battle_naming_no_side_is_fought_by_the_paragraphs_sides() -> None:
    text = (
        "Russian forces attacked Ukrainian positions near Lyman on Tuesday. "
        "Fighting continued around Siversk.\n\nFighting continued around Bakhmut."
    )
    assert brief(text) == [
        ("Armed clash", "Lyman", "RUS.military", "UKR.military", "asserted"),
        ("Armed clash", "Siversk", "RUS.military", "UKR.military", "asserted"),
        ("Armed clash", "Bakhmut", None, None, "asserted"),  # another paragraph, another front
    ]


def test_a_direction_of_a_town_places_the_event_around_it() -> None:
    events = coded(
        "Russian forces continued ground and artillery attacks east of Bakhmut to cut the "
        "Bakhmut-Lysychansk highway on Tuesday."
    )
    assert [(e["place"], e["geo_precision"], e["actor1"]) for e in events] == [
        ("Bakhmut", 2, "RUS.military")  # the light verb's subject attacks, across "ground and"
    ]


def test_directions_of_two_towns_are_two_places() -> None:
    events = brief(
        "Russian troops fired artillery on settlements southeast of Izyum and west of Lyman."
    )
    assert [(sub, place) for sub, place, *_ in events] == [
        ("Shelling/artillery/missile attack", "Izyum"),
        ("Shelling/artillery/missile attack", "Lyman"),
    ]


def test_attacks_on_a_list_and_shelling_elsewhere_are_two_kinds_of_event() -> None:
    # the parser hangs "shelling" from the last town of the list; it is coordinated with
    # "attacks" and has its own ground: the attacks are ground fighting at each town
    text = (
        "Russian forces continued unsuccessful attacks against Rubizhne, Popasna and Marinka "
        "and heavy shelling along the line of contact on Tuesday."
    )
    assert [e[:3] for e in brief(text)] == [
        ("Armed clash", "Rubizhne", "RUS.military"),
        ("Armed clash", "Popasna", "RUS.military"),
        ("Armed clash", "Mar'yinka", "RUS.military"),
    ]


def test_the_city_refers_back_to_the_last_named_city() -> None:
    text = "Russian forces entered Izium on Monday. By evening they had taken control of the city."
    # the fighting for the city and its capture are one battle, coded as the capture
    assert [e[:3] for e in brief(text)] == [
        ("Non-state actor overtakes territory", "Izyum", "RUS.military"),
    ]


def test_a_city_of_its_own_is_no_anaphor() -> None:
    # "the city of X" names its place; "a city" and "the port city" refer to no earlier one
    text = "Russian forces entered Izium on Monday. They shelled a city in the south on Tuesday."
    assert [e[1] for e in brief(text)] == ["Izyum", None]


def test_the_town_after_a_village_the_gazetteer_lacks_refers_to_that_village() -> None:
    # the last town named is unknown: "the town" is that one, not the known town before it
    text = (
        "Russian troops attacked Zzyxivka, just south of Izium, on Monday. "
        "Officials could not say which parts of the town they seized."
    )
    assert "Non-state actor overtakes territory" not in [e[0] for e in brief(text)]


def test_a_where_clause_happens_at_the_place_it_describes() -> None:
    text = "Rescuers reached the town of Izium, where Russian shelling had destroyed a school."
    assert [e[:3] for e in brief(text)] == [
        ("Shelling/artillery/missile attack", "Izyum", "RUS.military")
    ]


def test_fighting_for_control_of_a_village_happens_there() -> None:
    text = "Russian forces fought for control of Syrotyne, southwest of Severodonetsk, on Tuesday."
    assert [e[:3] for e in brief(text)] == [("Armed clash", "Syrotyne", "RUS.military")]


def test_a_place_of_another_events_phrase_is_not_this_events() -> None:
    # the operations in eastern Ukraine have no map place; the Donbas ones are only an aim
    text = (
        "Russia continued offensive operations in eastern Ukraine on Tuesday as it worked to "
        "establish bases for increased offensive operations in the Donbas area."
    )
    assert [(e[0], e[1], e[4]) for e in brief(text)] == [("Armed clash", "Donbas", "hypothetical")]


def test_protesters_clashing_with_police_is_a_violent_demonstration() -> None:
    events = brief("Protesters clashed with riot police in the centre of Kharkiv on Saturday.")
    assert [(e[0], e[1], e[2]) for e in events] == [
        ("Violent demonstration", "Kharkiv", "CIV.rioters.UKR")  # ACLED: Rioters (Ukraine)
    ]


def test_a_campaign_of_strikes_is_a_strike_at_its_target() -> None:
    text = (
        "Ukrainian forces defended parts of Mariupol. Russian forces conducted an intense "
        "artillery campaign against the city."
    )
    assert [e[:3] for e in brief(text)] == [
        ("Armed clash", "Mariupol", "RUS.military"),
        ("Shelling/artillery/missile attack", "Mariupol", "RUS.military"),
    ]
    assert brief("The Kremlin launched a disinformation campaign against Kyiv.") == []


def test_the_town_is_not_the_landmark_that_located_the_last_one() -> None:
    text = (
        "Russian troops attacked Metolkine (just south of Severodonetsk) on Tuesday and "
        "seized part of the town."
    )
    assert ("Non-state actor overtakes territory", "Metolkine") in [e[:2] for e in brief(text)]


def test_a_town_that_only_says_where_is_not_the_target() -> None:
    text = (
        "Russian forces continued to fight for control of Dementiivka, north of Kharkiv, "
        "on Tuesday."
    )
    assert [e[:2] for e in brief(text)] == [("Armed clash", "Dementiivka")]


def test_attacks_toward_two_towns_are_fought_toward_each() -> None:
    text = "Ukrainian forces repelled Russian attacks from Izium toward Sloviansk and Barvinkove."
    assert [e[:3] for e in brief(text)] == [
        ("Armed clash", "Slovyansk", "RUS.military"),
        ("Armed clash", "Barvinkove", "RUS.military"),
    ]


def test_one_place_and_day_told_twice_with_its_day_is_one_event() -> None:
    # ACLED: one event per sub-type, place and day
    text = (
        "Russian forces attacked Lysychansk on Tuesday. A Ukrainian commander said on Tuesday "
        "that Russian forces were aggressively attacking Lysychansk."
    )
    assert [e[:2] for e in brief(text)] == [("Armed clash", "Lysychansk")]


def test_walking_out_in_protest_is_no_demonstration() -> None:
    text = (
        "Ministers walked out of a summit in Warsaw in protest once the Russian delegate spoke. "
        "Hundreds of people took part in protests in Lviv on Sunday."
    )
    assert [e[:2] for e in brief(text)] == [("Peaceful protest", "Lviv")]


def test_who_tells_of_a_battle_is_no_party_to_it() -> None:
    text = (
        "Ukrainian officials said on Sunday that fighting continues in Lyman, where Russian"
        " forces are trying to break the Ukrainian defenders."
    )
    assert brief(text) == [("Armed clash", "Lyman", "RUS.military", "UKR.military", "asserted")]


def test_an_incident_told_as_background_does_not_code_the_reported_one() -> None:
    # one incident at one place in one sentence; the counterattacks are why the strikes came
    text = (
        "Russian forces launched strikes on Kherson on Monday, likely in response to Ukrainian"
        " counterattacks."
    )
    assert brief(text) == [
        ("Shelling/artillery/missile attack", "Kherson", "RUS.military", "UKR.military", "asserted")
    ]


def test_fighting_for_a_place_and_taking_it_are_one_battle() -> None:
    text = (
        "Russian forces advanced into Izium on Monday. Officials said Russian troops had partial"
        " success while attacking the town, though it is unclear which areas Russian forces"
        " seized."
    )
    assert brief(text) == [
        ("Non-state actor overtakes territory", "Izyum", "RUS.military", "UKR.military", "asserted")
    ]


def test_an_assault_and_shelling_of_one_town_stay_two_incidents() -> None:
    text = "Russian forces continued ground assaults on Lyman. Russian forces continued to fire on Lyman."
    assert [event[0] for event in brief(text)] == [
        "Armed clash",
        "Shelling/artillery/missile attack",
    ]


def test_an_incident_named_in_passing_is_one_told_before() -> None:
    text = "The army is rebuilding forces damaged in the failed attack on Kyiv."
    assert [(e["sub_type"], e["place"], e["modality"]) for e in coded(text, ranker=None)] == [
        ("Armed clash", "Kyiv", "historical")
    ]


def test_an_offensive_under_way_to_seize_a_town_is_fighting_there() -> None:
    # the capture is the offensive's aim; the offensive itself is under way
    text = "Farther north, a large Russian offensive is under way to seize the town of Izium."
    assert [(e[0], e[1], e[4]) for e in brief(text)] == [("Armed clash", "Izyum", "asserted")]


def test_a_verbless_sentence_is_read_to_its_root_and_no_further() -> None:
    # spaCy's root is its own head (an equal, not the same, Token object): the climb must stop
    doc, result = analysed("Russian air strikes on Izium overnight.", "2025-11-12")
    reading = Reading(doc, result, load_lexicon(), None)
    root = next(token for token in doc if token.dep_ == "ROOT")
    assert root.pos_ == "NOUN"
    assert modality.in_background(reading, root) is False


def test_the_force_that_acts_on_protesters_is_actor2() -> None:
    # ACLED: the protesters are actor1 of a protest; the force that fired on or dispersed them,
    # named without its state, is the state's of the event's country
    assert brief("Security forces opened fire on protesters in Basra, killing three.") == [
        (
            "Excessive force against protesters",
            "Basrah",
            "CIV.protesters.IRQ",
            "IRQ.military",
            "asserted",
        )
    ]
    assert brief("Riot police dispersed the demonstrators in Basra with tear gas.") == [
        ("Protest with intervention", "Basrah", "CIV.protesters.IRQ", "IRQ.police", "asserted")
    ]


def test_an_arrest_with_no_agent_takes_the_forces_acting_in_its_sentence() -> None:
    assert brief("Two men were detained in Kherson after Russian soldiers took over the town.")[0][
        :4
    ] == ("Arrests", "Kherson", "RUS.military", None)
    # with no force named, the police of the place's state
    assert brief("Three activists were detained in Minsk on Monday.")[0][2] == "BLR.police"


def test_killing_combatants_is_a_battle_with_the_state_it_happened_to() -> None:
    # the dead are soldiers: whatever the sentence classifier reads, no attack on civilians;
    # the soldiers, named without their state, are the state's of the event's country
    assert brief("Gunmen killed three soldiers in Zamfara on Friday.") == [
        ("Armed clash", "Zamfara", "UNID.armed_group.NGA", "NGA.military", "asserted")
    ]
    # a state force named without its state killing insurgents fights them
    assert brief("The military killed 20 insurgents in Borno State on Monday.") == [
        ("Armed clash", "Borno", "NGA.military", "UNID.armed_group.NGA", "asserted")
    ]
    assert brief("Bandits killed 12 villagers in Zamfara on Friday.")[0][:4] == (
        "Attack",
        "Zamfara",
        "UNID.armed_group.NGA",
        "CIV.civilians.NGA",
    )


def test_a_states_people_in_the_plural_are_its_civilians() -> None:
    assert brief("Israeli troops arrested 15 Palestinians in raids in Hebron overnight.")[0][
        :4
    ] == ("Arrests", "Hebron", "ISR.military", "CIV.civilians.PSE")


def test_the_force_rioters_fight_is_actor2() -> None:
    assert brief("Rioters threw stones at police in Belfast on Monday.") == [
        ("Violent demonstration", "Belfast", "CIV.rioters.GBR", "GBR.police", "asserted")
    ]
    # a police station is a building: no party
    assert brief("Demonstrators torched a police station in Lagos on Monday.")[0][3] is None


def test_a_capture_of_a_place_the_gazetteer_lacks_is_still_an_event() -> None:
    # "Ceel Qoondho" is a name no gazetteer holds; "the village of" says it is a place
    assert brief("Al-Shabaab fighters captured the village of Ceel Qoondho on Monday.") == [
        ("Non-state actor overtakes territory", None, "SHABAAB.shabaab", None, "asserted")
    ]


def test_the_group_that_claims_responsibility_carried_out_the_attack() -> None:
    text = (
        "A car bomb killed five police officers in Diyarbakir on Monday. "
        "The PKK later claimed responsibility for the attack."
    )
    assert brief(text)[0][:4] == (
        "Remote explosive/landmine/IED",
        "Diyarbakır",
        "PKK.pkk",
        "TUR.police",
    )


def test_a_participle_with_its_own_object_is_the_sentences_verb() -> None:
    # the parser reads "ADF rebels killed …" as "rebels [who were] killed": an object says not
    assert brief("ADF rebels killed at least 20 civilians near Beni on Monday.")[0][:4] == (
        "Attack",
        "Beni",
        "ADF.adf",
        "CIV.civilians.COD",
    )


def test_a_possessor_division_holds_the_event_place_it_owns() -> None:
    # "Rakhine State's Maungdaw township": the township, inside the state, is where it happened
    assert brief(
        "The Arakan Army captured a military outpost in Rakhine State's Maungdaw township."
    )[0][:3] == ("Non-state actor overtakes territory", "Maungdaw District", "ARAKAN.aa")


def test_members_of_a_group_are_the_group() -> None:
    text = "Troops killed dozens of al-Shabaab fighters in Middle Shabelle on Monday."
    assert brief(text)[0][2:4] == ("SOM.military", "SHABAAB.shabaab")


def test_generic_actors_are_named_for_the_country_of_the_events_place() -> None:
    text = (
        "Insurgents killed five villagers in Mocimboa da Praia on Sunday, a year after Rwandan "
        "forces had driven insurgents out of the town."
    )
    assert brief(text)[0][2:4] == ("UNID.armed_group.MOZ", "CIV.civilians.MOZ")


def test_a_states_word_on_the_weapon_that_struck_names_who_fired_it() -> None:
    text = "An Israeli drone strike hit a car near Tyre on Tuesday, killing two Hezbollah members."
    assert brief(text)[0][2:4] == ("ISR.military", "HEZBOLLAH.hezbollah")


def test_soldiers_killed_in_an_ambush_are_whom_it_happened_to() -> None:
    text = "Seven soldiers were killed after their patrol was ambushed near Djibo on Wednesday."
    assert brief(text)[0][:4] == (
        "Armed clash",
        "Djibo",
        "UNID.armed_group.BFA",
        "BFA.military",
    )
    # militants opening fire on a checkpoint where soldiers died fought them
    text = "Three soldiers were killed after militants opened fire on a checkpoint near Kirkuk."
    assert brief(text)[0][0] == "Armed clash"
