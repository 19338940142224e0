"""Attribution scores on PolNeAR-style JSONL: cue, source and content spans, as BBC Citron scores them.

The input has one JSON document a line: `text` and `quotes`, each quote
`{id, has_source, cue, sources, contents}` with `{start, end, text}` character spans (PolNeAR,
Newell et al. 2018, in the shape BBC Citron reads). A part may be discontinuous: a role may list
several spans, and a span's `start` and `end` may be parallel lists.

Each role of an attribution (cue, source, content) is compared as one set of characters: the
union of its parts, each part trimmed of punctuation and spaces at both ends (a part that is only
punctuation, like a colon cue, is kept whole). So a discontinuous content matches a prediction
covering the same characters however the parts are cut, and quotation marks, a trailing full stop
or a leading space never decide a match. Per role, over the attributions that have that role:

- exact (`p`, `r`, `f1`): the same characters;
- overlapping (`f1_overlap`): character IoU at least 0.5;
- lenient (`f1_any`): at least one shared character.

What is scored is the attribution layer, `claims.attribution.find`, as `fogwatch.extract` runs it
(the same parser, actors and coreference): every attribution it finds, including those the claims
layer never shows (`claimable` False: attitudes such as "backed the bill", negated reports,
what a report is about), since PolNeAR annotates them all. Claims are `claims_of` those, scored
on news by `../shared/eval/news/score.py`.

Each gold and each prediction is matched at most once (a maximum one-to-one matching).
`source_accuracy` is the share of content matches (overlapping) whose sources agree: both absent,
or both present with IoU at least 0.5. Predicted attributions sharing a cue are one attribution
(fogwatch gives each sentence of a long quotation its own record; PolNeAR one span set). A quote
with neither cue nor content is an empty annotation and is skipped.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fogwatch.errors import InputError
from fogwatch.records import Span

if TYPE_CHECKING:
    from fogwatch.claims.attribution import Attribution

ROLES = ("cue", "source", "content")
OVERLAP_IOU = 0.5
FORMAT_FIX = (
    "write one JSON object a line with `text` and `quotes` "
    "[{id, has_source, cue, sources, contents}], spans as {start, end, text}"
)

Chars = frozenset[int]
FindMany = Callable[[Sequence[str]], Iterable[Sequence["Attribution"]]]


@dataclass(frozen=True, slots=True)
class SpanSet:
    """One role of an attribution: its characters (trimmed parts, joined) and its parts as written."""

    chars: Chars
    parts: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """A gold attribution: its id in the document and its cue, source and content characters."""

    id: str
    cue: Chars
    source: Chars
    content: Chars


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold document: where it was read (file:line), its text and its attributions."""

    where: str
    text: str
    attributions: tuple[GoldAttribution, ...]


# --- reading gold files ---------------------------------------------------------------------------


