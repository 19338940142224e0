"""Claims with their content normalised to slots: predicate, place, actor, quantity, time, polarity.

`claims(doc, result, attributions)` turns the attributions of one parsed article into `Claim`
records. Each content is read off the dependency parse:

- predicate: the word of `data/claim_predicates.yaml` nearest the content's syntactic root ("its
  troops had captured the village" → captured); a head-and-child pair ("deliver supplies") wins
  over a single word. An elliptical content ("Moscow claims it is") borrows the predicate of the
  sentence before, where the question was put ("whether the city is now fully encircled");
- polarity: False when the predicate or a clause above it in the content is negated ("were not
  surrounded", "There is no encirclement");
- place: the first place mention in the content that is not inside a relative clause about
  something else; else, for "the city", "the village", "there", the nearest place of that kind
  named before the content; else, when the content has a predicate, the place the speaker's own
  description names ("said X, the mayor of Mariupol");
- actor: the predicate's subject as an actor mention or a resolved coreference; "its forces", "our
  troops" in reported speech are the speaker's own;
- quantity and time: the first quantity and calendar date inside the content;
- object: the evidence the content is about ("the video was filmed at …", "footage showing …");
- keywords: the content words, so a content without a known predicate can still be compared.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, cast

import yaml

from fogwatch.claims import answers
from fogwatch.claims.attribution import Attribution
from fogwatch.claims.cue_lexicon import load_lexicon
from fogwatch.language.nlp import tokens_in
from fogwatch.records import (
    Actor,
    ActorMention,
    ArticleResult,
    Claim,
    CueClass,
    Modality,
    PlaceMention,
    Proposition,
    Quantity,
    Span,
    Stance,
)
from fogwatch.spanindex import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PREDICATE_FILE = "claim_predicates.yaml"
_ELLIPSIS_MAX_WORDS = 3
_ELLIPSIS_LOOKBACK = 2  # sentences
_ELLIPSIS_POS = frozenset({"PRON", "AUX", "PART", "ADV", "DET", "SCONJ"})
# Above a predicate, a claim the content reports of someone else: "the MoD's claim that …".
_REPORTED = frozenset({"claim", "allegation", "assertion", "report", "say", "allege"})
# Cues that look ahead: what is predicted or expected has not happened yet.
_PROSPECTIVE_CUES = frozenset({"predict", "forecast", "expect", "anticipate", "foresee"})
# Prepositions of cause: the negation of "did not go ahead due to shelling" is not the shelling's.
_CAUSES = frozenset({"due", "because", "owing", "thanks"})
# Names are left out: places and actors have their own slots.
_KEYWORD_POS = frozenset({"NOUN", "VERB", "ADJ"})
_MAX_KEYWORDS = 12
_NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "neither", "nor"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
_ASIDES = frozenset({"relcl", "appos"})
# Definite descriptions that point back at a place named earlier, by the kind of place they fit.
_TOWN_NOUNS = frozenset({"city", "town", "village", "settlement", "hamlet"})
_REGION_NOUNS = frozenset({"region", "province", "oblast", "area"})
_THERE = frozenset({"there"})
_FUTURE = frozenset({"will", "'ll", "shall"})
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "must", "'d"})
# Verbs above the predicate that make it an aim, not a fact: "are trying to encircle the city".
_ATTEMPTS = frozenset(
    {"try", "attempt", "seek", "aim", "plan", "prepare", "expect", "hope", "intend", "want",
     "threaten", "need", "vow", "push", "struggle"}
)  # fmt: skip
# Predicates of who holds a place: as an adjective ("the Russian-controlled town") a description.
_HOLDING = frozenset({"controls", "controls_part", "captured"})
# Words that make a count a part of a larger one: "including 210 children", "among them 12".
_PARTITIVES = frozenset({"include", "including", "among"})
# Places too broad to compare claims by: "attacks on Ukraine" says nothing about where.
_TOO_BROAD = frozenset({"country", "continent"})
# What a side can control of a place without controlling the place: "positions in Mariupol".
_WHOLE_OBJECTS = _TOWN_NOUNS | {"it", "territory"}
_CONDITIONS = frozenset({"if", "unless", "whether"})
# Verbs whose infinitive happened: "managed to break through".
_IMPLICATIVES = frozenset({"manage", "succeed", "continue", "begin", "start", "happen"})


@dataclass(frozen=True)
class Vocabulary:
    """The predicates of `data/claim_predicates.yaml`, indexed by lemma."""

    words: dict[str, str]
    pairs: dict[tuple[str, str], str]
    objects: dict[str, str]
    own_possessives: frozenset[str]
    own_nouns: frozenset[str]
    harm_predicates: frozenset[str] = frozenset()
    """Predicates and words of harm done to someone: whoever does it is blamed (`harm`)."""
    harm_words: frozenset[str] = frozenset()


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The predicate vocabulary, read once per process."""
    data = yaml.safe_load(files("fogwatch.data").joinpath(PREDICATE_FILE).read_text("utf-8"))
    words: dict[str, str] = {}
    pairs: dict[tuple[str, str], str] = {}
    for predicate, spec in data["predicates"].items():
        for word in spec.get("words", []):
            if word in words:
                raise ValueError(f"{PREDICATE_FILE}: {word!r} is listed twice — keep one")
            words[word] = predicate
        for head, child in spec.get("pairs", []):
            if (head, child) in pairs:
                raise ValueError(f"{PREDICATE_FILE}: [{head}, {child}] is listed twice — keep one")
            pairs[head, child] = predicate
    objects = {word: name for name, nouns in data["objects"].items() for word in nouns}
    own = data["own_forces"]
    return Vocabulary(
        words=words,
        pairs=pairs,
        objects=objects,
        own_possessives=frozenset(own["possessives"]),
        own_nouns=frozenset(own["nouns"]),
        harm_predicates=frozenset(data["harm"]["predicates"]),
        harm_words=frozenset(data["harm"]["words"]),
    )


