"""The event coder's vocabulary: `data/event_triggers.yaml`, read and validated once.

Trigger words with their frames and conditions, weapon words, victim words, the prepositions and
nouns that place an event, and the modality cues all live in that reviewed file; this module
turns it into typed records and names the problem when the file is malformed.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import yaml

from fogwatch.events import taxonomy

TRIGGERS_FILE = "event_triggers.yaml"

TERRITORY_FRAMES = frozenset({"lose", "take", "retake"})
VIOLENT_FRAMES = TERRITORY_FRAMES | {"clash", "remote", "casualty", "civilians"}
"""Frames whose parties are armed: a government acting in them is coded as its military."""
FRAMES = VIOLENT_FRAMES | {
    "arrest",
    "protest",
    "riot",
    "agree",
    "accord",
    "loot",
    "explosion",
    "intercept",
}
"""Every frame a trigger may name; each is coded by one module of `events.frames`."""


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One trigger lemma of `event_triggers.yaml`."""

    lemma: str
    frame: str
    pos: frozenset[str]
    sub_type: str | None
    weak: frozenset[str]
    """Parts of speech in which the trigger needs a place of its own clause."""
    particle: frozenset[str]
    objects: frozenset[str]
    not_objects: frozenset[str]
    intransitive: bool
    after: frozenset[str]
    """Frames one of which the sentence before must hold ("The last round took place …")."""
    place_object: bool
    weapon: bool
    military: bool
    armed: bool
    modifiers: frozenset[str]
    new_object: bool = False
    """Its direct object is no bare definite noun: "stormed the village" retells a site an
    earlier sentence told, "stormed a hotel" reports one (checked when its clause is read)."""
    weapon_subject: bool = False
    """A weapon word in its subject's phrase ("warplanes destroyed a depot")."""
    weapon_object: bool = False
    """A weapon word in its object's phrase ("grenades were discovered")."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The validated contents of `event_triggers.yaml`."""

    triggers: dict[str, tuple[TriggerEntry, ...]]
    """Lemma → its entries, tried in order: "shoot" shoots down a drone or shoots someone dead."""
    weapons: dict[str, str]
    weapon_heads: frozenset[str]
    """The last word of every weapon name: no other word can be a weapon's."""
    devices: frozenset[str]
    ground_words: frozenset[str]
    civilian_words: frozenset[str]
    people_men_words: frozenset[str]
    community_words: frozenset[str]
    private_violence_words: frozenset[str]
    livelihood_words: frozenset[str]
    civilian_targets: frozenset[str]
    combatant_words: frozenset[str]
    locative_prepositions: frozenset[str]
    directional_prepositions: frozenset[str]
    nearby_words: frozenset[str]
    place_nouns: frozenset[str]
    inhabited_places: frozenset[str]
    place_anaphors: dict[str, str]
    light_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    accusation_verbs: dict[str, str]
    holding_verbs: frozenset[str]
    defence_verbs: frozenset[str]
    unopposed_words: frozenset[str]
    fight_nouns: frozenset[str]
    operation_nouns: frozenset[str]
    object_preps: dict[str, frozenset[str]]
    accord_verbs: frozenset[str]
    protest_outcomes: tuple[tuple[str, frozenset[str]], ...]
    violent_protest_words: frozenset[str]
    chemical_words: frozenset[str]
    """Words that name a chemical agent: a chemical attack the classifier reads needs one."""
    less_lethal_words: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    negations: frozenset[str]
    negating_verbs: frozenset[str]
    negating_words: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_nouns: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    negating_adjectives: frozenset[str]
    future_adjectives: frozenset[str]
    future_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    past_marks: frozenset[str]
    background_words: frozenset[str]
    reporting_verbs: frozenset[str]
    opponents: dict[str, str]
    home_countries: dict[str, str]
    historical_after: dt.timedelta


