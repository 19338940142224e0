"""Explosions and remote violence: strikes, shelling, bombing, devices going off.

The weapon nearest the trigger decides a strike's sub-event type (`events.weapons`). An attack
that names no weapon is ground fighting (an armed clash) when troops attack a place or a
position, violence against civilians when an armed actor targets civilians, else the
classifier's choice when one is given (`Reading.classify`); a chemical agent named in the
sentence makes it a chemical weapon whatever delivered it. A blast is coded only with a weapon
word in its sentence or a device that went off ("a bomb exploded"), and only when no strike or
clash of the sentence explains it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import parties, syntax, weapons
from fogwatch.events.candidate import ARMED_CLASH, ATTACK, ActorRef, Candidate, add_evidence
from fogwatch.events.clause import Clause, candidates
from fogwatch.events.triggers import entry_of
from fogwatch.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = frozenset({"remote", "explosion"})
# People gathered: the target of gunfire, never of shelling ("fired on a crowd", "on a march").
_CROWD_WORDS = frozenset(
    {"crowd", "protester", "demonstrator", "mourner", "gathering", "march", "rally", "protest"}
)


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Strikes and explosions, coded by their weapon."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    token, entry = clause.token, clause.entry
    agents, patients = clause.agents, clause.patients
    if entry.frame == "explosion" and _heard(token):
        return False
    if _intercepted(reading, token):
        return False  # "grenades were discovered", "drones were shot down": no strike of its own
    if entry.frame == "explosion" and _sentence_has_other_trigger(reading, token):
        return False  # a blast the sentence's strike or clash already explains
    device = None
    if entry.frame == "explosion" and weapons.sentence_weapon(reading, token) is None:
        device = weapons.exploded_device(reading, token)
        if device is None:
            # ACLED's remote explosive is a device detonating; a blast of unknown cause is,
            # in this war, mostly a strike the text does not name
            return False
    weapon = weapons.chemical_weapon(reading, token) or device or weapons.own_weapon(reading, token)
    # "gunmen opened fire on worshippers", "militants struck two villages": gunfire and raids,
    # not the entry's artillery fire
    raid = _raided(reading, token, agents)
    fixed = None if raid or _opened_fire(reading, token) else entry.sub_type
    if weapon is None and not (fixed is None and _ground_attack(reading, token, agents)):
        weapon = weapons.sentence_weapon(reading, token)
    civilian = weapons.targets_civilians(reading, token, candidate.victims)
    if weapon is not None:
        sub_type = weapon[0]
        add_evidence(candidate, weapon[1])
    elif fixed is not None:
        sub_type = fixed
    elif raid:
        sub_type = ATTACK  # ACLED: armed men attacking where people live, no weapon of war named
    else:
        unarmed = _unarmed_attack(reading, token, agents, patients, civilian)
        if unarmed is None:
            return False
        sub_type = unarmed
    candidate.sub_type = sub_type
    if sub_type == ARMED_CLASH:
        parties.two_sides(reading, candidate, agents, patients)
        return True
    candidate.actor1 = agents[0] if agents else None
    candidate.assoc = agents[1:]
    if civilian is not None or sub_type == ATTACK:
        candidate.civilian_targeting = True
        candidate.actor2 = parties.civilians_ref(reading, civilian or candidate.trigger_span)
    elif patients:
        candidate.actor2 = patients[0]
    return True


def _raided(reading: Reading, token: Token, agents: list[ActorRef]) -> bool:
    """ "al-Shabaab militants struck two villages": a non-state armed group strikes where people
    live and the sentence names no weapon of war (a group's rockets are its shelling)."""
    if not agents or agents[0].actor.inter not in parties.NON_STATE_ARMED:
        return False
    if weapons.sentence_weapon(reading, token) is not None:
        return False
    return any(
        child.dep_ == "dobj" and child.lemma_.lower() in reading.lexicon.inhabited_places
        for child in token.children
    )


def _opened_fire(reading: Reading, token: Token) -> bool:
    """ "opened fire on worshippers": the noun "fire" as the object of "open", aimed at people
    or positions; fire opened on a town ("opened fire on Enerhodar") is shelling. The verb
    "fired on a crowd" is gunfire too, where people are its target."""
    if token.lemma_.lower() == "fire" and token.pos_ == "VERB":
        lexicon = reading.lexicon
        people = lexicon.civilian_words | lexicon.combatant_words | _CROWD_WORDS
        return any(
            target.lemma_.lower() in people
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in ("on", "at", "into")
            for target in prep.children
            if target.dep_ == "pobj"
        )
    if token.lower_ != "fire" or token.dep_ != "dobj" or token.head.lemma_.lower() != "open":
        return False
    places = {root.i for _, root in reading.places}
    return not any(
        target.i in places
        for prep in token.head.children
        if prep.dep_ == "prep" and prep.lower_ == "on"
        for target in prep.children
        if target.dep_ == "pobj"
    )


def _ground_attack(reading: Reading, token: Token, agents: list[ActorRef]) -> bool:
    """ "Russian forces attacked Rubizhne": troops attacking a place or a position."""
    return bool(agents) and (
        weapons.military_words(reading, token)
        or any(t.i in reading.actor_at for t in token.subtree if t.i != token.i)
        or any(root.i in {t.i for t in token.subtree} for _, root in reading.places)
    )


def _unarmed_attack(
    reading: Reading,
    token: Token,
    agents: list[ActorRef],
    patients: list[ActorRef],
    civilian: Span | None,
) -> str | None:
    """An attack that names no weapon: ground fighting, violence against civilians, or the
    classifier's choice among them."""
    if patients or weapons.military_words(reading, token):
        return ARMED_CLASH
    if civilian is not None and agents:
        # ACLED: an armed actor targeting civilians, no weapon of war named
        return ATTACK
    choices = (ARMED_CLASH, ATTACK, "Air/drone strike", "Shelling/artillery/missile attack")
    ranked = reading.classify(token, choices)
    if ranked is not None:
        return ranked
    return ARMED_CLASH if agents else None


def _intercepted(reading: Reading, token: Token) -> bool:
    """Whether a weapon noun is what a trigger of the intercept frame finds or stops (its object,
    one listed with it, or its quantity's): "a crate of rifles and a box of
    grenades were found"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = token
    for _ in range(syntax.MAX_CLIMB):
        if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN", "NUM"):
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head
        else:
            break
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    entry = entry_of(reading, noun.head) if noun.head.i in reading.trigger_clauses else None
    return entry is not None and entry.frame == "intercept"


def _heard(token: Token) -> bool:
    """ "Explosions were heard": a sound, not an event ACLED can code."""
    return token.head.lemma_.lower() in ("hear", "report") or any(
        c.lemma_.lower() == "hear" for c in token.children
    )


def _sentence_has_other_trigger(reading: Reading, token: Token) -> bool:
    for t in token.sent:
        if t.i == token.i or t.i not in reading.trigger_clauses:
            continue
        entry = entry_of(reading, t)
        if entry is not None and entry.frame not in ("explosion", "casualty"):
            return True
    return False