def claims(doc: Doc, result: ArticleResult, attributions: Sequence[Attribution]) -> list[Claim]:
    """One `Claim` per attribution that has content, with its proposition."""
    reader = _Reader(doc, result)
    made: dict[str, Claim] = {}
    for attribution in attributions:
        if not attribution.contents:
            continue
        claim = reader.claim(attribution)
        made.setdefault(claim.id, claim)
    found = sorted(made.values(), key=lambda c: (c.cue_span.start, c.cue_span.end))
    blames = {c.id: c.proposition.blames for c in found if c.proposition and c.proposition.blames}
    incidents = frozenset(c.id for c in found if c.id in blames and reader.names_incident(c))
    denials = answers.answered(doc, found, blames, incidents)
    return [
        dataclasses.replace(
            c, proposition=dataclasses.replace(c.proposition, answers=denials[c.id])
        )
        if c.id in denials and c.proposition is not None
        else c
        for c in found
    ]


def claim_id(article_id: str, cue: Span) -> str:
    """A claim's stable id: its article and the position of its cue."""
    key = f"{article_id}|claim|{cue.start}-{cue.end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


class _Reader:
    def __init__(self, doc: Doc, result: ArticleResult) -> None:
        self.doc = doc
        self.result = result
        self.vocabulary = load_vocabulary()
        self.pair_heads = frozenset(head for head, _ in self.vocabulary.pairs)
        self.locations = sorted(
            (
                m
                for m in result.places
                if m.place is not None
                and m.role == "location"
                and m.place.feature not in _TOO_BROAD
            ),
            key=lambda m: m.span.start,
        )
        self.places = SpanIndex(self.locations, lambda m: m.span)
        self.actors = SpanIndex(result.actors, lambda m: m.span)
        self.quantities = SpanIndex(result.quantities, lambda q: q.span)
        self.coreferences = SpanIndex(
            (link for link in result.coreferences if link.actor is not None), lambda c: c.span
        )
        self.dates = SpanIndex(
            (m for m in result.dates if m.kind == "date" and m.date is not None), lambda m: m.span
        )

    def _actors_in(self, tokens: Sequence[Token]) -> list[ActorMention]:
        """The actor mentions that start among `tokens`."""
        if not tokens:
            return []
        return self.actors.starting_within(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))

    def _locations_within(self, start: int, end: int) -> list[PlaceMention]:
        """The usable places that start within [`start`, `end`)."""
        return self.places.starting_within(start, end)

    def claim(self, attribution: Attribution) -> Claim:
        parts = attribution.contents
        content = Span(min(p.start for p in parts), max(p.end for p in parts))
        stance = self._stance(attribution, parts)
        return Claim(
            id=claim_id(self.result.article.id, attribution.cue),
            article_id=self.result.article.id,
            source=attribution.source_actor,
            source_span=attribution.sources[0] if attribution.sources else None,
            cue_span=attribution.cue,
            cue_lemma=attribution.cue_lemma,
            cue_class=cast(CueClass, attribution.cue_class),
            content_span=content,
            stance=stance,
            direct=attribution.direct,
            proposition=self.proposition(attribution, parts, stance),
        )

    def _stance(self, attribution: Attribution, parts: Sequence[Span]) -> Stance:
        """The cue's stance; calling something a lie is denying it ("called the reports
        disinformation", "described it as fake"): `data/cue_verbs.yaml: falsehood_words`."""
        cue = load_lexicon().verbs.get(attribution.cue_lemma)
        if attribution.stance == "affirm" and cue is not None and "as" in cue.takes:
            words = {_lemma(t) for part in parts for t in self._tokens(part)}
            if words & load_lexicon().falsehood_words:
                return "deny"
        return cast(Stance, attribution.stance)

    # ─── the slots ──────────────────────────────────────────────────────────────────────────

    def proposition(
        self, attribution: Attribution, parts: Sequence[Span], stance: Stance
    ) -> Proposition:
        tokens = [t for part in parts for t in self._tokens(part)]
        found = self._predicate(tokens, own=stance != "deny")
        clause = tokens
        if found is None and self._elliptical(tokens):
            found, clause = self._borrowed(parts[0].start)
        predicate, head = found if found is not None else (None, None)
        if predicate in ("controls", "captured") and head is not None and self._partial(head):
            predicate = "controls_part"  # "took control over the airport": a part of the city
        polarity = not (head is not None and self._negated(head, clause))
        if head is not None and clause is not tokens and self._negated_ellipsis(tokens):
            polarity = not polarity
        asides = _asides(clause)
        place = self._place(clause, asides, before=parts[0].start)
        if place is None and predicate is not None:
            place = self._speakers_place(attribution, parts)
        own_clause = tokens if clause is not tokens else clause
        actor = self._actor(head, clause, attribution.source_actor)
        return Proposition(
            predicate=predicate,
            place=place.place if place is not None else None,
            near=place is not None and place.geo_precision == 2,
            actor=actor,
            quantity=self._quantity(parts, _asides(tokens), head),
            time=self._time(parts, _asides(tokens)),
            polarity=polarity,
            modality="future"
            if attribution.cue_lemma in _PROSPECTIVE_CUES
            else _modality(head, own_clause)
            if clause is tokens
            else "asserted",
            object=self._object(tokens, attribution),
            keywords=_keywords(tokens),
            blames=answers.blamed_side(
                tokens, predicate, actor, self._actors_in(tokens), self.vocabulary
            ),
        )

    def names_incident(self, claim: Claim) -> bool:
        """Whether the content names an incident as one already told: a definite noun of harm
        ("the station attack", "this strike", "the missile")."""
        vocabulary = self.vocabulary
        for token in self._tokens(claim.content_span):
            if not _definite(token):  # a determiner makes a noun of a mis-tagged "attack"
                continue
            lemma = _lemma(token)
            if lemma in vocabulary.harm_words or (
                vocabulary.words.get(lemma) in vocabulary.harm_predicates
            ):
                return True
        return False

    def _tokens(self, span: Span) -> list[Token]:
        chars = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return tokens_in(self.doc, chars.start, chars.end) if chars is not None else []

    def _predicate(self, tokens: Sequence[Token], own: bool = False) -> tuple[str, Token] | None:
        """The vocabulary word nearest the root of `tokens`' clause, earliest on a tie. `own`:
        never inside a claim the content reports of someone else ("criticised the MoD's claim
        that Russia controls X" is not the critic's claim that Russia controls X)."""
        inside = {t.i for t in tokens}
        reported = {t.i for t in tokens if _lemma(t) in _REPORTED} if own else set()
        best: tuple[int, int, str, Token] | None = None
        for token in tokens:
            if reported and any(a.i in reported for a in token.ancestors):
                continue
            predicate = self._predicate_of(token)
            if predicate is None:
                continue
            depth = sum(1 for a in token.ancestors if a.i in inside)
            if best is None or (depth, token.i) < best[:2]:
                best = (depth, token.i, predicate, token)
        return (best[2], best[3]) if best is not None else None

    def _predicate_of(self, token: Token) -> str | None:
        if token.dep_ == "compound":  # a kind of thing: "riot control agents", "attack helicopters"
            return None
        lemma = _lemma(token)
        if token.dep_ == "amod" and self.vocabulary.words.get(lemma) in _HOLDING:
            return None  # "arrived in the Russian-controlled town": who holds it is an aside
        if lemma in self.pair_heads:
            # "The delegation is ready": a predicative adjective's subject hangs on the copula
            around = [*token.children, *(token.head.children if token.dep_ == "acomp" else ())]
            for child in around:
                pair = self.vocabulary.pairs.get((lemma, _lemma(child)))
                if pair is not None:
                    return pair
        return self.vocabulary.words.get(lemma) or self.vocabulary.words.get(token.lower_)

    def _elliptical(self, tokens: Sequence[Token]) -> bool:
        """ "it is", "they have not": function words only — "have limited resources" says its own."""
        words = [t for t in tokens if t.is_alpha]
        return 0 < len(words) <= _ELLIPSIS_MAX_WORDS and all(
            t.pos_ in _ELLIPSIS_POS or _lemma(t) in ("be", "have", "do") for t in words
        )

    def _negated_ellipsis(self, tokens: Sequence[Token]) -> bool:
        return any(t.lower_ in _NEGATORS for t in tokens)

    def _borrowed(self, start: int) -> tuple[tuple[str, Token] | None, list[Token]]:
        """The predicate of a recent sentence, for an elliptical content ("Moscow claims it is"):
        first of its own sentence before it ("some acknowledged the capture while others denied
        it"), then of the sentences before."""
        sentence = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if sentence is None:
            return None, []
        own = [t for t in sentence.sent if t.idx < start]
        previous = [s for s in self.doc.sents if s.end <= sentence.sent.start]
        for tokens in (own, *(list(s) for s in reversed(previous[-_ELLIPSIS_LOOKBACK:]))):
            found = self._predicate(tokens)
            if found is not None:
                return found, tokens
        return None, []

    def _negated(self, head: Token, clause: Sequence[Token]) -> bool:
        inside = {t.i for t in clause}
        for token in (head, *(a for a in head.ancestors if a.i in inside)):
            for child in token.children:
                if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                    return True
                if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
                    return True  # "Russian forces no longer control the city"
            if _lemma(token) in _CAUSES:
                return False  # "did not go ahead due to shelling": the shelling happened
            if token.dep_ in ("nsubj", "nsubjpass"):
                return False  # "forces encircling the city were not respecting the ceasefire"
        return False

    def _place(
        self, clause: Sequence[Token], asides: Sequence[tuple[int, int]], before: int
    ) -> PlaceMention | None:
        if not clause:
            return None
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        inside = [
            m
            for m in self._locations_within(start, end)
            if m.span.end <= end
            and not any(a <= m.span.start < b for a, b in asides)
            and not self._is_actor(m.span)
        ]
        if inside:
            # the most precise place named: "the Pokrovsk offensive" over "Russia"
            return min(inside, key=lambda m: (m.geo_precision or 4, m.span.start))
        # "the city", "the village", "there": the place of that kind named last before the content
        for token in clause:
            lemma = _lemma(token)  # a place noun first: its determiners are read only then
            if lemma in _THERE or (lemma in _TOWN_NOUNS and _definite(token)):
                return self._last_before(min(before, start), town=True)
            if lemma in _REGION_NOUNS and _definite(token):
                return self._last_before(min(before, start), town=False)
        return None

    def _speakers_place(
        self, attribution: Attribution, parts: Sequence[Span]
    ) -> PlaceMention | None:
        """The place the speaker's own description names, for a content that names none: a local
        official speaks of his place ("said X, the mayor of Mariupol", "authorities in Kherson")."""
        if not attribution.sources:
            return None
        words = self._tokens(attribution.sources[0])
        if not words:
            return None
        inside = {t.i for t in words}
        root = min(words, key=lambda t: sum(1 for a in t.ancestors if a.i in inside))
        start, end = root.left_edge.idx, root.right_edge.idx + len(root.right_edge)
        if attribution.cue.end <= words[0].idx:
            # "…," said X, who is now the mayor of Y.": the sentence's tail describes X
            last = root.sent[-1]
            end = max(end, last.idx + len(last))
        if start <= attribution.cue.start < end:
            return None  # the parse hangs the cue under the speaker: no description of its own
        described = [
            m
            for m in self._locations_within(start, end)
            if m.span.end <= end and not _within(m.span, parts, ())
        ]
        if not described:
            return None
        return min(described, key=lambda m: (m.geo_precision or 4, m.span.start))

    def _is_actor(self, span: Span) -> bool:
        return bool(self.actors.overlapping(span))

    def _last_before(self, position: int, town: bool) -> PlaceMention | None:
        before = bisect.bisect_left(self.locations, position, key=lambda m: m.span.start)
        for mention in map(self.locations.__getitem__, range(before - 1, -1, -1)):
            if mention.span.end > position:
                continue
            if (mention.geo_precision == 1) == town:
                return mention
        return None

    def _actor(
        self, head: Token | None, clause: Sequence[Token], speaker: Actor | None
    ) -> Actor | None:
        if head is None:
            return None
        inside = {t.i for t in clause}
        for token in (head, *(a for a in head.ancestors if a.i in inside)):
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
            if token.pos_ == "NOUN":  # "Russian progress", "Moscow's offensive"
                subjects += [c for c in token.children if c.dep_ in ("amod", "poss", "compound")]
            for subject in subjects:
                actor = self._actor_at(subject, speaker)
                if actor is not None:
                    return actor
        return None

    def _actor_at(self, token: Token, speaker: Actor | None) -> Actor | None:
        if _lemma(token) in self.vocabulary.own_nouns and any(
            c.dep_ == "poss" and c.lower_ in self.vocabulary.own_possessives for c in token.children
        ):
            return speaker  # "its forces were forced to withdraw", in the speaker's own words
        for word in token.subtree:
            if word.dep_ in _ASIDES:
                break
            held = self.actors.holding(word.idx)
            if held:
                return held[0].actor
            linked = self.coreferences.holding(word.idx)
            if linked:
                return linked[0].actor
        return None

    def _quantity(
        self, parts: Sequence[Span], asides: Sequence[tuple[int, int]], head: Token | None
    ) -> Quantity | None:
        """The count nearest the predicate ("more than 5,000 killed", not the evacuees before)."""
        if not parts:
            return None
        start, end = min(p.start for p in parts), max(p.end for p in parts)
        inside = [
            q for q in self.quantities.starting_within(start, end) if _within(q.span, parts, asides)
        ]
        if not inside or head is None:
            return inside[0] if inside else None
        # a toll counts what the predicate says: "12 killed and 21 wounded" → 12 for killed
        predicate = self._predicate_of(head)
        counted = [q for q in inside if q.unit == predicate] or inside
        return min(
            counted,
            key=lambda q: (self._a_part(q, head), abs(q.span.start - head.idx), q.span.start),
        )

    def _a_part(self, quantity: Quantity, head: Token) -> bool:
        """Whether a count is a part of another ("5,000 civilians, including 210 children")."""
        words = self.doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
        if words is None:
            return False
        for ancestor in words.root.ancestors:
            if ancestor.i == head.i:
                return False
            if ancestor.lemma_.lower() in _PARTITIVES:
                return True
        return False

    def _partial(self, head: Token) -> bool:
        """Whether "control" or a capture governs a part of a place ("positions in Mariupol", "a
        quarter of the city", "took control over the airport", "the northeast portion of the city
        is under Russian control") rather than the place itself."""
        governing = [head, *(c for c in head.children if c.dep_ == "dobj")]
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [
            g
            for token in governing
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("of", "over")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if head.dep_ == "pobj" and head.head.lower_ == "under":  # "X is under Russian control"
            objects += [c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for obj in objects:
            named = any(m.span.start <= obj.idx < m.span.end for m in self.result.places)
            if not named and _lemma(obj) not in _WHOLE_OBJECTS:
                return True
        return False

    def _time(self, parts: Sequence[Span], asides: Sequence[tuple[int, int]]) -> dt.date | None:
        if not parts:
            return None
        start, end = min(p.start for p in parts), max(p.end for p in parts)
        for mention in self.dates.starting_within(start, end):
            if _within(mention.span, parts, asides):
                return mention.date
        return None

    def _object(self, tokens: Sequence[Token], attribution: Attribution) -> str | None:
        objects = self.vocabulary.objects
        for token in tokens:
            # "the video was filmed at …" points at a video shown before; "footage indicates" does not
            if _lemma(token) in objects and _definite(token):
                return objects[_lemma(token)]
        if attribution.cue_class == "observe":
            cue = self.doc.char_span(
                attribution.cue.start, attribution.cue.end, alignment_mode="expand"
            )
            if cue is not None:
                root = cue.root
                for near in (root.head, *root.children, *root.head.children):
                    if _lemma(near) in objects:
                        return objects[_lemma(near)]
        return None


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _asides(clause: Sequence[Token]) -> list[tuple[int, int]]:
    """Character ranges of relative clauses and appositions: about something else in the clause."""
    return [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for t in clause
        if t.dep_ in _ASIDES and t.head.pos_ in ("NOUN", "PROPN")
    ]


def _within(span: Span, parts: Sequence[Span], asides: Sequence[tuple[int, int]]) -> bool:
    inside = any(p.start <= span.start and span.end <= p.end for p in parts)
    return inside and not any(a <= span.start < b for a, b in asides)


def _modality(head: Token | None, clause: Sequence[Token]) -> Modality:
    """Whether the content says something happens, would happen or will happen."""
    if head is None:
        return "asserted"
    inside = {t.i for t in clause}
    governing = [a for a in head.ancestors if a.i in inside]
    # "operations to liberate the town", "an effort to seize it": an infinitive is an aim
    infinitive = head.pos_ == "VERB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    )
    if infinitive and (head.dep_ != "xcomp" or _lemma(head.head) not in _IMPLICATIVES):
        return "hypothetical"
    # "are trying to encircle", "is expected to unfold": the aim governs through xcomp
    # "attempted to regain control": the aim governs the verb whose object the predicate is
    step = head.head if head.dep_ == "dobj" and head.head.i in inside else head
    while step.dep_ == "xcomp" and step.head.i in inside:
        step = step.head
        if _lemma(step) in _ATTEMPTS:
            return "hypothetical"
    for token in (head, *governing):
        for child in token.children:
            word = child.lower_
            if child.dep_ == "aux" and word in _FUTURE:
                return "future"
            if (child.dep_ == "aux" and word in _HYPOTHETICAL) or (
                child.dep_ == "mark" and word in _CONDITIONS
            ):
                return "hypothetical"
    return "asserted"


def _keywords(tokens: Iterable[Token]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for token in tokens:
        if token.pos_ in _KEYWORD_POS and token.is_alpha and not token.is_stop and len(token) > 2:
            seen.setdefault(_lemma(token), None)
    return tuple(seen)[:_MAX_KEYWORDS]
