"""The geoparser's vocabularies, read once per process: the cue words of `data/geo_words.yaml`
(division, area and locative words, nearby and settlement phrases, person titles, names that are
no places, everyday words, feature words), the nouns of named weapons, vessels and units of
`data/named_things.yaml`, and which words are English (the spaCy model's lemma index).

Every step of the flow reads these (`article.Article.words` holds the first); this module loads
them, and holds the two word patterns `recognition` and `context` share (list coordination,
plural division words).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, cast

import yaml

from fogwatch.geo import gazetteer as gazetteer_module
from fogwatch.geo.gazetteer import FEATURE_CODE

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer

NAMED_THINGS_FILE = "named_things.yaml"
COORDINATION = frozenset({",", "and", "or", "&"})
"""The words that join the names of a list."""
PLURAL_REGION = re.compile(r"(regions|oblasts|provinces|counties|districts|states|raions)$")
"""A plural division word ("Donetsk and Luhansk regions")."""


@dataclass(frozen=True)
class Words:
    """The vocabulary of `data/geo_words.yaml`, lower-cased."""

    region: frozenset[str]
    admin1: frozenset[str]
    area: frozenset[str]
    locative: frozenset[str]
    nearby: re.Pattern[str]
    """Matches text that ends with a nearby phrase ("near", "on the outskirts of")."""
    settlement: re.Pattern[str]
    """Matches text that ends with a settlement word ("the town of", "the village")."""
    person_titles: frozenset[str]
    not_places: frozenset[str]
    common: frozenset[str]
    suffixes: frozenset[str]
    organisations: frozenset[str]
    features: dict[str, int]
    """A natural feature's word after a name ("river", "reservoir") → the feature code it cues."""
    state_forms: frozenset[str]
    """Words of a state's formal name ("republic", "federation")."""
    territory: frozenset[str]
    """Words before a formal state name that make it the territory ("in the Russian Federation")."""
    named_after: frozenset[str]
    """Nouns a place's name modifies to name a thing after it ("Nuremberg trials")."""
    shores: frozenset[str]
    """Nouns an adjective-like name may modify and still name the place ("the Baltic coast")."""
    landmarks: frozenset[str]
    """Head nouns of street, park and natural feature names ("street", "lake", "airport")."""
    site_openings: frozenset[str]
    """Words that open a street's or square's name given after a place ("Plaza", "Rue")."""


@dataclass(frozen=True)
class NamedThings:
    """The vocabulary of `data/named_things.yaml`, lower-cased."""

    heads: frozenset[str]
    """Nouns a name may modify as the name of a weapon, vessel, unit or operation."""
    vessels: frozenset[str]
    """Nouns a vessel's name follows ("the cruiser Moskva")."""


@functools.cache
def load_named_things() -> NamedThings:
    """The nouns of named weapons, vessels and units, read once per process."""
    raw = yaml.safe_load(files("fogwatch.data").joinpath(NAMED_THINGS_FILE).read_text("utf-8"))
    return NamedThings(
        heads=frozenset(str(w).lower() for w in raw["heads"]),
        vessels=frozenset(str(w).lower() for w in raw["vessels"]),
    )


@functools.cache
def load_words() -> Words:
    """The geoparser's word lists, read once per process."""
    text = files("fogwatch.data").joinpath(gazetteer_module.WORDS_FILE).read_text(encoding="utf-8")
    raw = yaml.safe_load(text)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw[key])

    def ending(phrases: frozenset[str]) -> re.Pattern[str]:
        # the phrase as whole words at the end of the text, an optional "the" after it
        alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        return re.compile(rf"(?:^|\W)(?:{alternatives})(?:\s+the)?\s*$")

    return Words(
        region=words("region_words"),
        admin1=words("admin1_words"),
        area=words("area_words"),
        locative=words("locative_words"),
        nearby=ending(words("nearby_words")),
        settlement=ending(words("settlement_words")),
        person_titles=words("person_titles"),
        not_places=words("not_places"),
        common=words("common_words"),
        suffixes=words("place_suffixes"),
        organisations=words("organisation_words"),
        features={
            str(word).lower(): FEATURE_CODE[feature]
            for feature, cue_words in raw["feature_words"].items()
            for word in cue_words
        },
        state_forms=words("state_form_words"),
        territory=words("territory_words"),
        named_after=words("named_after_words"),
        shores=words("shore_words"),
        landmarks=words("landmark_words"),
        site_openings=words("site_opening_words"),
    )


@functools.cache
def english_words(*parts: str) -> frozenset[str]:
    """English words of these parts of speech (all four by default): the spaCy model's
    lemmatizer index, WordNet's lemmas."""
    from fogwatch.language import nlp

    lemmatizer = cast("Lemmatizer", nlp.load().get_pipe("lemmatizer"))
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(word for pos in parts or ("noun", "verb", "adj", "adv") for word in index[pos])
