"""The learned sub-type classifier where the frames are silent or leave the sub-type open.

The frames (`events.frames`) code an incident only when its trigger word meets its conditions
("captured" with a named place, "attack" with an armed agent …); short reports often tell a real
incident in words the frames do not take ("a mob lynched a man", "militants seized a rocket
site"). In a short report (a brief, an alert, a wire snippet: at most `SHORT_REPORT_SENTENCES`
sentences) this module backs the frames off to the sentence classifier (`events.classify`, which
ranks the ACLED sub-event types of a short event description) in two ways:

- **a missed sentence**: a prose sentence where no frame made a candidate, holding an incident
  word (a trigger word of `data/event_triggers.yaml` whose conditions hold, not a toll, or a
  word of `data/event_incident_words.yaml`) that the eventness model (`events.eventness`) reads as
  reported (P(asserted) + P(historical) ≥ `REPORTED_AT_LEAST`), becomes one event of the
  classifier's best ACLED sub-type when the classifier gives it at least `SUB_TYPE_AT_LEAST`;
  place, date and parties come from the incident word's clause, read the way the frames read
  theirs (`events.place`, `events.date`, `events.parties`);
- **a sentence with one event**: once candidates are merged into incidents, a sentence's one
  reported event takes the classifier's sub-type when the classifier gives that one at least
  `CORRECT_AT_LEAST` (a sentence with events of several sub-types is left alone: one
  sentence-level label cannot tell them apart), except where the clause's own words decide the
  sub-type (territory, remote violence by its weapon, agreements, a protest said to be violent)
  and never into territory.

Long articles are left to the frames. The classifier is trained on short ACLED-style
descriptions; read sentence by sentence inside long war reporting it is often wrong (on the
real-news dev yardstick, a first version that coded and corrected the first three qualifying
sentences of every article took asserted precision from 0.85 to 0.75 and sub-type accuracy from
0.80 to 0.71), and its sentence encoder costs about twice spaCy's parse of a sentence. Thresholds were chosen on the CASE 2021 task 2 dev
snippets (README, "Measured").
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

import yaml

from fogwatch import structure
from fogwatch.events import date, eventness, parties, place, taxonomy, triggers, weapons
from fogwatch.events.candidate import ARMED_CLASH, ARMED_INTERS, ATTACK, Candidate
from fogwatch.events.frames import protests, strategic, territory
from fogwatch.events.lexicon import TriggerEntry
from fogwatch.events.reading import bare_definite

if TYPE_CHECKING:
    from spacy.tokens import Span as SentenceSpan
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading

Ranking = Sequence[tuple[str, float]]
RankMany = Callable[[Sequence[str]], Sequence[Ranking]]
"""Ranks the sub-event types of many sentences at once (`events.classify.classify_many`)."""
SentenceLabels = dict[int, tuple[str, float]]
"""Sentence index → the classifier's best ACLED sub-event type and its probability."""

INCIDENT_WORDS_FILE = "event_incident_words.yaml"
SHORT_REPORT_SENTENCES = 5
"""Reports of at most this many sentences are read by the classifier; longer ones are not."""
REPORTED_AT_LEAST = 0.1
"""Eventness P(asserted) + P(historical) an incident word needs to back a missed sentence."""
SUB_TYPE_AT_LEAST = 0.2
"""Classifier probability the best ACLED sub-type of a missed sentence needs."""
CORRECT_AT_LEAST = 0.2
"""Classifier probability that overrules the sub-type of a sentence's one event."""
NOT_CODED = frozenset({"Other"})
"""Sub-types a sentence label alone never codes: ACLED's "Other" is no incident the text names."""
_INCIDENT_POS = frozenset({"VERB", "NOUN", "PROPN"})
_REPORTED = ("asserted", "historical")
_SETTLEMENT_NOUNS = frozenset(
    {"village", "town", "city", "capital", "settlement", "area", "district", "base", "hamlet"}
)
"""Objects that make a capture a change of territory though no place is named."""
_CONTROL_NOUNS = frozenset({"control", "hold", "possession"})
"""Objects whose "of"/"over" phrase names what is taken ("took control of X")."""
_CONTROL_PREPOSITIONS = frozenset({"of", "over"})
_TERRITORY = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)
"""Decided by who takes a named place, and whether it was taken at all ("operations to seize X"
are fighting there): the frames read both, the classifier reads neither."""
_TAKEN = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_AGAINST_CIVILIANS = "Violence against civilians"
_RIOTS = "Riots"
_PROTESTS = "Protests"
_CASUALTY = "casualty"
_STRATEGIC = "Strategic developments"
_LOOTING = "Looting/property destruction"
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", _AGAINST_CIVILIANS})
_WORDS_DECIDE = (
    _TERRITORY
    | {
        sub.name
        for sub in taxonomy.SUB_EVENT_TYPES
        if sub.event_type == "Explosions/Remote violence"
    }
    | {"Agreement"}
    | {"Protest with intervention", "Disrupted weapons use"}
)
"""Sub-types the frames decide from the words of the clause (a capture verb with its place, the
weapon, "agreed to", a protest's intervention: "police detained protesters", weapons found or shot
down); the classifier never overrules them."""

