"""Recognition: which spans of an article are place names, and what kind of mention each is.

Every capitalised run of up to seven tokens is normalised and looked up in the compiled
gazetteer in one batch (`candidates.lookup_names`, with its spelling-skeleton lookup); the
longest match wins, and a demonym ("Russian", "Ukrainians", "South Korean") where it reads as
the people. The words around a match then say whether it is a place at all:

- not a place: a match inside a longer PERSON entity ("Paris Hilton", "Jack London"), after a
  title ("Gen.", "Mr."), a person the actor registry knows ("Syrskyi"), the surname of a person
  named earlier, a date ("May 2023"), a small namesake inside a longer name ("Mad Max"), an
  actor's own name ("Hamas"), a weapon's or vessel's name ("Iskander missiles", "the cruiser
  Moskva", and that name again later in the article), another name of a place used in a name
  ("Google reCaptcha"), an organisation named by a common word and a division word ("the Union
  State"), a small place's name among the proper nouns of an actor's alias ("Boko" in "Boko
  Haram"), months and institutions, and everyday words ("Most", "Reading") read as common words;
- a division: "Donetsk province", "the Kursk region", "Laurel County" (`kind` "region");
  "Springfield, Ill." an abbreviation; the cue words of `context` ("near X", "the town of X",
  "the Inhulets River") are read here too.

A place at the head of an institution's or an office's name ("the Toledo Police Department",
"Dayton Mayor") is kept as a `modifier` even where spaCy reads the whole as one organisation or
person: an embedded toponym in Gritta et al.'s (2019) taxonomy, counted by GeoWebNews and LGL.

`Recogniser.match` finds the gazetteer's names; after `context` has read the lists and parents,
`Recogniser.entities` keeps spaCy GPE and LOC entities the gazetteer lacks, unresolved — or, in an
article about Ukraine, Russia or Belarus, read as a misspelling of a prominent place there
("Lugansck"); `Recogniser.landmarks` keeps the street, park and natural feature names it lacks
("Maple Street", "Quarry Lake"), unresolved; and `Recogniser.roles` marks a country or capital that
acts ("Moscow said", "urged Kyiv"), a state's formal name ("troops of the Republic of Belarus") or
a source ("according to Pentagon estimates") a `metonym`, a place inside a longer name ("Kyiv
Post"), naming a thing after it ("Nuremberg trials") or, as an adjective-like name, describing a
noun that is no place word ("the Baltic country", "Caspian states") a `modifier`, and the place of
a dateline ("LONDON, April 12 (Reuters) -", where the report was written, not where anything
happened) a `dateline`; demonyms are `demonym`s, the rest `location`s.

`from_spans` reads evaluation spans instead: every span is a place, its candidates read from its
own words.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from fogwatch.geo import candidates, context
from fogwatch.geo.article import Article, text_end, word_end
from fogwatch.geo.candidates import NO_POSTINGS
from fogwatch.geo.gazetteer import (
    CYRILLIC_COUNTRIES,
    FEATURE_CODE,
    Gazetteer,
    Match,
    Postings,
    demonym_key,
    normalise,
)
from fogwatch.geo.mentions import ADMIN1, COUNTRY, Mention
from fogwatch.geo.vocabulary import COORDINATION, PLURAL_REGION, english_words, load_named_things
from fogwatch.language import actors
from fogwatch.language.nlp import entities_of, words_among
from fogwatch.records import ActorMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_NAME_TOKENS = 7
STRONG_PRIOR = 5.5
"""A prior this high (a town of ~300,000, a country, a state) is a place even where spaCy saw a
person or a demonym."""
SMALL_PRIOR = 4.7
"""A place this small (~50,000 people) named like an English word ("Vice", "Bath") needs a
place word before it or spaCy's GPE/LOC label to be read as a place."""
NAMED_INSIDE_PRIOR = 4.0
"""Inside a longer name ("Mad Max", "Beverly Hills Police Department"), a one-word match needs
a town of ~10,000 people or more."""

_PERSON_ENTS = frozenset({"PERSON"})
_NUMBER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Words between a street's or square's opening word and the name it gives ("Place de la …").
_SITE_CONNECTORS = frozenset({"de", "del", "la", "le", "les", "des", "du", "da", "do", "of", "the"})
_NAME_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC", "NORP"})
_MODIFIER_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_TITLE_ENTS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_INSIDE_NAME = frozenset({"-", "'", "’", "&", "."})
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "—", "–", "-", ":"})
_ADJECTIVE_ENDINGS = ("ic", "ian", "ean")
_DATELINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}?)"
    r"(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"  # ", Ukraine", ", Italy"
    r"(?:,?[ \t]*(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]{2,}\.?[ \t]+\d{1,2})(?:,[ \t]*\d{4})?)?"
    r"[ \t]*(?P<agency>\([A-Z][\w .&/-]{0,30}\))?"  # "(Reuters)", "(AP)"
    r"[ \t]*(?:(?P<dash>[—–:-])|[ \t](?=[A-Z][a-z]))",  # "—", or the report's first word
    re.MULTILINE,
)
"""A dateline: a place opening a line, its country or state, a date, the agency, a dash."""


