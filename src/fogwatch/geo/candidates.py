"""Candidate generation: the places a name may be, from the compiled gazetteer, with the base
score of each (its prior, how the name belongs to it, what the words around the name ask for).

A name is looked up under its own key and, for Ukraine, Russia and Belarus, under its spelling
skeleton too, so "Zaporizhia" finds Zaporizhzhia and "Krasnopillya" KATOTTG's "Krasnopillia"
(`lookup_names`). An unknown name in a regional article may be a misspelling of a prominent place
there ("Lugansck": `misspelling`); a given span the gazetteer lacks may name the place after its
"of", without a suffix or after a compass word ("University of Kansas", "Boryspil Airport",
"southern Kherson": `shorter_name`).
`scored` turns a recognised mention into its candidates and base scores; `placed_by_area` says
which villages only KATOTTG lists, placed at their raion's point.

Recognition calls the lookups; `context` calls `scored` when it groups the mentions; the
choice reads `placed_by_area` for geo_precision.
"""

from __future__ import annotations

import functools
import itertools
import re
from importlib.resources import files

import numpy as np
import yaml

from fogwatch.geo import gazetteer as gazetteer_module
from fogwatch.geo.gazetteer import (
    CYRILLIC_COUNTRIES,
    FEATURE_CODE,
    MATCH_PENALTY,
    Gazetteer,
    Match,
    Postings,
    demonym_key,
    normalise,
    skeleton,
    skeleton_key,
)
from fogwatch.geo.mentions import ADMIN1, SETTLEMENT, Mention
from fogwatch.geo.vocabulary import Words, english_words

MAX_CANDIDATES = 25
"""Candidates scored per name, most prominent first (a name can have hundreds)."""
SHADOWED_ALTERNATE = 1.0
"""Extra penalty of an alternate name where another place bears it as its own: a town's own
name outranks the same word as another town's historical or foreign-language name."""
DIVISION_WORD_BONUS = 2.0
SETTLEMENT_MISMATCH = -2.0
CITY_DIVISION_PENALTY = 1.5
"""For a city with a region's status where "X region" may name the province around it."""
MISSPELLING_EDITS = 2
"""At most this many edits between a misspelt name's skeleton and a prominent place's."""
MISSPELLING_MIN_PRIOR = 4.9
"""Places a misspelling may mean: ~80,000 people or more (or a division, a region)."""
REGIONS = frozenset(FEATURE_CODE[f] for f in ("admin1", "admin2", "region"))
"""What "X region" may name: a division, or a region the gazetteer knows ("Donbas region")."""
AREAS = frozenset(FEATURE_CODE[f] for f in ("country", "admin1", "admin2", "region", "continent"))
"""What a compass word may name part of ("southern Kherson")."""
NO_POSTINGS = Postings(np.empty(0, dtype=np.int32), np.empty(0, dtype=np.uint8))
"""No candidates: a name the gazetteer lacks."""
EMBEDDED_MIN_PRIOR = 5.0
"""How prominent a place embedded in a longer name must be to count when the article does not
name it by itself: ~100,000 people, or a division or country."""
_JOINING = frozenset({"of", "the", "and", "de", "des", "du", "la", "le", "at", "in", "for", "on"})
"""Words that join a longer name's parts: no embedded place starts or ends with one."""

_CYRILLIC_LETTERS = re.compile("[\u0400-\u04ff]")
_skeleton_key = functools.lru_cache(maxsize=65536)(skeleton_key)
"""`skeleton_key`, remembered: the same unknown names come back article after article."""


_PENALTY = np.asarray(MATCH_PENALTY)
"""`MATCH_PENALTY` as an array, indexed by a postings' match classes."""
_NAMES_KEPT = 100_000
"""`lookup_names` remembers this many names at most (then starts afresh), as `Gazetteer.lookup`
remembers its keys: the same names come back article after article."""
_known_names: dict[tuple[Gazetteer, str], Postings] = {}


def lookup_names(gazetteer: Gazetteer, keys: list[str]) -> dict[str, Postings]:
    """Each key's places: its own, and through the spelling skeleton those of Ukraine,
    Russia and Belarus spelled another way — for a key that found nothing, or found a place
    there ("Krasnopillya" is also KATOTTG's "Krasnopillia")."""
    found: dict[str, Postings] = {}
    new = []
    for key in keys:
        postings = _known_names.get((gazetteer, key))
        if postings is None:
            new.append(key)
        else:
            found[key] = postings
    if new:
        found.update(_looked_up(gazetteer, new))
        if len(_known_names) + len(new) > _NAMES_KEPT:
            _known_names.clear()
        _known_names.update(((gazetteer, key), found[key]) for key in new)
    return found