# the frame a backed-off event is coded under: it decides how killed counts and merging treat it
_FRAME_OF_EVENT_TYPE = {
    "Battles": "clash",
    "Explosions/Remote violence": "remote",
    "Violence against civilians": "civilians",
    "Protests": "protest",
    "Riots": "riot",
    "Strategic developments": "accord",
}
_FRAME_OF_SUB_TYPE = {
    "Government regains territory": "retake",
    "Non-state actor overtakes territory": "take",
    "Arrests": "arrest",
    "Agreement": "agree",
    "Looting/property destruction": "loot",
    "Disrupted weapons use": "intercept",
}
_ENTRY = TriggerEntry(
    lemma="",
    frame="clash",
    pos=frozenset(),
    sub_type=None,
    weak=frozenset(),
    particle=frozenset(),
    objects=frozenset(),
    not_objects=frozenset(),
    intransitive=False,
    after=frozenset(),
    place_object=False,
    weapon=False,
    military=False,
    armed=False,
    modifiers=frozenset(),
)
"""A neutral trigger entry for reading an incident word's place with `events.place`."""


@dataclass(frozen=True, slots=True)
class _Missed:
    sentence: int
    word: Token
    judgement: eventness.Judgement


def is_short_report(reading: Reading) -> bool:
    """Whether the article is short enough for the classifier (`SHORT_REPORT_SENTENCES`)."""
    return len(reading.sentence_starts) <= SHORT_REPORT_SENTENCES


def sentence_labels(reading: Reading, rank_many: RankMany) -> SentenceLabels:
    """The classifier's best ACLED sub-type, with its probability, of each sentence; a chemical
    attack only where the sentence names a chemical agent (the classifier reads one into "the
    worst such attack in the city since 2019")."""
    sentences = list(reading.doc.sents)
    rankings = rank_many([sentence.text for sentence in sentences])
    return {
        index: best
        for index, (sentence, ranking) in enumerate(zip(sentences, rankings, strict=True))
        if (best := _best_sub_type(ranking, chemical=_names_chemical(reading, sentence)))
        is not None
    }


def _names_chemical(reading: Reading, sentence: SentenceSpan) -> bool:
    """Whether a sentence names a chemical agent or weapon ("chlorine", "toxic gas")."""
    words = reading.lexicon.chemical_words
    return any(token.lemma_.lower() in words or token.lower_ in words for token in sentence)


def missed_events(
    reading: Reading, framed: set[int], labels: SentenceLabels, tolls: set[int]
) -> list[Candidate]:
    """One candidate for each missed sentence the classifier codes.

    `framed` holds the sentences where a frame made an event candidate of any modality (a
    negated or hypothetical reading is still a reading of its sentence, not a miss); `tolls`
    those that tell people killed or hurt.
    """
    coded = []
    for index, missed in _missed(reading, framed).items():
        label = labels.get(index)
        if label is None or label[1] < SUB_TYPE_AT_LEAST:
            continue
        if index in tolls and taxonomy.sub_event_type(label[0]).event_type == _STRATEGIC:
            # "ceasefire violations continued, claiming the life of a man": a development
            # that kills is violence (ACLED), which the sentence names no more of
            continue
        candidate = _candidate(reading, missed, label[0])
        placed = candidate.place is not None and candidate.place.level <= 1
        if label[0] in _TERRITORY and not (placed or _takes_a_settlement(reading, missed.word)):
            continue  # ACLED: territory changes hands at a place, named or at least said
        coded.append(candidate)
    return coded