class LexiconError(Exception):
    """`event_triggers.yaml` is malformed: `event_triggers.yaml: <what is wrong> — <what to do>`."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{TRIGGERS_FILE}: {problem} — fix src/fogwatch/data/{TRIGGERS_FILE}")


@functools.cache
def load_lexicon() -> Lexicon:
    """The trigger lexicon from `data/event_triggers.yaml`, read and validated once per process."""
    text = files("fogwatch.data").joinpath(TRIGGERS_FILE).read_text(encoding="utf-8")
    return build_lexicon(yaml.safe_load(text))


def build_lexicon(data: Any) -> Lexicon:
    """Validate parsed trigger data; raises `LexiconError` naming the problem."""
    if not isinstance(data, dict):
        raise LexiconError("the top level must be a mapping")
    try:
        return _lexicon(data)
    except KeyError as missing:
        raise LexiconError(f"the section {missing} is missing") from None


def _lexicon(data: dict[str, Any]) -> Lexicon:

    def words(value: Any) -> frozenset[str]:
        for word in value or ():
            if not isinstance(word, str):
                # YAML reads a bare on/off/yes/no as a boolean: quote it
                raise LexiconError(f"{word!r} in {value!r} is not a word; quote it")
        return frozenset(word.lower() for word in value or ())

    def sub_type(name: Any, where: str) -> str:
        if not taxonomy.is_acled(str(name)):
            raise LexiconError(f"{where}: {name!r} is not an ACLED sub-event type")
        return str(name)

    def entry(lemma: str, raw: Any) -> TriggerEntry:
        if not isinstance(raw, dict) or raw.get("frame") not in FRAMES:
            raise LexiconError(f"trigger {lemma!r} needs a frame, one of {sorted(FRAMES)}")
        needs = raw.get("needs") or {}
        return TriggerEntry(
            lemma=lemma,
            frame=raw["frame"],
            pos=frozenset(raw.get("pos", ["VERB", "NOUN"])),
            sub_type=sub_type(raw["sub_type"], lemma) if "sub_type" in raw else None,
            weak=_weak_pos(raw.get("weak", False)),
            particle=words(needs.get("particle")),
            objects=words(needs.get("object")),
            not_objects=words(needs.get("not_object")),
            intransitive=bool(needs.get("intransitive", False)),
            after=words(needs.get("after")),
            place_object=bool(needs.get("place_object", False)),
            weapon=bool(needs.get("weapon", False)),
            weapon_subject=bool(needs.get("weapon_subject", False)),
            weapon_object=bool(needs.get("weapon_object", False)),
            military=bool(needs.get("military", False)),
            armed=bool(needs.get("armed", False)),
            modifiers=words(needs.get("modifier")),
            new_object=bool(needs.get("new_object", False)),
        )

    triggers = {
        str(lemma): tuple(
            entry(str(lemma), one) for one in (raw if isinstance(raw, list) else [raw])
        )
        for lemma, raw in data["triggers"].items()
    }
    modality = data["modality"]
    weapons = {
        str(word).lower(): sub_type(name, f"weapon {word}")
        for word, name in data["weapons"].items()
    }
    return Lexicon(
        triggers=triggers,
        weapons=weapons,
        weapon_heads=frozenset(name.split()[-1] for name in weapons),
        devices=words(data["devices"]),
        ground_words=words(data["ground_words"]),
        civilian_words=words(data["civilian_words"]),
        people_men_words=words(data["people_men_words"]),
        community_words=words(data["community_words"]),
        private_violence_words=words(data["private_violence_words"]),
        livelihood_words=words(data["livelihood_words"]),
        civilian_targets=words(data["civilian_targets"]),
        combatant_words=words(data["combatant_words"]),
        locative_prepositions=words(data["locative_prepositions"]),
        directional_prepositions=words(data["directional_prepositions"]),
        nearby_words=words(data["nearby_words"]),
        place_nouns=words(data["place_nouns"]),
        inhabited_places=words(data["inhabited_places"]),
        place_anaphors={
            str(noun): str(feature) for noun, feature in data["place_anaphors"].items()
        },
        light_verbs=words(data["light_verbs"]),
        object_control_verbs=words(data["object_control_verbs"]),
        accusation_verbs={str(verb): str(prep) for verb, prep in data["accusation_verbs"].items()},
        holding_verbs=words(data["holding_verbs"]),
        defence_verbs=words(data["defence_verbs"]),
        unopposed_words=words(data["unopposed_words"]),
        fight_nouns=words(data["fight_nouns"]),
        operation_nouns=words(data["operation_nouns"]),
        object_preps={frame: words(preps) for frame, preps in data["object_preps"].items()},
        accord_verbs=words(data["accord_verbs"]),
        protest_outcomes=tuple(
            (sub_type(name, "protest_outcomes"), words(cues))
            for name, cues in data["protest_outcomes"].items()
        ),
        violent_protest_words=words(data["violent_protest_words"]),
        chemical_words=words(data["chemical_words"]),
        less_lethal_words=words(data["less_lethal_words"]),
        hypothetical_modals=words(modality["hypothetical_modals"]),
        future_modals=words(modality["future_modals"]),
        negations=words(modality["negations"]),
        negating_verbs=words(modality["negating_verbs"]),
        negating_words=words(modality["negating_words"]),
        hypothetical_verbs=words(modality["hypothetical_verbs"]),
        hypothetical_nouns=words(modality["hypothetical_nouns"]),
        hypothetical_adjectives=words(modality["hypothetical_adjectives"]),
        negating_adjectives=words(modality["negating_adjectives"]),
        future_adjectives=words(modality["future_adjectives"]),
        future_verbs=words(modality["future_verbs"]),
        conditional_marks=words(modality["conditional_marks"]),
        past_marks=words(modality["past_marks"]),
        background_words=words(modality["background_words"]),
        reporting_verbs=words(data["reporting_verbs"]),
        opponents={str(a): str(b) for a, b in data["opponents"].items()},
        home_countries={str(a): str(b) for a, b in data["home_countries"].items()},
        historical_after=dt.timedelta(days=int(data["historical_after_days"])),
    )


def _weak_pos(value: Any) -> frozenset[str]:
    """`weak: true` is weak in every part of speech; `weak: [NOUN]` in those listed."""
    if value is True:
        return frozenset({"VERB", "NOUN"})
    if not value:
        return frozenset()
    return frozenset(str(pos) for pos in value)
