"""Territory: a side takes, retakes or gives up a named place.

A withdrawal is territory taken by the other side; where no side the text names takes it, the
withdrawing party's change of activity. State forces taking ground in their own
country regain it; anyone else overtakes it (ACLED: Government regains territory, Non-state actor
overtakes territory); a place the sentence says was taken without a fight ("entered
unopposed", "met no resistance") is a non-violent transfer. Fighting told by its aim ("operations
to seize X") is an armed clash at X: the operation happened, the capture did not (yet).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fogwatch.events import modality, parties
from fogwatch.events.candidate import ARMED_CLASH, ARMED_INTERS, ActorRef, Candidate
from fogwatch.events.clause import Clause, candidates
from fogwatch.events.lexicon import TERRITORY_FRAMES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading
    from fogwatch.events.triggers import Trigger

FRAMES = TERRITORY_FRAMES
_ATTEMPTS = frozenset({"attempt", "try", "seek"})
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
# "letting/allowing X take over/take control of the town": a withdrawal that hands a place over
_LETTING = frozenset({"let", "allow", "enable", "permit"})
_TAKING = frozenset({"take", "seize", "enter", "occupy", "capture", "control"})
CHANGE_OF_ACTIVITY = "Change to group/activity"
_UNARMED_KINDS = frozenset({"international organisation", "government", "media", "analysis/OSINT"})
"""Actor kinds that never hold ground, whatever their inter code (the UN and the ICRC are 8)."""


def find(reading: Reading, triggers: Iterable[Trigger]) -> list[Candidate]:
    """Places changing hands: "withdrew from X", "captured X", "X fell to Y"."""
    return candidates(reading, triggers, FRAMES, _code)


def _code(reading: Reading, candidate: Candidate, clause: Clause) -> bool:
    # the place is None only where the clause names one the gazetteer lacks (`clause._open`)
    place = candidate.place
    agents, patients = clause.agents, clause.patients
    let_in = None
    if clause.entry.frame == "lose":
        loser = agents[0] if agents else None
        let_in = _let_in(reading, candidate.trigger)
        taker = let_in or (parties.opponent(reading, loser, candidate.trigger) if loser else None)
    else:
        taker = agents[0] if agents else None
        loser = patients[0] if patients else _taken_from(reading, candidate.trigger)
        if loser is None and taker is not None:
            loser = parties.opponent(reading, taker, candidate.trigger)
    if taker is None and clause.entry.frame == "lose" and withdraws_alone(reading, loser):
        # "Hezbollah forces pulled back from X", "French troops withdrew from Gao": no side the
        # text names takes it, so the event is the withdrawing party's move
        candidate.sub_type = CHANGE_OF_ACTIVITY
        candidate.actor1 = loser
        return True
    if taker is None:
        operation = _operation(reading, candidate.trigger) if clause.entry.frame != "lose" else None
        if operation is None:
            return False
        # "a battalion of the 1st Tank Regiment attempted to seize X", "a Russian offensive is
        # under way to seize X": fighting at X; its sides are the sentence's, else the
        # paragraph's (`incidents`)
        candidate.sub_type = ARMED_CLASH
        candidate.modality = modality.find(reading, operation, clause.entry)
        candidate.told_by = operation
        parties.two_sides(reading, candidate, [], patients)
        return True
    country = place.mention.place.country if place and place.mention.place else None
    if place is None:
        # a place the gazetteer lacks ("a hamlet between Tikrit and Samarra"): in the one
        # country the sentence's other places lie in
        country = _sentence_country(reading, candidate.trigger)
    home = reading.lexicon.home_countries.get(taker.actor.side)
    state = taker.actor.inter == 1
    if home is None and state and country:
        # a state outside the lexicon's war: its own ground is where the registry puts it
        at_home = reading.registry.state_of(country) == taker.actor.side
        home = country if at_home else None
    if state and home is not None and country:
        # ACLED: state forces retaking their own ground regain it; foreign forces overtake it
        regains = home == country
    else:
        regains = state and clause.entry.frame == "retake"
    candidate.sub_type = GOVERNMENT_REGAINS if regains else NON_STATE_OVERTAKES
    if let_in is not None or unopposed(reading, candidate.trigger):
        candidate.sub_type = NON_VIOLENT_TRANSFER  # ACLED: control taken without fighting
    candidate.actor1, candidate.actor2 = taker, loser
    operation = _operation(reading, candidate.trigger)
    if operation is not None and clause.entry.frame != "lose":
        candidate.sub_type = ARMED_CLASH
        candidate.modality = modality.find(reading, operation, clause.entry)
        candidate.told_by = operation
    return True


def _let_in(reading: Reading, trigger: Token) -> ActorRef | None:
    """ "withdrew from El Bur, letting al-Shabaab take over the town", "pulled out, allowing the
    rebels to take control": the party a withdrawal lets take the place, without a fight."""
    for child in trigger.children:
        if child.dep_ not in ("advcl", "conj", "xcomp") or child.lemma_.lower() not in _LETTING:
            continue
        for verb in child.children:
            if verb.dep_ in ("ccomp", "xcomp") and verb.lemma_.lower() in _TAKING:
                subjects = [c for c in verb.children if c.dep_ == "nsubj"]
                objects = [c for c in child.children if c.dep_ == "dobj"]
                refs = parties.actors(reading, subjects or objects, military=True)
                if refs:
                    return refs[0]
    return None