def correct(events: list[Candidate], labels: SentenceLabels) -> None:
    """Give the classifier's sub-type to a sentence's reported event when the classifier is
    confident (`CORRECT_AT_LEAST`) and the sentence holds that one event (or its copies at the
    places of one list); a sentence with events of several sub-types is left alone, as one
    sentence-level label cannot tell them apart."""
    by_sentence: dict[int, list[Candidate]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event)
    for index, found in by_sentence.items():
        label = labels.get(index)
        if label is None or label[1] < CORRECT_AT_LEAST:
            continue
        if len({event.sub_type for event in found}) != 1:
            continue
        if found[0].sub_type in _WORDS_DECIDE or label[0] in _TERRITORY:
            continue
        crowd = found[0].frame in ("protest", "riot")
        labelled = taxonomy.sub_event_type(label[0]).event_type
        if crowd and labelled not in (_PROTESTS, _RIOTS):
            # ACLED: arrests at a protest are its intervention, its actors the crowd's; violence
            # against protesters is excessive force, by whoever used it
            continue
        if any(event.turned_violent for event in found):
            continue  # the report tells of the crowd's violence where it goes on
        riot = taxonomy.sub_event_type(label[0]).event_type == _RIOTS
        if riot and any(_armed_side(event) for event in found):
            continue  # ACLED: rioters are a riot's actor1; armed men the clause names fight no riot
        looting = label[0] == _LOOTING
        if labelled == _STRATEGIC and any(
            event.killed or event.frame == _CASUALTY or (_violence_on(event) and not looting)
            for event in found
        ):
            # ACLED: a development that kills is violence ("raiders … killing 14", "police
            # killed a suspected commander"), and so is an attack the words aim at a party
            # ("defected after gunmen attacked the SDF's bases")
            continue
        against_civilians = labelled == _AGAINST_CIVILIANS
        if against_civilians and any(event.combatant_victims for event in found):
            continue  # "gunmen killed three soldiers": a battle, however the sentence reads
        for event in found:
            if event.modality in _REPORTED:
                event.sub_type = label[0]


