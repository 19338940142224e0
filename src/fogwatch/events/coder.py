"""ACLED-style events in one article, every field traced to the words it came from.

`code(doc, result)` reads a parsed article and what the language stages found in it (dates,
quantities, actors, coreferences, places) and returns its `Event`s in the order of their triggers:

1. Triggers. Words of `data/event_triggers.yaml` ("withdrew", "captured", "fighting", "shelled",
   "killed", "detained", "protested", "agreed", "ceasefire" …), each with a frame that says what
   it does and the conditions it needs ("pulled" only with "out"/"back", "hit" only with a weapon
   among its own words, "captured" only with a named place as its object, "ceasefire" only under
   a verb that makes, rejects or wants one).
2. One candidate per trigger, from its clause: the sub-event type from the frame and the words
   around it (the weapon nearest the trigger decides a strike; a withdrawal is territory taken by
   the other side; state forces taking ground in their own country regain it, anyone else
   overtakes it), agent and patient from the parse and the actor mentions (a government acting
   violently is coded as its military; a battle with one side named is against the other), the
   place, the date, and the modality from the words above the trigger: "would"/"could"/"threatens
   to"/"proposals for" are hypothetical, "will"/"plans to" future, "not"/"denied that"/"rejected"/
   "instead of" negated, and an asserted event whose own date ends a month or more before
   publication historical.
3. Candidates of one sentence, family, place and modality are one event, coded with the sub-event
   type ranked highest (ACLED's atomic coding); killed counts join the sentence's nearest violent
   event, or the previous sentence's when this one only tells its toll.

The place of an event is, in order: a place mention in the trigger's clause (its target first —
"shelled X", "strikes on X" —, then a locative phrase — "in X", "near X" —, then a direction —
"from X", "toward X"); one in a locative phrase elsewhere in the sentence; one in a locative phrase
of the two sentences before, in the same paragraph; and, for battles only, the article's focus
place at geo_precision 2 (a town) or 3 (a region). Places that act ("Moscow said", "as Moscow
moves"), modifiers ("Moscow-annexed"), countries and demonyms are never an event's place.
Territory and weak triggers ("advance", a noun "attack") take a place only from their own clause,
and agreements and arrests only from a locative phrase.

The date of an event is its clause's own date mention; else a date on a verb above it (a reporting
date — "said Wednesday" — only bounds the event: ACLED time_precision 2); else a date of the
sentence's main clause; else the publication date at time_precision 2, which has no span.

`events.classify` is one signal among the others, and is off by default: asked only about an attack
that names no weapon and no ground fighting, it costs more than the coder's whole time budget
(see `code`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import yaml

from fogwatch.events import taxonomy
from fogwatch.events.merge import family_of, place_key
from fogwatch.language import actors as actor_registry
from fogwatch.records import (
    Actor,
    ActorMention,
    ArticleResult,
    DateMention,
    Event,
    Fatalities,
    GeoPrecision,
    Modality,
    PlaceMention,
    Quantity,
    Span,
    TimePrecision,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TRIGGERS_FILE = "event_triggers.yaml"

Ranking = Sequence[tuple[str, float]]
Classifier = Callable[[str], Ranking]
"""Ranks ACLED sub-event type names for one sentence, best first (`events.classify.classify`)."""

ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
ATTACK = "Attack"
ARRESTS = "Arrests"
ABDUCTION = "Abduction/forced disappearance"
AGREEMENT = "Agreement"
PEACEFUL_PROTEST = "Peaceful protest"
VIOLENT_DEMONSTRATION = "Violent demonstration"
LOOTING = "Looting/property destruction"
DISRUPTED_WEAPONS = "Disrupted weapons use"
EXCESSIVE_FORCE = "Excessive force against protesters"

CIVILIANS_ACTOR = "CIV.civilians"
PROTESTERS_ACTOR = "CIV.protesters"
EXTERNAL_FORCES = 8
"""ACLED inter code of External/Other forces: a state's forces acting outside their country."""

_TERRITORY_FRAMES = frozenset({"lose", "take", "retake"})
_VIOLENT_FRAMES = frozenset({"lose", "take", "retake", "clash", "remote", "casualty", "civilians"})
_LOCATIVE_ONLY_FRAMES = frozenset({"agree", "accord", "arrest", "intercept"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "advmod", "npadvmod", "appos"})
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod"})
_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "itself", "themselves"})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_UNUSABLE_FEATURES = frozenset({"country", "continent"})
_CONTEXT_FEATURES = frozenset({"populated place", "admin1", "admin2", "district", "region"})
"""Places a later sentence can be about without naming them again (not a building, a river)."""
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "csubj"})
_SUBJECT_UNDERGOES = frozenset({"fall", "die", "perish", "explode"})
"""Verbs whose subject is what the event happens to, not who does it."""
_NOMINAL_DEPS = frozenset({"csubj", "csubjpass", "pcomp", "pobj", "dobj", "nsubj", "appos"})
"""Where a gerund names an activity ("Capturing it would …") rather than reports one."""
_SETTLEMENT = "populated place"
_PLACE_PREPOSITIONS = frozenset({"of", "in", "near", "around", "outside", "over"})
_MAX_CLIMB = 12
_CONTEXT_SENTENCES = 2
_LINE_BREAK = re.compile(r"\n")


