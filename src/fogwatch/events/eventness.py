"""Whether a trigger word reports an event that happened: a small learned judge of modality.

`judge(doc, trigger, published=...)` reads a trigger token in its parsed article and says which of
seven things its sentence does with it, with a probability for each:

- `asserted`: a concrete incident reported as having happened recently ("Russian forces shelled
  Kharkiv on Monday", also when only claimed: "Ukraine says Russia shelled Kharkiv");
- `negated` ("did not conduct any ground attacks"), `hypothetical` (conditions, aims, "trying to
  capture", "would"), `future` ("will", "are preparing to", "after they take X");
- `historical`: a concrete incident more than about a month before publication;
- `general`: analysis, trends, habits, long-period totals, rhetoric ("waging war on the truth"),
  headings; `none`: the word is not about a conflict or political event at all.

The features cost nothing at run time beyond a few hundred dictionary lookups: the spaCy Doc
already holds them. Dense: the tok2vec rows (`doc.tensor`, 96 numbers a token of
en_core_web_sm) of the trigger and of its clause's head, and their sentence's mean. Sparse, hashed
into a fixed number of columns: the trigger's lemma, tag and dependency; the lemmas, tags and
auxiliary/negation/mark children of the words above it up to the sentence root; the cue classes
of those words (modal, negation, condition, intent, report, habit … — lists kept in the model's
JSON file, so they travel with the weights); the years and months named in the sentence against
the publication date; whether the sentence looks like a heading or a quote; where it sits in the
article; and a bag of the sentence's lemmas.

A multinomial logistic regression trained by `scripts/train_eventness.py` on hand-labelled
sentences of real war news (stand-off labels in `data/event_labels.jsonl`, described in
`data/event_labels.md`) turns them into probabilities. Its arrays (`data/eventness_model.npz`) are
checked against the sha256 in `data/eventness_model.json` before use.

Measured by 5-fold cross-validation grouped by article on the 1,243 labels: on the 825 triggers
the coder makes an event of, "asserted or not" has precision 0.89 and recall 0.86 (the coder's
rules: 0.70 and 0.91), seven-way accuracy 0.72 (rules 0.64); `negated` is the weak label (26
examples: recall 0.30 where the rules reach 0.70). About 0.3 ms a trigger, under 2% of parsing.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import numpy as np

from fogwatch.language.nlp import entities_within, tokens_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MODEL_FILE = "eventness_model.npz"
MANIFEST_FILE = "eventness_model.json"
RETRAIN = (
    "retrain it: .venv/bin/python scripts/train_eventness.py ../shared/corpus/real-news-dev.jsonl"
)
ASSERTED = "asserted"
HISTORICAL = "historical"
GENERAL = "general"
NONE = "none"
NO_INCIDENT_DOUBT = 0.2
"""`Judgement.past_incident`: the odds of no incident at all under which a historical reading
is only a question of time."""
LABELS = ("asserted", "negated", "hypothetical", "future", "historical", "general", "none")
"""The seven judgements, in the order of the model's rows."""

_MAX_CLIMB = 8
_CLOSED_CHILD_DEPS = frozenset(
    {"aux", "auxpass", "neg", "mark", "advmod", "det", "prep", "amod", "prt", "npadvmod", "poss"}
)
_CLAUSE_CHILD_DEPS = frozenset({"aux", "auxpass", "neg", "mark", "advmod"})
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "pcomp", "csubj"})
_FINAL_PUNCTUATION = frozenset('.!?"”’)')
_QUOTES = frozenset('"“”')
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


