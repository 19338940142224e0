"""Clause structure in a spaCy parse, as every part of the event coder reads it.

Pure functions of the parse: the verb that heads a trigger's clause, whether a verb heads a
clause of its own, and paths up the tree. Nothing here knows about triggers or mentions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "csubj"})
"""Where a name acts rather than says where ("Moscow said", "as Moscow moves")."""
VERBS = frozenset({"VERB", "AUX"})
NOUNS = frozenset({"NOUN", "PROPN"})
MAX_CLIMB = 12
"""How far up the tree any search goes: a parse loop or a long sentence never runs away."""
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl"})


def clause_head(token: Token) -> Token:
    """The verb whose clause holds the trigger (a noun trigger's nearest verb above it)."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.dep_ == "ROOT" or node.head is node:
            return node
        if node.pos_ in VERBS and not _gerund_subject(node):
            return node
        node = node.head
    return node


def _gerund_subject(token: Token) -> bool:
    """ "Fighting continued around X": a gerund that is its verb's subject names what the
    clause is about; the clause is its verb's."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in SUBJECTS
        and not any(child.dep_ in SUBJECTS or child.dep_ == "dobj" for child in token.children)
    )


def is_clause(token: Token) -> bool:
    """A verb that heads a clause of its own: it has a subject, or is a subordinate clause."""
    if token.pos_ not in VERBS:
        return False
    if token.dep_ in _CLAUSE_DEPS or token.dep_ == "ROOT":
        return True
    return token.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in token.children)


def verbs_below(head: Token) -> set[int]:
    """Verbs of the clauses inside a clause ("weapons he received in October")."""
    return {t.i for t in head.subtree if t.i != head.i and is_clause(t)}


def path_to(token: Token, stop: Token) -> list[Token] | None:
    """Tokens from `token` up to `stop` (exclusive), or None when `stop` is not above it."""
    path: list[Token] = []
    node = token
    for _ in range(MAX_CLIMB):
        if node.i == stop.i:
            return path
        path.append(node)
        if node.head is node:
            return None
        node = node.head
    return None


def in_clause_apart(token: Token, trigger: Token, is_clause_apart: Callable[[Token], bool]) -> bool:
    """Whether `token` lies in a clause `is_clause_apart` picks out that does not hold the
    trigger ("as Iraqi forces battle IS", "as leaders began a summit in X"): a party or a place
    of that clause, not of the trigger's event."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.left_edge.i <= trigger.i <= node.right_edge.i:
            return False
        if is_clause_apart(node):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def pos(token: Token) -> str:
    """VERB or NOUN as the trigger table names them (proper nouns are nouns)."""
    return "NOUN" if token.pos_ in NOUNS else token.pos_


def has_subject(token: Token) -> bool:
    return any(child.dep_ in SUBJECTS for child in token.children)


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.i > token.i)]


def between_sides(token: Token) -> list[Token]:
    """The sides a trigger's "between" phrase names, in order, also where the parser hangs the
    phrase on the verb the trigger noun is the subject of ("clashes erupted [between the army
    and M23 rebels]") or on the place the clause names ("clashes broke out in Tripoli's Souq
    al-Juma district between X and Y"), unless there it says where the place lies ("in the
    Abyei area between Sudan and South Sudan")."""
    holders = [token]
    if token.pos_ in NOUNS and token.dep_ == "nsubj":
        holders.append(token.head)
    sides = _between(holders)
    if sides:
        return sides
    places = [
        place
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near")
        for place in prep.children
        if place.dep_ == "pobj"
    ]
    sides = _between(places)
    return [] if any(side.ent_type_ in _PLACE_ENTITIES for side in sides) else sides


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _between(holders: list[Token]) -> list[Token]:
    return [
        side
        for holder in holders
        for child in holder.children
        if child.dep_ == "prep" and child.lower_ == "between"
        for pobj in child.children
        if pobj.dep_ == "pobj"
        for side in _named_sides(pobj)
    ]


def _named_sides(pobj: Token) -> list[Token]:
    """ "between the army and M23": both; "between two armed groups, the Radaa force and the
    Nawasi Brigade": the two the plural noun sums up, in apposition or (as the parser may read
    them) its conjuncts after a comma."""
    sides = with_conjuncts(pobj)
    if pobj.tag_ != "NNS":
        return sides
    named = [c for c in pobj.children if c.dep_ == "appos"]
    if named:
        return [side for first in named for side in with_conjuncts(first)]
    counted = any(
        (c.dep_ == "nummod" and _NUMBERS.get(c.lower_) == len(sides) - 1)
        or (c.dep_ == "amod" and c.lower_ in ("rival", "warring"))
        for c in pobj.children
    )
    summed_up = (
        counted
        and len(sides) >= 3
        and pobj.i + 1 < len(pobj.doc)
        and pobj.doc[pobj.i + 1].text == ","
    )
    return sides[1:] if summed_up else sides


_NUMBERS = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}
