"""Remove scraping debris from article bodies, keeping a map from clean offsets to raw offsets.

Cleaning only ever deletes characters: every character of the clean text is a character of the raw
text, in order, so `clean[i] == raw[to_raw(i)]` holds for every `i` and a span of the clean text
maps back to the raw text it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from fogwatch.records import OffsetRun, Span

# A media credit in parentheses: "( Photo: Reuters )", "( Video: Reuters )", "( Photo:: A / AFP )".
_CREDIT = r"\(\s*(?:Photos?|Videos?|Image|Credit|Illustration|Footage)\s*:{1,2}[^()\n]{0,200}\)"
_CREDIT_RE = re.compile(_CREDIT, re.IGNORECASE)

# A gallery marker and its caption, up to and including the caption's credit when it has one:
# "5 View gallery Russian troops entering Pokrovsk ( Photo: Reuters )".
_GALLERY_RE = re.compile(
    rf"\d*\s*View gallery\b(?:[^\n]*?{_CREDIT}|[^\n]*)",
    re.IGNORECASE,
)

# Whole lines that are page furniture, not prose.
_FURNITURE_RE = re.compile(
    r"^[ \t]*(?:share(?: this)?(?: article| story| on \w+)?|subscribe\b[^\n]{0,80}"
    r"|sign up\b[^\n]{0,80}|follow us\b[^\n]{0,80}|advertisement|read more\b[^\n]{0,80}"
    r"|click here\b[^\n]{0,80}|related(?: articles| stories)?|skip to (?:main )?content)"
    r"[ \t]*[:.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)

# A footnote marker glued to the word or sentence it annotates: "… on April 12.[1]", "Izyum[23],".
# Square brackets around a number that follow a space are prose ("[3] options"), so they stay.
_FOOTNOTE_RE = re.compile(r"(?<=[^\s\[(])\[\d{1,4}\]")

# Characters with no visible meaning that scrapers leave behind.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

_SENTENCE_END = '.!?"”’:;'
_NO_SPACE_BEFORE = ",.;:!?)]}%"


def _caption_start(raw: str, credit_start: int) -> int:
    """Start of the caption a credit closes, or `credit_start` when the credit ends a sentence.

    A credit follows its caption: "Smoke rises from Pokrovsk ( Photo: Reuters )". When the words
    before the credit end with no sentence punctuation and the text after it starts a new
    sentence (or the line ends), those words are the caption and go with the credit.
    """
    line_start = raw.rfind("\n", 0, credit_start) + 1
    before = raw[line_start:credit_start].rstrip()
    if not before or before[-1] in _SENTENCE_END:
        return credit_start
    after = raw[raw.find(")", credit_start) + 1 :].lstrip(" \t")
    if after and after[0] != "\n" and not (after[0].isupper() or after[0] in "“\"‘'"):
        return credit_start  # the sentence goes on after the credit: drop the credit alone
    last_end = max(before.rfind(mark + " ") for mark in ".!?”")
    return line_start + (last_end + 2 if last_end >= 0 else 0)


def _debris(raw: str) -> list[tuple[int, int]]:
    """Raw ranges to delete, merged and sorted."""
    ranges: list[tuple[int, int]] = []
    ranges += [m.span() for m in _GALLERY_RE.finditer(raw)]
    ranges += [m.span() for m in _FURNITURE_RE.finditer(raw)]
    ranges += [m.span() for m in _FOOTNOTE_RE.finditer(raw)]
    ranges += [m.span() for m in _INVISIBLE_RE.finditer(raw)]
    ranges += [(_caption_start(raw, m.start()), m.end()) for m in _CREDIT_RE.finditer(raw)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _kept_positions(raw: str, deleted: Sequence[tuple[int, int]]) -> Iterable[int]:
    index = 0
    for start, end in deleted:
        yield from range(index, start)
        index = end
    yield from range(index, len(raw))


def _pick_whitespace(raw: str, pending: list[int], next_char: str) -> list[int]:
    """Which of the pending whitespace positions to keep before `next_char`."""
    newlines = [i for i in pending if raw[i] == "\n"]
    if newlines:
        return newlines[:2]  # a paragraph break stays a paragraph break, never more
    if next_char in _NO_SPACE_BEFORE:
        return []
    spaces = [i for i in pending if raw[i] == " "]
    return [spaces[0] if spaces else pending[0]]


def clean(raw: str) -> tuple[str, tuple[OffsetRun, ...]]:
    """Return the clean text and the runs that map it back to `raw`."""
    deleted = _debris(raw)
    kept: list[int] = []
    pending: list[int] = []
    for i in _kept_positions(raw, deleted):
        char = raw[i]
        if char.isspace():
            pending.append(i)
            continue
        if pending and kept:
            kept += _pick_whitespace(raw, pending, char)
        pending = []
        kept.append(i)
    text = "".join(raw[i] for i in kept)
    return text, _runs(kept)


def _runs(positions: Sequence[int]) -> tuple[OffsetRun, ...]:
    runs: list[OffsetRun] = []
    for clean_index, raw_index in enumerate(positions):
        last = runs[-1] if runs else None
        if last and last.raw_start + last.length == raw_index:
            runs[-1] = OffsetRun(last.clean_start, last.raw_start, last.length + 1)
        else:
            runs.append(OffsetRun(clean_index, raw_index, 1))
    return tuple(runs)


class OffsetMap:
    """Maps clean-text offsets to raw-text offsets using the runs from `clean`."""

    def __init__(self, runs: Sequence[OffsetRun]) -> None:
        self._runs = list(runs)
        self._starts = [run.clean_start for run in self._runs]

    def to_raw(self, index: int) -> int:
        """The raw offset of the clean character at `index`."""
        run = self._runs[bisect_right(self._starts, index) - 1]
        if not 0 <= index - run.clean_start < run.length:
            raise IndexError(f"clean offset {index} is outside the text")
        return run.raw_start + index - run.clean_start

    def span_to_raw(self, span: Span) -> Span:
        """The raw range from the span's first character to its last (deleted debris included)."""
        if span.start == span.end:
            raw = self.to_raw(span.start) if span.start < self.length else self.raw_end
            return Span(raw, raw)
        return Span(self.to_raw(span.start), self.to_raw(span.end - 1) + 1)

    @property
    def length(self) -> int:
        last = self._runs[-1] if self._runs else None
        return last.clean_start + last.length if last else 0

    @property
    def raw_end(self) -> int:
        last = self._runs[-1] if self._runs else None
        return last.raw_start + last.length if last else 0
