"""Strategic developments: agreements, arrests, looting, strikes prevented.

An agreement (frame `agree`: "signed a truce", "exchanged prisoners") is between the sides its
clause names, else the subject of the verb above it, else, for talks that follow others just
named, the parties of the sentence before. An agreement noun (frame `accord`: "ceasefire",
"talks") is an event only under a verb that makes, rejects or wants one ("reached a ceasefire";
"rejected proposals for a ceasefire" is a negated one). Arrests are by an authority; detention
by forces outside their own state is an abduction instead (violence against civilians).
Agreements and arrests take a place only from a locative phrase (`events.place`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import parties, syntax
from fogwatch.events.candidate import ActorRef, Candidate
from fogwatch.events.clause import Clause, candidates

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = frozenset({"agree", "accord", "arrest", "loot", "intercept"})
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
ABDUCTION = "Abduction/forced disappearance"
LOOTING = "Looting/property destruction"
DISRUPTED_WEAPONS = "Disrupted weapons use"
_OTHER_SUB_TYPES = {"loot": LOOTING, "intercept": DISRUPTED_WEAPONS}


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Agreements, arrests, looting and prevented strikes."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    frame = clause.entry.frame
    if frame == "accord" and not accord_governed(reading, clause.token):
        return False
    if frame in ("agree", "accord"):
        return _agreement(reading, candidate, clause)
    if frame == "arrest":
        return _arrest(reading, candidate, clause)
    # looting and prevented strikes: who did it, and to whom
    candidate.sub_type = clause.entry.sub_type or _OTHER_SUB_TYPES[frame]
    candidate.actor1 = clause.agents[0] if clause.agents else None
    candidate.actor2 = clause.patients[0] if clause.patients else None
    return True


def _agreement(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    # ACLED: peace deals, ceasefires, prisoner exchanges and surrenders are Agreements
    candidate.sub_type = AGREEMENT
    token = candidate.trigger
    # the clause's parties; for an agreement noun, first the subject of the verb that makes it
    # ("the Central African Republic signed a ceasefire agreement with the rebel group"), unless
    # the noun names both sides itself ("Qatar brokered a deal between Russia and Ukraine")
    between = _between(reading, token)
    maker = _maker(reading, token) if clause.entry.frame == "accord" and len(between) < 2 else []
    sides = parties.distinct_sides(
        [*_subject_parties(reading, token), *clause.agents, *maker, *clause.patients, *between]
    )
    if not sides:
        # "Putin rejected … a ceasefire": whoever the verb above names
        sides = parties.distinct_sides(_governor_subjects(reading, token))
    if not sides and clause.entry.after:
        # "The last round took place July 23": the parties of the talks just named
        previous = reading.doc[reading.sentence_starts[candidate.sentence - 1]]
        sides = parties.distinct_sides(parties.sentence_actors(reading, previous, military=False))
    candidate.actor1 = sides[0] if sides else None
    candidate.actor2 = sides[1] if len(sides) > 1 else None
    candidate.assoc = sides[2:]
    return True


def _arrest(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    authority = clause.agents[0] if clause.agents else None
    candidate.actor1 = authority
    candidate.actor2 = clause.patients[0] if clause.patients else None
    place = candidate.place
    country = place.mention.place.country if place and place.mention.place else None
    home = reading.lexicon.home_countries.get(authority.actor.side) if authority else None
    if authority is not None and home and country and home != country:
        # ACLED: detention by forces outside their own state is an abduction, not an arrest
        candidate.sub_type = ABDUCTION
        candidate.actor2 = parties.civilians_ref(reading, candidate.trigger_span)
        candidate.civilian_targeting = True
    else:
        # ACLED: a state authority detaining people is a strategic development (Arrests)
        candidate.sub_type = ARRESTS
    return True


def _subject_parties(reading: Reading, token: Token) -> list[ActorRef]:
    """Every party an agreement verb's subject names, in text order: the parser may fold "the
    Syrian government and rebel groups" into one noun with the government as its modifier."""
    if token.pos_ not in syntax.VERBS:
        return []
    words = []
    for subject in (c for c in token.children if c.dep_ == "nsubj"):
        for noun in syntax.with_conjuncts(subject):
            # the noun, and the modifiers the parser folds a coordination into; never a
            # relative clause, an apposition or "backed by …"
            folded = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
            words += [noun, *(w for m in folded for w in syntax.with_conjuncts(m))]
    return parties.actors(reading, sorted(words, key=lambda w: w.i), military=False)


def accord_governed(reading: Reading, token: Token) -> bool:
    """An agreement noun is an event only under a verb that makes, rejects or wants one."""
    lexicon = reading.lexicon
    node = token
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in lexicon.accord_verbs:
        return True
    for _ in range(syntax.MAX_CLIMB):
        if node.head is node:
            return False
        node = node.head
        lemma = node.lemma_.lower()
        if (
            lemma in lexicon.accord_verbs
            or lemma in lexicon.negating_verbs
            or lemma in lexicon.hypothetical_verbs
            or lemma in lexicon.hypothetical_nouns
        ):
            return True
        if node.pos_ in syntax.VERBS and syntax.is_clause(node):
            return False
    return False


def _between(reading: Reading, token: Token) -> list[ActorRef]:
    """ "a ceasefire between Russia and Ukraine", "talks with the rebels"."""
    sides = syntax.between_sides(token)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    sides.extend(syntax.with_conjuncts(pobj))
    return parties.actors(reading, sides, military=False)


def _maker(reading: Reading, token: Token) -> list[ActorRef]:
    """The subject of the verb that makes an agreement noun one ("Mali signed a ceasefire
    agreement"), if that verb is one of `accord_verbs`."""
    node = token
    for _ in range(syntax.MAX_CLIMB):
        if node.head is node:
            return []
        node = node.head
        if node.pos_ in syntax.VERBS:
            if node.lemma_.lower() not in reading.lexicon.accord_verbs:
                return []
            agents = parties.arguments(reading, node)[0]
            return parties.actors(reading, agents, military=False, pronouns=True)
    return []


def _governor_subjects(reading: Reading, token: Token) -> list[ActorRef]:
    """The subject of the verb above an agreement noun ("Putin rejected … a ceasefire")."""
    node = token
    for _ in range(syntax.MAX_CLIMB):
        if node.pos_ in syntax.VERBS:
            agents, patients = parties.arguments(reading, node)
            return parties.actors(reading, [*agents, *patients], military=False, pronouns=True)
        if node.head is node:
            break
        node = node.head
    return []