class EventnessError(Exception):
    """The trained eventness model is missing, altered, or does not fit this code."""


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a sentence does with one trigger word: the likeliest modality and all seven odds."""

    modality: str
    probabilities: dict[str, float]

    @property
    def asserted(self) -> bool:
        """Whether the trigger reports a concrete, recent incident."""
        return self.modality == ASSERTED

    def past_incident(self) -> bool:
        """Whether the model reads a past incident and doubts only its time: an incident it is
        sure of (no event at all, "general" or "none", under `NO_INCIDENT_DOUBT`) that it takes
        for an old one, which a date in the words can settle."""
        doubt = self.probabilities[GENERAL] + self.probabilities[NONE]
        return self.modality == HISTORICAL and doubt < NO_INCIDENT_DOUBT


@dataclass(frozen=True)
class FeatureConfig:
    """How tokens become a vector; stored in the model's JSON so weights and features agree."""

    buckets: int
    """Columns of the hashed sparse features."""
    tensor: bool
    """Whether the tok2vec rows of trigger, clause head and sentence mean are used."""
    cues: Mapping[str, frozenset[str]]
    """Cue class → lower-case lemmas ("future": will, shall …)."""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FeatureConfig:
        """The config as `to_json` wrote it."""
        return cls(
            buckets=int(data["buckets"]),
            tensor=bool(data["tensor"]),
            cues={name: frozenset(words) for name, words in data["cues"].items()},
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form, cue lists sorted."""
        return {
            "buckets": self.buckets,
            "tensor": self.tensor,
            "cues": {name: sorted(words) for name, words in sorted(self.cues.items())},
        }

    @functools.cached_property
    def cue_of(self) -> dict[str, tuple[str, ...]]:
        """Lemma → the cue classes it belongs to (computed once; no slots, so it can be cached)."""
        index: dict[str, list[str]] = {}
        for name, words in sorted(self.cues.items()):
            for word in words:
                index.setdefault(word, []).append(name)
        return {word: tuple(names) for word, names in index.items()}


# ─── features ────────────────────────────────────────────────────────────────────────────────


def feature_strings(
    doc: Doc, trigger: Token, config: FeatureConfig, published: dt.date | None = None
) -> list[str]:
    """The named sparse features of one trigger, before hashing (for tests and inspection)."""
    sentence = trigger.sent
    words = tokens_in(doc, sentence.start, sentence.end)  # read three times: made once
    found: list[str] = []
    add = found.append
    cue_of = config.cue_of

    def cues(prefix: str, lemma: str) -> None:
        for name in cue_of.get(lemma, ()):
            add(f"{prefix}:{name}")

    lemma = _lemma(trigger)
    add(f"lemma:{lemma}")
    add(f"tag:{trigger.tag_}")
    add(f"dep:{trigger.dep_}")
    add(f"tag_dep:{trigger.tag_}:{trigger.dep_}")
    for child in trigger.children:
        add(f"child_dep:{child.dep_}")
        if child.dep_ in _CLOSED_CHILD_DEPS:
            child_lemma = _lemma(child)
            add(f"child:{child.dep_}:{child_lemma}")
            cues("child_cue", child_lemma)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        add("has_subject")
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        add("infinitive")

    found.extend(_clause_features(trigger, cue_of))
    path: list[str] = []
    node = trigger
    for depth in range(_MAX_CLIMB):
        if node.head.i == node.i:
            break
        path.append(node.dep_)
        head = node.head
        head_lemma = _lemma(head)
        if depth < 2:
            add(f"head{depth}:{node.dep_}:{head_lemma}")
        add(f"anc:{head_lemma}")
        add(f"anc_tag:{head.tag_}")
        cues("anc_cue", head_lemma)
        if node.dep_ == "ccomp" and "report" in cue_of.get(head_lemma, ()):
            add("reported")
        for child in head.children:
            if child.dep_ in _CLAUSE_CHILD_DEPS and child.i != node.i:
                child_lemma = _lemma(child)
                add(f"anc_child:{child.dep_}:{child_lemma}")
                cues("anc_child_cue", child_lemma)
        node = head
    add(f"path:{'>'.join(path[:3])}")
    add(f"depth:{min(len(path), 5)}")
    add(f"root_tag:{node.tag_}")

    for offset in (-2, -1, 1):
        i = trigger.i + offset
        if sentence.start <= i < sentence.end:
            add(f"w{offset}:{_lemma(words[i - sentence.start])}")

    has_verb = False
    quotes_before = 0
    for token in words:
        token_lemma = _lemma(token)
        add(f"bow:{token_lemma}")
        cues("sent_cue", token_lemma)
        has_verb = has_verb or token.pos_ in _VERBS
        if token.i < trigger.i and token.text in _QUOTES:
            quotes_before += 1
    found.extend(_time_features(sentence, published))
    found.extend(_shape_features(doc, sentence.start, words, has_verb))
    if quotes_before % 2:
        add("in_quote")
    return found


def _clause_features(trigger: Token, cue_of: Mapping[str, tuple[str, ...]]) -> Iterable[str]:
    """What the trigger's own clause says of it: its negations, modals, marks and their cue
    classes ("did not conduct any assaults", "would attack", "if they capture"), then what the
    clause above says of that clause ("denied that …", "plans to …")."""
    node = trigger
    scope = "own"
    for _ in range(_MAX_CLIMB):
        for child in node.children:
            if child.dep_ in _CLAUSE_CHILD_DEPS or (child.dep_ == "det" and child.lower_ == "no"):
                child_lemma = _lemma(child)
                yield f"{scope}:{child.dep_}:{child_lemma}"
                for name in cue_of.get(child_lemma, ()):
                    yield f"{scope}_cue:{name}"
        if node.i != trigger.i:
            for name in cue_of.get(_lemma(node), ()):
                yield f"{scope}_word_cue:{name}"
        heads_clause = node.pos_ in _VERBS and (
            node.dep_ in _CLAUSE_DEPS or any(c.dep_ in _SUBJECTS for c in node.children)
        )
        if node.head.i == node.i:
            yield f"{scope}_clause:root"
            return
        if heads_clause or node.dep_ in _CLAUSE_DEPS:
            yield f"{scope}_clause:{node.dep_}"
            if scope == "above":
                return
            yield f"above_head:{_lemma(node.head)}"
            scope = "above"
        node = node.head


def _lemma(token: Token) -> str:
    if token.like_num:
        return "#"
    return token.lemma_.lower()


def _time_features(sentence: Span, published: dt.date | None) -> Iterable[str]:
    """Years and months the sentence names, against the publication date when it is known."""
    for entity in entities_within(sentence):
        if entity.label_ != "DATE":
            continue
        yield "date_entity"
        year: int | None = None
        month: int | None = None
        for token in entity:
            word = token.lower_.rstrip(".")
            if _YEAR.match(word):
                year = int(word)
            elif word in _MONTHS and (word != "may" or token.text == "May"):
                month = _MONTHS[word]
            else:
                yield f"date_word:{token.lemma_.lower()}"
        if published is None:
            continue
        if year is not None:
            yield f"years_ago:{_bucket(published.year - year, (0, 1, 2, 4))}"
        if month is not None:
            months = (published.month - month) % 12
            if year is not None:
                months = (published.year - year) * 12 + published.month - month
            yield f"months_ago:{_bucket(months, (0, 1, 2, 4, 12))}"


def _bucket(value: int, edges: Sequence[int]) -> str:
    if value < 0:
        return "ahead"
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _shape_features(
    doc: Doc, start: int, sentence: Sequence[Token], has_verb: bool
) -> Iterable[str]:
    """Headings, short lines and where the sentence (its tokens, from token `start`) sits in
    the article."""
    last = sentence[-1].text[-1:] if len(sentence) else ""
    if last not in _FINAL_PUNCTUATION:
        yield "no_final_punctuation"
    if not has_verb:
        yield "no_verb"
    words = [t for t in sentence if t.is_alpha]
    if words and sum(t.is_upper for t in words) > len(words) / 2:
        yield "upper_case"
    yield f"length:{_bucket(len(sentence), (6, 12, 25, 40))}"
    if any(t.text == ":" for t in sentence):
        yield "colon"
    yield f"position:{min(4, 5 * start // max(1, len(doc)))}"
    if start == 0:
        yield "first_sentence"


def _hash(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


def vectorise(
    doc: Doc,
    triggers: Sequence[Token],
    config: FeatureConfig,
    published: dt.date | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The dense (tok2vec) and sparse (hashed, 0/1) feature rows of each trigger."""
    width = doc.tensor.shape[1] if config.tensor and doc.tensor.size else 0
    dense = np.zeros((len(triggers), 3 * width if config.tensor else 0), dtype=np.float32)
    sparse = np.zeros((len(triggers), config.buckets), dtype=np.float32)
    sentence_means: dict[int, np.ndarray] = {}
    for row, trigger in enumerate(triggers):
        for feature in feature_strings(doc, trigger, config, published):
            sparse[row, _hash(feature, config.buckets)] = 1.0
        if width:
            sentence = trigger.sent
            mean = sentence_means.get(sentence.start)
            if mean is None:
                mean = sentence_means[sentence.start] = doc.tensor[
                    sentence.start : sentence.end
                ].mean(axis=0)
            clause = _clause_head(trigger)
            dense[row] = np.concatenate([doc.tensor[trigger.i], doc.tensor[clause.i], mean])
    return dense, sparse


def _clause_head(token: Token) -> Token:
    """The nearest verb at or above the trigger (its own clause), else the sentence root."""
    node = token
    for _ in range(_MAX_CLIMB):
        if node.pos_ in _VERBS or node.head.i == node.i:
            return node
        node = node.head
    return node


# ─── the model ───────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Model:
    """Trained arrays: scaled dense part and sparse part side by side, one row per label."""

    labels: tuple[str, ...]
    config: FeatureConfig
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def matrix(self, dense: np.ndarray, sparse: np.ndarray) -> np.ndarray:
        """The model's input rows: the dense part standardised, then the sparse part."""
        if dense.shape[1]:
            dense = (dense - self.dense_mean) / self.dense_scale
        return np.hstack([dense, sparse]).astype(np.float32, copy=False)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Softmax over the labels, one row per input row."""
        scores = rows @ self.coef.T + self.intercept
        shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
        return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def judge(doc: Doc, trigger: Token, published: dt.date | None = None) -> Judgement:
    """What `trigger`'s sentence does with it: asserted, negated, hypothetical, future,
    historical, general or none, with the probability of each.

    `published` is the article's publication date: the years and months the sentence names are
    measured against it (without it, an incident "in 2014" looks no older than one "on Monday").
    """
    return judge_many(doc, [trigger], published)[0]


def judge_many(
    doc: Doc, triggers: Sequence[Token], published: dt.date | None = None
) -> list[Judgement]:
    """`judge` for several triggers of one doc: one matrix product for all of them."""
    if not triggers:
        return []
    model = load_model()
    dense, sparse = vectorise(doc, triggers, model.config, published)
    if dense.shape[1] != model.dense_mean.shape[0]:
        raise EventnessError(
            f"eventness model {MODEL_FILE} expects {model.dense_mean.shape[0]} tok2vec columns, "
            f"the parsed doc gives {dense.shape[1]} — {RETRAIN}"
        )
    judged = []
    for row in model.probabilities(model.matrix(dense, sparse)):
        best = int(np.argmax(row))
        judged.append(
            Judgement(
                modality=model.labels[best],
                probabilities={label: float(p) for label, p in zip(model.labels, row, strict=True)},
            )
        )
    return judged


def manifest() -> dict[str, Any]:
    """The model's JSON: labels, feature config, sha256 of the arrays, training figures."""
    try:
        text = files("fogwatch.data").joinpath(MANIFEST_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EventnessError(f"eventness manifest {MANIFEST_FILE} is missing — {RETRAIN}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise EventnessError(
            f"eventness manifest {MANIFEST_FILE}:{error.lineno}: not valid JSON — {RETRAIN}"
        ) from None
    if not isinstance(data, dict):
        raise EventnessError(f"eventness manifest {MANIFEST_FILE} is not an object — {RETRAIN}")
    return data


@functools.cache
def load_model() -> Model:
    """The verified model, read once per process (`load_model.cache_clear()` to read again)."""
    data = manifest()
    resource = files("fogwatch.data").joinpath(MODEL_FILE)
    try:
        payload = resource.read_bytes()
    except FileNotFoundError:
        raise EventnessError(f"eventness model {MODEL_FILE} is missing — {RETRAIN}") from None
    if hashlib.sha256(payload).hexdigest() != data.get("sha256"):
        raise EventnessError(f"eventness model {MODEL_FILE} does not match its sha256 — {RETRAIN}")
    labels = tuple(data.get("labels", ()))
    if labels != LABELS:
        raise EventnessError(
            f"eventness model {MODEL_FILE} was trained on labels {labels}, not {LABELS} — {RETRAIN}"
        )
    config = FeatureConfig.from_json(data["features"])
    with np.load(io.BytesIO(payload), allow_pickle=False) as arrays:
        model = Model(
            labels=labels,
            config=config,
            dense_mean=arrays["dense_mean"],
            dense_scale=arrays["dense_scale"],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
        )
    expected = (len(labels), model.dense_mean.shape[0] + config.buckets)
    if model.coef.shape != expected:
        raise EventnessError(
            f"eventness model {MODEL_FILE} has weights of shape {model.coef.shape}, "
            f"expected {expected} — {RETRAIN}"
        )
    return model