@dataclass(frozen=True, slots=True)
class _Usable:
    """A name's usable postings in one context, and what `Recogniser._accept` reads of them."""

    postings: Postings
    strong: bool
    """A country, a first-order division or a large town (`Recogniser._strong`)."""
    small: bool
    """Its most prominent place is below `SMALL_PRIOR`."""
    division: bool
    """Its most prominent place is a first- or second-order division."""
    other_names_only: bool
    """No place has it as its own name: alternate names, stems or abbreviations only."""


class Recogniser:
    """Reads one article's place names into `article.mentions`, with what it knows of the
    article's people and actors (who is no place)."""

    def __init__(
        self,
        article: Article,
        actor_mentions: Sequence[ActorMention] | None = None,
    ) -> None:
        """`actor_mentions` are `actors.find(doc)` when the caller has them already (else found
        here)."""
        self.article = article
        self.doc = article.doc
        self.tokens = article.tokens
        self.text = article.text
        self.gazetteer = article.gazetteer
        self.words = article.words
        self.actor_mentions = actors.find(self.doc) if actor_mentions is None else actor_mentions
        self.person_spans = self._person_spans()
        self.in_person = {i for begin, finish in self.person_spans for i in range(begin, finish)}
        """Token indices inside a person's name, so an overlap test is a set lookup."""
        self.people = self._person_words()
        self.registry = actors.load_registry()
        self.named_things = load_named_things()
        self.actor_names = self._actor_names()
        """Token index → (start, end) of the actor name or role phrase covering it."""
        self.thing_names: set[str] = set()
        """Keys read as a weapon's, vessel's or unit's name earlier in the article."""
        self._usables: dict[tuple[str, bool, bool], _Usable | None] = {}

    def match(self) -> None:
        """Gazetteer matches and demonyms, longest first."""
        by_start = self._runs()
        keys = {key for runs in by_start.values() for _, key in runs}
        names = candidates.lookup_names(self.gazetteer, sorted(keys))
        demonyms = self._demonym_matches()
        index = 0  # the first token no mention holds yet
        # only where a run or a demonym starts can a mention start
        for start in sorted(by_start.keys() | demonyms.keys()):
            if start < index:
                continue
            mention = None
            # a start's runs are in order of their ends: the longest first
            for end, key in reversed(by_start.get(start, [])):
                if len(names[key].places):
                    mention = self._accept(start, end, key, names[key])
                    if mention is None:
                        mention = self._embedded(start, end, key, names[key])
                    if mention is not None:
                        break
            demonym = demonyms.get(start)
            if demonym is not None and (mention is None or self._demonym_wins(mention, demonym)):
                mention = demonym
            if mention is not None:
                self.article.mentions.append(mention)
                index = mention.end

    def _runs(self) -> dict[int, list[tuple[int, str]]]:
        """Every token run that could be a name, (end, key) by its start token, in order of
        their ends: it starts with a capital, and ends with one or, from two words on, with any
        word ("the Baltic states")."""
        from spacy.attrs import IS_ALPHA, SENT_START

        text = self.text
        # Each token's facts once, as lists: a run starting at every capital re-reads the
        # tokens after it, and reading a token's attributes costs more than a list's item.
        texts = [token.text for token in self.tokens]
        starts = [token.idx for token in self.tokens]
        flags = self.doc.to_array([SENT_START, IS_ALPHA]).reshape(-1, 2)
        opens_sentence = (flags[:, 0] == 1).tolist()
        alphabetic = (flags[:, 1] != 0).tolist()
        # (most words are neither capitalised nor footnoted: spared the calls)
        capitalised = [word[:1].isupper() and _capitalised_text(word) for word in texts]
        ends = [
            word_end(word, start) if "[" in word else start + len(word)
            for word, start in zip(texts, starts, strict=True)
        ]
        count = len(texts)
        by_start: dict[int, list[tuple[int, str]]] = {}
        for start in range(count):
            if not capitalised[start] or texts[start].lower() == "the":
                continue
            runs = []
            end = start
            while end < count and end - start < MAX_NAME_TOKENS:
                if end > start and (opens_sentence[end] or not _inside_name_text(texts[end])):
                    break
                end += 1
                if capitalised[end - 1] or (end - start > 1 and alphabetic[end - 1]):
                    key = normalise(text[starts[start] : ends[end - 1]])
                    if key:
                        runs.append((end, key))
                if ends[end - 1] < starts[end - 1] + len(texts[end - 1]):
                    break  # "Kyiv.[12": a footnote mark ends the name
            if runs:
                by_start[start] = runs
        return by_start

    def _demonym_matches(self) -> dict[int, Mention]:
        """ "Russian", "Ukrainians", "South Korean" by start token."""
        doc = self.tokens
        title_words = self.article.title_words
        spans: list[tuple[int, int, str]] = []
        for n, index in enumerate(title_words):
            token = doc[index]
            if token.lower_ == "the":
                continue
            spans.append((index, index + 1, demonym_key(token.text)))
            if n + 1 < len(title_words) and title_words[n + 1] == index + 1:
                following = doc[index + 1]
                pair = self.text[token.idx : following.idx + len(following.text)]
                spans.append((index, index + 2, demonym_key(pair)))
        found: dict[int, Mention] = {}
        for (start, end, key), postings in zip(
            spans, self.gazetteer.lookup([key for _, _, key in spans]), strict=True
        ):
            if not len(postings.places) or doc[start].text in self.people:
                continue
            if self._in_person(start, end) or self._in_actor_name(start, end) in (
                "name",
                "alias",
                "part",
            ):
                continue  # "European Union": a word of an actor's name, not a people
            held = found.get(start)
            if held is None or held.end < end:
                found[start] = Mention(start, end, key, postings, kind="demonym", role="demonym")
        return found

    def _demonym_wins(self, name: Mention, demonym: Mention) -> bool:
        """ "Canadian" is the people of Canada, not Canadian, Texas — unless the town is large."""
        if demonym.end > name.end:
            return True
        if demonym.end < name.end:
            return False
        entity = self.article.entity.get(name.start)
        if entity is not None and entity[2] == "NORP":
            return True
        top = int(name.postings.places[0])
        return float(self.gazetteer.prior[top]) < STRONG_PRIOR

    def _accept(self, start: int, end: int, key: str, postings: Postings) -> Mention | None:
        """The mention a gazetteer match makes here, or None when the words say it is no place."""
        doc = self.tokens
        words = self.words
        region_word = self._region_word(end)
        after_comma = self._after_place_comma(start)
        usable = self._usable(key, postings, region_word is not None, after_comma)
        if usable is None:
            return None
        postings = usable.postings
        first = doc[start]
        single = end - start == 1
        locative = start > 0 and doc[start - 1].lower_ in words.locative
        strong = usable.strong
        entity = self.article.entity.get(start)
        place_entity = entity is not None and entity[2] in _PLACE_ENTS
        if single and (key in words.not_places or key in words.person_titles):
            return None
        if single and key in self.thing_names and not locative:
            return None  # "the Moskva" after "the cruiser Moskva": one sense per discourse
        if region_word is not None and key in words.common and not (locative or place_entity):
            return None  # "the Union State": an organisation named by a common word
        if (
            single
            and len(first.text) <= 5
            and not _short_name_ok(first, postings, after_comma, self.gazetteer)
        ):
            return None
        small, division = usable.small, usable.division
        if single and not (locative or place_entity):
            if small and key in english_words():
                return None  # "Vice-President": a small town named like a word
            if division and (key in english_words("adj", "adv") or key in words.common):
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
        if self._names_a_site(start):
            return None  # "Plaza San Francisco", "Rue de Paris": a square or street
        if single and self._acronym(start):
            return None  # "Royal United Services Institute (Rusi)": a name's initials
        if self._in_person(start, end):
            return None
        if entity is not None:
            ent_start, ent_end, label = entity
            # "the Izyum and Severodonetsk axes" read as a work, "Zaporizhia Oblasts" as a person:
            # an entity of place names and division words is a list of places, whatever its label
            longer = (ent_start < start or ent_end > end) and not self._only_places(
                ent_start, ent_end
            )
            if label in _NUMBER_ENTS:
                return None  # "May 2023"
            if label in _PLACE_ENTS and single and longer and not strong:
                rest = [doc[i] for i in range(ent_start, ent_end) if i != start]
                if all(
                    t.pos_ == "PROPN" and t.is_title and t.lower_ not in english_words()
                    for t in rest
                ):
                    return None  # "the Abu Shouk camp": one word of a place the gazetteer lacks
            if label in _TITLE_ENTS and longer and not strong and not locative:
                return None  # "St. Patrick's Day", "Mad Max" (not "the Battle of Mariupol")
            if label in _NAME_ENTS and longer and not strong:
                top = int(postings.places[0])
                if single and float(self.gazetteer.prior[top]) < NAMED_INSIDE_PRIOR:
                    return None  # a small namesake inside a longer name
            # "Maungdaw township", "Rakhine State's": a division word says place, not person
            if label in _PERSON_ENTS and longer and region_word is None:
                return None  # "Jack London"
            if region_word is None and self._person_named_like(start, end, entity):
                return None  # "Paris Hilton", read by spaCy as an organisation
        elif single and first.pos_ not in ("PROPN", "NOUN", "X") and not (locative or strong):
            return None
        before = doc[start - 1] if start > 0 else None
        if (
            single
            and before is not None
            and not self._sentence_initial(start)
            and before.pos_ == "PROPN"
            and before.is_title
            and before.lower_ not in words.person_titles
            and (
                (small and not place_entity)
                # short of a city, after a word of no English ("Beit Tima", "Karan Nagar"),
                # and spaCy's place, if any, is the whole name: a name the gazetteer lacks
                or (
                    not strong
                    and before.lower_ not in english_words()
                    and (entity is None or entity[2] not in _PLACE_ENTS or entity[0] < start)
                )
            )
        ):
            return None  # "the Formula One Grand Prix", "Mount Salem": a longer name's last word
        if single and first.text in self.people and not (locative or self._may_act(postings)):
            return None  # a person named in the article
        in_actor = self._in_actor_name(start, end)
        if in_actor == "name" or (in_actor == "alias" and not strong):
            return None  # "Hamas", "the EU", "Boko" in "Boko Haram": an actor's own name
        if single and self._names_a_thing(start, strong or place_entity):
            self.thing_names.add(key)
            return None  # "Iskander missiles", "the cruiser Moskva": a weapon's or vessel's name
        if single and not strong and key in english_words() and self._inside_longer_name(start):
            return None  # "Rapid Support Forces", "Eastern Axis": a word of a longer name
        # "the Baltic country", "Caspian states": a description, no place where anything happens
        describes = single and not locative and self._describes(start, key)
        if (
            single
            and usable.other_names_only
            and (
                (entity is not None and entity[2] in _NAME_ENTS | _PERSON_ENTS)
                or first.dep_ == "compound"
            )
            and not (locative or region_word or context.settlement(self.article, start))
        ):
            return None  # "Google reCaptcha" (once Topeka's name), "Hamas" (Hamm's): a name
        mention = Mention(start, end, key, postings)
        if in_actor == "qualifier":
            mention.role = "metonym"  # "Kremlin spokesman", "Ukraine's military"
        elif in_actor in ("part", "alias") or describes:
            mention.role = "modifier"  # "Gaza health ministry": a place inside an actor's name
        if region_word is not None:
            mention.kind, mention.region_word, mention.end = "region", region_word, end + 1
        elif after_comma and (postings.matches == Match.ABBREVIATION).all():
            mention.kind = "abbreviation"
        cue = context.feature_cue(self.article, end)
        if region_word is None and cue is not None:
            mention.feature_cue, mention.end = cue, end + 1  # "the Inhulets River"
        mention.nearby = context.nearby(self.article, start, mention.end)
        # "Kherson City": the town, even where the bare name has read as its region
        mention.settlement = context.settlement(self.article, start) or (
            mention.end < len(doc) and doc[mention.end].lower_ in ("city", "town")
        )
        # an organisation named like a division somewhere ("Meta") needs the article's support
        mention.doubtful = (
            single
            and (small or (division and entity is not None and entity[2] == "ORG"))
            and region_word is None
            and entity is not None
            and entity[2] in ("PERSON", "ORG")
            and not (locative or mention.nearby or mention.settlement or self._may_act(postings))
        )
        return mention

    def _usable(
        self, key: str, postings: Postings, region_word: bool, after_comma: bool
    ) -> _Usable | None:
        """The postings a name may stand for here — its names and alternate names, a division's
        stem before a division word, an abbreviation after a place and a comma — and what they
        say; None when it may stand for none. The same for every mention of the name in that
        context (most are mentioned again), so read once per article."""
        reading = (key, region_word, after_comma)
        if reading in self._usables:
            return self._usables[reading]
        # `.value`: numpy compares an array with a plain int several times faster than with an
        # IntEnum member
        usable = postings.matches <= Match.ALTERNATE.value
        if region_word:
            usable |= postings.matches == Match.STEM
        if after_comma:
            usable |= postings.matches == Match.ABBREVIATION
        found = None
        if usable.any():
            postings = Postings(postings.places[usable], postings.matches[usable])
            top = int(postings.places[0])
            found = _Usable(
                postings=postings,
                strong=self._strong(postings),
                small=float(self.gazetteer.prior[top]) < SMALL_PRIOR,
                division=self.gazetteer.feature[top] in (ADMIN1, FEATURE_CODE["admin2"]),
                other_names_only=bool((postings.matches >= Match.ALTERNATE.value).all()),
            )
        self._usables[reading] = found
        return found

    def _embedded(self, start: int, end: int, key: str, postings: Postings) -> Mention | None:
        """A place named at the head of an institution's or an office's name ("the Toledo
        Police Department", "Dayton Mayor Jane Roe", "the Tulsa Art Museum") that
        `_accept` read as part of a longer name: an embedded toponym (Gritta et al. 2019), a
        `modifier` — where the institution is, not where anything happened."""
        doc = self.tokens
        usable = postings.matches <= Match.ALTERNATE.value  # `.value`: see `_accept`
        if not usable.any() or not self._heads_institution(end):
            return None
        first = doc[start]
        single = end - start == 1
        if single and (key in self.words.not_places or key in self.words.person_titles):
            return None
        postings = Postings(postings.places[usable], postings.matches[usable])
        top = int(postings.places[0])
        if (
            single
            and key in english_words()
            and (
                float(self.gazetteer.prior[top]) < SMALL_PRIOR
                or not (postings.matches == Match.NAME.value).any()
            )
        ):
            return None  # "the Energy Ministry": a word, not a small town
        if start > 0 and (
            doc[start - 1].lower_.rstrip(".") in self.words.person_titles
            or (
                _capitalised(doc[start - 1])
                and doc[start - 1].lower_ != "the"
                and not self._sentence_initial(start)
            )
        ):
            return None  # "Gen. Paris", "Jack London Police": inside a longer name
        if single and (
            first.text in self.people
            or (len(first.text) <= 5 and not _short_name_ok(first, postings, False, self.gazetteer))
        ):
            return None
        entity = self.article.entity.get(start)
        if entity is not None and entity[2] in _NUMBER_ENTS:
            return None
        if self._in_actor_name(start, end) == "name":
            return None  # "Hamas Political Bureau": an actor's own name
        return Mention(start, end, key, postings, role="modifier")

    def _heads_institution(self, end: int) -> bool:
        """Whether up to three capitalised words after a name end in an organisation's word or
        an office's title ("Police", "Fire Department", "Art Museum", "Mayor")."""
        run = []
        for token in self.tokens[end : end + 3]:
            if not (token.is_alpha and token.is_title) or token.is_sent_start:
                break
            run.append(token)
        if any(token.lower_ in self.words.landmarks for token in run):
            return False  # "Toledo Street": a street's name, read by `landmarks`
        for token in run:
            if token.lower_ in self.words.organisations | self.words.person_titles:
                return True
            if self._large_place(token.text):
                return False  # "Jack London Police": the place is the word after
        return False

    # ── names that are not places ──

    def _only_places(self, begin: int, finish: int) -> bool:
        """Whether an entity is a list or a typed name of places, however spaCy labels it: place
        names joined by "and", commas, hyphens or a preposition ("the Izyum and Severodonetsk",
        "Belgorod at Kharkiv"), or with a
        division or area word ("Zaporizhia Oblasts"), or after a verb opening a clause
        ("Defend Kherson"). Two place names alone are a person's name ("Tyler Perry")."""
        keys = []
        # "fired from Belgorod at Kharkiv": two places tagged one name, whatever their words
        joined = any(t.is_lower and t.pos_ == "ADP" for t in self.tokens[begin + 1 : finish - 1])
        marked = joined
        for token in self.tokens[begin:finish]:
            word = token.lower_
            if word == "the" or (joined and token.is_lower and token.pos_ == "ADP"):
                continue
            if word == "-" or word in COORDINATION or word in self.words.area:
                marked = True
                continue
            if token.i == begin and self._sentence_initial(begin) and _verb_only(word):
                marked = True  # "(Objective: Defend Kherson …)": a capitalised verb opens it
                continue
            if word in self.words.region or PLURAL_REGION.fullmatch(word):
                marked = True
                continue
            if word in english_words() and not joined:
                return False  # "Jack London": a word of a person's name
            keys.append(normalise(token.text))
        return (
            marked
            and bool(keys)
            and all(len(found.places) for found in self.gazetteer.lookup(keys))
        )

    def _acronym(self, index: int) -> bool:
        """Whether a word in brackets spells the initials of the capitalised words before the
        bracket ("Royal United Services Institute (Rusi)"), as abbreviations are defined."""
        tokens = self.tokens
        letters = tokens[index].lower_
        if not (
            index >= 2
            and tokens[index - 1].text == "("
            and index + 1 < len(tokens)
            and tokens[index + 1].text == ")"
            and letters.isalpha()
        ):
            return False
        initials = []
        for token in reversed(tokens[max(0, index - 12) : index - 1]):
            if token.lower_ in ("of", "the", "and", "for", "on", "&"):
                continue
            if not (token.is_alpha and token.text[0].isupper()):
                break
            initials.append(token.lower_[0])
            if len(initials) == len(letters):
                break
        return "".join(reversed(initials)) == letters

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
        ("Kremlin spokesman", "Sudan's army"); "alias" among the proper nouns of a longer alias
        ("Boko" in "Boko Haram", "New York" in "New York Times"); "part" inside a longer name
        ("Gaza health ministry"); None outside every actor mention."""
        if not any(index in self.actor_names for index in range(start, end)):
            return None
        text = self.text[self.tokens[start].idx : text_end(self.tokens[end - 1])]
        entry = self.registry.entries.get(text)
        if entry is None:
            return "alias" if self._inside_alias(start, end) else "part"
        if entry.polity is not None or entry.metonym_of is not None or entry.seat_of is not None:
            return "qualifier"
        if entry.actor is not None and not entry.blocked:
            return "name"
        return "part"

    def _inside_alias(self, start: int, end: int) -> bool:
        """Whether the words lie among the proper nouns of an actor's longer alias ("Boko" in
        "Boko Haram fighters"), not before the common nouns of one ("Gaza health ministry")."""
        begin, finish = self.actor_names[
            next(i for i in range(start, end) if i in self.actor_names)
        ]
        tokens = self.tokens
        before = start > begin and _capitalised(tokens[start - 1])
        after = end < finish and _capitalised(tokens[end])
        if not (before or after):
            return False
        for first in range(begin if before else start, start + 1):
            for last in range(end, (finish if after else end) + 1):
                if (first, last) == (start, end):
                    continue
                name = self.text[tokens[first].idx : text_end(tokens[last - 1])]
                entry = self.registry.entries.get(name)
                if entry is not None and entry.actor is not None and not entry.blocked:
                    return True
        return False

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

    def _names_a_site(self, start: int) -> bool:
        """Whether a name follows a capitalised word that opens a street's or square's name,
        across "de", "la", "of" and the name's other words ("Plaza San Francisco", "Place de la
        République", and "Francisco" in the first)."""
        for k in range(start - 1, max(-1, start - 5), -1):
            word = self.tokens[k]
            if word.is_title and word.lower_ in self.words.site_openings:
                return True
            if word.lower_ not in _SITE_CONNECTORS and not (word.is_title and word.is_alpha):
                return False
        return False

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

    def _describes(self, index: int, key: str) -> bool:
        """Whether an adjective-like name ("Baltic", "Caspian", "Arctic": an English adjective or
        an "-ic"/"-ian"/"-ean" word) describes a noun after it that is no place word ("the Baltic
        country", "Caspian states", "the Baltic Fleet"); "the Mediterranean coast" is a place."""
        token = self.tokens[index]
        head = token.head
        if not (key in english_words("adj") or key.endswith(_ADJECTIVE_ENDINGS)):
            return False
        if token.dep_ not in ("amod", "compound", "nmod") or head.i <= index:
            return False
        word = head.lower_
        return head.pos_ in ("NOUN", "PROPN") and not (
            word in self.words.region
            or word in self.words.area
            or word in self.words.suffixes
            or word in self.words.features
            or word in self.words.shores
        )

    def _person_named_like(self, start: int, end: int, entity: tuple[int, int, str]) -> bool:
        """A place and one more proper noun make one two-word name that is not an organisation's
        ("Paris Hilton", not "Kyiv Post" nor a plural team name)."""
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

    def _large_place(self, word: str) -> bool:
        """Whether a word is the primary name of a country, a division or a large town."""
        postings = self.gazetteer.postings(normalise(word))
        named = postings.places[postings.matches == Match.NAME.value]  # `.value`: see `_accept`
        return bool(len(named)) and self._strong(Postings(named, postings.matches[:1]))

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
            self.gazetteer.feature[top] in (COUNTRY, ADMIN1)
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
        return bool(self.article.mentions) and self.article.mentions[-1].end == start - 1

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
        for ent in entities_of(self.doc):
            if (
                ent.label_ in _PERSON_ENTS
                and len(ent) > 1
                and not self._only_places(ent.start, ent.end)
            ):
                names.update(token.text for token in ent if token.is_alpha and token.is_title)
        for i in self.article.title_words:
            token = doc[i]
            if token.pos_ != "PROPN":
                continue
            titled = i > 0 and doc[i - 1].lower_.rstrip(".") in self.words.person_titles
            aged = (
                i + 3 < len(doc)
                and doc[i + 1].text == ","
                and doc[i + 2].like_num
                and doc[i + 3].text == ","
            )
            if titled or aged or (self._speaks(token) and not self._large_place(token.text)):
                names.add(token.text)  # "Belgorod continues to …" is still the city
        return names

    # ── after the lists and parents ──

    def entities(self) -> None:
        """spaCy GPE and LOC entities the gazetteer lacks, and names after "the city of" or
        "the village of" that spaCy did not read as places: kept, unresolved. Not kept: model
        names and codes ("Su-34", "G7", "RT") and one everyday word ("Supporting")."""
        covered = bytearray(len(self.tokens))
        for mention in self.article.mentions:
            covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        regional = self._regional()
        spans = []
        for ent in entities_of(self.doc):
            if ent.label_ not in _PLACE_ENTS or any(covered[ent.start : ent.end]):
                continue
            tokens = [t for t in ent if not (t.lower_ == "the" or t.is_punct)]
            if tokens and _capitalised(tokens[0]):
                spans.append((tokens[0].i, tokens[-1].i + 1))
        named = {start for start, _ in spans}
        for i in self.article.title_words:
            if i in named or covered[i]:
                continue
            if i > 0 and self.tokens[i - 1].lower_ == "of" and context.settlement(self.article, i):
                # "the southern city of Mykolayv", "the town of Ras Kamboni": a place by its cue
                end = i + 1
                while (
                    end < min(len(self.tokens), i + _CUED_NAME_WORDS)
                    and not covered[end]
                    and self.tokens[end].is_alpha
                    and self.tokens[end].is_title
                ):
                    end += 1
                spans.append((i, end))
        for start, end in sorted(spans):
            text = self.article.span(Mention(start, end, "", NO_POSTINGS)).of(self.text)
            if self._in_person(start, end) or (end - start == 1 and text in self.people):
                continue
            key = normalise(text)
            if not key or key in self.words.not_places or any(ch.isdigit() for ch in text):
                continue
            if end - start == 1 and (len(text) <= 3 or key in english_words()):
                continue
            mention = Mention(start, end, key, NO_POSTINGS, kind="entity")
            misspelt = candidates.misspelling(self.gazetteer, self.words, key) if regional else None
            if misspelt is not None:
                place, mention.spelled_like = misspelt
                mention.kind = "name"
                mention.postings = Postings(
                    np.asarray([place], dtype=np.int32), np.asarray([Match.ALTERNATE], np.uint8)
                )
            self.article.mentions.append(mention)

    def landmarks(self) -> None:
        """Street, park and natural feature names the gazetteer lacks: up to three capitalised
        words (or an ordinal, "Fifth Street", "50th Avenue") before a landmark word ("Maple
        Street", "Quarry Lake"), kept unresolved. A name read already, a person's name and a
        name inside an actor's name are left as they are."""
        tokens = self.tokens
        covered = bytearray(len(tokens))
        for mention in self.article.mentions:
            covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        for i in words_among(self.doc, self.words.landmarks):
            head = tokens[i]
            if covered[i] or i == 0:
                continue
            if not head.text[0].isupper():
                continue
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if head.text.endswith(".") and following is not None and _capitalised(following):
                continue  # "Church St. Anne": "St." is a saint's title here
            start = i
            while (
                start > max(0, i - 3)
                and not covered[start - 1]
                and not tokens[start].is_sent_start
                and _names_a_landmark(tokens[start - 1])
            ):
                start -= 1
            if start == i or self._in_person(start, i + 1) or start in self.actor_names:
                continue
            if start > 0 and covered[start - 1] and _capitalised(tokens[start - 1]):
                continue  # "Toledo Express Airport": the place read already names it
            key = normalise(self.text[tokens[start].idx : text_end(head)])
            if not key or tokens[start].lower_ in self.words.person_titles:
                continue
            self.article.mentions.append(Mention(start, i + 1, key, NO_POSTINGS, kind="landmark"))
            covered[start : i + 1] = b"\x01" * (i + 1 - start)

    def _regional(self) -> bool:
        """Whether the article names places of Ukraine, Russia or Belarus (two or more)."""
        gazetteer = self.gazetteer
        codes = {
            gazetteer.countries.index(c) for c in CYRILLIC_COUNTRIES if c in gazetteer.countries
        }
        return (
            sum(
                1
                for m in self.article.mentions
                if m.kind != "demonym"
                and len(m.postings.places)
                and int(gazetteer.country[int(m.postings.places[0])]) in codes
            )
            >= 2
        )

    def roles(self) -> None:
        """Metonyms (a country or capital that acts), modifiers (inside a longer name) and
        datelines (where the report was filed)."""
        from spacy.tokens import Span as DocSpan

        metonyms = [(m.span.start, m.span.end) for m in self.actor_mentions if m.role == "metonym"]
        registry = actors.load_registry()
        datelines = self._datelines()
        for mention in self.article.mentions:
            if mention.role != "location":
                continue
            span = self.article.span(mention)
            if any(s <= span.start and span.end <= e for s, e in datelines):
                mention.role = "dateline"  # "LONDON, April 12 (Reuters) -": where it was written
                continue
            if any(s <= span.start and span.end <= e for s, e in metonyms):
                mention.role = "metonym"
                continue
            entry = registry.entries.get(span.of(self.text))
            if entry is not None and entry.seat_of is not None and not self._located(mention):
                mention.role = "metonym"  # "a Kremlin demand": the seat stands for its actor
                continue
            if self._named_after(mention) or self._branch_of(mention, registry):
                # "Nuremberg trials": a thing named after the place; "MSF-Belgium": an
                # organisation's branch there
                mention.role = "modifier"
                continue
            root = DocSpan(self.doc, mention.start, mention.end).root  # its words, read once
            if _cited(root):
                mention.role = "metonym"  # "according to Pentagon estimates": who says it
                continue
            if self._formal_state(mention) and not self._on_territory(mention):
                mention.role = "metonym"  # "troops of the Republic of Belarus": the state
                continue
            entity = self.article.entity.get(mention.start)
            inside = entity is not None and (entity[0] < mention.start or entity[1] > mention.end)
            if inside and entity is not None and entity[2] in _MODIFIER_ENTS:
                if self._only_places(entity[0], entity[1]):
                    continue
                mention.role = "modifier"
                continue
            if mention.kind == "name" and self._may_act(mention.postings) and _acts(root, registry):
                mention.role = "metonym"

    def _datelines(self) -> list[tuple[int, int]]:
        """The character ranges of datelines ("WASHINGTON —", "LONDON, April 12 (Reuters) -",
        "CAPRI, Italy (AP) —"): a place name opening a line, in capitals or before an agency in
        brackets, then a dash, a colon or the report's first word, and prose after it (a line
        all in capitals is a headline)."""
        text = self.text
        found = []
        for line in _DATELINE.finditer(text):
            name = line.group("name")
            dashed = line.group("agency") or line.group("dash")
            # "UK Defence Secretary …" opens a line in capitals too: a bare name needs length
            if not (line.group("agency") or (name.isupper() and (dashed or len(name) >= 4))):
                continue
            line_end = text.find("\n", line.end())
            rest = text[line.end() : line_end if line_end >= 0 else len(text)]
            if any(ch.islower() for ch in rest):
                found.append((line.start("name"), line.end()))
        return found

    def _named_after(self, mention: Mention) -> bool:
        """Whether a name modifies a noun that names a thing after the place ("Nuremberg
        trials", "the Minsk agreements", "a Nuremberg-style trial")."""
        tokens = self.tokens
        following = mention.end
        if following < len(tokens) and tokens[following].text == "-":
            following += 1
        return (
            mention.kind == "name"
            and following < len(tokens)
            and tokens[following].lower_ in self.words.named_after
        )

    def _branch_of(self, mention: Mention, registry: actors.Registry) -> bool:
        """Whether a place name is joined to an organisation's acronym before it ("MSF-Belgium",
        "UNICEF-Congo"): the organisation's branch, not where anything happened ("US-Mexico",
        "DRC-Rwanda" join two places)."""
        tokens, start = self.tokens, mention.start
        if start < 2 or tokens[start - 1].text not in ("-", "–"):
            return False
        acronym = tokens[start - 2]
        joined = not acronym.whitespace_ and not tokens[start - 1].whitespace_
        return (
            joined
            and len(acronym.text) >= 2
            and acronym.text.isalpha()
            and acronym.text.isupper()
            and registry.polity_named(acronym.text) is None
            and not any(m.start <= start - 2 < m.end for m in self.article.mentions)
        )

    def _formal_state(self, mention: Mention) -> bool:
        """Whether a country is named by its formal name ("the Russian Federation") where its
        own name lacks the state-form word ("Russia")."""
        if mention.kind != "name" or not len(mention.postings.places):
            return False
        top = int(mention.postings.places[0])
        if self.gazetteer.feature[top] != COUNTRY:
            return False
        said = {token.lower_ for token in self.tokens[mention.start : mention.end]}
        own = set(normalise(self.gazetteer.name(top)).split())
        return bool((said & self.words.state_forms) - own)

    def _on_territory(self, mention: Mention) -> bool:
        """Whether a territory word stands before a mention ("in the Russian Federation")."""
        k = mention.start - 1
        if k >= 0 and self.tokens[k].lower_ == "the":
            k -= 1
        return k >= 0 and self.tokens[k].lower_ in self.words.territory

    def _located(self, mention: Mention) -> bool:
        """Whether a locative word stands before a mention ("in the Kremlin", "at the Kremlin")."""
        k = mention.start - 1
        if k >= 0 and self.tokens[k].lower_ == "the":
            k -= 1
        return k >= 0 and self.tokens[k].lower_ in self.registry.locative_prepositions

    def _may_act(self, postings: Postings) -> bool:
        """Countries and capitals stand for governments; towns do not."""
        top = int(postings.places[0])
        return bool(self.gazetteer.feature[top] == COUNTRY or self.gazetteer.capital[top])