def load_jsonl(path: Path | str) -> list[GoldDocument]:
    """The documents of a PolNeAR-style JSONL file; a bad line raises `InputError` naming file:line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file", "give the path of a PolNeAR-style JSONL file")
    documents: list[GoldDocument] = []
    with path.open(encoding="utf-8") as stream:
        for line_number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            where = f"{path}:{line_number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(where, f"not JSON ({error.msg})", FORMAT_FIX) from None
            documents.append(_document(record, where))
    if not documents:
        raise InputError(str(path), "no documents", FORMAT_FIX)
    return documents


def _document(record: Any, where: str) -> GoldDocument:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(where, "no `text` string", FORMAT_FIX)
    quotes = record.get("quotes", [])
    if not isinstance(quotes, list):
        raise InputError(where, "`quotes` is not a list", FORMAT_FIX)
    text = record["text"]
    attributions = []
    for position, quote in enumerate(quotes):
        if not isinstance(quote, dict):
            raise InputError(where, f"quote {position} is not an object", FORMAT_FIX)
        label = f"quote {quote.get('id', position)}"
        cue = _role(quote.get("cue"), text, where, f"{label} cue")
        source = _role(quote.get("sources"), text, where, f"{label} sources")
        content = _role(quote.get("contents"), text, where, f"{label} contents")
        if not cue.chars and not content.chars:
            continue  # an empty annotation: nothing to score
        attributions.append(
            GoldAttribution(str(quote.get("id", position)), cue.chars, source.chars, content.chars)
        )
    return GoldDocument(where, text, tuple(attributions))


def _role(value: Any, text: str, where: str, label: str) -> SpanSet:
    """A role's spans: one span object, a list of them, or one with parallel start and end lists."""
    if value is None:
        return span_set(text, ())
    items = value if isinstance(value, list) else [value]
    parts: list[Span] = []
    for item in items:
        if not isinstance(item, dict):
            raise InputError(where, f"{label}: a span is not an object", FORMAT_FIX)
        starts, ends = item.get("start"), item.get("end")
        if not isinstance(starts, list):
            starts, ends = [starts], [ends]
        if not isinstance(ends, list) or len(starts) != len(ends):
            raise InputError(where, f"{label}: start and end do not pair up", FORMAT_FIX)
        for start, end in zip(starts, ends, strict=True):
            if not (isinstance(start, int) and isinstance(end, int)):
                raise InputError(where, f"{label}: start or end is not an integer", FORMAT_FIX)
            if not 0 <= start <= end <= len(text):
                raise InputError(
                    where,
                    f"{label}: span [{start}, {end}) lies outside the text of {len(text)} characters",
                    "fix the offsets (they count characters of `text`)",
                )
            parts.append(Span(start, end))
        written = item.get("text")
        # parallel start and end lists have no one text to check against
        single = not isinstance(item.get("start"), list)
        if single and isinstance(written, str) and parts[-1].of(text) != written:
            raise InputError(
                where,
                f"{label}: [{parts[-1].start}, {parts[-1].end}) covers "
                f"{parts[-1].of(text)!r}, not {written!r}",
                "offsets must count characters (not bytes) of `text`",
            )
    return span_set(text, parts)


def span_set(text: str, parts: Iterable[Span]) -> SpanSet:
    """The characters of `parts`, each trimmed of punctuation and spaces unless that empties it."""
    chars: set[int] = set()
    kept = tuple(parts)
    for part in kept:
        start, end = part.start, part.end
        while start < end and _is_trimmed(text[start]):
            start += 1
        while end > start and _is_trimmed(text[end - 1]):
            end -= 1
        if start == end:
            start, end = part.start, part.end
        chars.update(range(start, end))
    return SpanSet(frozenset(chars), kept)


