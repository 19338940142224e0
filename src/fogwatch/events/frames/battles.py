"""Battles without a change of control: "fighting", "clashed", "repelled", "stormed X".

Actor1 is the side that attacks and actor2 the other — the subject of "fought", the object of
"repelled" (`defence_verbs`); a battle with one side named is against the other side of the war
(`parties.two_sides`), and a battle with no place of its own is placed at the article's focus
(`events.place`). A crowd of protesters or rioters clashing with police or troops is a violent
demonstration, the crowd actor1, never a battle; so is a clash no armed group fights in a sentence
that tells of a protest or riot.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import parties, syntax, triggers
from fogwatch.events.candidate import ARMED_CLASH, ActorRef, Candidate
from fogwatch.events.clause import Clause, candidates

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = frozenset({"clash"})
VIOLENT_DEMONSTRATION = "Violent demonstration"
_CROWDS = frozenset({"protesters", "rioters"})
_CROWD_FRAMES = frozenset({"protest", "riot"})
_STATE_FORCES = 1
_ARMED_GROUP_INTERS = frozenset({2, 3, 4, 8})
"""ACLED inter codes of rebels, political and identity militias, and external forces."""


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Armed clashes between two sides."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    if _crowd_fights(reading, candidate.trigger):
        # "clashes between police and protesters": the crowd's violent demonstration
        _crowd_violence(reading, candidate, [*clause.agents, *clause.patients])
        return True
    # ACLED: organised armed groups fighting with no change of control is an armed clash
    candidate.sub_type = ARMED_CLASH
    communities = parties.communities_fighting(reading, _side_words(candidate.trigger))
    if communities:
        # "farmers and herders clashed": two communities' militias
        candidate.actor1, candidate.actor2 = communities[0], communities[1]
        return True
    parties.two_sides(reading, candidate, clause.agents, clause.patients)
    if candidate.trigger.lemma_.lower() in reading.lexicon.defence_verbs:
        candidate.actor1, candidate.actor2 = candidate.actor2, candidate.actor1
    crowd = next(
        (ref for ref in (candidate.actor1, candidate.actor2) if ref and ref.actor.kind in _CROWDS),
        None,
    )
    if crowd is not None:
        # ACLED: a crowd fighting police or troops is a violent demonstration, never a battle
        # (a battle is fought by organised armed groups); the crowd is actor1
        other = candidate.actor2 if crowd is candidate.actor1 else candidate.actor1
        candidate.sub_type = VIOLENT_DEMONSTRATION
        candidate.actor1, candidate.actor2 = crowd, other
    elif _crowd_in_sentence(reading, candidate.trigger) and not _armed_group_fights(candidate):
        # "police used tear gas as clashes erupted during a protest", "supporters clashed with
        # police while protesting": no armed group fights; the sentence's crowd does
        _crowd_violence(reading, candidate, [*clause.agents, *clause.patients])
    return True


def _side_words(trigger: Token) -> list[Token]:
    """The nouns a clash names as its sides: those it is between, its subjects, those it is
    fought with, those it pits against each other ("clashes between A and B", "A and B
    clashed", "A clashed with B", "clashes pitting A against B")."""
    sides = syntax.between_sides(trigger)
    for child in trigger.children:
        if child.dep_ == "nsubj":
            sides.extend(syntax.with_conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in ("with", "against"):
            sides.extend(
                g for c in child.children if c.dep_ == "pobj" for g in syntax.with_conjuncts(c)
            )
        elif child.dep_ == "acl" and child.lemma_.lower() == "pit":
            # "pitting A against B": A its object, B the one it is pitted against
            sides.extend(c for c in child.children if c.dep_ == "dobj")
            sides.extend(_side_words(child))
    return sides


def _crowd_violence(reading: Reading, candidate: Candidate, sides: list[ActorRef]) -> None:
    """Code the clash as a crowd's violent demonstration: the crowd is actor1 (`parties.complete`
    names it for its country), the state force it fought actor2, a side of the clash or else
    the force its sentence names ("Bolivian police fired tear gas as clashes erupted")."""
    candidate.sub_type = VIOLENT_DEMONSTRATION
    candidate.frame = "riot"
    candidate.actor1 = None
    named = (reading.actor_at.get(word.i) for word in candidate.trigger.sent)
    in_sentence = [
        ActorRef(mention.actor, mention.span)
        for mention in named
        if mention is not None and mention.actor.kind != "government"
    ]
    candidate.actor2 = next(
        (ref for ref in (*sides, *in_sentence) if ref.actor.inter == _STATE_FORCES), None
    )


def _crowd_in_sentence(reading: Reading, trigger: Token) -> bool:
    """Whether the trigger's sentence tells of a protest or riot: a word of theirs (not "a
    demonstration of strength") or a crowd the actor layer names ("protesters")."""
    for word in trigger.sent:
        shown = any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children)
        if word.i != trigger.i and not shown and _crowd_word(reading, word):
            return True
        mention = reading.actor_at.get(word.i)
        if mention is not None and mention.actor.kind in _CROWDS:
            return True
    return False


def _armed_group_fights(candidate: Candidate) -> bool:
    """Whether a party of the clash is a non-state armed group or a foreign force."""
    return any(
        ref.actor.inter in _ARMED_GROUP_INTERS
        for ref in (candidate.actor1, candidate.actor2, *candidate.assoc)
        if ref is not None
    )


def _crowd_fights(reading: Reading, trigger: Token) -> bool:
    """Whether a protest word is a side of the clash: its subject, the one it is fought with, or
    one of those it is between ("clashes between police and protesters", also where the parser
    hangs "between" on the verb: "clashes erupted between police and protesters")."""
    # a conjunct's words lie in its first conjunct's subtree: the sides and the object suffice
    sides = [*_side_words(trigger), *(c for c in trigger.children if c.dep_ == "dobj")]
    return any(_crowd_word(reading, word) for side in sides for word in side.subtree)


def _crowd_word(reading: Reading, word: Token) -> bool:
    entry = triggers.entry_of(reading, word) if word.i in reading.trigger_clauses else None
    return entry is not None and entry.frame in _CROWD_FRAMES