# ─── spans given (evaluation) ─────────────────────────────────────────────────────────────────


def from_spans(article: Article, spans: Sequence[Span]) -> list[Mention]:
    """One mention per given span, its candidates read from the span's own words: in the
    spans' order here, in text order in `article.mentions`."""
    doc = article.tokens
    mentions: list[Mention] = []
    for span in spans:
        tokens = article.doc.char_span(span.start, span.end, alignment_mode="expand")
        start, end = (tokens.start, tokens.end) if tokens is not None else (0, 1)
        words = article.text[span.start : span.end].split()
        mention = Mention(start, max(end, start + 1), "", NO_POSTINGS)
        if len(words) > 1 and words[-1].lower() in article.words.region:
            mention.kind, mention.region_word = "region", words[-1].lower()
            words = words[:-1]
        mention.key = normalise(" ".join(words))
        mentions.append(mention)
    keys = [m.key for m in mentions]
    given_keys = frozenset(keys)
    names = candidates.lookup_names(article.gazetteer, sorted(given_keys))
    demonyms = article.gazetteer.lookup([demonym_key(k) for k in keys])
    ends = {mention.end for mention in mentions}
    for mention, demonym in zip(mentions, demonyms, strict=True):
        text = article.span(mention).of(article.text)
        start = mention.start
        after_comma = start >= 2 and doc[start - 1].text == "," and start - 1 in ends
        mention.postings = _given_postings(
            names[mention.key], demonym, text, after_comma, article.gazetteer
        )
        if mention.postings is demonym:
            mention.kind, mention.role = "demonym", "demonym"
        elif not len(mention.postings.places):
            mention.postings = candidates.shorter_name(
                article.gazetteer, article.words, mention.key
            )
            if not len(mention.postings.places):
                mention.postings = candidates.demonym_place(article.gazetteer, mention.key)
                if len(mention.postings.places):
                    mention.kind, mention.role = "demonym", "demonym"
            if not len(mention.postings.places):
                mention.postings, adjective = candidates.embedded_place(
                    article.gazetteer, article.words, mention.key, given_keys - {mention.key}
                )
                if adjective:
                    mention.kind, mention.role = "demonym", "demonym"
                elif len(mention.postings.places):
                    mention.kind = "embedded"
        if not len(mention.postings.places):
            mention.kind = "entity"
        elif mention.kind == "name" and (mention.postings.matches == Match.ABBREVIATION).all():
            mention.kind = "abbreviation"
        mention.nearby = context.nearby(article, mention.start, mention.end)
        mention.settlement = context.settlement(article, mention.start)
    article.mentions = sorted(mentions, key=lambda m: m.start)
    return mentions


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
    return NO_POSTINGS