def _is_trimmed(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


# --- scoring --------------------------------------------------------------------------------------


@dataclass
class _Counts:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    any: int = 0

    def scores(self) -> dict[str, float]:
        precision = _share(self.exact, self.predicted)
        recall = _share(self.exact, self.gold)
        return {
            "p": round(precision, 4),
            "r": round(recall, 4),
            "f1": round(_f1(self.exact, self.predicted, self.gold), 4),
            "f1_overlap": round(_f1(self.overlap, self.predicted, self.gold), 4),
            "f1_any": round(_f1(self.any, self.predicted, self.gold), 4),
        }


def predicted_attributions(text: str, found: Sequence[Attribution]) -> list[GoldAttribution]:
    """fogwatch attributions as scored: one per cue span, the contents of a shared cue joined."""
    by_cue: dict[Span, list[Attribution]] = {}
    for attribution in found:
        by_cue.setdefault(attribution.cue, []).append(attribution)
    merged = []
    for number, (cue, group) in enumerate(by_cue.items()):
        merged.append(
            GoldAttribution(
                f"P{number}",
                span_set(text, [cue]).chars,
                span_set(text, [s for a in group for s in a.sources]).chars,
                span_set(text, [c for a in group for c in a.contents]).chars,
            )
        )
    return merged


def evaluate(documents: Sequence[GoldDocument], find_many: FindMany) -> dict[str, Any]:
    """Cue, source and content P/R/F1 and source accuracy (the metrics are in the module docstring).

    `find_many` returns the attributions of many texts at once, in order, as `run` does with
    fogwatch's parser and `claims.attribution.find`.
    """
    counts = {role: _Counts() for role in ROLES}
    gold_total = predicted_total = content_matches = sources_agree = 0
    found_all = find_many([document.text for document in documents]) if documents else []
    for document, found in zip(documents, found_all, strict=True):
        gold = list(document.attributions)
        predicted = predicted_attributions(document.text, found)
        gold_total += len(gold)
        predicted_total += len(predicted)
        for role in ROLES:
            gold_sets = [(n, getattr(a, role)) for n, a in enumerate(gold) if getattr(a, role)]
            predicted_sets = [
                (n, getattr(a, role)) for n, a in enumerate(predicted) if getattr(a, role)
            ]
            tally = counts[role]
            tally.gold += len(gold_sets)
            tally.predicted += len(predicted_sets)
            tally.exact += len(match(gold_sets, predicted_sets, _same))
            pairs = match(gold_sets, predicted_sets, _overlaps)
            tally.overlap += len(pairs)
            tally.any += len(match(gold_sets, predicted_sets, _touches))
            if role == "content":
                content_matches += len(pairs)
                sources_agree += sum(
                    _sources_agree(gold[g].source, predicted[p].source) for g, p in pairs
                )
    return {
        "docs": len(documents),
        "gold": gold_total,
        "predicted": predicted_total,
        **{role: counts[role].scores() for role in ROLES},
        "source_accuracy": round(_share(sources_agree, content_matches), 4),
    }


def match(
    gold: Sequence[tuple[int, Chars]],
    predicted: Sequence[tuple[int, Chars]],
    agree: Callable[[Chars, Chars], bool],
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted sets that `agree`, as (gold, predicted) ids.

    Kuhn's augmenting paths; each gold tries its candidates best IoU first, so among maximum
    matchings the closer pairs tend to win.
    """
    candidates = [
        [
            p
            for p, _ in sorted(
                ((p, chars) for p, chars in predicted if agree(g_chars, chars)),
                key=lambda item: -_iou(g_chars, item[1]),
            )
        ]
        for _, g_chars in gold
    ]
    owner: dict[int, int] = {}

    def assign(g: int, seen: set[int]) -> bool:
        for p in candidates[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        assign(g, set())
    return sorted((gold[g][0], p) for p, g in owner.items())


def _iou(a: Chars, b: Chars) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _same(a: Chars, b: Chars) -> bool:
    return a == b


def _overlaps(a: Chars, b: Chars) -> bool:
    return _iou(a, b) >= OVERLAP_IOU


def _touches(a: Chars, b: Chars) -> bool:
    return not a.isdisjoint(b)


def _sources_agree(gold: Chars, predicted: Chars) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    return _overlaps(gold, predicted)


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _f1(hits: int, predicted: int, gold: int) -> float:
    return 2 * hits / (predicted + gold) if predicted + gold else 0.0


# --- fogwatch's own attribution finder ------------------------------------------------------------


def find_many(texts: Sequence[str]) -> Iterable[list[Attribution]]:
    """fogwatch's attributions of each text: the verified parser, actors, coreference, then attribution."""
    from fogwatch.claims import attribution
    from fogwatch.language import actors, coref, nlp

    for doc in nlp.parse(texts):
        mentions = actors.find(doc)
        yield attribution.find(doc, mentions, coref.resolve(doc, mentions))


def run(path: Path | str) -> dict[str, Any]:
    """Score `claims.attribution` on a PolNeAR-style JSONL file: what `fogwatch eval attribution` prints."""
    return evaluate(load_jsonl(path), find_many)