def _looked_up(gazetteer: Gazetteer, keys: list[str]) -> dict[str, Postings]:
    """`lookup_names` of keys it has not seen."""
    found = dict(zip(keys, gazetteer.lookup(keys), strict=True))
    cyrillic = {
        gazetteer.countries.index(c) for c in CYRILLIC_COUNTRIES if c in gazetteer.countries
    }
    spelled = [
        k
        for k in keys
        if len(k) >= 5
        and (k.isascii() or _CYRILLIC_LETTERS.search(k))
        and (
            not len(found[k].places)
            or not cyrillic.isdisjoint(gazetteer.country[found[k].places].tolist())
        )
    ]
    for key, postings in zip(
        spelled, gazetteer.lookup([_skeleton_key(k) for k in spelled]), strict=True
    ):
        found[key] = _merged(gazetteer, found[key], postings)
    return found


def _merged(gazetteer: Gazetteer, first: Postings, second: Postings) -> Postings:
    """Two postings as one: each place once with its closer match, most prominent first."""
    if not len(second.places):
        return first
    if not len(first.places):
        return second
    best: dict[int, int] = {}
    for place, match in itertools.chain(
        zip(first.places.tolist(), first.matches.tolist(), strict=True),
        zip(second.places.tolist(), second.matches.tolist(), strict=True),
    ):
        best[place] = min(match, best.get(place, match))
    ranked = sorted(best, key=lambda p: -(float(gazetteer.prior[p]) - MATCH_PENALTY[best[p]]))
    return Postings(
        np.asarray(ranked, dtype=first.places.dtype),
        np.asarray([best[p] for p in ranked], dtype=first.matches.dtype),
    )


def misspelling(gazetteer: Gazetteer, vocabulary: Words, key: str) -> tuple[int, str] | None:
    """The prominent place of Ukraine, Russia or Belarus an unknown place name misspells
    ("Kharkow", "Sevrodonetsk", "the East Donbbas region"): its spelling skeleton within
    `MISSPELLING_EDITS` edits of the place's, same first letter; the closest, then the
    most prominent."""
    words = key.split()
    while len(words) > 1 and words[-1] in vocabulary.region:
        words = words[:-1]
    while len(words) > 1 and words[0] in vocabulary.locative:
        words = words[1:]  # "East Donbbas": a compass word
    written = skeleton(" ".join(words))
    if len(written) < 5:
        return None
    limit = MISSPELLING_EDITS if len(written) >= 7 else 1
    best: tuple[int, float, int, str] | None = None
    for spelling, place, name in _prominent_spellings(gazetteer):
        if spelling[0] != written[0] or abs(len(spelling) - len(written)) > limit:
            continue
        edits = _edits(written, spelling, limit)
        rank = (edits, -float(gazetteer.prior[place]))
        if edits <= limit and (best is None or rank < (best[0], best[1])):
            best = (edits, rank[1], place, name)
    return (best[2], best[3]) if best is not None else None


@functools.cache
def _prominent_spellings(gazetteer: Gazetteer) -> list[tuple[str, int, str]]:
    """(skeleton, place, name) of the prominent places of Ukraine, Russia and Belarus — towns of
    ~80,000 people or more, first-order divisions, regions — under their primary and curated
    names: what a misspelt name in war news may mean."""
    codes = [gazetteer.countries.index(c) for c in CYRILLIC_COUNTRIES if c in gazetteer.countries]
    features = [SETTLEMENT, ADMIN1, FEATURE_CODE["region"]]
    chosen = np.flatnonzero(
        np.isin(gazetteer.country, codes)
        & np.isin(gazetteer.feature, features)
        & (gazetteer.prior >= MISSPELLING_MIN_PRIOR)
    )
    found = [(skeleton(normalise(gazetteer.name(int(i)))), int(i)) for i in chosen]
    raw = yaml.safe_load(
        files("fogwatch.data").joinpath(gazetteer_module.EXTRA_FILE).read_text("utf-8")
    )
    by_id = {int(gazetteer.geonameid[i]): int(i) for i in chosen}
    for reference, names in raw["names"].items():
        if isinstance(reference, int) and reference in by_id:
            found += [(skeleton(normalise(str(n))), by_id[reference]) for n in names]
    return [(spelling, place, gazetteer.name(place)) for spelling, place in found if spelling]


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of two strings, or `limit + 1` once it is sure to exceed `limit`."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


DEMONYM_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("an", "a"))
"""How an English adjective or people's name is formed from an area's name ("Tasmanian" from
Tasmania, "Scandinavians" from Scandinavia): the ending, and the area name's ending it
replaces."""


