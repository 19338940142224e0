"""events.taxonomy: ACLED's types and hierarchy, inter and interaction codes, CASE 2021 label codes."""

from __future__ import annotations

import pytest

from fogwatch.events import taxonomy


def test_counts_of_the_acled_taxonomy_and_the_case_extras() -> None:
    assert taxonomy.DISORDER_TYPES == (
        "Political violence",
        "Demonstrations",
        "Strategic developments",
    )
    assert taxonomy.EVENT_TYPES == (
        "Battles",
        "Protests",
        "Riots",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Strategic developments",
    )
    assert len(taxonomy.SUB_EVENT_TYPES) == 25
    assert [sub.hierarchy_rank for sub in taxonomy.SUB_EVENT_TYPES] == list(range(1, 26))
    assert taxonomy.EXTRA_LABELS == (
        "Organized crime",
        "Natural disaster",
        "Man-made disaster",
        "Diplomatic event",
        "Attribution of responsibility",
    )
    assert len(set(taxonomy.ALL_LABELS)) == 30
    assert taxonomy.ALL_LABELS[:3] == (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    )
    assert taxonomy.ALL_LABELS[24] == "Other"


def test_every_sub_event_type_sits_under_a_known_event_and_disorder_type() -> None:
    for sub in taxonomy.SUB_EVENT_TYPES:
        assert sub.event_type in taxonomy.EVENT_TYPES
        assert set(sub.disorder_type.split("; ")) <= set(taxonomy.DISORDER_TYPES)


def test_sub_event_types_that_cross_disorder_types() -> None:
    excessive = taxonomy.sub_event_type("Excessive force against protesters")
    assert (excessive.event_type, excessive.disorder_type) == (
        "Protests",
        "Political violence; Demonstrations",
    )
    mob = taxonomy.sub_event_type("Mob violence")
    assert (mob.event_type, mob.disorder_type, mob.hierarchy_rank) == (
        "Riots",
        "Political violence",
        8,
    )
    with pytest.raises(ValueError, match="not an ACLED sub-event type"):
        taxonomy.sub_event_type("Organized crime")


def test_case_codes_map_both_ways() -> None:
    assert taxonomy.label_for_code("ART_MISS_ATTACK") == "Shelling/artillery/missile attack"
    assert taxonomy.label_for_code("OTHER") == "Other"
    assert taxonomy.label_for_code("DIPLO") == "Diplomatic event"
    assert taxonomy.code_for_label("Arrests") == "ARREST"
    assert taxonomy.code_for_label("Man-made disaster") == "MAN_MADE_DISASTER"
    for label in taxonomy.ALL_LABELS:
        assert taxonomy.label_for_code(taxonomy.code_for_label(label)) == label
    with pytest.raises(ValueError, match="not a CASE 2021 event type code"):
        taxonomy.label_for_code("RIOT")
    with pytest.raises(ValueError, match="not a fogwatch event label"):
        taxonomy.code_for_label("Riot")


def test_only_the_25_sub_event_types_are_acled() -> None:
    assert taxonomy.is_acled("Other")
    assert taxonomy.is_acled("Grenade")
    assert not taxonomy.is_acled("Organized crime")
    assert not taxonomy.is_acled("Attribution of responsibility")
    assert sum(map(taxonomy.is_acled, taxonomy.ALL_LABELS)) == 25


def test_highest_sub_event_type_wins_a_merge() -> None:
    assert taxonomy.highest(["Attack", "Armed clash"]) == "Armed clash"
    assert taxonomy.highest(["Mob violence", "Peaceful protest", "Grenade"]) == "Peaceful protest"
    assert taxonomy.highest(["Arrests"]) == "Arrests"
    with pytest.raises(ValueError, match="no sub-event types"):
        taxonomy.highest([])


def test_inter_codes() -> None:
    assert sorted(taxonomy.INTER_CODES) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert taxonomy.INTER_CODES[1] == "State forces"
    assert taxonomy.INTER_CODES[7] == "Civilians"


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 3, 13), (3, 1, 13), (1, None, 10), (2, 0, 20), (7, 7, 77), (8, 2, 28), (6, 1, 16)],
)
def test_interaction_is_the_sorted_concatenation(
    inter1: int, inter2: int | None, expected: int
) -> None:
    assert taxonomy.interaction(inter1, inter2) == expected


def test_interaction_rejects_unknown_inter_codes() -> None:
    with pytest.raises(ValueError, match="inter code 9"):
        taxonomy.interaction(9, 1)
    with pytest.raises(ValueError, match="inter code 0"):
        taxonomy.interaction(0, 1)
    with pytest.raises(ValueError, match="inter code 12"):
        taxonomy.interaction(1, 12)
