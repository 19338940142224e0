"""language.quantities: one short sentence per behaviour, asserting the exact Quantity records."""

from __future__ import annotations

import pytest

from fogwatch.language import nlp, quantities
from fogwatch.records import Quantity, Span
from helpers import SEED, needs_shared


def find(text: str) -> list[Quantity]:
    return quantities.find(nlp.parse_one(text))


def quantity(
    text: str, phrase: str, low: float, best: float, high: float, unit: str, hedge: str = ""
) -> Quantity:
    """The record expected for the first occurrence of `phrase` in `text`."""
    start = text.index(phrase)
    return Quantity(Span(start, start + len(phrase)), low, best, high, unit, hedge)


# --- hedges (ACLED: the most conservative reported estimate) --------------------------------------


def test_about_keeps_the_figure_as_written() -> None:
    text = "Syrskyi said Russia gathered about 150,000 troops for the offensive."
    assert find(text) == [
        quantity(text, "about 150,000 troops", 150000, 150000, 150000, "troops", "about")
    ]


def test_nearly_is_an_about_hedge() -> None:
    text = "Nearly 2,000 soldiers crossed the river."
    assert find(text) == [
        quantity(text, "Nearly 2,000 soldiers", 2000, 2000, 2000, "troops", "about")
    ]


def test_at_least_is_the_lowest_estimate() -> None:
    text = "At least 12 people were killed in the strike."
    assert find(text) == [quantity(text, "At least 12 people", 12, 12, 12, "killed", "at least")]


def test_more_than_stays_at_the_written_figure() -> None:
    text = "More than 40 people were injured."
    assert find(text) == [quantity(text, "More than 40 people", 40, 40, 40, "wounded", "more than")]


def test_or_more_after_the_number_is_at_least() -> None:
    text = "The regiment lost 12 or more tanks."
    assert find(text) == [quantity(text, "12 or more tanks", 12, 12, 12, "tanks", "at least")]


def test_up_to_is_an_upper_bound_with_a_zero_best() -> None:
    text = "Up to 180 soldiers were killed."
    assert find(text) == [quantity(text, "Up to 180 soldiers", 0, 0, 180, "killed", "up to")]


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("Between 10 and 20 drones were shot down.", "Between 10 and 20 drones", "drones"),
        ("The city was hit by 10-20 missiles.", "10-20 missiles", "missiles"),
        ("Gunners fired 10 to 20 shells an hour.", "10 to 20 shells", "shells"),
    ],
)
def test_a_range_codes_its_lower_end_as_best(text: str, phrase: str, unit: str) -> None:
    assert find(text) == [quantity(text, phrase, 10, 10, 20, unit, "between")]


def test_a_word_range() -> None:
    text = "Two or three tanks broke through."
    assert find(text) == [quantity(text, "Two or three tanks", 2, 2, 3, "tanks", "between")]


def test_only_is_kept_in_the_span_without_changing_the_value() -> None:
    text = "The town now has only about 1,200 residents."
    assert find(text) == [
        quantity(text, "only about 1,200 residents", 1200, 1200, 1200, "residents", "about")
    ]


def test_over_as_a_verb_particle_is_not_a_hedge() -> None:
    text = "Ukrainian forces took over three villages."
    assert find(text) == [quantity(text, "three villages", 3, 3, 3, "settlements")]


# --- vague numbers (ACLED: several/many/few 3 or 10, dozens 12, hundreds 100) -------------------


@pytest.mark.parametrize(
    ("text", "phrase", "values", "unit", "hedge"),
    [
        ("Several soldiers deserted.", "Several soldiers", (3, 3, 9), "troops", "several"),
        ("A few residents stayed.", "A few residents", (3, 3, 9), "residents", "a few"),
        (
            "A handful of fighters remained.",
            "A handful of fighters",
            (3, 3, 9),
            "troops",
            "a handful",
        ),
        ("Many civilians fled.", "Many civilians", (10, 10, 10), "civilians", "many"),
        ("Dozens of civilians fled.", "Dozens of civilians", (12, 12, 99), "civilians", "dozens"),
        ("Hundreds of troops massed.", "Hundreds of troops", (100, 100, 999), "troops", "hundreds"),
        (
            "Thousands of people fled.",
            "Thousands of people",
            (1000, 1000, 9999),
            "people",
            "thousands",
        ),
        ("A dozen tanks were seen.", "A dozen tanks", (12, 12, 12), "tanks", ""),
    ],
)
def test_vague_numbers_follow_acled(
    text: str, phrase: str, values: tuple[int, int, int], unit: str, hedge: str
) -> None:
    assert find(text) == [quantity(text, phrase, *values, unit, hedge)]