def demonym_place(gazetteer: Gazetteer, key: str) -> Postings:
    """An adjective or people's name the gazetteer lacks, read as the place its name is formed
    from by a regular English ending ("Tasmanian" → Tasmania, "Scandinavians" → Scandinavia):
    that name's places, ranked as any name's are."""
    for ending, area_ending in DEMONYM_ENDINGS:
        if not key.endswith(ending) or len(key) - len(ending) < 3:
            continue
        found = gazetteer.postings(key[: -len(ending)] + area_ending)
        usable = found.matches <= Match.ALTERNATE
        if usable.any():
            return Postings(found.places[usable], found.matches[usable])
    return NO_POSTINGS


def shorter_name(gazetteer: Gazetteer, vocabulary: Words, key: str) -> Postings:
    """A given name the gazetteer lacks, read as the place it names: the place after its
    last "of" ("University of Kansas"), the name without words that still mean
    the place ("Kramatorsk City", "Boryspil Airport", "Kharkiv State University"), or the area
    a compass word names part of ("southern Kherson")."""
    words = key.split()
    names: list[str] = []
    if "of" in words[:-1]:
        after = words[len(words) - words[::-1].index("of") :]
        names.append(" ".join(after[1:] if after[0] == "the" and len(after) > 1 else after))
    while len(words) > 1 and words[-1] in vocabulary.suffixes:
        words = words[:-1]
        names.append(" ".join(words))
    for name in names:
        found = gazetteer.postings(name)
        usable = found.matches <= Match.ALTERNATE
        if usable.any() and name not in vocabulary.common:
            return Postings(found.places[usable], found.matches[usable])
    words = key.split()
    while len(words) > 1 and words[0] in vocabulary.locative:
        words = words[1:]
    if len(words) < len(key.split()):
        # "southern Kherson": a compass word before an area names part of it
        found = gazetteer.postings(" ".join(words))
        areas = np.isin(gazetteer.feature[found.places], list(AREAS)) & (
            found.matches <= Match.ALTERNATE
        )
        if areas.any():
            return Postings(found.places[areas], found.matches[areas])
    return NO_POSTINGS


def embedded_place(
    gazetteer: Gazetteer, vocabulary: Words, key: str, named: frozenset[str]
) -> tuple[Postings, bool]:
    """A given name the gazetteer lacks that holds a place's name among its words, read as that
    place: an institution, a building or an event lies where the place it is named after lies
    ("Hartley College Oxford", "the Denver Boat Show"; Gritta et al. 2019's embedded toponyms).

    The place must be prominent (`EMBEDDED_MIN_PRIOR`) or named by itself elsewhere in the
    article (`named`: the article's other keys), since the person a building is named after is
    often some village's namesake; a name named elsewhere wins, then the most prominent. A single
    word must not be an everyday verb, adjective or adverb ("Bold Reserve"), and a street's
    or a river's name locates no place it holds. Failing a place, a people's adjective opening an
    institution's name (its head, before any "of", an organisation word) names its country
    ("the Peruvian Senate"). Also says whether the place was read through that adjective."""
    words = key.split()
    # keys lose their periods: "st" is the landmark word "st."
    if len(words) < 2 or any({word, word + "."} & vocabulary.landmarks for word in words):
        return NO_POSTINGS, False
    best: tuple[bool, float, Postings] | None = None
    for length in range(len(words) - 1, 0, -1):
        for start in range(len(words) - length + 1):
            window = words[start : start + length]
            name = " ".join(window)
            if window[0] in _JOINING or window[-1] in _JOINING:
                continue
            # WordNet's nouns hold place names ("montevideo"): only other parts of speech are
            # everyday words here
            if length == 1 and (
                name in english_words("verb", "adj", "adv") or name in vocabulary.common
            ):
                continue
            found = gazetteer.postings(name)
            usable = found.matches <= Match.ALTERNATE
            if not usable.any():
                continue
            prior = float(gazetteer.prior[found.places[usable]].max())
            rank = (name in named, prior)
            if (name in named or prior >= EMBEDDED_MIN_PRIOR) and (best is None or rank > best[:2]):
                best = (*rank, Postings(found.places[usable], found.matches[usable]))
    if best is not None:
        return best[2], False
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    if head in vocabulary.organisations:
        found = gazetteer.postings(demonym_key(words[0]))
        if len(found.places):
            return found, True
    return NO_POSTINGS, False


