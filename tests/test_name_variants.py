"""Spelling variants of armed groups' names (`language.name_variants`)."""

from __future__ import annotations

from fogwatch.language.name_variants import VariantIndex, content_words

INDEX = VariantIndex(
    ["Arakan Army", "Islamic State West Africa Province", "Hezbollah", "Ansar Allah"]
)


def test_content_words_drop_the_words_that_link_a_name():
    assert content_words("the Islamic State of West Africa") == (
        "islamic",
        "state",
        "west",
        "africa",
    )
    assert content_words("Harakat al-Shabaab") == ("harakat", "shabaab")


def test_one_slip_in_one_word_is_the_name():
    assert INDEX.match(content_words("Arkan Army")) == "Arakan Army"
    assert INDEX.match(content_words("Islamic State of West African Province")) == (
        "Islamic State West Africa Province"
    )


def test_exact_names_short_words_two_slips_and_one_word_names_are_not_variants():
    assert INDEX.match(content_words("Arakan Army")) is None  # the matcher finds it as it is
    assert INDEX.match(content_words("Ansar Alla")) is None  # "Allah" vs "Alla": too short a word
    assert INDEX.match(content_words("Arkn Army")) is None  # two edits in a short word
    assert INDEX.match(content_words("Arakan Navy")) is None  # a different word
    assert INDEX.match(content_words("Hezbolah")) is None  # a one-word name is never varied


def test_two_names_a_spelling_could_be_are_neither():
    index = VariantIndex(["Karen Army", "Karin Army"])
    assert index.match(content_words("Karon Army")) is None