def test_several_hundred_is_three_hundreds() -> None:
    text = "Several hundred Russian soldiers broke through."
    assert find(text) == [
        quantity(
            text, "Several hundred Russian soldiers", 300, 300, 900, "troops", "several hundred"
        )
    ]


def test_tens_of_thousands_is_ten_thousand() -> None:
    text = "Tens of thousands of troops massed on the border."
    assert find(text) == [
        quantity(
            text, "Tens of thousands of troops", 10000, 10000, 99000, "troops", "tens of thousands"
        )
    ]


# --- how numbers are written --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("Twenty-five soldiers surrendered.", "Twenty-five soldiers", 25, "troops"),
        ("The army fired three dozen missiles.", "three dozen missiles", 36, "missiles"),
        ("Russia launched 1.5 million shells.", "1.5 million shells", 1500000, "shells"),
        ("Half a million people fled.", "Half a million people", 500000, "people"),
        (
            "Two hundred and fifty civilians left.",
            "Two hundred and fifty civilians",
            250,
            "civilians",
        ),
    ],
)
def test_written_numbers(text: str, phrase: str, value: int, unit: str) -> None:
    assert find(text) == [quantity(text, phrase, value, value, value, unit)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("About 10% is still held.", "About 10%"),
        ("About 10 percent is still held.", "About 10 percent"),
        ("About 10 per cent is still held.", "About 10 per cent"),
    ],
)
def test_percentages(text: str, phrase: str) -> None:
    assert find(text) == [quantity(text, phrase, 10, 10, 10, "percent", "about")]


def test_a_fraction_is_a_share_in_percent() -> None:
    text = "A third of the population left."
    assert find(text) == [
        quantity(text, "A third of the population", 33.33, 33.33, 33.33, "percent", "a third")
    ]


def test_half_of_is_fifty_percent() -> None:
    text = "Half of the residents fled."
    assert find(text) == [quantity(text, "Half of the residents", 50, 50, 50, "percent", "half")]


def test_a_hedged_fraction() -> None:
    text = "More than two-thirds of the territory is mined."
    assert find(text) == [
        quantity(
            text,
            "More than two-thirds of the territory",
            66.67,
            66.67,
            66.67,
            "percent",
            "more than two thirds",
        )
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The front moved 10 kilometres in a week.", "10 kilometres", 10, "km"),
        ("Shelling reached a village 12km away.", "12km", 12, "km"),
        ("The depot is 5 miles from the border.", "5 miles", 5, "mi"),
        ("Troops advanced 300 metres.", "300 metres", 300, "m"),
        ("Russia seized 10 square kilometres.", "10 square kilometres", 10, "km2"),
    ],
)
def test_distances_keep_the_number_as_written(
    text: str, phrase: str, value: int, unit: str
) -> None:
    assert find(text) == [quantity(text, phrase, value, value, value, unit)]


# --- casualties come from the verb --------------------------------------------------------------


def test_killing_and_wounding_in_one_clause() -> None:
    text = "The attack, killing three civilians and wounding 17, was condemned."
    assert find(text) == [
        quantity(text, "three civilians", 3, 3, 3, "killed"),
        quantity(text, "17", 17, 17, 17, "wounded"),
    ]


def test_left_dead_and_injured() -> None:
    text = "The shelling left 5 dead and 20 injured."
    assert find(text) == [
        quantity(text, "5 dead", 5, 5, 5, "killed"),
        quantity(text, "20 injured", 20, 20, 20, "wounded"),
    ]


def test_people_who_died_were_killed() -> None:
    text = "Two people died."
    assert find(text) == [quantity(text, "Two people", 2, 2, 2, "killed")]


def test_the_killed_are_counted_not_the_civilians() -> None:
    text = "12 civilians were killed near Kherson."
    assert find(text) == [quantity(text, "12 civilians", 12, 12, 12, "killed")]


