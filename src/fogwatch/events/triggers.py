"""Triggers: the words of `data/event_triggers.yaml` that start an event, where their needs hold.

Each trigger ("withdrew", "captured", "fighting", "shelled", "killed", "detained", "protested",
"agreed", "ceasefire" …) has a frame that says what it does and the conditions it needs:
"pulled" only with "out"/"back", "hit" only with a weapon among its own words, "captured" only
with a named place as its object (checked when its place is read), "agreed" only to something,
a trigger marked `after` only following a sentence that holds one of those frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from fogwatch.events import syntax, weapons
from fogwatch.events.candidate import NON_STATE_ARMED, PEOPLE_INTERS
from fogwatch.events.lexicon import TriggerEntry
from fogwatch.language.nlp import hashes_in
from fogwatch.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word of the article that starts an event, with its lexicon entry."""

    token: Token
    entry: TriggerEntry


def find(reading: Reading) -> list[Trigger]:
    """The article's triggers whose conditions hold, in text order."""
    return [
        Trigger(token, entry)
        for token in _trigger_words(reading)
        if (entry := entry_of(reading, token)) is not None
    ]


_CROWD_SIZES = frozenset({"thousands", "hundreds", "dozens", "scores", "tens"})
"""Subjects that are a crowd by their number ("Thousands protested the law")."""
_SUBJECT_DEPS = frozenset({"nsubj", "agent"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


def entry_of(reading: Reading, token: Token) -> TriggerEntry | None:
    """The token's first trigger entry whose conditions hold here, else None."""
    lexicon = reading.lexicon
    entries = lexicon.triggers.get(token.lemma_.lower()) or lexicon.triggers.get(token.lower_)
    return next((entry for entry in entries or () if _holds(reading, token, entry)), None)


def _holds(reading: Reading, token: Token, entry: TriggerEntry) -> bool:
    """Whether the token is the trigger `entry` describes here."""
    if syntax.pos(token) not in entry.pos:
        return False
    if token.dep_ == "compound" and token.pos_ in syntax.NOUNS:
        return False  # "attack drones", "assault groups": a kind of thing, not an event
    if token.dep_ == "amod" and token.tag_ == "VBG" and token.head.pos_ in syntax.NOUNS:
        return False  # "a killing area", "the fighting season": a kind of thing, not an event
    if entry.frame == "protest" and _in_protest(token):
        return False  # "walked out in protest": why something was done, not a demonstration
    children = {child.lower_ for child in token.children} | {
        child.lemma_.lower() for child in token.children
    }
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and after.pos_ in ("ADJ", "ADV", "PART") and after.head.head.i == token.i:
        # "shot dead three Palestinians": the parser hangs the particle on the object
        children.add(after.lower_)
    if entry.particle and not entry.particle & children:
        return False
    if (
        entry.modifiers
        and not entry.modifiers & _modifier_words(token, entry.frame == "accord")
        and not (entry.frame == "accord" and _made_by_armed_group(reading, token))
    ):
        return False  # "offensive operations", never "information operations"
    objects = _object_words(token)
    if entry.objects and not entry.objects & objects:
        return False
    if entry.not_objects & objects:
        return False
    transitive = entry.intransitive and syntax.pos(token) == "VERB" and _has_object(token)
    if transitive and not (entry.frame == "protest" and _crowd_subject(reading, token)):
        return False  # "demonstrating the failure", "rallied support": no protest
    if entry.weapon and weapons.own_weapon(reading, token) is None:
        return False
    if entry.weapon_subject and not weapons.in_argument(reading, token, _SUBJECT_DEPS):
        return False
    if entry.weapon_object and not weapons.in_argument(reading, token, _OBJECT_DEPS):
        return False
    if entry.lemma == "agree" and not _agrees_to_something(token):
        return False
    return not entry.after or _follows(reading, token, entry.after)


def _made_by_armed_group(reading: Reading, token: Token) -> bool:
    """Whether an agreement noun is what an armed group and another party made ("the government
    and the Comuneros del Sur armed group signed an agreement"): a deal of the conflict's sides,
    whatever it settles."""
    if token.dep_ != "dobj" or token.head.lemma_.lower() not in reading.lexicon.accord_verbs:
        return False
    subjects = [
        side
        for child in token.head.children
        if child.dep_ == "nsubj"
        for side in syntax.with_conjuncts(child)
    ]
    named = [reading.actor_at.get(side.i) for side in subjects]
    return len(subjects) >= 2 and any(
        mention is not None and mention.actor.inter in NON_STATE_ARMED for mention in named
    )


def trigger_span(reading: Reading, token: Token, entry: TriggerEntry) -> Span:
    """The trigger word with its particle or weapon modifier ("pulled out", "drone attack")."""
    start = end = token.i
    for child in token.children:
        if (
            child.dep_ == "prt"
            or child.lower_ in entry.particle
            or (
                child.dep_ in ("compound", "amod") and weapons.weapon_of(reading, child) is not None
            )
        ):
            start, end = min(start, child.i), max(end, child.i)
    return reading.token_span(start, end + 1)


def _trigger_words(reading: Reading) -> list[Token]:
    """Tokens whose lemma or lower-case form is a trigger, found without building the others."""
    from spacy.attrs import LEMMA, LOWER

    doc = reading.doc
    strings = doc.vocab.strings
    keys = np.fromiter((strings.add(lemma) for lemma in reading.lexicon.triggers), dtype=np.uint64)
    rows = doc.to_array([LEMMA, LOWER])
    # compared in numpy: a Python row per token is ten times the work
    hits = np.flatnonzero(hashes_in(rows, keys).any(axis=1)).tolist()
    return [reading.tokens[i] for i in hits]


def _follows(reading: Reading, token: Token, frames: frozenset[str]) -> bool:
    """Whether the sentence before, in the same paragraph, holds a trigger of these frames."""
    sentence = reading.sentence(token.i)
    if sentence == 0:
        return False
    start, end = reading.sentence_starts[sentence - 1], reading.sentence_starts[sentence]
    if reading.paragraph(start) != reading.paragraph(token.i):
        return False
    for word in reading.doc[start:end]:
        entries = reading.lexicon.triggers.get(word.lemma_.lower(), ())
        if any(entry.frame in frames and not entry.after for entry in entries):
            return entry_of(reading, word) is not None
    return False


def _in_protest(token: Token) -> bool:
    """A bare singular noun after "in" ("in protest", "in protest against the law"): no
    article, no adjective; "took part in protests in X" tells of protests."""
    return (
        token.tag_ == "NN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and not any(child.dep_ in ("det", "amod", "nummod", "poss") for child in token.children)
    )


def _modifier_words(token: Token, settles: bool) -> set[str]:
    """What a noun's modifiers say it is ("offensive operations", "a peace deal"); `settles`:
    for an agreement noun, also what its "on"/"for" phrase settles ("an agreement on a
    cessation of hostilities")."""
    words = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
    for child in token.children:
        if settles and child.dep_ == "prep" and child.lower_ in ("on", "for"):
            words |= {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"}
    return words


_QUANTITY_NOUNS = frozenset(
    {"dozen", "hundred", "thousand", "score", "number", "batch", "group", "handful", "couple"}
)
"""Nouns that only count what their "of" phrase names ("dozens of prisoners")."""


def _object_words(token: Token) -> set[str]:
    words = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "compound", "attr") or (
            child.dep_ == "ccomp" and child.lower_ == "that"
        ):
            words |= {child.lemma_.lower(), child.lower_}
        counts = child.lemma_.lower() in _QUANTITY_NOUNS or child.pos_ == "NUM"
        if child.dep_ in ("dobj", "nsubjpass") and counts:
            # "swapped dozens of prisoners", "beheaded six of its hostages": what the quantity
            # counts is the object
            words |= {
                g.lemma_.lower()
                for prep in child.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for g in prep.children
                if g.dep_ == "pobj"
            }
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "to", "on"):
            words |= {grand.lemma_.lower() for grand in child.children if grand.dep_ == "pobj"}
        if child.dep_ == "mark" and child.lower_ == "that":
            words.add("that")
        if child.dep_ == "csubjpass":
            # "corridors to evacuate people … had been agreed": the parser makes the noun the
            # subject of a clausal passive subject
            words |= {g.lemma_.lower() for g in child.children if g.dep_ == "nsubj"}
    if any(child.dep_ == "ccomp" for child in token.children):
        words.add("that")
    if token.dep_ == "acl":
        words |= {token.head.lemma_.lower(), token.head.lower_}  # "civilians executed by …"
    return words


def _agrees_to_something(token: Token) -> bool:
    """ "agreed to a ceasefire", "agreed on an exchange", "corridors were agreed" — not "agreed
    that it was hard"."""
    for child in token.children:
        if child.dep_ in ("xcomp", "dobj", "nsubjpass", "csubjpass"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon", "with"):
            return True
    return False


def _crowd_subject(reading: Reading, token: Token) -> bool:
    """Whether people, not a state, protest something: "farmers protested the new laws",
    "farmers blocked roads to protest the laws" (never "Turkey protested the remarks")."""
    verb = token
    if token.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in token.children):
        verb = token.head  # the purpose's subject is its governing verb's
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        if child.lemma_.lower() in reading.lexicon.civilian_words or child.lower_ in _CROWD_SIZES:
            return True  # "farmers", "students", "thousands"
        for word in child.subtree:
            mention = reading.actor_at.get(word.i)
            if mention is not None and mention.actor.inter in PEOPLE_INTERS:
                return True
    return False


def _has_object(token: Token) -> bool:
    return any(child.dep_ in ("dobj", "ccomp") for child in token.children)
