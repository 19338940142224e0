"""events: how a clause becomes an event — gerund subjects, defence, unknown places, retellings."""

from __future__ import annotations

from typing import Any

from test_coder import coded


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