def test_captured_soldiers() -> None:
    text = "Russian forces captured 40 Ukrainian soldiers."
    assert find(text) == [quantity(text, "40 Ukrainian soldiers", 40, 40, 40, "captured")]


def test_taken_prisoner_is_captured() -> None:
    text = "Two of the soldiers were taken prisoner."
    assert find(text) == [quantity(text, "Two of the soldiers", 2, 2, 2, "captured")]


def test_missing_people() -> None:
    text = "Twelve people are missing."
    assert find(text) == [quantity(text, "Twelve people", 12, 12, 12, "missing")]


def test_children_including_among_the_injured() -> None:
    text = "More than 40 people were injured, including three children."
    assert find(text) == [
        quantity(text, "More than 40 people", 40, 40, 40, "wounded", "more than"),
        quantity(text, "three children", 3, 3, 3, "wounded"),
    ]


def test_the_agent_of_a_killing_is_not_killed() -> None:
    text = "12 soldiers killed three civilians."
    assert find(text) == [
        quantity(text, "12 soldiers", 12, 12, 12, "troops"),
        quantity(text, "three civilians", 3, 3, 3, "killed"),
    ]


def test_killed_injured_or_captured_together_are_casualties() -> None:
    text = "The offensive killed, injured or captured 5,000 Russian troops."
    assert find(text) == [quantity(text, "5,000 Russian troops", 5000, 5000, 5000, "casualties")]


def test_a_death_toll() -> None:
    text = "The death toll rose to 12."
    assert find(text) == [quantity(text, "12", 12, 12, 12, "killed")]


def test_a_year_like_casualty_count_is_a_count() -> None:
    text = "The strike, killing 1,783 people, shocked the world."
    assert find(text) == [quantity(text, "1,783 people", 1783, 1783, 1783, "killed")]


def test_quantities_come_in_text_order() -> None:
    text = "Russia fired 12 Shahed-136 drones and two Kh-101 missiles; 3 people were wounded."
    assert find(text) == [
        quantity(text, "12 Shahed-136 drones", 12, 12, 12, "drones"),
        quantity(text, "two Kh-101 missiles", 2, 2, 2, "missiles"),
        quantity(text, "3 people", 3, 3, 3, "wounded"),
    ]


# --- things that are not counts -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022, eight years after the 2014 annexation.",
        "Fighting has raged since February 2022.",
        "The last round took place July 23 and lasted only 40 minutes.",
        "The 3rd Assault Brigade and the 47th Brigade held the line.",
        "Kyiv asked for Su-34 jets, HIMARS, S-300 systems and F-16s.",
        "Crews repaired T-72 tanks.",
        "The US approved $50 million in aid.",
        "Zaporizhzhia is one of several areas Russia wants.",
        "Zelenskyy's 10-point plan was discussed.",
        "A 12-year-old boy was hurt.",
        "Call 0800 123 456 or see page 12.",
        "Fighting in the first half of 2023 was fierce.",
        "A four-storey building burned.",
        "Strikes hit three diesel fuel tanks.",
        "Nato will field 100,000 tier 1 troops.",
    ],
)
def test_not_a_count(text: str) -> None:
    assert find(text) == []


def test_every_record_is_ordered_low_best_high() -> None:
    text = "Up to 30 drones, several hundred troops and 10-20 missiles were reported."
    for found in find(text):
        assert found.low <= found.best <= found.high


@needs_shared
def test_seed_article_quantities() -> None:
    body = SEED.read_text(encoding="utf-8").split(maxsplit=2)[2]
    doc = nlp.parse_one(body)
    found = [
        (q.span.of(body), q.low, q.best, q.high, q.unit, q.hedge) for q in quantities.find(doc)
    ]
    assert found == [
        ("three villages", 3, 3, 3, "settlements", ""),
        ("Several hundred Russian soldiers", 300, 300, 900, "troops", "several hundred"),
        ("about 60,000 people", 60000, 60000, 60000, "people", "about"),
        ("only about 1,200 residents", 1200, 1200, 1200, "residents", "about"),
        ("only about 10%", 10, 10, 10, "percent", "about"),
        ("about 150,000 troops", 150000, 150000, 150000, "troops", "about"),
    ]