def _taken_from(reading: Reading, trigger: Token) -> ActorRef | None:
    """ "restored Singa city from the Rapid Support Forces", "seized the town from the army":
    the party a place is taken from (the parser may hang "from" on the place's apposition)."""
    held = [
        noun
        for prep in trigger.subtree
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for noun in prep.children
        if noun.dep_ == "pobj"
    ]
    refs = parties.actors(reading, held, military=True)
    return refs[0] if refs else None


def _sentence_country(reading: Reading, trigger: Token) -> str | None:
    """The one country of the places the trigger's sentence names, if they agree."""
    sentence = trigger.sent
    countries = {
        mention.place.country
        for mention in reading.result.places
        if mention.place is not None
        and mention.role == "location"
        and sentence.start_char <= mention.span.start < sentence.end_char
    }
    return countries.pop() if len(countries) == 1 else None


def withdraws_alone(reading: Reading, loser: ActorRef | None) -> bool:
    """Whether a withdrawal is its party's own move (ACLED: Change to group/activity): an armed
    party outside a war whose sides the lexicon knows (there the other side takes the place);
    an agency or aid group leaving ("the IAEA withdrew its inspectors") is no event."""
    return (
        loser is not None
        and loser.actor.inter in ARMED_INTERS
        and loser.actor.kind not in _UNARMED_KINDS
        and loser.actor.side not in reading.lexicon.opponents
    )


def unopposed(reading: Reading, trigger: Token) -> bool:
    """ "entered the town without resistance", "seized a deserted base", "had not encountered
    any resistance": the sentence says the place changed hands without a fight."""
    lexicon = reading.lexicon
    for token in trigger.sent:
        lemma = token.lemma_.lower()
        if lemma in lexicon.unopposed_words:
            return True
        if lemma not in lexicon.fight_nouns:
            continue
        # "without resistance", "no resistance", "not … any resistance"
        denials = [token.head, *token.children, *token.head.children]
        if any(t.lower_ in lexicon.negations or t.lower_ == "without" for t in denials):
            return True
    return False


def _operation(reading: Reading, trigger: Token) -> Token | None:
    """The military operation whose aim the trigger is ("operations to seize X"), if any."""
    if not any(child.dep_ == "aux" and child.lower_ == "to" for child in trigger.children):
        return None
    nouns = reading.lexicon.operation_nouns
    head = trigger.head
    if trigger.dep_ in ("acl", "relcl", "advcl") and head.lemma_.lower() in nouns:
        return head
    if trigger.dep_ in ("xcomp", "advcl"):
        # the parser's "continued [operations] [to seize X]", "[an offensive] is under way [to
        # seize X]"
        operation = next(
            (c for c in head.children if c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in nouns),
            None,
        )
        if operation is not None:
            return operation
        # "attempted to seize X (but failed)": the attempt, told in the past, was the fighting
        if trigger.dep_ == "xcomp" and head.tag_ == "VBD" and head.lemma_.lower() in _ATTEMPTS:
            return head
    return None