# ─── the lexicon ─────────────────────────────────────────────────────────────────────────────


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


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The validated contents of `event_triggers.yaml`."""

    triggers: dict[str, TriggerEntry]
    weapons: dict[str, str]
    ground_words: frozenset[str]
    civilian_words: frozenset[str]
    civilian_targets: frozenset[str]
    combatant_words: frozenset[str]
    locative_prepositions: frozenset[str]
    directional_prepositions: frozenset[str]
    nearby_words: frozenset[str]
    place_nouns: frozenset[str]
    light_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    object_preps: dict[str, frozenset[str]]
    accord_verbs: frozenset[str]
    protest_outcomes: tuple[tuple[str, frozenset[str]], ...]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    negations: frozenset[str]
    negating_verbs: frozenset[str]
    negating_words: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_nouns: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    negating_adjectives: frozenset[str]
    future_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    past_marks: frozenset[str]
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

    frames = {*_VIOLENT_FRAMES, "arrest", "protest", "riot", "agree", "accord", "loot"}
    frames |= {"explosion", "intercept"}
    triggers = {}
    for lemma, raw in data["triggers"].items():
        if not isinstance(raw, dict) or raw.get("frame") not in frames:
            raise LexiconError(f"trigger {lemma!r} needs a frame, one of {sorted(frames)}")
        needs = raw.get("needs") or {}
        triggers[str(lemma)] = TriggerEntry(
            lemma=str(lemma),
            frame=raw["frame"],
            pos=frozenset(raw.get("pos", ["VERB", "NOUN"])),
            sub_type=sub_type(raw["sub_type"], str(lemma)) if "sub_type" in raw else None,
            weak=_weak_pos(raw.get("weak", False)),
            particle=words(needs.get("particle")),
            objects=words(needs.get("object")),
            not_objects=words(needs.get("not_object")),
            intransitive=bool(needs.get("intransitive", False)),
            after=words(needs.get("after")),
            place_object=bool(needs.get("place_object", False)),
            weapon=bool(needs.get("weapon", False)),
            military=bool(needs.get("military", False)),
        )
    modality = data["modality"]
    return Lexicon(
        triggers=triggers,
        weapons={
            str(word).lower(): sub_type(name, f"weapon {word}")
            for word, name in data["weapons"].items()
        },
        ground_words=words(data["ground_words"]),
        civilian_words=words(data["civilian_words"]),
        civilian_targets=words(data["civilian_targets"]),
        combatant_words=words(data["combatant_words"]),
        locative_prepositions=words(data["locative_prepositions"]),
        directional_prepositions=words(data["directional_prepositions"]),
        nearby_words=words(data["nearby_words"]),
        place_nouns=words(data["place_nouns"]),
        light_verbs=words(data["light_verbs"]),
        object_control_verbs=words(data["object_control_verbs"]),
        object_preps={frame: words(preps) for frame, preps in data["object_preps"].items()},
        accord_verbs=words(data["accord_verbs"]),
        protest_outcomes=tuple(
            (sub_type(name, "protest_outcomes"), words(cues))
            for name, cues in data["protest_outcomes"].items()
        ),
        hypothetical_modals=words(modality["hypothetical_modals"]),
        future_modals=words(modality["future_modals"]),
        negations=words(modality["negations"]),
        negating_verbs=words(modality["negating_verbs"]),
        negating_words=words(modality["negating_words"]),
        hypothetical_verbs=words(modality["hypothetical_verbs"]),
        hypothetical_nouns=words(modality["hypothetical_nouns"]),
        hypothetical_adjectives=words(modality["hypothetical_adjectives"]),
        negating_adjectives=words(modality["negating_adjectives"]),
        future_verbs=words(modality["future_verbs"]),
        conditional_marks=words(modality["conditional_marks"]),
        past_marks=words(modality["past_marks"]),
        reporting_verbs=words(data["reporting_verbs"]),
        opponents={str(a): str(b) for a, b in data["opponents"].items()},
        home_countries={str(a): str(b) for a, b in data["home_countries"].items()},
        historical_after=dt.timedelta(days=int(data["historical_after_days"])),
    )


# ─── the classifier signal ───────────────────────────────────────────────────────────────────


@functools.cache
def installed_classifier() -> Classifier | None:
    """`events.classify.classify` when its model and encoder are installed and load, else None."""
    try:
        from fogwatch.events import classify
    except ImportError:
        return None
    try:
        classify.classify("Artillery shelled the town.")
    except (classify.ClassifierError, ImportError, OSError):
        return None
    return classify.classify


# ─── working records ─────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _ActorRef:
    actor: Actor
    span: Span | None
    """None for an opponent the text never names near the event (inferred from the trigger)."""


@dataclass(frozen=True, slots=True)
class _PlaceRef:
    mention: PlaceMention
    precision: GeoPrecision
    level: int
    """0 the trigger's clause, 1 its sentence, 2 the sentences before, 3 the article's focus."""


@dataclass(frozen=True, slots=True)
class _DateRef:
    date: dt.date | None
    precision: TimePrecision | None
    span: Span | None
    historical: bool


@dataclass(slots=True)
class _Candidate:
    sub_type: str
    frame: str
    trigger: Token
    trigger_span: Span
    sentence: int
    actor1: _ActorRef | None = None
    actor2: _ActorRef | None = None
    assoc: list[_ActorRef] = field(default_factory=list)
    place: _PlaceRef | None = None
    date: _DateRef | None = None
    killed: list[Quantity] = field(default_factory=list)
    victims: list[_ActorRef] = field(default_factory=list)
    triggers: list[int] = field(default_factory=list)
    civilian_targeting: bool = False
    modality: Modality = "asserted"
    evidence: set[Span] = field(default_factory=set)


# ─── public API ──────────────────────────────────────────────────────────────────────────────


def code(
    doc: Doc,
    result: ArticleResult,
    *,
    classifier: Classifier | None = None,
) -> list[Event]:
    """ACLED-style events in one article, each field traced to evidence spans.

    `classifier` settles what the clause leaves open (an attack that names no weapon and no
    ground fighting), e.g. `installed_classifier()`. It is off by default: the sentence encoder
    behind `events.classify` costs ~50 ms a sentence on a CPU, several times the language layer's
    own time per article, where the coder must stay within a tenth of it.
    """
    return _Coder(doc, result, load_lexicon(), classifier).events()


# ─── coding one article ──────────────────────────────────────────────────────────────────────


class _Coder:
    def __init__(
        self, doc: Doc, result: ArticleResult, lexicon: Lexicon, classifier: Classifier | None
    ) -> None:
        self.doc = doc
        self.result = result
        self.lexicon = lexicon
        self.classifier = classifier
        self.registry = actor_registry.load_registry()
        self.published = result.article.published
        self.sentence_starts = [sentence.start for sentence in doc.sents] or [0]
        self.text = result.article.text  # the doc's text; `doc.text` rebuilds it on every call
        self.line_breaks = [match.start() for match in _LINE_BREAK.finditer(self.text)]
        self.actor_at = self._index_actors(result.actors)
        self.coref_at = self._index_corefs()
        self.places = self._usable_places(result.places)
        self.dates = [
            (mention, root)
            for mention in result.dates
            if mention.kind != "duration" and (root := self._root(mention.span)) is not None
        ]
        self.killed = [
            (quantity, root)
            for quantity in result.quantities
            if quantity.unit == "killed" and (root := self._root(quantity.span)) is not None
        ]
        self.trigger_clauses: dict[int, int] = {}
        """Trigger token → its clause head token."""
        self.trigger_heads: set[int] = set()
        self._scopes: dict[int, set[int]] = {}
        self._classified: dict[int, Ranking] = {}

    # ── indexes ──

    def _root(self, span: Span) -> Token | None:
        found = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return found.root if found is not None and len(found) else None

    def _tokens(self, span: Span) -> range:
        found = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return range(found.start, found.end) if found is not None else range(0)

    def _index_actors(self, mentions: Iterable[ActorMention]) -> dict[int, ActorMention]:
        index: dict[int, ActorMention] = {}
        for mention in mentions:
            for i in self._tokens(mention.span):
                index[i] = mention
        return index

    def _index_corefs(self) -> dict[int, _ActorRef]:
        index: dict[int, _ActorRef] = {}
        for link in self.result.coreferences:
            if link.actor is None:
                continue
            for i in self._tokens(link.span):
                index[i] = _ActorRef(link.actor, link.span)
        return index

    def _usable_places(self, mentions: Iterable[PlaceMention]) -> list[tuple[PlaceMention, Token]]:
        """Places where something can happen: never a place that acts, a country or a demonym."""
        metonym_tokens = {
            i for i, mention in self.actor_at.items() if mention.role in ("metonym", "seat")
        }
        usable = []
        for mention in mentions:
            place = mention.place
            if mention.role != "location" or place is None or mention.geo_precision is None:
                continue
            if place.feature in _UNUSABLE_FEATURES:
                continue
            tokens = self._tokens(mention.span)
            if not tokens or metonym_tokens.intersection(tokens):
                continue  # a capital used as its government ("Kyiv insists") is no place
            root = self.doc[tokens.start : tokens.stop].root
            if self.text[mention.span.end : mention.span.end + 1] == "-":
                continue  # "Moscow-annexed Crimea", "Kyiv-based": a modifier, not a place
            if root.dep_ in _ACTING_DEPS and self._is_metonym(mention.span.of(self.text)):
                continue  # "as Moscow moves its operation": the capital acts, nothing happens there
            usable.append((mention, root))
        return usable

    def _is_metonym(self, name: str) -> bool:
        entry = self.registry.entries.get(name)
        return entry is not None and (entry.metonym_of is not None or entry.seat_of is not None)

    def _sentence(self, i: int) -> int:
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def _paragraph(self, i: int) -> int:
        return bisect.bisect_right(self.line_breaks, self.doc[i].idx)

    def _token_span(self, start: int, end: int) -> Span:
        first, last = self.doc[start], self.doc[end - 1]
        return Span(first.idx, last.idx + len(last.text))

    # ── the whole article ──

    def events(self) -> list[Event]:
        hits = [
            (token, entry)
            for token in self._trigger_words()
            if (entry := self._entry(token)) is not None
        ]
        for token, _ in hits:
            self.trigger_clauses[token.i] = self._clause_head(token).i
        self.trigger_heads = set(self.trigger_clauses.values())
        by_sentence: dict[int, list[_Candidate]] = {}
        casualties: dict[int, list[_Candidate]] = {}
        for token, entry in hits:
            candidate = self._candidate(token, entry)
            if candidate is None:
                continue
            target = casualties if candidate.frame == "casualty" else by_sentence
            target.setdefault(candidate.sentence, []).append(candidate)
        grouped = self._group(by_sentence, casualties)
        return [self._event(candidate) for candidate in grouped]  # in the order of their triggers

    def _trigger_words(self) -> list[Token]:
        """Tokens whose lemma or lower-case form is a trigger, found without building the others."""
        from spacy.attrs import LEMMA, LOWER

        strings = self.doc.vocab.strings
        keys = {strings.add(lemma) for lemma in self.lexicon.triggers}
        rows = self.doc.to_array([LEMMA, LOWER]).tolist()
        return [
            self.doc[i] for i, (lemma, lower) in enumerate(rows) if lemma in keys or lower in keys
        ]

    def _entry(self, token: Token) -> TriggerEntry | None:
        entry = self.lexicon.triggers.get(token.lemma_.lower()) or self.lexicon.triggers.get(
            token.lower_
        )
        if entry is None:
            return None
        if _pos(token) not in entry.pos:
            return None
        if token.dep_ == "compound" and token.pos_ in _NOUNS:
            return None  # "attack drones", "assault groups": a kind of thing, not an event
        children = {child.lower_ for child in token.children} | {
            child.lemma_.lower() for child in token.children
        }
        if entry.particle and not entry.particle & children:
            return None
        objects = self._object_words(token)
        if entry.objects and not entry.objects & objects:
            return None
        if entry.not_objects & objects:
            return None
        if entry.intransitive and _pos(token) == "VERB" and _has_object(token):
            return None  # "demonstrating the failure", "rallied support": no protest
        if entry.weapon and self._own_weapon(token) is None:
            return None
        if entry.lemma == "agree" and not self._agrees_to_something(token):
            return None
        if entry.after and not self._follows(token, entry.after):
            return None
        return entry

    def _follows(self, token: Token, frames: frozenset[str]) -> bool:
        """Whether the sentence before, in the same paragraph, holds a trigger of these frames."""
        sentence = self._sentence(token.i)
        if sentence == 0:
            return False
        start, end = self.sentence_starts[sentence - 1], self.sentence_starts[sentence]
        if self._paragraph(start) != self._paragraph(token.i):
            return False
        for word in self.doc[start:end]:
            entry = self.lexicon.triggers.get(word.lemma_.lower())
            if entry is not None and entry.frame in frames and not entry.after:
                return self._entry(word) is not None
        return False

    def _object_words(self, token: Token) -> set[str]:
        words = set()
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass", "compound", "attr") or (
                child.dep_ == "ccomp" and child.lower_ == "that"
            ):
                words |= {child.lemma_.lower(), child.lower_}
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                words |= {grand.lemma_.lower() for grand in child.children if grand.dep_ == "pobj"}
            if child.dep_ == "mark" and child.lower_ == "that":
                words.add("that")
        if any(child.dep_ == "ccomp" for child in token.children):
            words.add("that")
        if token.dep_ == "acl":
            words |= {token.head.lemma_.lower(), token.head.lower_}  # "civilians executed by …"
        return words

    def _agrees_to_something(self, token: Token) -> bool:
        """ "agreed to a ceasefire", "agreed on an exchange" — not "agreed that it was hard"."""
        for child in token.children:
            if child.dep_ in ("xcomp", "dobj"):
                return True
            if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon", "with"):
                return True
        return False

    # ── one trigger ──

    def _candidate(self, token: Token, entry: TriggerEntry) -> _Candidate | None:
        frame = entry.frame
        if frame == "accord" and not self._accord_governed(token):
            return None
        if frame == "explosion" and self._heard(token):
            return None
        candidate = _Candidate(
            sub_type=entry.sub_type or ARMED_CLASH,
            frame=frame,
            trigger=token,
            trigger_span=self._trigger_span(token, entry),
            sentence=self._sentence(token.i),
            triggers=[token.i],
        )
        candidate.evidence.add(candidate.trigger_span)
        candidate.modality = self._modality(token, entry)
        if entry.place_object or frame in _TERRITORY_FRAMES:
            candidate.place = self._object_place(token, entry)
            if candidate.place is None:
                return None  # "captured the city": no named place changes hands
        else:
            weak = _pos(token) in entry.weak
            candidate.place = self._place(token, entry, strict=weak)
            if weak and candidate.place is None:
                return None
        agents, patients = self._arguments(token)
        violent = frame in _VIOLENT_FRAMES
        agent_refs = self._actors(agents, military=violent, pronouns=True)
        patient_refs = self._actors(patients, military=violent, pronouns=False)
        candidate.victims = self._actors(patients, military=False, pronouns=False)
        if entry.military and not agent_refs and not self._military_words(token):
            return None
        builder = {
            "lose": self._territory,
            "take": self._territory,
            "retake": self._territory,
            "clash": self._clash,
            "remote": self._remote,
            "casualty": self._casualty,
            "civilians": self._civilians,
            "arrest": self._arrest,
            "protest": self._protest,
            "riot": self._protest,
            "agree": self._agreement,
            "accord": self._agreement,
            "loot": self._simple,
            "explosion": self._remote,
            "intercept": self._simple,
        }[frame]
        if not builder(candidate, entry, agent_refs, patient_refs):
            return None
        if candidate.place is not None and candidate.place.level == 3 and candidate.actor1 is None:
            candidate.place = None  # an event with no party is no evidence about the focus
        candidate.date = self._date(token)
        if candidate.modality == "asserted" and (
            candidate.date.historical or (candidate.date.span is None and _since(token))
        ):
            candidate.modality = "historical"
        return candidate

    def _trigger_span(self, token: Token, entry: TriggerEntry) -> Span:
        """The trigger word with its particle or weapon modifier ("pulled out", "drone attack")."""
        start = end = token.i
        for child in token.children:
            if (
                child.dep_ == "prt"
                or child.lower_ in entry.particle
                or (child.dep_ in ("compound", "amod") and self._weapon_of(child) is not None)
            ):
                start, end = min(start, child.i), max(end, child.i)
        return self._token_span(start, end + 1)

    # ── frames ──

    def _territory(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        place = candidate.place
        if place is None:
            return False
        if entry.frame == "lose":
            loser = agents[0] if agents else None
            taker = self._opponent(loser, candidate.trigger) if loser else None
        else:
            taker = agents[0] if agents else None
            loser = patients[0] if patients else None
            if loser is None and taker is not None:
                loser = self._opponent(taker, candidate.trigger)
        if taker is None:
            return False
        country = place.mention.place.country if place.mention.place else None
        home = self.lexicon.home_countries.get(taker.actor.side)
        state = taker.actor.inter == 1
        if state and home is not None and country:
            # ACLED: state forces retaking their own ground regain it; foreign forces overtake it
            regains = home == country
        else:
            regains = state and entry.frame == "retake"
        candidate.sub_type = GOVERNMENT_REGAINS if regains else NON_STATE_OVERTAKES
        candidate.actor1, candidate.actor2 = taker, loser
        return True

    def _clash(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        # ACLED: organised armed groups fighting with no change of control is an armed clash
        candidate.sub_type = ARMED_CLASH
        self._two_sides(candidate, agents, patients)
        return True

    def _two_sides(
        self, candidate: _Candidate, agents: list[_ActorRef], patients: list[_ActorRef]
    ) -> None:
        """Actor1 the side that acts, actor2 the other; the sentence, then the war, fills gaps."""
        sides = self._distinct_sides([*agents, *patients])
        if len(sides) < 2:
            sides = self._distinct_sides([*sides, *self._sentence_belligerents(candidate.trigger)])
        if len(sides) == 1:
            opponent = self._opponent(sides[0], candidate.trigger)
            if opponent is not None:
                sides.append(opponent)
        if sides:
            candidate.actor1 = sides[0]
        if len(sides) > 1:
            candidate.actor2 = sides[1]
        candidate.assoc = [
            ref
            for ref in [*agents, *patients]
            if ref.actor.id not in {side.actor.id for side in sides[:2]}
        ]

    def _remote(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        token = candidate.trigger
        if entry.frame == "explosion" and self._sentence_has_other_trigger(token):
            return False  # a blast the sentence's strike or clash already explains
        if entry.frame == "explosion" and self._sentence_weapon(token) is None:
            # ACLED's remote explosive is a device detonating; a blast of unknown cause is, in
            # this war, mostly a strike the text does not name
            return False
        weapon = self._own_weapon(token)
        if weapon is None and not (entry.sub_type is None and self._ground_attack(token, agents)):
            weapon = self._sentence_weapon(token)
        civilian = self._targets_civilians(token, candidate.victims)
        if weapon is not None:
            sub_type = weapon[0]
            _add_evidence(candidate, weapon[1])
        elif entry.sub_type is not None:
            sub_type = entry.sub_type
        else:
            unarmed = self._unarmed_attack(token, agents, patients, civilian)
            if unarmed is None:
                return False
            sub_type = unarmed
        candidate.sub_type = sub_type
        if sub_type == ARMED_CLASH:
            self._two_sides(candidate, agents, patients)
            return True
        candidate.actor1 = agents[0] if agents else None
        candidate.assoc = agents[1:]
        if civilian is not None or sub_type == ATTACK:
            candidate.civilian_targeting = True
            candidate.actor2 = self._civilians_ref(civilian or candidate.trigger_span)
        elif patients:
            candidate.actor2 = patients[0]
        return True

    def _ground_attack(self, token: Token, agents: list[_ActorRef]) -> bool:
        """ "Russian forces attacked Rubizhne": troops attacking a place or a position."""
        return bool(agents) and (
            self._military_words(token)
            or any(t.i in self.actor_at for t in token.subtree if t.i != token.i)
            or any(root.i in {t.i for t in token.subtree} for _, root in self.places)
        )

    def _unarmed_attack(
        self,
        token: Token,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
        civilian: Span | None,
    ) -> str | None:
        """An attack that names no weapon: ground fighting, violence against civilians, or the
        classifier's choice among them."""
        if patients or self._military_words(token):
            return ARMED_CLASH
        if civilian is not None and agents:
            # ACLED: an armed actor targeting civilians, no weapon of war named
            return ATTACK
        choices = (ARMED_CLASH, ATTACK, "Air/drone strike", "Shelling/artillery/missile attack")
        ranked = self._classify(token, choices)
        if ranked is not None:
            return ranked
        return ARMED_CLASH if agents else None

    def _casualty(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        """Killed and wounded: kept to join the sentence's event, or coded on their own."""
        token = candidate.trigger
        weapon = self._own_weapon(token) or self._sentence_weapon(token)
        civilian = self._targets_civilians(token, candidate.victims)
        candidate.actor1 = agents[0] if agents else None
        if weapon is not None:
            candidate.sub_type = weapon[0]
            _add_evidence(candidate, weapon[1])
        elif civilian is not None and agents:
            # ACLED: an organised armed actor killing civilians is violence against civilians
            candidate.sub_type = ATTACK
        elif agents and self._combatant_victims(token):
            candidate.sub_type = ARMED_CLASH
        else:
            candidate.sub_type = ""  # only joins another event
        if civilian is not None:
            candidate.civilian_targeting = True
            candidate.actor2 = self._civilians_ref(civilian)
        elif patients:
            candidate.actor2 = patients[0]
        return True

    def _civilians(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        # ACLED: in violence against civilians the victim is always actor2
        candidate.actor1 = agents[0] if agents else None
        candidate.assoc = agents[1:]
        victim = self._targets_civilians(candidate.trigger, candidate.victims)
        candidate.actor2 = self._civilians_ref(victim or candidate.trigger_span)
        candidate.civilian_targeting = True
        return True

    def _arrest(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        authority = agents[0] if agents else None
        candidate.actor1 = authority
        candidate.actor2 = patients[0] if patients else None
        place = candidate.place
        country = place.mention.place.country if place and place.mention.place else None
        home = self.lexicon.home_countries.get(authority.actor.side) if authority else None
        if authority is not None and home and country and home != country:
            # ACLED: detention by forces outside their own state is an abduction, not an arrest
            candidate.sub_type = ABDUCTION
            candidate.actor2 = self._civilians_ref(candidate.trigger_span)
            candidate.civilian_targeting = True
        else:
            # ACLED: a state authority detaining people is a strategic development (Arrests)
            candidate.sub_type = ARRESTS
        return True

    def _protest(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        token = candidate.trigger
        clause = [self.doc[i] for i in self._scope(token)]
        lemmas = {t.lemma_.lower() for t in clause} | {t.lower_ for t in clause}
        sub_type = VIOLENT_DEMONSTRATION if entry.frame == "riot" else PEACEFUL_PROTEST
        if entry.frame == "protest":
            for outcome, cues in self.lexicon.protest_outcomes:
                if cues & lemmas:
                    # ACLED: how the protest went (force, intervention, violence) sets its type
                    sub_type = outcome
                    break
        candidate.sub_type = sub_type
        protesters = self.registry.actors.get(PROTESTERS_ACTOR)
        subject = self._subject_phrase(token)
        if protesters is not None:
            candidate.actor1 = _ActorRef(protesters, subject or candidate.trigger_span)
        if sub_type in (EXCESSIVE_FORCE, "Protest with intervention", VIOLENT_DEMONSTRATION):
            state = [
                ref for ref in self._sentence_actors(token, military=False) if ref.actor.inter == 1
            ]
            candidate.actor2 = state[0] if state else None
            candidate.civilian_targeting = sub_type == EXCESSIVE_FORCE
        return True

    def _agreement(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        # ACLED: peace deals, ceasefires, prisoner exchanges and surrenders are Agreements
        candidate.sub_type = AGREEMENT
        parties = self._distinct_sides([*agents, *patients, *self._between(candidate.trigger)])
        if not parties:
            parties = self._distinct_sides(self._governor_subjects(candidate.trigger))
        if not parties and entry.after:
            # "The last round took place July 23": the parties of the talks just named
            previous = self.doc[self.sentence_starts[candidate.sentence - 1]]
            parties = self._distinct_sides(self._sentence_actors(previous, military=False))
        candidate.actor1 = parties[0] if parties else None
        candidate.actor2 = parties[1] if len(parties) > 1 else None
        candidate.assoc = parties[2:]
        return True

    def _simple(
        self,
        candidate: _Candidate,
        entry: TriggerEntry,
        agents: list[_ActorRef],
        patients: list[_ActorRef],
    ) -> bool:
        candidate.sub_type = (
            entry.sub_type or {"loot": LOOTING, "intercept": DISRUPTED_WEAPONS}[candidate.frame]
        )
        candidate.actor1 = agents[0] if agents else None
        candidate.actor2 = patients[0] if patients else None
        return True

    # ── clause structure ──

    def _clause_head(self, token: Token) -> Token:
        """The verb whose clause holds the trigger (a noun trigger's nearest verb above it)."""
        node = token
        for _ in range(_MAX_CLIMB):
            if node.pos_ in _VERBS or node.dep_ == "ROOT" or node.head is node:
                return node
            node = node.head
        return node

    def _is_clause(self, token: Token) -> bool:
        """A verb that heads a clause of its own: it has a subject, or is a subordinate clause."""
        if token.pos_ not in _VERBS:
            return False
        if token.dep_ in _CLAUSE_DEPS or token.dep_ == "ROOT":
            return True
        return token.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in token.children)

    def _scope(self, token: Token) -> set[int]:
        """The trigger's clause: its clause head's subtree, without the embedded clauses that
        hold another trigger."""
        cached = self._scopes.get(token.i)
        if cached is not None:
            return cached
        head = self._clause_head(token)
        scope: set[int] = set()
        stack = [head]
        while stack:
            node = stack.pop()
            scope.add(node.i)
            for child in node.children:
                inside = child.left_edge.i <= token.i <= child.right_edge.i
                if not inside and self._is_clause(child) and self._holds_trigger(child):
                    continue
                stack.append(child)
        self._scopes[token.i] = scope
        return scope

    def _verbs_below(self, head: Token) -> set[int]:
        """Verbs of the clauses inside a clause ("weapons he received in October")."""
        return {t.i for t in head.subtree if t.i != head.i and self._is_clause(t)}

    def _holds_trigger(self, clause: Token) -> bool:
        return any(t.i in self.trigger_clauses for t in clause.subtree)

    def _path_to(self, token: Token, stop: Token) -> list[Token] | None:
        """Tokens from `token` up to `stop` (exclusive), or None when `stop` is not above it."""
        path: list[Token] = []
        node = token
        for _ in range(_MAX_CLIMB):
            if node.i == stop.i:
                return path
            path.append(node)
            if node.head is node:
                return None
            node = node.head
        return None

    # ── modality ──

    def _modality(self, token: Token, entry: TriggerEntry) -> Modality:
        lexicon = self.lexicon
        negated = hypothetical = future = past_mark = False
        node = token
        previous: Token | None = None
        for _ in range(_MAX_CLIMB):
            for child in node.children:
                word = child.lower_
                if child.dep_ == "neg" or (child.dep_ == "det" and word in lexicon.negations):
                    negated = True
                elif child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
                    if (
                        word in lexicon.future_modals
                        or child.lemma_.lower() in lexicon.future_modals
                    ):
                        future = True
                    elif word in lexicon.hypothetical_modals:
                        hypothetical = True
                elif child.dep_ == "mark" and word in lexicon.conditional_marks:
                    hypothetical = True
                elif child.dep_ in ("mark", "prep") and word in lexicon.past_marks:
                    past_mark = True
                elif child.dep_ == "advmod" and word in lexicon.negating_words:
                    negated = True  # "instead of attacking", "rather than storming"
            if _objective(node) or self._after_goal_colon(node):
                hypothetical = True  # "(Russian objective: Capture Donetsk Oblast)"
            if node.dep_ == "acl" and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in node.children
            ):
                hypothetical = True  # "enough missiles to conduct attacks", "a bid to capture"
            if node is not token:
                lemma = node.lemma_.lower()
                adjective = node.pos_ == "ADJ"
                if (
                    lemma in lexicon.negating_verbs
                    or node.lower_ in lexicon.negating_words
                    or (adjective and lemma in lexicon.negating_adjectives)
                ):
                    negated = True
                elif node.pos_ in _VERBS and lemma in lexicon.future_verbs and previous is not None:
                    future = future or previous.dep_ == "xcomp"
                elif (
                    (node.pos_ in _VERBS and lemma in lexicon.hypothetical_verbs)
                    or (node.pos_ in _NOUNS and lemma in lexicon.hypothetical_nouns)
                    or (adjective and lemma in lexicon.hypothetical_adjectives)
                ):
                    hypothetical = True
                elif node.dep_ == "prep" and node.lower_ in lexicon.past_marks:
                    past_mark = True
            own_clause = self._is_clause(node) and (
                node is not token or _has_subject(node) or node.dep_ == "ROOT"
            )
            if own_clause:
                # what is said of a whole clause: "denied that …", "hopes that …"
                if node.dep_ == "ccomp":
                    governor = node.head.lemma_.lower()
                    if governor in lexicon.negating_verbs:
                        negated = True
                    elif governor in lexicon.hypothetical_verbs:
                        hypothetical = True
                break
            if node.head is node:
                break
            previous, node = node, node.head
        progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
        purpose = token.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
        if entry.frame in _TERRITORY_FRAMES and purpose:
            hypothetical = True  # "counterattacks to regain lost positions": an aim
        nominal = token.dep_ in _NOMINAL_DEPS and not progressive
        if entry.frame in _TERRITORY_FRAMES and token.tag_ == "VBG" and nominal and not past_mark:
            hypothetical = True  # "Capturing it would …", "the aim of taking the city"
        if negated:
            return "negated"
        if hypothetical:
            return "hypothetical"
        if future:
            return "future"
        return "asserted"

    def _after_goal_colon(self, token: Token) -> bool:
        """ "objective: capture …", "main goal on the eastern front: taking …"."""
        start = token.sent.start
        for i in range(token.i - 1, max(start, token.i - 3) - 1, -1):
            if self.doc[i].text == ":":
                before = self.doc[max(start, i - 6) : i]
                return any(t.lemma_.lower() in self.lexicon.hypothetical_nouns for t in before)
        return False

    # ── places ──

    def _place(self, token: Token, entry: TriggerEntry, *, strict: bool) -> _PlaceRef | None:
        frame = entry.frame
        locative_only = frame in _LOCATIVE_ONLY_FRAMES
        sentence = self._sentence(token.i)
        scope = self._scope(token)
        head = self._clause_head(token)
        ranked = []
        for mention, root in self.places:
            if root.i not in scope:
                continue
            rank, nearby = self._attachment(root, head, token)
            if locative_only and rank != 1:
                continue
            ranked.append((rank, abs(root.i - token.i), mention, nearby))
        if ranked:
            _, _, mention, nearby = min(ranked, key=lambda r: (r[0], r[1]))
            return self._place_ref(mention, nearby, 0)
        if strict:
            return None
        in_sentence = []
        for mention, root in self.places:
            if self._sentence(root.i) != sentence:
                continue
            rank, nearby = self._attachment(root, root.sent.root, None)
            if rank == 1:
                in_sentence.append((abs(root.i - token.i), mention, nearby))
        if in_sentence:
            _, mention, nearby = min(in_sentence, key=lambda r: r[0])
            return self._place_ref(mention, nearby, 1)
        if locative_only and not entry.after:
            return None
        paragraph = self._paragraph(token.i)
        earlier = [
            (mention, nearby)
            for mention, root in self.places
            if sentence - _CONTEXT_SENTENCES <= self._sentence(root.i) < sentence
            and self._paragraph(root.i) == paragraph
            and mention.place is not None
            and mention.place.feature in _CONTEXT_FEATURES
            for rank, nearby in [self._attachment(root, root.sent.root, None)]
            if rank == 1
        ]
        if earlier:
            mention, nearby = earlier[-1]
            return self._place_ref(mention, nearby, 2)
        if frame != "clash":
            return None  # a strike or a killing somewhere unnamed has no ACLED location
        return self._focus()

    def _attachment(self, root: Token, head: Token, trigger: Token | None) -> tuple[int, bool]:
        """How a place hangs from its clause, as a rank — 0 the trigger's target ("shelled X",
        "strikes on X"), 1 a locative phrase ("in X", "near X"), 2 a direction ("from X",
        "toward X"), 3 anything else ("control over X") — and whether the words say the area
        around it (ACLED geo_precision 2)."""
        lexicon = self.lexicon
        path = self._path_to(root, head) or [root, *list(root.ancestors)[:4]]
        rank = 3
        nearby = False
        for node in path:
            if node.lower_ in lexicon.nearby_words:
                nearby = True
            if rank == 3 and node.dep_ == "prep" and node.lower_ != "of":
                if node.lower_ in lexicon.directional_prepositions:
                    rank = 2
                elif node.lower_ in lexicon.locative_prepositions:
                    rank = 1
                else:
                    rank = 4  # the nearest preposition decides: "control over X" is no location
        before = root.i - 1
        if before >= 0 and self.doc[before].lower_ in lexicon.nearby_words:
            nearby = True
        if trigger is not None and self._is_target(root, trigger):
            rank = 0
        return min(rank, 3), nearby

    def _is_target(self, root: Token, trigger: Token) -> bool:
        """ "shelled X", "X was struck", "strikes on X", "the town of X": what the trigger hits."""
        path = self._path_to(root, trigger)
        if not path:
            return False
        last = path[-1]
        if last.dep_ in _OBJECT_DEPS:
            return self._transparent(path[:-1])
        if last.dep_ == "prep" and last.lower_ in ("on", "against", "at"):
            return self._transparent(path[:-1])
        return False

    def _object_place(self, trigger: Token, entry: TriggerEntry) -> _PlaceRef | None:
        """The place a trigger is about: "withdrew from X", "captured X", "the capture of X",
        "X fell", "stormed X" — the nearest one in its clause."""
        scope = self._scope(trigger)
        found = []
        for mention, root in self.places:
            if root.i in scope and self._is_object(root, trigger, entry):
                _, nearby = self._attachment(root, trigger, None)
                found.append((abs(root.i - trigger.i), mention, nearby))
        if not found:
            return None
        _, mention, nearby = min(found, key=lambda f: f[0])
        return self._place_ref(mention, nearby, 0)

    def _is_object(self, root: Token, trigger: Token, entry: TriggerEntry) -> bool:
        path = self._path_to(root, trigger)
        if not path:
            return False
        last = path[-1]
        if last.dep_ in ("nsubj", "nsubjpass") and entry.lemma == "fall":
            return self._transparent(path[:-1])
        if last.dep_ in _OBJECT_DEPS:
            return self._transparent(path[:-1])
        preps = self.lexicon.object_preps.get(entry.frame, frozenset())
        if last.dep_ in ("prep", "prt") and last.lower_ in preps:
            return self._transparent(path[:-1])
        return False

    def _transparent(self, path: Sequence[Token]) -> bool:
        """Words between a place and its trigger that keep it the object: "three villages in X",
        "the town of X", "control of X"."""
        for node in path[1:]:
            if node.dep_ in ("conj", "cc", "appos", "compound", "punct", "nummod"):
                continue
            if node.dep_ == "prep" and node.lower_ in _PLACE_PREPOSITIONS:
                continue
            lemma = node.lemma_.lower()
            if node.pos_ in _NOUNS and (lemma in self.lexicon.place_nouns or lemma == "control"):
                continue
            return False
        return True

    def _place_ref(self, mention: PlaceMention, nearby: bool, level: int) -> _PlaceRef:
        precision: GeoPrecision = mention.geo_precision or 1
        if nearby and precision == 1:
            precision = 2  # ACLED: "near X" is coded to X at geo_precision 2
        return _PlaceRef(mention, precision, level)

    @functools.cached_property
    def _focus_ref(self) -> _PlaceRef | None:
        """The article's main place: its most named town, else its most named region — named
        twice or more, and never a building or a country."""
        counts: dict[str, int] = {}
        first: dict[str, PlaceMention] = {}
        for mention, _ in self.places:
            place = mention.place
            if place is None or place.feature not in _CONTEXT_FEATURES:
                continue
            key = place_key(place)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, mention)
        order = list(first)
        named = [key for key in order if counts[key] >= 2]
        towns = [key for key in named if _is_settlement(first[key])]
        pool = towns or named
        if not pool:
            return None
        best = max(pool, key=lambda key: (counts[key], -order.index(key)))
        # ACLED: an event known only to be in the article's area is coded to its main town at
        # geo_precision 2, or to its region at 3
        return _PlaceRef(first[best], 2 if _is_settlement(first[best]) else 3, 3)

    def _focus(self) -> _PlaceRef | None:
        return self._focus_ref

    # ── dates ──

    def _date(self, token: Token) -> _DateRef:
        """The clause's own date; else a date on a verb above it; else one of the sentence's main
        clause; else the publication date."""
        head = self._clause_head(token)
        scope = self._scope(token)
        ancestors = {t.i for t in head.ancestors}
        sentence = token.sent
        own: list[tuple[int, DateMention]] = []
        above: list[tuple[int, DateMention, Token]] = []
        free: list[tuple[int, DateMention]] = []
        for mention, root in self.dates:
            if not sentence.start <= root.i < sentence.end:
                continue
            distance = abs(root.i - token.i)
            anchor = self._clause_head(root.head if root.head is not root else root)
            if root.i in scope and (anchor.i == head.i or anchor.i not in self._verbs_below(head)):
                own.append((distance, mention))
                continue
            if anchor.i in ancestors:
                above.append((distance, mention, anchor))
            elif _main_clause(anchor) and anchor.i not in self.trigger_heads:
                free.append((distance, mention))
        if own:
            return self._date_ref(min(own, key=lambda d: d[0])[1], reporting=False)
        if above:
            _, mention, anchor = min(above, key=lambda d: d[0])
            reporting = anchor.lemma_.lower() in self.lexicon.reporting_verbs
            return self._date_ref(mention, reporting=reporting)
        if free:
            return self._date_ref(min(free, key=lambda d: d[0])[1], reporting=False)
        # ACLED: with no date of its own, an event is dated by its report, within its week
        return _DateRef(self.published, 2, None, historical=False)

    def _date_ref(self, mention: DateMention, *, reporting: bool) -> _DateRef:
        threshold = self.published - self.lexicon.historical_after
        end = mention.end or mention.date
        historical = end is not None and end < threshold
        if mention.kind == "period":
            if historical:
                return _DateRef(None, None, mention.span, historical=True)
            return _DateRef(self.published, 2, None, historical=False)
        precision: TimePrecision | None = mention.precision
        if reporting and precision == 1:
            precision = 2  # ACLED: a report's date bounds the event; the day itself is not known
        return _DateRef(mention.date, precision, mention.span, historical=historical)

    # ── actors ──

    def _arguments(self, token: Token) -> tuple[list[Token], list[Token]]:
        """Agent and patient tokens of a trigger: subject and object, "by" agent, possessor."""
        agents: list[Token] = []
        patients: list[Token] = []
        for child in token.children:
            dep = child.dep_
            if dep in ("nsubj", "csubj") and token.lemma_.lower() in _SUBJECT_UNDERGOES:
                patients.extend(_with_conjuncts(child))  # "Vuhledar fell", "15,000 soldiers died"
            elif dep in ("nsubj", "csubj"):
                agents.extend(_with_conjuncts(child))
            elif dep == "agent":
                agents.extend(
                    g for c in child.children if c.dep_ == "pobj" for g in _with_conjuncts(c)
                )
            elif dep in ("dobj", "nsubjpass"):
                patients.extend(_with_conjuncts(child))
            elif dep == "prep" and child.lower_ in ("on", "against", "at"):
                patients.extend(
                    g for c in child.children if c.dep_ == "pobj" for g in _with_conjuncts(c)
                )
            elif (dep == "prep" and child.lower_ == "by" and token.pos_ in _NOUNS) or (
                dep == "prep" and child.lower_ == "to" and token.lemma_.lower() == "fall"
            ):
                agents.extend(
                    g for c in child.children if c.dep_ == "pobj" for g in _with_conjuncts(c)
                )
            elif dep == "prep" and child.lower_ == "with" and token.pos_ in _VERBS:
                patients.extend(
                    g for c in child.children if c.dep_ == "pobj" for g in _with_conjuncts(c)
                )
            elif (dep == "poss" and token.pos_ in _NOUNS) or (
                dep in ("amod", "compound", "nmod")
                and token.pos_ in _NOUNS
                and (child.i in self.actor_at or self._polity_of(child) in self.lexicon.opponents)
            ):
                agents.append(child)
        agents = [
            a.head.head if a.tag_ in _RELATIVE and a.head.dep_ == "relcl" else a for a in agents
        ]
        if not agents and token.pos_ in _VERBS and token.dep_ == "acl":
            # "soldiers entering Pokrovsk" acts; "villages captured by Russia" is acted on
            (patients if token.tag_ == "VBN" else agents).append(token.head)
        if (
            not agents
            and token.pos_ in _VERBS
            and token.dep_ in ("xcomp", "conj", "advcl", "pcomp")
        ):
            agents = self._inherited_subjects(token)
        if not agents and token.pos_ in _NOUNS and token.dep_ in ("dobj", "pobj", "nsubjpass"):
            governor = token.head if token.dep_ != "pobj" else token.head.head
            if governor.lemma_.lower() in self.lexicon.light_verbs:
                agents, _ = self._arguments(governor)
        return agents, patients

    def _inherited_subjects(self, token: Token) -> list[Token]:
        """The subject a verb without one shares with the verb above it: "forced to withdraw",
        "broke through and are battling"; "urged Kyiv to return": the object of the verb above."""
        head = token.head
        if token.dep_ == "pcomp":
            head = head.head  # "massed near X instead of attacking Y": the subject of "massed"
        if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
            return []
        if token.dep_ == "xcomp" and head.lemma_.lower() in self.lexicon.object_control_verbs:
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return [s for o in objects for s in _with_conjuncts(o)]
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and head.dep_ in ("xcomp", "conj") and head.head is not head:
            subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [s for subject in subjects for s in _with_conjuncts(subject)]

    def _actors(
        self, tokens: Iterable[Token], *, military: bool, pronouns: bool = False
    ) -> list[_ActorRef]:
        refs: list[_ActorRef] = []
        for token in tokens:
            ref = self._actor_of(token, pronouns=pronouns)
            if ref is None:
                continue
            if military:
                ref = self._as_armed(ref)
                if ref is None:
                    continue
            elif ref.actor.inter == 0:
                continue  # news outlets and analysts report events, they are never a party
            if all(ref.actor.id != known.actor.id for known in refs):
                refs.append(ref)
        return refs

    def _actor_of(self, token: Token, *, pronouns: bool) -> _ActorRef | None:
        """The actor a noun phrase names, by mention, coreference, possessor or nationality;
        `pronouns`: "it" and "they" too (agents only: a pronoun object is mostly a place)."""
        for candidate in (token, *[c for c in token.children if c.dep_ in _PHRASE_DEPS]):
            mention = self.actor_at.get(candidate.i)
            if mention is not None:
                return _ActorRef(mention.actor, mention.span)
            coref = self.coref_at.get(candidate.i)
            if coref is not None:
                return coref
        if token.lower_ in _PRONOUNS:
            return self._antecedent(token) if pronouns else None
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in _PRONOUNS:
                owner = self._antecedent(child)
                if owner is not None:
                    owned = self._role_actor(owner.actor.side, token) or owner.actor
                    return _ActorRef(owned, self._token_span(child.i, token.i + 1))
        source = token
        polity = self._polity_of(token)
        if polity is None:
            for child in token.children:
                adjectival = child.pos_ == "ADJ" or child.ent_type_ == "NORP"
                if (child.dep_ == "poss" or adjectival) and (polity := self._polity_of(child)):
                    source = child
                    break
        if polity is not None and (source is token or token.lower_ in self.registry.role_nouns):
            # "Russian troops", "Russia" — not "Russian sources", who report, or "Russian economy"
            actor = self._role_actor(polity, token)
            if actor is not None:
                start, end = sorted((source.i, token.i))
                return _ActorRef(actor, self._token_span(start, end + 1))
        return None

    def _polity_of(self, token: Token) -> str | None:
        """The side a word names by itself: "Russia", "Ukrainian", "Kyiv"."""
        for key, polity in self.registry.polities.items():
            if polity.rank >= 1 and token.text in polity.words:
                return key
        return None

    def _role_actor(self, side: str, token: Token) -> Actor | None:
        """The side's actor for what the noun names: its military for troops and weapons, else
        its government."""
        polity = self.registry.polities.get(side)
        if polity is None:
            return None
        role = self.registry.role_nouns.get(token.lower_)
        key = role.key if role is not None else "government"
        return polity.roles.get(key) or polity.roles.get("government")

    def _antecedent(self, pronoun: Token) -> _ActorRef | None:
        """ "it", "its", "they": the nearest party named before it in this or the last sentence."""
        sentence = self._sentence(pronoun.i)
        floor = self.sentence_starts[max(0, sentence - 1)]
        for i in range(pronoun.i - 1, floor - 1, -1):
            mention = self.actor_at.get(i)
            if mention is not None:
                if mention.actor.inter == 0 or mention.role == "person":
                    continue
                return _ActorRef(mention.actor, mention.span)
            word = self.doc[i]
            polity = self._polity_of(word)
            acting = word.dep_ in _ACTING_DEPS or (
                word.dep_ in ("amod", "compound") and word.head.dep_ in _ACTING_DEPS
            )
            if polity is not None and acting:
                actor = self._role_actor(polity, word)
                if actor is not None:
                    return _ActorRef(actor, self._token_span(i, i + 1))
        return None

    def _as_armed(self, ref: _ActorRef) -> _ActorRef | None:
        """The party to violence an actor stands for: a government acts through its military."""
        actor = ref.actor
        if actor.inter == 0 or actor.inter in (6, 7):
            return None
        if actor.kind == "government":
            polity = self.registry.polities.get(actor.side)
            military = polity.roles.get("military") if polity else None
            if military is not None:
                # ACLED names the state's forces ("Military Forces of Russia") as the party
                return _ActorRef(military, ref.span)
        return ref

    def _distinct_sides(self, refs: Iterable[_ActorRef]) -> list[_ActorRef]:
        sides: list[_ActorRef] = []
        for ref in refs:
            if all(ref.actor.side != known.actor.side for known in sides):
                sides.append(ref)
        return sides

    def _sentence_actors(
        self, token: Token, *, military: bool, people: bool = True
    ) -> list[_ActorRef]:
        """The parties named in the trigger's sentence; `people`: speakers named as persons too."""
        sentence = token.sent
        seen: set[Span] = set()
        refs = []
        for i in range(sentence.start, sentence.end):
            mention = self.actor_at.get(i)
            if mention is None or mention.span in seen:
                continue
            if not people and mention.role == "person":
                continue
            seen.add(mention.span)
            refs.append(_ActorRef(mention.actor, mention.span))
        if military:
            return [armed for ref in refs if (armed := self._as_armed(ref)) is not None]
        return [ref for ref in refs if ref.actor.inter != 0]

    def _sentence_belligerents(self, token: Token) -> list[_ActorRef]:
        return [
            ref
            for ref in self._sentence_actors(token, military=True, people=False)
            if ref.actor.side in self.lexicon.opponents
        ]

    def _opponent(self, ref: _ActorRef, token: Token) -> _ActorRef | None:
        """The other side of the war, as its forces: named in the sentence ("the Russian
        assault"), else its nearest mention in the article, else evidenced by the trigger alone."""
        side = self.lexicon.opponents.get(ref.actor.side)
        polity = self.registry.polities.get(side) if side else None
        military = polity.roles.get("military") if polity else None
        if polity is None or military is None:
            return None
        for named in self._sentence_actors(token, military=True, people=False):
            if named.actor.side == side:
                return named
        for word in token.sent:
            if word.text in polity.words:
                return _ActorRef(military, self._token_span(word.i, word.i + 1))
        nearest: tuple[int, int, Span] | None = None
        for i, mention in self.actor_at.items():
            if mention.actor.side != side or mention.actor.inter == 0:
                continue
            rank = (int(mention.role == "person"), abs(i - token.i))
            if nearest is None or rank < nearest[:2]:
                nearest = (*rank, mention.span)
        # a side named nowhere is still the other party to a battle: the trigger is its evidence
        return _ActorRef(military, nearest[2] if nearest else None)

    def _civilians_ref(self, span: Span) -> _ActorRef | None:
        actor = self.registry.actors.get(CIVILIANS_ACTOR)
        return _ActorRef(actor, span) if actor is not None else None

    def _subject_phrase(self, token: Token) -> Span | None:
        """The words of a trigger's subject ("Hundreds of people" protested)."""
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return self._token_span(child.left_edge.i, child.right_edge.i + 1)
        if token.dep_ == "acl" and token.head.i < token.i:
            return self._token_span(token.head.left_edge.i, token.i)
        return None

    def _between(self, token: Token) -> list[_ActorRef]:
        """ "a ceasefire between Russia and Ukraine"."""
        refs = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "with"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        refs.extend(self._actors(_with_conjuncts(pobj), military=False))
        return refs

    def _governor_subjects(self, token: Token) -> list[_ActorRef]:
        """The subject of the verb above an agreement noun ("Putin rejected … a ceasefire")."""
        node = token
        for _ in range(_MAX_CLIMB):
            if node.pos_ in _VERBS:
                agents, patients = self._arguments(node)
                return self._actors([*agents, *patients], military=False, pronouns=True)
            if node.head is node:
                break
            node = node.head
        return []

    # ── weapons, victims, casualties ──

    def _weapon_span(self, token: Token) -> Span:
        """The weapon's words: "car bomb", "air strike", or the one word."""
        if token.i > 0:
            before = self.doc[token.i - 1]
            pairs = (
                f"{before.lemma_.lower()} {token.lemma_.lower()}",
                f"{before.lower_} {token.lower_}",
            )
            if any(pair in self.lexicon.weapons for pair in pairs):
                return self._token_span(token.i - 1, token.i + 1)
        return self._token_span(token.i, token.i + 1)

    def _weapon_of(self, token: Token) -> str | None:
        """The sub-event type a weapon word makes, or None ("anti-aircraft" is no aircraft)."""
        weapons = self.lexicon.weapons
        lemma = token.lemma_.lower()
        before_words = [t.lower_ for t in self.doc[max(0, token.i - 2) : token.i]]
        if "anti" in before_words or token.lower_.startswith(("anti-", "counter")):
            return None
        if token.i > 0:
            before = self.doc[token.i - 1]
            pair = f"{before.lemma_.lower()} {lemma}"
            if pair in weapons:
                return weapons[pair]
            pair = f"{before.lower_} {token.lower_}"
            if pair in weapons:
                return weapons[pair]
        return weapons.get(lemma) or weapons.get(token.lower_)

    def _own_weapon(self, token: Token) -> tuple[str, Span] | None:
        """A weapon word among the trigger's own words and arguments ("drone attack", "a missile
        hit", "shelled with artillery")."""
        subject = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        candidates = [token, *token.subtree, *(t for s in subject for t in s.subtree)]
        best: tuple[int, str, Span] | None = None
        for candidate in candidates:
            if candidate.sent.start != token.sent.start or self._weapon_modifier(candidate):
                continue
            found = self._weapon_of(candidate)
            if found is None:
                continue
            if candidate.i == token.i and self.lexicon.triggers.get(token.lemma_.lower()):
                entry = self.lexicon.triggers[token.lemma_.lower()]
                if entry.sub_type == found:
                    continue  # the trigger itself ("shelling") is no extra evidence
            distance = abs(candidate.i - token.i)
            if best is None or distance < best[0]:
                best = (distance, found, self._weapon_span(candidate))
        return (best[1], best[2]) if best else None

    def _sentence_weapon(self, token: Token) -> tuple[str, Span] | None:
        best: tuple[int, str, Span] | None = None
        for candidate in token.sent:
            if self._weapon_modifier(candidate):
                continue
            found = self._weapon_of(candidate)
            if found is None:
                continue
            distance = abs(candidate.i - token.i)
            if best is None or distance < best[0]:
                best = (distance, found, self._weapon_span(candidate))
        return (best[1], best[2]) if best else None

    def _weapon_modifier(self, token: Token) -> bool:
        """ "drone" in "drone missiles": the head noun names the weapon that struck."""
        head = token.head
        return (
            token.dep_ in ("compound", "amod", "nmod")
            and head is not token
            and self._weapon_of(head) is not None
        )

    def _military_words(self, token: Token) -> bool:
        """Ground-war words among the trigger's own ("attacks on Ukrainian positions")."""
        words = {t.lemma_.lower() for t in token.subtree if t.i != token.i}
        return bool(words & self.lexicon.ground_words)

    def _targets_civilians(self, token: Token, patients: list[_ActorRef]) -> Span | None:
        """The words that say civilians were the victims or the target, if any."""
        for ref in patients:
            if ref.actor.id == CIVILIANS_ACTOR and ref.span is not None:
                return ref.span
        lexicon = self.lexicon
        sentence = token.sent
        for quantity, root in self.killed:
            if root.sent.start == sentence.start and self._civilian_count(root):
                return quantity.span
        for child in token.subtree:
            if child.sent.start != sentence.start:
                continue
            lemma = child.lemma_.lower()
            if lemma in lexicon.civilian_targets or (
                lemma in lexicon.civilian_words and child.dep_ in ("dobj", "pobj", "nsubjpass")
            ):
                return self._token_span(child.i, child.i + 1)
        return None

    def _civilian_count(self, root: Token) -> bool:
        lemmas = {t.lemma_.lower() for t in root.subtree} | {root.lemma_.lower()}
        return bool(lemmas & self.lexicon.civilian_words) and not (
            lemmas & self.lexicon.combatant_words
        )

    def _combatant_victims(self, token: Token) -> bool:
        lemmas = {t.lemma_.lower() for t in token.subtree}
        return bool(lemmas & self.lexicon.combatant_words)

    def _sentence_has_other_trigger(self, token: Token) -> bool:
        sentence = token.sent
        for t in sentence:
            if t.i == token.i or t.i not in self.trigger_clauses:
                continue
            entry = self._entry(t)
            if entry is not None and entry.frame not in ("explosion", "casualty"):
                return True
        return False

    def _heard(self, token: Token) -> bool:
        """ "Explosions were heard": a sound, not an event ACLED can code."""
        return token.head.lemma_.lower() in ("hear", "report") or any(
            c.lemma_.lower() == "hear" for c in token.children
        )

    def _accord_governed(self, token: Token) -> bool:
        """An agreement noun is an event only under a verb that makes, rejects or wants one."""
        lexicon = self.lexicon
        node = token
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.head.lemma_.lower() in lexicon.accord_verbs
        ):
            return True
        for _ in range(_MAX_CLIMB):
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
            if node.pos_ in _VERBS and self._is_clause(node):
                return False
        return False

    def _classify(self, token: Token, choices: Sequence[str]) -> str | None:
        if self.classifier is None:
            return None
        sentence = token.sent
        ranking = self._classified.get(sentence.start)
        if ranking is None:
            ranking = self._classified[sentence.start] = self.classifier(sentence.text)
        for label, _ in ranking:
            if label in choices:
                return label
        return None

    # ── grouping and records ──

    def _group(
        self,
        by_sentence: dict[int, list[_Candidate]],
        casualties: dict[int, list[_Candidate]],
    ) -> list[_Candidate]:
        """One event per sentence, family, place and modality; killed counts join their event."""
        grouped: dict[int, list[_Candidate]] = {}
        for sentence in sorted(set(by_sentence) | set(casualties)):
            candidates = by_sentence.get(sentence, [])
            if any(c.frame in ("protest", "riot") for c in candidates):
                # ACLED: arrests at a protest are its intervention, not events of their own
                candidates = [c for c in candidates if c.frame != "arrest"]
            merged = _merge_same(candidates)
            violent = [c for c in merged if c.frame in _VIOLENT_FRAMES or c.frame == "protest"]
            earlier: _Candidate | None = None
            for casualty in casualties.get(sentence, []):
                target = _nearest(violent, casualty)
                if target is None and casualty.sub_type:
                    merged.append(casualty)
                    violent.append(casualty)
                    continue
                if target is None:
                    target = earlier = self._earlier_event(grouped, casualty)
                if target is not None:
                    _absorb(target, casualty)
            merged = _merge_same(merged)
            self._count_killed(sentence, merged, earlier)
            grouped[sentence] = merged
        return [c for sentence in sorted(grouped) for c in grouped[sentence]]

    def _count_killed(
        self, sentence: int, candidates: list[_Candidate], earlier: _Candidate | None
    ) -> None:
        """Each killed count of a sentence goes to its nearest violent event (or to the last
        sentence's, when this one only tells its toll)."""
        violent = [c for c in candidates if c.frame in _VIOLENT_FRAMES or c.frame == "protest"]
        if not violent and earlier is not None:
            violent = [earlier]
        if not violent:
            return
        for quantity, root in self.killed:
            if self._sentence(root.i) != sentence:
                continue
            target = min(violent, key=lambda c: min(abs(i - root.i) for i in c.triggers))
            if quantity not in target.killed:
                target.killed.append(quantity)

    def _earlier_event(
        self, grouped: dict[int, list[_Candidate]], casualty: _Candidate
    ) -> _Candidate | None:
        """ "Russia shelled Kharkiv. Three people were killed.": the toll of the last event."""
        paragraph = self._paragraph(casualty.trigger.i)
        previous = grouped.get(casualty.sentence - 1, [])
        violent = [
            c
            for c in previous
            if c.frame in _VIOLENT_FRAMES and self._paragraph(c.trigger.i) == paragraph
        ]
        if not violent or (casualty.place is not None and casualty.place.level == 0):
            return None
        return violent[-1]

    def _event(self, candidate: _Candidate) -> Event:
        sub = taxonomy.sub_event_type(candidate.sub_type)
        place = candidate.place
        date = candidate.date or _DateRef(self.published, 2, None, historical=False)
        evidence = set(candidate.evidence)
        for ref in (candidate.actor1, candidate.actor2, *candidate.assoc):
            if ref is not None and ref.span is not None:
                evidence.add(ref.span)
        if place is not None:
            evidence.add(place.mention.span)
        if date.span is not None:
            evidence.add(date.span)
        killed = max(candidate.killed, key=lambda q: (q.best, q.high), default=None)
        if killed is not None:
            evidence.add(killed.span)
        # ACLED: the most conservative reported toll; none reported is 0
        fatalities = (
            Fatalities(int(killed.low), int(killed.best), int(killed.high))
            if killed is not None
            else Fatalities(0, 0, 0)
        )
        spans = _outermost(evidence)
        civilian = candidate.civilian_targeting or sub.event_type == "Violence against civilians"
        if sub.event_type == "Battles":
            civilian = False  # ACLED: battles are between armed groups, never civilian targeting
        return Event(
            id=_event_id(self.result.article.id, spans),
            article_id=self.result.article.id,
            disorder_type=sub.disorder_type,
            event_type=sub.event_type,
            sub_type=sub.name,
            actor1=candidate.actor1.actor if candidate.actor1 else None,
            actor2=candidate.actor2.actor if candidate.actor2 else None,
            assoc=tuple(ref.actor for ref in candidate.assoc),
            interaction=self._interaction(candidate),
            place=place.mention.place if place else None,
            geo_precision=place.precision if place else None,
            date=date.date,
            time_precision=date.precision,
            fatalities=fatalities,
            civilian_targeting=civilian,
            modality=candidate.modality,
            claim_id=self._claim_of(candidate.trigger_span),
            evidence=spans,
        )

    def _claim_of(self, trigger: Span) -> str | None:
        """The innermost claim whose content holds the event's trigger: who says it happened."""
        holding = [
            claim
            for claim in self.result.claims
            if claim.content_span.start <= trigger.start and trigger.end <= claim.content_span.end
        ]
        if not holding:
            return None
        return min(holding, key=lambda c: c.content_span.end - c.content_span.start).id

    def _interaction(self, candidate: _Candidate) -> int | None:
        violence = "Political violence" in taxonomy.sub_event_type(candidate.sub_type).disorder_type
        country = (
            candidate.place.mention.place.country
            if violence and candidate.place and candidate.place.mention.place
            else None
        )
        codes = []
        for ref in (candidate.actor1, candidate.actor2):
            if ref is None or ref.actor.inter not in taxonomy.INTER_CODES:
                continue
            inter = ref.actor.inter
            home = self.lexicon.home_countries.get(ref.actor.side)
            if inter == 1 and home and country and home != country:
                inter = EXTERNAL_FORCES  # ACLED: state forces acting abroad are external forces
            codes.append(inter)
        if not codes:
            return None
        # ACLED: the interaction code is the sorted concatenation of inter1 and inter2
        return taxonomy.interaction(codes[0], codes[1] if len(codes) > 1 else None)


# ─── helpers ─────────────────────────────────────────────────────────────────────────────────


def _weak_pos(value: Any) -> frozenset[str]:
    """`weak: true` is weak in every part of speech; `weak: [NOUN]` in those listed."""
    if value is True:
        return frozenset({"VERB", "NOUN"})
    if not value:
        return frozenset()
    return frozenset(str(pos) for pos in value)


def _pos(token: Token) -> str:
    """VERB or NOUN as the trigger table names them (proper nouns are nouns)."""
    return "NOUN" if token.pos_ in _NOUNS else token.pos_


def _objective(token: Token) -> bool:
    """A bare base-form verb heading its sentence: a goal or a headline, not a report."""
    if token.tag_ != "VB" or token.dep_ not in ("ROOT", "appos", "dep"):
        return False
    return not any(child.dep_ in ("aux", "auxpass", *_SUBJECTS) for child in token.children)


def _is_settlement(mention: PlaceMention) -> bool:
    return mention.place is not None and mention.place.feature == _SETTLEMENT


def _main_clause(token: Token) -> bool:
    return token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")


def _since(token: Token) -> bool:
    """ "since Russia's withdrawal from Kyiv": an event that opens a period, long past."""
    return token.dep_ == "pobj" and token.head.lower_ == "since"


def _has_object(token: Token) -> bool:
    return any(child.dep_ in ("dobj", "ccomp") for child in token.children)


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in _SUBJECTS for child in token.children)


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.i > token.i)]


