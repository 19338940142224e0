"""Place mentions in a parsed article: recognised against the gazetteer, resolved in context.

Recognition reads the article once. Every capitalised run of up to seven tokens is normalised
and looked up in the compiled gazetteer in one batch (plus a romanisation-skeleton lookup for
the runs that found nothing, so "Zaporizhia" finds Zaporizhzhia); the longest match wins. Then
the words around each match decide what it is:

- "Donetsk province", "the Kursk region", "Laurel County", "Donetsk and Luhansk regions": a
  division (ACLED geo_precision 3); "Kramatorsk district", where no division has the name: the
  town's area (geo_precision 2);
- "Springfield, Ill.": the abbreviation names the state, and the state is the town's parent, as
  are "Pokrovsk in Donetsk province", "Kherson, Ukraine" and "Dobropillia (Donetsk oblast)";
- "near X", "on the outskirts of X", "the X direction": the town's area (geo_precision 2);
- not a place: a match inside a longer PERSON entity ("Paris Hilton", "Jack London"), after a
  title ("Gen.", "Mr."), a person the actor registry knows ("Syrskyi"), the surname of a person
  named earlier, a date ("May 2023"), a small namesake inside a longer name ("Mad Max"), months
  and institutions, and everyday words ("Most", "Reading") read as common words;
- a country or capital that acts ("Moscow said", "urged Kyiv") is a `metonym`; a place inside a
  longer name ("Kyiv Post", "Dallas Mavericks") a `modifier`; "Russian", "Ukrainians" a
  `demonym` (its country, no geo_precision); the rest are `location`s.

spaCy GPE and LOC entities the gazetteer lacks are kept, unresolved.

Resolution treats every mention of one name as one decision (one sense per article) and scores
its candidates: the gazetteer's prior (population, feature, how the name belongs to the place),
an explicit parent, and agreement with the other names' candidates — same country, same
first-order division, close by — where another name may "move" to a less prominent candidate
at a cost, so "Georgia" and "Gainesville" settle together on the US state and its town. Three
rounds let choices inform each other. A small candidate far from a regional article's places is
taken for the namesake of a village the gazetteer lacks: the mention is coded to that region
(geo_precision 3), or left unresolved — never to a namesake elsewhere.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import yaml

from fogwatch.geo import gazetteer as gazetteer_module
from fogwatch.geo.gazetteer import (
    AREA_FEATURES,
    FEATURE_CODE,
    MATCH_PENALTY,
    Gazetteer,
    Match,
    Postings,
    demonym_key,
    normalise,
    skeleton_key,
)
from fogwatch.language import actors
from fogwatch.records import ActorMention, GeoPrecision, Place, PlaceMention, Span

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc, Token

NAMED_THINGS_FILE = "named_things.yaml"
MAX_NAME_TOKENS = 7
MAX_CANDIDATES = 25
"""Candidates scored per name, most prominent first (a name can have hundreds)."""
ROUNDS = 3

# Score weights, in the prior's units (log10 population).
PARENT_BONUS = 4.0
PARENT_MISMATCH = -2.5
COUNTRY_BONUS = 1.0
ADMIN1_BONUS = 1.5
SIBLING_BONUS = 1.0
"""Divisions of one country named together ("Alaska, Hawaii and Washington") are states."""
NEARBY_BONUS = 1.4
NEARBY_KM = 150.0
SATURATION = 2.0
"""How fast agreement saturates: one supporting name gives 1 - e^-2 = 86% of a bonus."""
SHADOWED_ALTERNATE = 1.0
"""Extra penalty of an alternate name where another place bears it as its own ("Berea" is a
Kentucky town before it is Aleppo's ancient name)."""
MOVE_COST = 0.6
"""What it costs another name to move to a less prominent candidate, per unit of score lost."""
DIVISION_WORD_BONUS = 2.0
SETTLEMENT_MISMATCH = -2.0
DEMONYM_WEIGHT = 0.5
STRONG_PRIOR = 5.5
"""A prior this high (a town of ~300,000, a country, a state) is a place even where spaCy saw a
person or a demonym."""
SMALL_PRIOR = 4.7
"""A place this small (~50,000 people) named like an English word ("Vice", "Chopin") needs a
place word before it or spaCy's GPE/LOC label to be read as a place."""
# A candidate this small and this far from a regional article's places is taken for a
# namesake of a village the gazetteer lacks.
NAMESAKE_MAX_PRIOR = 4.0
NAMESAKE_MIN_KM = 250.0
NAMED_INSIDE_PRIOR = 4.0
"""Inside a longer name ("Mad Max", "Beverly Hills Police Department"), a one-word match needs
a town of ~10,000 people or more."""
ABSTAIN_BELOW = 0.2
"""In `find`, a name whose best candidate has less probability than this stays unresolved."""

_PERSON_ENTS = frozenset({"PERSON"})
_NUMBER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NAME_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC", "NORP"})
_MODIFIER_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_TITLE_ENTS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_INSIDE_NAME = frozenset({"-", "'", "’", "&", "."})
_POSSESSIVE = frozenset({"'s", "’s", "‘s", "'", "’"})
_COORDINATION = frozenset({",", "and", "or", "&"})
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "—", "–", "-", ":"})
_FOOTNOTE = re.compile(r"\.?\[\d*\]?$")
_PLURAL_REGION = re.compile(r"(regions|oblasts|provinces|counties|districts|states|raions)$")
_REGIONS = frozenset(FEATURE_CODE[f] for f in ("admin1", "admin2", "region"))
"""What "X region" may name: a division, or a region the gazetteer knows ("Donbas region")."""
_POINTS = frozenset(
    FEATURE_CODE[f] for f in ("populated place", "district", "facility", "admin2", "island")
)
_COUNTRY = FEATURE_CODE["country"]
_RANK = {FEATURE_CODE["country"]: 3, FEATURE_CODE["admin1"]: 2, FEATURE_CODE["admin2"]: 1}
"""How large a feature is, for parents: a country holds divisions, a division holds towns."""
_ADMIN1 = FEATURE_CODE["admin1"]
_SETTLEMENT = FEATURE_CODE["populated place"]
_EARTH_KM = 6371.0088


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
    )


@dataclass(eq=False)
class _Mention:
    """A place mention being read: its tokens, what kind of name it is, then its place."""

    start: int
    end: int
    key: str
    postings: Postings
    kind: str = "name"
    """name | region | area | abbreviation | demonym | entity"""
    role: str = "location"
    region_word: str | None = None
    nearby: bool = False
    settlement: bool = False
    doubtful: bool = False
    """spaCy read a person or organisation here and no word around says place: kept only if
    the article's other places agree with it."""
    parent: _Mention | None = None
    group: _Group | None = None
    choice: int | None = None
    probability: float = 0.0
    precision: GeoPrecision | None = None
    reason: str = ""


@dataclass(eq=False)
class _Group:
    """All mentions of one name read one way: one decision for the article."""

    kind: str
    key: str
    mentions: list[_Mention]
    candidates: np.ndarray
    base: np.ndarray
    weight: float
    offset: int = 0
    scores: np.ndarray = field(default_factory=lambda: np.empty(0))


# ─── public API ───────────────────────────────────────────────────────────────────────────────


def find(
    doc: Doc,
    gazetteer: Gazetteer | None = None,
    actor_mentions: Sequence[ActorMention] | None = None,
) -> list[PlaceMention]:
    """Place mentions in text order, resolved in document context, each with its reason.

    `actor_mentions` are `actors.find(doc)` when the caller has them already (else found here).
    """
    reader = _Reader(doc, gazetteer or gazetteer_module.load(), actor_mentions)
    reader.recognise()
    reader.resolve(guess=False)
    return [
        reader.record(mention, reader.span(mention))
        for mention in reader.mentions
        if mention.kind != "dropped"
    ]


