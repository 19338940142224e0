"""People killed and wounded: the toll of their sentence's event, or an event of their own.

A casualty trigger joins the sentence's nearest violent event (`events.incidents`). Coded on its
own, its weapon makes it a strike, an armed actor killing civilians (or civilians shot dead) an
attack on civilians, and an armed actor killing combatants an armed clash; with none of these it
only joins another event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import parties, weapons
from fogwatch.events.candidate import ARMED_CLASH, ARMED_INTERS, ATTACK, Candidate, add_evidence
from fogwatch.events.clause import Clause, candidates

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = frozenset({"casualty"})


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Killed and wounded: kept to join the sentence's event, or coded on their own."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    token, agents, patients = clause.token, clause.agents, clause.patients
    weapon = weapons.own_weapon(reading, token) or weapons.sentence_weapon(reading, token)
    civilian = weapons.targets_civilians(reading, token, candidate.victims)
    # "the army killed a FARC dissident commander": the dead are of an armed party
    combatants = weapons.combatant_victims(reading, token) or any(
        ref.actor.inter in ARMED_INTERS for ref in patients
    )
    candidate.actor1 = agents[0] if agents else None
    if weapon is not None:
        candidate.sub_type = weapon[0]
        add_evidence(candidate, weapon[1])
    elif civilian is not None and (agents or _shot_by_unknown(reading, token)):
        # ACLED: an organised armed actor killing civilians is violence against civilians; so
        # is a civilian shot dead, whoever fired ("a bus driver was shot dead at a terminal")
        candidate.sub_type = ATTACK
    elif combatants and (agents or parties.unnamed_state_agent(reading, token)):
        candidate.sub_type = ARMED_CLASH
        candidate.combatant_victims = True
    else:
        candidate.sub_type = ""  # only joins another event
    if civilian is None and combatants:
        candidate.combatant_victims = True  # the event it joins was fought, not a massacre
    if civilian is not None:
        candidate.civilian_targeting = True
        candidate.actor2 = parties.civilians_ref(reading, civilian)
    elif patients:
        candidate.actor2 = patients[0]
    return True


def _shot_by_unknown(reading: Reading, token: Token) -> bool:
    """ "a bus driver was shot dead at a terminal": a shooting with no shooter named, not one
    the sentence makes private or chance ("shot dead by his neighbour in a land dispute", "in a
    robbery", "in crossfire")."""
    if token.lemma_.lower() != "shoot" or any(c.dep_ == "agent" for c in token.children):
        return False
    return not any(word.lower_ in reading.lexicon.private_violence_words for word in token.sent)