def _group_key(candidate: _Candidate) -> tuple[str, str, str]:
    """One sentence's words for one event: "a landmine exploded …, killing two farmers"."""
    place = candidate.place.mention.place if candidate.place else None
    key = place_key(place) if place is not None else ""
    return family_of(candidate.sub_type), key, candidate.modality


def _merge_same(candidates: list[_Candidate]) -> list[_Candidate]:
    """Candidates of one sentence with one family, place and modality as one, coded as the
    highest sub-event type (ACLED's atomic coding)."""
    merged: dict[tuple[str, str, str], _Candidate] = {}
    for candidate in candidates:
        key = _group_key(candidate)
        held = merged.get(key)
        if held is None:
            merged[key] = candidate
            continue
        first, second = sorted(
            (held, candidate), key=lambda c: taxonomy.sub_event_type(c.sub_type).hierarchy_rank
        )
        _absorb(first, second)
        merged[key] = first
    return sorted(merged.values(), key=lambda c: c.trigger.i)


def _absorb(target: _Candidate, other: _Candidate) -> None:
    """Fold `other` into `target`: its evidence, killed counts and any party `target` lacks."""
    target.evidence |= other.evidence
    target.triggers.extend(other.triggers)
    target.killed.extend(q for q in other.killed if q not in target.killed)
    if other.civilian_targeting and taxonomy.sub_event_type(target.sub_type).event_type not in (
        "Battles",
    ):
        target.civilian_targeting = True
        if target.actor2 is None:
            target.actor2 = other.actor2
    battle = taxonomy.sub_event_type(target.sub_type).event_type == "Battles"
    known = {ref.actor.id for ref in (target.actor1, target.actor2) if ref is not None}
    for slot, ref in (("actor1", other.actor1), ("actor2", other.actor2)):
        if ref is None or ref.actor.id in known or (battle and ref.actor.inter == 7):
            continue  # ACLED: civilians are never a party to a battle
        if target.actor1 is None and slot == "actor1":
            target.actor1 = ref
        elif target.actor2 is None and (
            target.actor1 is None or ref.actor.side != target.actor1.actor.side
        ):
            target.actor2 = ref
        else:
            continue
        known.add(ref.actor.id)
    if target.date is None or (
        target.date.span is None and other.date is not None and other.date.span is not None
    ):
        target.date = other.date


def _add_evidence(candidate: _Candidate, span: Span) -> None:
    """Add a span unless the trigger's own span already covers it ("drone" in "drone strike")."""
    trigger = candidate.trigger_span
    if not trigger.start <= span.start < span.end <= trigger.end:
        candidate.evidence.add(span)


def _outermost(spans: set[Span]) -> tuple[Span, ...]:
    """Evidence in text order, without spans inside others ("drone" in "drone strike")."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if kept and kept[-1].start <= span.start and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return tuple(kept)


def _nearest(candidates: list[_Candidate], casualty: _Candidate) -> _Candidate | None:
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c.trigger.i - casualty.trigger.i))


def _event_id(article_id: str, spans: Sequence[Span]) -> str:
    key = article_id + "|" + ";".join(f"{span.start}-{span.end}" for span in spans)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