def resolve(
    doc: Doc, spans: Sequence[Span], gazetteer: Gazetteer | None = None
) -> list[PlaceMention]:
    """Resolution given known toponym spans (for evaluation): one PlaceMention per span; place
    None when abstaining.

    Every span is taken to be a place, so a name the gazetteer lacks is coded to the article's
    focus (its main town at geo_precision 2, else its region or country at 3) rather than left
    out, and a demonym ("Russian") resolves to its country.
    """
    reader = _Reader(doc, gazetteer or gazetteer_module.load())
    mentions = reader.from_spans(spans)
    reader.resolve(guess=True)
    return [reader.record(mention, span) for mention, span in zip(mentions, spans, strict=True)]


# ─── reading one article ──────────────────────────────────────────────────────────────────────


class _Reader:
    def __init__(
        self,
        doc: Doc,
        gazetteer: Gazetteer,
        actor_mentions: Sequence[ActorMention] | None = None,
    ) -> None:
        self.doc = doc
        self.tokens = list(doc)
        """The doc's tokens, made once: indexing a Doc builds a new Token every time."""
        self.text = doc.text
        self.gazetteer = gazetteer
        self.words = load_words()
        self.mentions: list[_Mention] = []
        self.groups: list[_Group] = []
        self.entity = _entity_map(doc)
        self.sentence = _sentence_ids(self.tokens)
        self.paragraph = _paragraph_ids(self.tokens)
        self.actor_mentions = actors.find(doc) if actor_mentions is None else actor_mentions
        self.person_spans = self._person_spans()
        self.in_person = {i for begin, finish in self.person_spans for i in range(begin, finish)}
        """Token indices inside a person's name, so an overlap test is a set lookup."""
        self.people = self._person_words()
        self.registry = actors.load_registry()
        self.named_things = load_named_things()
        self.actor_names = self._actor_names()
        """Token index → (start, end) of the actor name or role phrase covering it."""

    # ── recognition ──

    def recognise(self) -> None:
        """Gazetteer matches and demonyms, longest first, then unmatched GPE/LOC entities."""
        doc = self.tokens
        runs = self._runs()
        names = self._lookup_names(sorted({key for _, _, key in runs}))
        by_start: dict[int, list[tuple[int, str]]] = {}
        for start, end, key in runs:
            by_start.setdefault(start, []).append((end, key))
        demonyms = self._demonym_matches()
        index = 0
        while index < len(doc):
            mention = None
            for end, key in sorted(by_start.get(index, []), reverse=True):
                if len(names[key].places):
                    mention = self._accept(index, end, key, names[key])
                    if mention is not None:
                        break
            demonym = demonyms.get(index)
            if demonym is not None and (mention is None or self._demonym_wins(mention, demonym)):
                mention = demonym
            if mention is None:
                index += 1
                continue
            self.mentions.append(mention)
            index = mention.end
        self._coordinated_regions()
        self._parents()
        self._entities()
        self._roles()
        self.mentions.sort(key=lambda m: m.start)

    def _lookup_names(self, keys: list[str]) -> dict[str, Postings]:
        found = dict(zip(keys, self.gazetteer.lookup(keys), strict=True))
        missing = [k for k in keys if not len(found[k].places) and len(k) >= 5 and k.isascii()]
        for key, postings in zip(
            missing, self.gazetteer.lookup([_skeleton_key(k) for k in missing]), strict=True
        ):
            found[key] = postings
        return found

    def _runs(self) -> list[tuple[int, int, str]]:
        """Every token run that could be a name, (start, end, key): it starts with a capital,
        and ends with one or, from two words on, with any word ("the Baltic states")."""
        doc = self.tokens
        # Each token's facts once: a run starting at every capital re-reads the tokens after it.
        capitalised = [_capitalised(token) for token in doc]
        text_end = [_text_end(token) for token in doc]
        runs = []
        for start, token in enumerate(doc):
            if not capitalised[start] or token.lower_ == "the":
                continue
            end = start
            while end < len(doc) and end - start < MAX_NAME_TOKENS:
                current = doc[end]
                if end > start and (current.is_sent_start or not _inside_name(current)):
                    break
                end += 1
                if capitalised[end - 1] or (end - start > 1 and current.is_alpha):
                    key = normalise(self.text[token.idx : text_end[end - 1]])
                    if key:
                        runs.append((start, end, key))
                if text_end[end - 1] < current.idx + len(current.text):
                    break  # "Kyiv.[12": a footnote mark ends the name
        return runs

    def _demonym_matches(self) -> dict[int, _Mention]:
        """ "Russian", "Ukrainians", "South Korean" by start token."""
        doc = self.tokens
        spans: list[tuple[int, int, str]] = []
        for index, token in enumerate(doc):
            if not token.is_title or not token.is_alpha or token.lower_ == "the":
                continue
            spans.append((index, index + 1, demonym_key(token.text)))
            following = doc[index + 1] if index + 1 < len(doc) else None
            if following is not None and following.is_title and following.is_alpha:
                pair = self.text[token.idx : following.idx + len(following.text)]
                spans.append((index, index + 2, demonym_key(pair)))
        found: dict[int, _Mention] = {}
        for (start, end, key), postings in zip(
            spans, self.gazetteer.lookup([key for _, _, key in spans]), strict=True
        ):
            if not len(postings.places) or doc[start].text in self.people:
                continue
            if self._in_person(start, end) or self._in_actor_name(start, end) in ("name", "part"):
                continue  # "European Union": a word of an actor's name, not a people
            held = found.get(start)
            if held is None or held.end < end:
                found[start] = _Mention(start, end, key, postings, kind="demonym", role="demonym")
        return found

    def _demonym_wins(self, name: _Mention, demonym: _Mention) -> bool:
        """ "Canadian" is the people of Canada, not Canadian, Texas — unless the town is large."""
        if demonym.end > name.end:
            return True
        if demonym.end < name.end:
            return False
        entity = self.entity.get(name.start)
        if entity is not None and entity[2] == "NORP":
            return True
        top = int(name.postings.places[0])
        return float(self.gazetteer.prior[top]) < STRONG_PRIOR

    def _accept(self, start: int, end: int, key: str, postings: Postings) -> _Mention | None:
        """The mention a gazetteer match makes here, or None when the words say it is no place."""
        doc = self.tokens
        words = self.words
        region_word = self._region_word(end)
        after_comma = self._after_place_comma(start)
        usable = postings.matches <= Match.ALTERNATE
        if region_word is not None:
            usable |= postings.matches == Match.STEM
        if after_comma:
            usable |= postings.matches == Match.ABBREVIATION
        if not usable.any():
            return None
        postings = Postings(postings.places[usable], postings.matches[usable])
        first = doc[start]
        single = end - start == 1
        locative = start > 0 and doc[start - 1].lower_ in words.locative
        strong = self._strong(postings)
        entity = self.entity.get(start)
        place_entity = entity is not None and entity[2] in _PLACE_ENTS
        if single and (key in words.not_places or key in words.person_titles):
            return None
        if (
            single
            and len(first.text) <= 5
            and not _short_name_ok(first, postings, after_comma, self.gazetteer)
        ):
            return None
        top = int(postings.places[0])
        small = float(self.gazetteer.prior[top]) < SMALL_PRIOR
        division = self.gazetteer.feature[top] in (_ADMIN1, FEATURE_CODE["admin2"])
        if single and not (locative or place_entity):
            if small and key in _english_words():
                return None  # "Vice-President", "Chopin": a small town named like a word
            if division and (key in _english_words("adj", "adv") or key in words.common):
                return None  # "the Centre", "Western": a division named by a description
        if (
            single
            and key in words.common
            and not locative
            and (self._sentence_initial(start) or first.pos_ != "PROPN")
        ):
            return None  # "Most of them", "Reading the report"
        if start > 0 and doc[start - 1].lower_.rstrip(".") in words.person_titles:
            return None  # "Gen. Paris", "Mr. London"
        if self._in_person(start, end):
            return None
        if entity is not None:
            ent_start, ent_end, label = entity
            longer = ent_start < start or ent_end > end
            if label in _NUMBER_ENTS:
                return None  # "May 2023"
            if label in _TITLE_ENTS and longer and not strong:
                return None  # "St. Patrick's Day", "Mad Max": inside the name of a day or a work
            if label in _NAME_ENTS and longer and not strong:
                top = int(postings.places[0])
                if single and float(self.gazetteer.prior[top]) < NAMED_INSIDE_PRIOR:
                    return None  # a small namesake inside a longer name
            if label in _PERSON_ENTS and longer:
                return None  # "Jack London"
            if self._person_named_like(start, end, entity):
                return None  # "Paris Hilton", read by spaCy as an organisation
        elif single and first.pos_ not in ("PROPN", "NOUN", "X") and not (locative or strong):
            return None
        if single and first.text in self.people and not (locative or self._may_act(postings)):
            return None  # a person named in the article
        in_actor = self._in_actor_name(start, end)
        if in_actor == "name":
            return None  # "Hamas", "the EU", "the Azov battalion": an actor's own name
        if single and self._names_a_thing(start, strong or place_entity):
            return None  # "Iskander missiles", "the cruiser Moskva": a weapon's or vessel's name
        if single and not strong and key in _english_words() and self._inside_longer_name(start):
            return None  # "Rapid Support Forces", "Eastern Axis": a word of a longer name
        if (
            single
            and (postings.matches >= Match.ALTERNATE).all()
            and entity is not None
            and entity[2] in _NAME_ENTS | _PERSON_ENTS
            and not (locative or self._settlement(start))
        ):
            return None  # "Google" (once Topeka's name), "Hamas" (Hamm's): an organisation
        mention = _Mention(start, end, key, postings)
        if in_actor == "qualifier":
            mention.role = "metonym"  # "Kremlin spokesman", "Ukraine's military"
        elif in_actor == "part":
            mention.role = "modifier"  # "Gaza health ministry": a place inside an actor's name
        if region_word is not None:
            mention.kind, mention.region_word, mention.end = "region", region_word, end + 1
        elif after_comma and (postings.matches == Match.ABBREVIATION).all():
            mention.kind = "abbreviation"
        mention.nearby = self._nearby(start, mention.end)
        mention.settlement = self._settlement(start)
        mention.doubtful = (
            single
            and small
            and region_word is None
            and entity is not None
            and entity[2] in ("PERSON", "ORG")
            and not (locative or mention.nearby or mention.settlement or self._may_act(postings))
        )
        return mention

    def _actor_names(self) -> dict[int, tuple[int, int]]:
        """Token ranges of actor names and role phrases ("Rapid Support Forces", "Kremlin
        spokesman", "Hamas fighters"): not of metonyms ("Moscow said") nor people, which are
        read elsewhere."""
        found: dict[int, tuple[int, int]] = {}
        for mention in self.actor_mentions:
            if mention.role in ("metonym", "person", "pronoun"):
                continue
            span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is not None:
                for index in range(span.start, span.end):
                    found[index] = (span.start, span.end)
        return found

    def _in_actor_name(self, start: int, end: int) -> str | None:
        """How a match lies inside an actor mention: "name" when its words are an actor's
        alias ("Hamas", "EU"); "qualifier" when they stand for a polity that qualifies a role
        ("Kremlin spokesman", "Sudan's army"); "part" inside a longer name ("Gaza health
        ministry"); None outside every actor mention."""
        if not any(index in self.actor_names for index in range(start, end)):
            return None
        text = self.text[self.tokens[start].idx : _text_end(self.tokens[end - 1])]
        entry = self.registry.entries.get(text)
        if entry is None:
            return "part"
        if entry.polity is not None or entry.metonym_of is not None or entry.seat_of is not None:
            return "qualifier"
        if entry.actor is not None and not entry.blocked:
            return "name"
        return "part"

    def _names_a_thing(self, index: int, strong: bool) -> bool:
        """Whether a one-word name follows a vessel noun ("the cruiser Moskva") or, unless it
        is a large place or read as one, modifies a weapon, vessel or unit noun ("Iskander
        missiles", "Bazalt anti-ship missiles")."""
        token = self.tokens[index]
        before = self.tokens[index - 1] if index > 0 else None
        if before is not None and before.lower_ in self.named_things.vessels:
            return True
        head = token.head
        return (
            not strong
            and token.dep_ in ("compound", "nmod", "amod", "npadvmod")
            and head.i > token.i
            and head.lower_ in self.named_things.heads
            and head.dep_ != "compound"
        )

    def _inside_longer_name(self, index: int) -> bool:
        """Whether a word stands inside a run of capitalised words that name something else:
        a capitalised proper noun right before it ("Eastern Axis") or a capitalised word right
        after it that is no division or area word ("Rapid Support Forces")."""
        tokens = self.tokens
        before = tokens[index - 1] if index > 0 else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            before is not None
            and before.is_alpha
            and before.is_title
            and (before.pos_ == "PROPN" or not before.is_sent_start)
            and before.lower_ not in self.words.person_titles
        ):
            return True
        return (
            after is not None
            and after.is_alpha
            and after.is_title
            and not after.is_sent_start
            and after.lower_ not in self.words.region
            and after.lower_ not in self.words.area
        )

    def _person_named_like(self, start: int, end: int, entity: tuple[int, int, str]) -> bool:
        """A place and one more proper noun make one two-word name that is not an organisation's
        ("Paris Hilton", not "Kyiv Post", "Dallas Mavericks")."""
        ent_start, ent_end, label = entity
        if label not in ("ORG", "PERSON") or ent_start != start or ent_end != end + 1:
            return False
        last = self.tokens[end]
        return (
            last.pos_ == "PROPN"
            and last.is_title
            and not last.lower_.endswith("s")
            and last.lower_ not in self.words.organisations
        )

    def _speaks(self, token: Token) -> bool:
        """Whether a single name is the subject of a reporting verb ("Guhdar said")."""
        head = token.head
        return token.dep_ == "nsubj" and head.lemma_.lower() in self._reporting_verbs

    @functools.cached_property
    def _reporting_verbs(self) -> frozenset[str]:
        return actors.load_registry().reporting_verbs

    def _strong(self, postings: Postings) -> bool:
        """A country, a first-order division or a large town."""
        top = int(postings.places[0])
        return bool(
            self.gazetteer.feature[top] in (_COUNTRY, _ADMIN1)
            or float(self.gazetteer.prior[top]) >= STRONG_PRIOR
        )

    def _sentence_initial(self, start: int) -> bool:
        token = self.tokens[start]
        return token.is_sent_start or (start > 0 and self.tokens[start - 1].text in _OPENERS)

    def _in_person(self, start: int, end: int) -> bool:
        return not self.in_person.isdisjoint(range(start, end))

    def _region_word(self, end: int) -> str | None:
        """The generic division word right after a name ("region", "Oblast", "County")."""
        if end >= len(self.tokens):
            return None
        word = self.tokens[end].lower_
        return word if word in self.words.region else None

    def _after_place_comma(self, start: int) -> bool:
        """Whether a place and a comma come right before `start` ("Springfield, Ill.")."""
        if start < 2 or self.tokens[start - 1].text != ",":
            return False
        return bool(self.mentions) and self.mentions[-1].end == start - 1

    def _before(self, start: int, width: int) -> str:
        begin = self.tokens[start].idx if start < len(self.tokens) else len(self.text)
        return self.text[max(0, begin - width) : begin].lower()

    def _nearby(self, start: int, end: int) -> bool:
        before = self._before(start, 40)
        if self.words.nearby.search(before):
            return True
        return end < len(self.tokens) and self.tokens[end].lower_ in self.words.area

    def _settlement(self, start: int) -> bool:
        before = self._before(start, 30)
        return self.words.settlement.search(before) is not None

    def _person_spans(self) -> list[tuple[int, int]]:
        """Token ranges of people the actor registry found ("Oleksandr Syrskyi")."""
        spans = []
        for mention in self.actor_mentions:
            name = mention.person
            # a named individual, not a role phrase ("Russian diplomat", "US serviceman")
            if mention.role != "person" or name is None or mention.span.of(self.text) not in name:
                continue
            span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is not None:
                spans.append((span.start, span.end))
        return spans

    def _person_words(self) -> set[str]:
        """Names the article shows to be people, wherever they stand: the words of multi-word
        PERSON entities, a name after a title ("President Saakashvili"), before an age
        ("McDonald, 24,") or speaking ("Petrova said")."""
        doc = self.tokens
        names: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ in _PERSON_ENTS and len(ent) > 1:
                names.update(token.text for token in ent if token.is_alpha and token.is_title)
        for token in doc:
            if not (token.is_alpha and token.is_title and token.pos_ == "PROPN"):
                continue
            i = token.i
            titled = i > 0 and doc[i - 1].lower_.rstrip(".") in self.words.person_titles
            aged = (
                i + 3 < len(doc)
                and doc[i + 1].text == ","
                and doc[i + 2].like_num
                and doc[i + 3].text == ","
            )
            if titled or aged or self._speaks(token):
                names.add(token.text)
        return names

    def _coordinated_regions(self) -> None:
        """ "Donetsk and Luhansk regions": the word after the last makes each one a region."""
        for position, mention in enumerate(self.mentions):
            if mention.kind != "name" or mention.end >= len(self.tokens):
                continue
            word = self.tokens[mention.end].lower_
            if not _PLURAL_REGION.search(word):
                continue
            singular = "county" if word == "counties" else word[:-1]
            mention.kind, mention.region_word = "region", singular
            mention.end += 1
            gap_end = mention.start
            for earlier in reversed(self.mentions[:position]):
                between = self.tokens[earlier.end : gap_end]
                if earlier.kind != "name" or not all(t.lower_ in _COORDINATION for t in between):
                    break
                earlier.kind, earlier.region_word = "region", singular
                gap_end = earlier.start

    def _parents(self) -> None:
        """Explicit parents: "X, Y", "X in Y", "X (Y)", "the X district of Y"."""
        doc = self.tokens
        mentions = self.mentions
        for position, (child, parent) in enumerate(itertools.pairwise(mentions)):
            if not 1 <= parent.start - child.end <= 2:
                continue  # every pattern below is one or two words: skip reading longer gaps
            between = [t.lower_ for t in doc[child.end : parent.start]]
            if between not in ([","], ["in"], ["in", "the"], ["("], ["of"], ["of", "the"]):
                continue
            if between == [","] and self._listed(position, mentions):
                continue  # "Kosovo, Iraq, Libya": a list, not a place and its country
            if between[0] == "of" and child.kind not in ("region", "area"):
                continue
            if parent.kind == "demonym" or not _may_contain(self.gazetteer, parent, child):
                continue
            child.parent = parent

    def _listed(self, position: int, mentions: list[_Mention]) -> bool:
        """Whether the comma between mentions[position] and the next one separates a list, or
        the second is a possessive ("Mariupol, Russia's defence ministry said")."""
        doc = self.tokens
        child, parent = mentions[position], mentions[position + 1]
        after = doc[parent.end] if parent.end < len(doc) else None
        if after is not None and (after.text in _POSSESSIVE or after.lower_ in ("and", "or")):
            return True
        if (
            after is not None
            and after.text == ","
            and position + 2 < len(mentions)
            and mentions[position + 2].start == parent.end + 1
        ):
            return True
        return (
            child.start >= 2
            and doc[child.start - 1].text == ","
            and any(m.end == child.start - 1 for m in mentions[:position])
        )

    def _entities(self) -> None:
        """spaCy GPE and LOC entities the gazetteer lacks: kept, unresolved. Not kept: model
        names and codes ("Su-34", "G7", "RT") and one everyday word ("Supporting")."""
        covered = bytearray(len(self.tokens))
        for mention in self.mentions:
            covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        for ent in self.doc.ents:
            if ent.label_ not in _PLACE_ENTS or any(covered[ent.start : ent.end]):
                continue
            tokens = [t for t in ent if not (t.lower_ == "the" or t.is_punct)]
            if not tokens or not _capitalised(tokens[0]):
                continue
            start, end = tokens[0].i, tokens[-1].i + 1
            if self._in_person(start, end) or (end - start == 1 and ent.text in self.people):
                continue
            text = self.span(_Mention(start, end, "", _NO_POSTINGS)).of(self.text)
            key = normalise(text)
            if not key or key in self.words.not_places or any(ch.isdigit() for ch in text):
                continue
            if end - start == 1 and (len(text) <= 3 or key in _english_words()):
                continue
            self.mentions.append(_Mention(start, end, key, _NO_POSTINGS, kind="entity"))

    def _roles(self) -> None:
        """Metonyms (a country or capital that acts) and modifiers (inside a longer name)."""
        metonyms = [(m.span.start, m.span.end) for m in self.actor_mentions if m.role == "metonym"]
        registry = actors.load_registry()
        for mention in self.mentions:
            if mention.role != "location":
                continue
            span = self.span(mention)
            if any(s <= span.start and span.end <= e for s, e in metonyms):
                mention.role = "metonym"
                continue
            entry = registry.entries.get(span.of(self.text))
            if entry is not None and entry.seat_of is not None and not self._located(mention):
                mention.role = "metonym"  # "a Kremlin demand": the seat stands for its actor
                continue
            entity = self.entity.get(mention.start)
            inside = entity is not None and (entity[0] < mention.start or entity[1] > mention.end)
            if inside and entity is not None and entity[2] in _MODIFIER_ENTS:
                mention.role = "modifier"
                continue
            root = self.doc[mention.start : mention.end].root
            if mention.kind == "name" and self._may_act(mention.postings) and _acts(root, registry):
                mention.role = "metonym"

    def _located(self, mention: _Mention) -> bool:
        """Whether a locative word stands before a mention ("in the Kremlin", "at the Kremlin")."""
        k = mention.start - 1
        if k >= 0 and self.tokens[k].lower_ == "the":
            k -= 1
        return k >= 0 and self.tokens[k].lower_ in self.registry.locative_prepositions

    def _may_act(self, postings: Postings) -> bool:
        """Countries and capitals stand for governments; towns do not."""
        top = int(postings.places[0])
        return bool(self.gazetteer.feature[top] == _COUNTRY or self.gazetteer.capital[top])

    # ── spans given (evaluation) ──

    def from_spans(self, spans: Sequence[Span]) -> list[_Mention]:
        """One mention per given span, its candidates read from the span's own words."""
        doc = self.tokens
        mentions: list[_Mention] = []
        for span in spans:
            tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            start, end = (tokens.start, tokens.end) if tokens is not None else (0, 1)
            words = self.text[span.start : span.end].split()
            mention = _Mention(start, max(end, start + 1), "", _NO_POSTINGS)
            if len(words) > 1 and words[-1].lower() in self.words.region:
                mention.kind, mention.region_word = "region", words[-1].lower()
                words = words[:-1]
            mention.key = normalise(" ".join(words))
            mentions.append(mention)
        keys = [m.key for m in mentions]
        names = self._lookup_names(sorted(set(keys)))
        demonyms = self.gazetteer.lookup([demonym_key(k) for k in keys])
        ends = {mention.end for mention in mentions}
        for mention, demonym in zip(mentions, demonyms, strict=True):
            text = self.span(mention).of(self.text)
            start = mention.start
            after_comma = start >= 2 and doc[start - 1].text == "," and start - 1 in ends
            mention.postings = _given_postings(
                names[mention.key], demonym, text, after_comma, self.gazetteer
            )
            if mention.postings is demonym:
                mention.kind, mention.role = "demonym", "demonym"
            elif not len(mention.postings.places):
                mention.postings = self._shorter_name(mention.key)
            if not len(mention.postings.places):
                mention.kind = "entity"
            elif mention.kind == "name" and (mention.postings.matches == Match.ABBREVIATION).all():
                mention.kind = "abbreviation"
            mention.nearby = self._nearby(mention.start, mention.end)
            mention.settlement = self._settlement(mention.start)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._parents()
        return mentions

    def _shorter_name(self, key: str) -> Postings:
        """A given name the gazetteer lacks, read as the place it names: the place after its
        last "of" ("University of California"), or the name without words that still mean
        the place ("Suffolk City", "Heathrow Airport", "Colorado State University")."""
        words = key.split()
        names: list[str] = []
        if "of" in words[:-1]:
            after = words[len(words) - words[::-1].index("of") :]
            names.append(" ".join(after[1:] if after[0] == "the" and len(after) > 1 else after))
        while len(words) > 1 and words[-1] in self.words.suffixes:
            words = words[:-1]
            names.append(" ".join(words))
        for name in names:
            found = self.gazetteer.postings(name)
            usable = found.matches <= Match.ALTERNATE
            if usable.any() and name not in self.words.common:
                return Postings(found.places[usable], found.matches[usable])
        return _NO_POSTINGS

    # ── resolution ──

    def resolve(self, guess: bool) -> None:
        """Choose each name's place: priors, parents and the other names, in `ROUNDS` rounds."""
        self._group()
        if self.groups:
            agreement = _Agreement(self)
            agreement.settle()
        focus = _Focus(self)
        for group in self.groups:
            self._decide(group, agreement, focus, guess)
        self._regions_named_before()
        if guess:
            self._guess_unknown(focus)

    def _group(self) -> None:
        groups: dict[tuple[str, str, str], _Group] = {}
        for mention in self.mentions:
            if not len(mention.postings.places) or mention.kind == "entity":
                continue
            places, base = self._candidates(mention)
            if not len(places):
                continue
            # a name with its own parent ("Paris, Texas") may be another place than the bare name
            parent_key = mention.parent.key if mention.parent is not None else ""
            key = (mention.kind, mention.key, parent_key)
            group = groups.get(key)
            if group is None:
                weight = DEMONYM_WEIGHT if mention.kind == "demonym" else 1.0
                group = groups[key] = _Group(mention.kind, mention.key, [], places, base, weight)
            elif mention.settlement and not group.mentions[0].settlement:
                group.base = np.maximum(group.base, base)
            group.mentions.append(mention)
            mention.group = group
        self.groups = list(groups.values())
        offset = 0
        for group in self.groups:
            group.offset = offset
            group.scores = group.base.copy()
            offset += len(group.candidates)

    def _candidates(self, mention: _Mention) -> tuple[np.ndarray, np.ndarray]:
        """The places a mention may be and their base scores (prior, how named, construct)."""
        gazetteer = self.gazetteer
        places = mention.postings.places[:MAX_CANDIDATES].astype(np.int64)
        matches = mention.postings.matches[: len(places)]
        features = gazetteer.feature[places]
        base = gazetteer.prior[places].astype(np.float64) - np.asarray(MATCH_PENALTY)[matches]
        if (matches <= Match.VARIANT).any():
            base = base - np.where(matches == Match.ALTERNATE, SHADOWED_ALTERNATE, 0.0)
        if mention.kind == "region":
            divisions = np.isin(features, list(_REGIONS))
            if divisions.any():
                wanted = (
                    _ADMIN1 if mention.region_word in self.words.admin1 else FEATURE_CODE["admin2"]
                )
                base = base + np.where(features == wanted, DIVISION_WORD_BONUS, 0.0)
                return places[divisions], base[divisions]
            mention.kind = "area"  # "Kramatorsk district": no division of that name
        if mention.kind == "abbreviation":
            keep = matches == Match.ABBREVIATION
            return places[keep], base[keep]
        if mention.settlement:
            base = base + np.where(features == _SETTLEMENT, 0.0, SETTLEMENT_MISMATCH)
        return places, base

    def _decide(self, group: _Group, agreement: _Agreement, focus: _Focus, guess: bool) -> None:
        gazetteer = self.gazetteer
        probabilities = _softmax(group.scores)
        best = int(np.argmax(group.scores))
        place = int(group.candidates[best])
        for mention in group.mentions:
            mention.probability = float(probabilities[best])
            outside = self._outside_parent(mention, group)
            if outside is not None and mention.parent is not None:
                mention.choice, mention.precision = outside, 3
                mention.reason = (
                    f"no {gazetteer.name(place)} in {self.surface(mention.parent)} in the gazetteer; "
                    f"coded to {gazetteer.name(outside)}"
                )
                continue
            if mention.role == "location" and self._namesake(
                mention, group, best, focus, agreement
            ):
                region = focus.region(exclude=group)
                if region is not None:
                    mention.choice, mention.precision = region, 3
                    mention.reason = (
                        f"no {gazetteer.name(place)} of the gazetteer lies near the article's "
                        f"other places; coded to {gazetteer.name(region)}, the region it is about"
                    )
                    continue
                if not guess:
                    mention.reason = "every place of that name is far from the article's places"
                    continue
            if not guess and mention.probability < ABSTAIN_BELOW:
                mention.reason = "several places have that name and nothing tells them apart"
                continue
            if mention.doubtful and not guess and not agreement.supported(mention, group, best):
                mention.kind = "dropped"  # "Obama took office": a person, no place agreeing
                continue
            mention.choice = place
            mention.reason = agreement.explain(mention, group, best)
            admin1 = int(gazetteer.admin1[place])
            if mention.kind == "area" and mention.region_word in self.words.admin1 and admin1 >= 0:
                region = gazetteer.admin1_place.get(gazetteer.admin1_codes[admin1])
                if region is not None:
                    mention.choice = region
                    mention.reason = f"the region of {gazetteer.name(place)}; {mention.reason}"

    def _outside_parent(self, mention: _Mention, group: _Group) -> int | None:
        """The parent division a mention names, when the gazetteer has no place of that name in
        it and only small namesakes elsewhere ("Pishchane in Donetsk region")."""
        parent = mention.parent
        if parent is None or parent.group is None or mention.kind not in ("name", "area"):
            return None
        scores = parent.group.scores
        container = int(parent.group.candidates[int(np.argmax(scores))])
        if self.gazetteer.feature[container] not in (_COUNTRY, _ADMIN1, FEATURE_CODE["admin2"]):
            return None
        if _inside(self.gazetteer, group.candidates, container).any():
            return None
        place = int(group.candidates[int(np.argmax(group.scores))])
        return container if float(self.gazetteer.prior[place]) <= NAMESAKE_MAX_PRIOR else None

    def _namesake(
        self, mention: _Mention, group: _Group, best: int, focus: _Focus, agreement: _Agreement
    ) -> bool:
        """A small place far from a regional article: likely the namesake of a missing village."""
        gazetteer = self.gazetteer
        place = int(group.candidates[best])
        if mention.parent is not None or mention.kind not in ("name", "area"):
            return False
        if (
            float(gazetteer.prior[place]) > NAMESAKE_MAX_PRIOR
            or gazetteer.feature[place] != _SETTLEMENT
        ):
            return False
        if focus.regional_weight(exclude=group) < 2.0 or focus.in_focus(place, exclude=group):
            return False
        region = focus.region(exclude=group)
        abroad = region is None or gazetteer.country[region] != gazetteer.country[place]
        if abroad and agreement.supports["country"][group.offset + best].max() >= 0.5:
            return False  # "Srebrenica" in a Ukrainian article that names Bosnia
        distance = focus.nearest_km(place, exclude=group)
        return distance is None or distance > NAMESAKE_MIN_KM

    def _regions_named_before(self) -> None:
        """ "Donetsk" after "Donetsk province": in a war report the bare name is that region."""
        regions = {
            m.key: m
            for m in self.mentions
            if m.kind == "region"
            and m.choice is not None
            and self.gazetteer.feature[m.choice] == _ADMIN1
        }
        for mention in self.mentions:
            named = regions.get(mention.key)
            if named is None or mention.kind != "name" or mention.start < named.start:
                continue
            if mention.choice is None or mention.settlement or mention.parent is not None:
                continue
            if self.gazetteer.admin1[mention.choice] != self.gazetteer.admin1[named.choice]:
                continue  # "Kharkiv" after "Donetsk region" is still the city
            mention.choice, mention.precision = named.choice, 3
            mention.reason = (
                f"{self.surface(named)} named before: the bare name reads as the region"
            )

    def _guess_unknown(self, focus: _Focus) -> None:
        """Given spans the gazetteer lacks ("Royal Street", "Cyber Tech Career College"): the
        nearest town named in the same paragraph, else the article's focus — as ACLED codes a
        small area to a representative town (geo_precision 2)."""
        target = focus.place()
        towns = [
            m
            for m in self.mentions
            if m.choice is not None
            and m.kind in ("name", "area")
            and m.probability >= 0.5
            and self.gazetteer.feature[m.choice] in _POINTS
        ]
        for mention in self.mentions:
            if mention.choice is not None:
                continue
            local = [m for m in towns if self.paragraph[m.start] == self.paragraph[mention.start]]
            if local:
                nearest = min(local, key=lambda m: abs(m.start - mention.start))
                mention.choice, mention.precision = nearest.choice, 2
                mention.reason = (
                    f"not in the gazetteer; coded to {self.surface(nearest)}, named nearby"
                )
            elif target is not None:
                place, precision, why = target
                mention.choice, mention.precision = place, precision
                mention.reason = f"not in the gazetteer; coded to {why}"

    # ── output ──

    def span(self, mention: _Mention) -> Span:
        first, last = self.tokens[mention.start], self.tokens[mention.end - 1]
        return Span(first.idx, _text_end(last))

    def surface(self, mention: _Mention) -> str:
        """The words of a mention as written."""
        return self.span(mention).of(self.text)

    def where(self, mention: _Mention, other: _Mention) -> str:
        """ "in the same sentence", "in the same paragraph" or "in the article"."""
        if self.sentence[other.start] == self.sentence[mention.start]:
            return "in the same sentence"
        if self.paragraph[other.start] == self.paragraph[mention.start]:
            return "in the same paragraph"
        return "in the article"

    def record(self, mention: _Mention, span: Span) -> PlaceMention:
        place: Place | None = None
        precision: GeoPrecision | None = None
        if mention.choice is not None:
            place = self.gazetteer.place(mention.choice)
            precision = self._precision(mention, mention.choice)
        reason = mention.reason or (
            "not in the gazetteer" if mention.kind == "entity" else "no place chosen"
        )
        return PlaceMention(
            span=span,
            place=place,
            geo_precision=precision,
            score=round(mention.probability, 3) if place is not None else 0.0,
            role=mention.role,
            reason=reason,
        )

    def _precision(self, mention: _Mention, place: int) -> GeoPrecision | None:
        if mention.kind == "demonym":
            return None
        if mention.precision is not None:
            return mention.precision
        if self.gazetteer.feature_name(place) in AREA_FEATURES:
            return 3
        if mention.nearby or mention.kind == "area":
            return 2
        return 1


