"""The reading every event family starts from: one candidate per trigger, from its clause.

Before a family codes a trigger, its clause is read the same way for all of them: the trigger's
span, its modality (`events.modality`), its place (`events.place`: territory triggers and those
that need a named place only as their object, weak ones only from their own clause), and its
agents and patients as actors (`events.parties`: as armed parties in violent frames). After the
family has coded it, the clause gives it its date (`events.date`), and an asserted event dated a
month or more before publication ("captured Bakhmut in May 2023") becomes historical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogwatch.events import date, modality, parties, place, syntax, weapons
from fogwatch.events.candidate import ARMED_CLASH, ActorRef, Candidate
from fogwatch.events.lexicon import TERRITORY_FRAMES, VIOLENT_FRAMES, TriggerEntry
from fogwatch.events.reading import bare_definite
from fogwatch.events.triggers import Trigger, trigger_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading


@dataclass(frozen=True, slots=True)
class Clause:
    """A trigger with the parties of its clause, as the family that codes it receives them."""

    token: Token
    entry: TriggerEntry
    agents: list[ActorRef]
    patients: list[ActorRef]


Code = Callable[["Reading", Candidate, Clause], bool]
"""A family's coding of one clause: fills the candidate, or returns False for no event."""


def candidates(
    reading: Reading, triggers: Iterable[Trigger], frames: frozenset[str], code: Code
) -> list[Candidate]:
    """The candidates of the triggers with these frames, each coded by `code`, in text order."""
    coded = []
    for trigger in triggers:
        if trigger.entry.frame not in frames:
            continue
        opened = _open(reading, trigger.token, trigger.entry)
        if opened is None:
            continue
        candidate, clause = opened
        if not code(reading, candidate, clause):
            continue
        _close(reading, candidate)
        coded.append(candidate)
    return coded


def _open(reading: Reading, token: Token, entry: TriggerEntry) -> tuple[Candidate, Clause] | None:
    """The candidate with its span, modality and place, and the clause's parties."""
    frame = entry.frame
    candidate = Candidate(
        sub_type=entry.sub_type or ARMED_CLASH,
        frame=frame,
        trigger=token,
        trigger_span=trigger_span(reading, token, entry),
        sentence=reading.sentence(token.i),
        triggers=[token.i],
    )
    candidate.evidence.add(candidate.trigger_span)
    candidate.modality = modality.find(reading, token, entry)
    if entry.place_object or frame in TERRITORY_FRAMES:
        candidate.place = place.object_place(reading, token, entry)
        if candidate.place is None:
            if not place.names_unknown_object(reading, token, entry):
                return None  # "captured the city": no named place changes hands
            # "captured the village of Ceel Dheer in Galgaduud": placed in the division named
            candidate.place = place.division(place.find(reading, token, entry, strict=True))
    else:
        weak = syntax.pos(token) in entry.weak
        candidate.place = place.find(reading, token, entry, strict=weak)
        if weak and candidate.place is None and not place.names_unknown(reading, token):
            return None
    if entry.new_object and any(
        child.dep_ == "dobj" and bare_definite(child) for child in token.children
    ):
        return None  # "militiamen stormed the village": the attack told before, told again
    agents, patients = parties.arguments(reading, token)
    violent = frame in VIOLENT_FRAMES
    agent_refs = parties.actors(reading, agents, military=violent, pronouns=True)
    patient_refs = parties.actors(reading, patients, military=violent, pronouns=False)
    victims = parties.actors(reading, patients, military=False, pronouns=False)
    if violent:
        patient_refs = parties.communities_hit(reading, agent_refs, patient_refs)
        victims = parties.communities_hit(reading, agent_refs, victims)
    candidate.victims = victims
    if entry.military and not agent_refs and not weapons.military_words(reading, token):
        return None
    if (
        entry.armed
        and not agent_refs
        and not weapons.military_words(reading, token)
        and weapons.own_weapon(reading, token) is None
    ):
        return None
    return candidate, Clause(token, entry, agent_refs, patient_refs)


def _close(reading: Reading, candidate: Candidate) -> None:
    """Date the coded candidate and settle what its date and parties say of it."""
    token = candidate.trigger
    if candidate.place is not None and candidate.place.level == 3 and candidate.actor1 is None:
        candidate.place = None  # an event with no party is no evidence about the focus
    candidate.date = date.find(reading, token)
    if candidate.modality == "asserted" and (
        candidate.date.historical
        or (candidate.date.span is None and (_since(token) or _told_before(token)))
    ):
        candidate.modality = "historical"


def _since(token: Token) -> bool:
    """ "since Russia's withdrawal from Kyiv": an event that opens a period, long past."""
    return token.dep_ == "pobj" and token.head.lower_ == "since"


def _told_before(token: Token) -> bool:
    """ "forces damaged in the failed attack on Kyiv": a definite event noun in the phrase of a
    participle describing something else names an incident the reader already knows, not one
    the sentence reports."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    participle = token.head.head
    definite = any(child.dep_ == "det" and child.lower_ == "the" for child in token.children)
    return definite and participle.tag_ == "VBN" and participle.dep_ == "acl"
