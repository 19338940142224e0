"""The cue lexicon: the reviewed words of `data/cue_verbs.yaml` that report what someone says.

Cue words come by part of speech (verbs, verb phrases, nouns, adverbs, adjectives, phrases like
"according to"), each with its class (assert, claim, accuse, …) and the class's stance (one of
`records.STANCES`); a verb also says what it takes as its content (`Cue.takes`). A class marked
`claims: false` is an attitude ("wants to …", "backed the bill", "knows that …"): an attribution
as PolNeAR annotates it, never a claim. The lexicon's word lists beside the cues (evidence,
document, answer, blame, falsehood, venue nouns, …) serve the rest of the claims layer.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from importlib.resources import files

import yaml

from fogwatch.records import STANCES

CUE_FILE = "cue_verbs.yaml"
_VERB_KINDS = {
    "verbs": frozenset({"clause"}),
    "object_verbs": frozenset({"clause", "object"}),
    "to_verbs": frozenset({"clause", "to"}),
    "as_verbs": frozenset({"as"}),
    "raising_verbs": frozenset({"raise"}),
}


@dataclass(frozen=True)
class Cue:
    """A cue word's class and stance, and what a verb takes as its content."""

    lemma: str
    cue_class: str
    stance: str
    takes: frozenset[str] = field(default_factory=frozenset)
    """ "clause" (a clause or a quotation), "object" (a noun phrase), "to" (a to-infinitive),
    "as" (a noun phrase and what it is called), "raise" (its subject and infinitive, said by
    nobody: "the town seems to have fallen")."""
    claimable: bool = True
    """False for a class the lexicon marks `claims: false`: an attitude, not something said."""


@dataclass(frozen=True)
class Lexicon:
    """The cue words of `data/cue_verbs.yaml`, by part of speech."""

    verbs: dict[str, Cue]
    verb_phrases: dict[tuple[str, str], Cue]
    nouns: dict[str, Cue]
    to_nouns: dict[str, Cue]
    """Nouns whose to-infinitive is what someone means to do: "Moscow's decision to withdraw"."""
    adverbs: dict[str, Cue]
    phrases: dict[tuple[str, ...], Cue]
    adjectives: dict[str, Cue]
    evidence_nouns: frozenset[str]
    opposing_nouns: frozenset[str] = frozenset()
    """Heads whose "of" phrase names someone else than the speaker ("critics of Putin")."""
    document_nouns: frozenset[str] = frozenset()
    """What a speaker issues and later stands for them: "the statement continued"."""
    answer_nouns: frozenset[str] = frozenset()
    """What a denial refers to instead of repeating it: "denied the report" (`claims.answers`)."""
    blame_nouns: frozenset[str] = frozenset()
    """What a denial of blame names: "denied responsibility for the strike"."""
    falsehood_words: frozenset[str] = frozenset()
    """What calling something denies it: "called the reports disinformation"."""
    joint_speakers: frozenset[str] = frozenset()
    """Heads of "We, the …" that name a group of states: "participants", "leaders"."""
    light_verbs: frozenset[str] = frozenset()
    """Verbs whose object cue noun is what is said: "expressed the hope that …"."""
    object_not_said: frozenset[str] = frozenset()
    """Clause verbs whose object is a thing acted on, not what is reported: "added troops"."""
    venue_nouns: frozenset[str] = frozenset()
    """Where or how something is said: "condemned the referendum in a televised address"."""


@functools.cache
def load_lexicon() -> Lexicon:
    """The cue lexicon, read once per process."""
    data = yaml.safe_load(files("fogwatch.data").joinpath(CUE_FILE).read_text(encoding="utf-8"))
    verbs: dict[str, Cue] = {}
    verb_kinds: dict[str, str] = {}
    tables: dict[str, dict[str, Cue]] = {
        "verb_phrases": {},
        "nouns": {},
        "to_nouns": {},
        "adverbs": {},
        "phrases": {},
        "adjectives": {},
    }
    for cue_class, spec in data["classes"].items():
        stance = spec["stance"]
        claimable = spec.get("claims", True)
        if stance not in STANCES:
            raise ValueError(
                f"{CUE_FILE}: class {cue_class} has stance {stance!r} — use one of "
                + ", ".join(STANCES)
            )
        for kind, takes in _VERB_KINDS.items():
            for word in spec.get(kind, []):
                known = verbs.get(word)
                # a verb may be in two of the object, to and as lists of its class, no more
                if known is not None and (
                    known.cue_class != cue_class or "verbs" in (kind, verb_kinds[word])
                ):
                    raise ValueError(f"{CUE_FILE}: verb {word!r} is listed twice — keep one")
                verbs[word] = Cue(
                    word, cue_class, stance, takes | (known.takes if known else takes), claimable
                )
                verb_kinds[word] = kind
        for kind, table in tables.items():
            for word in spec.get(kind, []):
                if word in table:
                    raise ValueError(
                        f"{CUE_FILE}: {word!r} is listed twice under {kind} — keep one"
                    )
                table[word] = Cue(word, cue_class, stance, claimable=claimable)
    verb_phrases: dict[tuple[str, str], Cue] = {}
    for words, cue in tables["verb_phrases"].items():
        verb, _, particle = words.partition(" ")
        if not particle or " " in particle:
            raise ValueError(f"{CUE_FILE}: verb phrase {words!r} is not a verb and one word")
        # "pointed out that …": a verb phrase with no object takes a clause
        verb_phrases[verb, particle] = dataclasses.replace(cue, takes=frozenset({"clause"}))
    return Lexicon(
        verbs=verbs,
        verb_phrases=verb_phrases,
        nouns=tables["nouns"],
        to_nouns=tables["to_nouns"],
        adverbs=tables["adverbs"],
        phrases={tuple(p.split()): cue for p, cue in tables["phrases"].items()},
        adjectives=tables["adjectives"],
        evidence_nouns=frozenset(data["evidence_nouns"]),
        opposing_nouns=frozenset(data.get("opposing_nouns", [])),
        document_nouns=frozenset(data.get("document_nouns", [])),
        answer_nouns=frozenset(data["answer_nouns"]),
        blame_nouns=frozenset(data["blame_nouns"]),
        falsehood_words=frozenset(data["falsehood_words"]),
        joint_speakers=frozenset(data.get("joint_speakers", [])),
        light_verbs=frozenset(data.get("light_verbs", [])),
        object_not_said=frozenset(data.get("object_not_said", [])),
        venue_nouns=frozenset(data.get("venue_nouns", [])),
    )