# ─── agreement between names ──────────────────────────────────────────────────────────────────


class _Agreement:
    """Joint scoring of every name's candidates against every other name's candidates.

    For a candidate c and another name g, each channel (same country, same first-order
    division, closeness) takes the best of g's candidates c' after charging `MOVE_COST` times
    how far c' is below g's current best; a channel's sum over names saturates at its bonus.
    """

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        gazetteer = reader.gazetteer
        groups = reader.groups
        self.groups = groups
        self.places = np.concatenate([g.candidates for g in groups])
        self.owner = np.concatenate([np.full(len(g.candidates), i) for i, g in enumerate(groups)])
        self.offsets = np.array([g.offset for g in groups])
        self.weights = np.array([g.weight for g in groups])
        places = self.places
        countries = gazetteer.country[places]
        has_country = np.array([bool(gazetteer.countries[c]) for c in countries.tolist()])
        self.same_country = (countries[:, None] == countries[None, :]) & has_country[None, :]
        admin1 = gazetteer.admin1[places]
        self.same_admin1 = (admin1[:, None] == admin1[None, :]) & (admin1 >= 0)[None, :]
        # a state named like a country ("Georgia") is the state among its country's states
        division = gazetteer.feature[places] == _ADMIN1
        country_named = np.array(
            [(gazetteer.feature[g.candidates] == _COUNTRY).any() for g in groups]
        )
        contested = division & country_named[self.owner]
        self.siblings = self.same_country & contested[:, None] & division[None, :]
        point = np.isin(gazetteer.feature[places], list(_POINTS))
        lat = np.radians(gazetteer.lat[places])
        lon = np.radians(gazetteer.lon[places])
        km = _haversine(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
        self.closeness = np.where(point[:, None] & point[None, :], np.exp(-km / NEARBY_KM), 0.0)
        self.km = km
        self.own = self.owner[:, None] == self.owner[None, :]

    def settle(self) -> None:
        """Score every candidate `ROUNDS` times, each round against the last round's scores."""
        for _ in range(ROUNDS):
            bonus = self.bonuses()
            for group in self.groups:
                rows = slice(group.offset, group.offset + len(group.candidates))
                group.scores = group.base + bonus[rows] + self.parent_bonus(group)
        self.supports = {
            "sibling": self._support(self.siblings.astype(np.float64)),
            "admin1": self._support(self.same_admin1.astype(np.float64)),
            "near": self._support(self.closeness),
            "country": self._support(self.same_country.astype(np.float64)),
        }

    def _support(self, channel: np.ndarray) -> np.ndarray:
        """(candidates × names) support: each name's best candidate for this channel."""
        scores = np.concatenate([g.scores for g in self.groups])
        best = np.array([g.scores.max() for g in self.groups])[self.owner]
        value = channel - MOVE_COST * (best - scores)[None, :]
        value = np.where(self.own, 0.0, np.maximum(value, 0.0))
        return np.maximum.reduceat(value, self.offsets, axis=1) * self.weights[None, :]

    def bonuses(self) -> np.ndarray:
        channels = (
            (self.same_country, COUNTRY_BONUS),
            (self.same_admin1, ADMIN1_BONUS),
            (self.siblings, SIBLING_BONUS),
            (self.closeness, NEARBY_BONUS),
        )
        total = np.zeros(len(self.places))
        for channel, bonus in channels:
            support = self._support(channel.astype(np.float64)).sum(axis=1)
            total += bonus * (1.0 - np.exp(-SATURATION * support))
        return total

    def parent_bonus(self, group: _Group) -> np.ndarray:
        """`PARENT_BONUS` for candidates inside a mention's explicit parent, a penalty outside."""
        gazetteer = self.reader.gazetteer
        bonus = np.zeros(len(group.candidates))
        parents = [m.parent for m in group.mentions if m.parent is not None and m.parent.group]
        if not parents:
            # "Springfield, Ill." earlier tells which Springfield the bare name is
            parents = [
                m.parent
                for other in self.groups
                if other.key == group.key and other.kind == group.kind
                for m in other.mentions
                if m.parent is not None and m.parent.group
            ]
        for parent in parents:
            assert parent.group is not None
            best = int(parent.group.candidates[int(np.argmax(parent.group.scores))])
            inside = _inside(gazetteer, group.candidates, best)
            bonus = np.maximum(bonus, np.where(inside, PARENT_BONUS, PARENT_MISMATCH))
        return bonus

    def supported(self, mention: _Mention, group: _Group, best: int) -> bool:
        """Whether a parent, a division or a nearby place of the article backs this reading."""
        row = group.offset + best
        return mention.parent is not None or any(
            float(support[row].max()) >= 0.5 for support in self.supports.values()
        )

    def explain(self, mention: _Mention, group: _Group, best: int) -> str:
        """A short sentence on why this candidate won: the context that made the difference,
        else what makes it the obvious reading of the name."""
        reader = self.reader
        gazetteer = reader.gazetteer
        place = int(group.candidates[best])
        feature = gazetteer.feature[place]
        if mention.kind == "demonym":
            return f"a word for the people of {gazetteer.name(place)}"
        if mention.parent is not None:
            return f"{reader.surface(mention.parent)} named as its parent"
        if mention.kind == "abbreviation":
            return f"the abbreviation of {gazetteer.name(place)}, after a place and a comma"
        if mention.kind == "region" and feature in (_ADMIN1, FEATURE_CODE["admin2"]):
            order = "first" if feature == _ADMIN1 else "second"
            return f"“{reader.surface(mention)}” names a {order}-order division"
        obvious = best == int(np.argmax(group.base))
        if obvious and feature == _COUNTRY:
            return "the country of that name"
        if obvious and gazetteer.capital[place]:
            country = gazetteer.country_place.get(gazetteer.countries[gazetteer.country[place]])
            return f"the capital of {gazetteer.name(country)}" if country is not None else ""
        context = self._context_reason(mention, group, best)
        if context:
            return context
        if len(group.candidates) == 1:
            return "the only place of that name"
        if feature == _SETTLEMENT and best == int(
            np.argmax(gazetteer.population[group.candidates])
        ):
            return "the largest place of that name"
        return "the most prominent place of that name"

    def _names_area(self, group: _Group) -> bool:
        """Whether a name reads as a division or country ("Odesa region", "Ill.", "Ukraine")."""
        place = int(group.candidates[int(np.argmax(group.scores))])
        feature = self.reader.gazetteer.feature[place]
        return group.kind in ("region", "abbreviation") or feature in (_ADMIN1, _COUNTRY)

    def _context_reason(self, mention: _Mention, group: _Group, best: int) -> str:
        """The strongest agreement with another name ("Donetsk province named in the same
        sentence", "12 km from Dobropillia, named in the same paragraph"), or ""."""
        reader = self.reader
        gazetteer = reader.gazetteer
        place = int(group.candidates[best])
        feature = gazetteer.feature[place]
        row = group.offset + best
        for name in ("admin1", "near", "sibling", "country"):
            if (name, feature) in (("admin1", _ADMIN1), ("country", _COUNTRY)):
                continue  # a division is not explained by its own towns
            support = self.supports[name][row].copy()
            for index, other in enumerate(self.groups):
                if other.key == group.key:
                    support[index] = 0.0  # "Pokrovsk" is not explained by "Pokrovsk"
            if support.max() < 0.5:
                continue
            strong = [i for i in np.argsort(-support).tolist() if support[i] >= 0.5]
            named = [i for i in strong if self._names_area(self.groups[i])]
            other = self.groups[(named or strong)[0]]
            closest = min(other.mentions, key=lambda m: abs(m.start - mention.start))
            where = reader.where(mention, closest)
            surface = reader.surface(closest)
            supporter = gazetteer.feature[int(other.candidates[int(np.argmax(other.scores))])]
            if name == "near":
                columns = slice(other.offset, other.offset + len(other.candidates))
                km = float(self.km[row, columns][int(np.argmax(self.closeness[row, columns]))])
                return f"{km:.0f} km from {surface}, named {where}"
            if name == "admin1":
                if closest.kind in ("region", "abbreviation") or supporter == _ADMIN1:
                    return f"{surface} named {where}"
                return f"in the same region as {surface}, named {where}"
            if name == "sibling":
                return f"a division of the same country as {surface}, named {where}"
            if supporter == _COUNTRY:
                return f"{surface} named {where}"
            return f"in the same country as {surface}, named {where}"
        return ""


class _Focus:
    """Where the article is: the divisions and towns its settled names point to."""

    def __init__(self, reader: _Reader) -> None:
        self.gazetteer = reader.gazetteer
        self.chosen: list[tuple[_Group, int, float]] = []
        for group in reader.groups:
            best = int(np.argmax(group.scores))
            probability = float(_softmax(group.scores)[best])
            if group.kind != "demonym":
                self.chosen.append((group, int(group.candidates[best]), probability))

    def _admin1_weights(self, exclude: _Group | None) -> dict[int, float]:
        weights: dict[int, float] = {}
        for group, place, probability in self.chosen:
            admin1 = int(self.gazetteer.admin1[place])
            if group is exclude or admin1 < 0 or probability < 0.5:
                continue
            strength = 1.5 if self.gazetteer.feature[place] == _ADMIN1 else 1.0
            weights[admin1] = weights.get(admin1, 0.0) + strength * len(group.mentions) ** 0.5
        return weights

    def regional_weight(self, exclude: _Group) -> float:
        return max(self._admin1_weights(exclude).values(), default=0.0)

    def in_focus(self, place: int, exclude: _Group) -> bool:
        admin1 = int(self.gazetteer.admin1[place])
        return admin1 >= 0 and self._admin1_weights(exclude).get(admin1, 0.0) >= 1.0

    def region(self, exclude: _Group | None) -> int | None:
        """The division a regional article is about, when one clearly leads."""
        ranked = sorted(self._admin1_weights(exclude).items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2.0:
            return None
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] * 0.6:
            return None
        return self.gazetteer.admin1_place.get(self.gazetteer.admin1_codes[ranked[0][0]])

    def nearest_km(self, place: int, exclude: _Group) -> float | None:
        gazetteer = self.gazetteer
        points = [
            p
            for g, p, probability in self.chosen
            if g is not exclude and probability >= 0.5 and gazetteer.feature[p] in _POINTS
        ]
        if not points:
            return None
        lat = math.radians(float(gazetteer.lat[place]))
        lon = math.radians(float(gazetteer.lon[place]))
        km = _haversine(
            lat, lon, np.radians(gazetteer.lat[points]), np.radians(gazetteer.lon[points])
        )
        return float(np.min(km))

    def place(self) -> tuple[int, GeoPrecision, str] | None:
        """The article's main place: its most named town, else its region, else its country."""
        gazetteer = self.gazetteer
        towns = {
            p: len(g.mentions) + probability
            for g, p, probability in self.chosen
            if gazetteer.feature[p] == _SETTLEMENT
        }
        if towns:
            town = max(towns, key=lambda p: (towns[p], float(gazetteer.prior[p])))
            return town, 2, f"{gazetteer.name(town)}, the article's main place"
        region = self.region(exclude=None)
        if region is not None:
            return region, 3, f"{gazetteer.name(region)}, the article's region"
        countries = [p for _, p, _ in self.chosen if gazetteer.feature[p] == _COUNTRY]
        if countries:
            country = max(set(countries), key=countries.count)
            return country, 3, f"{gazetteer.name(country)}, the article's country"
        return None


# ─── helpers ──────────────────────────────────────────────────────────────────────────────────

_NO_POSTINGS = Postings(np.empty(0, dtype=np.int32), np.empty(0, dtype=np.uint8))


def _given_postings(
    names: Postings, demonym: Postings, text: str, after_comma: bool, gazetteer: Gazetteer
) -> Postings:
    """The candidates of a given span: its abbreviation reading after a place and a comma
    ("Springfield, Ill.") or when it has no other ("Kan."), its demonym reading ("Canadian" —
    unless a large place has the name), else its name."""
    abbreviation = names.matches == Match.ABBREVIATION
    named = names.matches <= Match.VARIANT
    usable = names.matches <= Match.ALTERNATE
    abbreviated = text.endswith(".") or (len(text) <= 3 and text.isupper())
    if abbreviation.any() and (after_comma or (abbreviated and not named.any())):
        return Postings(names.places[abbreviation], names.matches[abbreviation])
    if len(demonym.places):
        top = names.places[usable]
        if not len(top) or float(gazetteer.prior[int(top[0])]) < STRONG_PRIOR:
            return demonym
    if usable.any():
        return Postings(names.places[usable], names.matches[usable])
    if abbreviation.any():
        return Postings(names.places[abbreviation], names.matches[abbreviation])
    return _NO_POSTINGS


def _inside(gazetteer: Gazetteer, places: np.ndarray, parent: int) -> np.ndarray:
    """Which places lie inside the parent place (its country, division, or 40 km of its town)."""
    feature = gazetteer.feature[parent]
    if feature == _COUNTRY:
        return np.asarray(gazetteer.country[places] == gazetteer.country[parent])
    if feature == _ADMIN1:
        return np.asarray(gazetteer.admin1[places] == gazetteer.admin1[parent])
    if feature == FEATURE_CODE["admin2"]:
        return np.asarray(gazetteer.admin2[places] == gazetteer.admin2[parent])
    km = _haversine(
        np.radians(gazetteer.lat[places]),
        np.radians(gazetteer.lon[places]),
        math.radians(float(gazetteer.lat[parent])),
        math.radians(float(gazetteer.lon[parent])),
    )
    return np.asarray(km < 40.0)


def _sentence_ids(tokens: Sequence[Token]) -> list[int]:
    ids = []
    current = -1
    for token in tokens:
        if token.is_sent_start or current < 0:
            current += 1
        ids.append(current)
    return ids


def _paragraph_ids(tokens: Sequence[Token]) -> list[int]:
    ids = []
    current = 0
    for token in tokens:
        if token.is_space and "\n" in token.text:
            current += 1
        ids.append(current)
    return ids


def _entity_map(doc: Doc) -> dict[int, tuple[int, int, str]]:
    """Token index → (start, end, label) of the entity covering it, a leading "the" left out."""
    found = {}
    for ent in doc.ents:
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        for index in range(start, ent.end):
            found[index] = (start, ent.end, ent.label_)
    return found


_skeleton_key = functools.lru_cache(maxsize=65536)(skeleton_key)
"""`skeleton_key`, remembered: the same unknown names come back article after article."""


def _text_end(token: Token) -> int:
    """Where a token's words end: before a footnote mark glued to it ("Kyiv.[12")."""
    mark = _FOOTNOTE.search(token.text)
    end = mark.start() if mark is not None and mark.start() > 0 else len(token.text)
    return token.idx + end


def _capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def _inside_name(token: Token) -> bool:
    return token.text in _INSIDE_NAME or any(ch.isalpha() for ch in token.text)


def _short_name_ok(
    token: Token, postings: Postings, after_comma: bool, gazetteer: Gazetteer
) -> bool:
    """A short token ("US", "UAE", "Ill.", "Kyiv", "ROME") is a place as a curated or primary
    name of a large place, or as an abbreviation right after a place and a comma; acronyms
    ("NATO", "APC") and camel case ("MoD", "UConn") are not."""
    text = token.text
    letters = text.replace(".", "")
    if after_comma and (postings.matches == Match.ABBREVIATION).any():
        return True
    if any(a.islower() and b.isupper() for a, b in itertools.pairwise(letters)):
        return False
    if letters.isupper() or text.endswith("."):
        named = postings.places[postings.matches <= Match.VARIANT]
        return bool(len(named)) and float(gazetteer.prior[int(named[0])]) >= STRONG_PRIOR - 0.5
    return len(letters) >= 3


@functools.cache
def _english_words(*parts: str) -> frozenset[str]:
    """English words of these parts of speech (all four by default): the spaCy model's
    lemmatizer index, WordNet's lemmas."""
    from fogwatch.language import nlp

    lemmatizer = cast("Lemmatizer", nlp.load().get_pipe("lemmatizer"))
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(word for pos in parts or ("noun", "verb", "adj", "adv") for word in index[pos])


def _may_contain(gazetteer: Gazetteer, parent: _Mention, child: _Mention) -> bool:
    """Whether the parent reads as larger than the child: a country around a division or town,
    a division around a town ("Moscow, Russia"; not the list "Canada, Australia")."""
    if not len(parent.postings.places) or not len(child.postings.places):
        return False
    child_rank = _RANK.get(int(gazetteer.feature[int(child.postings.places[0])]), 0)
    if child.kind in ("region", "area"):
        child_rank = max(child_rank, 1)
    if parent.kind == "abbreviation":
        return child_rank < _RANK[_ADMIN1]
    parent_rank = _RANK.get(int(gazetteer.feature[int(parent.postings.places[0])]), 0)
    if parent.kind == "region":
        parent_rank = max(parent_rank, _RANK[FEATURE_CODE["admin2"]])
    return parent_rank > child_rank


def _acts(token: Token, registry: actors.Registry) -> bool:
    """Whether a place name acts: the subject of an agent verb, "Moscow's side", "urged Kyiv"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    dep, head = token.dep_, token.head
    if dep == "nsubj":
        return head.lemma_.lower() in registry.agent_verbs
    if dep == "nsubjpass":
        return True  # "Moscow is accused of"
    if dep == "poss":
        return head.lower_ in registry.agent_nouns or head.lemma_.lower() in registry.agent_nouns
    if dep == "dobj":
        return head.lemma_.lower() in registry.address_verbs
    return False


def _softmax(scores: np.ndarray) -> np.ndarray:
    """Probabilities from log10-unit scores."""
    shifted = np.power(10.0, scores - scores.max())
    return np.asarray(shifted / shifted.sum())


def _haversine(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """Great-circle km between points in radians (floats or numpy arrays, broadcast)."""
    half_lat = (lat2 - lat1) / 2
    half_lon = (lon2 - lon1) / 2
    a = np.sin(half_lat) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(half_lon) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