# ─── helpers ──────────────────────────────────────────────────────────────────────────────────


_CUED_NAME_WORDS = 3
"""Words of a name after "the town of" that spaCy did not read as a place ("Ras Kamboni")."""


def _capitalised(token: Token) -> bool:
    return _capitalised_text(token.text)


def _capitalised_text(text: str) -> bool:
    return (
        bool(text)
        and text[0].isupper()
        and (text.isalpha() or any(ch.isalpha() for ch in text))  # a word: spared the scan
    )


def _inside_name_text(text: str) -> bool:
    """Whether a token's text may stand inside a name: a word, or a joining mark."""
    return text in _INSIDE_NAME or text.isalpha() or any(ch.isalpha() for ch in text)


def _names_a_landmark(token: Token) -> bool:
    """Whether a word may stand in a street's or a site's name: capitalised, or an ordinal
    ("50th")."""
    if token.lower_ == "the" or not token.text[:1].isalnum():
        return False
    return (token.is_title and token.is_alpha) or bool(
        re.fullmatch(r"\d+(st|nd|rd|th)", token.lower_)
    )


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


def _verb_only(word: str) -> bool:
    """Whether an English word is a verb and no noun ("defend", not "jack")."""
    return word in english_words("verb") and word not in english_words("noun")


def _cited(token: Token) -> bool:
    """Whether a name is, or qualifies, the source after "according to" ("according to
    Pentagon estimates", "according to Kyiv")."""
    while token.dep_ in ("compound", "poss", "amod", "nmod") and token.head is not token:
        token = token.head
    return (
        token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
    )


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