def scored(
    gazetteer: Gazetteer, vocabulary: Words, mention: Mention
) -> tuple[np.ndarray, np.ndarray]:
    """The places a mention may be and their base scores (prior, how named, construct)."""
    places = mention.postings.places[:MAX_CANDIDATES].astype(np.int64)
    matches = mention.postings.matches[: len(places)]
    features = gazetteer.feature[places]
    base = gazetteer.prior[places].astype(np.float64) - _PENALTY[matches]
    # `.value`: numpy compares an array with a plain int several times faster than with an
    # IntEnum member, and this runs for every mention
    if (matches <= Match.VARIANT.value).any():
        base = base - np.where(matches == Match.ALTERNATE.value, SHADOWED_ALTERNATE, 0.0)
    if mention.kind == "name":
        # "Rostov" alone: Rostov-on-Don, the town the "Rostovskaya" region is named after
        towns = _division_namesakes(gazetteer, places, matches)
        if (towns >= 0).any():  # most names spell no division's town
            base = np.where(towns >= 0, gazetteer.prior[places] - _PENALTY[towns], base)
    if mention.kind == "region":
        wanted = ADMIN1 if mention.region_word in vocabulary.admin1 else FEATURE_CODE["admin2"]
        # a division's bare stem ("Union" of "Union County") names it only with a generic
        # word of its own level: "Union State" is no county
        divisions = np.isin(features, list(REGIONS)) & (
            (matches != Match.STEM) | (features == wanted)
        )
        if divisions.any():
            base = base + np.where(features == wanted, DIVISION_WORD_BONUS, 0.0)
            base = base - np.where(_city_divisions(gazetteer, places), CITY_DIVISION_PENALTY, 0.0)
            return places[divisions], base[divisions]
        mention.kind = "area"  # "Kramatorsk district": no division of that name
        named = matches != Match.STEM
        places, base, features = places[named], base[named], features[named]
    if mention.kind == "abbreviation":
        keep = matches == Match.ABBREVIATION
        return places[keep], base[keep]
    if mention.feature_cue is not None:
        # a feature prior from the cue: "the Inhulets River" is no town of that name
        keep = features == mention.feature_cue
        return places[keep], base[keep]
    if mention.settlement:
        base = base + np.where(features == SETTLEMENT, 0.0, SETTLEMENT_MISMATCH)
    return places, base


def _division_namesakes(
    gazetteer: Gazetteer, places: np.ndarray, matches: np.ndarray
) -> np.ndarray:
    """For the largest town of a first-order division that a name spells ("Rostov" of
    "Rostovskaya oblast'"), when the town bears the name only as another name: the division's
    match class, which the town takes over; -1 elsewhere."""
    features = gazetteer.feature[places]
    admin1 = gazetteer.admin1[places]
    taken = np.full(len(places), -1, dtype=np.int64)
    for row in np.flatnonzero((features == ADMIN1) & (matches > Match.NAME.value)).tolist():
        towns = np.flatnonzero(
            (features == SETTLEMENT) & (admin1 == admin1[row]) & (matches == Match.ALTERNATE.value)
        )
        if len(towns) and admin1[row] >= 0:
            largest = towns[int(np.argmax(gazetteer.population[places[towns]]))]
            taken[largest] = int(matches[row])
    return taken


def _city_divisions(gazetteer: Gazetteer, places: np.ndarray) -> np.ndarray:
    """Which candidates are first-order divisions that are one city ("Kyiv", "Moscow" as
    cities with a region's status) where another first-order division of the country bears
    the name too: "the Kyiv region", "the Moscow region" name the province around the
    city. Of two such divisions, the city is the one its namesake town fills most."""
    features = gazetteer.feature[places]
    admin1 = gazetteer.admin1[places]
    towns = features == SETTLEMENT
    city_division = np.zeros(len(places), dtype=bool)
    divisions = np.flatnonzero(features == ADMIN1)
    countries = gazetteer.country[places[divisions]]
    for country in set(countries.tolist()):
        rows = divisions[countries == country]
        if len(rows) < 2:
            continue
        filled = []
        for row in rows.tolist():
            same = places[towns & (admin1 == admin1[row])]
            largest = float(gazetteer.population[same].max()) if len(same) else 0.0
            filled.append(largest / max(1.0, float(gazetteer.population[places[row]])))
        if max(filled) > 0.0:
            city_division[rows[int(np.argmax(filled))]] = True
    return city_division


def placed_by_area(gazetteer: Gazetteer, place: int) -> bool:
    """A settlement whose point is its raion's or oblast's (KATOTTG lists it, GeoNames does
    not): coded to that area, as ACLED codes a village it cannot place (precision 2)."""
    return bool(
        gazetteer.feature[place] == SETTLEMENT
        and gazetteer.geonameid[place] == 0
        and gazetteer.population[place] == 0
    )
