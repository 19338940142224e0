"""Protests and riots: demonstrators gather, or turn violent.

The words of the protest's clause say how it went (`data/event_triggers.yaml`,
`protest_outcomes`): force against the protesters, an intervention, or violence by them sets
the sub-event type. The protesters are actor1; the state that intervenes, if named, actor2.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import parties
from fogwatch.events.candidate import ARMED_INTERS, ActorRef, Candidate
from fogwatch.events.clause import Clause, candidates
from fogwatch.events.triggers import entry_of
from fogwatch.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = frozenset({"protest", "riot"})
PEACEFUL_PROTEST = "Peaceful protest"
VIOLENT_DEMONSTRATION = "Violent demonstration"
EXCESSIVE_FORCE = "Excessive force against protesters"
INTERVENTION = "Protest with intervention"
PROTESTERS_ACTOR = "CIV.protesters"
_STATE_INTERS = frozenset({1})


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Demonstrations, coded by how they went."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    token = clause.token
    words = [reading.doc[i] for i in reading.scope(token)]
    # what is protested ("protested the arrest of an imam") tells nothing of how it went
    protested = {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
    told = [t for t in words if t.i not in protested]
    lemmas = {t.lemma_.lower() for t in told} | {t.lower_ for t in told}
    sub_type = VIOLENT_DEMONSTRATION if clause.entry.frame == "riot" else PEACEFUL_PROTEST
    if clause.entry.frame == "protest" and said_violent(reading, token, words):
        sub_type = VIOLENT_DEMONSTRATION
        candidate.turned_violent = True
    elif clause.entry.frame == "protest":
        sub_type = outcome(reading, lemmas) or PEACEFUL_PROTEST
    candidate.sub_type = sub_type
    protesters = reading.registry.actors.get(PROTESTERS_ACTOR)
    subject = _subject_phrase(reading, token)
    if protesters is not None:
        candidate.actor1 = ActorRef(protesters, subject or candidate.trigger_span)
    if sub_type in (EXCESSIVE_FORCE, INTERVENTION, VIOLENT_DEMONSTRATION):
        # the state that intervened; force may be used by anyone armed who acts in the
        # sentence (ACLED: "gunmen fired on protesters" is excessive force too), never the
        # group the crowd protests ("protesters denouncing the rebels were shot by police")
        named = parties.sentence_actors(reading, token, military=False)
        state = [ref for ref in named if ref.actor.inter in _STATE_INTERS]
        armed = [
            ref
            for ref in named
            if sub_type == EXCESSIVE_FORCE
            and ref.actor.inter in ARMED_INTERS
            and _acts(reading, ref)
        ]
        candidate.actor2 = next(iter(state or armed), None)
        candidate.civilian_targeting = sub_type == EXCESSIVE_FORCE
    return True


def outcome(reading: Reading, lemmas: set[str], *, crowd_violent: bool = True) -> str | None:
    """How a protest went, by the first outcome whose cue words its clause holds (ACLED: force,
    intervention or the crowd's violence sets its sub-type); `crowd_violent` False where the
    clause has the force, not the crowd, acting."""
    for sub_type, cues in reading.lexicon.protest_outcomes:
        if sub_type == VIOLENT_DEMONSTRATION and not crowd_violent:
            continue
        if cues & lemmas:
            if sub_type == EXCESSIVE_FORCE and _dispersed_only(reading, lemmas):
                return INTERVENTION  # "police fired teargas at protesters"
            return sub_type
    return None


def crowd_violence(reading: Reading, lemmas: set[str]) -> bool:
    """Whether a sentence's words tell a crowd's violence ("clashed", "hurled stones", "the
    protest descended into violence")."""
    cues = next(c for name, c in reading.lexicon.protest_outcomes if name == VIOLENT_DEMONSTRATION)
    return bool(lemmas & cues) or "violence" in lemmas


def _dispersed_only(reading: Reading, lemmas: set[str]) -> bool:
    """Whether the only force the words tell is fire of what disperses a crowd ("fired teargas",
    "fired rubber bullets"), with no one killed, shot or wounded."""
    lexicon = reading.lexicon
    force = dict(lexicon.protest_outcomes)[EXCESSIVE_FORCE] & lemmas
    return force <= {"fire"} and bool(lexicon.less_lethal_words & lemmas)


def _acts(reading: Reading, ref: ActorRef) -> bool:
    """Whether a party is named as a doer: a subject, or the object of "by"."""
    root = parties.mention_root(reading, ref)
    return root is not None and (
        root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.lower_ == "by")
    )


def said_violent(reading: Reading, token: Token, clause: list[Token]) -> bool:
    """ "violent protests", "rallied in aggressive demonstrations", "the rally turned violent":
    a protest word of the clause is itself said to be violent (not "a non-violent march", "the
    demonstration was not violent")."""
    violent = reading.lexicon.violent_protest_words
    for word in clause:
        entry = entry_of(reading, word)
        if word.i != token.i and (entry is None or entry.frame != "protest"):
            continue
        own = [c for c in word.children if c.dep_ == "amod"]
        if word.dep_ in ("nsubj", "nsubjpass"):
            own += [c for c in word.head.children if c.dep_ in ("acomp", "oprd")]
        if any(
            (c.lemma_.lower() in violent or c.lower_ in violent) and not _denied(c) for c in own
        ):
            return True
    return False


def _denied(word: Token) -> bool:
    """ "non-violent", "not violent", "was not violent": the word is negated."""
    doc = word.doc
    if word.i >= 2 and doc[word.i - 1].text in ("-", "–") and doc[word.i - 2].lower_ == "non":
        return True
    return any(c.dep_ == "neg" for c in (*word.children, *word.head.children))


def _subject_phrase(reading: Reading, token: Token) -> Span | None:
    """The words of a trigger's subject ("Hundreds of people" protested)."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return reading.token_span(child.left_edge.i, child.right_edge.i + 1)
    if token.dep_ == "acl" and token.head.i < token.i:
        return reading.token_span(token.head.left_edge.i, token.i)
    return None