def _told_lemmas(word: Token) -> set[str]:
    """The words of a sentence that tell what happened, not what kind of thing a noun is
    ("riot police", "riot gear" say nothing of a riot)."""
    told = [t for t in word.sent if not (t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN")]
    return {t.lemma_.lower() for t in told} | {t.lower_ for t in told}


def _violence_on(event: Candidate) -> bool:
    """Whether the frames read the event as violence done to a party they name (which a label of
    looting, also done to someone, may still recode: "stormed the office and seized documents")."""
    return (
        bool(event.sub_type)
        and taxonomy.sub_event_type(event.sub_type).event_type in _VIOLENT
        and event.actor2 is not None
    )


def _armed_side(event: Candidate) -> bool:
    """Whether a side of the event is a non-state armed group ("clan militias", "ISWAP"; "the
    army clashed with fighters from the Fano militia")."""
    return any(
        side is not None and side.actor.inter in parties.NON_STATE_ARMED
        for side in (event.actor1, event.actor2)
    )


def _missed(reading: Reading, framed: set[int]) -> dict[int, _Missed]:
    """Prose sentences without a frame candidate whose likeliest reported incident word passes
    the eventness gate."""
    words: dict[int, list[Token]] = {}
    for index, sentence in enumerate(reading.doc.sents):
        if index in framed or not _is_prose(reading, sentence):
            continue
        found = [token for token in sentence if _incident_word(reading, token)]
        if found:
            words[index] = found
    tokens = [token for found in words.values() for token in found]
    judged = dict(
        zip(
            (t.i for t in tokens),
            eventness.judge_many(reading.doc, tokens, reading.published),
            strict=True,
        )
    )
    missed = {}
    for index, found in words.items():
        word = max(found, key=lambda t: _reported(judged[t.i]))
        if _reported(judged[word.i]) >= REPORTED_AT_LEAST:
            missed[index] = _Missed(index, word, judged[word.i])
    return missed


def _takes_a_settlement(reading: Reading, word: Token) -> bool:
    """ "freed several villages", "seized the capital of a province", "took control of X, a
    strategic village": the object is a place, though not one the text names or the gazetteer
    knows ("the village" alone refers to one it does not know)."""
    return any(_settlement(noun) for noun in _taken_nouns(word))


def _taken_nouns(word: Token) -> list[Token]:
    """What a taking word takes: its object, or what the control it takes is of ("taken control
    of X", "control over X" for the noun "control" itself)."""
    objects = [child for child in word.children if child.dep_ in ("dobj", "nsubjpass")]
    holders = [word, *(noun for noun in objects if noun.lemma_.lower() in _CONTROL_NOUNS)]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in _CONTROL_PREPOSITIONS:
                objects.extend(child for child in prep.children if child.dep_ == "pobj")
    return objects


def _settlement(noun: Token) -> bool:
    """A settlement noun with a description of its own, or a name with one in apposition ("X,
    a strategic village")."""
    nouns = [noun, *(child for child in noun.children if child.dep_ == "appos")]
    return any(n.lemma_.lower() in _SETTLEMENT_NOUNS and not bare_definite(n) for n in nouns)


def _is_prose(reading: Reading, sentence: SentenceSpan) -> bool:
    return structure.is_prose(
        reading.result.parts, reading.token_span(sentence.start, sentence.end)
    )


def _incident_word(reading: Reading, token: Token) -> bool:
    if token.pos_ not in _INCIDENT_POS:
        return False
    if token.ent_type_ in ("DATE", "TIME"):
        return False  # "NIAMEY, March 4 (Xinhua)": a month, no march
    lemma, lower = token.lemma_.lower(), token.lower_
    entry = triggers.entry_of(reading, token)
    if entry is not None and entry.frame == "explosion":
        # a blast of unknown cause tells that something went off, not what (`frames.remote`)
        return (
            weapons.sentence_weapon(reading, token) is not None
            or weapons.exploded_device(reading, token) is not None
        )
    if entry is not None and entry.frame == "accord":
        # "any peace deal must include guarantees": an agreement noun only under a verb that
        # makes one, as the frames read it
        return strategic.accord_governed(reading, token)
    if entry is not None and entry.frame == "casualty":
        # "the army killed scores of fighters" tells an incident; "two people were killed"
        # counts the dead of one told elsewhere
        return any(child.dep_ == "nsubj" for child in token.children)
    if entry is not None:
        return True
    # a trigger word whose conditions fail ("attack drones" is a kind of drone) is an incident
    # word only if ACLED's definitions turn on it anyway ("intercepted guns", "set up a base")
    words, nouns = _incident_words()
    if token.pos_ in ("VERB", "AUX", "ADJ") and lemma in nouns:
        return False  # "the Britain-based monitor", "where they were based" (a headline's "Base" stays)
    return bool({lemma, lower, _phrasal(token), _hyphenated(reading, token)} & words)


def _phrasal(token: Token) -> str:
    """ "set up" for "set" with its particle "up"; the lemma alone otherwise."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{token.lemma_.lower()} {particle}" if particle else token.lemma_.lower()


def _hyphenated(reading: Reading, token: Token) -> str:
    """ "shoot-out" when the parser split it into "shoot", "-", "out"; the word otherwise."""
    doc = reading.doc
    if (
        token.i + 2 < len(doc)
        and not token.whitespace_
        and doc[token.i + 1].text == "-"
        and not doc[token.i + 1].whitespace_
    ):
        return f"{token.lower_}-{doc[token.i + 2].lower_}"
    return token.lower_


@functools.cache
def _incident_words() -> tuple[frozenset[str], frozenset[str]]:
    """The incident words, and those of them that are incident words only as nouns."""
    text = files("fogwatch.data").joinpath(INCIDENT_WORDS_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return frozenset(str(word) for word in data["words"]), frozenset(
        str(word) for word in data.get("nouns", ())
    )


def _reported(judgement: eventness.Judgement) -> float:
    return sum(judgement.probabilities[label] for label in _REPORTED)


def _best_sub_type(ranking: Ranking, *, chemical: bool) -> tuple[str, float] | None:
    """The classifier's best ACLED sub-event type (its CASE-only labels are no ACLED events;
    a chemical weapon only where `chemical`)."""
    for label, probability in ranking:
        if label == weapons.CHEMICAL_WEAPON and not chemical:
            continue
        if taxonomy.is_acled(label) and label not in NOT_CODED:
            return label, probability
    return None


def _candidate(reading: Reading, missed: _Missed, sub_type: str) -> Candidate:
    """One event from a missed sentence's incident word, read like a frame's trigger."""
    word = missed.word
    event_type = taxonomy.sub_event_type(sub_type).event_type
    frame = _FRAME_OF_SUB_TYPE.get(sub_type, _FRAME_OF_EVENT_TYPE.get(event_type, "clash"))
    probabilities = missed.judgement.probabilities
    modality = (
        "asserted" if probabilities["asserted"] >= probabilities["historical"] else "historical"
    )
    span = reading.token_span(word.i, word.i + 1)
    if sub_type in _TERRITORY and territory.unopposed(reading, word):
        sub_type = territory.NON_VIOLENT_TRANSFER  # as the frames read it
    clause = [reading.doc[i] for i in reading.scope(word)]
    said_violent = event_type == _PROTESTS and protests.said_violent(reading, word, clause)
    if said_violent:
        # "rallied in aggressive demonstrations across Australia", as the frames read it
        sub_type, event_type = protests.VIOLENT_DEMONSTRATION, _RIOTS
    candidate = Candidate(
        sub_type=sub_type,
        frame=frame,
        trigger=word,
        trigger_span=span,
        sentence=missed.sentence,
        triggers=[word.i],
        modality=modality,  # type: ignore[arg-type]
        evidence={span},
        turned_violent=said_violent,
    )
    candidate.place = place.find(reading, word, _ENTRY, strict=False)
    agents, patients = parties.arguments(reading, word)
    violent = event_type in _VIOLENT
    agent_refs = parties.actors(reading, agents, military=violent, pronouns=True)
    patient_refs = parties.actors(reading, patients, military=violent, pronouns=False)
    taker = agent_refs[0].actor if agent_refs else None
    if event_type == _RIOTS and taker is not None and taker.inter in parties.NON_STATE_ARMED:
        # ACLED: rioters are a riot's actor1; armed men the clause names as its doers ("clan
        # militias fought", "tribesmen stormed …") fight a battle or attack civilians
        armed = any(ref.actor.inter in ARMED_INTERS for ref in patient_refs)
        sub_type = ARMED_CLASH if armed or not patient_refs else ATTACK
        event_type = taxonomy.sub_event_type(sub_type).event_type
        candidate.sub_type, candidate.frame = sub_type, _FRAME_OF_EVENT_TYPE[event_type]
        agent_refs = parties.actors(reading, agents, military=True, pronouns=True)
        patient_refs = parties.actors(reading, patients, military=True, pronouns=False)
    forced = taker is not None and taker.inter == 1
    lemmas = _told_lemmas(word) if forced and sub_type == protests.VIOLENT_DEMONSTRATION else None
    if lemmas is not None and not protests.crowd_violence(reading, lemmas):
        # "riot police fired tear gas and beat opposition supporters": a force acting on a
        # crowd that the sentence never calls violent is no violent crowd (ACLED: intervention
        # or excessive force)
        sub_type = protests.outcome(reading, lemmas, crowd_violent=False) or protests.INTERVENTION
        event_type = taxonomy.sub_event_type(sub_type).event_type
        candidate.sub_type, candidate.frame = sub_type, "protest"
    if event_type in _VIOLENT:
        patient_refs = parties.communities_hit(reading, agent_refs, patient_refs)
    if sub_type in _TAKEN and taker is not None and taker.inter in parties.NON_STATE_ARMED:
        # "the Arakan Army captured X": the classifier reads "Army"; the registry knows a
        # non-state group, which overtakes territory (as the frames code a taking)
        candidate.sub_type = territory.NON_STATE_OVERTAKES
    entry = triggers.entry_of(reading, word)
    withdrawing = agent_refs[0] if agent_refs else None
    lose = entry is not None and entry.frame == "lose"
    if sub_type in _TERRITORY and lose and territory.withdraws_alone(reading, withdrawing):
        # "Hezbollah forces pulled back from areas of X", read as the frames read a withdrawal
        candidate.sub_type = territory.CHANGE_OF_ACTIVITY
    if sub_type == ARMED_CLASH:
        parties.two_sides(reading, candidate, agent_refs, patient_refs)
    else:
        candidate.actor1 = agent_refs[0] if agent_refs else None
        candidate.assoc = agent_refs[1:]
        if event_type == "Violence against civilians":
            # ACLED: the victims of violence against civilians are civilians (actor2)
            candidate.actor2 = parties.civilians_ref(reading, span)
        elif patient_refs:
            candidate.actor2 = patient_refs[0]
    candidate.date = date.find(reading, word)
    if candidate.modality == "asserted" and candidate.date.historical:
        candidate.modality = "historical"
    elif missed.judgement.past_incident() and date.recent(candidate.date):
        # "killed … in an overnight attack, the army said on Thursday": the date says it is news
        candidate.modality = "asserted"
    return candidate
